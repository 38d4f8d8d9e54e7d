// The page's number formatting: four significant digits, scientific notation at the extremes,
// never "NaN" or "Infinity".
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatNumber } from '../../web/shared/number_format.js';

test('ordinary magnitudes keep about four significant digits', () => {
  assert.equal(formatNumber(0.11920292202211755), '0.1192');
  assert.equal(formatNumber(2.1269280110429727), '2.127');
  assert.equal(formatNumber(700), '700');
  assert.equal(formatNumber(-8), '\u22128');
  assert.equal(formatNumber(1491.479161252178), '1491');
});

test('very small and very large magnitudes use scientific notation', () => {
  assert.equal(formatNumber(6.702504975196975e-4), '6.703 × 10⁻⁴');
  assert.equal(formatNumber(6.118e-7), '6.118 × 10⁻⁷');
  assert.equal(formatNumber(9.85967654375977e-305), '9.860 × 10⁻³⁰⁵');
  assert.equal(formatNumber(5.0711602736750225e303), '5.071 × 10³⁰³');
  assert.equal(formatNumber(-1.5e-20), '\u22121.500 × 10⁻²⁰');
  assert.equal(formatNumber(0), '0');
});

test('numbers from a thousand to 10⁵ keep every whole digit', () => {
  assert.equal(formatNumber(1 + Math.cosh(10)), '11014'); // 1 + cosh 10
  assert.equal(formatNumber(99999.4), '99999');
  assert.equal(formatNumber(123456), '1.235 × 10⁵');
});

test('non-finite values never print as NaN or Infinity', () => {
  assert.equal(formatNumber(NaN), '\u2014');
  assert.equal(formatNumber(Infinity), '> 1.8 × 10³⁰⁸');
  assert.equal(formatNumber(-Infinity), '< \u22121.8 × 10³⁰⁸');
});

test('number parsing: open and closed bounds, strict syntax', async () => {
  const { parseNumber } = await import('../../web/shared/number_input.js');
  const open = { name: 'p', min: 0, max: 1, open: true };
  assert.equal(parseNumber('1', open).ok, false);
  assert.match(parseNumber('0', open).message, /p must be strictly between 0 and 1/);
  assert.deepEqual(parseNumber(' 0.5 ', open), { ok: true, value: 0.5 });
  assert.equal(parseNumber('1', { name: 'y', min: 0, max: 1 }).ok, true);
  assert.deepEqual(parseNumber('\u22122.5', { name: 'z' }), { ok: true, value: -2.5 });
  assert.deepEqual(parseNumber('-0', { name: 'z' }), { ok: true, value: 0 });
  for (const text of ['abc', '0x10', '1_000', 'NaN', 'Infinity', '1e', '--1', '1,5']) {
    assert.equal(parseNumber(text, { name: 'z' }).ok, false, text);
  }
  assert.match(parseNumber('1e400', { name: 'z' }).message, /too large/);
});

test('log-axis ticks label powers of ten only', async () => {
  const { powerOfTenTick } = await import('../../web/shared/number_format.js');
  assert.equal(powerOfTenTick(1), '1');
  assert.equal(powerOfTenTick(0.01), '0.01');
  assert.equal(powerOfTenTick(1e-4), '10⁻⁴');
  assert.equal(powerOfTenTick(1e-10), '10⁻¹⁰');
  assert.equal(powerOfTenTick(3e-4), '');
});
