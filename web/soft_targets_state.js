// The soft-targets lab's state and its URL form: ?t=0.9&p=0.25&rows=0.25,0.5,0.75
import { parseNumber } from './number_input.js';
import { numberList, readQuery, writeQuery } from './url_state.js';

export const T_SPEC = Object.freeze({ name: 't', min: 0, max: 1 });
export const P_SPEC = Object.freeze({ name: 'p', min: 0, max: 1, open: true });

export const DEFAULT_SOFT_STATE = Object.freeze({ t: 0.9, p: 0.25, rows: [0.25, 0.5, 0.75] });

/** The seed's two examples and label smoothing, as one-click presets. */
export const PRESETS = Object.freeze({
  'seed-09': { t: 0.9, p: 0.25, rows: [0.25, 0.5, 0.75] },
  'seed-06': { t: 0.6, p: 0.5, rows: [0.5, 0.6, 0.7] },
  smoothing: { t: 0.95, p: 0.99, rows: [0.9, 0.95, 0.99] },
});

const PARAMETERS = [
  {
    key: 't',
    read: (text) => parseNumber(text, T_SPEC),
    write: (state) => String(state.t),
    apply: (state, t) => ({ ...state, t }),
  },
  {
    key: 'p',
    read: (text) => parseNumber(text, P_SPEC),
    write: (state) => String(state.p),
    apply: (state, p) => ({ ...state, p }),
  },
  {
    key: 'rows',
    read: numberList('rows', (text) => parseNumber(text, P_SPEC), { min: 3, max: 3 }),
    write: (state) => state.rows.join(','),
    apply: (state, rows) => ({ ...state, rows }),
  },
];

export const softStateFromQuery = (query) => readQuery(query, PARAMETERS, DEFAULT_SOFT_STATE);
export const queryFromSoftState = (state) => writeQuery(state, PARAMETERS);
