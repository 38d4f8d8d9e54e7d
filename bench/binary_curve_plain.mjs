// The binary curve written directly in JavaScript with the same stable formulas as the C++
// core (one exp and one log1p per point), the baseline the WASM figure is compared with.
export function allocateCurve(n) {
  return {
    z: new Float64Array(n),
    p: new Float64Array(n),
    ce: new Float64Array(n),
    mse: new Float64Array(n),
    dceDz: new Float64Array(n),
    dmseDz: new Float64Array(n),
  };
}

/** Fills `out` (default: new arrays) with n points from zMin to zMax. */
export function binaryCurvePlain(y, zMin, zMax, n, out = allocateCurve(n)) {
  const last = n - 1;
  for (let i = 0; i < n; i += 1) {
    const t = i / last;
    const z = (1 - t) * zMin + t * zMax;
    const a = Math.abs(z);
    const e = Math.exp(-a);
    const sigPos = 1 / (1 + e);
    const sigNeg = e / (1 + e);
    const softNeg = Math.log1p(e);
    const softPos = a + softNeg;
    const nonnegative = z >= 0;
    const p = nonnegative ? sigPos : sigNeg;
    const q = nonnegative ? sigNeg : sigPos;
    const residual = (1 - y) * p - y * q;
    out.z[i] = z;
    out.p[i] = p;
    out.ce[i] = y * (nonnegative ? softNeg : softPos) + (1 - y) * (nonnegative ? softPos : softNeg);
    out.mse[i] = residual * residual;
    out.dceDz[i] = residual;
    out.dmseDz[i] = 2 * residual * p * q;
  }
  return out;
}
