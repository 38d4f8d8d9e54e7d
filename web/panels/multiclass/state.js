// The multi-class lab's state and its URL form:
//   ?logits=2,0.5,-1&names=cat,dog,bird&target=0&mistake=twice&demo=1000,0,-1000
// target is a class index or a comma-separated probability vector.
import { parseNumber, quote } from '../../shared/number_input.js';
import { numbers, oneOf, param } from '../../shared/params.js';

export const MIN_CLASSES = 2;
export const MAX_CLASSES = 10;
export const LOGIT_SPEC = Object.freeze({ name: 'logit', min: -1e150, max: 1e150, example: '2' });
export const TARGET_SPEC = Object.freeze({
  name: 'target probability',
  min: 0,
  max: 1,
  example: '0.5',
});
export const MISTAKES = Object.freeze(['none', 'twice', 'probs']);
const NAME_PATTERN = /^[\p{L}\p{N} _-]{1,16}$/u;
const DEFAULT_NAMES = ['cat', 'dog', 'bird'];

export const defaultName = (index) => DEFAULT_NAMES[index] ?? `class ${index + 1}`;

/** A class name typed by a person; names are shown as text, never as markup. */
export const nameKind = {
  parse(text) {
    const trimmed = String(text).trim();
    return NAME_PATTERN.test(trimmed)
      ? { ok: true, value: trimmed }
      : {
          ok: false,
          message: `“${quote(text)}” is not a usable class name: use 1 to 16 letters, digits, spaces, _ or -, such as “cat”.`,
        };
  },
  format: (name) => name,
};

const listOf = (kind) => ({
  parse(text) {
    const parsed = String(text).split(',').map(kind.parse);
    return parsed.find((one) => !one.ok) ?? { ok: true, value: parsed.map((one) => one.value) };
  },
  format: (values) => values.join(','),
});

export const logitsKind = numbers(LOGIT_SPEC, {
  min: MIN_CLASSES,
  max: MAX_CLASSES,
  items: 'logits',
});
const targetProbsKind = numbers(TARGET_SPEC, {
  min: MIN_CLASSES,
  max: MAX_CLASSES,
  items: 'target probabilities',
});
const targetKind = {
  parse: (text) =>
    text.includes(',')
      ? targetProbsKind.parse(text)
      : parseNumber(text, { name: 'target class', min: 0, max: MAX_CLASSES - 1, example: '0' }),
  format: String,
};

/** Names and targets depend on the number of classes; they are checked once all is read. */
function normalize(read, notices) {
  const { pendingNames, pendingTarget, ...state } = read;
  const k = state.logits.length;
  state.names = state.logits.map((_, i) => state.names[i] ?? defaultName(i));
  state.targetClass = Math.min(state.targetClass, k - 1);
  if (pendingNames) {
    if (pendingNames.length === k) state.names = pendingNames;
    else
      notices.push(`Ignored names in the link: it lists ${pendingNames.length} for ${k} classes.`);
  }
  if (Array.isArray(pendingTarget)) {
    const sum = pendingTarget.reduce((a, b) => a + b, 0);
    if (pendingTarget.length !== k) {
      notices.push(
        `Ignored target in the link: it lists ${pendingTarget.length} probabilities for ${k} classes.`,
      );
    } else if (Math.abs(sum - 1) > 1e-6) {
      notices.push('Ignored target in the link: its probabilities do not add up to 1.');
    } else {
      state.targetProbs = pendingTarget;
    }
  } else if (pendingTarget !== undefined) {
    if (Number.isInteger(pendingTarget) && pendingTarget < k) {
      state.targetClass = pendingTarget;
      state.targetProbs = null;
    } else {
      notices.push(
        `Ignored target in the link: the class must be a whole number from 0 to ${k - 1}.`,
      );
    }
  }
  return { state, notices };
}

export const table = {
  parameters: [
    param('logits', logitsKind),
    param('names', listOf(nameKind), { field: 'pendingNames', write: (s) => s.names.join(',') }),
    param('target', targetKind, {
      field: 'pendingTarget',
      write: (s) => (s.targetProbs ? s.targetProbs.join(',') : String(s.targetClass)),
    }),
    param('mistake', oneOf('mistake', MISTAKES), { omitDefault: true }),
    param('demo', logitsKind),
  ],
  defaults: Object.freeze({
    logits: [2, 0.5, -1],
    names: DEFAULT_NAMES,
    targetClass: 0,
    targetProbs: null, // a probability vector in soft-target mode, else null
    mistake: 'none',
    demo: [1000, 0, -1000],
  }),
  normalize,
};

/** The controls the benchmark drives on this lab's page (web/panels/registry.js `bench`). */
export const bench = [{ control: '#mc-logit-slider-0', longSession: true }];
