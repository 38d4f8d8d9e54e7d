// The sentences of the race's question verdicts, apart from the training they describe so that
// every outcome (a run that got there, one that never did, at epoch 0) can be read and checked
// on its own. Each takes the numbers; none computes them.
import { formatNumber as f } from '../../shared/number_format.js';
import { counted } from '../../shared/counted.js';

/** "reaches 90 % at epoch 12" / "is at 90 % from the start" / "does not reach 90 % within
 *  200 epochs". */
function reaches(epoch, level, epochs) {
  if (epoch === null) return `does not reach ${level} within ${counted(epochs, 'epoch')}`;
  return epoch === 0 ? `is at ${level} from the start` : `reaches ${level} at epoch ${epoch}`;
}

/** The same outcome, said again of a second run: "gets there at epoch 34", … */
function getsThere(epoch, epochs) {
  if (epoch === null) return `does not get there within ${counted(epochs, 'epoch')}`;
  return epoch === 0 ? 'is there from the start' : `gets there at epoch ${epoch}`;
}

const capitalized = (text) => text[0].toUpperCase() + text.slice(1);

/**
 * Two runs against one level (names as mid-sentence: "cross-entropy"): "Cross-entropy reaches 90 % at epoch 3; MSE gets there at
 * epoch 40." (null: not within `epochs`).
 * @param {{name: string, epoch: number | null}} first
 * @param {{name: string, epoch: number | null}} second
 * @param {string} level  "90 %"
 * @param {number} epochs  how many epochs each run was given
 */
export function twoRuns(first, second, level, epochs) {
  if (first.epoch === null && second.epoch === null) {
    return `Neither ${first.name} nor ${second.name} reaches ${level} within ${counted(epochs, 'epoch')}.`;
  }
  return (
    `${capitalized(first.name)} ${reaches(first.epoch, level, epochs)}; ` +
    `${second.name} ${getsThere(second.epoch, epochs)}.`
  );
}

/**
 * One run at two learning rates: "At learning rate 5, MSE reaches 90 % at epoch 4; at 0.5 it
 * gets there at epoch 34."
 * @param {string} name  the run ("MSE")
 * @param {{lr: number, epoch: number | null}} fast  the larger rate and its outcome
 * @param {{lr: number, epoch: number | null}} slow
 */
export function twoRates(name, fast, slow, level, epochs) {
  if (fast.epoch === null && slow.epoch === null) {
    return `${name} does not reach ${level} within ${counted(epochs, 'epoch')} at learning rate ${f(fast.lr)} or at ${f(slow.lr)}.`;
  }
  return (
    `At learning rate ${f(fast.lr)}, ${name} ${reaches(fast.epoch, level, epochs)}; ` +
    `at ${f(slow.lr)} it ${getsThere(slow.epoch, epochs)}.`
  );
}

/** "z from −10.66 to 9.757", or "z = 2" when both ends read the same. */
const zRange = ({ min, max }) =>
  f(min) === f(max) ? `z = ${f(min)}` : `z from ${f(min)} to ${f(max)}`;

/**
 * Where the confidently wrong start puts the points: each class's range and mean of the logit.
 * @param {{ones: {min: number, max: number, mean: number}, zeros: {min: number, max: number,
 *   mean: number}}} start  the logits of the training points labeled 1 and 0
 */
export function wrongStartWords({ ones, zeros }) {
  return (
    `At the start, the points labeled 1 score ${zRange(ones)} (${f(ones.mean)} on average) and ` +
    `those labeled 0 score ${zRange(zeros)} (${f(zeros.mean)} on average): each class's ` +
    'average point sits deep on the wrong side, and the points spread around it.'
  );
}

/**
 * What a random start does: how many training points it puts on the wrong side, and how far
 * from z = 0 they lie (how unsure it is), with the smallest σ′ over the points.
 * @param {{wrong: number, rows: number, all: {min: number, max: number}, minSlope: number}} start
 */
export function randomStartWords({ wrong, rows, all, minSlope }) {
  const onWrongSide =
    wrong === rows
      ? `puts every one of the ${counted(rows, 'training point')} on the wrong side`
      : `puts ${f(wrong)} of the ${counted(rows, 'training point')} on the wrong side`;
  return (
    `This random start ${onWrongSide}, but unsure rather than confident: it scores them ` +
    `${zRange(all)}, where σ′(z) is at least ${f(minSlope)}.`
  );
}
