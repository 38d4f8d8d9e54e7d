// The multi-class lab's state and its URL form:
//   ?logits=2,0.5,-1&names=cat,dog,bird&target=0&mistake=twice&demo=1000,0,-1000
// target is a class index or a comma-separated probability vector.
import { parseNumber, quote } from './number_input.js';
import { choice, numberList, readQuery, writeQuery } from './url_state.js';

export const MIN_CLASSES = 2;
export const MAX_CLASSES = 10;
export const LOGIT_SPEC = Object.freeze({ name: 'logit', min: -1e150, max: 1e150 });
export const TARGET_SPEC = Object.freeze({ name: 'target probability', min: 0, max: 1 });
export const MISTAKES = Object.freeze(['none', 'twice', 'probs']);
const NAME_PATTERN = /^[\p{L}\p{N} _-]{1,16}$/u;

export const DEFAULT_MULTICLASS_STATE = Object.freeze({
  logits: [2, 0.5, -1],
  names: ['cat', 'dog', 'bird'],
  targetClass: 0,
  targetProbs: null, // a probability vector in soft-target mode, else null
  mistake: 'none',
  demo: [1000, 0, -1000],
});

export function defaultName(index) {
  return DEFAULT_MULTICLASS_STATE.names[index] ?? `class ${index + 1}`;
}

/** Checks a class name typed by a person; names are shown as text, never as markup. */
export function parseName(text) {
  const trimmed = String(text).trim();
  return NAME_PATTERN.test(trimmed)
    ? { ok: true, value: trimmed }
    : {
        ok: false,
        message: `“${quote(text)}” is not a usable class name: use 1 to 16 letters, digits, spaces, _ or -.`,
      };
}

const logitList = numberList('logits', (text) => parseNumber(text, LOGIT_SPEC), {
  min: MIN_CLASSES,
  max: MAX_CLASSES,
});

const PARAMETERS = [
  {
    key: 'logits',
    read: logitList,
    write: (state) => state.logits.join(','),
    apply: (state, logits) => ({
      ...state,
      logits,
      names: logits.map((_, i) => state.names[i] ?? defaultName(i)),
      targetClass: Math.min(state.targetClass, logits.length - 1),
    }),
  },
  {
    key: 'names',
    read: (text) => {
      const names = text.split(',').map(parseName);
      const bad = names.find((name) => !name.ok);
      return bad ?? { ok: true, value: names.map((name) => name.value) };
    },
    write: (state) => state.names.join(','),
    apply: (state, names) => ({ ...state, pendingNames: names }),
  },
  {
    key: 'target',
    read: (text) =>
      text.includes(',')
        ? numberList('target', (part) => parseNumber(part, TARGET_SPEC), {
            min: MIN_CLASSES,
            max: MAX_CLASSES,
          })(text)
        : parseNumber(text, { name: 'target class', min: 0, max: MAX_CLASSES - 1 }),
    write: (state) => (state.targetProbs ? state.targetProbs.join(',') : String(state.targetClass)),
    apply: (state, value) =>
      Array.isArray(value)
        ? { ...state, pendingTargetProbs: value }
        : { ...state, pendingTargetClass: value },
  },
  {
    key: 'mistake',
    read: choice('mistake', MISTAKES),
    write: (state) => (state.mistake === 'none' ? null : state.mistake),
    apply: (state, mistake) => ({ ...state, mistake }),
  },
  {
    key: 'demo',
    read: logitList,
    write: (state) => state.demo.join(','),
    apply: (state, demo) => ({ ...state, demo }),
  },
];

/**
 * Reads a query. Names and targets depend on the number of classes, which the logits set, so
 * they are checked against it once everything is read.
 */
export function multiclassStateFromQuery(query) {
  const { state: read, notices } = readQuery(query, PARAMETERS, DEFAULT_MULTICLASS_STATE);
  const { pendingNames, pendingTargetProbs, pendingTargetClass, ...state } = read;
  const k = state.logits.length;
  if (pendingNames) {
    if (pendingNames.length === k) state.names = pendingNames;
    else
      notices.push(`Ignored names in the link: it lists ${pendingNames.length} for ${k} classes.`);
  }
  if (pendingTargetProbs) {
    const sum = pendingTargetProbs.reduce((a, b) => a + b, 0);
    if (pendingTargetProbs.length !== k) {
      notices.push(
        `Ignored target in the link: it lists ${pendingTargetProbs.length} probabilities for ${k} classes.`,
      );
    } else if (Math.abs(sum - 1) > 1e-6) {
      notices.push('Ignored target in the link: its probabilities do not add up to 1.');
    } else {
      state.targetProbs = pendingTargetProbs;
    }
  }
  if (pendingTargetClass !== undefined) {
    if (Number.isInteger(pendingTargetClass) && pendingTargetClass < k) {
      state.targetClass = pendingTargetClass;
      state.targetProbs = null;
    } else {
      notices.push(
        `Ignored target in the link: the class must be a whole number from 0 to ${k - 1}.`,
      );
    }
  }
  return { state, notices };
}

export const queryFromMulticlassState = (state) => writeQuery(state, PARAMETERS);
