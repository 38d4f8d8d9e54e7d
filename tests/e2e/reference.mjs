// Expected values for the browser suites, computed here from closed forms in plain JS —
// never with the page's core or its formatter, so a wrong core or a wrong formatter fails the
// tests instead of agreeing with itself. Formulas (with their sources) as in the core's headers:
//   binary:      CE = softplus(z) − y z, MSE = (σ − y)², dCE/dz = σ − y,
//                dMSE/dz = 2(σ − y) σ(1 − σ)           (e.g. Goodfellow et al., ch. 6.2.2)
//   soft target: BCE = −[t ln p + (1 − t) ln(1 − p)], H(t), KL = t ln(t/p) + (1−t) ln((1−t)/(1−p))
//   multi-class: CE = lse(z) − Σ t_i z_i, MSE = (1/K) Σ (s_i − t_i)²   (torch mse_loss, mean)
//   regression:  mean reduction, Huber h_δ(d) = d²/2 (|d| ≤ δ) else δ(|d| − δ/2)  (torch)
import assert from 'node:assert/strict';

// ---- closed forms -------------------------------------------------------------------------

export const sigmoid = (z) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));
const softplus = (z) => Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));

export function binaryPoint(z, y) {
  const p = sigmoid(z);
  const q = sigmoid(-z); // 1 − p without cancellation
  const dceDz = y === 1 ? -q : y === 0 ? p : p - y;
  const dmseDz = 2 * dceDz * p * q;
  return {
    p,
    // y·softplus(−z) + (1 − y)·softplus(z): softplus(z) − y·z cancels to 0 at z = 40, y = 1.
    ce: y * softplus(-z) + (1 - y) * softplus(z),
    mse: dceDz * dceDz,
    dceDz,
    dmseDz,
    ratio: 1 / (2 * p * q),
  };
}

/** The binary read-outs as the pages show them: the point's losses, the gradients as sizes and
 *  their ratio (the playground's read-outs, the story's numbers). */
export function binaryReadouts(z, y) {
  const point = binaryPoint(z, y);
  return {
    p: point.p,
    ce: point.ce,
    mse: point.mse,
    dce: Math.abs(point.dceDz),
    dmse: Math.abs(point.dmseDz),
    ratio: point.ratio,
  };
}

const xlogx = (x) => (x === 0 ? 0 : x * Math.log(x));

export function softTargetPoint(p, t) {
  const entropy = -(xlogx(t) + xlogx(1 - t));
  const kl =
    (t === 0 ? 0 : t * Math.log(t / p)) + (t === 1 ? 0 : (1 - t) * Math.log((1 - t) / (1 - p)));
  return { p, entropy, kl, bce: entropy + kl, mse: (p - t) ** 2 };
}

export function softmax(logits) {
  const m = Math.max(...logits);
  const e = logits.map((z) => Math.exp(z - m));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

const oneHot = (k, index) => Array.from({ length: k }, (_, i) => (i === index ? 1 : 0));

export function multiclassPoint(logits, target) {
  const t = Array.isArray(target) ? target : oneHot(logits.length, target);
  const m = Math.max(...logits);
  const lse = m + Math.log(logits.reduce((sum, z) => sum + Math.exp(z - m), 0));
  const probs = softmax(logits);
  const k = logits.length;
  const g = probs.map((s, i) => (2 / k) * (s - t[i]));
  const sg = probs.reduce((sum, s, i) => sum + s * g[i], 0);
  return {
    probs,
    ce: t.reduce((sum, ti, i) => sum + ti * (lse - logits[i]), 0),
    mse: probs.reduce((sum, s, i) => sum + (s - t[i]) ** 2, 0) / k,
    dceDlogits: probs.map((s, i) => s - t[i]),
    dmseDlogits: probs.map((s, j) => s * (g[j] - sg)),
  };
}

export function regressionLosses(preds, targets, delta) {
  const n = preds.length;
  const d = preds.map((x, i) => x - targets[i]);
  const huber = (e) => (Math.abs(e) <= delta ? (e * e) / 2 : delta * (Math.abs(e) - delta / 2));
  const mean = (values) => values.reduce((a, b) => a + b, 0) / n;
  return {
    mse: mean(d.map((e) => e * e)),
    mae: mean(d.map(Math.abs)),
    huber: mean(d.map(huber)),
    dmse: d.map((e) => (2 * e) / n),
    dmae: d.map((e) => Math.sign(e) / n),
    dhuber: d.map((e) => Math.max(-delta, Math.min(delta, e)) / n),
  };
}

// ---- reading what the page shows ------------------------------------------------------------

const SUPERSCRIPTS = {
  '⁰': 0,
  '¹': 1,
  '²': 2,
  '³': 3,
  '⁴': 4,
  '⁵': 5,
  '⁶': 6,
  '⁷': 7,
  '⁸': 8,
  '⁹': 9,
};

/** The number a read-out shows: "0.1192", "−8", "6.118e−7", "6.1 × 10⁻⁷", "—" (NaN). */
export function shownNumber(text) {
  const cleaned = String(text)
    .trim()
    .replace(/\u2212/g, '-')
    .replace(/⁻/g, '-');
  const power = cleaned.match(/^([-\d.]+)\s*×\s*10([-\d⁰¹²³⁴⁵⁶⁷⁸⁹]+)$/);
  if (power) {
    const exponent = Number([...power[2]].map((c) => SUPERSCRIPTS[c] ?? c).join(''));
    // As one literal: no rounding from multiplying by a power of ten.
    return Number(`${power[1]}e${exponent}`);
  }
  const value = Number(cleaned);
  assert.ok(cleaned !== '' && Number.isFinite(value), `“${text}” is not a number`);
  return value;
}

/**
 * The page shows `expected` to its four significant digits: the relative difference is at most
 * half a unit in the fourth digit (plus rounding of the reference itself).
 */
export function assertShows(text, expected, label = '') {
  if (!Number.isFinite(expected)) {
    // Beyond the largest double the page says so rather than printing Infinity.
    assert.equal(text, expected > 0 ? '> 1.8 × 10³⁰⁸' : '< \u22121.8 × 10³⁰⁸', label);
    return;
  }
  const shown = shownNumber(text);
  if (expected === 0) {
    // An exact 0 must read 0, not a rounding residue such as 7.7e−34 or −2.2e−16.
    assert.equal(shown, 0, `${label}: shows ${text}, expected 0`);
    return;
  }
  const relative = Math.abs(shown - expected) / Math.abs(expected);
  assert.ok(relative <= 6e-4, `${label}: shows ${text}, expected ${expected} (off by ${relative})`);
}

/**
 * The best constants: the mean; the medians, [middle, middle] for odd n and every c between the
 * middle two for even n; and the Huber minimizers. Huber's slope Σ clamp(c − t_i, −δ, δ) is 0
 * on a whole interval exactly when n is even and the middle two lie more than 2δ apart: for c
 * in [t_(n/2) + δ, t_(n/2+1) − δ] half the targets are δ or more below c and half δ or more
 * above. Otherwise the slope rises through 0 once; bisection finds it. Intervals are
 * {low, high}; median and huber are their midpoints.
 */
export function fitConstant(targets, delta) {
  const n = targets.length;
  const sorted = [...targets].sort((a, b) => a - b);
  const mae =
    n % 2
      ? { low: sorted[(n - 1) / 2], high: sorted[(n - 1) / 2] }
      : { low: sorted[n / 2 - 1], high: sorted[n / 2] };
  const slope = (c) =>
    targets.reduce((sum, t) => sum + Math.max(-delta, Math.min(delta, c - t)), 0);
  let huber;
  if (n % 2 === 0 && mae.high - mae.low >= 2 * delta) {
    huber = { low: mae.low + delta, high: mae.high - delta };
  } else {
    let low = sorted[0];
    let high = sorted[n - 1];
    for (let i = 0; i < 200 && high - low > 1e-12 * Math.max(1, Math.abs(low)); i += 1) {
      const mid = (low + high) / 2;
      if (slope(mid) < 0) low = mid;
      else high = mid;
    }
    huber = { low: (low + high) / 2, high: (low + high) / 2 };
  }
  const midpoint = ({ low, high }) => (low + high) / 2;
  return {
    mean: targets.reduce((a, b) => a + b, 0) / n,
    median: midpoint(mae),
    huber: midpoint(huber),
    maeMinimizers: mae,
    huberMinimizers: huber,
  };
}

/** Softmax applied twice: losses of softmax(softmax(z)); gradients through both softmaxes. */
export function softmaxTwicePoint(logits, target) {
  const s = softmax(logits);
  const outer = multiclassPoint(s, target);
  const back = (g) => {
    const sg = s.reduce((sum, si, i) => sum + si * g[i], 0);
    return s.map((sj, j) => sj * (g[j] - sg));
  };
  return { ...outer, dceDlogits: back(outer.dceDlogits), dmseDlogits: back(outer.dmseDlogits) };
}
