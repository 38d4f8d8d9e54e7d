// The your-model lab: the reader's own classifier, as the logits it produced and the labels.
// Every number comes from the core: createTableReader reads the text, scoreExamples gives each
// example's losses and gradients (at T = 1 and at the reader's T), fitTemperature the best T,
// reliability the diagram and its Brier split, histogram the two histograms, and
// expectedScore(Curves) the forecaster's side panel (whose sentence states what a report costs
// above the truth by the exact identities, sentences.js extraCosts).
import { readThemeColors } from '../../shared/theme.js';
import { choiceControl, fillRows, numberControl } from '../../shared/controls.js';
import { formatNumber } from '../../shared/number_format.js';
import { counted } from '../../shared/counted.js';
import { integer, number } from '../../shared/params.js';
import { wireSceneButtons } from '../../shared/scenes.js';
import { destroyChartsIn } from '../../charts/chart_setup.js';
import { renderLabelChoices, wireDataInput } from './data_input.js';
import { compute } from './model_results.js';
import { createModelCharts, drawHistogram, drawReliability, drawScores } from './model_charts.js';
import { percent, scoreSentence, shareSentence, temperatureSentence } from './sentences.js';
import { BINS_SPEC, Q_SPEC, R_SPEC, T_SPEC, table } from './state.js';
import { QUESTIONS } from './questions.js';
import { SCENES } from './scenes.js';
import { storyNumbers } from './story.js';

/** What the table of the worst examples is sorted by, in words. */
const SORT_NAMES = {
  ce: 'cross-entropy',
  brier: 'Brier score',
  'ce-gradient': "the size of cross-entropy's gradient",
  'brier-gradient': "the size of the Brier score's gradient",
};

/** What a point below the diagonal means, for each event the diagram can be about. */
const BELOW_DIAGONAL = {
  binary: 'Below the diagonal, class 1 came up less often than the model said it would;',
  top: 'Below the diagonal, the top class was right less often than the model was sure;',
};

function createView(ctx) {
  const { $ } = ctx;
  const controls = [
    numberControl(ctx, {
      key: 't',
      kind: number(T_SPEC),
      slider: 'ym-t-slider',
      field: 'ym-t-field',
      error: 'ym-t-error',
      valueText: (state) => `temperature T = ${formatNumber(state.t)}`,
    }),
    numberControl(ctx, {
      key: 'bins',
      kind: integer(BINS_SPEC),
      field: 'ym-bins-field',
      error: 'ym-bins-error',
    }),
    numberControl(ctx, {
      key: 'q',
      kind: number(Q_SPEC),
      slider: 'ym-q-slider',
      field: 'ym-q-field',
      error: 'ym-q-error',
      valueText: (state) => `belief q = ${formatNumber(state.q)}`,
    }),
    numberControl(ctx, {
      key: 'r',
      kind: number(R_SPEC),
      slider: 'ym-r-slider',
      field: 'ym-r-field',
      error: 'ym-r-error',
      valueText: (state) => `report r = ${formatNumber(state.r)}`,
    }),
  ];
  const binning = choiceControl(ctx, { key: 'binning', radios: 'ym-binning' });
  wireDataInput(ctx);
  for (const button of ctx.root.querySelectorAll('.ym-sort button')) {
    button.addEventListener('click', () =>
      ctx.propose({ ...ctx.state(), sort: button.dataset.sort }, 'sort'),
    );
  }
  $('ym-use-fitted').addEventListener('click', () =>
    ctx.propose({ ...ctx.state(), t: ctx.results().data.fit.temperature }, 'ym-use-fitted'),
  );
  $('ym-use-one').addEventListener('click', () =>
    ctx.propose({ ...ctx.state(), t: 1 }, 'ym-use-one'),
  );
  wireSceneButtons(
    $('ym-presets'),
    SCENES,
    (scene) => ctx.propose({ ...ctx.state(), ...structuredClone(scene.state) }, 'show-me'),
    ctx.host,
  );
  return {
    ctx,
    controls,
    binning,
    charts: createModelCharts($, readThemeColors(ctx.host.themeElement)),
    drawn: {},
  };
}

/** Each example's line in the file, label, prediction, losses and gradients. */
function worstRowCells(data, rows) {
  const { model, given } = data;
  const label = (i) => (model.kind === 'probability' ? 'soft' : formatNumber(model.labels[i]));
  return rows.map((i) => [
    String(model.firstLine + i),
    label(i),
    formatNumber(given.predicted[i]),
    formatNumber(given.probability[i]),
    formatNumber(given.crossEntropy[i]),
    formatNumber(given.brier[i]),
    formatNumber(given.crossEntropyGradient[i]),
    formatNumber(given.brierGradient[i]),
  ]);
}

function renderData(view, state, { data }) {
  const { $ } = view.ctx;
  const { model, given, fit } = data;
  $('ym-data').value = state.data;
  renderLabelChoices($('ym-label'), model, state.label);
  const labels =
    model.kind === 'probability'
      ? `probabilities in ${model.labelNames.join(', ')}`
      : `labels in ${model.labelNames[0]}`;
  $('ym-columns').textContent =
    model.classes === 1
      ? `One logit (${model.logitNames[0]}) per example, ${labels}: a binary classifier, p = σ(logit).`
      : `${formatNumber(model.classes)} logits per example (${model.logitNames[0]} to ${model.logitNames.at(-1)}), ${labels}: softmax over ${formatNumber(model.classes)} classes.`;
  $('ym-out-rows').textContent = model.rows.toLocaleString('en'); // every digit of a count
  $('ym-out-accuracy').textContent = percent(given.accuracy);
  $('ym-out-ce').textContent = formatNumber(given.meanCrossEntropy);
  $('ym-out-brier').textContent = formatNumber(given.meanBrier);
  $('ym-out-wrong').textContent =
    `${given.confidentlyWrongCount.toLocaleString('en')} (${percent(given.confidentlyWrongCount / model.rows)})`;
  $('ym-share-sentence').textContent = shareSentence(given);
  $('ym-brier-max').textContent = formatNumber(model.classes === 1 ? 1 : 2);
  $('ym-fitted-button-t').textContent = formatNumber(fit.temperature);
  $('ym-out-fitted-t').textContent = formatNumber(fit.temperature);
  $('ym-out-ce-before').textContent = formatNumber(fit.meanCrossEntropyBefore);
  $('ym-out-ce-after').textContent = formatNumber(fit.meanCrossEntropyAfter);
  $('ym-temperature-sentence').textContent = temperatureSentence(
    fit,
    view.ctx.core.limits.model.temperature,
  );
  $('ym-wrong-level').textContent = percent(view.ctx.core.limits.model.confidentlyWrong);
  $('ym-outcome-head').textContent = model.classes === 1 ? 'how often class 1' : 'how often right';
  $('ym-event').textContent =
    model.classes === 1
      ? 'The diagram is about class 1: across, the probability of class 1 the model gave; up, how often it was class 1.'
      : 'The diagram is about the top class: across, the probability the model gave its top class; up, how often the top class was right.';
  drawHistogram(view.charts.gradients, data.gradients);
  drawHistogram(view.charts.losses, data.losses);
}

function renderCalibration(view, state, results) {
  const { $ } = view.ctx;
  const { reliability, givenReliability } = results;
  $('ym-out-t').textContent = formatNumber(state.t);
  $('ym-out-ece').textContent = formatNumber(reliability.ece);
  $('ym-out-ece-given').textContent = formatNumber(givenReliability.ece);
  const split = reliability.brier;
  $('ym-out-split-score').textContent = formatNumber(split.score);
  $('ym-out-split-calibration').textContent = formatNumber(split.calibration);
  $('ym-out-split-refinement').textContent = formatNumber(split.refinement);
  $('ym-out-split-within').textContent = formatNumber(split.withinBin);
  fillRows(
    view.ctx.doc,
    $('ym-bins-body'),
    reliability.bins.map((bin) => [
      `${formatNumber(bin.low)}–${formatNumber(bin.high)}`,
      formatNumber(bin.count),
      formatNumber(bin.meanConfidence),
      formatNumber(bin.meanOutcome),
      formatNumber(bin.meanOutcome - bin.meanConfidence),
    ]),
  );
  $('ym-reliability-note').textContent =
    `${counted(reliability.bins.length, 'bin')} with examples. ${BELOW_DIAGONAL[results.data.model.classes === 1 ? 'binary' : 'top']} ` +
    `the expected calibration error (ECE) is the average gap, weighted by the bins' sizes: ${formatNumber(reliability.ece)} at T = ${formatNumber(state.t)}.`;
  drawReliability(view.charts.reliability, givenReliability, reliability, state.t !== 1);
}

function renderScores(view, state, { curves, report }) {
  const { $ } = view.ctx;
  $('ym-out-log').textContent = formatNumber(report.logScore);
  $('ym-out-brier-score').textContent = formatNumber(report.brier);
  $('ym-out-abs').textContent = formatNumber(report.absolute);
  $('ym-score-sentence').textContent = scoreSentence(state.q, state.r);
  drawScores(view.charts.scores, curves, report, state.r);
}

function render(view, state, results, source) {
  const { $ } = view.ctx;
  if (view.drawn.data !== results.data) {
    renderData(view, state, results);
    view.drawn.data = results.data;
  }
  if (view.drawn.worst !== results.worst) {
    fillRows(view.ctx.doc, $('ym-worst-body'), worstRowCells(results.data, results.worst));
    $('ym-worst-caption').textContent =
      `Sorted by ${SORT_NAMES[state.sort]}, largest first; at T = 1.`;
    for (const button of view.ctx.root.querySelectorAll('.ym-sort button')) {
      button.setAttribute('aria-pressed', String(button.dataset.sort === state.sort));
    }
    view.drawn.worst = results.worst;
  }
  if (
    view.drawn.reliability !== results.reliability ||
    view.drawn.given !== results.givenReliability
  ) {
    renderCalibration(view, state, results);
    view.drawn.reliability = results.reliability;
    view.drawn.given = results.givenReliability;
  }
  renderScores(view, state, results);
  view.binning.render(state.binning);
  for (const control of view.controls) control.render(state, source);
}

/** @type {import('../../shared/panel.js').PanelSpec} */
export default {
  id: 'your-model',
  table,
  scenes: SCENES,
  questions: QUESTIONS,
  storyNumbers,
  liveRegion: 'ym-live',
  // A table the core refuses (a label out of range, a logit beyond 10⁶) is said beside the
  // input, where a file that cannot be read is: one message at a time, cleared by the next
  // good input.
  errorBox: 'ym-data-error',
  createView,
  compute,
  render,
  announce: (state, { data, reliability }) =>
    `${counted(data.model.rows, 'example')}: mean cross-entropy ${formatNumber(data.given.meanCrossEntropy)}, ` +
    `mean Brier ${formatNumber(data.given.meanBrier)}; ECE ${formatNumber(reliability.ece)} at T = ${formatNumber(state.t)}.`,
  setColors: (view, colors) => {
    for (const chart of Object.values(view.charts)) chart.setColors(colors);
    view.drawn = {};
  },
  dispose: (view, ctx) => destroyChartsIn(ctx.root),
};
