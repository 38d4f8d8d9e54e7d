// core.limits against the numbers docs/core-api.md documents ("core.limits", "Errors",
// "The training race"). The expected values are written here, not read from the core.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { corePromise } from './load_core.mjs';

test('core.limits holds the documented limits', async () => {
  const { limits } = await corePromise;
  assert.deepEqual(limits.race, {
    size: { min: 20, max: 5000, integer: true },
    noise: { min: 0, max: 2, integer: false },
    hidden: { min: 0, max: 64, integer: true },
    depth: { min: 1, max: 10, integer: true },
    learningRate: { min: 0, max: 1e6, integer: false, open: 'min' },
    batchSize: { min: 1, max: 4096, integer: true },
    seed: { min: 0, max: 2 ** 53, integer: true },
    initLogit: { min: -50, max: 50, integer: false },
    weightScale: { min: 0, max: 10, integer: false, open: 'min' },
    stepEpochs: { min: 1, max: 10000, integer: true },
    gridSide: { min: 2, max: 400, integer: true },
    trainWork: { min: 1, max: 1.6e8, integer: false },
  });
  assert.equal(limits.maxEntryMagnitude, 1e150);
  assert.equal(limits.maxArrayLength, 4_000_000);
  assert.equal(limits.probabilitySumTolerance, 1e-6);
  assert.deepEqual(limits.curvePoints, { min: 2, max: 4_000_000, integer: true });
  assert.deepEqual(limits.constantCurvePoints, { min: 2, max: 100_000, integer: true });
  assert.deepEqual(limits.delta, { min: 0, max: 1e150, integer: false, open: 'min' });
  // 1e−16 is the tidy bound above 2^−54, where 1 − ε starts to round below 1.
  assert.deepEqual(limits.clampEpsilon, { min: 1e-16, max: 0.5, integer: false });
  assert.deepEqual(limits.csv, {
    maxBytes: 4 * 1024 * 1024,
    minRows: 10,
    maxRows: 20_000,
    maxClasses: 10,
  });
  assert.deepEqual(limits.choices, {
    dataKind: ['blobs', 'xor', 'circles', 'spiral'],
    activation: ['tanh', 'relu', 'sigmoid'],
    weights: ['default', 'normal', 'xavier', 'he'],
    init: ['standard', 'wrong', 'logit', 'bias'],
    loss: ['ce', 'mse'],
  });
});

test('core.limits is frozen all the way down', async () => {
  const { limits } = await corePromise;
  assert.ok(Object.isFrozen(limits));
  assert.ok(Object.isFrozen(limits.race.size));
  assert.ok(Object.isFrozen(limits.choices.init));
  assert.throws(() => {
    'use strict';
    limits.race.size.max = 1e9;
  }, TypeError);
  assert.equal(limits.race.size.max, 5000);
});

test('the race accepts each limit and rejects just past it', async () => {
  const core = await corePromise;
  const { race: r } = core.limits;
  const blobs = { kind: 'blobs' };
  for (const settings of [
    { data: { ...blobs, size: r.size.min } },
    { data: { ...blobs, size: r.size.max, noise: r.noise.max } },
    { data: blobs, hidden: r.hidden.max, batchSize: r.batchSize.max },
    { data: blobs, learningRate: r.learningRate.max, seed: r.seed.max },
    { data: blobs, init: 'logit', initLogit: r.initLogit.min },
  ]) {
    core.createRace(settings).dispose();
  }
  for (const settings of [
    { data: { ...blobs, size: r.size.max + 1 } },
    { data: { ...blobs, noise: r.noise.max + 0.01 } },
    { data: blobs, hidden: r.hidden.max + 1 },
    { data: blobs, learningRate: r.learningRate.min },
    { data: blobs, batchSize: r.batchSize.min - 1 },
    { data: blobs, init: 'logit', initLogit: r.initLogit.max + 0.5 },
  ]) {
    assert.throws(() => core.createRace(settings), RangeError, JSON.stringify(settings));
  }
});
