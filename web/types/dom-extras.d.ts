// DOM members lossplay uses that TypeScript's lib.dom.d.ts does not list yet.

interface IntersectionObserverInit {
  /** Margins around every scrolling box between the target and the root (Intersection
   *  Observer spec; Chromium 120+). web/embed/guest.js uses it where the browser has it. */
  scrollMargin?: string;
}

interface Window {
  /** A panel page's public API (web/site/page_bootstrap.js): the browser tests and the
   *  benchmarks drive the page through it. */
  lossplay?: object;
}
