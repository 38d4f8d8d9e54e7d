// What the regression lab's story must show at a step's state, from the plain-JS references of
// tests/e2e/reference.mjs (not the page's core): the best constants (the mean, the median's
// range, Huber's by bisection) and the mean losses with their per-point gradients.
import { fitConstant, regressionLosses } from '../reference.mjs';

export function expected(state) {
  const targets = [...state.targets];
  const preds = [...state.preds];
  if (state.outlierOn) {
    targets.push(state.outlierTarget);
    preds.push(state.outlierPred);
  }
  const fit = fitConstant(targets, state.delta);
  const losses = regressionLosses(preds, targets, state.delta);
  const numbers = {
    points: targets.length,
    delta: state.delta,
    mean: fit.mean,
    median: fit.median,
    medianLow: fit.maeMinimizers.low,
    medianHigh: fit.maeMinimizers.high,
    huberBest: fit.huber,
    mse: losses.mse,
    mae: losses.mae,
    huber: losses.huber,
    // MSE's pull is 2·residual/n, so the ratio of two pulls is the ratio of their residuals.
    pullRatio: Math.abs((preds.at(-1) - targets.at(-1)) / (preds[0] - targets[0])),
  };
  targets.forEach((target, i) => {
    const k = i + 1;
    Object.assign(numbers, {
      [`target_${k}`]: target,
      [`pred_${k}`]: preds[i],
      [`residual_${k}`]: preds[i] - target,
      [`dmse_${k}`]: losses.dmse[i],
      [`dmae_${k}`]: losses.dmae[i],
      [`dhuber_${k}`]: losses.dhuber[i],
    });
  });
  return numbers;
}
