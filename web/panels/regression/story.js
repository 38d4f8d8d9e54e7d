// The numbers the regression lab's story quotes (web/shared/story.js), at a step's state: the
// data (each target and prediction, the outlier's when it is on, δ), the best constant under
// each loss from the core's fitConstant (the mean; the median, with the ends of its range when
// every c in a range is best; Huber's best constant), the core's regressionLosses for
// the predictions in the table (each point's residual, prediction minus target, and each
// loss's gradient on it, numbered from 1 with the outlier last), and how many times MSE's pull
// on the last point is its pull on the first.
import { dataOf } from './state.js';

/** @param {object} core  @param {object} state  the lab's state (state.js) */
export function storyNumbers(core, state) {
  const { targets, preds } = dataOf(state);
  const fit = core.fitConstant(targets, state.delta);
  const losses = core.regressionLosses(preds, targets, state.delta);
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
    pullRatio: Math.abs(losses.dmse.at(-1) / losses.dmse[0]),
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
