// One number grammar everywhere: a CSV cell read by the core is a number exactly when the
// pages' number fields (web/shared/number_input.js) take the same text as one, and both read
// it to the same double. Checked on listed cases and on random strings over the characters
// numbers are made of.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseNumber } from '../../web/shared/number_input.js';
import { corePromise } from './load_core.mjs';

const ROWS = Array.from({ length: 11 }, (_, i) => `${i},${i % 3},${i % 2 ? 'a' : 'b'}`);

/** How the core reads `text` as the cell of line 12, column 2: {number, value?} or null. */
function asCsvCell(core, text) {
  try {
    const { x } = core.parseCsvDataset([...ROWS, `1,${text},a`].join('\n'));
    return { number: true, value: x[11 * 2 + 1] };
  } catch (error) {
    if (error.message.includes('is a number beyond the limit')) return { number: true };
    assert.match(error.message, /is not a number|the cell is empty/, text);
    return { number: false };
  }
}

/** How a page's field reads it: {number, value?}; "too large" is a number beyond a double. */
function asField(text) {
  const parsed = parseNumber(text, { name: 'the value' });
  if (parsed.ok) return { number: true, value: parsed.value };
  return { number: /too large/.test(parsed.message) };
}

function assertSameReading(core, text) {
  const cell = asCsvCell(core, text);
  const field = asField(text);
  assert.equal(cell.number, field.number, `“${text}”: CSV ${cell.number}, field ${field.number}`);
  if (cell.value !== undefined && field.value !== undefined) {
    assert.ok(Object.is(cell.value, field.value) || cell.value === field.value, `“${text}”`);
  }
}

test('listed cases: the CSV reader and the number fields agree', async () => {
  const core = await corePromise;
  const cases = ['0', '-0', '+7', '1.5', '-2.', '.5', '-.5', '1e3', '1E-3', '2.5e+10', '007'];
  cases.push('1e200', '1e400', '\u22122.5', '0.1', '123456789012345678901234567890');
  cases.push('0x10', '0X1F', '0b11', 'inf', 'Infinity', '-Infinity', 'nan', 'NaN', '1_000');
  cases.push('--1', '+-1', '1.2.3', '1e', '1e+', 'e5', '.', '+', '-', '1f', '1d', '١٢');
  for (const text of cases) assertSameReading(core, text);
  // The two cases of the audit: hex was read as 16, 1e200 was "not a number".
  assert.deepEqual(asCsvCell(core, '0x10'), { number: false });
  assert.deepEqual(asCsvCell(core, '1e200'), { number: true });
});

test('random strings over digits, signs, points, exponents and letters', async () => {
  const core = await corePromise;
  const alphabet = ['0', '1', '5', '9', '.', 'e', 'E', '+', '-', '\u2212', 'x', 'i', 'n', 'f'];
  let seed = 7;
  const next = (n) => {
    seed = (seed * 48271) % 2147483647; // Park–Miller: reproducible without a library
    return seed % n;
  };
  for (let trial = 0; trial < 3000; trial += 1) {
    const length = 1 + next(7);
    const text = Array.from({ length }, () => alphabet[next(alphabet.length)]).join('');
    assertSameReading(core, text);
  }
});
