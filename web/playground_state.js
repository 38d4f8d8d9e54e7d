// The playground's whole state, its defaults, and its round trip through the URL query
// (`?z=-2&y=1`, soft labels as `y=0.6`). One table describes every parameter; one loop
// reads them and one loop writes them, so a link always reproduces the view.
import { parseNumber } from './number_input.js';
import { choice, readQuery, writeQuery } from './url_state.js';

export const DEFAULT_STATE = Object.freeze({
  z: -2,
  y: 1,
  soft: false, // soft-label mode; implied by a y strictly between 0 and 1
  logScale: false,
  signed: false,
});

export const Z_SPEC = Object.freeze({ name: 'z' });
export const Y_SPEC = Object.freeze({ name: 'y', min: 0, max: 1 });

const PARAMETERS = [
  {
    key: 'z',
    read: (text) => parseNumber(text, Z_SPEC),
    write: (state) => String(state.z),
    apply: (state, value) => ({ ...state, z: value }),
  },
  {
    key: 'y',
    read: (text) => parseNumber(text, Y_SPEC),
    write: (state) => String(state.y),
    apply: (state, value) => ({
      ...state,
      y: value,
      soft: state.soft || (value !== 0 && value !== 1),
    }),
  },
  {
    key: 'labels',
    read: choice('labels', ['hard', 'soft']),
    write: (state) => (state.soft && (state.y === 0 || state.y === 1) ? 'soft' : null),
    apply: (state, value) => ({ ...state, soft: state.soft || value === 'soft' }),
  },
  {
    key: 'axis',
    read: choice('axis', ['linear', 'log']),
    write: (state) => (state.logScale ? 'log' : null),
    apply: (state, value) => ({ ...state, logScale: value === 'log' }),
  },
  {
    key: 'gradient',
    read: choice('gradient', ['magnitude', 'signed']),
    write: (state) => (state.signed ? 'signed' : null),
    apply: (state, value) => ({ ...state, signed: value === 'signed' }),
  },
];

/**
 * Reads a query string. Never throws: what it cannot use is ignored and reported.
 * @returns {{state: typeof DEFAULT_STATE, notices: string[]}}
 */
export function stateFromQuery(query) {
  const { state, notices } = readQuery(query, PARAMETERS, DEFAULT_STATE);
  const soft = state.soft || (state.y !== 0 && state.y !== 1);
  return { state: { ...state, soft }, notices };
}

/** The query string for a state, e.g. "?z=-2&y=1". */
export function queryFromState(state) {
  return writeQuery(state, PARAMETERS);
}
