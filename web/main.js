// Entry point: start the wasm core, then the playground. Marks the first complete render
// (body[data-ready], performance mark "lossplay:first-render") for tests and benchmarks.
import createLossCore from './lossplay-core.mjs';
import { createNotices } from './notices.js';
import { startPlayground } from './playground.js';

async function main() {
  let playground;
  try {
    playground = await startPlayground(createLossCore());
  } catch (error) {
    createNotices(document.getElementById('notices')).show(
      `The playground could not start in this browser: ${error.message}`,
    );
    return;
  }
  window.lossplay = playground;
  requestAnimationFrame(() => {
    performance.mark('lossplay:first-render');
    document.body.dataset.ready = 'true';
  });
}

main();
