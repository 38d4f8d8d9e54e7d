// What the likelihood lab's story must show at a step's state, from the textbook formulas of
// tests/e2e/atlas/likelihood_reference.mjs (not the page's core): the densities and costs per
// point, the loss with its scale and constant, the best center (the mean, the median, the logit
// of the share of ones), and the counts of the labels.
import { likelihoodModel } from '../atlas/likelihood_reference.mjs';

const mean = (values) => values.reduce((a, b) => a + b, 0) / values.length;

function continuous(state) {
  const model = likelihoodModel(state);
  const { data, mu } = state;
  const distances = data.map((x) => Math.abs(x - mu));
  const near = distances.indexOf(Math.min(...distances));
  const far = distances.indexOf(Math.max(...distances));
  const laplace = likelihoodModel({ ...state, dist: 'laplace', b: model.scale });
  return {
    n: data.length,
    mu,
    spread: model.scale,
    near: data[near],
    densityNear: model.densities[near],
    far: data[far],
    densityFar: model.densities[far],
    nearOverFar: model.densities[near] / model.densities[far],
    costFar: model.costs[far],
    costFarShare: (100 * model.costs[far]) / model.total,
    totalNll: model.total,
    meanNll: model.meanNll,
    loss: model.loss,
    scale: model.lossScale,
    constant: model.offset,
    // The Gaussian's best center is the plain average of the data, computed here directly.
    best: state.dist === 'gaussian' ? mean(data) : model.best[0],
    laplaceBest: laplace.best[0],
  };
}

function bernoulli(state) {
  const model = likelihoodModel(state);
  const share = model.ones / model.n;
  const finite = model.ones > 0 && model.zeros > 0;
  return {
    n: model.n,
    ones: model.ones,
    zeros: model.zeros,
    z: state.z,
    p: model.p,
    costOne: -Math.log(model.p),
    costZero: -Math.log(model.q),
    meanNll: model.meanNll,
    loss: model.loss,
    scale: model.lossScale,
    constant: model.offset,
    best: finite ? Math.log(share / (1 - share)) : undefined,
    // At the best logit the model's p is the share of ones itself.
    bestP: finite ? share : undefined,
    share,
  };
}

export function expected(state) {
  return state.dist === 'bernoulli' ? bernoulli(state) : continuous(state);
}
