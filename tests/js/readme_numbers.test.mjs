// The README's worked example quotes numbers; they must be the core's, to the digits shown.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { corePromise } from './load_core.mjs';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

function digitsShown(text) {
  const mantissa = text.replace(/^-/, '').split(/e/i)[0].replace('.', '').replace(/^0+/, '');
  return mantissa.length;
}

test("README's binaryPoint(-8, 1) example shows the core's values, correctly rounded", async () => {
  const core = await corePromise;
  const match = readme.match(/core\.binaryPoint\(-8, 1\);\n\/\/ \{ (.*) \}/);
  assert.ok(match, 'README example not found');
  const point = core.binaryPoint(-8, 1);
  const quoted = Object.fromEntries(match[1].split(', ').map((pair) => pair.split(': ')));
  assert.deepEqual(Object.keys(quoted).sort(), Object.keys(point).sort());
  for (const [key, text] of Object.entries(quoted)) {
    assert.equal(Number(point[key].toPrecision(digitsShown(text))), Number(text), key);
  }
});
