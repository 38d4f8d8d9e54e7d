// The regression lab's edge states: every prediction right (all losses 0), all targets equal,
// an even number of points (the outlier on: MAE's and Huber's minimisers may be intervals),
// Huber's δ at its smallest and largest, an outlier at ±10⁶, values at ±10⁶, an error that
// squares to below the smallest double. Every read-out, the best constants, the gradient
// table and the chart's label against regressionLosses and fitConstant (plain JS).
// The lab always has its three points (plus the outlier), so "one point" is the nearest it
// comes: one point off and the others exact.
import assert from 'node:assert/strict';
import { fitConstant, regressionLosses, shownNumber } from '../reference.mjs';
import { ANY_NUMBER, sentence, shows } from './binary_reference.mjs';

export const states = [
  { name: 'the default', query: '' },
  { name: 'every prediction right: all losses 0', query: '?targets=5,5,5&preds=5,5,5' },
  { name: 'all targets equal, predictions spread', query: '?targets=5,5,5&preds=1,5,9' },
  { name: 'one point off, the others exact', query: '?targets=1,2,3&preds=1,2,30' },
  { name: 'even n: the median is an interval', query: '?outlier=25' },
  { name: 'even n, small δ: Huber an interval too', query: '?outlier=25&delta=0.1' },
  { name: 'even n, the middle two tied', query: '?targets=1,2,3&preds=1,2,3&outlier=2' },
  {
    name: 'even n, the middle two exactly 2δ apart',
    query: '?targets=0,0,10&preds=0,0,0&outlier=10&delta=5',
  },
  { name: 'δ at 10⁻³⁰⁰: Huber is δ·|d|', query: '?delta=1e-300' },
  { name: 'δ at its largest: Huber is MSE/2', query: '?delta=1000000' },
  { name: 'an outlier at 10⁶, predicted at −10⁶', query: '?outlier=1e6&outlierPred=-1e6' },
  { name: 'an outlier at −10⁶, large δ', query: '?outlier=-1e6&delta=1e6' },
  { name: 'values at ±10⁶', query: '?targets=-1e6,1e6,0&preds=1e6,-1e6,0' },
  { name: 'an error whose square underflows', query: '?targets=1e-300,0,0&preds=0,0,0' },
  { name: 'the outlier switched off again', query: '?outlier=25', act: switchOutlierOff },
];

async function switchOutlierOff(page) {
  await page.uncheck('#rg-outlier-on');
  await page.waitForFunction(() => !window.lossplay.getState().outlierOn);
}

const COLUMNS = ['target', 'pred', 'dmse', 'dmae', 'dhuber'];

export async function read(page) {
  const numbers = {};
  for (const id of ['mse', 'mae', 'huber', 'delta']) {
    numbers[id] = await page.textContent(`#rg-out-${id}`);
  }
  numbers['hint-delta'] = await page.textContent('#rg-hint-delta');
  numbers['fit-mean'] = await page.textContent('#rg-fit-mean');
  const sentences = {
    'fit-median': await page.textContent('#rg-fit-median'),
    'fit-huber': await page.textContent('#rg-fit-huber'),
    'chart-label': await page.getAttribute('#rg-chart', 'aria-label'),
  };
  const rows = await page.$$eval('#rg-gradients tr', (trs) =>
    trs.map((tr) => [...tr.cells].map((cell) => cell.textContent)),
  );
  rows.forEach(([name, ...cells], i) => {
    sentences[`row-${i}-name`] = name;
    cells.forEach((text, j) => {
      numbers[`row-${i}-${COLUMNS[j]}`] = text;
    });
  });
  return { numbers, sentences };
}

/** A minimiser: one number, or every c of an interval. */
const minimizers = ({ low, high }) =>
  low === high ? shows`${low}` : shows`any c from ${low} to ${high}`;

/**
 * Huber's single minimiser, checked by what makes it one: the slope Σ clamp(c − tᵢ, −δ, δ) is
 * ≤ 0 just below the c shown and ≥ 0 just above it (just: half a unit in its fourth digit).
 * fitConstant's bisection stops at a relative 10⁻¹² of the targets' range, which misses an
 * exact 0 (targets ±10⁶ and 0) or a minimiser of order 10⁻³⁰¹.
 */
function huberPoint(targets, delta) {
  const slope = (c) =>
    targets.reduce((sum, t) => sum + Math.max(-delta, Math.min(delta, c - t)), 0);
  return (text, label) => {
    const c = shownNumber(text);
    const h = Math.max(Math.abs(c) * 5e-4, Number.MIN_VALUE);
    assert.ok(slope(c - h) <= 0 && slope(c + h) >= 0, `${label}: ${text} is no Huber minimiser`);
  };
}

/** The same, inside the chart's label. */
const inLabel = ({ low, high }) => (low === high ? [low] : ['any c from ', low, ' to ', high]);

function chartLabel(fit) {
  const parts = [
    'Each loss against a constant prediction c. Minimizers: MSE at the mean ',
    fit.mean,
    ', MAE at ',
    ...inLabel(fit.maeMinimizers),
    ', Huber at ',
    // A single Huber minimiser is checked in its own read-out (fit-huber); here, that it is one.
    ...(fit.huberMinimizers.low === fit.huberMinimizers.high
      ? [ANY_NUMBER]
      : inLabel(fit.huberMinimizers)),
    '.',
  ];
  return sentence(parts);
}

export function expected(state) {
  const targets = [...state.targets, ...(state.outlierOn ? [state.outlierTarget] : [])];
  const preds = [...state.preds, ...(state.outlierOn ? [state.outlierPred] : [])];
  const losses = regressionLosses(preds, targets, state.delta);
  const fit = fitConstant(targets, state.delta);
  const huberInterval = fit.huberMinimizers.low !== fit.huberMinimizers.high;
  const want = {
    mse: losses.mse,
    mae: losses.mae,
    huber: losses.huber,
    delta: state.delta,
    'hint-delta': state.delta,
    'fit-mean': fit.mean,
    'fit-median': minimizers(fit.maeMinimizers),
    'fit-huber': huberInterval ? minimizers(fit.huberMinimizers) : huberPoint(targets, state.delta),
    'chart-label': chartLabel(fit),
  };
  targets.forEach((t, i) => {
    want[`row-${i}-name`] = i < state.targets.length ? `point ${i + 1}` : 'outlier';
    const values = [t, preds[i], losses.dmse[i], losses.dmae[i], losses.dhuber[i]];
    COLUMNS.forEach((column, j) => {
      want[`row-${i}-${column}`] = values[j];
    });
  });
  return want;
}
