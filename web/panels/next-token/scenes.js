// The next-token lab's scenes (see web/shared/scenes.js): the default model, a nearly perfect
// one, the same model confidently wrong on one word, and one that knows nothing.
import { scenesShowing } from '../../shared/scenes.js';
import { POSITIONS, TARGETS, VOCABULARY, defaultLogits } from './state.js';

const scene = scenesShowing('nt-loss-chart');

/** The logit the "confidently wrong" action and scene give a wrong word: this far above the
 * largest logit of its row, so the wrong word takes nearly all the probability. */
export const CONFIDENT_MARGIN = 6;

/** The row with its likeliest wrong word raised CONFIDENT_MARGIN above every logit (capped at
 * the logit limit `max`). */
export function confidentlyWrongRow(row, target, max) {
  const wrong = row.reduce(
    (best, z, i) => (i !== target && (best < 0 || z > row[best]) ? i : best),
    -1,
  );
  const raised = Math.min(max, Math.max(...row) + CONFIDENT_MARGIN);
  return row.map((z, i) => (i === wrong ? raised : z));
}

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
