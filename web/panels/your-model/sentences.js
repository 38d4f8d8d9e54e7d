// The lab's generated sentences: each reads as English for every input, including the edges
// (one example, no gradient at all, a temperature at its limit, a belief of 0 or 1).
import { compareWords, SIZE } from '../../shared/ratio_words.js';
import { counted } from '../../shared/counted.js';
import { formatNumber } from '../../shared/number_format.js';

export const percent = (share) => `${formatNumber(100 * share)} %`;

/** Whether any example has a gradient that is not 0. */
const pulls = (gradients) => gradients.some((value) => value > 0);

/** The mission's point on the reader's own model: who carries the gradient. */
export function shareSentence(scores) {
  const { count, crossEntropy, brier } = scores.worstShare;
  const rows = scores.crossEntropy.length;
  const one = count === 1;
  const who = one
    ? `The example with the largest cross-entropy (the 1 % most confidently wrong of ${counted(rows, 'example')} rounds up to one)`
    : `The ${formatNumber(count)} examples with the largest cross-entropy (the 1 % most confidently wrong)`;
  const carry = one ? 'carries' : 'carry';
  const their = one ? 'its' : 'their';
  // A share is 0 also when its total is 0 (core docs): say which.
  if (!pulls(scores.crossEntropyGradient)) {
    return `${who} ${carry} no gradient at all: every example is already predicted exactly, so neither loss pulls on any.`;
  }
  if (!pulls(scores.brierGradient)) {
    return (
      `${who} ${carry} ${percent(crossEntropy)} of the total cross-entropy gradient; the Brier ` +
      `gradient is 0 on every example, as the model's probabilities round to exactly 0 or 1 where it is off, so Brier does not pull at all.`
    );
  }
  const shares = `${who} ${carry} ${percent(crossEntropy)} of the total cross-entropy gradient and ${percent(brier)} of the total Brier gradient`;
  if (crossEntropy === 0 && brier === 0) {
    return `${shares}: ${their} cross-entropy is all ${their} soft ${one ? "label's" : "labels'"} own uncertainty, which no gradient removes, so both losses pull only on other examples.`;
  }
  if (crossEntropy === 0 || brier === 0) {
    return `${shares}: ${brier === 0 ? 'Brier' : 'cross-entropy'} pulls only on other examples.`;
  }
  const comparison = compareWords(
    crossEntropy,
    brier,
    SIZE,
    `${their} share of the Brier gradient`,
  );
  return `${shares}: under cross-entropy ${their} share is ${comparison}.`;
}

/** What the best temperature says about the model. */
export function temperatureSentence(fit, limits) {
  const { temperature: T, meanCrossEntropyBefore: before, meanCrossEntropyAfter: after } = fit;
  const change = `mean cross-entropy goes from ${formatNumber(before)} to ${formatNumber(after)}`;
  if (fit.atLimit) {
    const end = T < 1 ? limits.min : limits.max;
    return T < 1
      ? `Cross-entropy keeps falling as T shrinks to the smallest allowed, ${formatNumber(end)}: the model separates the classes perfectly, so sharper is always better here (${change}).`
      : `Cross-entropy keeps falling as T grows to the largest allowed, ${formatNumber(end)}: the logits carry no usable signal, and the flatter the probabilities the better (${change}).`;
  }
  if (formatNumber(T) === '1') {
    return `The best temperature is T = ${formatNumber(T)}: the logits are already at the right scale (${change}).`;
  }
  return T > 1
    ? `The logits are too large: dividing them by T = ${formatNumber(T)} fits best, and ${change}. The model was overconfident.`
    : `The logits are too small: dividing them by T = ${formatNumber(T)} (that is, multiplying them by ${formatNumber(1 / T)}) fits best, and ${change}. The model was underconfident.`;
}

/** x − ln(1 + x), also near x = 0, where the two cancel (there its series, six terms: the
 *  error is below x⁶ ≤ 10⁻¹⁸ relative to x²/2). */
function xMinusLog1p(x) {
  if (Math.abs(x) > 1e-3) return x - Math.log1p(x);
  let sum = 0;
  for (let k = 7; k >= 2; k -= 1) sum = x * (1 / k - sum);
  return x * sum;
}

/**
 * What reporting r instead of the belief q (0 < q < 1) costs above the truth: exactly
 * KL(q ‖ r) more expected log score and (r − q)² more expected Brier. These are the
 * differences of the core's expected scores at r and at q, written without the cancellation a
 * subtraction suffers for r near q (at r = q + 10⁻⁹ it would say the report costs nothing):
 * with a = (r − q)/q and b = (q − r)/(1 − q), KL(q ‖ r) = q(a − ln(1 + a)) + (1 − q)(b − ln(1 + b)),
 * two terms that are never negative.
 */
export function extraCosts(q, r) {
  const a = (r - q) / q;
  const b = (q - r) / (1 - q);
  return {
    logScore: q * xMinusLog1p(a) + (1 - q) * xMinusLog1p(b),
    brier: (r - q) ** 2,
  };
}

/** What the forecaster's report costs against the truth, and where each score is smallest. */
export function scoreSentence(q, r) {
  const exaggerate =
    q === 0.5
      ? 'Absolute error costs the same for every report: it gives no reason to tell the truth, so it is not proper.'
      : `Absolute error is smallest at ${q > 0.5 ? 'the highest report, r → 1' : 'the lowest report, r → 0'}: it pays to exaggerate, so it is not proper.`;
  if (q === 0 || q === 1) {
    // A certain belief: every score, absolute error too, is least at the truth.
    return `With q = ${formatNumber(q)} the outcome is certain: the log score, Brier and absolute error all fall toward 0 as r approaches ${formatNumber(q)}, so here even absolute error rewards the truth. Only a belief strictly between 0 and 1 shows them apart.`;
  }
  const extra = extraCosts(q, r);
  const cost =
    r === q
      ? `Reporting r = q = ${formatNumber(q)}, your belief, is the cheapest report under the log score and Brier.`
      : `Reporting r = ${formatNumber(r)} instead of your belief q = ${formatNumber(q)} costs ${formatNumber(extra.logScore)} more log score and ${formatNumber(extra.brier)} more Brier than the truth would.`;
  return `${cost} ${exaggerate}`;
}
