// lossplay-iframe-resizer.js, for pages that embed lossplay in an iframe: sizes every
// <iframe data-lossplay> to the height its content reports, so it needs no scrollbar, and tells
// each frame the host page's light or dark look (host_scheme.js), which a frame whose address
// says theme=inherit (the default) takes, also when the page changes it. Only messages that
// come from one of those iframes and have the documented shape are used; anything else is
// ignored.
import { hostScheme, watchHostScheme } from './host_scheme.js';

const MAX_HEIGHT = 20000;
const told = new WeakSet(); // frames that have been told the page's look

const tellScheme = (frame, scheme = hostScheme(frame)) =>
  frame.contentWindow?.postMessage({ type: 'lossplay:scheme', scheme }, '*');

window.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || typeof data !== 'object' || data.type !== 'lossplay:height') return;
  // A number, not anything Number() would turn into one ("500", [500], true).
  const height = data.height;
  if (typeof height !== 'number' || !Number.isFinite(height)) return;
  if (height <= 0 || height > MAX_HEIGHT) return;
  const frames = /** @type {NodeListOf<HTMLIFrameElement>} */ (
    document.querySelectorAll('iframe[data-lossplay]')
  );
  for (const frame of frames) {
    if (frame.contentWindow !== event.source) continue;
    frame.height = String(Math.ceil(height));
    // A frame reports its height once it has started: it can now be told the look, and again
    // whenever the page changes it.
    if (!told.has(frame)) {
      told.add(frame);
      tellScheme(frame);
      watchHostScheme(frame, (scheme) => tellScheme(frame, scheme));
    }
  }
});
