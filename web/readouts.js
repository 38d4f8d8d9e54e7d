// The read-outs: the core's values at the operating point as text, a one-sentence verdict,
// and a polite screen-reader summary that waits until the input settles.
import { formatNumber } from './number_format.js';

const ANNOUNCE_DELAY_MS = 600;

/** What the numbers say, in a sentence (every number in it comes from the point). */
export function verdictFor(state, point) {
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

export function createReadouts(doc) {
  const cells = {
    p: doc.getElementById('out-p'),
    ce: doc.getElementById('out-ce'),
    mse: doc.getElementById('out-mse'),
    dce: doc.getElementById('out-dce'),
    dmse: doc.getElementById('out-dmse'),
    ratio: doc.getElementById('out-ratio'),
  };
  const verdict = doc.getElementById('verdict');
  const live = doc.getElementById('live-summary');
  let announceTimer = 0;

  return {
    render(state, point) {
      cells.p.textContent = formatNumber(point.p);
      cells.ce.textContent = formatNumber(point.ce);
      cells.mse.textContent = formatNumber(point.mse);
      cells.dce.textContent = formatNumber(Math.abs(point.dceDz));
      cells.dmse.textContent = formatNumber(Math.abs(point.dmseDz));
      cells.ratio.textContent = formatNumber(point.ratio);
      verdict.textContent = verdictFor(state, point);
      clearTimeout(announceTimer);
      announceTimer = setTimeout(() => {
        live.textContent =
          `z ${formatNumber(state.z)}, y ${formatNumber(state.y)}: p ${cells.p.textContent}, ` +
          `CE ${cells.ce.textContent}, MSE ${cells.mse.textContent}. ${verdict.textContent}`;
      }, ANNOUNCE_DELAY_MS);
    },
  };
}
