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

/** The seed's two examples and label smoothing, as one-click presets. */
export const PRESETS = Object.freeze({
  'seed-09': { t: 0.9, p: 0.25, rows: [0.25, 0.5, 0.75] },
  'seed-06': { t: 0.6, p: 0.5, rows: [0.5, 0.6, 0.7] },
  smoothing: { t: 0.95, p: 0.99, rows: [0.9, 0.95, 0.99] },
});
