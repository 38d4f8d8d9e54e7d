// The next-token lab: cross-entropy as a language model meets it. A short sentence, a small
// vocabulary, the model's logits at every prediction; the probabilities at the chosen one,
// the loss −ln p at each word, their mean and the perplexity. Every number comes from the core
// (tokenSequencePoint).
import { createBarChart } from '../../charts/bar_chart.js';
import { readThemeColors } from '../../shared/theme.js';
import { fillRows } from '../../shared/controls.js';
import { counted } from '../../shared/counted.js';
import { formatNumber } from '../../shared/number_format.js';
import { wireSceneButtons } from '../../shared/scenes.js';
import { fillExplanationNumbers } from './explanation_numbers.js';
import { gradientRows, lossNote, perplexitySentence, probabilityNote, wrongHint } from './notes.js';
import { QUESTIONS } from './questions.js';
import { SCENES, confidentlyWrongState } from './scenes.js';
import { sequencePoint } from './sequence_point.js';
import { storyNumbers } from './story.js';
import {
  POSITIONS,
  SENTENCE,
  TARGETS,
  VOCABULARY,
  contextOf,
  defaultLogits,
  nextWordOf,
  table,
  withRow,
} from './state.js';
import { createTokenChips } from './token_chips.js';
import { createTokenLossChart } from './token_loss_chart.js';
import { createVocabRows } from './vocab_rows.js';
import { destroyChartsIn } from '../../charts/chart_setup.js';

/** The state's point, and the state "confidently wrong" would lead to with its point. */
function compute(core, state) {
  const wrongState = confidentlyWrongState(state, core.limits.tokenLogit.max);
  return {
    point: sequencePoint(core, state),
    wrong: { row: wrongState.logits[state.position], point: sequencePoint(core, wrongState) },
  };
}

function wireActions(ctx) {
  const { $ } = ctx;
  $('nt-wrong').addEventListener('click', () => {
    ctx.propose(confidentlyWrongState(ctx.state(), ctx.core.limits.tokenLogit.max), 'wrong');
  });
  $('nt-reset-step').addEventListener('click', () => {
    const state = ctx.state();
    ctx.propose(withRow(state, defaultLogits()[state.position]), 'reset-step');
  });
  $('nt-reset').addEventListener('click', () => ctx.reset());
  wireSceneButtons(
    $('nt-scenes'),
    SCENES,
    (scene) => ctx.propose({ ...ctx.state(), ...structuredClone(scene.state) }, 'show-me'),
    ctx.host,
  );
}

function createView(ctx) {
  const { $ } = ctx;
  const colors = readThemeColors(ctx.host.themeElement);
  wireActions(ctx);
  // Counts of the sentence's predictions (with their noun) and of the vocabulary, wherever the
  // page names them.
  const counts = { positions: counted(POSITIONS, 'word'), vocabulary: VOCABULARY.length };
  for (const span of ctx.root.querySelectorAll('[data-count]')) {
    span.textContent = String(counts[span.dataset.count]);
  }
  // The core's own bound on a logit (createView runs before the parameter kinds can read it).
  const range = ctx.core.limits.tokenLogit;
  $('nt-logit-range').textContent = `${formatNumber(range.min)} to ${formatNumber(range.max)}`;
  return {
    ctx,
    chips: createTokenChips(ctx, $('nt-tokens')),
    rows: createVocabRows(ctx, $('nt-words')),
    probChart: createBarChart($('nt-prob-chart'), colors, {
      series: [
        { label: 'probability', colorKey: 'ce' },
        { label: 'the right next word', colorKey: 'muted', outlined: true },
      ],
      xTitle: 'word',
      yTitle: 'probability',
      yMin: 0,
      yMax: 1,
    }),
    lossChart: createTokenLossChart($('nt-loss-chart'), colors),
  };
}

function renderReadouts($, state, point) {
  const word = nextWordOf(state.position);
  $('nt-context').textContent =
    `After “${contextOf(state.position)}” the model should predict “${word}”.`;
  $('nt-out-loss-label').textContent = `Loss at “${word}”, −ln p`;
  $('nt-out-loss').textContent = formatNumber(point.losses[state.position]);
  $('nt-out-p-label').textContent = `Probability of “${word}”, p`;
  $('nt-out-p').textContent = formatNumber(point.probs[TARGETS[state.position]]);
  $('nt-out-mean').textContent = formatNumber(point.meanLoss);
  $('nt-out-perplexity').textContent = formatNumber(point.perplexity);
  $('nt-perplexity-text').textContent = perplexitySentence(point);
}

function renderCharts(view, state, point) {
  const { $ } = view.ctx;
  const target = TARGETS[state.position];
  const words = SENTENCE.slice(1);
  view.probChart.set(VOCABULARY, [point.probs, VOCABULARY.map((_, i) => (i === target ? 1 : 0))]);
  view.probChart.render();
  view.lossChart.set(words, point.losses, point.meanLoss, state.position);
  view.lossChart.render();
  const probs = VOCABULARY.map((w, i) => `${w} ${formatNumber(point.probs[i])}`).join(', ');
  $('nt-prob-chart').setAttribute(
    'aria-label',
    `Probabilities for the word after “${contextOf(state.position)}”: ${probs}. The right next word is ${VOCABULARY[target]}.`,
  );
  const losses = words.map((w, n) => `${w} ${formatNumber(point.losses[n])}`).join(', ');
  $('nt-loss-chart').setAttribute(
    'aria-label',
    `Loss −ln p at each word: ${losses}; mean ${formatNumber(point.meanLoss)}. Chosen: ${nextWordOf(state.position)}.`,
  );
  $('nt-prob-note').textContent = probabilityNote(state, point);
  $('nt-loss-note').textContent = lossNote(state, point);
}

function render(view, state, { point, wrong }, source) {
  const { $, doc } = view.ctx;
  view.chips.render(state);
  view.rows.render(state, source);
  renderReadouts($, state, point);
  renderCharts(view, state, point);
  fillRows(doc, $('nt-gradient-rows'), gradientRows(state, point));
  $('nt-wrong-hint').textContent = wrongHint(state, wrong);
  const current = $('nt-ex-perplexity');
  if (current) current.textContent = formatNumber(point.perplexity);
}

/** @type {import('../../shared/panel.js').PanelSpec} */
export default {
  id: 'next-token',
  table,
  scenes: SCENES,
  storyNumbers,
  questions: QUESTIONS,
  liveRegion: 'nt-live',
  createView,
  compute,
  render,
  announce: (state, { point }) =>
    `Predicting ${nextWordOf(state.position)}: p ${formatNumber(point.probs[TARGETS[state.position]])}, ` +
    `loss ${formatNumber(point.losses[state.position])}. Mean loss ${formatNumber(point.meanLoss)}, ` +
    `perplexity ${formatNumber(point.perplexity)}.`,
  setColors(view, colors) {
    view.probChart.setColors(colors);
    view.lossChart.setColors(colors);
  },
  /** The explanations' numbers and "Show me" buttons, once the charts are on screen. */
  afterFirstFrame(ctx, api) {
    const explanations = ctx.root.querySelector('.explanations');
    if (!explanations || explanations.hidden) return;
    for (const problem of fillExplanationNumbers(explanations, ctx.core)) {
      ctx.notices.show(`A number in the explanations could not be computed (${problem}).`);
    }
    wireSceneButtons(explanations, SCENES, (scene) => api.showScene(scene.id), ctx.host);
  },
  dispose: (view, ctx) => destroyChartsIn(ctx.root),
};
