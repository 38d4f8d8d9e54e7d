// The numbers the likelihood lab's story quotes (web/shared/story.js), at a step's state, all
// from the core: for Gaussian or Laplace data, the mean NLL, the loss with its scale and
// constant, and the best center (likelihoodPoint, likelihoodFit); the density and the cost of
// the data point nearest the center and of the one farthest from it; and the best center a
// Laplace model would choose on the same data. For 0/1 labels: the counts, p = σ(z), the cost
// of a 1 and of a 0, the mean NLL, its scale and constant, and the best logit with its p (left
// out when no finite logit is best, so a step cannot quote one).

/** The index of the smallest (sign 1) or largest (sign −1) of `values`. */
const indexOf = (values, sign) =>
  values.reduce((best, value, i) => (sign * (value - values[best]) < 0 ? i : best), 0);

function continuousNumbers(core, state) {
  const { dist, data, mu } = state;
  const spread = dist === 'gaussian' ? state.sigma : state.b;
  const point = core.likelihoodPoint(dist, data, mu, spread);
  const fit = core.likelihoodFit(dist, data, spread);
  const distances = data.map((x) => Math.abs(x - mu));
  const [near, far] = [indexOf(distances, 1), indexOf(distances, -1)];
  return {
    n: data.length,
    mu,
    spread,
    near: data[near],
    densityNear: point.densities[near],
    far: data[far],
    densityFar: point.densities[far],
    nearOverFar: point.densities[near] / point.densities[far],
    costFar: point.nlls[far],
    costFarShare: (100 * point.nlls[far]) / point.totalNll,
    totalNll: point.totalNll,
    meanNll: point.meanNll,
    loss: point.loss,
    scale: point.lossScale,
    constant: point.offset,
    best: fit.best,
    laplaceBest: core.likelihoodFit('laplace', data, spread).best,
  };
}

function bernoulliNumbers(core, { outcomes, z }) {
  const point = core.likelihoodPoint('bernoulli', outcomes, z, 1);
  const fit = core.likelihoodFit('bernoulli', outcomes, 1);
  const one = outcomes.indexOf(1);
  const zero = outcomes.indexOf(0);
  return {
    n: fit.n,
    ones: fit.ones,
    zeros: fit.zeros,
    z,
    p: point.p,
    costOne: one < 0 ? undefined : point.nlls[one],
    costZero: zero < 0 ? undefined : point.nlls[zero],
    meanNll: point.meanNll,
    loss: point.loss,
    scale: point.lossScale,
    constant: point.offset,
    best: fit.attained ? fit.best : undefined,
    bestP: fit.attained ? core.sigmoid(fit.best) : undefined,
    share: fit.shareOfOnes,
  };
}

/** @param {object} core  @param {object} state  the likelihood lab's state */
export function storyNumbers(core, state) {
  return state.dist === 'bernoulli'
    ? bernoulliNumbers(core, state)
    : continuousNumbers(core, state);
}
