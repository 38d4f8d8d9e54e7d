// What the binary playground's story must show at a step's state, from the closed forms of
// tests/e2e/reference.mjs (not the page's core).
import { binaryReadouts } from '../reference.mjs';

export function expected({ z, y }) {
  const p = 1 / (1 + Math.exp(-z)); // the textbook sigmoid: moderate z only (the slope's p)
  return { z, y, ...binaryReadouts(z, y), slope: p * (1 - p) };
}
