// The training race's settings and their URL form, e.g.
//   ?data=blobs&size=200&noise=0.2&hidden=0&activation=tanh&lr=0.5&batch=32&epochs=200
//    &seed=1&init=wrong&z=-8&speed=20
// A user's own CSV file cannot travel in a link; such a link falls back to the default data.
import { parseNumber } from './number_input.js';
import { choice, readQuery, writeQuery } from './url_state.js';

export const DATA_SETS = Object.freeze([
  'blobs',
  'xor',
  'circles',
  'spiral',
  'breast-cancer',
  'digits',
  'csv',
]);
export const SYNTHETIC = new Set(['blobs', 'xor', 'circles', 'spiral']);

export const SPECS = Object.freeze({
  size: { name: 'the number of points', min: 20, max: 5000 },
  noise: { name: 'the noise', min: 0, max: 2 },
  hidden: { name: 'the hidden width', min: 0, max: 64 },
  lr: { name: 'the learning rate', min: 0, max: 1e6, open: true },
  batch: { name: 'the batch size', min: 1, max: 4096 },
  epochs: { name: 'the number of epochs', min: 1, max: 5000 },
  seed: { name: 'the seed', min: 0, max: 2 ** 53 },
  z: { name: 'the starting logit z', min: -50, max: 50 },
  speed: { name: 'the speed', min: 1, max: 500 },
});

export const INTEGER_FIELDS = new Set(['size', 'hidden', 'batch', 'epochs', 'seed', 'speed']);

export const DEFAULT_RACE_STATE = Object.freeze({
  data: 'blobs',
  size: 200,
  noise: 0.2,
  hidden: 0,
  activation: 'tanh',
  lr: 0.5,
  batch: 32,
  epochs: 200,
  seed: 1,
  init: 'wrong',
  z: -8,
  speed: 20,
});

/** A number from the spec, and a whole one where the field needs it. */
export function parseSetting(key, text) {
  const parsed = parseNumber(text, SPECS[key]);
  if (parsed.ok && INTEGER_FIELDS.has(key) && !Number.isInteger(parsed.value)) {
    return { ok: false, message: `${SPECS[key].name} must be a whole number.` };
  }
  return parsed;
}

const numeric = (key) => ({
  key,
  read: (text) => parseSetting(key, text),
  write: (state) => String(state[key]),
  apply: (state, value) => ({ ...state, [key]: value }),
});

const PARAMETERS = [
  {
    key: 'data',
    read: choice('data', DATA_SETS),
    write: (state) => state.data,
    apply: (state, data) => ({ ...state, data }),
  },
  numeric('size'),
  numeric('noise'),
  numeric('hidden'),
  {
    key: 'activation',
    read: choice('activation', ['tanh', 'relu']),
    write: (state) => state.activation,
    apply: (state, activation) => ({ ...state, activation }),
  },
  numeric('lr'),
  numeric('batch'),
  numeric('epochs'),
  numeric('seed'),
  {
    key: 'init',
    read: choice('init', ['standard', 'wrong', 'logit']),
    write: (state) => state.init,
    apply: (state, init) => ({ ...state, init }),
  },
  numeric('z'),
  numeric('speed'),
];

export function raceStateFromQuery(query) {
  const { state, notices } = readQuery(query, PARAMETERS, DEFAULT_RACE_STATE);
  if (state.data === 'csv') {
    notices.push(
      'This link was made with a CSV file of its own, which a link cannot carry; showing the blobs instead.',
    );
    return { state: { ...state, data: 'blobs' }, notices };
  }
  return { state, notices };
}

export const queryFromRaceState = (state) => writeQuery(state, PARAMETERS);
