// The likelihood lab's predict-then-check questions (see web/shared/questions.js). Each answer
// is judged from the core's numbers when the reader checks it.
import { formatNumber as f } from '../../shared/number_format.js';

const DATA = Object.freeze([1, 2, 2.5, 4, 9]);
const FAR = Object.freeze([1, 2, 2.5, 4, 50]);
const OUTLIER_MOVE = { from: 9, to: 50 };

/** How far the best center moves when the outlier moves from 9 to 50, under one model. */
function bestMove(core, dist, scale) {
  const before = core.likelihoodFit(dist, DATA, scale).best;
  const after = core.likelihoodFit(dist, FAR, scale).best;
  const moved = after - before;
  return { before, after, moved, share: moved / (OUTLIER_MOVE.to - OUTLIER_MOVE.from) };
}

export const QUESTIONS = Object.freeze([
  {
    id: 'laplace-outlier',
    prompt:
      'Under a Laplace model of the data 1, 2, 2.5, 4, 9, the outlier moves from 9 to 50. How far does the best μ move?',
    choices: [
      { id: 'none', text: 'Not at all' },
      { id: 'little', text: 'A little, toward the outlier' },
      { id: 'lots', text: 'About as far as the outlier' },
    ],
    state: { dist: 'laplace', data: [...FAR], mu: 2.5, b: 2 },
    shows: 'lk-nll-chart',
    answer(core) {
      const { before, after, moved } = bestMove(core, 'laplace', 2);
      const travel = OUTLIER_MOVE.to - OUTLIER_MOVE.from;
      const choice = moved === 0 ? 'none' : Math.abs(moved) < travel / 2 ? 'little' : 'lots';
      return {
        choice,
        why:
          `The best μ is the median: ${f(before)} before and ${f(after)} after. The outlier ` +
          'is still the largest value, and the median only asks which value is in the middle, ' +
          'not how far the others are.',
      };
    },
  },
  {
    id: 'gaussian-outlier',
    prompt: 'The same move of the outlier, from 9 to 50, under a Gaussian model. How far now?',
    choices: [
      { id: 'none', text: 'Not at all' },
      { id: 'fifth', text: 'A fifth of the way: one point in five moved' },
      { id: 'all', text: 'All the way, as far as the outlier' },
    ],
    state: { dist: 'gaussian', data: [...FAR], mu: 11.9, sigma: 2 },
    shows: 'lk-nll-chart',
    answer(core) {
      const { before, after, moved, share } = bestMove(core, 'gaussian', 2);
      const n = DATA.length;
      const candidates = { none: 0, fifth: 1 / n, all: 1 };
      const choice = Object.keys(candidates).reduce((a, b) =>
        Math.abs(candidates[a] - share) <= Math.abs(candidates[b] - share) ? a : b,
      );
      return {
        choice,
        why:
          `The best μ is the mean: ${f(before)} before, ${f(after)} after, a move of ` +
          `${f(moved)}, which is ${f(share)} of the outlier's move. Every point pulls on the ` +
          'mean in proportion to its distance, so the far one drags it along.',
      };
    },
  },
  {
    id: 'wider-sigma',
    prompt: 'Under the Gaussian model, double σ from 2 to 4. What happens to the best μ?',
    choices: [
      { id: 'same', text: 'It stays where it is' },
      { id: 'toward-outlier', text: 'It moves toward the outlier' },
      { id: 'away', text: 'It moves away from the outlier' },
    ],
    state: { dist: 'gaussian', data: [...DATA], mu: 3.7, sigma: 4 },
    shows: 'lk-nll-chart',
    answer(core) {
      const [narrow, wide] = [2, 4].map((sigma) => core.likelihoodFit('gaussian', DATA, sigma));
      const at = (sigma, best) => core.likelihoodPoint('gaussian', DATA, best, sigma);
      const [a, b] = [at(2, narrow.best), at(4, wide.best)];
      const moved = wide.best - narrow.best;
      const choice = moved === 0 ? 'same' : moved > 0 ? 'toward-outlier' : 'away';
      return {
        choice,
        why:
          `The best μ is ${f(narrow.best)} with σ = 2 and ${f(wide.best)} with σ = 4. σ only ` +
          `changes the scale (${f(a.lossScale)} to ${f(b.lossScale)}) and the constant ` +
          `(${f(a.offset)} to ${f(b.offset)}) that turn MSE into the NLL, and neither moves ` +
          'the lowest point.',
      };
    },
  },
  {
    id: 'all-ones',
    prompt:
      'Five labels, all of them 1. Which probability p of a 1 gives the Bernoulli model the smallest NLL?',
    choices: [
      { id: 'high', text: 'Something high but safe, such as 0.99' },
      { id: 'one', text: 'p = 1, which no finite logit z reaches: the NLL keeps falling' },
      { id: 'half', text: 'p = 0.5, to hedge' },
    ],
    state: { dist: 'bernoulli', outcomes: [1, 1, 1, 1, 1], z: 3 },
    shows: 'lk-nll-chart',
    answer(core) {
      const labels = [1, 1, 1, 1, 1];
      const fit = core.likelihoodFit('bernoulli', labels, 1);
      const [at3, at10] = [3, 10].map((z) => core.likelihoodPoint('bernoulli', labels, z, 1));
      const choice = !fit.attained ? 'one' : fit.shareOfOnes > 0.9 ? 'high' : 'half';
      return {
        choice,
        why:
          `The best p is the share of ones, ${f(fit.shareOfOnes)}, and no finite z reaches it: ` +
          `the mean NLL is ${f(at3.meanNll)} at z = 3 (p = ${f(at3.p)}) and ` +
          `${f(at10.meanNll)} at z = 10, still falling. This is why a classifier trained on ` +
          'separable data keeps growing its logits.',
      };
    },
  },
]);
