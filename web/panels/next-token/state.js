// The next-token lab's sentence, vocabulary and default model, its state and its URL form:
//   ?position=5&logits5=-1.5,0.5,0.3,-2,-2,2,8
// position is the prediction shown (1 for the word after the first, up to 5); logitsN holds the
// model's logits at prediction N, one per vocabulary word in VOCABULARY's order, written only
// where they differ from the defaults. In the state, `position` counts from 0 and `logits` is
// one row per prediction.
import { coreLimit } from '../../shared/core_limits.js';
import { integer, numbers, param } from '../../shared/params.js';

export const SENTENCE = Object.freeze(['the', 'cat', 'sat', 'on', 'the', 'mat']);
// The sentence's words and two plausible distractors.
export const VOCABULARY = Object.freeze(['the', 'cat', 'dog', 'sat', 'on', 'mat', 'rug']);
/** For each prediction, the index in VOCABULARY of the word that really comes next. */
export const TARGETS = Object.freeze(SENTENCE.slice(1).map((word) => VOCABULARY.indexOf(word)));
export const POSITIONS = TARGETS.length;

/** The words the model has read before prediction n, and the word it should predict. */
export const contextOf = (n) => SENTENCE.slice(0, n + 1).join(' ');
export const nextWordOf = (n) => SENTENCE[n + 1];

// A sensible model: at every step the right word is the favourite but far from certain, and
// the distractors (dog after "the", rug after "on the") are close behind.
//                      the   cat  dog  sat   on   mat  rug
const DEFAULT_LOGITS = [
  [-1.0, 2.0, 1.2, -1.5, -1.5, 0.5, 0.3], // the → cat
  [-0.5, -1.5, -1.5, 2.5, 1.0, -1.0, -1.5], // the cat → sat
  [0.5, -1.5, -1.5, -2.0, 3.0, -1.0, -1.5], // the cat sat → on
  [3.0, -1.0, -1.0, -2.0, -1.5, 0.5, 0.5], // the cat sat on → the
  [-1.5, 0.5, 0.3, -2.0, -2.0, 2.0, 1.2], // the cat sat on the → mat
];
export const defaultLogits = () => DEFAULT_LOGITS.map((row) => [...row]);

/** A logit's bounds, from the core (core.limits.tokenLogit), once the core has started. */
export const LOGIT_SPEC = coreLimit('tokenLogit', { name: 'logit', example: '2' });

/** One prediction's logits: a comma-separated list, one per vocabulary word. */
export const logitRowKind = {
  get spec() {
    return LOGIT_SPEC();
  },
  parse: (text) =>
    numbers(LOGIT_SPEC(), {
      count: VOCABULARY.length,
      items: `logits (one per word: ${VOCABULARY.join(', ')})`,
    }).parse(text),
  format: (values) => values.join(','),
};

const sameRow = (a, b) => a.length === b.length && a.every((value, i) => value === b[i]);
const replaced = (values, i, value) => values.map((v, j) => (j === i ? value : v));

/** The state with word `word`'s logit at the chosen prediction set to `value`. */
export const withLogit = (state, word, value) => ({
  ...state,
  logits: replaced(
    state.logits,
    state.position,
    replaced(state.logits[state.position], word, value),
  ),
});

/** The state with the chosen prediction's logits replaced by `row`. */
export const withRow = (state, row) => ({
  ...state,
  logits: replaced(state.logits, state.position, row),
});

const rowParameter = (n) =>
  param(`logits${n + 1}`, logitRowKind, {
    apply: (state, row) => ({ ...state, logits: replaced(state.logits, n, row) }),
    write: (state) =>
      sameRow(state.logits[n], DEFAULT_LOGITS[n]) ? null : logitRowKind.format(state.logits[n]),
  });

export const table = {
  parameters: [
    param('position', integer({ name: 'position', min: 1, max: POSITIONS, example: '1' }), {
      apply: (state, position) => ({ ...state, position: position - 1 }),
      write: (state) => String(state.position + 1),
    }),
    ...TARGETS.map((_, n) => rowParameter(n)),
  ],
  defaults: Object.freeze({ position: 0, logits: defaultLogits() }),
};

/** The controls the benchmark drives on this lab's page (web/panels/registry.js `bench`). */
export const bench = [{ control: '#nt-logit-slider-1', longSession: true }];
