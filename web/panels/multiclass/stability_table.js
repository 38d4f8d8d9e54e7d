// The multi-class lab's overflow demonstration: softmax computed naively (exp of each logit,
// then divided by their sum) next to the stable log-sum-exp form, for logits the reader types.
// What goes wrong is read from the core's naive terms and their sum, never assumed: a sum of
// +∞ is an overflow (∞ ÷ ∞ for a term that overflowed itself), a sum of 0 an underflow (0 ÷ 0).
import { fillRows } from '../../shared/controls.js';
import { formatNumber } from '../../shared/number_format.js';

export function computeStability(core, demo) {
  return {
    naive: core.naiveSoftmax(demo),
    stable: core.softmax(demo),
    ce: demo.map((_, i) => core.multiclassPoint(demo, i).ce),
  };
}

/** How the naive sum failed: 'overflow' (+∞), 'underflow' (0) or null (it is usable). */
export function naiveFailure({ sum }) {
  if (sum === Infinity) return 'overflow';
  if (sum === 0) return 'underflow';
  return null;
}

function naiveCellText(naive, i) {
  const value = naive.probs[i];
  if (!Number.isNaN(value)) return formatNumber(value);
  // What the code gets is NaN; the cell says what that stands for, in words.
  return `not a number (${naive.exponentials[i] === Infinity ? '∞ ÷ ∞' : '0 ÷ 0'})`;
}

/** One sentence on what the naive formula did with these logits, from its actual terms. */
export function naiveExplanation(demo, naive) {
  const largest = formatNumber(Math.max(...demo));
  const failure = naiveFailure(naive);
  if (failure === 'overflow') {
    return naive.exponentials.some((e) => e === Infinity)
      ? `Here the naive formula overflows: exp(${largest}) is larger than any double, so it and the sum become ∞, and ∞ ÷ ∞ has no defined value.`
      : `Here the naive formula overflows: each exp(z) fits in a double but their sum does not, so the sum is ∞ and every probability comes out as 0.`;
  }
  if (failure === 'underflow') {
    return `Here the naive formula underflows: even the largest term, exp(${largest}), is smaller than the smallest positive double, so every term and the sum round to 0, and 0 ÷ 0 has no defined value.`;
  }
  // Below 2⁻¹⁰²² doubles are subnormal: they keep fewer significant bits the smaller they are,
  // so terms that did not round to 0 may still have lost digits.
  if (Math.max(...naive.exponentials) < 2 ** -1022) {
    return `Here the naive formula barely works: even the largest term, exp(${largest}), is smaller than the smallest normal double, where doubles keep fewer digits, so its probabilities lose accuracy; compare them with the stable ones.`;
  }
  return 'Here the naive formula works: every exp(z) and their sum fit in a double. A large enough logit makes it overflow, and logits that are all negative enough make it underflow.';
}

export function renderStability(doc, { body, explanation }, demo, { naive, stable, ce }) {
  const rows = demo.map((z, i) => [
    `class ${i + 1}`,
    formatNumber(z),
    naiveCellText(naive, i),
    formatNumber(stable[i]),
    formatNumber(ce[i]),
  ]);
  fillRows(doc, body, rows, (r, c) => (c === 2 && Number.isNaN(naive.probs[r]) ? 'broken' : ''));
  explanation.textContent = naiveExplanation(demo, naive);
}
