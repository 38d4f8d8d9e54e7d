// The regression lab's predict-then-check questions (see web/shared/questions.js). Each answer
// is judged from the core's numbers when the reader checks it.
import { formatNumber } from '../../shared/number_format.js';
import { table } from './state.js';

const TARGETS = table.defaults.targets; // 3, 5, 2
const [NEAR, FAR] = [25, 50];

/** "4" for a unique minimiser, "any c from 3 to 5" for an interval. */
const minimizers = ({ low, high }) =>
  low === high ? formatNumber(low) : `any c from ${formatNumber(low)} to ${formatNumber(high)}`;

export const QUESTIONS = Object.freeze([
  {
    id: 'outlier-pull',
    prompt: `The targets are ${TARGETS.join(', ')} and an outlier at ${NEAR}. If the outlier is dragged to ${FAR}, which best constant moves more: the mean (best under MSE) or the median (best under MAE)?`,
    choices: [
      { id: 'mean', text: 'The mean' },
      { id: 'median', text: 'The median' },
      { id: 'same', text: 'Both move the same' },
    ],
    state: { outlierOn: true, outlierTarget: FAR },
    shows: 'rg-chart',
    answer(core) {
      const before = core.fitConstant([...TARGETS, NEAR], 1);
      const after = core.fitConstant([...TARGETS, FAR], 1);
      const meanMove = Math.abs(after.mean - before.mean);
      const medianMove = Math.abs(after.median - before.median);
      const choice =
        Math.abs(meanMove - medianMove) < 1e-9 ? 'same' : meanMove > medianMove ? 'mean' : 'median';
      return {
        choice,
        why:
          `The mean goes from ${formatNumber(before.mean)} to ${formatNumber(after.mean)}. The ` +
          `median is ${minimizers(after.maeMinimizers)} both times: with an even number of ` +
          `points every value between the middle two is best under MAE, and the outlier only ` +
          `counts as "above".`,
      };
    },
  },
  {
    id: 'huber-small-error',
    prompt:
      'With δ = 1, a prediction 0.5 above its target. Compared with MSE (r²), how strong is Huber’s gradient on it (Huber is ½r² below δ)?',
    choices: [
      { id: 'half', text: 'Half of MSE’s' },
      { id: 'same', text: 'The same as MSE’s' },
      { id: 'mae', text: 'The same as MAE’s, 1' },
    ],
    state: { targets: TARGETS, preds: [TARGETS[0] + 0.5, TARGETS[1], TARGETS[2]], delta: 1 },
    shows: 'rg-readouts-title',
    answer(core) {
      const one = core.regressionLosses([3.5], [3], 1);
      const ratio = one.dhuber[0] / one.dmse[0];
      const choice =
        Math.abs(ratio - 0.5) < 1e-12 ? 'half' : Math.abs(ratio - 1) < 1e-12 ? 'same' : 'mae';
      return {
        choice,
        why:
          `For r = 0.5: MSE's gradient is 2r = ${formatNumber(one.dmse[0])}, Huber's is r = ` +
          `${formatNumber(one.dhuber[0])}, MAE's ${formatNumber(one.dmae[0])}. Below δ Huber is ` +
          `MSE's shape at half the slope.`,
      };
    },
  },
  {
    id: 'huber-large-error',
    prompt: 'Now δ = 2 and a prediction 10 above its target. How strong is Huber’s gradient on it?',
    choices: [
      { id: 'delta', text: '2, that is δ, whatever the error' },
      { id: 'mae', text: '1, like MAE’s' },
      { id: 'error', text: '10, the error itself' },
    ],
    state: { targets: TARGETS, preds: [TARGETS[0] + 10, TARGETS[1], TARGETS[2]], delta: 2 },
    shows: 'rg-readouts-title',
    answer(core) {
      const one = core.regressionLosses([13], [3], 2);
      const gradient = one.dhuber[0];
      const choice =
        Math.abs(gradient - 2) < 1e-12 ? 'delta' : Math.abs(gradient - 1) < 1e-12 ? 'mae' : 'error';
      return {
        choice,
        why:
          `Above δ Huber grows linearly with slope δ: its gradient is ${formatNumber(gradient)}, ` +
          `MAE's is ${formatNumber(one.dmae[0])} and MSE's ${formatNumber(one.dmse[0])}. ` +
          `Huber matches MAE's push only when δ = 1.`,
      };
    },
  },
]);
