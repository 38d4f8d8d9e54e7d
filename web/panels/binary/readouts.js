// The playground's read-outs: the core's values at the operating point as text, and a
// one-sentence verdict in which every number comes from the core's results.
import { formatNumber } from '../../shared/number_format.js';

const isHard = (y) => y === 0 || y === 1;

/** What the numbers say, in a sentence. results: the panel's compute() output. */
export function verdictFor(state, { point, curves }) {
  const error = Math.abs(point.dceDz); // |p − y|
  const ratio = formatNumber(point.ratio);
  if (error >= 0.5 && point.ratio >= 10) {
    return (
      `Confidently wrong: cross-entropy still pushes with ${formatNumber(error)}, ` +
      `MSE only with ${formatNumber(Math.abs(point.dmseDz))}. CE pushes ${ratio} times harder.`
    );
  }
  if (error >= 0.5) {
    return `Wrong but unsure: both gradients are working, CE's is ${ratio} times MSE's.`;
  }
  if (isHard(state.y)) {
    // |p − y| < ½ with a hard label: p is on the label's side of ½.
    return error < 0.05
      ? `Close to the label: both losses are small and both gradients fade, as they should.`
      : `On the right side of ½ but not there yet: CE's gradient is ${ratio} times MSE's.`;
  }
  // A soft label: CE cannot fall below the label's own entropy H(y), reached at p = y.
  const floor = `CE's lowest value for this label is H(y) = ${formatNumber(curves.floor)}, not 0`;
  if (error < 0.05) {
    return `Close to the soft label: MSE is near 0 and CE near its floor (${floor}); both gradients fade.`;
  }
  return `p is ${formatNumber(error)} away from the soft label y: CE's gradient is ${ratio} times MSE's. ${floor}.`;
}

function renderClamped($, state, { point, clampedPoint, clampEdge }) {
  $('clamp-readouts').hidden = !clampedPoint;
  $('clamp-note').hidden = !clampedPoint;
  if (!clampedPoint) return;
  $('out-clamped-ce').textContent = formatNumber(clampedPoint.ce);
  $('out-clamped-dce').textContent = formatNumber(Math.abs(clampedPoint.dceDz));
  const eps = formatNumber(state.eps);
  const edge = formatNumber(Math.abs(clampEdge));
  $('eps-hint').textContent =
    `From 10⁻¹² to 0.1. With ε = ${eps} the clip starts at z = ±${edge}: ` +
    `beyond it p is held at ε or 1 − ε.`;
  $('clamp-note').textContent = clampedPoint.clamped
    ? `The clip is active at this z: the clipped CE is stuck at ${formatNumber(clampedPoint.ce)} and its gradient is exactly 0, while the logit form still pushes with ${formatNumber(Math.abs(point.dceDz))}.`
    : `The clip is not active at this z (|z| < ${edge}): both forms agree. Move z past ±${edge} to see the clipped gradient drop to 0.`;
}

/** $: the panel's element lookup; results: the panel's compute() output. */
export function renderReadouts($, state, results) {
  const { point } = results;
  $('out-p').textContent = formatNumber(point.p);
  $('out-ce').textContent = formatNumber(point.ce);
  $('out-mse').textContent = formatNumber(point.mse);
  $('out-dce').textContent = formatNumber(Math.abs(point.dceDz));
  $('out-dmse').textContent = formatNumber(Math.abs(point.dmseDz));
  $('out-ratio').textContent = formatNumber(point.ratio);
  $('verdict').textContent = verdictFor(state, results);
  renderClamped($, state, results);
}
