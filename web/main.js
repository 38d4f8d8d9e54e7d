// Placeholder page: loads the wasm core and shows one live, computed example.
import createLossCore from './lossplay-core.mjs';
import { formatNumber } from './number_format.js';

const PROBE = { z: -8, y: 1 };

function show(id, text) {
  document.getElementById(id).textContent = text;
}

async function main() {
  const status = document.getElementById('probe-status');
  try {
    const core = await createLossCore();
    const point = core.binaryPoint(PROBE.z, PROBE.y);
    show('probe-z', formatNumber(PROBE.z));
    show('probe-p', formatNumber(point.p));
    show('probe-dce', formatNumber(Math.abs(point.dceDz)));
    show('probe-dmse', formatNumber(Math.abs(point.dmseDz)));
    show('probe-ratio', formatNumber(point.ratio));
    document.body.dataset.coreReady = 'true';
  } catch (error) {
    status.textContent = `The loss core could not start in this browser (${error.message}).`;
  }
}

main();
