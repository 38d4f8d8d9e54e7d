// The page's table reading (web/shared/table_reading.js) against the built core: a generated
// 200,000-row file read in slices gives back exactly the numbers and names written, a
// surrogate pair on a piece boundary arrives whole, a bad cell deep in the file is reported
// with its line, a reading nobody wants any more stops, and the losses-only build reads too.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { createCoreFrom } from '../../cpp/bindings/core_api.mjs';
import { readTableInSlices } from '../../web/shared/table_reading.js';
import { corePromise } from './load_core.mjs';

const ROWS = 200_000;

/** A small deterministic generator (mulberry32), so a failure can be reproduced. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A table like a model's output: two logits and a label per row, the logits over many scales
 * (so String() writes some as 1.5e-7 or 2.5e+21), written with String(), which gives the
 * shortest text that reads back as the same double. Some lines end in CRLF; the names hold
 * characters of two, three and four UTF-8 bytes (the last a surrogate pair in JS).
 */
function generatedTable() {
  const next = random(20240611);
  const header = ['logit 😀', 'zé €', 'label'];
  const values = new Float64Array(ROWS * 3);
  const lines = [header.join(',')];
  for (let row = 0; row < ROWS; row += 1) {
    const scale = 10 ** Math.floor(next() * 44 - 22);
    const z0 = (next() - 0.5) * scale;
    const z1 = Math.round((next() - 0.5) * 2000) / 100 + 0; // + 0: no -0, which reads as 0
    const label = next() < 0.5 ? 0 : 1;
    values.set([z0, z1, label], row * 3);
    lines.push(`${z0},${z1},${label}${row % 7 === 0 ? '\r' : ''}`);
  }
  return { header, values, text: `${lines.join('\n')}\n` };
}

test('a 200,000-row file read in slices gives back exactly what was written', async () => {
  const core = await corePromise;
  const { header, values, text } = generatedTable();
  const fractions = [];
  const table = await readTableInSlices(core, text, {
    onProgress: (fraction) => fractions.push(fraction),
    stillWanted: () => true,
  });
  assert.deepEqual(table.header, header);
  assert.equal(table.columns, 3);
  assert.equal(table.rows, ROWS);
  assert.equal(table.firstLine, 2);
  assert.ok(table.values instanceof Float64Array);
  assert.equal(table.values.length, values.length);
  const firstDifference = table.values.findIndex((value, i) => !Object.is(value, values[i]));
  assert.equal(firstDifference, -1, `values[${firstDifference}]`);
  // Slices, each followed by a yield: the progress rises to 1.
  assert.ok(fractions.length > 1, `${fractions.length} slice(s)`);
  assert.ok(fractions.every((fraction, i) => i === 0 || fraction > fractions[i - 1]));
  assert.equal(fractions.at(-1), 1);
});

test('a surrogate pair on the 16 K boundary of a piece arrives whole', async () => {
  const core = await corePromise;
  // The name's 😀 takes chars 16383 and 16384: a piece of 16384 chars would cut it in two.
  const name = `${'a'.repeat(16383)}😀b`;
  const table = await readTableInSlices(core, `${name},y\n1,2\n`);
  assert.deepEqual(table.header, [name, 'y']);
  assert.deepEqual([...table.values], [1, 2]);
});

test('a bad cell deep in the file is a RangeError with its line and column', async () => {
  const core = await corePromise;
  const lines = ['z,label', ...Array.from({ length: 150_000 }, (_, i) => `${i / 8},${i % 2}`)];
  lines[123_457] = '0.5,one';
  await assert.rejects(readTableInSlices(core, lines.join('\n')), {
    name: 'RangeError',
    message:
      'tableReader.read(piece): line 123458, column 2: expected a number such as 0.25 or ' +
      '-1.5e3, got "one"',
  });
  // The last line, without a newline after it, is read when the text ends.
  await assert.rejects(readTableInSlices(core, 'a,b\n1,2\n3'), {
    name: 'RangeError',
    message: 'tableReader.finish(): line 3: 1 cell, expected 2 like line 1',
  });
  await assert.rejects(readTableInSlices(core, ''), {
    name: 'RangeError',
    message: 'tableReader.finish(): the file is empty',
  });
});

test('a reading nobody wants any more stops at the next slice and frees its reader', async () => {
  const core = await corePromise;
  const { text } = generatedTable();
  let disposed = 0;
  const counting = {
    createTableReader() {
      const reader = core.createTableReader();
      return {
        read: (piece) => reader.read(piece),
        finish: () => reader.finish(),
        dispose: () => {
          disposed += 1;
          reader.dispose();
        },
      };
    },
  };
  let slices = 0;
  const table = await readTableInSlices(counting, text, {
    onProgress: () => {
      slices += 1;
    },
    stillWanted: () => slices < 2,
  });
  assert.equal(table, null);
  assert.equal(slices, 2);
  assert.equal(disposed, 1);
});

test('the losses-only build reads tables too', async () => {
  const build = new URL('../../build/wasm/', import.meta.url);
  const { default: instantiate } = await import(new URL('lossplay_losses_wasm.mjs', build));
  const wasmBinary = readFileSync(new URL('lossplay_losses_wasm.wasm', build));
  const core = await createCoreFrom(instantiate, { wasmBinary, locateFile: (file) => file });
  assert.equal('createRace' in core, false);
  const table = await readTableInSlices(core, 'p\tlabel\r\n0.25\t1\r\n−1e-3\t0\r\n');
  assert.deepEqual(table.header, ['p', 'label']);
  assert.deepEqual([...table.values], [0.25, 1, -1e-3, 0]);
});
