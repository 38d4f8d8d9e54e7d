// core.tokenSequencePoint, the binding of cpp/core/token_sequence, against references that do
// not come from the implementation: closed forms (uniform logits give ln V and perplexity V),
// 50-digit mpmath values, log-sum-exp in plain JS, and central differences for the gradient;
// then every documented bad argument and core.limits.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertClose, corePromise } from './load_core.mjs';

const lse = (row) => {
  const m = Math.max(...row);
  return m + Math.log(row.reduce((sum, z) => sum + Math.exp(z - m), 0));
};
const rowsOf = (flat, v) =>
  Array.from({ length: flat.length / v }, (_, n) => flat.slice(n * v, (n + 1) * v));

test('uniform logits: every loss is ln V and the perplexity is V', async () => {
  const core = await corePromise;
  for (const v of [2, 7, 100]) {
    for (const level of [-100, 0, 37.5, 100]) {
      const targets = [0, v - 1, 1, 0];
      const point = core.tokenSequencePoint(new Array(targets.length * v).fill(level), targets, 3);
      const what = `V=${v}, logits ${level}:`;
      for (const loss of point.losses) assertClose(loss, Math.log(v), { what: `${what} loss` });
      assertClose(point.meanLoss, Math.log(v), { what: `${what} mean` });
      assertClose(point.perplexity, v, { rel: 1e-14, what: `${what} perplexity` });
      assertClose(point.perplexityFactor, 1, { what: `${what} factor` });
      for (const p of point.probs) assertClose(p, 1 / v, { what: `${what} p` });
    }
  }
});

test('matches 50-digit mpmath values', async () => {
  // mpmath 1.3.0, mp.dps = 50: p = exp(z_i) / fsum(exp(z_j)) per row, loss = -log(p[t]),
  // mean of the three, perplexity = exp(mean); "without" = mean of positions 0 and 1. The
  // digits are strings, rounded to a double once by Number().
  const core = await corePromise;
  const logits = [2, 0.5, -1, 0.25, 0.25, -3, 1.5, 0, -1, 4, 0.5, 2];
  const point = core.tokenSequencePoint(logits, [0, 2, 3], 2);
  const expected = {
    meanLoss: '0.9824737400728374395010384',
    perplexity: '2.671055573257256449498873',
    meanLossWithout: '0.3942393283455786373755456',
    perplexityWithout: '1.483255491281944341318458',
    perplexityFactor: '1.800806124741681035729491',
  };
  for (const [key, value] of Object.entries(expected)) {
    assertClose(point[key], Number(value), { what: key });
  }
  const losses = [
    '0.3692789984482534295606686',
    '0.4191996582429038451904226',
    '2.158942563527355043752024',
  ];
  losses.forEach((value, n) => assertClose(point.losses[n], Number(value), { what: `loss ${n}` }));
  const probs = [
    '0.005747774379552186043342384',
    '0.8530453534781921091335274',
    '0.02575973761560818401103406',
    '0.1154471345266475208120962',
  ];
  probs.forEach((value, i) => assertClose(point.probs[i], Number(value), { what: `p ${i}` }));
});

test('agrees with log-sum-exp in plain JS, at every position', async () => {
  const core = await corePromise;
  const v = 7;
  const logits = [
    -1, 2, 1.2, -1.5, -1.5, 0.5, 0.3, -0.5, -1.5, -1.5, 2.5, 1, -1, -1.5, 0.5, -1.5, -1.5, -2, 3,
    -1, -1.5, 3, -1, -1, -2, -1.5, 0.5, 0.5, -1.5, 0.5, 0.3, -2, -2, 2, 99,
  ];
  const targets = [1, 3, 4, 0, 5];
  const rows = rowsOf(logits, v);
  const losses = rows.map((row, n) => lse(row) - row[targets[n]]);
  const mean = losses.reduce((a, b) => a + b, 0) / losses.length;
  for (let position = 0; position < targets.length; position += 1) {
    const point = core.tokenSequencePoint(logits, targets, position);
    losses.forEach((loss, n) =>
      assertClose(point.losses[n], loss, { rel: 1e-14, what: `loss ${n}` }),
    );
    assertClose(point.meanLoss, mean, { rel: 1e-14, what: 'mean' });
    assertClose(point.perplexity, Math.exp(mean), { rel: 1e-13, what: 'perplexity' });
    assertClose(point.contribution, losses[position] / 5, { rel: 1e-14, what: 'contribution' });
    const others = losses.filter((_, n) => n !== position);
    const without = others.reduce((a, b) => a + b, 0) / others.length;
    assertClose(point.meanLossWithout, without, { rel: 1e-14, what: 'mean without' });
    assertClose(point.perplexityFactor, Math.exp(mean - without), { rel: 1e-13, what: 'factor' });
    const row = rows[position];
    row.forEach((z, i) => {
      const p = Math.exp(z - lse(row));
      assertClose(point.probs[i], p, { rel: 1e-14, abs: 1e-300, what: `p ${i}` });
      const oneHot = i === targets[position] ? 1 : 0;
      assertClose(point.dlossDlogits[i], p - oneHot, { rel: 1e-13, abs: 1e-16, what: `grad ${i}` });
    });
  }
  // The last row is confidently wrong (99 on "rug", 2 on the right "mat"): its loss is
  // 99 − 2 + ln(1 + Σ e^(z_i − 99)), and the sum (below 1e−42) vanishes beside 1.
  assert.equal(core.tokenSequencePoint(logits, targets, 4).losses[4], 97);
});

test('the gradient matches central differences of the position loss', async () => {
  const core = await corePromise;
  const logits = [0.3, -1.2, 2, 0, 4, 4, -4, 0.5];
  const targets = [2, 0];
  for (let position = 0; position < 2; position += 1) {
    const { dlossDlogits } = core.tokenSequencePoint(logits, targets, position);
    for (let i = 0; i < 4; i += 1) {
      const h = 1e-5;
      const at = (delta) => {
        const moved = [...logits];
        moved[position * 4 + i] += delta;
        return core.tokenSequencePoint(moved, targets, position).losses[position];
      };
      const numeric = (at(h) - at(-h)) / (2 * h);
      assertClose(dlossDlogits[i], numeric, {
        rel: 0,
        abs: 1e-9,
        what: `position ${position}, ${i}`,
      });
    }
  }
});

test('results are Float64Array copies the caller owns', async () => {
  const core = await corePromise;
  const first = core.tokenSequencePoint([1, 2, 3, 4], [0, 1], 0);
  assert.ok(first.losses instanceof Float64Array);
  assert.ok(first.probs instanceof Float64Array);
  assert.ok(first.dlossDlogits instanceof Float64Array);
  const kept = first.losses[0];
  first.losses[0] = 123;
  assert.equal(core.tokenSequencePoint([1, 2, 3, 4], [0, 1], 0).losses[0], kept);
  assert.deepEqual(Object.keys(first).sort(), [
    'contribution',
    'dlossDlogits',
    'losses',
    'meanLoss',
    'meanLossWithout',
    'perplexity',
    'perplexityFactor',
    'perplexityWithout',
    'probs',
  ]);
  const typed = core.tokenSequencePoint(
    new Float64Array([1, 2, 3, 4]),
    new Float64Array([0, 1]),
    1,
  );
  assert.equal(typed.meanLoss, first.meanLoss);
});

const SIGNATURE = 'tokenSequencePoint(logits, targets, position): ';
const BAD = [
  // [arguments, error class, message after the signature]
  [[[1, 2], [0], 0], RangeError, 'targets.length must be an integer in [2, 4096], got 1'],
  [
    [[1, 2, 3], [0, 1], 0],
    RangeError,
    'logits must hold one row of V logits per position (targets.length = 2), V an integer in [2, 4096]: a multiple of 2 from 4 to 8192 entries, such as 14 for V = 7; got 3',
  ],
  [
    [[1, 2, 3, 250], [0, 1], 0],
    RangeError,
    'logits[3] (position 1, word 1) must be a number in [-100, 100], got 250',
  ],
  [
    [[1, NaN, 3, 4], [0, 1], 0],
    RangeError,
    'logits[1] (position 0, word 1) must be a number in [-100, 100], got NaN',
  ],
  [
    [[1, 2, 3, 4], [0, 2], 0],
    RangeError,
    'targets[1] (a word index) must be an integer in [0, 1], got 2',
  ],
  [
    [[1, 2, 3, 4], [0.5, 1], 0],
    RangeError,
    'targets[0] (a word index) must be an integer in [0, 1], got 0.5',
  ],
  [[[1, 2, 3, 4], [0, 1], 2], RangeError, 'position must be an integer in [0, 1], got 2'],
  [[[1, 2, 3, 4], [0, 1], '0'], TypeError, 'position must be a number, got string'],
  [[[1, '2', 3, 4], [0, 1], 0], TypeError, 'logits[1] must be a number, got string'],
  [[{}, [0, 1], 0], TypeError, 'logits must be an Array or Float64Array of numbers'],
  [[[1, 2, 3, 4], null, 0], TypeError, 'targets must be an Array or Float64Array of numbers'],
];

test('every bad argument throws a message naming it, and the core keeps working', async () => {
  const core = await corePromise;
  for (const [args, ErrorClass, message] of BAD) {
    assert.throws(
      () => core.tokenSequencePoint(...args),
      (error) => error instanceof ErrorClass && error.message === SIGNATURE + message,
      message,
    );
  }
  assert.throws(
    () => core.tokenSequencePoint([1, 2, 3, 4], [0, 1]),
    /tokenSequencePoint\(logits, targets, position\) expects 3 argument\(s\), got 2/,
  );
  assert.ok(Number.isFinite(core.tokenSequencePoint([1, 2, 3, 4], [0, 1], 0).perplexity));
});

test('core.limits holds the next-token limits', async () => {
  const core = await corePromise;
  const { limits } = core;
  assert.deepEqual(limits.tokenLogit, { min: -100, max: 100, integer: false });
  assert.deepEqual(limits.tokenPositions, { min: 2, max: 4096, integer: true });
  assert.deepEqual(limits.vocabularySize, { min: 2, max: 4096, integer: true });
  // At the limits every result stays finite: each loss is at most 200 + ln V.
  const v = 4096;
  const logits = new Float64Array(2 * v).fill(-100);
  logits[1] = 100;
  logits[v] = 100;
  const point = core.tokenSequencePoint(logits, [0, 1], 0);
  assertClose(point.meanLoss, 200, { rel: 1e-15 });
  assert.ok(Number.isFinite(point.perplexity) && Number.isFinite(point.perplexityFactor));
});
