// The playground's read-outs: the core's values at the operating point as text, and a
// one-sentence verdict in which every number comes from the core's results.
import { formatNumber } from '../../shared/number_format.js';

const isHard = (y) => y === 0 || y === 1;

/** "612 times", or "more than 1.798 × 10³⁰⁸ times" for a ratio beyond the largest double. */
const timesText = (ratio) =>
  Number.isFinite(ratio)
    ? `${formatNumber(ratio)} times`
    : `more than ${formatNumber(Number.MAX_VALUE)} times`;

/**
 * Which side of the boundary the model is on. The logit decides, not p: p rounds to exactly ½
 * for |z| below about 10⁻¹⁶ and to 0 or 1 far out, while the sign of z is always exact. A label
 * of exactly ½ (a soft label) belongs to neither class, so no logit is wrong for it.
 * @returns {'right' | 'wrong' | 'undecided'}
 */
function sideOf(z, y) {
  const labelSide = Math.sign(y - 0.5);
  if (labelSide === 0) return 'right';
  if (z === 0) return 'undecided';
  return Math.sign(z) === labelSide ? 'right' : 'wrong';
}

function wrongVerdict({ point }) {
  const times = timesText(point.ratio);
  // p(1 − p) < 1/20 (ratio ≥ 10): p is within about 0.05 of 0 or 1, so the model is sure.
  if (point.ratio < 10) {
    return `Wrong but unsure: both gradients are working, CE's is ${times} MSE's.`;
  }
  const dmse = Math.abs(point.dmseDz);
  const mse =
    dmse === 0 ? "while MSE's gradient has rounded to 0" : `MSE only with ${formatNumber(dmse)}`;
  return (
    `Confidently wrong: cross-entropy still pushes with ${formatNumber(Math.abs(point.dceDz))}, ` +
    `${mse}. CE pushes ${times} harder.`
  );
}

/** What the numbers say, in a sentence. results: the panel's compute() output. */
export function verdictFor(state, results) {
  const { point, curves } = results;
  const side = sideOf(state.z, state.y);
  if (side === 'wrong') return wrongVerdict(results);
  const times = timesText(point.ratio);
  // A soft label: CE cannot fall below the label's own entropy H(y), reached at p = y.
  const floor = `CE's lowest value for this label is H(y) = ${formatNumber(curves.floor)}, not 0`;
  if (side === 'undecided') {
    const undecided = `Undecided: at z = 0, p is exactly ½, on neither side; CE's gradient is ${times} MSE's.`;
    return isHard(state.y) ? undecided : `${undecided} ${floor}.`;
  }
  const error = Math.abs(point.dceDz); // |p − y|
  if (isHard(state.y)) {
    return error < 0.05
      ? `Close to the label: both losses are small and both gradients fade, as they should.`
      : `On the right side of the boundary but not there yet: CE's gradient is ${times} MSE's.`;
  }
  if (error < 0.05) {
    return `Close to the soft label: MSE is near 0 and CE near its floor (${floor}); both gradients fade.`;
  }
  return `p is ${formatNumber(error)} away from the soft label y: CE's gradient is ${times} MSE's. ${floor}.`;
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
