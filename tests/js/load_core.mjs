// One shared instance of the built core for every test file (instantiating is the slow part).
import createLossCore from '../../dist/lossplay-core.mjs';

export const corePromise = createLossCore();

/** |actual − expected| ≤ rel·|expected| + abs, with a message naming both. */
export function assertClose(actual, expected, { rel = 4e-15, abs = 1e-307, what = '' } = {}) {
  const ok = Number.isFinite(expected)
    ? Math.abs(actual - expected) <= rel * Math.abs(expected) + abs
    : actual === expected;
  if (!ok) {
    throw new Error(`${what} expected ${expected} (rel ${rel}, abs ${abs}), got ${actual}`);
  }
}
