// The soft-targets lab's edge states: hard targets 0 and 1, a target a hair from 0 or 1,
// predictions at the ends of (0, 1), equal to the target (KL 0) and a hair from it (KL of
// order 10⁻²⁴), and BCE off the chart. Every read-out, the three-row table and every sentence
// (the asymmetry, the chart's note and label) against softTargetAt in plain JS.
import assert from 'node:assert/strict';
import { shows, softTargetAt } from './binary_reference.mjs';

const SOFT_AXIS_MAX = 3; // the chart's y-axis stops at 3 (its title says so)
// The preset's label smoothing, as its hint states it: ε = 0.1 over K = 2 classes.
const SMOOTHING = { epsilon: 0.1, classes: 2 };
const ASYMMETRY_STEP = 0.1; // the asymmetry compares t ± 0.1, or half the room left to 0 or 1
const ONE_BELOW_1 = '0.9999999999999999'; // 1 − 2⁻⁵³, the largest double below 1

export const states = [
  { name: 'the default', query: '' },
  { name: 'hard target 0', query: '?t=0&p=0.25' },
  { name: 'hard target 1', query: '?t=1&p=0.25' },
  { name: 'p = t = ½: KL and MSE 0', query: '?t=0.5&p=0.5&rows=0.4,0.5,0.6' },
  { name: 'p = t = 0.9', query: '?t=0.9&p=0.9&rows=0.9,0.89,0.91' },
  { name: 'p a hair above t: KL of order 10⁻²⁴', query: '?t=0.3&p=0.300000000001' },
  { name: 'p 10⁻⁴ below t', query: '?t=0.3&p=0.2999&rows=0.3001,0.29999999,0.3' },
  { name: 'p tiny for t = 0.9: BCE off the chart', query: '?t=0.9&p=1e-300' },
  { name: 'p just below 1 for t = 0', query: `?t=0&p=${ONE_BELOW_1}` },
  { name: 'p tiny for t = 1', query: '?t=1&p=1e-300&rows=1e-300,0.5,0.999' },
  { name: 'a tiny soft target', query: '?t=1e-300&p=0.5' },
  { name: 'a soft target a hair below 1', query: `?t=${ONE_BELOW_1}&p=0.5` },
  { name: 'the smoothing preset', query: '?t=0.95&p=0.99&rows=0.9,0.95,0.99' },
  { name: 'rows at both ends and at t', query: `?t=0.6&p=0.5&rows=1e-300,0.6,${ONE_BELOW_1}` },
  { name: 'p and t at the middle of the low side', query: '?t=0.05&p=0.95' },
];

const READOUTS = ['bce', 'entropy', 'kl', 'mse', 'p'];
const ROW_COLUMNS = ['mse', 'bce', 'kl'];

export async function read(page) {
  const numbers = { 'table-t': await page.textContent('#soft-table-t') };
  for (const id of READOUTS) numbers[id] = await page.textContent(`#soft-out-${id}`);
  for (let i = 0; i < 3; i += 1) {
    for (const key of ROW_COLUMNS) {
      numbers[`row-${i}-${key}`] = await page.textContent(`#soft-row-${i}-${key}`);
    }
  }
  for (const id of ['epsilon', 'classes', 'target']) {
    numbers[`smoothing-${id}`] = await page.textContent(`#soft-smoothing-${id}`);
  }
  return {
    numbers,
    sentences: {
      asymmetry: await page.textContent('#soft-asymmetry'),
      'chart-note': await page.textContent('#soft-chart-note'),
      'chart-label': await page.getAttribute('#soft-chart', 'aria-label'),
    },
  };
}

function asymmetry(t) {
  const room = Math.min(t, 1 - t);
  if (room === 0) {
    return shows`With a hard target (t = ${t}) the floor is 0 and BCE is all divergence.`;
  }
  const step = Math.min(ASYMMETRY_STEP, room / 2);
  const below = softTargetAt(t - step, t);
  const above = softTargetAt(t + step, t);
  const ratio = Math.max(above.kl, below.kl) / Math.min(above.kl, below.kl);
  const [dear, cheap] = above.kl >= below.kl ? ['above', 'below'] : ['below', 'above'];
  const mse = shows`MSE charges both the same: ${below.mse} and ${above.mse}.`;
  return (text, label) => {
    const [costs, comparison, rest] = text
      .replace(/\s+/g, ' ')
      .trim()
      .match(/^(.*?\.) (The miss .*?); (MSE .*)$/)
      .slice(1);
    shows`Predicting ${step} below t costs ${below.kl} above the floor, ${step} above t costs ${above.kl}.`(
      costs,
      label,
    );
    if (ratio > 1.1) {
      shows`The miss ${dear} costs ${ratio} times more than the miss ${cheap}`(comparison, label);
    } else {
      // Within 10 % they read as about (or exactly) as much, and which the page takes as the
      // dearer is up to the last bits of two values that are equal on paper at t = ½.
      assert.match(
        comparison,
        /^The miss (above|below) costs (about|exactly) as much as the miss (below|above)$/,
        label,
      );
    }
    mse(rest, label);
  };
}

function chartNote(t, point) {
  if (point.bce > SOFT_AXIS_MAX) {
    return shows`BCE = ${point.bce} is above the axis (it stops at ${SOFT_AXIS_MAX}); the triangle marks it.`;
  }
  return point.entropy > 0
    ? shows`Crosses: the minima at p = t = ${t}. Both losses are smallest there; MSE's minimum is 0, BCE's is the entropy H(t) = ${point.entropy}.`
    : shows`Crosses: where both losses would be smallest, at p = t = ${t}. For a hard target the floor is H(t) = ${0}, but p never reaches ${t}: BCE and MSE approach 0 only in the limit p → ${t}.`;
}

export function expected({ t, p, rows }) {
  const point = softTargetAt(p, t);
  const want = {
    'table-t': t,
    bce: point.bce,
    entropy: point.entropy,
    kl: point.kl,
    mse: point.mse,
    p,
    'smoothing-epsilon': SMOOTHING.epsilon,
    'smoothing-classes': SMOOTHING.classes,
    'smoothing-target': 1 - SMOOTHING.epsilon + SMOOTHING.epsilon / SMOOTHING.classes,
    asymmetry: asymmetry(t),
    'chart-note': chartNote(t, point),
    'chart-label': shows`BCE and MSE against p for t = ${t}. At p = ${p}, BCE is ${point.bce}, of which ${point.kl} is KL divergence above the floor ${point.entropy}; MSE is ${point.mse}.`,
  };
  rows.forEach((row, i) => {
    const at = softTargetAt(row, t);
    for (const key of ROW_COLUMNS) want[`row-${i}-${key}`] = at[key];
  });
  return want;
}
