// theme="inherit": a widget (or a frame, through lossplay-iframe-resizer.js) takes the light or
// dark look of the page around it, not the reader's system setting — a white blog read by a
// reader in dark mode keeps a light widget. The page's look is the first opaque background
// behind the element; where every one is transparent, the page's canvas, which is dark only
// when the page's color-scheme allows dark (and, for "light dark", the system prefers it).

/** 0 (black) … 1 (white): the relative luminance of an sRGB colour (WCAG 2). */
function luminance([r, g, b]) {
  const linear = (c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(r / 255) + 0.7152 * linear(g / 255) + 0.0722 * linear(b / 255);
}

/** "rgb(17, 20, 23)" / "rgba(0, 0, 0, 0)" → {rgb, alpha}; null for anything else. */
function parseColor(text) {
  const parts = text
    .match(/rgba?\(([^)]+)\)/)?.[1]
    .split(/[\s,/]+/)
    .filter(Boolean)
    .map(Number);
  if (!parts || parts.length < 3) return null;
  return { rgb: parts.slice(0, 3), alpha: parts[3] ?? 1 };
}

/** The element's parent, across a shadow root's boundary. */
const parentOf = (node) => node.parentElement ?? node.getRootNode()?.host ?? null;

/**
 * 'dark' or 'light': the look of the page behind `element`.
 * @param {Element} element
 */
export function hostScheme(element) {
  for (let node = parentOf(element); node; node = parentOf(node)) {
    const color = parseColor(getComputedStyle(node).backgroundColor);
    if (color && color.alpha > 0.5) return luminance(color.rgb) < 0.2 ? 'dark' : 'light';
  }
  const allowed = getComputedStyle(document.documentElement).colorScheme.split(/\s+/);
  if (!allowed.includes('dark')) return 'light';
  if (!allowed.includes('light')) return 'dark';
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/**
 * Calls onChange(scheme) whenever the page's look behind `element` may have changed: a class,
 * style or data attribute on <html> or <body> (a site's own theme switch), or the system's
 * setting. Returns the function that stops watching.
 */
export function watchHostScheme(element, onChange) {
  let last = hostScheme(element);
  const check = () => {
    const now = hostScheme(element);
    if (now !== last) onChange((last = now));
  };
  const observer = new MutationObserver(check);
  for (const node of [document.documentElement, document.body].filter(Boolean)) {
    observer.observe(node, { attributes: true });
  }
  const system = window.matchMedia('(prefers-color-scheme: dark)');
  system.addEventListener('change', check);
  // A site that fades its background reads in between while the fade runs: again at its end.
  document.addEventListener('transitionend', check);
  return () => {
    observer.disconnect();
    system.removeEventListener('change', check);
    document.removeEventListener('transitionend', check);
  };
}
