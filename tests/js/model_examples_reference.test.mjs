// The two independent references of the "your model" lab agree on its bundled examples
// (web/panels/your-model/examples/): the plain-JS textbook reference
// (tests/reference/model_scores_reference.mjs, double precision) against 50-digit mpmath values
// (tests/reference/model_examples_reference.json, made by make_model_examples_reference.py from
// the same CSV files). Means and the temperature to relative 1e−9, the binned figures (ECE,
// calibration, refinement) to 1e−12. The core is not loaded here: its tests check it against
// either reference.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import {
  equalWidthBin,
  parseLogitsCsv,
  reliability,
  summarise,
} from '../reference/model_scores_reference.mjs';

const examples = new URL('../../web/panels/your-model/examples/', import.meta.url);
const table = JSON.parse(
  readFileSync(new URL('../reference/model_examples_reference.json', import.meta.url), 'utf8'),
);
const FILES = Object.keys(table.files);

/** |actual − expected| ≤ rel·|expected| + abs, naming the quantity when not. */
function assertClose(actual, expected, { rel = 0, abs = 0, what }) {
  const ok = Math.abs(actual - expected) <= rel * Math.abs(expected) + abs;
  assert.ok(ok, `${what}: expected ${expected} (rel ${rel}, abs ${abs}), got ${actual}`);
}

const read = (name) => parseLogitsCsv(readFileSync(new URL(name, examples), 'utf8'));

test('the table covers both bundled examples', () => {
  assert.deepEqual(FILES, ['breast_cancer_logits.csv', 'digits_logits.csv']);
  assert.equal(table.bins, 10);
});

for (const name of FILES) {
  test(`${name}: the JS reference matches mpmath`, () => {
    const mp = table.files[name];
    const js = summarise(read(name), table.bins);
    assert.equal(js.n, mp.n);
    assert.equal(js.classes, mp.classes);
    for (const key of ['meanCrossEntropy', 'meanBrier', 'accuracy', 'temperature']) {
      assertClose(js[key], Number(mp[key]), { rel: 1e-9, what: key });
    }
    assertClose(js.meanCrossEntropyAfter, Number(mp.meanCrossEntropyAfter), {
      rel: 1e-9,
      what: 'meanCrossEntropyAfter',
    });
    assert.equal(js.atLimit, false);
    for (const binning of ['equalWidth', 'equalMass']) {
      assertClose(js[binning].ece, Number(mp[binning].ece), { abs: 1e-12, what: `${binning} ece` });
      for (const key of ['calibration', 'refinement']) {
        const what = `${binning} ${key}`;
        assertClose(js[binning].brier[key], Number(mp[binning][key]), { abs: 1e-12, what });
      }
    }
    assert.equal(js.worst.count, mp.worst.count);
    for (const key of ['crossEntropy', 'brier']) {
      assertClose(js.worst[key], Number(mp.worst[key]), { rel: 1e-9, what: `worst ${key}` });
    }
  });

  test(`${name}: its logits are inside the JS reference's double-precision range`, () => {
    // The header of model_scores_reference.mjs: |z| ≤ 709 for one logit; for K logits no
    // e^{z_k} overflows (z_k ≤ 709) and a row's largest does not underflow (≥ −745).
    const { classes, logits } = read(name);
    for (let i = 0; i < logits.length; i += classes) {
      const z = logits.slice(i, i + classes);
      const ok =
        classes === 1 ? Math.abs(z[0]) <= 709 : Math.max(...z) <= 709 && Math.max(...z) >= -745;
      assert.ok(ok, `row ${i / classes + 1}: ${z}`);
    }
  });

  test(`${name}: an overconfident model, as its README says, in a small file`, () => {
    const mp = table.files[name];
    assert.ok(Number(mp.equalWidth.ece) > 0.02, 'ECE (10 equal-width bins) above 0.02');
    assert.ok(Number(mp.temperature) > 1.5, 'a fitted temperature above 1.5');
    assert.ok(Number(mp.meanCrossEntropyAfter) < Number(mp.meanCrossEntropy));
    assert.ok(readFileSync(new URL(name, examples)).length < 60_000);
  });
}

test('the bin conventions the table was made with', () => {
  // Equal width: the edges are the doubles k/B; 0.7 and 0.3 as typed open their bins.
  assert.equal(equalWidthBin(0.7, 10), 7);
  assert.equal(equalWidthBin(0.3, 10), 3);
  assert.equal(equalWidthBin(0.7 - 2 ** -53, 10), 6);
  assert.equal(equalWidthBin(1, 10), 9); // the last bin is closed
  assert.equal(equalWidthBin(0, 10), 0);
  // Equal mass: 23 rows in 10 bins are 3 groups of 3 (the lowest confidences), then 7 of 2.
  const confidence = Array.from({ length: 23 }, (_, i) => (i + 0.5) / 23);
  const bins = reliability(confidence, confidence, { bins: 10, equalMass: true }).bins;
  assert.deepEqual(
    bins.map((bin) => bin.count),
    [3, 3, 3, 2, 2, 2, 2, 2, 2, 2],
  );
  // Empty bins are left out: three forecasts in 10 bins of each kind.
  const three = [0.05, 0.05, 0.95];
  assert.equal(reliability(three, [0, 1, 1]).bins.length, 2);
  assert.equal(reliability(three, [0, 1, 1], { equalMass: true }).bins.length, 3);
  // Ties may straddle an equal-mass cut: they are taken in row order.
  const tied = reliability([0.5, 0.5, 0.5, 0.5], [1, 0, 0, 0], { bins: 2, equalMass: true });
  assert.deepEqual(
    tied.bins.map((bin) => bin.meanOutcome),
    [0.5, 0],
  );
});
