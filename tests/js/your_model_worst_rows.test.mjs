// The your-model lab's table of the worst examples: one pass that keeps twenty, checked against
// a full sort of the same values (ties broken by the earlier row).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WORST_ROWS, worstRows } from '../../web/panels/your-model/worst_rows.js';

const bySort = (values) =>
  Array.from(values.keys())
    .sort((i, j) => values[j] - values[i] || i - j)
    .slice(0, WORST_ROWS);

test('the kept rows are the full sort’s first twenty, ties in row order', () => {
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (const n of [0, 1, 19, 20, 21, 1000]) {
    // Few distinct values: many ties, across the cut at twenty too.
    const values = Float64Array.from({ length: n }, () => Math.floor(next() * 7));
    assert.deepEqual(worstRows({ crossEntropy: values }, 'ce'), bySort(values), `n = ${n}`);
  }
});

test('each sort key reads its own measure', () => {
  const scores = {
    crossEntropy: [1, 3, 2],
    brier: [3, 1, 2],
    crossEntropyGradient: [2, 1, 3],
    brierGradient: [0, 0, 5],
  };
  assert.deepEqual(worstRows(scores, 'ce'), [1, 2, 0]);
  assert.deepEqual(worstRows(scores, 'brier'), [0, 2, 1]);
  assert.deepEqual(worstRows(scores, 'ce-gradient'), [2, 0, 1]);
  assert.deepEqual(worstRows(scores, 'brier-gradient'), [2, 0, 1]);
});
