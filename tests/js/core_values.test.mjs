// The WASM build against the same independent references as the native Catch2 suite:
// 60-digit mpmath values (tests/reference/reference_values.json), closed forms, identities
// and central differences.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { assertClose, corePromise } from './load_core.mjs';

const references = JSON.parse(
  readFileSync(new URL('../reference/reference_values.json', import.meta.url), 'utf8'),
);

test('binaryPoint matches mpmath for hard labels, tails included', async () => {
  const core = await corePromise;
  for (const ref of references.binary.filter((r) => r.y === 0 || r.y === 1)) {
    const what = `z=${ref.z}, y=${ref.y}:`;
    const point = core.binaryPoint(ref.z, ref.y);
    for (const key of ['p', 'ce', 'mse', 'dceDz', 'dmseDz', 'ratio']) {
      assertClose(point[key], Number(ref[key]), { what: `${what} ${key}` });
    }
    assertClose(core.sigmoid(ref.z), Number(ref.p), { what: `${what} sigmoid` });
  }
});

test('binaryPoint matches mpmath for soft labels, to the rounding of p', async () => {
  const core = await corePromise;
  for (const ref of references.binary.filter((r) => r.y > 0 && r.y < 1)) {
    const what = `z=${ref.z}, y=${ref.y}:`;
    const point = core.binaryPoint(ref.z, ref.y);
    assertClose(point.ce, Number(ref.ce), { what: `${what} ce` });
    assertClose(point.p, Number(ref.p), { what: `${what} p` });
    // p − y cancels near p = y; its absolute error is bounded by p's rounding.
    assertClose(point.dceDz, Number(ref.dceDz), { rel: 0, abs: 4e-16, what: `${what} dceDz` });
    assertClose(point.dmseDz, Number(ref.dmseDz), { rel: 0, abs: 4e-16, what: `${what} dmseDz` });
  }
});

test("the issue's tails: CE(-700, 1) = 700, CE(700, 1) = 9.86e-305, never 0 or Infinity", async () => {
  const core = await corePromise;
  assert.equal(core.binaryPoint(-700, 1).ce, 700);
  const tiny = core.binaryPoint(700, 1).ce;
  assert.ok(tiny > 0 && Number.isFinite(tiny));
  assertClose(tiny, Math.exp(-700), { rel: 1e-15 }); // log1p(e^-700) = e^-700 in doubles
});

test('identities: CE(z, 1) = CE(-z, 0), dCE/dz = p - y, ratio = |dCE|/|dMSE|', async () => {
  const core = await corePromise;
  for (let z = -750; z <= 750; z += 12.5) {
    assert.equal(core.binaryPoint(z, 1).ce, core.binaryPoint(-z, 0).ce, `z=${z}`);
  }
  for (const y of [0, 0.25, 0.6, 1]) {
    for (let z = -20; z <= 20; z += 0.5) {
      const point = core.binaryPoint(z, y);
      assertClose(point.dceDz, point.p - y, { rel: 0, abs: 2e-16, what: `z=${z} y=${y}` });
      if (point.dmseDz !== 0) {
        assertClose(point.ratio, Math.abs(point.dceDz) / Math.abs(point.dmseDz), { rel: 1e-12 });
      }
    }
  }
  assert.equal(core.binaryPoint(0, 0.5).ratio, 2); // defined where p = y: 1 / (2 * 0.25)
});

test('gradients equal central differences of the losses', async () => {
  const core = await corePromise;
  const h = 1e-6;
  for (const y of [0, 1, 0.6]) {
    for (let z = -10; z <= 10; z += 0.625) {
      const point = core.binaryPoint(z, y);
      const up = core.binaryPoint(z + h, y);
      const down = core.binaryPoint(z - h, y);
      assertClose(point.dceDz, (up.ce - down.ce) / (2 * h), { rel: 1e-6, abs: 1e-9 });
      assertClose(point.dmseDz, (up.mse - down.mse) / (2 * h), { rel: 1e-6, abs: 1e-9 });
    }
  }
});

test('seed 000 soft-target table (t = 0.9 and t = 0.6), recomputed through logit', async () => {
  const core = await corePromise;
  for (const ref of references.softTargets) {
    const point = core.binaryPoint(core.logit(ref.p), ref.t);
    assertClose(point.ce, Number(ref.bce), { rel: 1e-14, what: `t=${ref.t} p=${ref.p}` });
    assertClose(point.mse, Number(ref.mse), { rel: 1e-13, what: `t=${ref.t} p=${ref.p}` });
  }
});

test('binaryCurve returns Float64Arrays with exact endpoints and point-wise values', async () => {
  const core = await corePromise;
  const curve = core.binaryCurve(0.6, -10, 10, 201);
  for (const key of ['z', 'p', 'ce', 'mse', 'dceDz', 'dmseDz']) {
    assert.ok(curve[key] instanceof Float64Array, key);
    assert.equal(curve[key].length, 201, key);
  }
  assert.equal(curve.z[0], -10);
  assert.equal(curve.z[200], 10);
  assert.equal(curve.z[100], 0);
  for (let i = 0; i < 201; i += 20) {
    const point = core.binaryPoint(curve.z[i], 0.6);
    assert.equal(curve.ce[i], point.ce);
    assert.equal(curve.dmseDz[i], point.dmseDz);
  }
  // A second call must not disturb the first call's arrays (they are copies).
  const before = curve.ce[7];
  core.binaryCurve(1, -700, 700, 100000);
  assert.equal(curve.ce[7], before);
});

test('multiclassPoint matches mpmath; K = 2 reduces to the binary case', async () => {
  const core = await corePromise;
  for (const ref of references.multiclass) {
    const out = core.multiclassPoint(ref.logits, ref.target);
    const what = `logits=${ref.logits} target=${ref.target}`;
    assertClose(out.ce, Number(ref.ce), { what: `${what} ce` });
    assertClose(out.mse, Number(ref.mse), { what: `${what} mse` });
    ref.probs.forEach((p, i) => assertClose(out.probs[i], Number(p), { what: `${what} p${i}` }));
    ref.dceDlogits.forEach((g, i) => assertClose(out.dceDlogits[i], Number(g), { what }));
    ref.dmseDlogits.forEach((g, i) => assertClose(out.dmseDlogits[i], Number(g), { rel: 1e-12 }));
  }
  for (const z of [-30, -2, 0.5, 9]) {
    const multi = core.multiclassPoint([z, 0], 0);
    const binary = core.binaryPoint(z, 1);
    assertClose(multi.ce, binary.ce, { rel: 1e-14 });
    assertClose(multi.dmseDlogits[0], binary.dmseDz, { rel: 1e-13 });
  }
});

test('softmax of [1000, 0, -1000] is finite and sums to 1', async () => {
  const core = await corePromise;
  const probs = core.softmax(new Float64Array([1000, 0, -1000]));
  assert.ok(probs instanceof Float64Array);
  assert.deepEqual([...probs], [1, 0, 0]);
  assert.equal(core.multiclassPoint([1000, 0, -1000], 2).ce, 2000);
  const plain = core.softmax([0.5, -1, 2, 0]);
  assertClose(
    plain.reduce((a, b) => a + b, 0),
    1,
    { rel: 1e-15 },
  );
  assertClose(plain[2] / plain[0], Math.exp(1.5), { rel: 1e-14 });
});

test('regressionLosses: closed forms for targets 3, 5, 2 and predictions 4, 2, 3', async () => {
  const core = await corePromise;
  const out = core.regressionLosses([4, 2, 3], new Float64Array([3, 5, 2]), 1);
  assertClose(out.mse, 11 / 3, { rel: 1e-15 });
  assertClose(out.mae, 5 / 3, { rel: 1e-15 });
  assertClose(out.huber, 7 / 6, { rel: 1e-15 });
  assert.deepEqual([...out.dmse], [2 / 3, -2, 2 / 3]);
  assert.deepEqual([...out.dhuber], [1 / 3, -1 / 3, 1 / 3]);
  assert.ok(out.dmae instanceof Float64Array);
});

test('clampedBinaryPoint: the clamp caps CE at -ln(eps) and zeroes its gradient', async () => {
  const core = await corePromise;
  const cap = 12 * Math.LN10; // −ln 1e−12
  for (const z of [-28, -40, -700]) {
    const naive = core.clampedBinaryPoint(z, 1, 1e-12);
    assertClose(naive.ce, cap, { rel: 1e-12 });
    assert.equal(naive.dceDz, 0);
    assert.equal(naive.clamped, true);
  }
  const mild = core.clampedBinaryPoint(-2, 1, 1e-12);
  assert.equal(mild.clamped, false);
  assertClose(mild.ce, Math.log1p(Math.exp(2)), { rel: 1e-15 });
});

test('softTargetPoint: entropy and KL match mpmath, KL even next to the minimum', async () => {
  const core = await corePromise;
  for (const ref of references.softKl) {
    const out = core.softTargetPoint(ref.z, ref.t);
    const what = `t=${ref.t} z=${ref.z}`;
    assertClose(out.entropy, Number(ref.entropy), { what: `${what} entropy` });
    assertClose(out.bce, Number(ref.bce), { rel: 1e-14, what: `${what} bce` });
    assertClose(out.kl, Number(ref.kl), { rel: 1e-8, what: `${what} kl` });
    assertClose(out.p, core.sigmoid(ref.z), { rel: 0, abs: 0 });
  }
});

test('softmaxTwicePoint equals multiclassPoint on softmax(z), with a lower CE floor', async () => {
  const core = await corePromise;
  const logits = [2, 0.5, -1];
  const twice = core.softmaxTwicePoint(logits, 0);
  const direct = core.multiclassPoint(core.softmax(logits), 0);
  assertClose(twice.ce, direct.ce, { rel: 1e-15 });
  assert.deepEqual([...twice.probs], [...direct.probs]);
  // Central differences through both softmaxes.
  const h = 1e-6;
  for (let j = 0; j < 3; j += 1) {
    const up = [...logits];
    const down = [...logits];
    up[j] += h;
    down[j] -= h;
    const numeric =
      (core.softmaxTwicePoint(up, 0).ce - core.softmaxTwicePoint(down, 0).ce) / (2 * h);
    assertClose(twice.dceDlogits[j], numeric, { rel: 1e-6, abs: 1e-10 });
  }
  const floor = -Math.log(Math.E / (Math.E + 2));
  assertClose(core.softmaxTwicePoint([60, 0, 0], 0).ce, floor, { rel: 1e-12 });
});

test('naiveSoftmax shows the overflow the stable softmax avoids', async () => {
  const core = await corePromise;
  const naive = core.naiveSoftmax([1000, 0, -1000]);
  assert.equal(naive.exponentials[0], Infinity); // e^1000 > 1.8e308
  assert.equal(naive.sum, Infinity);
  assert.ok(Number.isNaN(naive.probs[0])); // ∞ ÷ ∞
  assert.equal(naive.probs[1], 0); // 1 ÷ ∞
  assert.deepEqual([...core.softmax([1000, 0, -1000])], [1, 0, 0]);
});

test('naiveSoftmax shows the underflow of all-negative logits: 0 ÷ 0', async () => {
  const core = await corePromise;
  // e^−1000 ≈ 5e−435 is below the smallest subnormal, 4.9e−324: every term and the sum are 0.
  const naive = core.naiveSoftmax([-1000, -1001]);
  assert.deepEqual([...naive.exponentials], [0, 0]);
  assert.equal(naive.sum, 0);
  assert.ok(naive.probs.every(Number.isNaN));
  // The stable softmax of a gap of 1 is σ(1), σ(−1).
  assertClose(core.softmax([-1000, -1001])[0], 1 / (1 + Math.exp(-1)), { rel: 1e-15 });
});

test('softmaxTwicePoint keeps the tiny gradient on a dominant logit', async () => {
  const core = await corePromise;
  // mpmath, 60 digits, mp.diff of CE(softmax(softmax(z)), t) in each logit, for ten classes
  // with z = [40, 0, …, 0] and a uniform target (tests/cpp/multiclass_losses_test.cpp has the
  // derivation); the old form cancelled to 0 on the first logit.
  const twice = core.softmaxTwicePoint([40, ...Array(9).fill(0)], Array(10).fill(0.1));
  assertClose(twice.dceDlogits[0], 5.6065240810270875e-18, { rel: 1e-12 });
  assertClose(twice.dceDlogits[1], -6.229471201141208e-19, { rel: 1e-12 });
  assertClose(twice.dmseDlogits[0], 2.2196796067665155e-19, { rel: 1e-12 });
});

test('softTargetPointAtP matches mpmath at the p given, and is exactly 0 at p = t', async () => {
  const core = await corePromise;
  for (const ref of references.softAtP) {
    const out = core.softTargetPointAtP(ref.p, ref.t);
    const what = `t=${ref.t} p=${ref.p}`;
    assert.equal(out.p, ref.p, `${what} p`);
    for (const key of ['bce', 'mse', 'entropy', 'dmseDz']) {
      assertClose(out[key], Number(ref[key]), { what: `${what} ${key}` });
    }
    assertClose(out.kl, Number(ref.kl), { rel: 1e-14, what: `${what} kl` });
    assert.equal(out.dbceDz, ref.p - ref.t, `${what} dbceDz`);
  }
  // Through the logit, σ(logit(0.3)) misses 0.3 in the last bit; at p itself nothing is left.
  const atT = core.softTargetPointAtP(0.3, 0.3);
  assert.equal(atT.mse, 0);
  assert.equal(atT.kl, 0);
});

test('fitConstant: an interval of minimizers where the minimum is flat, exact zeros', async () => {
  const core = await corePromise;
  // 0, 10, 20, 30 with δ = 2: for c in [10 + 2, 20 − 2] two targets are δ or more below c and
  // two δ or more above, so the Huber slope 2δ − 2δ is 0 throughout. MAE: all of [10, 20].
  const flat = core.fitConstant([0, 10, 20, 30], 2);
  assert.deepEqual(flat.huberMinimizers, { low: 12, high: 18 });
  assert.deepEqual(flat.maeMinimizers, { low: 10, high: 20 });
  assert.equal(flat.huber, 15);
  assert.equal(flat.median, 15);
  // Symmetric about 0: summing in order gives 2.8e−17, the core gives 0.
  const symmetric = core.fitConstant([0.1, 0.2, -0.2, -0.1], 1);
  assert.equal(symmetric.mean, 0);
  assert.deepEqual(symmetric.huberMinimizers, { low: 0, high: 0 });
});

test('fitConstant and constantLossCurve: mean, median, Huber', async () => {
  const core = await corePromise;
  const fit = core.fitConstant([3, 5, 2, 30], 3);
  assert.equal(fit.mean, 10);
  assert.equal(fit.median, 4);
  assertClose(fit.huber, 13 / 3, { rel: 1e-14 }); // root of 3c − 13 on [2, 5]
  const curve = core.constantLossCurve([3, 5, 2, 30], 3, -5, 35, 81);
  assert.equal(curve.c.length, 81);
  assert.equal(curve.c[30], 10);
  const atMean = core.regressionLosses([10, 10, 10, 10], [3, 5, 2, 30], 3);
  assertClose(curve.mse[30], atMean.mse, { rel: 1e-15 });
  assertClose(curve.huber[30], atMean.huber, { rel: 1e-15 });
  const minimum = curve.mse.indexOf(Math.min(...curve.mse));
  assert.equal(curve.c[minimum], 10, 'MSE is smallest at the mean');
});
