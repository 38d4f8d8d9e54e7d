// The regression lab's state and its URL form:
//   ?targets=3,5,2&preds=4,2,3&delta=1&outlier=25&outlierPred=3
// The outlier point is part of the data only when `outlier` is present.
import { number, numbers, param } from '../../shared/params.js';

export const POINT_COUNT = 3;
export const VALUE_SPEC = Object.freeze({ name: 'value', min: -1e6, max: 1e6, example: '3' });
// δ in (0, 1e6]: 0 itself is no threshold, 1e6 (the largest value a point may take) is allowed.
export const DELTA_SPEC = Object.freeze({
  name: 'δ',
  min: 0,
  max: 1e6,
  openMin: true,
  example: '1',
});

const values = numbers(VALUE_SPEC, { count: POINT_COUNT });
const outlierOn = (state) => state.outlierOn;

export const table = {
  parameters: [
    param('targets', values),
    param('preds', values),
    param('delta', number(DELTA_SPEC)),
    param('outlier', number(VALUE_SPEC), {
      field: 'outlierTarget',
      when: outlierOn,
      implies: { outlierOn: true },
    }),
    param('outlierPred', number(VALUE_SPEC), { when: outlierOn }),
  ],
  defaults: Object.freeze({
    targets: [3, 5, 2],
    preds: [4, 2, 3],
    delta: 1,
    outlierOn: false,
    outlierTarget: 25,
    outlierPred: 3,
  }),
};

/** The data the losses see: the three points, plus the outlier when it is switched on. */
export function dataOf(state) {
  return state.outlierOn
    ? {
        targets: [...state.targets, state.outlierTarget],
        preds: [...state.preds, state.outlierPred],
      }
    : { targets: [...state.targets], preds: [...state.preds] };
}

/** The controls the benchmark drives on this lab's page (web/panels/registry.js `bench`). */
export const bench = [{ query: '?outlier=0', control: '#rg-outlier-slider', longSession: true }];
