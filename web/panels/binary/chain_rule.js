// The chain-rule card: dL/dz = dL/dp × σ′(z) for both losses with the live numbers, so the
// reader sees CE's 1/(p(1 − p)) cancel σ′(z) and MSE keep it. Every number is the core's
// (core.sigmoidChain).
import { formatNumber } from '../../shared/number_format.js';
import { SIZE, compareWords } from '../../shared/ratio_words.js';

function summary(chain) {
  const { dceDp, dpDz, dceDz, dmseDz } = chain;
  if (dceDz === 0) {
    return 'Here p equals y: both gradients are 0, whatever the factors.';
  }
  const cancel = Number.isFinite(dceDp)
    ? `CE's first factor, ${formatNumber(dceDp)}, carries 1/σ′(z); multiplied by σ′(z) = ${formatNumber(dpDz)} the two cancel`
    : `CE's first factor no longer fits in a double, and σ′(z) ${dpDz === 0 ? 'has rounded to 0' : `= ${formatNumber(dpDz)} is tiny`}; on paper they cancel`;
  const keep =
    dmseDz === 0
      ? 'MSE keeps σ′(z), which has rounded to 0 here, so its gradient is 0 to double precision.'
      : `MSE keeps σ′(z), so its gradient is ${compareWords(Math.abs(dmseDz), Math.abs(dceDz), SIZE, "CE's")}.`;
  return `${cancel}, leaving p − y = ${formatNumber(dceDz)}. ${keep} That is why the core computes CE's gradient as p − y directly.`;
}

/** $: the panel's element lookup; chain: core.sigmoidChain(z, y). */
export function renderChainRule($, state, chain) {
  $('chain-z').textContent = formatNumber(state.z);
  $('chain-y').textContent = formatNumber(state.y);
  $('chain-p').textContent = formatNumber(chain.p);
  $('chain-dce-dp').textContent = formatNumber(chain.dceDp);
  $('chain-dmse-dp').textContent = formatNumber(chain.dmseDp);
  $('chain-ce-sigma').textContent = formatNumber(chain.dpDz);
  $('chain-mse-sigma').textContent = formatNumber(chain.dpDz);
  $('chain-dce-dz').textContent = formatNumber(chain.dceDz);
  $('chain-dmse-dz').textContent = formatNumber(chain.dmseDz);
  $('chain-summary').textContent = summary(chain);
}
