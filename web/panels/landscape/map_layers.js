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

/** Every `stride`-th value of a side × side grid in both directions: a coarser grid for the
 * contour lines, which cost the most of a redraw and look the same at a few hundred pixels. */
function coarse(values, side, stride) {
  const n = Math.floor((side - 1) / stride) + 1;
  const out = new Float64Array(n * n);
  for (let j = 0; j < n; j += 1) {
    for (let i = 0; i < n; i += 1) out[j * n + i] = values[j * stride * side + i * stride];
  }
  return { values: out, side: n };
}

const CONTOUR_STRIDE = 3;

/**
 * The shading and contours of one loss map (nw = nb = side). Loss is shaded on a log scale: a
 * loss a hundred times smaller looks as different as one a hundred times larger, so the floor
 * of the valley and the far slopes are both readable. Every point costs something at a finite
 * w, b, but a mean loss below the smallest double rounds to 0 (squared error at |z| ≳ 372, on
 * a wide window): it is shaded as the smallest double, and `low` says 0, as the core does.
 * Contours come from a grid of every third cell (lineStep: one of its units on the plot); a
 * coarse map (`withLines` false: one a finger is dragging) has none.
 */
export function lossLayers(values, side, withLines = true) {
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
    span > 0 && withLines
      ? Array.from(
          { length: CONTOUR_LEVELS },
          (_, k) => logLow + (span * (k + 1)) / (CONTOUR_LEVELS + 1),
        )
      : [];
  const grid = coarse(logs, side, CONTOUR_STRIDE);
  const lines = contours().size([grid.side, grid.side]).thresholds(levels)(grid.values);
  return {
    low, // the true lowest, 0 where every point's loss is too small for a double
    high,
    ratio: Math.exp(span / (CONTOUR_LEVELS + 1)),
    shade,
    lines,
    // One unit of the contours' grid, as a share of the plot's width (or height).
    lineStep: CONTOUR_STRIDE / (side - 1),
  };
}

/** Where the smallest Hessian eigenvalue is below 0, as a cell mask, and its share. */
export function concaveRegion(curvature) {
  const mask = new Uint8Array(curvature.length);
  let cells = 0;
  for (let i = 0; i < curvature.length; i += 1) {
    if (curvature[i] < 0) {
      mask[i] = 1;
      cells += 1;
    }
  }
  return { mask, share: cells / curvature.length };
}
