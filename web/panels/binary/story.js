// The numbers the binary playground's prose quotes: its story's (web/shared/story.js), at a
// step's state, and the explanations' live numbers (live_numbers.js). The core's operating
// point, read the same way for both, and for the story the sigmoid's slope p(1 − p) that MSE's
// gradient carries.

/** The operating point as the prose quotes it: gradients as sizes (pushes). */
export function pointNumbers(core, z, y) {
  const point = core.binaryPoint(z, y);
  return {
    p: point.p,
    ce: point.ce,
    mse: point.mse,
    dce: Math.abs(point.dceDz),
    dmse: Math.abs(point.dmseDz),
    ratio: point.ratio,
    // dmseDz = 2(p − y)·p(1 − p) and dceDz = p − y, so their quotient over 2 is the slope itself.
    slope: point.dmseDz / (2 * point.dceDz),
  };
}

/** @param {object} core  @param {{z: number, y: number}} state */
export const storyNumbers = (core, { z, y }) => ({ z, y, ...pointNumbers(core, z, y) });
