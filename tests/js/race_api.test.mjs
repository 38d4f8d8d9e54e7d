// The training race through the WASM build: its API, its errors, and its reproducibility.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { corePromise } from './load_core.mjs';

const breastCancer = readFileSync(new URL('../../data/breast_cancer.csv', import.meta.url), 'utf8');
const digits = readFileSync(new URL('../../data/digits.csv', import.meta.url), 'utf8');

test('the shipped data sets parse: 569 × 30 in two classes, 1797 × 64 in ten', async () => {
  const core = await corePromise;
  assert.deepEqual(core.parseCsvDataset(breastCancer), {
    rows: 569,
    features: 30,
    classes: 2,
    classNames: ['0', '1'],
  });
  const info = core.parseCsvDataset(digits);
  assert.equal(info.rows, 1797);
  assert.equal(info.features, 64);
  assert.equal(info.classes, 10);
});

test('a race is reproducible and both runs start from the same point', async () => {
  const core = await corePromise;
  const settings = { data: { kind: 'xor', size: 300, noise: 0.1 }, hidden: 8, seed: 4 };
  const a = core.createRace(settings);
  const b = core.createRace(settings);
  a.step(10);
  b.step(5);
  b.step(5);
  const ha = a.history();
  const hb = b.history();
  assert.equal(ha.epoch, 10);
  assert.deepEqual([...ha.ce.loss], [...hb.ce.loss]);
  assert.deepEqual([...ha.mse.trainAccuracy], [...hb.mse.trainAccuracy]);
  assert.equal(ha.ce.trainAccuracy[0], ha.mse.trainAccuracy[0]);
  assert.ok(ha.ce.loss instanceof Float64Array && ha.ce.loss.length === 11);
  const grid = a.grid('mse', -2, 2, -2, 2, 5, 4);
  assert.equal(grid.length, 20);
  assert.ok(grid.every((p) => p >= 0 && p <= 1));
  const points = a.points();
  assert.equal(points.train.x.length, 2 * a.info().trainRows);
  a.dispose();
  b.dispose();
});

test('on breast cancer, logistic regression with CE tests above 90 % after a few epochs', async () => {
  const core = await corePromise;
  const race = core.createRace({ data: { csv: breastCancer }, learningRate: 0.1, seed: 2 });
  race.step(10);
  const history = race.history();
  assert.ok(history.ce.testAccuracy[10] > 0.9, String(history.ce.testAccuracy[10]));
  assert.throws(() => race.points(), /two features only/);
  race.dispose();
});

test('bad settings and bad CSV throw errors that say what is wrong', async () => {
  const core = await corePromise;
  for (const [settings, pattern] of [
    [{ data: { kind: 'moons' } }, /data.kind must be "blobs", "xor", "circles" or "spiral"/],
    [{ data: { kind: 'blobs', size: 5 } }, /size must be an integer in \[20, 5000\], got 5/],
    [{ data: { kind: 'blobs' }, learningRate: 0 }, /learning rate must be a number in \(0, 1e6\]/],
    [{ data: { kind: 'blobs' }, hidden: 100 }, /hidden units must be an integer in \[0, 64\]/],
    [{ data: { kind: 'blobs' }, activation: 'sigmoid' }, /activation must be "tanh" or "relu"/],
    [{ data: { kind: 'blobs' }, hidden: '4' }, /hidden must be a number/],
    [
      { data: { csv: digits }, init: 'logit' },
      /starting from a logit needs two classes; this data set has 10/,
    ],
    [{ data: { csv: 'a,b\n1,2\n' } }, /at least 10 data rows/],
    [null, /settings must be an object/],
  ]) {
    assert.throws(() => core.createRace(settings), pattern);
  }
  assert.throws(() => core.parseCsvDataset('1,2,a\n'.repeat(11) + '1,2\n'), {
    name: 'RangeError',
    message: 'parseCsvDataset(text): Line 12 has 2 columns; the lines before it have 3.',
  });
});
