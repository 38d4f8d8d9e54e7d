// What the multi-class story must show at a step's state, from the closed forms of
// tests/e2e/reference.mjs (not the page's core): softmax, CE and MSE with their gradients, the
// same for softmax applied twice and for probabilities passed as logits, the second softmax's
// best case e / (e + K − 1), and the textbook softmax's sum of e^z.
import { multiclassPoint, softmax, softmaxTwicePoint } from '../reference.mjs';

export function expected({ logits, targetClass, mistake }) {
  const k = logits.length;
  const correct = multiclassPoint(logits, targetClass);
  const seen =
    mistake === 'twice'
      ? softmaxTwicePoint(logits, targetClass)
      : mistake === 'probs'
        ? multiclassPoint(softmax(logits), targetClass)
        : correct;
  // A one-hot input to a second softmax: the true class gets e¹ against K − 1 terms e⁰.
  const sMax = Math.E / (Math.E + k - 1);
  const numbers = {
    k,
    ce: seen.ce,
    mse: seen.mse,
    ceRight: correct.ce,
    ratio: Math.abs(seen.dceDlogits[targetClass] / seen.dmseDlogits[targetClass]),
    sMax,
    ceFloor: -Math.log(sMax),
    zMax: Math.max(...logits),
    // The unshifted sum: e^1000 is past the largest double, so it overflows to Infinity.
    naiveSum: logits.reduce((sum, z) => sum + Math.exp(z), 0),
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
