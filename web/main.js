// Entry point: start the wasm core, then the playground. Marks the first complete render
// (body[data-ready], performance mark "lossplay:first-render") for tests and benchmarks.
import createLossCore from './lossplay-core.mjs';
import { createNotices } from './notices.js';
import { startPlayground } from './playground.js';

async function main() {
  let core;
  try {
    core = await createLossCore();
  } catch (error) {
    createNotices(document.getElementById('notices')).show(
      `The loss core could not start in this browser: ${error.message}`,
    );
    return;
  }
  const playground = startPlayground(core);
  window.lossplay = playground;
  requestAnimationFrame(() => {
    performance.mark('lossplay:first-render');
    document.body.dataset.ready = 'true';
  });
}

main();
