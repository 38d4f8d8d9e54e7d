// What the likelihood lab must show, from the textbook formulas in plain JS (never the page's
// core or its formatter):
//   Gaussian  f(x) = e^(−(x − μ)²/(2σ²)) / √(2πσ²),  −ln f(x) = (x − μ)²/(2σ²) + ½ ln(2πσ²)
//   Laplace   f(x) = e^(−|x − μ|/b) / (2b),           −ln f(x) = |x − μ|/b + ln(2b)
//   Bernoulli P(y = 1) = p = 1/(1 + e^(−z)),           −ln P(y) = ln(1 + e^(∓z))
// The costs are taken in log form, so they stay finite where the densities underflow to 0; the
// densities straight from the formula. The best center: the mean, the middle value(s), logit(k/n).
import assert from 'node:assert/strict';
import { assertShows } from '../reference.mjs';

const mean = (values) => values.reduce((a, b) => a + b, 0) / values.length;

/** ln(1 + e^t) without overflow: t + ln(1 + e^−t) for t > 0. */
const log1pExp = (t) => (t > 0 ? t + Math.log1p(Math.exp(-t)) : Math.log1p(Math.exp(t)));

function continuousModel(dist, data, mu, s) {
  const gaussian = dist === 'gaussian';
  const cost = gaussian
    ? (x) => (x - mu) ** 2 / (2 * s ** 2) + 0.5 * Math.log(2 * Math.PI * s ** 2)
    : (x) => Math.abs(x - mu) / s + Math.log(2 * s);
  const density = gaussian
    ? (x) => Math.exp(-((x - mu) ** 2) / (2 * s ** 2)) / Math.sqrt(2 * Math.PI * s ** 2)
    : (x) => Math.exp(-Math.abs(x - mu) / s) / (2 * s);
  const sorted = [...data].sort((a, b) => a - b);
  const n = data.length;
  const middle = n % 2 ? [sorted[(n - 1) / 2]] : [sorted[n / 2 - 1], sorted[n / 2]];
  const best = gaussian ? [mean(data)] : middle[0] === middle.at(-1) ? [middle[0]] : middle;
  return {
    location: mu,
    scale: s,
    costs: data.map(cost),
    densities: data.map(density),
    loss: mean(data.map((x) => (gaussian ? (x - mu) ** 2 : Math.abs(x - mu)))),
    lossScale: gaussian ? 1 / (2 * s ** 2) : 1 / s,
    offset: gaussian ? 0.5 * Math.log(2 * Math.PI * s ** 2) : Math.log(2 * s),
    best,
  };
}

function bernoulliModel(outcomes, z) {
  const ones = outcomes.filter((y) => y === 1).length;
  const zeros = outcomes.length - ones;
  const p = 1 / (1 + Math.exp(-z));
  const costs = outcomes.map((y) => log1pExp(y === 1 ? -z : z));
  // logit(k/n) = ln k − ln(n − k): ±∞ when every label agrees (no finite best).
  const logit = Math.log(ones) - Math.log(zeros);
  return {
    location: z,
    p,
    q: 1 / (1 + Math.exp(z)), // 1 − p, without cancellation
    costs,
    densities: outcomes.map((y) => (y === 1 ? p : 1 / (1 + Math.exp(z)))),
    loss: mean(costs),
    lossScale: 1,
    offset: 0,
    best: [logit],
    ones,
    zeros,
    share: ones / outcomes.length,
  };
}

/** Everything the page should show about one state of the lab, computed from its parameters. */
export function likelihoodModel(state) {
  const { dist } = state;
  const data = dist === 'bernoulli' ? state.outcomes : state.data;
  const model =
    dist === 'bernoulli'
      ? bernoulliModel(data, state.z)
      : continuousModel(dist, data, state.mu, dist === 'gaussian' ? state.sigma : state.b);
  const total = model.costs.reduce((a, b) => a + b, 0);
  return { dist, data, n: data.length, ...model, total, meanNll: total / data.length };
}

/** "1 point", "5 points" (the rule, written here rather than imported from the page). */
export const plural = (n, noun) => `${n} ${n === 1 ? noun : `${noun}s`}`;

/** A signed term in a formula, as parts: "+ 1.612" or "− 0.3" (the value's size checked). */
export const signedTerm = (value) => [value < 0 ? '\u2212 ' : '+ ', Math.abs(value)];

// A number as the page writes it: "3.7", "−0.5", "6.118 × 10⁻⁷", "1000001", "> 1.8 × 10³⁰⁸".
const NUMBER = '((?:[<>] )?\u2212?[\\d.]+(?: × 10[\u207B⁰¹²³⁴⁵⁶⁷⁸⁹]+)?)';
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A check of a generated sentence: `parts` are the words, exactly (strings), and the numbers
 * (each shown to its digits, assertShows). Nested arrays are flattened, so a list or a signed
 * term can be one part.
 * @returns {(text: string, label: string) => void}
 */
export function sentence(...parts) {
  const flat = parts.flat(Infinity);
  const pattern = new RegExp(
    `^${flat.map((part) => (typeof part === 'number' ? NUMBER : escape(part))).join('')}$`,
  );
  return (text, label) => {
    const found = text.replace(/\s+/g, ' ').trim().match(pattern);
    assert.ok(found, `${label}: “${text}” does not read as expected: ${pattern}`);
    const numbers = flat.filter((part) => typeof part === 'number');
    numbers.forEach((value, i) => assertShows(found[i + 1], value, `${label}, number ${i + 1}`));
  };
}
