import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decadeBounds, roundCeiling, roundOut } from '../../web/charts/round_bounds.js';

test('roundCeiling is the smallest round step at or above the largest finite value', () => {
  assert.equal(roundCeiling([0.3, 0.71, -4]), 0.8);
  assert.equal(roundCeiling([1]), 1);
  assert.equal(roundCeiling([1.0000001]), 1.5);
  assert.equal(roundCeiling([9.5]), 10);
  assert.equal(roundCeiling([123]), 150);
  assert.equal(roundCeiling([NaN, Infinity, 0.024]), 0.025);
});

test('roundCeiling stays put while values move below the same step (the layout is kept)', () => {
  const bounds = new Set([0.41, 0.43, 0.47, 0.5].map((v) => roundCeiling([v])));
  assert.deepEqual([...bounds], [0.5]);
});

test('roundCeiling has no bound when nothing is finite and positive', () => {
  assert.equal(roundCeiling([]), undefined);
  assert.equal(roundCeiling([0, -1, NaN]), undefined);
});

test('roundCeiling covers values at the ends of double range', () => {
  assert.ok(roundCeiling([1e-300]) >= 1e-300);
  assert.ok(roundCeiling([1.7e308]) >= 1.7e308);
});

test('roundOut widens a range to multiples of half the power of ten below its span', () => {
  assert.deepEqual(roundOut(-2, 22), [-5, 25]);
  assert.deepEqual(roundOut(0.3, 4.2), [0, 4.5]);
  assert.deepEqual(roundOut(-7.25, -3.1), [-7.5, -3]);
});

test('roundOut keeps its range while the data move inside one step', () => {
  const ranges = new Set([21, 21.5, 22.4, 23].map((top) => roundOut(-2, top).join()));
  assert.deepEqual([...ranges], ['-5,25']);
});

test('roundOut leaves a range it cannot round as it is', () => {
  assert.deepEqual(roundOut(1, 1), [1, 1]);
  assert.deepEqual(roundOut(-1.7e308, 1.7e308), [-1.7e308, 1.7e308]);
});

test('decadeBounds encloses every positive value in whole powers of ten', () => {
  assert.deepEqual(decadeBounds([0.03, 0.4, 2.5]), { min: 0.01, max: 10 });
  assert.deepEqual(decadeBounds([null, 0, -1, 5e-7, NaN]), { min: 1e-7, max: 1e-6 });
  assert.deepEqual(decadeBounds([1, 100]), { min: 1, max: 100 });
  assert.deepEqual(decadeBounds([10, 10]), { min: 10, max: 100 });
});

test('decadeBounds has no bounds without a finite positive value', () => {
  assert.deepEqual(decadeBounds([0, -2, Infinity]), { min: undefined, max: undefined });
});
