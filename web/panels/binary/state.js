// The binary playground's state and its URL form: ?z=-2&y=1, soft labels as y=0.6, the
// gradient chart's view as axis=log and gradient=signed, and the textbook clamped
// cross-entropy next to the logit form as ce=clamped&eps=0.001.
import { flag, number, param } from '../../shared/params.js';

export const Z_SPEC = Object.freeze({ name: 'z', example: '-2' });
export const Y_SPEC = Object.freeze({ name: 'y', min: 0, max: 1, example: '0.6' });
// The clamp's ε: the textbook code clips p to [ε, 1 − ε]. Up to 0.1 (the clamp then starts at
// z = ±2.2, well inside the chart); down to 10⁻¹², where it starts at z = ±27.6.
export const EPS_SPEC = Object.freeze({ name: 'ε', min: 1e-12, max: 0.1, example: '0.001' });

const isHard = (y) => y === 0 || y === 1;

export const table = {
  parameters: [
    param('z', number(Z_SPEC)),
    param('y', number(Y_SPEC)),
    // Soft-label mode is implied by a y strictly between 0 and 1; written only for y = 0 or 1.
    param('labels', flag('labels', 'soft', 'hard'), {
      field: 'soft',
      when: (state) => state.soft && isHard(state.y),
    }),
    param('axis', flag('axis', 'log', 'linear'), { field: 'logScale', omitDefault: true }),
    param('gradient', flag('gradient', 'signed', 'magnitude'), {
      field: 'signed',
      omitDefault: true,
    }),
    param('ce', flag('ce', 'clamped', 'logit'), { field: 'clamp', omitDefault: true }),
    param('eps', number(EPS_SPEC), { when: (state) => state.clamp, implies: { clamp: true } }),
  ],
  defaults: Object.freeze({
    z: -2,
    y: 1,
    soft: false,
    logScale: false,
    signed: false,
    clamp: false,
    eps: 0.001,
  }),
  normalize: (state, notices) => ({
    state: { ...state, soft: state.soft || !isHard(state.y) },
    notices,
  }),
};

/** The controls the benchmark drives on this lab's page (web/panels/registry.js `bench`). */
export const bench = [
  { query: '?z=-10&y=1', control: '#z-slider', event: 'keydown', longSession: true },
];
