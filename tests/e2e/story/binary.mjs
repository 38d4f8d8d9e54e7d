// What the binary playground's story must show at a step's state, from the closed forms of
// tests/e2e/reference.mjs (not the page's core).
import { binaryPoint } from '../reference.mjs';

export function expected({ z, y }) {
  const point = binaryPoint(z, y);
  const p = 1 / (1 + Math.exp(-z)); // the textbook sigmoid: moderate z only (the slope's p)
  return {
    z,
    y,
    p: point.p,
    ce: point.ce,
    mse: point.mse,
    dce: Math.abs(point.dceDz),
    dmse: Math.abs(point.dmseDz),
    ratio: point.ratio,
    slope: p * (1 - p),
  };
}
