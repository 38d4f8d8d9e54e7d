// The next-token lab's scenes (see web/shared/scenes.js): the default model, a nearly perfect
// one, the same model confidently wrong on one word, one that knows nothing, and the default
// model's probabilities at the last word, where "mat" leads and "rug" is close behind.
import { scenesShowing } from '../../shared/scenes.js';
import { POSITIONS, TARGETS, VOCABULARY, defaultLogits, withRow } from './state.js';

const scene = scenesShowing('nt-loss-chart');
const probabilityScene = scenesShowing('nt-prob-chart');

/** How far the "confidently wrong" action and scene put the chosen wrong word above every other
 * logit of its row: far enough that it takes nearly all the probability (with the six other
 * words 6 below, it still gets 1 / (1 + 6 e⁻⁶) of it). */
export const CONFIDENT_MARGIN = 6;

/** The wrong words (indices ≠ target) with the largest value of `row` among the wrong words:
 * a row of logits, or anything ordered like them (probabilities, their gradients). Exact ties
 * share the top, so there may be several, in vocabulary order. */
export function likeliestWrong(row, target) {
  const wrong = Array.from(row, (_, i) => i).filter((i) => i !== target);
  const top = Math.max(...wrong.map((i) => row[i]));
  return wrong.filter((i) => row[i] === top);
}

/** The row with its likeliest wrong word (the first, when several tie) CONFIDENT_MARGIN above
 * every other logit. It rises to that lead, but no higher than the logit limit `max`; where the
 * limit stops it, the words within CONFIDENT_MARGIN of it come down instead, so the lead, and
 * what the action promises, hold at the limit too. */
export function confidentlyWrongRow(row, target, max) {
  const [wrong] = likeliestWrong(row, target);
  const lead = Math.max(...row) + CONFIDENT_MARGIN;
  // Below the limit nothing else moves (every other logit is already ≤ lead − margin; lowering
  // them to a rounded lead − margin would change them by an ulp).
  if (lead <= max) return row.map((z, i) => (i === wrong ? lead : z));
  const ceiling = max - CONFIDENT_MARGIN;
  return row.map((z, i) => (i === wrong ? max : Math.min(z, ceiling)));
}

/** The state the "confidently wrong" action leads to: the chosen prediction's row made
 * confidently wrong, under the logit limit `max`. */
export const confidentlyWrongState = (state, max) =>
  withRow(state, confidentlyWrongRow(state.logits[state.position], TARGETS[state.position], max));

// The sentence's last prediction, where "rug" is the tempting wrong word.
const LAST = POSITIONS - 1;
// The scene is built before the core's limits are known; the default row stays far below them.
const WRONG_LIMIT = Infinity;
const wrongAtLast = defaultLogits().map((row, n) =>
  n === LAST ? confidentlyWrongRow(row, TARGETS[n], WRONG_LIMIT) : row,
);

// Nearly perfect: the right word leads every other by this many logits.
const PERFECT_LEAD = 8;
const nearlyPerfect = TARGETS.map((target) =>
  VOCABULARY.map((_, i) => (i === target ? PERFECT_LEAD : 0)),
);

const uniform = TARGETS.map(() => VOCABULARY.map(() => 0));

export const SCENES = Object.freeze([
  scene(
    'default-model',
    'A reasonable model: the right word leads at every step, but is never certain.',
    'default model',
    { position: 0, logits: defaultLogits() },
  ),
  scene(
    'nearly-perfect',
    'Nearly perfect: every loss is close to zero and the perplexity close to one.',
    'nearly perfect',
    { position: 0, logits: nearlyPerfect },
  ),
  probabilityScene(
    'mat-or-rug',
    'After “the cat sat on the”: “mat” is the favourite, “rug” a close second.',
    '“mat” or “rug”',
    { position: LAST, logits: defaultLogits() },
  ),
  scene(
    'confidently-wrong',
    'Sure the cat sat on the rug: that one word’s loss dominates the mean.',
    'sure of “rug”',
    { position: LAST, logits: wrongAtLast },
  ),
  scene(
    'knows-nothing',
    'Knows nothing: every word equally likely, perplexity the vocabulary size.',
    'all logits equal',
    { position: 0, logits: uniform },
  ),
]);
