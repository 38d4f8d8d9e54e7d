// The regression lab: MSE, MAE and Huber on a small data set with one point that can be
// dragged far away, their per-point gradients, and the best constant under each loss.
// Every number comes from the core: regressionLosses, fitConstant, constantLossCurve.
import { readThemeColors } from '../../shared/theme.js';
import { fillRows, numberControl } from '../../shared/controls.js';
import { formatNumber } from '../../shared/number_format.js';
import { number } from '../../shared/params.js';
import { createConstantFitChart } from './constant_fit_chart.js';
import { DELTA_SPEC, POINT_COUNT, VALUE_SPEC, dataOf, table } from './state.js';
import { QUESTIONS } from './questions.js';
import { SCENES } from './scenes.js';
import { storyNumbers } from './story.js';
import { destroyChartsIn } from '../../charts/chart_setup.js';
import { roundOut } from '../../charts/round_bounds.js';

const CURVE_POINTS = 161; // enough for smooth curves at any chart width, cheap to redraw
const CURVE_MARGIN = 2; // plot c from at least min(t) − 2 to max(t) + 2

function compute(core, state) {
  const data = dataOf(state);
  const losses = core.regressionLosses(data.preds, data.targets, state.delta);
  const fit = core.fitConstant(data.targets, state.delta);
  // The x-range follows the data, rounded out to a round step, so an outlier moved along keeps
  // the axis (and the chart's layout) until it crosses a step.
  const [low, high] = roundOut(
    Math.min(...data.targets) - CURVE_MARGIN,
    Math.max(...data.targets) + CURVE_MARGIN,
  );
  const curve = core.constantLossCurve(data.targets, state.delta, low, high, CURVE_POINTS);
  const at = (c) =>
    core.regressionLosses(
      data.targets.map(() => c),
      data.targets,
      state.delta,
    );
  // A loss whose minimizers form an interval gets its marker at the interval's midpoint
  // (fit.median, fit.huber), which lies on the flat bottom with the rest.
  const minima = [
    { c: fit.mean, value: at(fit.mean).mse, colorKey: 'mse', style: 'rectRot' },
    // Larger than Huber's circle, drawn before it: when the two minimisers coincide, the
    // square's corners still show around the circle.
    { c: fit.median, value: at(fit.median).mae, colorKey: 'mae', style: 'rect', radius: 12 },
    { c: fit.huber, value: at(fit.huber).huber, colorKey: 'huber', style: 'circle' },
  ];
  return { data, losses, fit, curve, minima };
}

const replaced = (values, i, value) => values.map((v, j) => (j === i ? value : v));

function pointControls(ctx) {
  const controls = [];
  for (let i = 0; i < POINT_COUNT; i += 1) {
    for (const [key, label, id] of [
      ['targets', 'target', 'target'],
      ['preds', 'prediction', 'pred'],
    ]) {
      controls.push(
        numberControl(ctx, {
          kind: number({ ...VALUE_SPEC, name: `${label} ${i + 1}` }),
          field: `rg-${id}-${i}`,
          error: `rg-row-${i}-error`,
          read: (state) => state[key][i],
          write: (state, value) => ({ ...state, [key]: replaced(state[key], i, value) }),
        }),
      );
    }
  }
  return controls;
}

function createView(ctx) {
  const { $ } = ctx;
  const controls = [
    ...pointControls(ctx),
    numberControl(ctx, {
      key: 'outlierTarget',
      kind: number({ ...VALUE_SPEC, name: 'the outlier target' }),
      slider: 'rg-outlier-slider',
      field: 'rg-outlier-target',
      error: 'rg-outlier-error',
      valueText: (state) => `outlier target ${formatNumber(state.outlierTarget)}`,
    }),
    numberControl(ctx, {
      key: 'outlierPred',
      kind: number({ ...VALUE_SPEC, name: 'the outlier prediction' }),
      field: 'rg-outlier-pred',
      error: 'rg-outlier-error',
    }),
    numberControl(ctx, {
      key: 'delta',
      kind: number(DELTA_SPEC),
      slider: 'rg-delta-slider',
      field: 'rg-delta',
      error: 'rg-delta-error',
      valueText: (state) => `delta ${formatNumber(state.delta)}`,
    }),
  ];
  $('rg-outlier-on').addEventListener('change', () =>
    ctx.propose({ ...ctx.state(), outlierOn: $('rg-outlier-on').checked }, 'outlier-on'),
  );
  $('rg-reset').addEventListener('click', () => ctx.reset());
  const chart = createConstantFitChart($('rg-chart'), readThemeColors(ctx.host.themeElement));
  return { ctx, controls, chart };
}

function renderLosses(view, state, { data, losses }) {
  const { $ } = view.ctx;
  $('rg-out-mse').textContent = formatNumber(losses.mse);
  $('rg-out-mae').textContent = formatNumber(losses.mae);
  $('rg-out-huber').textContent = formatNumber(losses.huber);
  $('rg-out-delta').textContent = formatNumber(state.delta);
  $('rg-hint-delta').textContent = formatNumber(state.delta);
  const rows = data.targets.map((t, i) => [
    i < POINT_COUNT ? `point ${i + 1}` : 'outlier',
    ...[t, data.preds[i], losses.dmse[i], losses.dmae[i], losses.dhuber[i]].map(formatNumber),
  ]);
  fillRows(view.ctx.doc, $('rg-gradients'), rows);
}

/** "3", or "any c from 12 to 18" when every c in [low, high] minimizes the loss. */
function minimizersText({ low, high }) {
  return low === high
    ? formatNumber(low)
    : `any c from ${formatNumber(low)} to ${formatNumber(high)}`;
}

function renderFit(view, { data, fit, curve, minima }) {
  const { $ } = view.ctx;
  view.chart.set(curve, minima, data.targets);
  view.chart.render();
  const median = minimizersText(fit.maeMinimizers);
  const huber = minimizersText(fit.huberMinimizers);
  $('rg-fit-mean').textContent = formatNumber(fit.mean);
  $('rg-fit-median').textContent = median;
  $('rg-fit-huber').textContent = huber;
  $('rg-chart').setAttribute(
    'aria-label',
    `Each loss against a constant prediction c. Minimizers: MSE at the mean ${formatNumber(fit.mean)}, MAE at ${median}, Huber at ${huber}.`,
  );
}

function render(view, state, results, source) {
  const { $ } = view.ctx;
  for (const control of view.controls) control.render(state, source);
  $('rg-outlier-on').checked = state.outlierOn;
  $('rg-outlier-fields').hidden = !state.outlierOn;
  renderLosses(view, state, results);
  renderFit(view, results);
}

/** @type {import('../../shared/panel.js').PanelSpec} */
export default {
  id: 'regression',
  table,
  scenes: SCENES,
  storyNumbers,
  questions: QUESTIONS,
  liveRegion: 'rg-live',
  createView,
  compute,
  render,
  announce: (state, { losses }) =>
    `MSE ${formatNumber(losses.mse)}, MAE ${formatNumber(losses.mae)}, Huber ${formatNumber(losses.huber)}.`,
  setColors: (view, colors) => view.chart.setColors(colors),
  api: (ctx, view) => ({
    markerPixels: () => view.chart.chart.$operatingPixels,
    /** The fit chart's x-axis as drawn, for the browser tests. */
    fitAxis: () => ({ min: view.chart.chart.scales.x.min, max: view.chart.chart.scales.x.max }),
  }),
  dispose: (view, ctx) => destroyChartsIn(ctx.root),
};
