// The multi-class lab's overflow demonstration: softmax computed naively (exp of each logit,
// then divided by their sum) next to the stable log-sum-exp form, for logits the reader types.
import { fillRows } from '../../shared/controls.js';
import { formatNumber } from '../../shared/number_format.js';

export function computeStability(core, demo) {
  return {
    naive: core.naiveSoftmax(demo),
    stable: core.softmax(demo),
    ce: demo.map((_, i) => core.multiclassPoint(demo, i).ce),
  };
}

const naiveText = (value) =>
  Number.isFinite(value)
    ? formatNumber(value)
    : Number.isNaN(value)
      ? 'NaN (∞ ÷ ∞)'
      : '∞ (overflow)';

export function renderStability(doc, body, demo, { naive, stable, ce }) {
  const rows = demo.map((z, i) => [
    `class ${i + 1}`,
    formatNumber(z),
    naiveText(naive[i]),
    formatNumber(stable[i]),
    formatNumber(ce[i]),
  ]);
  fillRows(doc, body, rows, (r, c) => (c === 2 && !Number.isFinite(naive[r]) ? 'broken' : ''));
}
