// Where a label fits in a vertical strip of a chart without touching the curves that run
// through it: the middle of the tallest stretch free of curve points, if that stretch can hold
// the label. Pure: pixel positions in, a position out, so it is tested without a browser.

/**
 * @param {number[]} ys  the curves' pixel heights inside the strip
 * @param {{top: number, bottom: number}} area  the strip's pixel extent
 * @param {number} height  the label's height in pixels, with its margin
 * @returns {number|null}  the label's centre, or null when no free stretch is tall enough
 */
export function freeBandCentre(ys, { top, bottom }, height) {
  const edges = [top, ...ys.filter((y) => y > top && y < bottom).sort((a, b) => a - b), bottom];
  let best = null;
  for (let i = 1; i < edges.length; i += 1) {
    const gap = edges[i] - edges[i - 1];
    if (gap >= height && (!best || gap > best.gap))
      best = { gap, centre: (edges[i] + edges[i - 1]) / 2 };
  }
  return best?.centre ?? null;
}
