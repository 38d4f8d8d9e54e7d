// Property-based tests (fast-check) of every panel's URL state: any valid state survives the
// round trip through its query string exactly, and no query string, however hostile, makes a
// parser throw or yields a state outside the allowed ranges.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import fc from 'fast-check';
import { corePromise } from './load_core.mjs';
import { panelById } from '../../web/panels/registry.js';
import { useCoreLimits } from '../../web/shared/core_limits.js';
import { readQuery, writeQuery } from '../../web/shared/params.js';

before(async () => useCoreLimits((await corePromise).limits));

// Each panel's read and write, through the one generic loop and the panel's table.
const reader = (id) => (query) => readQuery(query, panelById(id).table);
const writer = (id) => (state) => writeQuery(state, panelById(id).table);
const [stateFromQuery, queryFromState] = [reader('binary'), writer('binary')];
const [softStateFromQuery, queryFromSoftState] = [reader('soft-targets'), writer('soft-targets')];
const [multiclassStateFromQuery, queryFromMulticlassState] = [
  reader('multiclass'),
  writer('multiclass'),
];
const [regressionStateFromQuery, queryFromRegressionState] = [
  reader('regression'),
  writer('regression'),
];
const [raceStateFromQuery, queryFromRaceState] = [reader('race'), writer('race')];

const finite = (min, max) =>
  fc
    .double({ min, max, noNaN: true, noDefaultInfinity: true })
    .map((v) => (Object.is(v, -0) ? 0 : v));
// fc.record builds objects without a prototype; deepStrictEqual compares prototypes too.
const plain = (arbitrary) => arbitrary.map((value) => ({ ...value }));
const open01 = fc.double({ min: Number.EPSILON, max: 1 - Number.EPSILON, noNaN: true });

test('binary playground: state → query → state is the identity', () => {
  const state = fc
    .record({
      z: finite(-1e300, 1e300),
      y: fc.oneof(fc.constantFrom(0, 1), finite(0, 1)),
      soft: fc.boolean(),
      logScale: fc.boolean(),
      signed: fc.boolean(),
      clamp: fc.boolean(),
      eps: fc.oneof(fc.constantFrom(1e-12, 0.1), finite(1e-12, 0.1)),
    })
    // ε is part of the link only with the clip on; otherwise it reads back as the default.
    .map((s) => ({
      ...s,
      soft: s.soft || (s.y !== 0 && s.y !== 1),
      eps: s.clamp ? s.eps : 0.001,
    }));
  fc.assert(
    fc.property(state, (s) => {
      const { state: back, notices } = stateFromQuery(queryFromState(s));
      assert.deepEqual(notices, []);
      assert.deepEqual(back, s);
    }),
  );
});

test('labs: state → query → state is the identity', () => {
  fc.assert(
    fc.property(
      finite(0, 1),
      open01,
      fc.array(open01, { minLength: 3, maxLength: 3 }),
      (t, p, rows) => {
        const s = { t, p, rows };
        assert.deepEqual(softStateFromQuery(queryFromSoftState(s)).state, s);
      },
    ),
  );
  fc.assert(
    fc.property(
      fc.integer({ min: 2, max: 10 }).chain((k) =>
        plain(
          fc.record({
            logits: fc.array(finite(-1e6, 1e6), { minLength: k, maxLength: k }),
            names: fc.array(fc.stringMatching(/^[a-z][a-z0-9 _-]{0,14}[a-z0-9]$/), {
              minLength: k,
              maxLength: k,
            }),
            targetClass: fc.integer({ min: 0, max: k - 1 }),
            targetProbs: fc.constant(null),
            mistake: fc.constantFrom('none', 'twice', 'probs'),
            demo: fc.array(finite(-1e4, 1e4), { minLength: 2, maxLength: 10 }),
          }),
        ),
      ),
      (s) => {
        const { state: back, notices } = multiclassStateFromQuery(queryFromMulticlassState(s));
        assert.deepEqual(notices, []);
        assert.deepEqual(back, s);
      },
    ),
  );
  fc.assert(
    fc.property(
      plain(
        fc.record({
          targets: fc.array(finite(-1e6, 1e6), { minLength: 3, maxLength: 3 }),
          preds: fc.array(finite(-1e6, 1e6), { minLength: 3, maxLength: 3 }),
          delta: fc.double({ min: 1e-6, max: 1e6, noNaN: true }), // δ lies in (0, 1e6]
          outlierOn: fc.constant(true),
          outlierTarget: finite(-1e6, 1e6),
          outlierPred: finite(-1e6, 1e6),
        }),
      ),
      (s) => assert.deepEqual(regressionStateFromQuery(queryFromRegressionState(s)).state, s),
    ),
  );
  fc.assert(
    fc.property(
      plain(
        fc.record({
          data: fc.constantFrom('blobs', 'xor', 'circles', 'spiral', 'breast-cancer', 'digits'),
          size: fc.integer({ min: 20, max: 5000 }),
          noise: finite(0, 2),
          hidden: fc.integer({ min: 0, max: 64 }),
          activation: fc.constantFrom('tanh', 'relu'),
          lr: fc.double({ min: 1e-6, max: 999999, noNaN: true }),
          batch: fc.integer({ min: 1, max: 4096 }),
          epochs: fc.integer({ min: 1, max: 5000 }),
          seed: fc.integer({ min: 0, max: 2 ** 31 }),
          init: fc.constantFrom('standard', 'wrong', 'logit'),
          z: finite(-50, 50),
          speed: fc.integer({ min: 1, max: 500 }),
          csv: fc.constant(null), // a file never travels in a link
          run: fc.constant(0),
        }),
      ),
      (s) => assert.deepEqual(raceStateFromQuery(queryFromRaceState(s)).state, s),
    ),
  );
});

test('hostile queries never throw and never produce an out-of-range state', () => {
  const hostileValue = fc.oneof(
    fc.string(),
    fc.constantFrom(
      'NaN',
      'Infinity',
      '-Infinity',
      '1e309',
      '-0',
      '',
      ' ',
      '٣',
      '１',
      '<img src=x onerror=alert(1)>',
      'javascript:alert(1)',
      '0x10',
      '1_000',
      'a'.repeat(5000),
    ),
    fc.double().map(String),
  );
  const key = fc.constantFrom(
    'z',
    'y',
    'labels',
    'axis',
    'gradient',
    't',
    'p',
    'rows',
    'logits',
    'names',
    'target',
    'mistake',
    'demo',
    'targets',
    'preds',
    'delta',
    'outlier',
    'data',
    'lr',
    'seed',
    '__proto__',
    'constructor',
    'x',
  );
  const query = fc
    .array(fc.tuple(key, hostileValue), { maxLength: 8 })
    .map((pairs) => `?${new URLSearchParams(pairs)}`);
  fc.assert(
    fc.property(query, (q) => {
      const binary = stateFromQuery(q).state;
      assert.ok(Number.isFinite(binary.z));
      assert.ok(binary.y >= 0 && binary.y <= 1);
      const soft = softStateFromQuery(q).state;
      assert.ok(soft.t >= 0 && soft.t <= 1 && soft.p > 0 && soft.p < 1);
      const multi = multiclassStateFromQuery(q).state;
      assert.ok(multi.logits.length >= 2 && multi.logits.every(Number.isFinite));
      assert.equal(multi.names.length, multi.logits.length);
      const regression = regressionStateFromQuery(q).state;
      assert.ok(regression.delta > 0 && regression.targets.every(Number.isFinite));
      const race = raceStateFromQuery(q).state;
      assert.ok(race.lr > 0 && Number.isInteger(race.batch));
      assert.equal(Object.getPrototypeOf(binary), Object.prototype);
    }),
    { numRuns: 500 },
  );
});

test('likelihood lab: state → query → state is the identity for each model', () => {
  const [read, write] = [reader('likelihood'), writer('likelihood')];
  const { defaults } = panelById('likelihood').table;
  const location = finite(-1e6, 1e6);
  const spread = fc.double({ min: 1e-3, max: 1e6, noNaN: true });
  const data = fc.array(finite(-1e6, 1e6), { minLength: 2, maxLength: 40 });
  // Only the chosen model's part travels in the link; the rest stays at its default.
  const state = fc.oneof(
    plain(fc.record({ dist: fc.constant('gaussian'), data, mu: location, sigma: spread })),
    plain(fc.record({ dist: fc.constant('laplace'), data, mu: location, b: spread })),
    plain(
      fc.record({
        dist: fc.constant('bernoulli'),
        outcomes: fc.array(fc.constantFrom(0, 1), { minLength: 1, maxLength: 40 }),
        z: location,
      }),
    ),
  );
  fc.assert(
    fc.property(state, (part) => {
      const s = { ...structuredClone(defaults), ...part };
      const { state: back, notices } = read(write(s));
      assert.deepEqual(notices, []);
      assert.deepEqual(back, s);
    }),
  );
});

test('likelihood lab: hostile queries never throw and never leave the allowed ranges', () => {
  const read = reader('likelihood');
  const key = fc.constantFrom('dist', 'data', 'mu', 'sigma', 'b', 'outcomes', 'z', '__proto__');
  const value = fc.oneof(
    fc.string(),
    fc.constantFrom('gaussian', 'bernoulli', '1,2', '0,1,1', '1e309', '-0', 'NaN', ',', '1,,2'),
    fc.double().map(String),
    fc.array(fc.double(), { maxLength: 50 }).map((values) => values.join(',')),
  );
  const query = fc
    .array(fc.tuple(key, value), { maxLength: 8 })
    .map((pairs) => `?${new URLSearchParams(pairs)}`);
  const within = (x, min, max) => Number.isFinite(x) && x >= min && x <= max;
  fc.assert(
    fc.property(query, (q) => {
      const s = read(q).state;
      assert.ok(['bernoulli', 'gaussian', 'laplace'].includes(s.dist));
      assert.ok(s.data.length >= 2 && s.data.length <= 40);
      assert.ok(s.data.every((x) => within(x, -1e6, 1e6)));
      assert.ok(s.outcomes.length >= 1 && s.outcomes.every((y) => y === 0 || y === 1));
      assert.ok([s.mu, s.z].every((x) => within(x, -1e6, 1e6)));
      assert.ok([s.sigma, s.b].every((x) => within(x, 1e-3, 1e6)));
    }),
    { numRuns: 500 },
  );
});
