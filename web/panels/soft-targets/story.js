// The numbers the soft-targets story quotes (web/shared/story.js), at a step's state: BCE, its
// floor H(t) and the KL divergence above it, and MSE at the step's p, from the core; the two
// misses t ± step the chart's asymmetry compares; a confident miss at p = 0.01; the logits of p
// and of t; and the label smoothing that gives the smoothing scene its target.
import { SMOOTHING } from './scenes.js';

const ASYMMETRY_STEP = 0.1; // as the lab's asymmetry sentence: t ± 0.1, closer near 0 or 1
const CONFIDENT_MISS = 0.01;

/** @param {object} core  @param {{t: number, p: number}} state */
export function storyNumbers(core, { t, p }) {
  const at = (prediction) => core.softTargetPointAtP(prediction, t);
  const point = at(p);
  const room = Math.min(t, 1 - t);
  const step = Math.min(ASYMMETRY_STEP, room / 2);
  const numbers = {
    t,
    p: point.p,
    bce: point.bce,
    mse: point.mse,
    entropy: point.entropy,
    kl: point.kl,
    // dBCE/dz = p − t: the push on the logit z = logit(p).
    grad: point.dbceDz,
    z: core.logit(p),
    epsilon: SMOOTHING.epsilon,
    classes: SMOOTHING.classes,
    pMiss: CONFIDENT_MISS,
    bceMiss: at(CONFIDENT_MISS).bce,
    mseMiss: at(CONFIDENT_MISS).mse,
  };
  if (room > 0) {
    // The logit where p = t, and the cost of missing t by `step` on either side.
    const [below, above] = [at(t - step), at(t + step)];
    Object.assign(numbers, {
      zTarget: core.logit(t),
      step,
      klBelow: below.kl,
      klAbove: above.kl,
      klRatio: above.kl / below.kl,
      mseStep: below.mse,
    });
  }
  return numbers;
}
