// The soft-targets lab's state and its URL form: ?t=0.9&p=0.25&rows=0.25,0.5,0.75
import { number, numbers, param } from '../../shared/params.js';

export const T_SPEC = Object.freeze({ name: 't', min: 0, max: 1, example: '0.9' });
export const P_SPEC = Object.freeze({ name: 'p', min: 0, max: 1, open: true, example: '0.25' });
export const ROW_COUNT = 3;

export const table = {
  parameters: [
    param('t', number(T_SPEC)),
    param('p', number(P_SPEC)),
    param('rows', numbers(P_SPEC, { count: ROW_COUNT })),
  ],
  defaults: Object.freeze({ t: 0.9, p: 0.25, rows: [0.25, 0.5, 0.75] }),
};

/** The controls the benchmark drives on this lab's page (web/panels/registry.js `bench`). */
export const bench = [{ query: '?p=0.4', control: '#soft-p-slider', longSession: true }];
