// Entry point: start the wasm core, then the playground. Marks the first complete render
// (body[data-ready], performance mark "lossplay:first-render") for tests and benchmarks.
import createLossCore from './lossplay-core.mjs';
import { fillLiveNumbers } from './live_numbers.js';
import { createNotices } from './notices.js';
import { startPlayground } from './playground.js';
import { wireShowMeButtons } from './show_me.js';

async function main() {
  const notices = createNotices(document.getElementById('notices'));
  const corePromise = createLossCore();
  let playground;
  try {
    playground = await startPlayground(corePromise);
  } catch (error) {
    notices.show(`The playground could not start in this browser: ${error.message}`);
    return;
  }
  const explanations = document.querySelector('.explanations');
  if (explanations) {
    const core = await corePromise;
    for (const problem of fillLiveNumbers(explanations, core)) {
      notices.show(`A number in the explanations could not be computed (${problem}).`);
    }
    wireShowMeButtons(explanations, playground);
  }
  window.lossplay = playground;
  requestAnimationFrame(() => {
    performance.mark('lossplay:first-render');
    document.body.dataset.ready = 'true';
  });
}

main();
