// The docs' worked example of the core's API quotes numbers; they must be the core's, to the
// digits shown. The example lives in README.md or docs/*.md (wherever the API is documented).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { corePromise } from './load_core.mjs';
import { DOC_FILES, readDoc } from './doc_files.mjs';

const docs = DOC_FILES.map(readDoc);

function digitsShown(text) {
  const mantissa = text.replace(/^-/, '').split(/e/i)[0].replace('.', '').replace(/^0+/, '');
  return mantissa.length;
}

test("the docs' binaryPoint(-8, 1) example shows the core's values, correctly rounded", async () => {
  const core = await corePromise;
  const example = /core\.binaryPoint\(-8, 1\);\n\/\/ \{ (.*) \}/;
  const matches = docs.map((text) => text.match(example)).filter(Boolean);
  assert.ok(matches.length > 0, 'the binaryPoint(-8, 1) example is in none of the docs');
  for (const match of matches) checkQuoted(core, match);
});

function checkQuoted(core, match) {
  const point = core.binaryPoint(-8, 1);
  const quoted = Object.fromEntries(match[1].split(', ').map((pair) => pair.split(': ')));
  assert.deepEqual(Object.keys(quoted).sort(), Object.keys(point).sort());
  for (const [key, text] of Object.entries(quoted)) {
    assert.equal(Number(point[key].toPrecision(digitsShown(text))), Number(text), key);
  }
}
