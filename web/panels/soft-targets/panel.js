// The soft-targets lab: BCE and MSE when the target t lies between 0 and 1. Every number comes
// from the core: softTargetPointAtP at the p the reader set (so p = t gives an MSE and a KL of
// exactly 0) for the operating point and the table, binaryCurve for the chart (as a function
// of the logit, drawn against p = σ(z)).
import { readThemeColors } from '../../shared/theme.js';
import { numberControl } from '../../shared/controls.js';
import { formatNumber } from '../../shared/number_format.js';
import { compareWords } from '../../shared/ratio_words.js';
import { number } from '../../shared/params.js';
import { SOFT_AXIS_MAX, createSoftTargetChart } from './soft_target_chart.js';
import { P_SPEC, ROW_COUNT, T_SPEC, table } from './state.js';
import { QUESTIONS } from './questions.js';
import { SCENES, SMOOTHING } from './scenes.js';
import { storyNumbers } from './story.js';
import { wireSceneButtons } from '../../shared/scenes.js';
import { destroyChartsIn } from '../../charts/chart_setup.js';

const CURVE = { zMin: -12, zMax: 12, n: 481 };
const ASYMMETRY_STEP = 0.1; // compare predictions t ± 0.1, closer when t is near 0 or 1
const COSTS = { more: 'more', less: 'less', same: 'much' }; // "3 times more than", "as much as"

/** Predictions t ± step and what each costs, or null for a hard target. */
function asymmetry(point, t) {
  const room = Math.min(t, 1 - t);
  if (room === 0) return null;
  const step = Math.min(ASYMMETRY_STEP, room / 2);
  return { step, below: point(t - step, t), above: point(t + step, t) };
}

function compute(core, state, previous) {
  const point = (p, t) => core.softTargetPointAtP(p, t);
  // The curve and the asymmetry depend on t alone: a new p or row reuses them.
  const sameTarget = previous.state?.t === state.t;
  return {
    current: point(state.p, state.t),
    rows: state.rows.map((p) => point(p, state.t)),
    asymmetry: sameTarget ? previous.results.asymmetry : asymmetry(point, state.t),
    curve: sameTarget
      ? previous.results.curve
      : {
          losses: core.binaryCurve(state.t, CURVE.zMin, CURVE.zMax, CURVE.n),
          entropy: point(0.5, state.t).entropy, // H(t): the same at every p
        },
  };
}

function createView(ctx) {
  const { $ } = ctx;
  const t = numberControl(ctx, {
    key: 't',
    kind: number(T_SPEC),
    slider: 'soft-t-slider',
    field: 'soft-t-field',
    error: 'soft-t-error',
  });
  const p = numberControl(ctx, {
    key: 'p',
    kind: number(P_SPEC),
    slider: 'soft-p-slider',
    field: 'soft-p-field',
    error: 'soft-p-error',
  });
  const rows = Array.from({ length: ROW_COUNT }, (_, i) =>
    numberControl(ctx, {
      kind: number({ ...P_SPEC, name: `prediction ${i + 1}` }),
      field: `soft-row-${i}`,
      error: `soft-row-${i}-error`,
      read: (state) => state.rows[i],
      write: (state, value) => ({
        ...state,
        rows: state.rows.map((r, j) => (j === i ? value : r)),
      }),
    }),
  );
  $('soft-smoothing-epsilon').textContent = formatNumber(SMOOTHING.epsilon);
  $('soft-smoothing-classes').textContent = String(SMOOTHING.classes);
  $('soft-smoothing-target').textContent = formatNumber(SMOOTHING.target);
  wireSceneButtons(
    $('soft-presets'),
    SCENES,
    (scene) => ctx.propose({ ...ctx.state(), ...structuredClone(scene.state) }, 'show-me'),
    ctx.host,
  );
  const chart = createSoftTargetChart($('soft-chart'), readThemeColors(ctx.host.themeElement));
  return { ctx, controls: [t, p, ...rows], chart, drawnCurve: null };
}

function renderAsymmetry($, state, asym) {
  if (!asym) {
    $('soft-asymmetry').textContent =
      `With a hard target (t = ${formatNumber(state.t)}) the floor is 0 and BCE is all divergence.`;
    return;
  }
  const { step, below, above } = asym;
  // The dearer miss compared with the cheaper one: at t = ½ the two are equal, so the sentence
  // must not announce an asymmetry the numbers do not have.
  const [dear, cheap] = above.kl >= below.kl ? ['above', 'below'] : ['below', 'above'];
  const comparison = compareWords(
    Math.max(above.kl, below.kl),
    Math.min(above.kl, below.kl),
    COSTS,
    `the miss ${cheap}`,
  );
  $('soft-asymmetry').textContent =
    `Predicting ${formatNumber(step)} below t costs ${formatNumber(below.kl)} ` +
    `above the floor, ${formatNumber(step)} above t costs ${formatNumber(above.kl)}. ` +
    `The miss ${dear} costs ${comparison}; ` +
    `MSE charges both the same: ${formatNumber(below.mse)} and ${formatNumber(above.mse)}.`;
}

/** What the crosses at p = t mean. A hard target's floor H(t) is 0, but p stays strictly
 * between 0 and 1, so there both losses approach their minimum only as p → t. */
function minimaNote(t, entropy) {
  const shownT = formatNumber(t);
  return entropy > 0
    ? `Crosses: the minima at p = t = ${shownT}. Both losses are smallest there; MSE's minimum is 0, BCE's is the entropy H(t) = ${formatNumber(entropy)}.`
    : `Crosses: where both losses would be smallest, at p = t = ${shownT}. For a hard target the floor is H(t) = ${formatNumber(entropy)}, but p never reaches ${shownT}: BCE and MSE approach 0 only in the limit p → ${shownT}.`;
}

function renderChart(view, state, { current, curve }) {
  const { $ } = view.ctx;
  if (view.drawnCurve !== curve) {
    view.chart.setCurve(curve.losses, curve.entropy);
    view.drawnCurve = curve;
  }
  const offScale = view.chart.setPoint(current, state.t);
  view.chart.render();
  $('soft-chart-note').textContent = offScale
    ? `BCE = ${formatNumber(current.bce)} is above the axis (it stops at ${SOFT_AXIS_MAX}); the triangle marks it.`
    : minimaNote(state.t, current.entropy);
  $('soft-chart').setAttribute(
    'aria-label',
    `BCE and MSE against p for t = ${formatNumber(state.t)}. At p = ${formatNumber(current.p)}, BCE is ${formatNumber(current.bce)}, of which ${formatNumber(current.kl)} is KL divergence above the floor ${formatNumber(current.entropy)}; MSE is ${formatNumber(current.mse)}.`,
  );
}

function render(view, state, results, source) {
  const { $ } = view.ctx;
  const { current } = results;
  for (const [id, value] of Object.entries({
    bce: current.bce,
    entropy: current.entropy,
    kl: current.kl,
    mse: current.mse,
    p: current.p,
  })) {
    $(`soft-out-${id}`).textContent = formatNumber(value);
  }
  $('soft-table-t').textContent = formatNumber(state.t);
  results.rows.forEach((row, i) => {
    for (const key of ['mse', 'bce', 'kl']) {
      $(`soft-row-${i}-${key}`).textContent = formatNumber(row[key]);
    }
  });
  renderAsymmetry($, state, results.asymmetry);
  renderChart(view, state, results);
  for (const control of view.controls) control.render(state, source);
}

/** @type {import('../../shared/panel.js').PanelSpec} */
export default {
  id: 'soft-targets',
  table,
  scenes: SCENES,
  questions: QUESTIONS,
  storyNumbers,
  liveRegion: 'soft-live',
  createView,
  compute,
  render,
  announce: (state, { current }) =>
    `t ${formatNumber(state.t)}, p ${formatNumber(state.p)}: BCE ${formatNumber(current.bce)}, ` +
    `of which KL ${formatNumber(current.kl)}; MSE ${formatNumber(current.mse)}.`,
  setColors: (view, colors) => view.chart.setColors(colors),
  api: (ctx, view) => ({ markerPixels: () => view.chart.chart.$operatingPixels }),
  dispose: (view, ctx) => destroyChartsIn(ctx.root),
};
