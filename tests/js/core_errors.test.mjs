// Every documented bad input throws a TypeError or RangeError that names the argument and
// its allowed range, and the module keeps working afterwards.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { corePromise } from './load_core.mjs';
import { assertEachThrows } from './error_cases.mjs';

const CASES = [
  // [call, error class, message fragment]
  [(c) => c.sigmoid(NaN), RangeError, 'sigmoid(z): z must be a finite number, got NaN'],
  [(c) => c.sigmoid('1'), TypeError, 'z must be a number, got string'],
  [(c) => c.logit(0), RangeError, 'logit(p): p must be a number in (0, 1)'],
  [(c) => c.logit(1), RangeError, 'p must be a number in (0, 1), endpoints excluded, got 1'],
  [(c) => c.binaryPoint(Infinity, 1), RangeError, 'z must be a finite number, got Infinity'],
  [(c) => c.binaryPoint(-Infinity, 1), RangeError, 'got -Infinity'],
  [
    (c) => c.binaryPoint(0, 1.5),
    RangeError,
    'binaryPoint(z, y): y must be a number in [0, 1], got 1.5',
  ],
  [(c) => c.binaryPoint(0, -0.1), RangeError, 'y must be a number in [0, 1], got -0.1'],
  [(c) => c.binaryPoint(0, NaN), RangeError, 'y must be a number in [0, 1], got NaN'],
  [(c) => c.binaryPoint(0), TypeError, 'binaryPoint(z, y) expects 2 argument(s), got 1'],
  [(c) => c.binaryPoint(null, 1), TypeError, 'z must be a number, got object'],
  [(c) => c.binaryCurve(1, 5, -5, 10), RangeError, 'zMin must be less than zMax'],
  [(c) => c.binaryCurve(1, -5, 5, 1), RangeError, 'n must be an integer in [2, 4000000], got 1'],
  [(c) => c.binaryCurve(1, -5, 5, 2.5), RangeError, 'n must be an integer'],
  [(c) => c.binaryCurve(1, -5, 5, 5e6), RangeError, 'n must be an integer in [2, 4000000]'],
  [(c) => c.binaryCurve(2, -5, 5, 10), RangeError, 'y must be a number in [0, 1], got 2'],
  [
    (c) => c.clampedBinaryPoint(-40, 1, 0),
    RangeError,
    'epsilon must be a number in [1e-16, 0.5], got 0: below 1e-16',
  ],
  // 1 − 1e−17 rounds to 1, so the clamp could not stop ln 0 (the CE was Infinity).
  [
    (c) => c.clampedBinaryPoint(40, 0, 1e-17),
    RangeError,
    'clampedBinaryPoint(z, y, epsilon): epsilon must be a number in [1e-16, 0.5], got 1e-17: ' +
      'below 1e-16, 1 - epsilon rounds to 1, so the clamp cannot keep ln(1 - p) finite. ' +
      'Use a value such as 1e-12',
  ],
  [(c) => c.clampedBinaryPoint(0, 1, 0.6), RangeError, 'got 0.6. Use a value such as 1e-12'],
  [
    (c) => c.createRace({ data: { csv: 123 } }),
    TypeError,
    'createRace(settings): data.csv must be a string (the CSV text), got number',
  ],
  [(c) => c.clampedBinaryPoint(NaN, 1, 1e-12), RangeError, 'z must be a finite number, got NaN'],
  [
    (c) => c.softTargetPoint(0, 1.2),
    RangeError,
    'softTargetPoint(z, t): t must be a number in [0, 1], got 1.2',
  ],
  [
    (c) => c.softTargetPointAtP(1, 0.5),
    RangeError,
    'softTargetPointAtP(p, t): p must be a number in (0, 1), endpoints excluded, got 1',
  ],
  [(c) => c.softTargetPointAtP(0.5, -0.1), RangeError, 't must be a number in [0, 1], got -0.1'],
  [(c) => c.softTargetPointAtP('0.5', 0.5), TypeError, 'p must be a number, got string'],
  [
    (c) => c.softmaxTwicePoint([1, 2], 2),
    RangeError,
    'target class index must be an integer in [0, 1], got 2',
  ],
  [(c) => c.naiveSoftmax([1]), RangeError, 'logits must have between 2 and 4000000 entries, got 1'],
  [
    (c) => c.fitConstant([], 1),
    RangeError,
    'targets must have between 1 and 4000000 entries, got 0',
  ],
  [(c) => c.fitConstant([1, 2], 0), RangeError, 'delta must be a number in (0, 1e150], got 0'],
  [
    (c) => c.constantLossCurve([1], 1, 3, 2, 10),
    RangeError,
    'cMin < cMax, got cMin = 3 and cMax = 2',
  ],
  [
    (c) => c.constantLossCurve([1], 1, 0, 1, 1),
    RangeError,
    'n must be an integer in [2, 100000], got 1',
  ],
  [(c) => c.softmax([]), RangeError, 'logits must have between 2 and 4000000 entries, got 0'],
  [(c) => c.softmax([1]), RangeError, 'logits must have between 2 and 4000000 entries, got 1'],
  [
    (c) => c.softmax([1, NaN]),
    RangeError,
    'logits[1] must be a finite number in [-1e150, 1e150], got NaN',
  ],
  [(c) => c.softmax([1, '2']), TypeError, 'logits[1] must be a number, got string'],
  [(c) => c.softmax('12'), TypeError, 'logits must be an Array or Float64Array of numbers'],
  [
    (c) => c.multiclassPoint([1, 2, 3], 3),
    RangeError,
    'target class index must be an integer in [0, 2], got 3',
  ],
  [
    (c) => c.multiclassPoint([1, 2, 3], -1),
    RangeError,
    'target class index must be an integer in [0, 2], got -1',
  ],
  [(c) => c.multiclassPoint([1, 2, 3], 1.5), RangeError, 'got 1.5'],
  [
    (c) => c.multiclassPoint([1, 2], [0.5, 0.4]),
    RangeError,
    'target must sum to 1 (within 1e-6), got a sum of 0.9',
  ],
  [
    (c) => c.multiclassPoint([1, 2], [1.5, -0.5]),
    RangeError,
    'target[0] must be a number in [0, 1], got 1.5',
  ],
  [
    (c) => c.multiclassPoint([1, 2], [-0.5, 1.5]),
    RangeError,
    'target[0] must be a number in [0, 1], got -0.5',
  ],
  [
    (c) => c.multiclassPoint([1, 2, 3], [0.5, 0.5]),
    RangeError,
    'target must have one probability per class (3), got 2',
  ],
  [
    (c) => c.multiclassPoint([1, 2], 'cat'),
    TypeError,
    'target must be a class index (number) or an Array',
  ],
  [
    (c) => c.regressionLosses([1, 2], [1], 1),
    RangeError,
    'pred and target must have the same length, got 2 and 1',
  ],
  [
    (c) => c.regressionLosses([], [], 1),
    RangeError,
    'pred must have between 1 and 4000000 entries, got 0',
  ],
  [
    (c) => c.regressionLosses([1], [1], 0),
    RangeError,
    'delta must be a number in (0, 1e150], got 0',
  ],
  [
    (c) => c.regressionLosses([1], [1], -2),
    RangeError,
    'delta must be a number in (0, 1e150], got -2',
  ],
  [(c) => c.regressionLosses([1], [Infinity], 1), RangeError, 'target[0] must be a finite number'],
  [
    (c) => c.regressionLosses([1e200], [1], 1),
    RangeError,
    'pred[0] must be a finite number in [-1e150, 1e150], got 1e+200',
  ],
];

test('every documented bad input throws a named, ranged error', async () => {
  const core = await corePromise;
  assertEachThrows(core, CASES);
});

test('the module keeps working after thousands of errors', async () => {
  const core = await corePromise;
  for (let i = 0; i < 5000; i += 1) {
    assert.throws(() => core.multiclassPoint([1, NaN, 3], 0), RangeError);
    assert.throws(() => core.binaryPoint('x', 1), TypeError);
  }
  assert.equal(core.binaryPoint(-700, 1).ce, 700);
  assert.equal(core.sigmoid(0), 0.5);
});

test('the API object holds exactly the documented functions and cannot be altered', async () => {
  const core = await corePromise;
  assert.deepEqual(Object.keys(core).sort(), [
    'binaryCurve',
    'binaryPoint',
    'clampedBinaryPoint',
    'constantLossCurve',
    'countDescentSteps',
    'createCsvReader',
    'createRace',
    'createTableReader',
    'createTemperatureFit',
    'descentPath',
    'expectedScore',
    'expectedScoreCurves',
    'fitConstant',
    'fitTemperature',
    'histogram',
    'landscape',
    'landscapeCurvature',
    'landscapeHessian',
    'likelihoodCurve',
    'likelihoodDensity',
    'likelihoodFit',
    'likelihoodPoint',
    'limits',
    'logit',
    'memoryBytes',
    'multiclassPoint',
    'naiveSoftmax',
    'parseCsvDataset',
    'regressionLosses',
    'reliability',
    'scoreExamples',
    'sigmoid',
    'sigmoidChain',
    'softTargetPoint',
    'softTargetPointAtP',
    'softmax',
    'softmaxTwicePoint',
    'tokenSequencePoint',
  ]);
  assert.ok(Object.isFrozen(core));
});
