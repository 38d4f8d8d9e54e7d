// The saturation zones' labels go where no curve runs (web/charts/plugins/label_band.js): the
// band chosen holds no curve point and lies inside the strip, and there is none only when no
// gap is tall enough (checked against every gap, by brute force, on random curves). With a soft
// label the old fixed places (a quarter and three quarters of the height in the signed view)
// sat on the squared-error curve; the chosen band does not.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { freeBandCentre } from '../../web/charts/plugins/label_band.js';

const clear = (ys, centre, height) => ys.every((y) => Math.abs(y - centre) >= height / 2);

test('the band is free of curve points and inside the strip, or there is no such band', () => {
  fc.assert(
    fc.property(
      fc.array(fc.double({ min: -50, max: 450, noNaN: true }), { maxLength: 60 }),
      fc.double({ min: 1, max: 200, noNaN: true }),
      (ys, height) => {
        const area = { top: 0, bottom: 400 };
        const centre = freeBandCentre(ys, area, height);
        const inside = ys.filter((y) => y > 0 && y < 400).sort((a, b) => a - b);
        const edges = [0, ...inside, 400];
        const tallest = Math.max(...edges.slice(1).map((edge, i) => edge - edges[i]));
        if (centre === null) return tallest < height;
        return (
          clear(inside, centre, height) &&
          centre - height / 2 >= 0 &&
          centre + height / 2 <= 400 &&
          tallest >= height
        );
      },
    ),
  );
});

test('with a soft label, the right zone’s label clears both curves', () => {
  // The binary gradient chart, signed view, soft label y = 0.3: dCE/dz = σ − y and
  // dMSE/dz = 2(σ − y)σ(1 − σ), over the right saturation zone z ∈ [4.6, 10], on a linear axis
  // fitted to the curves' range over z ∈ [−10, 10], 200 px tall.
  const y = 0.3;
  const sigma = (z) => 1 / (1 + Math.exp(-z));
  const ce = (z) => sigma(z) - y;
  const mse = (z) => 2 * (sigma(z) - y) * sigma(z) * (1 - sigma(z));
  const zs = Array.from({ length: 401 }, (_, i) => -10 + i * 0.05);
  const values = zs.flatMap((z) => [ce(z), mse(z)]);
  const [low, high] = [Math.min(...values), Math.max(...values)];
  const pixel = (value) => ((high - value) / (high - low)) * 200;
  const inZone = zs.filter((z) => z >= 4.6);
  const ys = inZone.flatMap((z) => [pixel(ce(z)), pixel(mse(z))]);
  const height = 2 * 16 + 8; // two lines of 13 px type and their margin
  assert.equal(clear(ys, 0.75 * 200, height), false, 'the old place sat on a curve');
  const centre = freeBandCentre(ys, { top: 0, bottom: 200 }, height);
  assert.notEqual(centre, null);
  assert.ok(clear(ys, centre, height));
});
