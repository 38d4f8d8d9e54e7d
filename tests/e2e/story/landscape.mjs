// What the landscape lab's story must show at a step's state, from the plain-JS reference of
// tests/e2e/atlas/landscape_reference.mjs (not the page's core): the start's probabilities,
// both descents (heavy-ball, from the definitions), the share of the 200 × 200 grid where
// squared error's Hessian has a negative eigenvalue, and cross-entropy's smallest curvature on
// the 100 × 100 grid. The grids are the slow part: each data set and window is done once.
import { sigmoid } from '../reference.mjs';
import { concaveShare, descend, smallestCeCurvature } from '../atlas/landscape_reference.mjs';

const grids = new Map();

function curvature(data, view) {
  const key = JSON.stringify([data, view]);
  if (!grids.has(key)) {
    grids.set(key, {
      concaveShare: 100 * concaveShare(data, view, 200),
      ceCurvatureMin: smallestCeCurvature(data, view, 100),
    });
  }
  return grids.get(key);
}

export function expected(state) {
  const { x, y, w, b, lr, momentum, steps, view } = state;
  const data = { x, y };
  const p = x.map((xk) => sigmoid(w * xk + b));
  const near = x.map(Math.abs).indexOf(Math.min(...x.map(Math.abs)));
  const setting = { w, b, lr, momentum };
  const ce = descend(data, 'ce', setting, steps);
  const mse = descend(data, 'mse', setting, steps);
  const shed = (at) => 100 * (1 - at.loss / at.startLoss);
  return {
    n: x.length,
    // Misjudged: the model leans to the other label (p on the far side of one half).
    wrong: p.filter((pk, k) => (y[k] === 1 ? pk < 0.5 : pk > 0.5)).length,
    w,
    b,
    lr,
    momentum,
    steps,
    nearX: x[near],
    nearLabel: y[near],
    nearP: p[near],
    ...curvature(data, view),
    gradRatio: ce.startGradNorm / mse.startGradNorm,
    ceStart: ce.startLoss,
    ceStartGrad: ce.startGradNorm,
    ceLoss: ce.loss,
    ceGrad: ce.gradNorm,
    ceW: ce.w,
    ceB: ce.b,
    ceShed: shed(ce),
    mseStart: mse.startLoss,
    mseStartGrad: mse.startGradNorm,
    mseLoss: mse.loss,
    mseGrad: mse.gradNorm,
    mseW: mse.w,
    mseB: mse.b,
    mseShed: shed(mse),
    mseLossPlain: descend(data, 'mse', { ...setting, momentum: 0 }, steps).loss,
  };
}
