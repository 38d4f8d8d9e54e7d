// The binary playground's state and its URL form: ?z=-2&y=1, soft labels as y=0.6, and the
// gradient chart's view as axis=log and gradient=signed.
import { flag, number, param } from '../../shared/params.js';

export const Z_SPEC = Object.freeze({ name: 'z', example: '-2' });
export const Y_SPEC = Object.freeze({ name: 'y', min: 0, max: 1, example: '0.6' });

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
  ],
  defaults: Object.freeze({ z: -2, y: 1, soft: false, logScale: false, signed: false }),
  normalize: (state, notices) => ({
    state: { ...state, soft: state.soft || !isHard(state.y) },
    notices,
  }),
};
