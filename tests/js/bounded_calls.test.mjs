// No valid call runs long (docs/core-api.md, "Work per call"): where a call's arguments would
// ask for more than its bound, it throws a RangeError that says how far it may go, and just
// inside the bound it works. The bounds are checked here from their definitions (rows ×
// weights, cells × weights, points × data), with the weights counted from the network's shape.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { corePromise } from './load_core.mjs';

// Two features, `depth` hidden layers of `width`, one output: the weights and biases of each
// layer, counted from the shape.
const weightsOf = (depth, width) =>
  2 * width + width + (depth - 1) * (width * width + width) + (width + 1);

const DEEP = { hidden: 64, depth: 10, activation: 'relu', batchSize: 1 };

test('countDescentSteps takes at most 10⁷ steps a call', async () => {
  const core = await corePromise;
  assert.throws(() => core.countDescentSteps(-15, 1, 'mse', 1e-9, 0, 1e7 + 1), {
    name: 'RangeError',
    message: /maxSteps must be an integer in \[1, 1e7\]/,
  });
  const { steps, reached } = core.countDescentSteps(-15, 1, 'mse', 1e-9, 0, 1000);
  assert.deepEqual({ steps, reached }, { steps: 1000, reached: false });
});

test('likelihoodCurve samples at most 10⁸ points × data a call', async () => {
  const core = await corePromise;
  const data = Array.from({ length: 10000 }, (_, i) => i / 100);
  assert.throws(() => core.likelihoodCurve('gaussian', data, 1, -1, 1, 10001), {
    name: 'RangeError',
    message: /n must be at most 10000 for 10000 data/,
  });
  assert.equal(
    core.likelihoodCurve('gaussian', data.slice(0, 100), 1, -1, 1, 100000).loss.length,
    1e5,
  );
});

test('the heaviest race trains one epoch a call, and grids at most 10⁸ cells × weights', async () => {
  const core = await corePromise;
  const race = core.createRace({ data: { kind: 'blobs', size: 5000, noise: 0.2 }, ...DEEP });
  try {
    const rows = race.info().trainRows;
    const weights = weightsOf(10, 64);
    assert.equal(weights, 37697);
    const most = Math.max(1, Math.floor(1.6e8 / (rows * weights)));
    assert.equal(most, 1, `${rows} rows × ${weights} weights is one epoch's work`);
    assert.throws(() => race.step(most + 1), {
      name: 'RangeError',
      message: /epochs must be an integer in \[1, 1\].*call step again to go on/,
    });
    const cells = Math.floor(1e8 / weights);
    const side = Math.floor(Math.sqrt(cells));
    assert.equal(race.grid('ce', -1, 1, -1, 1, side, side).length, side * side);
    assert.throws(() => race.grid('ce', -1, 1, -1, 1, side + 1, side + 1), {
      name: 'RangeError',
      message: new RegExp(`nx × ny must be at most ${cells} for this race`),
    });
  } finally {
    race.dispose();
  }
});

test('a race one of whose epochs would take too long is refused when it is created', async () => {
  const core = await corePromise;
  // 20,000 CSV rows of two features: at least 14,000 training rows × 37,697 weights, 5e8.
  const rows = Array.from({ length: 20000 }, (_, i) => `${i % 97},${i % 89},${i % 2}`);
  const csv = `a,b,label\n${rows.join('\n')}\n`;
  assert.throws(() => core.createRace({ data: { csv }, ...DEEP }), {
    name: 'RangeError',
    message: /one epoch of this race would take too long: .* at most 1\.6e8, got \d+ × 37697/,
  });
  const small = core.createRace({ data: { csv }, hidden: 8, depth: 1 });
  // The same rows with one layer of 8 units are well inside the bound, and train.
  assert.ok(small.info().trainRows * weightsOf(1, 8) <= 1.6e8);
  assert.equal(small.step(1), 1);
  small.dispose();
});

test('race.train(work) does about `work` rows × weights, and says how far the epoch is', async () => {
  const core = await corePromise;
  const size = 400;
  const settings = { data: { kind: 'blobs', size }, ...DEEP, depth: 3, hidden: 16 };
  const race = core.createRace({ ...settings, layerNorms: true, deferStart: true });
  const { trainRows, testRows } = race.info();
  assert.equal(trainRows + testRows, size);
  const weights = weightsOf(3, 16);
  // The start: per run, the training and test rows evaluated and one pass for the layer norms.
  const startRows = 2 * (2 * trainRows + testRows);
  let progress = race.train(5 * weights);
  assert.equal(progress.started, false);
  assert.ok(Math.abs(progress.fraction - 5 / startRows) < 1e-12, String(progress.fraction));
  assert.equal(race.history().ce.loss.length, 0, 'nothing recorded before the start');
  while (!progress.started) progress = race.train(1.6e8);
  assert.deepEqual({ ...progress }, { epoch: 0, fraction: 0, started: true });
  // An epoch: per run, the rows trained, then the same three passes.
  const epochRows = 2 * (3 * trainRows + testRows);
  progress = race.train(7 * weights);
  assert.ok(Math.abs(progress.fraction - 7 / epochRows) < 1e-12, String(progress.fraction));
  // However much work is given, a call stops where the epoch ends.
  assert.equal(race.train(1.6e8).epoch, 1);
  assert.equal(race.progress().fraction, 0);
  // The same epoch in one step() of an eager race, to the bit.
  const whole = core.createRace(settings);
  whole.step(1);
  assert.deepEqual(race.history(), whole.history());
  for (const bad of [0, 1.6e8 + 1, Number.NaN]) {
    assert.throws(() => race.train(bad), {
      name: 'RangeError',
      message: /^race\.train\(work\): work must be a number in \[1, /,
    });
  }
  assert.throws(() => race.train(), /race\.train\(work\) expects 1 argument/);
  assert.throws(() => core.createRace({ ...settings, deferStart: 'yes' }), {
    name: 'TypeError',
    message: 'createRace(settings): deferStart must be true or false',
  });
  race.dispose();
  whole.dispose();
});

test('the start records each point at the logit a from-logit start gives it', async () => {
  const core = await corePromise;
  const race = core.createRace({ data: { kind: 'xor', size: 60 }, init: 'logit', initLogit: 2 });
  const p = race.startProbabilities();
  assert.equal(p.length, race.info().trainRows);
  const expected = 1 / (1 + Math.exp(-2));
  for (const value of p) assert.ok(Math.abs(value - expected) < 1e-15, String(value));
  // Not tracked: no start norms kept.
  assert.equal(race.startLayerNorms().ce.length, 0);
  race.dispose();
});
