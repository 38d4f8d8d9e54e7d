// The numbers the landscape lab's story quotes (web/shared/story.js), at a step's state, all
// from the core: the start (how many points it puts on the wrong side, and p at the point
// nearest the middle, core.sigmoid); each descent's loss and gradient at the start and after
// the step's steps, with the share of its starting loss it has shed (core.descentPath), and,
// when the step uses momentum, the squared-error loss the same run reaches without it; where
// the squared-error map curves downward (the share of its 200 × 200 grid) and the smallest
// curvature of the cross-entropy map on the lab's own 100 × 100 grid (core.landscapeCurvature).
// Steps that share data and a window share their maps.
import { dataOf } from './state.js';

const MSE_SIDE = 200;
const CE_SIDE = 100;
const maps = new Map();

/** The curvature figures of one data set and window, computed once. */
function curvatureOf(core, state) {
  const key = JSON.stringify([state.x, state.y, state.view]);
  if (!maps.has(key)) {
    const grid = (loss, side) =>
      core.landscapeCurvature(dataOf(state), loss, ...state.view, side, side);
    const mse = grid('mse', MSE_SIDE);
    const ce = grid('ce', CE_SIDE);
    maps.set(key, {
      concaveShare: (100 * mse.filter((value) => value < 0).length) / mse.length,
      ceCurvatureMin: ce.reduce((a, b) => Math.min(a, b), Infinity),
    });
  }
  return maps.get(key);
}

/** One descent after `steps` steps (or where it stopped). */
function run(core, state, loss, momentum = state.momentum) {
  const path = core.descentPath(
    dataOf(state),
    loss,
    state.w,
    state.b,
    state.lr,
    state.steps,
    momentum,
  );
  const last = path.w.length - 1;
  return {
    start: path.loss[0],
    startGrad: path.gradNorm[0],
    loss: path.loss[last],
    grad: path.gradNorm[last],
    w: path.w[last],
    b: path.b[last],
    shed: 100 * (1 - path.loss[last] / path.loss[0]),
  };
}

/** @param {object} core  @param {object} state  the landscape lab's state */
export function storyNumbers(core, state) {
  const { x, y, w, b } = state;
  const p = x.map((xk) => core.sigmoid(w * xk + b));
  const wrong = p.filter((pk, k) => (y[k] === 1 ? pk < 0.5 : pk > 0.5)).length;
  const near = x.reduce((best, xk, k) => (Math.abs(xk) < Math.abs(x[best]) ? k : best), 0);
  const [ce, mse] = [run(core, state, 'ce'), run(core, state, 'mse')];
  const numbers = {
    n: x.length,
    wrong,
    w,
    b,
    lr: state.lr,
    momentum: state.momentum,
    steps: state.steps,
    nearX: x[near],
    nearLabel: y[near],
    nearP: p[near],
    ...curvatureOf(core, state),
    gradRatio: ce.startGrad / mse.startGrad,
  };
  for (const [name, at] of [
    ['ce', ce],
    ['mse', mse],
  ]) {
    for (const [key, value] of Object.entries(at)) {
      numbers[`${name}${key[0].toUpperCase()}${key.slice(1)}`] = value;
    }
  }
  if (state.momentum > 0) numbers.mseLossPlain = run(core, state, 'mse', 0).loss;
  return numbers;
}
