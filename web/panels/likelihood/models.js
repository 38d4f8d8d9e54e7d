// What the page calls each noise model: the loss it turns into, that loss's colour, the name
// of its center and spread, and the formulas of its scale and constant, as words. Numbers are
// never stored here; they come from the core.
export const MODELS = Object.freeze({
  gaussian: Object.freeze({
    title: 'Gaussian',
    loss: 'MSE',
    lossLong: 'Mean squared error, MSE',
    colorKey: 'mse',
    location: 'μ',
    spread: 'σ',
    scaleFormula: '1/(2σ²)',
    offsetFormula: '½ ln(2πσ²)',
    best: 'the mean',
  }),
  laplace: Object.freeze({
    title: 'Laplace',
    loss: 'MAE',
    lossLong: 'Mean absolute error, MAE',
    colorKey: 'mae',
    location: 'μ',
    spread: 'b',
    scaleFormula: '1/b',
    offsetFormula: 'ln(2b)',
    best: 'the median',
  }),
  bernoulli: Object.freeze({
    title: 'Bernoulli',
    loss: 'CE',
    lossLong: 'Mean cross-entropy, CE',
    colorKey: 'ce',
    location: 'z',
    spread: null,
    scaleFormula: null,
    offsetFormula: null,
    best: 'the logit of the share of ones',
  }),
});
