// What a landscape map is drawn from, in grid units: its shading (log of the loss scaled to
// [0, 1]), contour lines at equal ratios of the loss (d3-contour's marching squares), and the
// region where the Hessian has a negative eigenvalue (the surface curves down somewhere).
import { contours } from 'd3-contour';

const CONTOUR_LEVELS = 9;

/** Smallest and largest finite value. */
function range(values) {
  let low = Infinity;
  let high = -Infinity;
  for (const v of values) {
    if (v < low) low = v;
    if (v > high) high = v;
  }
  return { low, high };
}

/**
 * The shading and contours of one loss map (nw = nb = side). Loss is shaded on a log scale: a
 * loss a hundred times smaller looks as different as one a hundred times larger, so the floor
 * of the valley and the far slopes are both readable. A loss of exactly 0 cannot occur (every
 * point costs something at a finite w, b), but the floor keeps the logarithm finite anyway.
 */
export function lossLayers(values, side) {
  const { low, high } = range(values);
  const floor = Math.max(low, Number.MIN_VALUE);
  const logLow = Math.log(floor);
  const span = Math.log(Math.max(high, floor)) - logLow;
  const shade = new Float32Array(values.length);
  const logs = new Float64Array(values.length);
  for (let i = 0; i < values.length; i += 1) {
    logs[i] = Math.log(Math.max(values[i], floor));
    shade[i] = span > 0 ? (logs[i] - logLow) / span : 0;
  }
  const levels =
    span > 0
      ? Array.from(
          { length: CONTOUR_LEVELS },
          (_, k) => logLow + (span * (k + 1)) / (CONTOUR_LEVELS + 1),
        )
      : [];
  const lines = contours().size([side, side]).thresholds(levels)(logs);
  return { low: floor, high, ratio: Math.exp(span / (CONTOUR_LEVELS + 1)), shade, lines };
}

/** Polygons of the cells where the smallest Hessian eigenvalue is below 0. */
export function concaveRegion(curvature, side) {
  const negated = Float64Array.from(curvature, (v) => -v);
  const [region] = contours().size([side, side]).thresholds([Number.MIN_VALUE])(negated);
  let cells = 0;
  for (const v of curvature) if (v < 0) cells += 1;
  return { region, share: cells / curvature.length };
}
