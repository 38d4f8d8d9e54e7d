// The deep network lab's sentences, written from the core's layer norms for the state shown.
import { formatNumber as f } from '../../shared/number_format.js';
import { compareWords, SIZE } from '../../shared/ratio_words.js';
import { counted } from '../../shared/counted.js';

const larger = (a, b, other) => compareWords(a, b, SIZE, other);
const last = (values) => values[values.length - 1];

/** The output layer's name on the chart's axis: it comes after `depth` hidden layers. */
export const outputLayerName = (depth) => `${depth + 1} (output)`;

/**
 * Why a run has no gradient to show, or null when it has one: it diverged (its loss, gradient
 * or weights overflowed at some epoch and it stopped training there, so what its layers hold
 * now is no step of a run that trains), or a length is not a number at all.
 * @param {{diverged: boolean, divergedEpoch: number} | null} run  the run's history (null at
 *   the start, before any training)
 * @param {ArrayLike<number>} values  its layer lengths
 */
export function noGradient(run, values) {
  if (run?.diverged) return `diverged at epoch ${run.divergedEpoch}`;
  return Array.from(values).some(Number.isNaN) ? 'not a number' : null;
}

/** A cell of the table: one layer's length, or why the run has none. */
export function layerReadout(values, index, run = null) {
  const why = noGradient(run, values);
  return why ? `none (${why})` : f(values[index]);
}

/** What the layer chart shows, for screen readers. */
export function layerSummary({ now }, history) {
  const list = (values, run) => {
    const why = noGradient(run, values);
    return why ? `none, ${why}` : Array.from(values, (v) => f(v)).join(', ');
  };
  return `Gradient length per layer, from layer 1 at the input to the output layer. Cross-entropy run: ${list(now.ce, history.ce)}. Squared-error run: ${list(now.mse, history.mse)}.`;
}

/** Why the gradient shrinks (or not) on its way down, for the activation shown. */
export const WHY = {
  sigmoid:
    'On its way down, the gradient passes through every sigmoid layer, and each multiplies it by σ′ ≤ ¼, whichever loss sent it.',
  tanh: 'On its way down, the gradient passes through every tanh layer, and each multiplies it by tanh′ ≤ 1, less where units saturate.',
  relu: 'A ReLU unit passes the gradient through unchanged where it is active (slope 1) and blocks it where it is not.',
};

/**
 * The sentence under the charts: the output layer by loss, and layer 1 against the output.
 * When both runs' layer-1 comparisons read the same to the digits shown (the output layer's
 * factor is then almost the same for every example), they are said once, for both runs.
 * @param {object} state
 * @param {{now: {ce: ArrayLike<number>, mse: ArrayLike<number>}, start?: object}} norms  each
 *   run's layer norms now and at the start; the sentence is about now
 * @param {{epoch: number, ce: RunEnd, mse: RunEnd}} history  each run's end, if it diverged
 */
export function verdict(state, { now }, history) {
  const when = history.epoch === 0 ? 'At the start' : `At epoch ${history.epoch}`;
  const gone = {
    ce: noGradient(history.ce, now.ce),
    mse: noGradient(history.mse, now.mse),
  };
  if (gone.ce || gone.mse) return withoutGradient(when, now, history, gone);
  const outputs = larger(last(now.ce), last(now.mse), "the squared-error run's");
  const inCe = larger(now.ce[0], last(now.ce), "the output layer's");
  const inMse = larger(now.mse[0], last(now.mse), "the output layer's");
  const layerOne =
    inCe === inMse
      ? `In both runs, layer 1's gradient is ${inCe}.`
      : `In the cross-entropy run, layer 1's gradient is ${inCe}; in the squared-error run ` +
        `it is ${inMse}.`;
  // A bare value (", where the squared-error run's is 0") followed by a sentence with "than"
  // would read to the sentence rules as a comparison left open: a semicolon closes it first.
  if (outputs.includes(', where ')) {
    return `${when}, the output layer's gradient in the cross-entropy run is ${outputs}; ${layerOne[0].toLowerCase()}${layerOne.slice(1)}`;
  }
  return `${when}, the output layer's gradient in the cross-entropy run is ${outputs}. ${layerOne}`;
}

/** @typedef {{diverged: boolean, divergedEpoch: number}} RunEnd */

const RUN_NAME = { ce: 'cross-entropy', mse: 'squared-error' };

/**
 * The verdict when a run has no gradient to compare (it diverged): say which and when, and
 * compare layer 1 with the output layer in the other run, if it still has one.
 */
function withoutGradient(when, now, history, gone) {
  const cause = (loss) =>
    history[loss].diverged
      ? `it diverged at epoch ${history[loss].divergedEpoch} (its loss, its gradient or its weights overflowed) and stopped training`
      : 'its gradient lengths are not numbers';
  if (gone.ce && gone.mse) {
    return (
      `${when}, neither run has a gradient to compare: in the cross-entropy run ${cause('ce')}; ` +
      `in the squared-error run ${cause('mse')}.`
    );
  }
  const [lost, kept] = gone.ce ? ['ce', 'mse'] : ['mse', 'ce'];
  const layerOne = larger(now[kept][0], last(now[kept]), "the output layer's");
  return (
    `${when}, the ${RUN_NAME[lost]} run has no gradient to compare: ${cause(lost)}. ` +
    `In the ${RUN_NAME[kept]} run, layer 1's gradient is ${layerOne}.`
  );
}

/** "p = 0.0001472", or "p from 0.0001 to 0.0002" when the ends differ to the digits shown. */
function pRange({ min, max }) {
  return f(min) === f(max) ? `at p = ${f(min)}` : `between p = ${f(min)} and ${f(max)}`;
}

/**
 * What the start does to the points, from the core's start: the range of p over the training
 * points and how many of the points labeled 1 start on the wrong side (p < ½).
 * @param {{start: string}} state
 * @param {{min: number, max: number, ones: number, onesWrong: number}} start
 * @param {number} wrongLogit  the output bias of the wrong start
 */
export function startHint(state, start, wrongLogit) {
  const how =
    state.start === 'wrong'
      ? `With the output's bias at ${f(wrongLogit)} and the random weights kept`
      : "With random weights and the output's bias at 0";
  const side =
    start.onesWrong === start.ones
      ? `every one of the ${counted(start.ones, 'point')} labeled 1 starts on the wrong side`
      : `${f(start.onesWrong)} of the ${counted(start.ones, 'point')} labeled 1 ` +
        `${start.onesWrong === 1 ? 'starts' : 'start'} on the wrong side`;
  return `${how}, the training points start ${pRange(start)}: ${side}.`;
}
