// The race's verdict in words, computed from the training history as it grows: the epoch each
// run first reached 90 % and 100 % training accuracy, how long the slower run stayed stuck
// below 90 % after the faster one got there, and whether the test accuracies differ. The loss
// values are left out on purpose: cross-entropy and MSE are on different scales, so a lower
// loss does not make a better model.
import { formatNumber } from '../../shared/number_format.js';
import { counted } from '../../shared/counted.js';

/** The training accuracies the verdict and the accuracy chart mark (fractions). */
export const MILESTONES = Object.freeze([0.9, 1]);
const STUCK_LEVEL = MILESTONES[0];
export const RUN_NAMES = Object.freeze({ ce: 'cross-entropy', mse: 'MSE' });
const RUNS = ['ce', 'mse'];

export const percent = (fraction) => `${formatNumber(100 * fraction)} %`;
const epochs = (n) => counted(n, 'epoch');
const capitalized = (text) => text[0].toUpperCase() + text.slice(1);

/** The first epoch whose training accuracy is at least `level`, or null. */
export function firstEpochAt(trainAccuracy, level) {
  const index = trainAccuracy.findIndex((value) => value >= level);
  return index < 0 ? null : index;
}

/** The epoch each run first reached each milestone: {ce: [e90, e100], mse: [...]}, null = not. */
export const milestoneEpochs = (history) =>
  /** @type {{ce: (number | null)[], mse: (number | null)[]}} */ (
    Object.fromEntries(
      RUNS.map((name) => [
        name,
        MILESTONES.map((level) => firstEpochAt(history[name].trainAccuracy, level)),
      ]),
    )
  );

/** "epoch 12", or why there is no such epoch. */
function milestoneText(epoch, run, { trained, finished }) {
  if (epoch !== null) return `epoch ${epoch}`;
  if (run.diverged) return `never: it diverged at epoch ${run.divergedEpoch}`;
  return finished ? `never in ${epochs(trained)}` : 'not yet';
}

/**
 * How long the slower run stayed below STUCK_LEVEL after the faster one first reached it:
 * the epochs from the faster run's first epoch at that level to the slower run's (or to the
 * last epoch trained, if it has not got there).
 */
function stuckSentence(first, history, finished) {
  const level = percent(STUCK_LEVEL);
  const [ce, mse] = [first.ce[0], first.mse[0]];
  if (ce === null && mse === null) {
    return finished
      ? `Neither run reached ${level} training accuracy in ${epochs(history.epoch)}.`
      : `Neither run has reached ${level} training accuracy yet.`;
  }
  if (ce === mse) return `Both runs reached ${level} training accuracy at epoch ${ce}.`;
  const fast = mse === null || (ce !== null && ce < mse) ? 'ce' : 'mse';
  const slow = fast === 'ce' ? 'mse' : 'ce';
  const [at, slowRun] = [first[fast][0], history[slow]];
  const [fastName, slowName] = [RUN_NAMES[fast], capitalized(RUN_NAMES[slow])];
  if (first[slow][0] !== null) {
    const gap = first[slow][0] - at;
    return `${slowName} was stuck below ${level} training accuracy for ${epochs(gap)} after ${fastName} got there (epoch ${at} to epoch ${first[slow][0]}).`;
  }
  if (slowRun.diverged) {
    return `${slowName} diverged at epoch ${slowRun.divergedEpoch} without reaching ${level}; ${fastName} got there at epoch ${at}.`;
  }
  const gap = history.epoch - at;
  if (gap === 0) {
    // The faster run got there on the last epoch trained: nothing to measure yet.
    return finished
      ? `${capitalized(fastName)} reached ${level} training accuracy at epoch ${at}, the last epoch trained; ${RUN_NAMES[slow]} did not.`
      : `${capitalized(fastName)} has just reached ${level} training accuracy (epoch ${at}); ${RUN_NAMES[slow]} has not yet.`;
  }
  const all = gap === 1 ? epochs(gap) : `all ${epochs(gap)}`;
  return finished
    ? `${slowName} stayed stuck below ${level} training accuracy for ${all} after ${fastName} got there at epoch ${at}.`
    : `${slowName} has been stuck below ${level} training accuracy for ${epochs(gap)} since ${fastName} got there at epoch ${at}.`;
}

/** The two runs' test accuracy, said honestly when it is the same. */
function finalSentence(first, history, finished) {
  if (history.ce.diverged || history.mse.diverged || history.epoch === 0) return '';
  const [ce, mse] = RUNS.map((name) => history[name].testAccuracy.at(-1));
  if (ce === mse) {
    const sameSpeed = RUNS.every((_, i) => first.ce[i] === first.mse[i]);
    const verb = finished ? 'end at' : 'are at';
    const why = sameSpeed ? '.' : ': the difference is how fast they got there.';
    return `Both ${verb} ${percent(ce)} test accuracy${why}`;
  }
  const when = finished ? `At epoch ${history.epoch}` : 'Now';
  return `${when}, test accuracy is ${percent(ce)} for ${RUN_NAMES.ce} and ${percent(mse)} for ${RUN_NAMES.mse}.`;
}

/**
 * @param {object} history  the race's history (shared/race_history.js)
 * @param {boolean} finished  whether the race is over
 * @returns {{milestones: {ce: (number | null)[], mse: (number | null)[]},
 *            cells: {ce: string[], mse: string[]},
 *            stuck: string, final: string}}
 */
export function raceVerdict(history, finished) {
  const first = milestoneEpochs(history);
  const context = { trained: history.epoch, finished };
  const cells = /** @type {{ce: string[], mse: string[]}} */ (
    Object.fromEntries(
      RUNS.map((name) => [
        name,
        first[name].map((epoch) => milestoneText(epoch, history[name], context)),
      ]),
    )
  );
  return {
    milestones: first,
    cells,
    stuck: stuckSentence(first, history, finished),
    final: finalSentence(first, history, finished),
  };
}
