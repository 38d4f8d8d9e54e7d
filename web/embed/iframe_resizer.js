// lossplay-iframe-resizer.js, for pages that embed lossplay in an iframe: sizes every
// <iframe data-lossplay> to the height its content reports, so it needs no scrollbar. Only
// messages that come from one of those iframes and have the documented shape are used;
// anything else is ignored.
(() => {
  const MAX_HEIGHT = 20000;
  window.addEventListener('message', (event) => {
    const data = event.data;
    if (!data || typeof data !== 'object' || data.type !== 'lossplay:height') return;
    const height = Number(data.height);
    if (!Number.isFinite(height) || height <= 0 || height > MAX_HEIGHT) return;
    const frames = /** @type {NodeListOf<HTMLIFrameElement>} */ (
      document.querySelectorAll('iframe[data-lossplay]')
    );
    for (const frame of frames) {
      if (frame.contentWindow === event.source) {
        frame.height = String(Math.ceil(height));
      }
    }
  });
})();
