// The race with several hidden layers through the WASM build: depth, sigmoid units, the weight
// initialisations, layerGradientNorms() and the errors that name a bad setting.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { corePromise } from './load_core.mjs';
import { raceLosses } from './race_runs.mjs';
import { grammarProblems } from '../sentence_grammar.mjs';
import { startHint, verdict } from '../../web/panels/depth/text.js';

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

// The deep network lab's sentences at their edges, from norms written here: the two runs'
// layer-1 comparisons agreeing to the digits shown (said once), a ratio near 1, a layer-1
// gradient that underflowed to 0, and the start's hint for either start.
const sentence = (ce, mse, epoch = 0) => verdict({}, { now: { ce, mse } }, { epoch });
const assertEnglish = (text) => assert.deepEqual(grammarProblems(text), [], text);

test('the depth verdict says an equal layer-1 ratio once, for both runs', () => {
  // Layer 1 over the output layer: 1/10206 in both runs, to far more digits than shown.
  const text = sentence([1, 10206], [1e-3, 10.206]);
  assert.match(
    text,
    /In both runs, layer 1's gradient is 10206 times smaller than the output layer's\.$/,
  );
  assert.equal(text.match(/10206 times smaller/g).length, 1);
  assertEnglish(text);
  const apart = sentence([1, 100], [1, 1000]);
  assert.match(
    apart,
    /In the cross-entropy run, layer 1's gradient is 100 times smaller than the output layer's; in the squared-error run it is 1000 times smaller/,
  );
  assertEnglish(apart);
});

test('the depth verdict reads as English near a ratio of 1 and when layer 1 gets 0', () => {
  const near = sentence([1.02, 1], [0.5, 0.51], 3);
  assert.match(near, /^At epoch 3, /);
  assert.match(near, /about as large as/);
  assertEnglish(near);
  const underflow = sentence([0, 2.5e-3], [0, 7e-7]);
  assert.match(underflow, /layer 1's gradient is 0, where the output layer's is/);
  assertEnglish(underflow);
  const nothing = sentence([0, 0], [0, 0]);
  assert.match(nothing, /In both runs, layer 1's gradient is 0, as is the output layer's\./);
  assertEnglish(nothing);
});

test("the start's hint says where the points start and counts the wrong ones in English", () => {
  const wrong = startHint(
    { start: 'wrong' },
    { min: 1.2e-4, max: 1.9e-4, ones: 70, onesWrong: 70 },
    -8,
  );
  assert.match(
    wrong,
    /^With the output's bias at −8 and the random weights kept, the training points start between p = 1\.200 × 10⁻⁴ and 1\.900 × 10⁻⁴: every one of the 70 points labeled 1 starts on the wrong side\.$/,
  );
  const one = startHint({ start: 'standard' }, { min: 0.5, max: 0.5, ones: 70, onesWrong: 1 }, -8);
  assert.match(one, /start at p = 0\.5: 1 of the 70 points labeled 1 starts on the wrong side\.$/);
  for (const text of [wrong, one]) assertEnglish(text);
});
