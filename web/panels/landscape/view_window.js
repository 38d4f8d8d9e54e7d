// The window of (w, b) the maps show, zoomed about a point and kept inside the core's limits.
import { B_SPEC, W_SPEC } from './state.js';

const MIN_SPAN = 0.05; // narrower than this and the 200 cells would be a few ulps apart

/** [low, high] scaled by `factor` about `at`, shifted (not squeezed) to fit [min, max]. */
function zoomAxis(low, high, factor, at, { min, max }) {
  const span = Math.min(Math.max((high - low) * factor, MIN_SPAN), max - min);
  let next = at - (at - low) * (span / (high - low));
  next = Math.min(Math.max(next, min), max - span);
  return [next, next + span];
}

/** The window [wMin, wMax, bMin, bMax] zoomed by `factor` (< 1 zooms in) about [w, b]. */
export function zoomView(view, factor, [w, b]) {
  const round = (v) => Number(v.toPrecision(6));
  return [
    ...zoomAxis(view[0], view[1], factor, w, W_SPEC()),
    ...zoomAxis(view[2], view[3], factor, b, B_SPEC()),
  ].map(round);
}

/** [low, high] shifted (not squeezed) to lie within [min, max]. */
function fitAxis(low, high, { min, max }) {
  const span = Math.min(high - low, max - min);
  const next = Math.min(Math.max(low, min), max - span);
  return [next, next + span];
}

/** The window [wMin, wMax, bMin, bMax] moved back inside the core's limits (a pan past them). */
export function fitView(view) {
  const round = (v) => Number(v.toPrecision(6));
  return [...fitAxis(view[0], view[1], W_SPEC()), ...fitAxis(view[2], view[3], B_SPEC())].map(
    round,
  );
}
