// The playground's read-outs: the core's values at the operating point as text, and a
// one-sentence verdict in which every number comes from the point.
import { formatNumber } from '../../shared/number_format.js';

/** What the numbers say, in a sentence. */
export function verdictFor(point) {
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
  if (error < 0.05) {
    return `Close to the label: both losses are small and both gradients fade, as they should.`;
  }
  return `On the right side of ½ but not there yet: CE's gradient is ${ratio} times MSE's.`;
}

/** $: the panel's element lookup. */
export function renderReadouts($, state, point) {
  $('out-p').textContent = formatNumber(point.p);
  $('out-ce').textContent = formatNumber(point.ce);
  $('out-mse').textContent = formatNumber(point.mse);
  $('out-dce').textContent = formatNumber(Math.abs(point.dceDz));
  $('out-dmse').textContent = formatNumber(Math.abs(point.dmseDz));
  $('out-ratio').textContent = formatNumber(point.ratio);
  $('verdict').textContent = verdictFor(point);
}
