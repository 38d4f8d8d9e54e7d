// Entry point: start the wasm core, then the playground, then the explanations' numbers.
// Marks the first complete render of the charts (performance mark "lossplay:first-render")
// and the end of start-up (body[data-ready]) for benchmarks and tests.
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
  // Both charts are drawn synchronously by startPlayground. Let that frame reach the screen
  // before filling the explanations' numbers, which are below the fold.
  await new Promise((resolve) => {
    requestAnimationFrame(() => {
      performance.mark('lossplay:first-render');
      setTimeout(resolve, 0);
    });
  });
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
    document.body.dataset.ready = 'true';
  });
}

main();
