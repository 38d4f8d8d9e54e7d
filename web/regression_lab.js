// The regression lab: MSE, MAE and Huber on a small data set with one point that can be
// dragged far away, their per-point gradients, and the best constant under each loss.
// Every number comes from the core: regressionLosses, fitConstant, constantLossCurve.
import { createAnnouncer } from './announcer.js';
import { readThemeColors } from './chart_setup.js';
import { createConstantFitChart } from './constant_fit_chart.js';
import { bindNumberField } from './number_field.js';
import { formatNumber } from './number_format.js';
import {
  DEFAULT_REGRESSION_STATE,
  DELTA_SPEC,
  OUTLIER_SLIDER,
  VALUE_SPEC,
  dataOf,
  queryFromRegressionState,
  regressionStateFromQuery,
} from './regression_state.js';

const CURVE_POINTS = 161; // enough for smooth curves at any chart width, cheap to redraw
const CURVE_MARGIN = 2; // plot c from min(t) − 2 to max(t) + 2
const URL_DELAY_MS = 200;

export async function startRegressionLab(corePromise, notices, doc = document, win = window) {
  const $ = (id) => doc.getElementById(id);
  let colors = readThemeColors(win.themeElement);
  const chart = createConstantFitChart($('rg-chart'), colors);
  const core = await corePromise;
  const fromUrl = regressionStateFromQuery(win.location.search);
  fromUrl.notices.forEach((message) => notices.show(message));
  let state = null;
  let urlTimer = 0;
  const announcer = createAnnouncer($('rg-live'));

  function renderData(source) {
    state.targets.forEach((t, i) => {
      if (source !== `target-${i}`) $(`rg-target-${i}`).value = String(t);
      if (source !== `pred-${i}`) $(`rg-pred-${i}`).value = String(state.preds[i]);
    });
    $('rg-outlier-on').checked = state.outlierOn;
    $('rg-outlier-fields').hidden = !state.outlierOn;
    $('rg-outlier-slider').value = String(
      Math.min(OUTLIER_SLIDER.max, Math.max(OUTLIER_SLIDER.min, state.outlierTarget)),
    );
    $('rg-outlier-slider').setAttribute(
      'aria-valuetext',
      `outlier target ${formatNumber(state.outlierTarget)}`,
    );
    if (source !== 'outlier-target') $('rg-outlier-target').value = String(state.outlierTarget);
    if (source !== 'outlier-pred') $('rg-outlier-pred').value = String(state.outlierPred);
    $('rg-delta-slider').value = String(Math.min(10, state.delta));
    $('rg-delta-slider').setAttribute('aria-valuetext', `delta ${formatNumber(state.delta)}`);
    if (source !== 'delta') $('rg-delta').value = String(state.delta);
  }

  function renderLosses(data, losses) {
    $('rg-out-mse').textContent = formatNumber(losses.mse);
    $('rg-out-mae').textContent = formatNumber(losses.mae);
    $('rg-out-huber').textContent = formatNumber(losses.huber);
    $('rg-out-delta').textContent = formatNumber(state.delta);
    const body = $('rg-gradients');
    body.replaceChildren();
    data.targets.forEach((t, i) => {
      const row = doc.createElement('tr');
      const label = i < 3 ? `point ${i + 1}` : 'outlier';
      const cells = [
        label,
        formatNumber(t),
        formatNumber(data.preds[i]),
        formatNumber(losses.dmse[i]),
        formatNumber(losses.dmae[i]),
        formatNumber(losses.dhuber[i]),
      ];
      cells.forEach((text, c) => {
        const cell = doc.createElement(c === 0 ? 'th' : 'td');
        if (c === 0) cell.scope = 'row';
        cell.textContent = text;
        row.append(cell);
      });
      body.append(row);
    });
  }

  function renderFit(data) {
    const fit = core.fitConstant(data.targets, state.delta);
    const low = Math.min(...data.targets) - CURVE_MARGIN;
    const high = Math.max(...data.targets) + CURVE_MARGIN;
    const curve = core.constantLossCurve(data.targets, state.delta, low, high, CURVE_POINTS);
    const at = (c) =>
      core.regressionLosses(
        data.targets.map(() => c),
        data.targets,
        state.delta,
      );
    chart.set(
      curve,
      [
        { c: fit.mean, value: at(fit.mean).mse, colorKey: 'mse', style: 'rectRot' },
        { c: fit.median, value: at(fit.median).mae, colorKey: 'mae', style: 'rect' },
        { c: fit.huber, value: at(fit.huber).huber, colorKey: 'huber', style: 'circle' },
      ],
      data.targets,
    );
    chart.render();
    $('rg-fit-mean').textContent = formatNumber(fit.mean);
    $('rg-fit-median').textContent = formatNumber(fit.median);
    $('rg-fit-huber').textContent = formatNumber(fit.huber);
    $('rg-chart').setAttribute(
      'aria-label',
      `Each loss against a constant prediction c. Minimizers: MSE at the mean ${formatNumber(fit.mean)}, MAE at the median ${formatNumber(fit.median)}, Huber at ${formatNumber(fit.huber)}.`,
    );
  }

  function render(source) {
    const data = dataOf(state);
    renderData(source);
    const losses = core.regressionLosses(data.preds, data.targets, state.delta);
    renderLosses(data, losses);
    announcer.announce(
      () =>
        `MSE ${formatNumber(losses.mse)}, MAE ${formatNumber(losses.mae)}, Huber ${formatNumber(losses.huber)}.`,
    );
    renderFit(data);
  }

  function commit(next, source) {
    try {
      const data = dataOf(next);
      core.regressionLosses(data.preds, data.targets, next.delta);
      core.fitConstant(data.targets, next.delta);
    } catch (error) {
      notices.show(error.message);
      return false;
    }
    state = next;
    render(source);
    clearTimeout(urlTimer);
    urlTimer = setTimeout(() => {
      win.history.replaceState(null, '', `${queryFromRegressionState(state)}${win.location.hash}`);
    }, URL_DELAY_MS);
    return true;
  }

  const replaced = (values, i, value) => values.map((v, j) => (j === i ? value : v));
  const fields = [];
  for (let i = 0; i < 3; i += 1) {
    fields.push(
      bindNumberField({
        field: $(`rg-target-${i}`),
        errorBox: $(`rg-row-${i}-error`),
        spec: { ...VALUE_SPEC, name: `target ${i + 1}` },
        onValue: (t) => commit({ ...state, targets: replaced(state.targets, i, t) }, `target-${i}`),
      }),
      bindNumberField({
        field: $(`rg-pred-${i}`),
        errorBox: $(`rg-row-${i}-error`),
        spec: { ...VALUE_SPEC, name: `prediction ${i + 1}` },
        onValue: (x) => commit({ ...state, preds: replaced(state.preds, i, x) }, `pred-${i}`),
      }),
    );
  }
  fields.push(
    bindNumberField({
      field: $('rg-outlier-target'),
      errorBox: $('rg-outlier-error'),
      spec: { ...VALUE_SPEC, name: 'the outlier target' },
      onValue: (t) => commit({ ...state, outlierTarget: t }, 'outlier-target'),
    }),
    bindNumberField({
      field: $('rg-outlier-pred'),
      errorBox: $('rg-outlier-error'),
      spec: { ...VALUE_SPEC, name: 'the outlier prediction' },
      onValue: (x) => commit({ ...state, outlierPred: x }, 'outlier-pred'),
    }),
    bindNumberField({
      field: $('rg-delta'),
      errorBox: $('rg-delta-error'),
      spec: DELTA_SPEC,
      onValue: (delta) => commit({ ...state, delta }, 'delta'),
    }),
  );
  const clearErrors = () => fields.forEach((field) => field.clearError());

  $('rg-outlier-on').addEventListener('change', () =>
    commit({ ...state, outlierOn: $('rg-outlier-on').checked }, 'outlier-on'),
  );
  $('rg-outlier-slider').addEventListener('input', () => {
    clearErrors();
    commit({ ...state, outlierTarget: Number($('rg-outlier-slider').value) }, 'outlier-slider');
  });
  $('rg-delta-slider').addEventListener('input', () => {
    clearErrors();
    commit({ ...state, delta: Number($('rg-delta-slider').value) }, 'delta-slider');
  });
  $('rg-reset').addEventListener('click', () => {
    clearErrors();
    commit({ ...DEFAULT_REGRESSION_STATE }, 'reset');
  });
  win.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
    colors = readThemeColors(win.themeElement);
    chart.setColors(colors);
    commit(state, 'theme');
  });

  if (!commit(fromUrl.state, 'url')) commit({ ...DEFAULT_REGRESSION_STATE }, 'url');
  return {
    getState: () => JSON.parse(JSON.stringify(state)),
    markerPixels: () => chart.chart.$operatingPixels,
    memoryBytes: () => core.memoryBytes(),
  };
}
