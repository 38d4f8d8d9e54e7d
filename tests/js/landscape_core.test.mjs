// The built core's loss landscape (landscape, landscapeCurvature, landscapeHessian, descentPath)
// against a plain JS reference written here from the definitions with Math.exp and Math.log1p,
// one point and one cell at a time; heavy-ball steps worked by hand; and every documented error.
//
// mpmath (mp.dps = 50): log(1 + exp(−46)) = 1.053061735755381237870788e−20, the mean CE of the
// one point x = 1, y = 1 at w = 44, b = 2 (a naive −log(σ(46)) is 0).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertClose, corePromise } from './load_core.mjs';
import { testErrorTable } from './error_cases.mjs';
import { concaveShare } from '../e2e/atlas/landscape_reference.mjs';

// The landscape panel's separable preset, and a small overlapping set kept where |z| ≤ 4.
const SEPARABLE = {
  x: [-2.4, -1.9, -1.5, -1.1, -0.6, 0.5, 0.9, 1.4, 1.8, 2.3],
  y: [0, 0, 0, 0, 0, 1, 1, 1, 1, 1],
};
const MIXED = { x: [-1, -0.7, -0.2, 0.1, 0.45, 0.8, 1], y: [0, 1, 0, 0, 1, 1, 0] };

// The digits as mpmath printed them; Number() rounds each to the nearest double.
const MPMATH = {
  softplusOfMinus46: Number('1.053061735755381237870788e-20'), // log(1 + exp(−46))
  sigmaOfMinus46Squared: Number('1.108939019312136379436242e-40'), // σ(−46)²
};

const sigma = (z) => 1 / (1 + Math.exp(-z));
// softplus(u) = ln(1 + e^u), in the form that neither overflows nor loses the tail.
const softplus = (u) => Math.max(u, 0) + Math.log1p(Math.exp(-Math.abs(u)));

/** Mean CE and MSE of p = σ(w·x + b), one point at a time. */
function reference({ x, y }, w, b) {
  let ce = 0;
  let mse = 0;
  x.forEach((xk, k) => {
    const z = w * xk + b;
    ce += y[k] === 1 ? softplus(-z) : softplus(z);
    mse += (sigma(z) - y[k]) ** 2;
  });
  return { ce: ce / x.length, mse: mse / x.length };
}

/** The Hessian from its definition: mean h·[x², x; x, 1]. */
function referenceHessian({ x, y }, loss, w, b) {
  let [hww, hwb, hbb] = [0, 0, 0];
  x.forEach((xk, k) => {
    const p = sigma(w * xk + b);
    const d = p * (1 - p);
    const h = loss === 'ce' ? d : 2 * d * (d + (p - y[k]) * (1 - 2 * p));
    hww += h * xk * xk;
    hwb += h * xk;
    hbb += h;
  });
  return { hww: hww / x.length, hwb: hwb / x.length, hbb: hbb / x.length };
}

const smallestEigenvalue = ({ hww, hwb, hbb }) =>
  (hww + hbb) / 2 - Math.sqrt(((hww - hbb) / 2) ** 2 + hwb ** 2);

/** The gradient of the mean loss: mean dℓ/dz·(x, 1). */
function referenceGradient({ x, y }, loss, w, b) {
  let [dw, db] = [0, 0];
  x.forEach((xk, k) => {
    const p = sigma(w * xk + b);
    const g = loss === 'ce' ? p - y[k] : 2 * (p - y[k]) * p * (1 - p);
    dw += g * xk;
    db += g;
  });
  return { dw: dw / x.length, db: db / x.length };
}

test('landscape: nw·nb mean losses, row-major with w fastest, ends included', async () => {
  const core = await corePromise;
  const [nw, nb] = [9, 7];
  for (const loss of ['ce', 'mse']) {
    const map = core.landscape(MIXED, loss, -2, 2, -1.5, 1.5, nw, nb);
    assert.ok(map instanceof Float64Array);
    assert.equal(map.length, nw * nb);
    for (let j = 0; j < nb; j += 1) {
      for (let i = 0; i < nw; i += 1) {
        const w = -2 + (i * 4) / (nw - 1);
        const b = -1.5 + (j * 3) / (nb - 1);
        assertClose(map[j * nw + i], reference(MIXED, w, b)[loss], {
          rel: 1e-13,
          what: `${loss} at w = ${w}, b = ${b}:`,
        });
      }
    }
  }
  // Not square, and a wide window: the maps follow the reference everywhere within the limits.
  const wide = core.landscape(SEPARABLE, 'ce', -50, 50, -50, 50, 3, 2);
  assert.equal(wide.length, 6);
  assertClose(wide[5], reference(SEPARABLE, 50, 50).ce, { rel: 1e-14 });
  assertClose(wide[0], reference(SEPARABLE, -50, -50).ce, { rel: 1e-14 });
});

test('landscape keeps the tail: one point right by 46 has CE ≈ 1.05e−20, not 0', async () => {
  const core = await corePromise;
  const one = { x: [1], y: [1] };
  const map = core.landscape(one, 'ce', 40, 48, -2, 2, 5, 5);
  assertClose(map[4 * 5 + 2], MPMATH.softplusOfMinus46, { rel: 1e-14 }); // w 44, b 2
  assert.ok(-Math.log(sigma(46)) === 0, 'the naive form loses it all');
  // σ(−46)² from the logit.
  const mse = core.landscape(one, 'mse', 40, 48, -2, 2, 5, 5);
  assertClose(mse[4 * 5 + 2], MPMATH.sigmaOfMinus46Squared, { rel: 1e-14 });
});

test('landscapeHessian and landscapeCurvature follow the definitions', async () => {
  const core = await corePromise;
  for (const loss of ['ce', 'mse']) {
    for (const [w, b] of [
      [-1.5, 0.3],
      [0.8, -1],
      [2, 1.2],
    ]) {
      const hessian = core.landscapeHessian(MIXED, loss, w, b);
      const expected = referenceHessian(MIXED, loss, w, b);
      assert.deepEqual(Object.keys(hessian).sort(), ['hbb', 'hwb', 'hww']);
      for (const key of ['hww', 'hwb', 'hbb']) {
        assertClose(hessian[key], expected[key], { rel: 1e-12, abs: 1e-16, what: key });
      }
    }
    const [nw, nb] = [5, 4];
    const curvature = core.landscapeCurvature(MIXED, loss, -2, 2, -1.5, 1.5, nw, nb);
    assert.ok(curvature instanceof Float64Array);
    assert.equal(curvature.length, nw * nb);
    for (let j = 0; j < nb; j += 1) {
      for (let i = 0; i < nw; i += 1) {
        const h = referenceHessian(MIXED, loss, -2 + i, -1.5 + j);
        assertClose(curvature[j * nw + i], smallestEigenvalue(h), {
          rel: 1e-10,
          abs: 1e-14,
          what: `${loss} λ_min at cell ${i}, ${j}:`,
        });
      }
    }
  }
});

test('MSE is not convex on the separable data; CE is convex everywhere', async () => {
  const core = await corePromise;
  const hessian = core.landscapeHessian(SEPARABLE, 'mse', -6, 0);
  assert.ok(hessian.hww * hessian.hbb - hessian.hwb ** 2 > 0 && hessian.hww < 0, 'negative');
  const mse = core.landscapeCurvature(SEPARABLE, 'mse', -10, 10, -10, 10, 41, 41);
  assert.ok(mse[20 * 41 + 8] < 0, 'λ_min < 0 at w = −6, b = 0');
  assert.ok(mse[20 * 41 + 22] > 0, 'λ_min > 0 at w = 1, b = 0');
  const ce = core.landscapeCurvature(SEPARABLE, 'ce', -50, 50, -50, 50, 101, 101);
  assert.ok(Math.min(...ce) >= 0);
});

test('landscapeCurvature: one point is rank one, so CE’s λ_min is 0 in every cell', async () => {
  // ℓ''·[x², x; x, 1] has eigenvalues 0 and ℓ''·(1 + x²): λ_min = 0 exactly for CE, and for
  // MSE 0 where ℓ'' > 0 and ℓ''·(1 + x²) < 0 where ℓ'' < 0 (σ(ζ) > 2/3, ζ > ln 2).
  const core = await corePromise;
  for (const data of [
    { x: [3], y: [0] },
    { x: [10], y: [1] },
    { x: [0], y: [1] },
    { x: [2, 2, 2], y: [0, 1, 1] },
  ]) {
    const ce = core.landscapeCurvature(data, 'ce', -10, 10, -10, 10, 100, 100);
    const wrong = ce.filter((v) => v !== 0);
    assert.equal(
      wrong.length,
      0,
      `${JSON.stringify(data)}: ${wrong.length} cells, e.g. ${wrong[0]}`,
    );
    const mse = core.landscapeCurvature(data, 'mse', -10, 10, -10, 10, 100, 100);
    assert.ok(Math.max(...mse) === 0, 'MSE: never above 0 for a rank-one Hessian');
  }
});

// The hatched share against an exact count (tests/e2e/atlas/landscape_reference.mjs: the sign
// of Σ_{k<l} ℓ''_k ℓ''_l (x_k − x_l)² and of the trace, in BigInt where doubles cannot tell).
// The figures: one point at x = 3 is 48.92 % (the cancelling det gave 64.21 %), at
// x = 10 49.65 % (not 78.77 %), the momentum scene's window 58.83 % (not 59.32 %).
test('landscapeCurvature: the MSE share below 0 is the exact count, on any window', async () => {
  const core = await corePromise;
  const overlapping = {
    x: [-2.2, -1.6, -1.0, -0.5, 0.2, 0.8, -0.8, -0.1, 0.5, 1.1, 1.7, 2.4],
    y: [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1],
  };
  const cases = [
    [{ x: [3], y: [0] }, [-10, 10, -10, 10], 19567],
    [{ x: [10], y: [1] }, [-10, 10, -10, 10], 19860],
    [SEPARABLE, [-10, 10, -10, 10], 31846],
    [SEPARABLE, [-10, 40, -25, 25], 23532],
    [overlapping, [-50, 50, -50, 50], null],
    [{ x: [-10, 9.9, 10], y: [1, 0, 0] }, [-50, 50, -50, 50], null],
  ];
  for (const [data, view, cells] of cases) {
    const map = core.landscapeCurvature(data, 'mse', ...view, 200, 200);
    const shown = map.filter((v) => v < 0).length;
    const exact = Math.round(concaveShare(data, view) * 40000);
    assert.equal(shown, exact, `${JSON.stringify(data)} on ${view}`);
    if (cells !== null) assert.equal(exact, cells);
  }
});

test('descentPath: the start and the first step, by hand', async () => {
  const core = await corePromise;
  const data = { x: [-1, 2], y: [0, 1] };
  for (const loss of ['ce', 'mse']) {
    const path = core.descentPath(data, loss, -1.5, 0.25, 0.8, 1, 0);
    assert.deepEqual(Object.keys(path).sort(), ['b', 'gradNorm', 'loss', 'steps', 'stopped', 'w']);
    for (const key of ['w', 'b', 'loss', 'gradNorm']) {
      assert.ok(path[key] instanceof Float64Array && path[key].length === 2, key);
    }
    assert.deepEqual([path.steps, path.stopped], [1, false]);
    assert.deepEqual([path.w[0], path.b[0]], [-1.5, 0.25]);
    const g = referenceGradient(data, loss, -1.5, 0.25);
    assertClose(path.loss[0], reference(data, -1.5, 0.25)[loss], { rel: 1e-14 });
    assertClose(path.gradNorm[0], Math.hypot(g.dw, g.db), { rel: 1e-14 });
    assertClose(path.w[1], -1.5 - 0.8 * g.dw, { rel: 1e-14 });
    assertClose(path.b[1], 0.25 - 0.8 * g.db, { rel: 1e-14 });
    assertClose(path.loss[1], reference(data, path.w[1], path.b[1])[loss], { rel: 1e-14 });
  }
});

test('descentPath with momentum: v ← βv − η∇L, θ ← θ + v, by hand', async () => {
  const core = await corePromise;
  const [rate, beta] = [0.5, 0.9];
  const path = core.descentPath(SEPARABLE, 'ce', -6, 0, rate, 3, beta);
  let [w, b, vw, vb] = [-6, 0, 0, 0];
  for (let s = 1; s <= 3; s += 1) {
    const g = referenceGradient(SEPARABLE, 'ce', w, b);
    vw = beta * vw - rate * g.dw;
    vb = beta * vb - rate * g.db;
    w += vw;
    b += vb;
    assertClose(path.w[s], w, { rel: 1e-13, what: `w after ${s} steps:` });
    assertClose(path.b[s], b, { rel: 1e-13, abs: 1e-15, what: `b after ${s} steps:` });
  }
  // β = 0 is plain descent: CE then never goes up at this rate.
  const plain = core.descentPath(SEPARABLE, 'ce', -6, 0, 1, 40, 0);
  plain.loss.slice(1).forEach((value, s) => assert.ok(value <= plain.loss[s]));
  const mse = core.descentPath(SEPARABLE, 'mse', -6, 0, 1, 40, 0);
  assert.ok(plain.w[40] > 0 && mse.w[40] < -5, 'CE escapes the plateau, MSE does not');
});

test('descentPath stops before a step leaves [-50, 50]², and says so', async () => {
  const core = await corePromise;
  const path = core.descentPath(SEPARABLE, 'ce', -6, 0, 100, 500, 0.99);
  assert.equal(path.stopped, true);
  assert.ok(path.steps < 500);
  for (const key of ['w', 'b', 'loss', 'gradNorm']) assert.equal(path[key].length, path.steps + 1);
  assert.ok(path.w.every((w) => Math.abs(w) <= 50) && path.b.every((b) => Math.abs(b) <= 50));
  const none = core.descentPath(SEPARABLE, 'mse', 1, 2, 1, 0, 0);
  assert.deepEqual([none.w.length, none.steps, none.stopped], [1, 0, false]);
});

test('data may be plain arrays or typed arrays', async () => {
  const core = await corePromise;
  const plain = core.landscape({ x: [-1, 0.5, 2], y: [0, 1, 1] }, 'ce', -3, 3, -2, 2, 4, 3);
  for (const data of [
    { x: new Float64Array([-1, 0.5, 2]), y: new Float64Array([0, 1, 1]) },
    { x: new Float32Array([-1, 0.5, 2]), y: new Uint8Array([0, 1, 1]) },
  ]) {
    assert.deepEqual(core.landscape(data, 'ce', -3, 3, -2, 2, 4, 3), plain);
  }
  const ints = core.landscapeHessian(
    { x: new Int16Array([-2, 3]), y: new Int32Array([0, 1]) },
    'mse',
    1,
    0,
  );
  assert.deepEqual(ints, core.landscapeHessian({ x: [-2, 3], y: [0, 1] }, 'mse', 1, 0));
});

const DATA = { x: [0.5, 1], y: [0, 1] };
const GRID = 'landscape(data, loss, wMin, wMax, bMin, bMax, nw, nb): ';
const ERRORS = [
  [
    (c) => c.landscape(5, 'ce', -1, 1, -1, 1, 2, 2),
    TypeError,
    `${GRID}data must be an object {x, y} of two arrays, got number`,
  ],
  [
    (c) => c.landscape(null, 'ce', -1, 1, -1, 1, 2, 2),
    TypeError,
    'data must be an object {x, y} of two arrays, got object',
  ],
  [
    (c) => c.landscape({ y: [1] }, 'ce', -1, 1, -1, 1, 2, 2),
    TypeError,
    'data.x must be an Array or a typed array of numbers, got undefined',
  ],
  [
    (c) => c.landscape({ x: [1], y: new BigInt64Array(1) }, 'ce', -1, 1, -1, 1, 2, 2),
    TypeError,
    'data.y must be an Array or a typed array of numbers, got object',
  ],
  [
    (c) => c.landscape({ x: [1, '2'], y: [0, 1] }, 'ce', -1, 1, -1, 1, 2, 2),
    TypeError,
    'data.x[1] must be a number, got string',
  ],
  [
    (c) => c.landscape({ x: [], y: [] }, 'ce', -1, 1, -1, 1, 2, 2),
    RangeError,
    'data.x must have between 1 and 1000 entries, got 0',
  ],
  [
    (c) =>
      c.landscapeHessian({ x: new Array(1001).fill(0), y: new Array(1001).fill(0) }, 'ce', 0, 0),
    RangeError,
    'data.x must have between 1 and 1000 entries, got 1001',
  ],
  [
    (c) => c.landscape({ x: [1, 2], y: [1] }, 'ce', -1, 1, -1, 1, 2, 2),
    RangeError,
    'data.y must have one label per entry of data.x (2), got 1',
  ],
  [
    (c) => c.landscape({ x: [1, 11], y: [0, 1] }, 'ce', -1, 1, -1, 1, 2, 2),
    RangeError,
    `${GRID}data.x[1] must be a number in [-10, 10], got 11. Use a value such as 1.5`,
  ],
  [
    (c) => c.landscape({ x: [NaN], y: [1] }, 'ce', -1, 1, -1, 1, 2, 2),
    RangeError,
    'data.x[0] must be a number in [-10, 10], got NaN',
  ],
  [
    (c) => c.landscape({ x: [1, 2], y: [0.5, 1] }, 'ce', -1, 1, -1, 1, 2, 2),
    RangeError,
    'data.y[0] must be 0 or 1, got 0.5',
  ],
  [(c) => c.landscape(DATA, 1, -1, 1, -1, 1, 2, 2), TypeError, 'loss must be a string, got number'],
  [
    (c) => c.landscape(DATA, 'mae', -1, 1, -1, 1, 2, 2),
    RangeError,
    `${GRID}loss must be "ce" or "mse", got "mae"`,
  ],
  [
    (c) => c.landscape(DATA, 'ce', '-1', 1, -1, 1, 2, 2),
    TypeError,
    'wMin must be a number, got string',
  ],
  [
    (c) => c.landscape(DATA, 'ce', 1, 1, -1, 1, 2, 2),
    RangeError,
    'wMin must be below wMax, got 1 and 1',
  ],
  [
    (c) => c.landscape(DATA, 'ce', -1, 60, -1, 1, 2, 2),
    RangeError,
    'wMax must be a number in [-50, 50], got 60. Use a value such as 10',
  ],
  [
    (c) => c.landscape(DATA, 'ce', -1, 1, NaN, 1, 2, 2),
    RangeError,
    'bMin must be a number in [-50, 50], got NaN. Use a value such as -10',
  ],
  [
    (c) => c.landscape(DATA, 'ce', -1, 1, 2, 1, 2, 2),
    RangeError,
    'bMin must be below bMax, got 2 and 1',
  ],
  [
    (c) => c.landscape(DATA, 'ce', -1, 1, -1, 1, 1, 2),
    RangeError,
    'nw must be an integer in [2, 400], got 1. Use a value such as 200',
  ],
  [
    (c) => c.landscapeCurvature(DATA, 'ce', -1, 1, -1, 1, 2, 401),
    RangeError,
    'landscapeCurvature(data, loss, wMin, wMax, bMin, bMax, nw, nb): nb must be an integer in [2, 400], got 401',
  ],
  [
    (c) => c.landscapeCurvature(DATA, 'mse', -1, 1, -1, 1, 2, 2.5),
    RangeError,
    'nb must be an integer in [2, 400], got 2.5',
  ],
  [
    (c) => c.landscapeHessian(DATA, 'ce', 51, 0),
    RangeError,
    'landscapeHessian(data, loss, w, b): w must be a number in [-50, 50], got 51. Use a value such as -6',
  ],
  [
    (c) => c.landscapeHessian(DATA, 'ce', 0, -Infinity),
    RangeError,
    'b must be a number in [-50, 50], got -Infinity. Use a value such as 0',
  ],
  [
    (c) => c.descentPath(DATA, 'ce', -50.5, 0, 1, 10, 0),
    RangeError,
    'descentPath(data, loss, w0, b0, learningRate, steps, momentum): w0 must be a number in [-50, 50], got -50.5',
  ],
  [
    (c) => c.descentPath(DATA, 'ce', 0, 99, 1, 10, 0),
    RangeError,
    'b0 must be a number in [-50, 50], got 99',
  ],
  [
    (c) => c.descentPath(DATA, 'ce', 0, 0, 0, 10, 0),
    RangeError,
    'learningRate must be a number in (0, 100], got 0. Use a value such as 1',
  ],
  [
    (c) => c.descentPath(DATA, 'ce', 0, 0, 101, 10, 0),
    RangeError,
    'learningRate must be a number in (0, 100], got 101',
  ],
  [
    (c) => c.descentPath(DATA, 'ce', 0, 0, 1, -1, 0),
    RangeError,
    'steps must be an integer in [0, 10000], got -1. Use a value such as 100',
  ],
  [
    (c) => c.descentPath(DATA, 'ce', 0, 0, 1, 1.5, 0),
    RangeError,
    'steps must be an integer in [0, 10000], got 1.5',
  ],
  [
    (c) => c.descentPath(DATA, 'ce', 0, 0, 1, 10001, 0),
    RangeError,
    'steps must be an integer in [0, 10000], got 10001',
  ],
  [
    (c) => c.descentPath(DATA, 'ce', 0, 0, 1, 10, 1),
    RangeError,
    'momentum must be a number in [0, 0.999], got 1. Use a value such as 0.9',
  ],
  [
    (c) => c.descentPath(DATA, 'ce', 0, 0, 1, 10, -0.1),
    RangeError,
    'momentum must be a number in [0, 0.999], got -0.1',
  ],
  [
    (c) => c.descentPath(DATA, 'ce', 0, 0, 1, 10, '0'),
    TypeError,
    'momentum must be a number, got string',
  ],
  [
    (c) => c.descentPath(DATA, 'ce', 0, 0, 1, 10),
    TypeError,
    'descentPath(data, loss, w0, b0, learningRate, steps, momentum) expects 7 argument(s), got 6',
  ],
];

testErrorTable(ERRORS, (core) =>
  assertClose(core.landscape(DATA, 'mse', -1, 1, -1, 1, 2, 2)[0], reference(DATA, -1, -1).mse, {
    rel: 1e-14,
  }),
);

test('core.limits.landscape holds the documented limits', async () => {
  const { limits } = await corePromise;
  assert.deepEqual(limits.landscape, {
    x: { min: -10, max: 10, integer: false },
    w: { min: -50, max: 50, integer: false },
    b: { min: -50, max: 50, integer: false },
    points: { min: 1, max: 1000, integer: true },
    gridSide: { min: 2, max: 400, integer: true },
    learningRate: { min: 0, max: 100, integer: false, open: 'min' },
    momentum: { min: 0, max: 0.999, integer: false },
    steps: { min: 0, max: 10000, integer: true },
  });
  assert.ok(Object.isFrozen(limits.landscape.momentum));
});
