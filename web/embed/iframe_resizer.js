// lossplay-iframe-resizer.js, for pages that embed lossplay in an iframe: sizes every
// <iframe data-lossplay> to the height its content reports, so it needs no scrollbar (a story's
// frame keeps the height the page gave it and only says it has started), and tells
// each frame the host page's light or dark look (host_scheme.js), which a frame whose address
// says theme=inherit (the default) takes, also when the page changes it. Only messages that
// come from one of those iframes and have the documented shape are used; anything else is
// ignored.
import { hostScheme, watchHostScheme } from './host_scheme.js';

const MAX_HEIGHT = 20000;
const told = new WeakSet(); // frames that have been told the page's look

const tellScheme = (frame, scheme = hostScheme(frame)) =>
  frame.contentWindow?.postMessage({ type: 'lossplay:scheme', scheme }, '*');

/** The height a message reports, or null: a number, not anything Number() would turn into
 *  one ("500", [500], true), within bounds. */
function reportedHeight(data) {
  const height = data.height;
  if (typeof height !== 'number' || !Number.isFinite(height)) return null;
  return height > 0 && height <= MAX_HEIGHT ? height : null;
}

window.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || typeof data !== 'object') return;
  // A frame reports its height once it has started; a story, which scrolls inside its frame at
  // the height the page gave it, says only that it has started.
  let height = null;
  if (data.type === 'lossplay:height') {
    height = reportedHeight(data);
    if (height === null) return;
  } else if (data.type !== 'lossplay:started') {
    return;
  }
  const frames = /** @type {NodeListOf<HTMLIFrameElement>} */ (
    document.querySelectorAll('iframe[data-lossplay]')
  );
  for (const frame of frames) {
    if (frame.contentWindow !== event.source) continue;
    if (height !== null) frame.height = String(Math.ceil(height));
    // A started frame can now be told the look, and again whenever the page changes it.
    if (!told.has(frame)) {
      told.add(frame);
      tellScheme(frame);
      watchHostScheme(frame, (scheme) => tellScheme(frame, scheme));
    }
  }
});
