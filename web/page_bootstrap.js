// What every page does on load: start the wasm core, start the page's panel with it, mark
// the first complete render (performance mark "lossplay:first-render"), run any work that can
// wait for that frame, then flag the end of start-up (body[data-ready]) for tests. A failure
// becomes a notice on the page, never a blank panel.
import createLossCore from 'lossplay-core'; // the core's source, bundled in by scripts/build.mjs
import { createNotices } from './notices.js';

/**
 * @param {(corePromise: Promise<object>, notices: object) => Promise<object>} start
 *   builds the panel and returns its API (exposed as window.lossplay for tests)
 * @param {(panel: object, core: object, notices: object) => void} [afterFirstFrame]
 */
export async function startPage(start, afterFirstFrame) {
  const notices = createNotices(document.getElementById('notices'));
  const corePromise = createLossCore();
  let panel;
  try {
    panel = await start(corePromise, notices);
  } catch (error) {
    notices.show(`This page could not start in this browser: ${error.message}`);
    return;
  }
  await new Promise((resolve) => {
    requestAnimationFrame(() => {
      performance.mark('lossplay:first-render');
      setTimeout(resolve, 0);
    });
  });
  afterFirstFrame?.(panel, await corePromise, notices);
  window.lossplay = panel;
  requestAnimationFrame(() => {
    document.body.dataset.ready = 'true';
  });
}
