// What the soft-targets story must show at a step's state, from the closed forms of
// tests/e2e/atlas/binary_reference.mjs (not the page's core): BCE, H(t), KL(t ‖ p) and MSE,
// BCE's gradient p − t on the logit, and the logit ln(p / (1 − p)).
import { softTargetAt } from '../atlas/binary_reference.mjs';

// The smoothing scene's label smoothing, as the lab's preset hint states it: ε = 0.1, K = 2.
const SMOOTHING = { epsilon: 0.1, classes: 2 };
const CONFIDENT_MISS = 0.01; // the story's confident miss
const logit = (p) => Math.log(p / (1 - p));

export function expected({ t, p }) {
  const point = softTargetAt(p, t);
  const miss = softTargetAt(CONFIDENT_MISS, t);
  const numbers = {
    t,
    p,
    bce: point.bce,
    mse: point.mse,
    entropy: point.entropy,
    kl: point.kl,
    grad: p - t,
    z: logit(p),
    epsilon: SMOOTHING.epsilon,
    classes: SMOOTHING.classes,
    pMiss: CONFIDENT_MISS,
    bceMiss: miss.bce,
    mseMiss: miss.mse,
  };
  // The misses the lab's asymmetry sentence compares: t ± 0.1, or half the room to 0 or 1.
  const room = Math.min(t, 1 - t);
  if (room > 0) {
    const step = Math.min(0.1, room / 2);
    const [below, above] = [softTargetAt(t - step, t), softTargetAt(t + step, t)];
    Object.assign(numbers, {
      zTarget: logit(t),
      step,
      klBelow: below.kl,
      klAbove: above.kl,
      klRatio: above.kl / below.kl,
      mseStep: step * step,
    });
  }
  return numbers;
}
