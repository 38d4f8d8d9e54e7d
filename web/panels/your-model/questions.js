// The your-model lab's predict-then-check questions (see web/shared/questions.js). Each answer
// is judged from the core's numbers when the reader checks it.
import { formatNumber } from '../../shared/number_format.js';
import { EXAMPLES } from './examples.js';
import { modelColumns } from './columns.js';
import { readTable } from './model_results.js';
import { percent } from './sentences.js';

const GRID = 1000; // reports r = 1/1000, 2/1000, …, 999/1000, the truth 0.7 among them

/** The report on the grid where `score` is smallest for belief q, and its value there. (The
 *  curves' own points, (i + ½)/n, would leave the truth out and answer r = 0.7002.) */
function bestReport(core, q, score) {
  let best = null;
  for (let k = 1; k < GRID; k += 1) {
    const r = k / GRID;
    const value = core.expectedScore(q, r)[score];
    if (best === null || value < best.value) best = { r, value };
  }
  return best;
}

const exampleModel = (core, name) => modelColumns(readTable(core, EXAMPLES[name].text), 'auto');

export const QUESTIONS = Object.freeze([
  {
    id: 'honest-brier',
    prompt:
      'You believe it rains with probability q = 0.7. Which report costs the least expected Brier score?',
    choices: [
      { id: 'truth', text: 'r = 0.7, what you believe' },
      { id: 'sure', text: 'r as close to 1 as allowed' },
      { id: 'half', text: 'r = 0.5, hedging' },
    ],
    state: { q: 0.7, r: 0.5 },
    shows: 'ym-score-chart',
    answer(core) {
      const best = bestReport(core, 0.7, 'brier');
      const choice = Math.abs(best.r - 0.7) < 0.002 ? 'truth' : best.r > 0.9 ? 'sure' : 'half';
      return {
        choice,
        why: `On a grid of reports 0.001 apart, the expected Brier score is smallest at r = ${formatNumber(best.r)}, where it is ${formatNumber(best.value)}: the Brier score is proper, so the truth pays best.`,
      };
    },
  },
  {
    id: 'absolute-exaggerates',
    prompt: 'Same belief, q = 0.7. Which report costs the least expected absolute error?',
    choices: [
      { id: 'truth', text: 'r = 0.7, what you believe' },
      { id: 'sure', text: 'r as close to 1 as allowed' },
      { id: 'half', text: 'r = 0.5, hedging' },
    ],
    state: { q: 0.7, r: 0.7 },
    shows: 'ym-score-chart',
    answer(core) {
      const best = bestReport(core, 0.7, 'absolute');
      const truth = core.expectedScore(0.7, 0.7).absolute;
      const choice = Math.abs(best.r - 0.7) < 0.002 ? 'truth' : best.r > 0.9 ? 'sure' : 'half';
      return {
        choice,
        why: `The expected absolute error falls all the way to r = ${formatNumber(best.r)} (${formatNumber(best.value)}, against ${formatNumber(truth)} for the truth): it is a straight line in r, so it pays to exaggerate.`,
      };
    },
  },
  {
    id: 'temperature-direction',
    prompt:
      'The digits model is too sure of itself. To make its probabilities honest, is the best temperature T above 1 or below?',
    choices: [
      { id: 'above', text: 'Above 1: divide the logits by more than 1' },
      { id: 'below', text: 'Below 1: sharpen them further' },
      { id: 'one', text: 'Exactly 1: temperature cannot help' },
    ],
    state: { data: 'digits', t: 1 },
    shows: 'ym-reliability-chart',
    answer(core) {
      const model = exampleModel(core, 'digits');
      const fit = core.fitTemperature(model.logits, model.classes, model.labels, {
        labelKind: model.kind,
      });
      const choice = fit.temperature > 1 ? 'above' : fit.temperature < 1 ? 'below' : 'one';
      return {
        choice,
        why: `The best T is ${formatNumber(fit.temperature)}: mean cross-entropy falls from ${formatNumber(fit.meanCrossEntropyBefore)} to ${formatNumber(fit.meanCrossEntropyAfter)}. Dividing by T > 1 pulls every probability toward the middle.`,
      };
    },
  },
  {
    id: 'who-pulls',
    prompt:
      'In the breast-cancer model, do the 1 % most confidently wrong examples carry a larger share of the cross-entropy gradient or of the Brier gradient?',
    choices: [
      { id: 'ce', text: "Of cross-entropy's" },
      { id: 'brier', text: "Of Brier's" },
      { id: 'same', text: 'About the same share of each' },
    ],
    state: { data: 'breast-cancer', t: 1, sort: 'ce' },
    shows: 'ym-gradient-chart',
    answer(core) {
      const model = exampleModel(core, 'breast-cancer');
      const { worstShare } = core.scoreExamples(model.logits, model.classes, model.labels, {
        labelKind: model.kind,
      });
      const ratio = worstShare.crossEntropy / worstShare.brier;
      const choice = ratio > 1.1 ? 'ce' : ratio < 1 / 1.1 ? 'brier' : 'same';
      return {
        choice,
        why: `They carry ${percent(worstShare.crossEntropy)} of the cross-entropy gradient and ${percent(worstShare.brier)} of the Brier gradient: a confident mistake's cross-entropy gradient stays near its largest, while Brier's fades as p(1 − p) goes to 0.`,
      };
    },
  },
]);
