// A plain-JS reference for the landscape lab, written from the definitions and sharing no code
// with the page or the core: one-feature logistic regression p = σ(w·x + b) over labelled
// points, its mean cross-entropy and squared error and their gradients (chain rule), heavy-ball
// descent that stops before a step leaves [−50, 50]², the Hessian's smallest eigenvalue, the
// share of a map's grid where it is negative (decided exactly, in BigInt, where doubles cannot
// tell), and what the data are (one label, separable, touching, overlapping, all at one x).
import assert from 'node:assert/strict';
import { assertShows, shownNumber } from '../reference.mjs';

export const LIMIT = 50; // |w|, |b| ≤ 50: the core's window (cpp/core/limits.hpp)

const sigma = (z) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));
const softplus = (u) => Math.max(u, 0) + Math.log1p(Math.exp(-Math.abs(u)));

/** Mean loss and its gradient: CE = softplus(z) − y·z, dℓ/dz = p − y; MSE = (p − y)²,
 * dℓ/dz = 2(p − y)·p(1 − p), with p − y written as −σ(−z) for y = 1 (no 1 − p cancels). */
export function lossAndGradient({ x, y }, loss, w, b) {
  let value = 0;
  let gw = 0;
  let gb = 0;
  x.forEach((xk, k) => {
    const z = w * xk + b;
    const miss = y[k] === 1 ? -sigma(-z) : sigma(z); // p − y
    const slope = loss === 'ce' ? miss : 2 * miss * sigma(z) * sigma(-z);
    value += loss === 'ce' ? (y[k] === 1 ? softplus(-z) : softplus(z)) : miss * miss;
    gw += slope * xk;
    gb += slope;
  });
  const n = x.length;
  return { loss: value / n, gw: gw / n, gb: gb / n, gradNorm: Math.hypot(gw / n, gb / n) };
}

/**
 * Heavy-ball descent, v ← βv − η∇L, θ ← θ + v, for at most `steps` steps, stopping before a
 * step that would leave [−50, 50]². The state after min(steps, taken) steps.
 */
export function descend(data, loss, { w, b, lr, momentum }, steps) {
  const start = lossAndGradient(data, loss, w, b);
  let at = start;
  let [vw, vb] = [0, 0];
  let index = 0;
  while (index < steps) {
    vw = momentum * vw - lr * at.gw;
    vb = momentum * vb - lr * at.gb;
    const [nw, nb] = [w + vw, b + vb];
    if (!(Math.abs(nw) <= LIMIT && Math.abs(nb) <= LIMIT)) break;
    [w, b] = [nw, nb];
    at = lossAndGradient(data, loss, w, b);
    index += 1;
  }
  return {
    index,
    stopped: index < steps,
    w,
    b,
    loss: at.loss,
    gradNorm: at.gradNorm,
    startLoss: start.loss,
    startGradNorm: start.gradNorm,
  };
}

/** Each run's loss ÷ its starting loss, step by step, up to where it is shown. */
export function lossRatios(data, loss, setting, steps) {
  const out = [];
  for (let s = 0; s <= steps; s += 1) {
    const at = descend(data, loss, setting, s);
    if (at.index < s) break;
    out.push(at.loss / at.startLoss);
  }
  return out;
}

// ---- the Hessian: mean ℓ''(z)·[x², x; x, 1] -----------------------------------------------

/** d²ℓ/dz² of one point: CE σ(z)σ(−z); MSE 2σ'·σ(ζ)·(2 − 3σ(ζ)) with ζ = (1 − 2y)z, written
 * 2 − 3σ(ζ) = 2σ(−ζ) − σ(ζ) so that both σ keep their digits in the tails. */
export function secondDerivative(loss, z, y) {
  const zeta = y === 1 ? -z : z;
  const [up, down] = [sigma(zeta), sigma(-zeta)];
  return loss === 'ce' ? up * down : 2 * up * down * up * (2 * down - up);
}

/** The points' second derivatives at (w, b), times 2^k so that the largest is in [1, 2):
 * an exact scaling that keeps products of two of them away from underflow. */
function scaledCurvatures({ x, y }, loss, w, b) {
  const h = x.map((xk, k) => secondDerivative(loss, w * xk + b, y[k]));
  const largest = Math.max(...h.map(Math.abs));
  const power = largest > 0 ? -Math.floor(Math.log2(largest)) : 0;
  // 2^power itself overflows past 2^1023: scale in two exact steps.
  const [first, second] = [2 ** Math.min(power, 1000), 2 ** Math.max(power - 1000, 0)];
  return { h: h.map((v) => v * first * second), power };
}

/** det(Σ h·[x², x; x, 1]) = Σ_{k<l} h_k h_l (x_k − x_l)², each term and their sum in doubles,
 * with a bound on the rounding of the sum. */
function pairwiseDeterminant(h, x) {
  let sum = 0;
  let size = 0;
  let terms = 0;
  for (let k = 0; k < x.length; k += 1) {
    for (let l = k + 1; l < x.length; l += 1) {
      const d = x[k] - x[l];
      const term = h[k] * h[l] * d * d;
      sum += term;
      size += Math.abs(term);
      terms += 1;
    }
  }
  return { sum, bound: (terms + 8) * Number.EPSILON * size };
}

// Exact arithmetic on doubles: every finite double is an integer times 2^−1074.
const ULP_POWER = 1074n;
function exact(value) {
  if (value === 0) return 0n;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const bits = view.getBigUint64(0);
  const exponent = (bits >> 52n) & 0x7ffn;
  const fraction = bits & ((1n << 52n) - 1n);
  const mantissa = exponent === 0n ? fraction : fraction | (1n << 52n);
  const shift = exponent === 0n ? 0n : exponent - 1n;
  const magnitude = mantissa << shift; // value · 2^1074
  return value < 0 ? -magnitude : magnitude;
}

/** The sign of Σ_{k<l} h_k h_l (x_k − x_l)², exactly (BigInt). */
function exactDeterminantSign(h, x) {
  const H = h.map(exact);
  const X = x.map(exact);
  let sum = 0n;
  for (let k = 0; k < x.length; k += 1) {
    for (let l = k + 1; l < x.length; l += 1) {
      const d = X[k] - X[l];
      sum += H[k] * H[l] * d * d;
    }
  }
  return sum > 0n ? 1 : sum < 0n ? -1 : 0;
}

/** The sign of the trace Σ h_k (1 + x_k²), exactly. */
function exactTraceSign(h, x) {
  const one = 1n << (2n * ULP_POWER);
  let sum = 0n;
  h.forEach((hk, k) => {
    const X = exact(x[k]);
    sum += exact(hk) * (one + X * X);
  });
  return sum > 0n ? 1 : sum < 0n ? -1 : 0;
}

/** Whether the Hessian at (w, b) has a negative eigenvalue: det < 0, or tr < 0 (with det ≥ 0
 * both eigenvalues share the trace's sign). Decided in doubles where the rounding bound
 * allows, exactly otherwise. */
export function curvesDown(data, loss, w, b) {
  const { h } = scaledCurvatures(data, loss, w, b);
  const det = pairwiseDeterminant(h, data.x);
  const detSign =
    Math.abs(det.sum) > det.bound ? Math.sign(det.sum) : exactDeterminantSign(h, data.x);
  if (detSign < 0) return true;
  let trace = 0;
  let size = 0;
  h.forEach((hk, k) => {
    trace += hk * (1 + data.x[k] * data.x[k]);
    size += Math.abs(hk) * (1 + data.x[k] * data.x[k]);
  });
  const bound = (h.length + 4) * Number.EPSILON * size;
  const traceSign = Math.abs(trace) > bound ? Math.sign(trace) : exactTraceSign(h, data.x);
  return traceSign < 0;
}

/** The smallest eigenvalue of the mean Hessian, det/λ_max with det from the pairwise sum
 * (every term ≥ 0 for CE, so no cancellation), or (tr − root)/2 when tr ≤ 0. */
export function smallestEigenvalue(data, loss, w, b) {
  const { h, power } = scaledCurvatures(data, loss, w, b);
  const n = data.x.length;
  let [a, c, off] = [0, 0, 0];
  h.forEach((hk, k) => {
    a += hk * data.x[k] * data.x[k];
    off += hk * data.x[k];
    c += hk;
  });
  const trace = a + c;
  const root = Math.hypot(a - c, 2 * off);
  const det = pairwiseDeterminant(h, data.x).sum;
  const scaled = trace > 0 ? det / ((trace + root) / 2) : (trace - root) / 2;
  return (scaled / n) * 2 ** -power; // undo the scaling (2^−power ≥ 2^−1074 is a double)
}

/** The map's grid: side points from lo to hi, ends exact, as the core spaces them. */
export function gridPoints(lo, hi, side) {
  return Array.from({ length: side }, (_, k) => {
    const s = k / (side - 1);
    return (1 - s) * lo + s * hi;
  });
}

/** Share of the side × side grid of `view` where MSE's Hessian has a negative eigenvalue. */
export function concaveShare(data, view, side = 200) {
  const ws = gridPoints(view[0], view[1], side);
  const bs = gridPoints(view[2], view[3], side);
  let cells = 0;
  for (const b of bs) for (const w of ws) if (curvesDown(data, 'mse', w, b)) cells += 1;
  return cells / (side * side);
}

/** The smallest CE curvature over the side × side grid of `view`. */
export function smallestCeCurvature(data, view, side = 100) {
  const ws = gridPoints(view[0], view[1], side);
  const bs = gridPoints(view[2], view[3], side);
  let lowest = Infinity;
  for (const b of bs) {
    for (const w of ws) lowest = Math.min(lowest, smallestEigenvalue(data, 'ce', w, b));
  }
  return lowest;
}

/** Lowest and highest mean loss over the side × side grid of `view`. */
export function mapRange(data, loss, view, side = 200) {
  const ws = gridPoints(view[0], view[1], side);
  const bs = gridPoints(view[2], view[3], side);
  let [low, high] = [Infinity, -Infinity];
  for (const b of bs) {
    for (const w of ws) {
      const value = lossAndGradient(data, loss, w, b).loss;
      low = Math.min(low, value);
      high = Math.max(high, value);
    }
  }
  return { low, high };
}

/**
 * What the data are, for cross-entropy's lowest point: 'one-label' (the loss only approaches 0
 * as b runs off), 'separable' (a threshold splits the labels: only approaches 0 as |w| grows),
 * 'touching' (split but for points at the threshold itself: no lowest point either),
 * 'one-x' (every point at one x with both labels: the lowest value along a line of (w, b)),
 * 'overlapping' (a lowest point at a finite (w, b)).
 */
export function dataShape({ x, y }) {
  const ones = x.filter((_, k) => y[k] === 1);
  const zeros = x.filter((_, k) => y[k] === 0);
  if (ones.length === 0 || zeros.length === 0) return 'one-label';
  if (Math.min(...x) === Math.max(...x)) return 'one-x';
  const [lo1, hi1, lo0, hi0] = [
    Math.min(...ones),
    Math.max(...ones),
    Math.min(...zeros),
    Math.max(...zeros),
  ];
  if (hi0 < lo1 || hi1 < lo0) return 'separable';
  if (hi0 === lo1 || hi1 === lo0) return 'touching';
  return 'overlapping';
}

// ---- checking sentences -----------------------------------------------------------------

const NUMBER = String.raw`[<>]? ?[−-]?\d+(?:\.\d+)?(?: × 10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)?`;
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A number at rounding level in a sentence (a gradient at a flat point): |shown| < bound. */
export const below = (bound) => ({ bound });

/**
 * The parts of a sentence: words`from ${low} to ${high}` → ['from ', {value: low}, ' to ',
 * {value: high}]. A number is checked to the digits shown; strings, RegExps, below(…) and
 * nested parts are kept as they are.
 */
export function words(strings, ...values) {
  return strings.flatMap((text, i) => {
    if (i >= values.length) return [text];
    const value = values[i];
    return [text, typeof value === 'number' ? { value } : value];
  });
}

/** A check of a whole text against parts (see words): the words exactly, the numbers to the
 * digits shown (assertShows). */
export function sentence(...parts) {
  const flat = parts.flat(Infinity);
  let pattern = '';
  const numbers = [];
  for (const part of flat) {
    if (typeof part === 'string') pattern += escape(part);
    else if (part instanceof RegExp) pattern += `(?:${part.source})`;
    else {
      pattern += `(${NUMBER})`;
      numbers.push(part);
    }
  }
  const regex = new RegExp(`^${pattern}$`);
  return (text, label) => {
    const flatText = text.replace(/\s+/g, ' ').trim();
    const found = flatText.match(regex);
    assert.ok(found, `${label}: “${flatText}” does not read as ${regex}`);
    numbers.forEach((want, k) => {
      const where = `${label}, number ${k + 1}`;
      if (want.bound === undefined) assertShows(found[k + 1], want.value, where);
      else assert.ok(Math.abs(shownNumber(found[k + 1])) < want.bound, `${where}: ${found[k + 1]}`);
    });
  };
}
