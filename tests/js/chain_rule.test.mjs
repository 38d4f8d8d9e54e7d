// core.sigmoidChain and core.countDescentSteps through the built module: values against closed
// forms, and bad arguments named with their ranges.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertClose, corePromise } from './load_core.mjs';

const sigma = (z) => 1 / (1 + Math.exp(-z));

test('sigmoidChain: the factors of dL/dz = dL/dp · σ′(z) for both losses', async () => {
  const core = await corePromise;
  for (const [z, y] of [
    [-6, 1],
    [2, 0],
    [0.5, 0.3],
  ]) {
    const chain = core.sigmoidChain(z, y);
    const p = sigma(z);
    assertClose(chain.dpDz, p * (1 - p), { rel: 1e-13, what: 'σ′' });
    assertClose(chain.dceDp, (p - y) / (p * (1 - p)), { rel: 1e-12, what: 'dCE/dp' });
    assertClose(chain.dmseDp, 2 * (p - y), { rel: 1e-12, what: 'dMSE/dp' });
    assertClose(chain.dceDz, p - y, { rel: 1e-12, what: 'dCE/dz' });
    assertClose(chain.dmseDz, 2 * (p - y) * p * (1 - p), { rel: 1e-12, what: 'dMSE/dz' });
  }
  // Past |z| = ln(largest double) the quotient 1/(p(1 − p)) is beyond a double.
  assert.equal(core.sigmoidChain(-720, 1).dceDp, -Infinity);
  assert.equal(core.sigmoidChain(-720, 1).dceDz, -1);
});

test('countDescentSteps: CE climbs from z = −15 to 0 in about 32 steps at rate 0.5', async () => {
  const core = await corePromise;
  // dz/dt = 0.5(1 − σ(z)), so t = ∫ (1 + e^z) dz / 0.5 = (15 + 1 − e^−15) / 0.5 ≈ 32.
  const count = core.countDescentSteps(-15, 1, 'ce', 0.5, 0, 1e7);
  assert.equal(count.reached, true);
  assert.ok(Math.abs(count.steps - 32) <= 2, `${count.steps}`);
  assert.ok(count.z >= 0);
});

test('countDescentSteps names a bad argument and its range', async () => {
  const core = await corePromise;
  assert.throws(() => core.countDescentSteps(-15, 1, 'mae', 0.5, 0, 10), {
    name: 'TypeError',
    message: /loss must be "ce" or "mse"/,
  });
  assert.throws(() => core.countDescentSteps(-15, 1, 'ce', 0, 0, 10), {
    name: 'RangeError',
    message: /learningRate/,
  });
  assert.throws(() => core.countDescentSteps(-15, 1, 'ce', 0.5, 0, 1e9), {
    name: 'RangeError',
    message: /maxSteps/,
  });
  assert.throws(() => core.sigmoidChain(NaN, 1), { name: 'RangeError', message: /z must be/ });
});
