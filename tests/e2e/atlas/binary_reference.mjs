// Plain-JS expectations for the atlases of the binary playground and the three labs after it:
// the textbook clamped cross-entropy (p clipped to [ε, 1 − ε], then −[y ln p + (1 − y) ln(1 − p)])
// and `shows`, the check of a generated sentence against the numbers it must quote. Nothing
// here imports the page's code or its number formatter.
import assert from 'node:assert/strict';
import { assertShows, sigmoid } from '../reference.mjs';

/** The clipped CE as the textbook code computes it, and the gradient autodiff gives it. */
export function clampedPoint(z, y, eps) {
  const naive = 1 / (1 + Math.exp(-z)); // rounds to 0 or 1 in the tails, as that code does
  const p = Math.min(1 - eps, Math.max(eps, naive));
  const clamped = p !== naive;
  const ce = (y === 0 ? 0 : -y * Math.log(p)) + (y === 1 ? 0 : -(1 - y) * Math.log(1 - p));
  return { p, ce, dceDz: clamped ? 0 : naive - y, clamped, edge: Math.log(eps / (1 - eps)) };
}

const softplus = (x) => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));

/**
 * CE = (1 − y) softplus(z) + y softplus(−z): two terms that are never negative, so nothing
 * cancels. (reference.mjs's softplus(z) − y z loses it all for y = 1 and z large: at z = 40 it
 * gives 0 where CE = ln(1 + e⁻⁴⁰) = 4.248 × 10⁻¹⁸.)
 */
export const binaryCe = (z, y) =>
  (y === 1 ? 0 : (1 - y) * softplus(z)) + (y === 0 ? 0 : y * softplus(-z));

/** dCE/dp = −y/p + (1 − y)/(1 − p), each term only where its label weight is not 0. */
export function ceSlopeInP(z, y) {
  const p = sigmoid(z);
  const q = sigmoid(-z);
  return (y === 1 ? 0 : (1 - y) / q) - (y === 0 ? 0 : y / p);
}

/** x²/2 − x³/3 + … = x − ln(1 + x) for |x| ≤ 10⁻³, where the two would cancel: six terms
 * leave an error below x⁶ ≤ 10⁻¹⁸ relative to x²/2. */
function xMinusLog1pSmall(x) {
  let sum = 0;
  for (let k = 7; k >= 2; k -= 1) sum = x * (1 / k - sum);
  return x * sum;
}

/** KL(t‖p) = t ln(t/p) + (1 − t) ln((1 − t)/(1 − p)), accurate at and near p = t too. */
function klAt(p, t) {
  if (t === 0) return -Math.log1p(-p);
  if (t === 1) return -Math.log(p);
  const d = p - t;
  const a = d / t;
  const b = -d / (1 - t);
  if (Math.abs(a) > 1e-3 || Math.abs(b) > 1e-3) {
    // ln(1 − x) as log1p(−x): for t, p near 0 the second term is about p − t, which 1 − t
    // and 1 − p rounded to 1 would lose.
    return t * Math.log(t / p) + (1 - t) * (Math.log1p(-t) - Math.log1p(-p));
  }
  // Near p = t the two logarithms cancel to d²: written as t·(a − ln(1 + a)) +
  // (1 − t)·(b − ln(1 + b)), whose ±d cancel exactly on paper, every digit stays.
  return t * xMinusLog1pSmall(a) + (1 - t) * xMinusLog1pSmall(b);
}

/** H(t) = −t ln t − (1 − t) ln(1 − t), ln(1 − t) as log1p(−t): for t = 10⁻³⁰⁰, 1 − t rounds
 * to 1 and the second term (≈ t) would be lost. */
export const binaryEntropy = (t) =>
  (t === 0 ? 0 : -t * Math.log(t)) - (t === 1 ? 0 : (1 - t) * Math.log1p(-t));

/** The soft-target losses at a prediction p: H(t), KL(t‖p), BCE = H + KL and MSE. */
export function softTargetAt(p, t) {
  const entropy = binaryEntropy(t);
  const kl = klAt(p, t);
  return { p, entropy, kl, bce: entropy + kl, mse: (p - t) ** 2 };
}

// A number as the house format writes it: "0.1192", "−8", "11014", "6.118 × 10⁻⁷",
// "> 1.8 × 10³⁰⁸", "< −1.8 × 10³⁰⁸".
const NUMBER = String.raw`(?:[<>] )?\u2212?\d[\d.]*(?: × 10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)?`;
/** Any number in the house format, for a place a sentence's number is checked elsewhere. */
export const ANY_NUMBER = new RegExp(NUMBER);
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A sentence check, as a tagged template: the literal text must be there word for word and
 * every interpolated number must be shown to its digits (assertShows). A string interpolated
 * is literal text; a RegExp is matched as it is (its source, without flags).
 *   shows`Close to the label: CE is ${ce}.`
 */
export function shows(strings, ...values) {
  let source = escape(strings[0]);
  const numbers = [];
  values.forEach((value, i) => {
    if (typeof value === 'number') {
      source += `(${NUMBER})`;
      numbers.push(value);
    } else if (value instanceof RegExp) source += `(?:${value.source})`;
    else source += escape(String(value));
    source += escape(strings[i + 1]);
  });
  const pattern = new RegExp(`^${source}$`);
  return (text, label) => {
    const flat = text.replace(/\s+/g, ' ').trim();
    const found = flat.match(pattern);
    assert.ok(found, `${label}: “${flat}” does not read as ${pattern}`);
    numbers.forEach((value, i) => assertShows(found[i + 1], value, `${label}, number ${i + 1}`));
  };
}

/**
 * shows() for a sentence whose length varies (a list of classes, an interval or a point): its
 * parts, nested arrays flattened, are literal text (strings), numbers to check and RegExps.
 *   sentence('Probabilities: ', [['cat ', 0.7], [', dog ', 0.3]], '.')
 */
export function sentence(...parts) {
  const strings = [''];
  const values = [];
  for (const part of parts.flat(2)) {
    if (typeof part === 'number' || part instanceof RegExp) {
      values.push(part);
      strings.push('');
    } else strings[strings.length - 1] += part;
  }
  return shows(strings, ...values);
}
