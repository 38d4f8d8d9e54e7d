// The soft-targets lab's predict-then-check questions (see web/shared/questions.js). Each
// answer is judged from the core's numbers when the reader checks it.
import { formatNumber } from '../../shared/number_format.js';

const P_GRID = 999; // p = 0.001, 0.002, …, 0.999

/** The p on the grid where `loss` is smallest for target t, and its value there. */
function smallestOnGrid(core, t, loss) {
  let best = { p: NaN, value: Infinity };
  for (let i = 1; i <= P_GRID; i += 1) {
    const p = i / (P_GRID + 1);
    const value = core.softTargetPointAtP(p, t)[loss];
    if (value < best.value) best = { p, value };
  }
  return best;
}

export const QUESTIONS = Object.freeze([
  {
    id: 'bce-floor',
    prompt: 'The target is t = 0.6. Where is BCE smallest, and is it 0 there?',
    choices: [
      { id: 'zero', text: 'At p = 0.6, and it is 0 there' },
      { id: 'above', text: 'At p = 0.6, but it stays above 0' },
      { id: 'one', text: 'At p = 1, the more confident the better' },
    ],
    state: { t: 0.6, p: 0.6 },
    shows: 'soft-chart',
    answer(core) {
      const best = smallestOnGrid(core, 0.6, 'bce');
      const atOne = core.softTargetPointAtP(0.999, 0.6).bce;
      const choice = best.p > 0.99 ? 'one' : best.value < 1e-12 ? 'zero' : 'above';
      return {
        choice,
        why:
          `BCE is smallest at p = ${formatNumber(best.p)}, where it is ` +
          `${formatNumber(best.value)}: the target's own entropy H(0.6). Near p = 1 it is ` +
          `${formatNumber(atOne)}. Only the KL part can be trained away.`,
      };
    },
  },
  {
    id: 'same-minimum',
    prompt: 'With t = 0.9, are MSE and BCE smallest at the same p?',
    choices: [
      { id: 'same', text: 'Yes, both at p = 0.9' },
      { id: 'mse-higher', text: 'No: MSE prefers a larger p' },
      { id: 'mse-lower', text: 'No: MSE prefers a smaller p' },
    ],
    state: { t: 0.9, p: 0.9 },
    shows: 'soft-chart',
    answer(core) {
      const bce = smallestOnGrid(core, 0.9, 'bce');
      const mse = smallestOnGrid(core, 0.9, 'mse');
      const gap = mse.p - bce.p;
      const choice = Math.abs(gap) < 0.002 ? 'same' : gap > 0 ? 'mse-higher' : 'mse-lower';
      return {
        choice,
        why:
          `On a grid of steps of 0.001, BCE is smallest at p = ${formatNumber(bce.p)} and MSE ` +
          `at p = ${formatNumber(mse.p)}. Both losses are proper: they are minimised by ` +
          `predicting the target itself. They differ in how hard they pull from far away.`,
      };
    },
  },
  {
    id: 'trainable-part',
    prompt:
      'At t = 0.9 and p = 0.25, BCE is the entropy H(t) plus KL(t ‖ p). Which part can training on p remove?',
    choices: [
      { id: 'all', text: 'All of it' },
      { id: 'kl', text: 'Only the KL part; H(t) stays' },
      { id: 'entropy', text: 'Only the entropy part' },
    ],
    state: { t: 0.9, p: 0.25 },
    shows: 'soft-chart',
    answer(core) {
      const far = core.softTargetPointAtP(0.25, 0.9);
      const there = core.softTargetPointAtP(0.9, 0.9);
      const entropyMoves = Math.abs(far.entropy - there.entropy) > 1e-12;
      const choice = entropyMoves ? 'entropy' : there.kl < 1e-12 ? 'kl' : 'all';
      return {
        choice,
        why:
          `At p = 0.25, H(t) = ${formatNumber(far.entropy)} and KL = ${formatNumber(far.kl)}; ` +
          `at p = 0.9 the KL is ${formatNumber(there.kl)} and BCE is ` +
          `${formatNumber(there.bce)} = H(t). The entropy does not depend on p at all.`,
      };
    },
  },
]);
