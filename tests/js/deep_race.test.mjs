// The race with several hidden layers through the WASM build: depth, sigmoid units, the weight
// initialisations, layerGradientNorms() and the errors that name a bad setting.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { corePromise } from './load_core.mjs';
import { raceLosses } from './race_runs.mjs';

const blobs = { kind: 'blobs', size: 200, noise: 0.2 };

test('info() reports the depth in use and the weights; the defaults are one layer, "default"', async () => {
  const core = await corePromise;
  const deep = core.createRace({
    data: blobs,
    hidden: 8,
    depth: 3,
    activation: 'sigmoid',
    weights: 'normal',
    weightScale: 0.5,
  });
  assert.deepEqual(deep.info(), {
    trainRows: 140,
    testRows: 60,
    features: 2,
    classes: 2,
    depth: 3,
    weights: 'normal',
    weightScale: 0.5,
  });
  deep.dispose();
  const plain = core.createRace({ data: blobs, hidden: 8 });
  assert.equal(plain.info().depth, 1);
  assert.equal(plain.info().weights, 'default');
  assert.equal(plain.info().weightScale, 1);
  plain.dispose();
  // Without hidden units depth means nothing: logistic regression has 0 hidden layers.
  const logistic = core.createRace({ data: blobs, hidden: 0, depth: 5 });
  assert.equal(logistic.info().depth, 0);
  logistic.dispose();
});

test('layerGradientNorms() gives depth + 1 norms per run, 1 for logistic regression', async () => {
  const core = await corePromise;
  for (const [hidden, depth, length] of [
    [0, 1, 1],
    [8, 1, 2],
    [8, 4, 5],
    [4, 10, 11],
  ]) {
    const race = core.createRace({ data: blobs, hidden, depth, activation: 'relu' });
    const norms = race.layerGradientNorms();
    assert.deepEqual(Object.keys(norms).sort(), ['ce', 'mse']);
    for (const run of ['ce', 'mse']) {
      assert.ok(norms[run] instanceof Float64Array, run);
      assert.equal(norms[run].length, length, `hidden ${hidden}, depth ${depth}`);
      assert.ok(norms[run].every((v) => Number.isFinite(v) && v >= 0));
    }
    race.dispose();
  }
});

test('a deep sigmoid network: the first layer gets a far smaller gradient than the output', async () => {
  const core = await corePromise;
  const race = core.createRace({ data: blobs, hidden: 16, depth: 6, activation: 'sigmoid' });
  for (const run of ['ce', 'mse']) {
    const norms = race.layerGradientNorms()[run];
    assert.ok(norms[0] * 100 <= norms[6], `${run}: ${[...norms]}`);
  }
  race.step(3);
  assert.equal(race.history().ce.loss.length, 4);
  race.dispose();
});

test('every weights scheme gives a reproducible race; He is the ReLU default', async () => {
  const core = await corePromise;
  const losses = {};
  for (const weights of ['default', 'normal', 'xavier', 'he']) {
    const settings = { data: blobs, hidden: 8, depth: 2, activation: 'relu', weights, seed: 3 };
    losses[weights] = raceLosses(core, settings, 4);
    assert.deepEqual(raceLosses(core, settings, 4), losses[weights], weights);
  }
  assert.deepEqual(losses.he, losses.default); // N(0, 2/fan_in) both
  assert.notDeepEqual(losses.xavier, losses.default);
  assert.notDeepEqual(losses.normal, losses.default);
});

test('depth 1 with the default weights is the race it always was', async () => {
  const core = await corePromise;
  const settings = { data: { kind: 'xor', size: 300, noise: 0.1 }, hidden: 8, seed: 4 };
  const explicit = { ...settings, depth: 1, weights: 'default', weightScale: 3 };
  assert.deepEqual(raceLosses(core, explicit, 10, 'mse'), raceLosses(core, settings, 10, 'mse'));
});

test('a bad depth, activation, weights or weightScale is an error naming it', async () => {
  const core = await corePromise;
  for (const [settings, error] of [
    [{ depth: 0 }, /^createRace\(settings\): depth must be an integer in \[1, 10\], got 0$/],
    [{ depth: 11 }, /depth must be an integer in \[1, 10\], got 11/],
    [{ depth: 2.5 }, /depth must be an integer in \[1, 10\], got 2.5/],
    [{ weightScale: 0 }, /weight scale must be a number in \(0, 10\], got 0/],
    [{ weightScale: 11 }, /weight scale must be a number in \(0, 10\], got 11/],
    [{ weights: 'glorot' }, /weights must be "default", "normal", "xavier" or "he", got "glorot"/],
    [{ activation: 'softplus' }, /activation must be "tanh", "relu" or "sigmoid", got "softplus"/],
  ]) {
    assert.throws(() => core.createRace({ data: blobs, hidden: 4, ...settings }), {
      name: 'RangeError',
      message: error,
    });
  }
  for (const [settings, error] of [
    [{ depth: '3' }, /depth must be a number/],
    [{ weightScale: null }, /weightScale must be a number/],
    [{ weights: 2 }, /weights must be a string/],
  ]) {
    assert.throws(() => core.createRace({ data: blobs, ...settings }), {
      name: 'TypeError',
      message: error,
    });
  }
  const { race } = core.limits;
  core.createRace({ data: blobs, hidden: 4, depth: race.depth.max }).dispose();
  core.createRace({ data: blobs, weights: 'normal', weightScale: race.weightScale.max }).dispose();
});
