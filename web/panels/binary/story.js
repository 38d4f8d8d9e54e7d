// The numbers the binary playground's story quotes (web/shared/story.js), at a step's state:
// the core's operating point, and the sigmoid's slope p(1 − p) that MSE's gradient carries.
/** @param {object} core  @param {{z: number, y: number}} state */
export function storyNumbers(core, { z, y }) {
  const point = core.binaryPoint(z, y);
  return {
    z,
    y,
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
