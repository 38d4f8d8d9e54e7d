// The multi-class lab: softmax with cross-entropy against MSE for K classes, two common
// mistakes as toggles, and the overflow that log-sum-exp avoids. Every number comes from the
// core: multiclassPoint, softmaxTwicePoint, softmax and naiveSoftmax.
import { createBarChart } from '../../charts/bar_chart.js';
import { readThemeColors } from '../../shared/theme.js';
import { choiceControl } from '../../shared/controls.js';
import { formatNumber } from '../../shared/number_format.js';
import { createClassRows } from './class_rows.js';
import { computeStability, renderStability } from './stability_table.js';
import { MAX_CLASSES, MIN_CLASSES, defaultName, logitsKind, table } from './state.js';
import { QUESTIONS } from './questions.js';
import { SCENES } from './scenes.js';
import { storyNumbers } from './story.js';
import { destroyChartsIn } from '../../charts/chart_setup.js';

const MISTAKE_TEXT = {
  twice:
    'Softmax applied twice: the model already ends in softmax and the loss applies it again. Gradients flow back through both.',
  probs:
    'Probabilities passed as logits: the loss receives numbers between 0 and 1 and squashes them again, so it can never see a confident prediction.',
};

/** Losses and gradients as the chosen mistake computes them, and the correct ones. */
function compute(core, state, previous) {
  const target = state.targetProbs ?? state.targetClass;
  const correct = core.multiclassPoint(state.logits, target);
  let seen = correct;
  if (state.mistake === 'twice') seen = core.softmaxTwicePoint(state.logits, target);
  if (state.mistake === 'probs') seen = core.multiclassPoint(core.softmax(state.logits), target);
  // The stability table depends on its own logits only.
  const stability =
    previous.state?.demo === state.demo
      ? previous.results.stability
      : computeStability(core, state.demo);
  return { correct, seen, stability };
}

function resized(state, k) {
  const grow = (values, fill) => Array.from({ length: k }, (_, i) => values[i] ?? fill(i));
  return {
    ...state,
    logits: grow(state.logits, () => 0),
    names: grow(state.names, defaultName),
    targetProbs: state.targetProbs ? grow([], (i) => (i === 0 ? 1 : 0)) : null,
    targetClass: Math.min(state.targetClass, k - 1),
  };
}

function createView(ctx) {
  const { $ } = ctx;
  for (let k = MIN_CLASSES; k <= MAX_CLASSES; k += 1) {
    $('mc-k').append(new Option(String(k), String(k)));
  }
  $('mc-k').addEventListener('change', () =>
    ctx.propose(resized(ctx.state(), Number($('mc-k').value)), 'k'),
  );
  const mode = choiceControl(ctx, {
    radios: 'mc-target-mode',
    write: (state, value) => ({
      ...state,
      targetProbs:
        value === 'soft' ? state.logits.map((_, i) => (i === state.targetClass ? 1 : 0)) : null,
    }),
  });
  const mistake = choiceControl(ctx, { key: 'mistake', radios: 'mc-mistake' });
  ctx.bindField({
    field: $('mc-demo'),
    errorBox: $('mc-demo-error'),
    parse: (text) => logitsKind.parse(text),
    onValue: (demo) => ctx.propose({ ...ctx.state(), demo }, 'demo'),
  });
  const colors = readThemeColors(ctx.host.themeElement);
  return {
    ctx,
    rows: createClassRows(ctx, $('mc-classes')),
    mode,
    mistake,
    drawnStability: null,
    probChart: createBarChart($('mc-prob-chart'), colors, {
      series: [
        { label: 'softmax probability', colorKey: 'ce' },
        { label: 'target', colorKey: 'muted', outlined: true },
      ],
      yTitle: 'probability',
      yMin: 0,
      yMax: 1,
    }),
    gradientChart: createBarChart($('mc-grad-chart'), colors, {
      series: [
        { label: 'CE gradient', colorKey: 'ce' },
        { label: 'MSE gradient', colorKey: 'mse', outlined: true },
      ],
      yTitle: 'gradient',
    }),
  };
}

function renderReadouts($, state, { correct, seen }) {
  $('mc-out-ce').textContent = formatNumber(seen.ce);
  $('mc-out-mse').textContent = formatNumber(seen.mse);
  const trueClass = state.targetProbs ? null : state.targetClass;
  $('mc-out-ptrue-box').hidden = trueClass === null;
  if (trueClass !== null) {
    $('mc-out-ptrue-label').textContent =
      `Probability the loss gives the true class, ${state.names[trueClass]}`;
    $('mc-out-ptrue').textContent = formatNumber(seen.probs[trueClass]);
  }
  const mistaken = state.mistake !== 'none';
  $('mc-comparison').hidden = !mistaken;
  if (!mistaken) return;
  const largest = (values) => Math.max(...Array.from(values, Math.abs));
  $('mc-comparison').textContent =
    `${MISTAKE_TEXT[state.mistake]} Computed correctly, CE is ${formatNumber(correct.ce)} ` +
    `and the largest CE gradient ${formatNumber(largest(correct.dceDlogits))}; with the ` +
    `mistake they are ${formatNumber(seen.ce)} and ${formatNumber(largest(seen.dceDlogits))}.`;
}

function renderCharts(view, state, { seen }) {
  const { $ } = view.ctx;
  const listed = (values) =>
    state.names.map((n, i) => `${n} ${formatNumber(values[i])}`).join(', ');
  const target = state.targetProbs ?? state.logits.map((_, i) => (i === state.targetClass ? 1 : 0));
  view.probChart.set(state.names, [seen.probs, target]);
  view.gradientChart.set(state.names, [seen.dceDlogits, seen.dmseDlogits]);
  view.gradientChart.fitSymmetric([seen.dceDlogits, seen.dmseDlogits]);
  const input = state.mistake === 'probs' ? 'its input' : 'the logit';
  view.gradientChart.setLabels([`CE gradient w.r.t. ${input}`, `MSE gradient w.r.t. ${input}`]);
  view.probChart.render();
  view.gradientChart.render();
  $('mc-prob-chart').setAttribute(
    'aria-label',
    `Probabilities the loss sees: ${listed(seen.probs)}.`,
  );
  $('mc-grad-chart').setAttribute(
    'aria-label',
    `CE gradients: ${listed(seen.dceDlogits)}. MSE gradients: ${listed(seen.dmseDlogits)}.`,
  );
}

function render(view, state, results, source) {
  const { $ } = view.ctx;
  view.rows.render(state, source);
  $('mc-k').value = String(state.logits.length);
  view.mode.render(state.targetProbs ? 'soft' : 'class');
  view.mistake.render(state.mistake);
  renderReadouts($, state, results);
  renderCharts(view, state, results);
  if (view.drawnStability !== results.stability) {
    renderStability(
      view.ctx.doc,
      { body: $('mc-demo-rows'), explanation: $('mc-demo-why') },
      state.demo,
      results.stability,
    );
    view.drawnStability = results.stability;
  }
  if (source !== 'demo') $('mc-demo').value = state.demo.join(', ');
}

/** @type {import('../../shared/panel.js').PanelSpec} */
export default {
  id: 'multiclass',
  table,
  scenes: SCENES,
  questions: QUESTIONS,
  storyNumbers,
  liveRegion: 'mc-live',
  createView,
  compute,
  render,
  announce: (state, { seen }) =>
    `Cross-entropy ${formatNumber(seen.ce)}, MSE ${formatNumber(seen.mse)}.`,
  setColors(view, colors) {
    view.probChart.setColors(colors);
    view.gradientChart.setColors(colors);
  },
  dispose: (view, ctx) => destroyChartsIn(ctx.root),
};
