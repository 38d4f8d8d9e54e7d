// Axis bounds a panel sets itself, in round steps: an axis that followed its data's extent
// exactly would take a new layout (ticks measured, plot area fitted) on every input, while a
// round bound stays put until the data crosses the next step.

/** Multipliers of a power of ten that a bound may take: fine enough that data fill most of the
 *  axis, few enough that a slider's step rarely crosses one. */
const ROUND_STEPS = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];

/** The smallest round step (ROUND_STEPS × 10^k) at or above every finite value in `values`;
 *  undefined when none is finite and positive. */
export function roundCeiling(values) {
  let top = -Infinity;
  for (const value of values) if (Number.isFinite(value) && value > top) top = value;
  if (!(top > 0)) return undefined;
  const power = 10 ** Math.floor(Math.log10(top));
  // 1e-300 × 10 and the like: a product that rounds below `top` moves on to the next step.
  return ROUND_STEPS.map((m) => m * power).find((step) => step >= top) ?? 10 * power;
}

/** [low, high] widened to multiples of a round step, half the power of ten below the span
 *  (a span of 24 is rounded out to fives): a range that follows moving data by this step keeps
 *  the axis, and its layout, until the data cross a step. The range itself where rounding
 *  would leave the doubles (or the span is not positive). */
export function roundOut(low, high) {
  const step = 10 ** Math.floor(Math.log10(high - low)) / 2;
  const rounded = [Math.floor(low / step) * step, Math.ceil(high / step) * step];
  return step > 0 && rounded.every(Number.isFinite) ? rounded : [low, high];
}

/** The powers of ten just below and above every finite positive value (a log axis's range,
 *  which then changes only when the data cross a power of ten); undefined bounds when no value
 *  is finite and positive. */
export function decadeBounds(values) {
  let [low, high] = [Infinity, -Infinity];
  for (const value of values) {
    if (!(value > 0) || !Number.isFinite(value)) continue;
    if (value < low) low = value;
    if (value > high) high = value;
  }
  const none = { min: undefined, max: undefined };
  if (low > high) return none;
  const min = 10 ** Math.floor(Math.log10(low));
  const max = 10 ** Math.ceil(Math.log10(high));
  // A value that is itself a power of ten is the bound; one decade at least. Subnormal or
  // near-overflow data, whose powers of ten are not doubles, get Chart.js's own range.
  if (!(min > 0) || !Number.isFinite(10 * max)) return none;
  return { min, max: max > min ? max : 10 * min };
}
