// The numbers the multi-class story quotes (web/shared/story.js), at a step's state: the logits,
// the probabilities, losses and gradients the loss sees (with the step's mistake, if any) and the
// correct ones beside them, the most a second softmax can give the true class and the loss's
// floor then, and the textbook softmax's sum, which overflows for large logits.

/** @param {object} core  @param {{logits: number[], targetClass: number, mistake: string}} state */
export function storyNumbers(core, { logits, targetClass, mistake }) {
  const k = logits.length;
  const correct = core.multiclassPoint(logits, targetClass);
  let seen = correct;
  if (mistake === 'twice') seen = core.softmaxTwicePoint(logits, targetClass);
  if (mistake === 'probs') seen = core.multiclassPoint(core.softmax(logits), targetClass);
  // A model sure of the true class hands the second softmax a one-hot vector: its best case.
  const oneHot = logits.map((_, i) => (i === targetClass ? 1 : 0));
  const best = core.multiclassPoint(oneHot, targetClass);
  const numbers = {
    k,
    ce: seen.ce,
    mse: seen.mse,
    ceRight: correct.ce,
    ratio: Math.abs(seen.dceDlogits[targetClass] / seen.dmseDlogits[targetClass]),
    sMax: best.probs[targetClass],
    ceFloor: best.ce,
    zMax: Math.max(...logits),
    naiveSum: core.naiveSoftmax(logits).sum,
  };
  logits.forEach((z, i) => {
    Object.assign(numbers, {
      [`z${i}`]: z,
      [`s${i}`]: seen.probs[i],
      [`dce${i}`]: seen.dceDlogits[i],
      [`dmse${i}`]: seen.dmseDlogits[i],
      [`dceRight${i}`]: correct.dceDlogits[i],
    });
  });
  return numbers;
}
