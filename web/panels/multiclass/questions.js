// The multi-class lab's predict-then-check questions (see web/shared/questions.js). Each answer
// is judged from the core's numbers when the reader checks it.
import { formatNumber } from '../../shared/number_format.js';

const SHIFT = 100;
const logitsState = (logits, mistake = 'none') => ({
  logits,
  targetClass: 0,
  targetProbs: null,
  mistake,
});

export const QUESTIONS = Object.freeze([
  {
    id: 'shift-logits',
    prompt: `The logits are 2, 1, 0 and the true class is the first. What happens to the cross-entropy if you add ${SHIFT} to every logit?`,
    choices: [
      { id: 'same', text: 'Nothing: it stays the same' },
      { id: 'lower', text: 'It falls: the true class now has a much larger logit' },
      { id: 'overflow', text: 'It cannot be computed: the exponentials overflow' },
    ],
    state: logitsState([2 + SHIFT, 1 + SHIFT, SHIFT]),
    shows: 'mc-prob-chart',
    answer(core) {
      const before = core.multiclassPoint([2, 1, 0], 0).ce;
      const after = core.multiclassPoint([2 + SHIFT, 1 + SHIFT, SHIFT], 0).ce;
      const same = Math.abs(after - before) <= 1e-12 * before;
      return {
        choice: same ? 'same' : after < before ? 'lower' : 'overflow',
        why:
          `Both give CE = ${formatNumber(after)} (before: ${formatNumber(before)}). Softmax ` +
          `only sees differences between logits, and the core subtracts the largest before ` +
          `exponentiating, so nothing overflows.`,
      };
    },
  },
  {
    id: 'sure-and-wrong',
    prompt:
      'The logits are −2, 5, 0 and the true class is the first: the model is sure and wrong. On the true class’s logit, which loss pushes harder?',
    choices: [
      { id: 'ce', text: 'Cross-entropy, by more than 10 times' },
      { id: 'same', text: 'About the same' },
      { id: 'mse', text: 'MSE' },
    ],
    state: logitsState([-2, 5, 0]),
    shows: 'mc-grad-chart',
    answer(core) {
      const point = core.multiclassPoint([-2, 5, 0], 0);
      const ce = Math.abs(point.dceDlogits[0]);
      const mse = Math.abs(point.dmseDlogits[0]);
      const ratio = ce / mse;
      return {
        choice: ratio > 10 ? 'ce' : ratio < 0.5 ? 'mse' : 'same',
        why:
          `On the true class, |dCE/dz| = ${formatNumber(ce)} and |dMSE/dz| = ` +
          `${formatNumber(mse)}: cross-entropy pushes ${formatNumber(ratio)} times harder, ` +
          `because MSE's push passes through the softmax's slope, tiny when the model is sure.`,
      };
    },
  },
  {
    id: 'softmax-twice-floor',
    prompt:
      'A network already ends in softmax, and the loss applies softmax again. With logits 40, 0, 0 and the first class true, the model is as sure as it gets. How low does the loss go?',
    choices: [
      { id: 'zero', text: 'Close to 0, as with the correct loss' },
      { id: 'floor', text: 'It stays well above 0, however sure the model is' },
      { id: 'infinite', text: 'It blows up to infinity' },
    ],
    state: logitsState([40, 0, 0], 'twice'),
    shows: 'mc-prob-chart',
    answer(core) {
      const right = core.multiclassPoint([40, 0, 0], 0).ce;
      const twice = core.softmaxTwicePoint([40, 0, 0], 0).ce;
      return {
        choice: twice < 1e-3 ? 'zero' : Number.isFinite(twice) ? 'floor' : 'infinite',
        why:
          `Applied once, CE = ${formatNumber(right)}; applied twice, ${formatNumber(twice)}. ` +
          `The second softmax sees probabilities between 0 and 1, so its own output can never ` +
          `be more sure than e¹ against e⁰: the loss has a floor.`,
      };
    },
  },
]);
