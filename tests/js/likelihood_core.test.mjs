// The built core's likelihood functions (likelihoodPoint, likelihoodFit, likelihoodCurve,
// likelihoodDensity) against references computed outside it: 40-digit mpmath values of
// −(1/n) Σ ln f(x_i) from the textbook densities (the same as tests/cpp/likelihood_test.cpp),
// closed forms written here, central differences, and the documented errors and limits.
//
// mpmath (mp.dps = 40), data 1, 2, 2.5, 4, 9 and labels 1, 1, 0, 1, 1, 1, 0, 1:
//   gauss(μ, σ)   = −mean(log(exp(−(x − μ)²/(2σ²)) / (σ·sqrt(2π))))
//   laplace(μ, b) = −mean(log(exp(−|x − μ|/b) / (2b)))
//   bernoulli(z)  = −mean(log(p) if y == 1 else log(1 − p)), p = 1/(1 + exp(−z))
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertClose, corePromise } from './load_core.mjs';
import { testErrorTable } from './error_cases.mjs';

const DATA = [1, 2, 2.5, 4, 9];
const LABELS = [1, 1, 0, 1, 1, 1, 0, 1];
// The digits as mpmath printed them; Number() rounds each to the nearest double.
const MPMATH = Object.fromEntries(
  Object.entries({
    gaussAt3Sigma2: '2.668335713764618051197561857863794207937',
    laplaceAt25B2: '2.386294361119890618834464242916353136151',
    bernoulliAt04: '0.6130152523999526236683719508459124932686',
    entropyOf075: '0.5623351446188083502880303152244588576654',
    softplusOfMinus40: '4.2483542552915889863e-18', // log(1 + exp(−40))
  }).map(([key, digits]) => [key, Number(digits)]),
);

const gaussianDensity = (x, mu, sigma) =>
  Math.exp(-((x - mu) ** 2) / (2 * sigma ** 2)) / Math.sqrt(2 * Math.PI * sigma ** 2);

test('likelihoodPoint: the Gaussian NLL, MSE, scale, constant and per-point densities', async () => {
  const core = await corePromise;
  const point = core.likelihoodPoint('gaussian', DATA, 3, 2);
  assertClose(point.meanNll, MPMATH.gaussAt3Sigma2, { rel: 1e-15 });
  assertClose(point.totalNll, 5 * MPMATH.gaussAt3Sigma2, { rel: 1e-15 });
  assertClose(point.loss, 8.45, { rel: 1e-15 }); // (4 + 1 + 0.25 + 1 + 36) / 5
  assert.equal(point.lossScale, 1 / 8); // 1/(2σ²)
  assertClose(point.offset, 0.5 * Math.log(2 * Math.PI * 4), { rel: 1e-15 });
  assertClose(point.mappedLoss, point.meanNll, { rel: 1e-15 });
  assert.ok(point.densities instanceof Float64Array && point.nlls instanceof Float64Array);
  DATA.forEach((x, i) => {
    assertClose(point.densities[i], gaussianDensity(x, 3, 2), { rel: 1e-14 });
    assertClose(point.nlls[i], -Math.log(gaussianDensity(x, 3, 2)), { rel: 1e-14 });
  });
  assert.equal(point.p, undefined, 'p only for Bernoulli');
});

test('likelihoodPoint: Laplace is MAE/b + ln 2b; Bernoulli is CE exactly', async () => {
  const core = await corePromise;
  const laplace = core.likelihoodPoint('laplace', DATA, 2.5, 2);
  assertClose(laplace.meanNll, MPMATH.laplaceAt25B2, { rel: 1e-15 });
  assertClose(laplace.loss, 2, { rel: 1e-15 }); // (1.5 + 0.5 + 0 + 1.5 + 6.5) / 5
  assert.equal(laplace.lossScale, 0.5);
  assertClose(laplace.offset, Math.log(4), { rel: 1e-15 });
  const bern = core.likelihoodPoint('bernoulli', LABELS, 0.4, 1);
  assertClose(bern.meanNll, MPMATH.bernoulliAt04, { rel: 1e-15 });
  assertClose(bern.loss, MPMATH.bernoulliAt04, { rel: 1e-15 });
  assert.deepEqual([bern.lossScale, bern.offset], [1, 0]);
  assertClose(bern.p, 1 / (1 + Math.exp(-0.4)), { rel: 1e-15 });
  // From the logit, the unlikely side keeps its digits: naive −log(σ(40)) would be 0.
  const tail = core.likelihoodPoint('bernoulli', [1], 40, 1);
  assertClose(tail.meanNll, MPMATH.softplusOfMinus40, { rel: 1e-14 });
  assert.equal(core.likelihoodPoint('bernoulli', [1], -40, 1).meanNll, 40);
});

test('likelihoodFit: mean, median (an interval for an even count), logit(k/n)', async () => {
  const core = await corePromise;
  for (const scale of [0.01, 2, 300]) {
    const gauss = core.likelihoodFit('gaussian', DATA, scale);
    assertClose(gauss.best, 3.7, { rel: 1e-15 });
    assert.equal(gauss.attained, true);
    assert.equal(core.likelihoodFit('laplace', DATA, scale).best, 2.5);
  }
  const even = core.likelihoodFit('laplace', [9, 1, 4, 2], 1);
  assert.deepEqual([even.low, even.best, even.high], [2, 3, 4]);
  const bern = core.likelihoodFit('bernoulli', LABELS, 1);
  assertClose(bern.best, Math.log(3), { rel: 1e-15 });
  assertClose(bern.leastMeanNll, MPMATH.entropyOf075, { rel: 1e-15 });
  assert.deepEqual(
    [bern.ones, bern.zeros, bern.n, bern.shareOfOnes, bern.shareOfZeros],
    [6, 2, 8, 0.75, 0.25],
  );
  const agree = core.likelihoodFit('bernoulli', [0, 0, 0], 1);
  assert.deepEqual([agree.best, agree.attained, agree.leastMeanNll], [-Infinity, false, 0]);
});

test('likelihoodCurve: NLL and mapped loss coincide, slope by central differences', async () => {
  const core = await corePromise;
  const curve = core.likelihoodCurve('gaussian', DATA, 1.5, -1, 11, 241);
  assert.equal(curve.location.length, 241);
  assert.deepEqual([curve.location[0], curve.location[240]], [-1, 11]);
  curve.meanNll.forEach((nll, k) => assertClose(curve.mappedLoss[k], nll, { rel: 1e-14 }));
  // d/dμ of the mean NLL = (μ − mean)/σ² in closed form; steps of 0.05.
  for (let k = 1; k < 240; k += 17) {
    const slope = (curve.meanNll[k + 1] - curve.meanNll[k - 1]) / 0.1;
    assertClose(slope, (curve.location[k] - 3.7) / 2.25, { rel: 0, abs: 1e-9 });
  }
  const lowest = curve.meanNll.indexOf(Math.min(...curve.meanNll));
  assertClose(curve.location[lowest], 3.7, { rel: 0, abs: 0.025 });
});

test('likelihoodDensity: peaks, unit area, and the Bernoulli pmf', async () => {
  const core = await corePromise;
  const gauss = core.likelihoodDensity('gaussian', 3, 2, -57, 63, 60001);
  const laplace = core.likelihoodDensity('laplace', 3, 2, -57, 63, 60001);
  for (const grid of [gauss, laplace]) {
    let area = 0;
    for (let k = 1; k < grid.x.length; k += 1) {
      area += 0.5 * (grid.density[k] + grid.density[k - 1]) * (grid.x[k] - grid.x[k - 1]);
    }
    assertClose(area, 1, { rel: 1e-6 });
  }
  assertClose(Math.max(...gauss.density), 1 / (2 * Math.sqrt(2 * Math.PI)), { rel: 1e-15 });
  assertClose(Math.max(...laplace.density), 0.25, { rel: 1e-15 });
  const pmf = core.likelihoodDensity('bernoulli', Math.log(3), 1, 0, 1, 2);
  assertClose(pmf.density[0], 0.25, { rel: 1e-15 });
  assertClose(pmf.density[1], 0.75, { rel: 1e-15 });
});

const ERRORS = [
  [(c) => c.likelihoodPoint(1, DATA, 0, 1), TypeError, 'dist must be a string, got number'],
  [
    (c) => c.likelihoodPoint('poisson', DATA, 0, 1),
    RangeError,
    'likelihoodPoint(dist, data, location, scale): dist must be "bernoulli", "gaussian" or "laplace", got "poisson"',
  ],
  [
    (c) => c.likelihoodPoint('gaussian', [], 0, 1),
    RangeError,
    'data must have between 1 and 10000',
  ],
  [(c) => c.likelihoodPoint('gaussian', [1, '2'], 0, 1), TypeError, 'data[1] must be a number'],
  [
    (c) => c.likelihoodPoint('laplace', [1, 2e6], 0, 1),
    RangeError,
    'data[1] must be a number in [-1e6, 1e6], got 2000000',
  ],
  [
    (c) => c.likelihoodFit('bernoulli', [1, 0.5], 1),
    RangeError,
    'likelihoodFit(dist, data, scale): data[1] must be 0 or 1 for the Bernoulli distribution, got 0.5',
  ],
  [
    (c) => c.likelihoodPoint('gaussian', DATA, 0, 0),
    RangeError,
    'scale must be a number in [0.001, 1e6], got 0',
  ],
  [
    (c) => c.likelihoodPoint('bernoulli', [1], NaN, 1),
    RangeError,
    'location must be a number in [-1e6, 1e6], got NaN',
  ],
  [(c) => c.likelihoodCurve('gaussian', DATA, 1, 5, 1, 10), RangeError, 'lo must be below hi'],
  [
    (c) => c.likelihoodCurve('gaussian', DATA, 1, 0, 1, 1e6),
    RangeError,
    'n must be an integer in [2, 100000], got 1000000',
  ],
  [
    (c) => c.likelihoodDensity('gaussian', 0, 1, 0, Infinity, 10),
    RangeError,
    'xMax must be a number in [-1e150, 1e150], got Infinity',
  ],
  [
    (c) => c.likelihoodFit('gaussian', DATA),
    TypeError,
    'likelihoodFit(dist, data, scale) expects 3 argument(s), got 2',
  ],
];

testErrorTable(ERRORS, (core) =>
  assertClose(core.likelihoodPoint('gaussian', DATA, 3, 2).meanNll, MPMATH.gaussAt3Sigma2, {
    rel: 1e-15,
  }),
);

test('core.limits.likelihood holds the documented limits', async () => {
  const { limits } = await corePromise;
  assert.deepEqual(limits.likelihood, {
    value: { min: -1e6, max: 1e6, integer: false },
    location: { min: -1e6, max: 1e6, integer: false },
    scale: { min: 1e-3, max: 1e6, integer: false },
    curvePoints: { min: 2, max: 100000, integer: true },
    maxData: 10000,
    distributions: ['bernoulli', 'gaussian', 'laplace'],
  });
});

test('likelihoodPoint: where a density underflows to 0 its cost stays finite and exact', async () => {
  const core = await corePromise;
  // b = 0.001: e^−6000 and e^−2000 are far below the smallest double, but −ln f = |x − μ|/b +
  // ln 2b is an ordinary number, so the costs still rank the points (x = 9 costs most).
  const laplace = core.likelihoodPoint('laplace', DATA, 3, 0.001);
  DATA.forEach((x, i) => {
    assertClose(laplace.nlls[i], Math.abs(x - 3) / 0.001 + Math.log(0.002), { rel: 1e-14 });
  });
  assert.deepEqual(
    [...laplace.densities].map((f) => f === 0),
    [true, true, false, true, true],
  );
  assert.equal(laplace.nlls.indexOf(Math.max(...laplace.nlls)), DATA.indexOf(9));
  // A density above 1 costs less than 0: f(μ) = 1/(σ√2π) at σ = 0.001.
  const peak = core.likelihoodPoint('gaussian', [3], 3, 0.001);
  assertClose(peak.densities[0], 1 / (0.001 * Math.sqrt(2 * Math.PI)), { rel: 1e-14 });
  assertClose(peak.nlls[0], Math.log(0.001 * Math.sqrt(2 * Math.PI)), { rel: 1e-14 });
});

test('likelihoodPoint: p rounds to exactly 1 from z ≈ 37, the costs from z do not', async () => {
  const core = await corePromise;
  const point = core.likelihoodPoint('bernoulli', [1, 0], 40, 1);
  assert.equal(point.p, 1, 'σ(40) is 1 in double');
  assert.equal(point.densities[0], 1);
  assertClose(point.densities[1], Math.exp(-40) / (1 + Math.exp(-40)), { rel: 1e-14 });
  assertClose(point.nlls[0], MPMATH.softplusOfMinus40, { rel: 1e-14 });
  assertClose(point.nlls[1], 40 + MPMATH.softplusOfMinus40, { rel: 1e-15 });
  // At z = −10⁶ p underflows to 0, and a 1 costs 10⁶.
  const far = core.likelihoodPoint('bernoulli', [1], -1e6, 1);
  assert.deepEqual([far.p, far.densities[0], far.nlls[0]], [0, 0, 1e6]);
});

// The lab writes data, centers and chart rows with enough digits to tell them apart
// (web/panels/likelihood/spaced_format.js): checked here on what it prints, read back.
const readBack = (text) => Number(text.replace('\u2212', '-'));

test('the lab tells values near 10⁶ apart, and keeps four digits where they suffice', async () => {
  const { formatDistinct, formatGrid } =
    await import('../../web/panels/likelihood/spaced_format.js');
  const { formatNumber } = await import('../../web/shared/number_format.js');
  assert.equal(formatDistinct(DATA), formatNumber, 'ordinary data: the house format');
  for (const values of [
    [999997, 999998, 1000000],
    [-1000000, -999999.5],
    [3, 3.0005],
    [1e-6, 1.0001e-6],
  ]) {
    const shown = values.map(formatDistinct(values));
    assert.equal(new Set(shown).size, values.length, shown.join(', '));
    values.forEach((x, i) => assertClose(readBack(shown[i]), x, { rel: 1e-12 }));
  }
  // A curve's grid from 999999 to 1000004 in 401 steps of 0.0125: every point reads apart and
  // within a twentieth of a step of its value.
  const format = formatGrid(999999, 1000004, 401);
  const grid = Array.from({ length: 401 }, (_, k) => 999999 + (5 * k) / 400);
  const shown = grid.map(format);
  assert.equal(new Set(shown).size, grid.length);
  grid.forEach((x, k) => assert.ok(Math.abs(readBack(shown[k]) - x) <= 0.0125 / 20, shown[k]));
  assert.equal(formatGrid(-6, 6, 401), formatNumber, 'a logit axis: the house format');
});
