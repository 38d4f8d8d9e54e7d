// The soft-targets lab: BCE and MSE when the target t lies between 0 and 1. Every number comes
// from the core: softTargetPoint for the operating point and the table, binaryCurve for the
// chart (as a function of the logit, drawn against p = σ(z)).
import { createAnnouncer } from './announcer.js';
import { readThemeColors } from './chart_setup.js';
import { bindNumberField } from './number_field.js';
import { formatNumber } from './number_format.js';
import { SOFT_AXIS_MAX, createSoftTargetChart } from './soft_target_chart.js';
import {
  DEFAULT_SOFT_STATE,
  PRESETS,
  P_SPEC,
  T_SPEC,
  queryFromSoftState,
  softStateFromQuery,
} from './soft_targets_state.js';

const CURVE = { zMin: -12, zMax: 12, n: 481 };
const ASYMMETRY_STEP = 0.1; // compare predictions t ± 0.1, closer when t is near 0 or 1
const URL_DELAY_MS = 200;

export async function startSoftTargetsLab(corePromise, notices, doc = document, win = window) {
  const $ = (id) => doc.getElementById(id);
  let colors = readThemeColors(win.themeElement);
  const chart = createSoftTargetChart($('soft-chart'), colors);
  const core = await corePromise;
  const fromUrl = softStateFromQuery(win.location.search);
  fromUrl.notices.forEach((message) => notices.show(message));
  let state = null;
  let curveTarget = null;
  let urlTimer = 0;

  const point = (p, t) => core.softTargetPoint(core.logit(p), t);
  const announcer = createAnnouncer($('soft-live'));

  function renderReadouts(current) {
    $('soft-out-bce').textContent = formatNumber(current.bce);
    $('soft-out-entropy').textContent = formatNumber(current.entropy);
    $('soft-out-kl').textContent = formatNumber(current.kl);
    $('soft-out-mse').textContent = formatNumber(current.mse);
    $('soft-out-p').textContent = formatNumber(current.p);
  }

  function renderTable() {
    $('soft-table-t').textContent = formatNumber(state.t);
    state.rows.forEach((p, i) => {
      const row = point(p, state.t);
      const field = $(`soft-row-${i}`);
      if (doc.activeElement !== field) field.value = String(p);
      $(`soft-row-${i}-mse`).textContent = formatNumber(row.mse);
      $(`soft-row-${i}-bce`).textContent = formatNumber(row.bce);
      $(`soft-row-${i}-kl`).textContent = formatNumber(row.kl);
    });
  }

  function renderAsymmetry() {
    const text = $('soft-asymmetry');
    const room = Math.min(state.t, 1 - state.t);
    if (room === 0) {
      text.textContent = `With a hard target (t = ${formatNumber(state.t)}) the floor is 0 and BCE is all divergence.`;
      return;
    }
    const step = Math.min(ASYMMETRY_STEP, room / 2);
    const below = point(state.t - step, state.t);
    const above = point(state.t + step, state.t);
    text.textContent =
      `Asymmetry: predicting ${formatNumber(step)} below t costs ${formatNumber(below.kl)} ` +
      `above the floor, ${formatNumber(step)} above t costs ${formatNumber(above.kl)}. ` +
      `MSE charges both the same: ${formatNumber(below.mse)} and ${formatNumber(above.mse)}.`;
  }

  function render(source) {
    const current = point(state.p, state.t);
    if (curveTarget !== state.t) {
      const entropy = core.softTargetPoint(0, state.t).entropy;
      chart.setCurve(core.binaryCurve(state.t, CURVE.zMin, CURVE.zMax, CURVE.n), entropy);
      curveTarget = state.t;
    }
    const offScale = chart.setPoint(current, state.t);
    chart.render();
    renderReadouts(current);
    announcer.announce(
      () =>
        `t ${formatNumber(state.t)}, p ${formatNumber(state.p)}: BCE ${formatNumber(current.bce)}, ` +
        `of which KL ${formatNumber(current.kl)}; MSE ${formatNumber(current.mse)}.`,
    );
    renderTable();
    renderAsymmetry();
    $('soft-chart-note').textContent = offScale
      ? `BCE = ${formatNumber(current.bce)} is above the axis (it stops at ${SOFT_AXIS_MAX}); the triangle marks it.`
      : `Crosses: the minima at p = t. Both losses are smallest there; BCE's minimum is H(t) = ${formatNumber(current.entropy)}, not 0.`;
    $('soft-chart').setAttribute(
      'aria-label',
      `BCE and MSE against p for t = ${formatNumber(state.t)}. At p = ${formatNumber(current.p)}, BCE is ${formatNumber(current.bce)}, of which ${formatNumber(current.kl)} is KL divergence above the floor ${formatNumber(current.entropy)}; MSE is ${formatNumber(current.mse)}.`,
    );
    $('soft-t-slider').value = String(state.t);
    $('soft-t-slider').setAttribute('aria-valuetext', `t = ${formatNumber(state.t)}`);
    $('soft-p-slider').value = String(state.p);
    $('soft-p-slider').setAttribute('aria-valuetext', `p = ${formatNumber(state.p)}`);
    if (source !== 't-field') $('soft-t-field').value = String(state.t);
    if (source !== 'p-field') $('soft-p-field').value = String(state.p);
  }

  function commit(next, source) {
    try {
      core.softTargetPoint(core.logit(next.p), next.t);
      next.rows.forEach((p) => core.logit(p));
    } catch (error) {
      notices.show(error.message);
      return false;
    }
    state = next;
    render(source);
    clearTimeout(urlTimer);
    urlTimer = setTimeout(() => {
      win.history.replaceState(null, '', `${queryFromSoftState(state)}${win.location.hash}`);
    }, URL_DELAY_MS);
    return true;
  }

  const fields = [
    bindNumberField({
      field: $('soft-t-field'),
      errorBox: $('soft-t-error'),
      spec: T_SPEC,
      onValue: (t) => commit({ ...state, t }, 't-field'),
    }),
    bindNumberField({
      field: $('soft-p-field'),
      errorBox: $('soft-p-error'),
      spec: P_SPEC,
      onValue: (p) => commit({ ...state, p }, 'p-field'),
    }),
    ...rowFields(),
  ];
  function rowFields() {
    return [0, 1, 2].map((i) =>
      bindNumberField({
        field: $(`soft-row-${i}`),
        errorBox: $(`soft-row-${i}-error`),
        spec: { ...P_SPEC, name: `prediction ${i + 1}` },
        onValue: (p) =>
          commit({ ...state, rows: state.rows.map((r, j) => (j === i ? p : r)) }, 'row'),
      }),
    );
  }
  const clearErrors = () => fields.forEach((field) => field.clearError());

  $('soft-t-slider').addEventListener('input', () => {
    clearErrors();
    commit({ ...state, t: Number($('soft-t-slider').value) }, 't-slider');
  });
  $('soft-p-slider').addEventListener('input', () => {
    clearErrors();
    commit({ ...state, p: Number($('soft-p-slider').value) }, 'p-slider');
  });
  for (const button of doc.querySelectorAll('[data-soft-preset]')) {
    button.addEventListener('click', () => {
      clearErrors();
      commit({ ...PRESETS[button.dataset.softPreset] }, 'preset');
    });
  }
  win.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
    colors = readThemeColors(win.themeElement);
    chart.setColors(colors);
    commit(state, 'theme');
  });

  if (!commit(fromUrl.state, 'url')) commit({ ...DEFAULT_SOFT_STATE }, 'url');
  return {
    getState: () => ({ ...state, rows: [...state.rows] }),
    markerPixels: () => chart.chart.$operatingPixels,
    memoryBytes: () => core.memoryBytes(),
  };
}
