// Numbers that must tell each other apart: the data's values, or the x of rows sampled along a
// chart's axis. formatNumber's four significant digits show 1000000, 1000001 and 1000003 all as
// "1.000 × 10⁶"; when they would, these formatters write plain decimals down to a tenth of the
// spacing instead ("1000001", "999999.25"), so neighbours never read alike.
import { formatNumber } from '../../shared/number_format.js';

const MINUS = '\u2212';

/** The smallest step formatNumber's text resolves at a magnitude: one unit in the fourth
 * significant digit, or 1 where it writes whole numbers (10³ to 10⁵). */
function resolution(magnitude) {
  if (magnitude >= 1e3 && magnitude < 1e5) return 1;
  return 10 ** (Math.floor(Math.log10(magnitude)) - 3);
}

/** "999999.25", "−3.5", "1000000": fixed decimals with the trailing zeros dropped. */
function fixed(value, decimals) {
  const text = value.toFixed(decimals);
  const trimmed = decimals > 0 ? text.replace(/\.?0+$/, '') : text;
  return trimmed === '-0' ? '0' : trimmed.replace('-', MINUS);
}

/**
 * A formatter for values about `step` apart whose largest magnitude is `magnitude`.
 * formatNumber itself when its rounding (at most half a unit each side) keeps two values a
 * step apart distinct; otherwise fixed decimals fine enough that rounding moves a value by at
 * most a twentieth of the step.
 * @param {number} step  > 0
 * @param {number} magnitude  ≥ 0
 * @returns {(value: number) => string}
 */
export function formatForStep(step, magnitude) {
  if (!(step > 0) || !(magnitude > 0) || step >= 2 * resolution(magnitude)) return formatNumber;
  const decimals = Math.min(20, Math.max(0, Math.ceil(-Math.log10(step / 10))));
  return (value) => fixed(value, decimals);
}

/** A formatter that tells every value of a list apart (the smallest gap between two distinct
 * values sets the step); formatNumber when all are equal. */
export function formatDistinct(values) {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  let step = Infinity;
  for (let i = 1; i < sorted.length; i += 1) step = Math.min(step, sorted[i] - sorted[i - 1]);
  const magnitude = Math.max(0, ...sorted.map(Math.abs));
  return Number.isFinite(step) ? formatForStep(step, magnitude) : formatNumber;
}

/** A formatter for an evenly spaced grid from lo to hi with `points` points. */
export const formatGrid = (lo, hi, points) =>
  formatForStep((hi - lo) / Math.max(1, points - 1), Math.max(Math.abs(lo), Math.abs(hi)));

/** A Chart.js tick callback that writes each tick with enough digits for the ticks' spacing. */
export const spacedTick = (value, index, ticks) =>
  formatDistinct(ticks.map((tick) => tick.value))(Number(value));
