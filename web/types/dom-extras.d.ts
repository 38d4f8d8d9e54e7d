// DOM members lossplay uses that TypeScript's lib.dom.d.ts does not list yet.

interface IntersectionObserverInit {
  /** Margins around every scrolling box between the target and the root (Intersection
   *  Observer spec; Chromium 120+). web/embed/guest.js uses it where the browser has it. */
  scrollMargin?: string;
}
