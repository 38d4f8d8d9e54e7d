// The page's palette for theme= in its address: light or dark marks the root (data-scheme, which
// the built styles follow: scripts/scheme_css.mjs); inherit (the default) in a frame takes the
// host page's look as lossplay-iframe-resizer.js reports it, and follows it; auto, or inherit
// with nothing to inherit from, follows the reader's system.

/**
 * @param {{theme: string, embed: boolean}} options  the page's view options
 * @param {() => void} onChange  called when the look changes after the page has started
 */
export function applyPageScheme({ theme, embed }, onChange) {
  const root = document.documentElement;
  if (theme === 'light' || theme === 'dark') root.dataset.scheme = theme;
  if (theme !== 'inherit' || !embed || window.parent === window) return;
  window.addEventListener('message', (event) => {
    const data = event.data;
    if (event.source !== window.parent || !data || data.type !== 'lossplay:scheme') return;
    if (!['light', 'dark'].includes(data.scheme) || root.dataset.scheme === data.scheme) return;
    root.dataset.scheme = data.scheme;
    onChange();
  });
}
