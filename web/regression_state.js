// The regression lab's state and its URL form:
//   ?targets=3,5,2&preds=4,2,3&delta=1&outlier=25&outlierPred=3
// The outlier point is part of the data only when `outlier` is present.
import { parseNumber } from './number_input.js';
import { numberList, readQuery, writeQuery } from './url_state.js';

export const VALUE_SPEC = Object.freeze({ name: 'value', min: -1e6, max: 1e6 });
export const DELTA_SPEC = Object.freeze({ name: 'δ', min: 0, max: 1e6, open: true });
export const OUTLIER_SLIDER = Object.freeze({ min: -50, max: 50 });

export const DEFAULT_REGRESSION_STATE = Object.freeze({
  targets: [3, 5, 2],
  preds: [4, 2, 3],
  delta: 1,
  outlierOn: false,
  outlierTarget: 25,
  outlierPred: 3,
});

const values = (key) =>
  numberList(key, (text) => parseNumber(text, VALUE_SPEC), { min: 3, max: 3 });
const one = (text) => parseNumber(text, VALUE_SPEC);

const PARAMETERS = [
  {
    key: 'targets',
    read: values('targets'),
    write: (state) => state.targets.join(','),
    apply: (state, targets) => ({ ...state, targets }),
  },
  {
    key: 'preds',
    read: values('preds'),
    write: (state) => state.preds.join(','),
    apply: (state, preds) => ({ ...state, preds }),
  },
  {
    key: 'delta',
    read: (text) => parseNumber(text, DELTA_SPEC),
    write: (state) => String(state.delta),
    apply: (state, delta) => ({ ...state, delta }),
  },
  {
    key: 'outlier',
    read: one,
    write: (state) => (state.outlierOn ? String(state.outlierTarget) : null),
    apply: (state, outlierTarget) => ({ ...state, outlierTarget, outlierOn: true }),
  },
  {
    key: 'outlierPred',
    read: one,
    write: (state) => (state.outlierOn ? String(state.outlierPred) : null),
    apply: (state, outlierPred) => ({ ...state, outlierPred }),
  },
];

export const regressionStateFromQuery = (query) =>
  readQuery(query, PARAMETERS, DEFAULT_REGRESSION_STATE);
export const queryFromRegressionState = (state) => writeQuery(state, PARAMETERS);

/** The data the losses see: the three points, plus the outlier when it is switched on. */
export function dataOf(state) {
  return state.outlierOn
    ? {
        targets: [...state.targets, state.outlierTarget],
        preds: [...state.preds, state.outlierPred],
      }
    : { targets: [...state.targets], preds: [...state.preds] };
}
