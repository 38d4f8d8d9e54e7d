// docs/labs.md is generated (scripts/lab_docs.mjs) from the registry, each lab's state table and
// its about.md: the committed file must be what the generator makes now, and what it makes must
// say what the labs do. The expected rows below are written by hand from the state tables'
// intent (the binary playground's URL as its page documents it; the race's limits as
// tests/js/limits.test.mjs pins them), not read from the generator.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { describeParameter, LABS_DOC, labDocs } from '../../scripts/lab_docs.mjs';
import { flag, integer, number, numbers, oneOf } from '../../web/shared/params.js';
import { PANELS } from '../../web/panels/registry.js';
import { corePromise } from './load_core.mjs';

const generated = corePromise.then(({ limits }) => labDocs({ limits }));

test('docs/labs.md is what scripts/lab_docs.mjs makes from the labs now', async () => {
  const committed = readFileSync(LABS_DOC, 'utf8');
  assert.ok(
    committed === (await generated),
    'docs/labs.md is out of date: run `node scripts/lab_docs.mjs --write` and commit it',
  );
});

test('one section per lab, in the registry order, each with its about.md', async () => {
  const markdown = await generated;
  const titles = [...markdown.matchAll(/^## (.+)$/gm)].map((match) => match[1]);
  assert.deepEqual(
    titles,
    PANELS.map((panel) => panel.title),
  );
  for (const panel of PANELS) {
    const about = readFileSync(new URL(`../../web/panels/${panel.id}/about.md`, import.meta.url));
    const firstLine = String(about).split('\n')[0];
    assert.ok(firstLine.length > 20, `${panel.id}/about.md has a description`);
    assert.ok(markdown.includes(firstLine), `the ${panel.id} section holds its about.md`);
    assert.ok(markdown.includes(`\`panel=${panel.id}\``), `${panel.id}'s id is shown`);
  }
});

test("the binary playground's table gives each parameter's kind, default and range", async () => {
  const markdown = await generated;
  const rows = [
    '| `z` | number | `-2` | any finite number |',
    '| `y` | number | `1` | [0, 1] |',
    '| `axis` | flag | `linear` | `linear`, `log` |',
    '| `ce` | flag | `logit` | `logit`, `clamped` |',
    '| `eps` | number | `0.001` | [1e-12, 0.1] |',
  ];
  const squeezed = markdown.replace(/ {2,}/g, ' ');
  for (const row of rows) assert.ok(squeezed.includes(row), row);
});

test("the race's ranges are the core's limits", async () => {
  const squeezed = (await generated).replace(/ {2,}/g, ' ');
  for (const row of [
    '| `size` | integer | `200` | [20, 5000] |',
    '| `lr` | number | `0.5` | (0, 1e6] |',
    '| `seed` | integer | `1` | [0, 2⁵³] |',
    '| `data` | one of | `blobs` | `blobs`, `xor`, `circles`, `spiral`, `breast-cancer`, `digits`, `csv` |',
  ]) {
    assert.ok(squeezed.includes(row), row);
  }
});

test('each kind of parameter is described by what it accepts', () => {
  const unit = { name: 'u', min: 0, max: 1, example: '0.5' };
  assert.deepEqual(describeParameter(number(unit), '0.5'), { kind: 'number', values: '[0, 1]' });
  assert.deepEqual(describeParameter(number({ ...unit, open: true }), '0.5'), {
    kind: 'number',
    values: '(0, 1)',
  });
  assert.deepEqual(describeParameter(integer({ name: 'n', min: 1, max: 9 }), '3'), {
    kind: 'integer',
    values: '[1, 9]',
  });
  assert.deepEqual(describeParameter(numbers(unit, { count: 2 }), '0.1,0.2'), {
    kind: 'list of numbers',
    values: 'each in [0, 1]',
  });
  assert.deepEqual(describeParameter(oneOf('w', ['a', 'b']), 'a'), {
    kind: 'one of',
    values: '`a`, `b`',
  });
  assert.deepEqual(describeParameter(flag('f', 'on', 'off'), 'off'), {
    kind: 'flag',
    values: '`off`, `on`',
  });
  const own = { describe: { kind: 'text', values: 'a table' }, parse: () => ({ ok: false }) };
  assert.deepEqual(describeParameter(own, undefined), { kind: 'text', values: 'a table' });
  assert.throws(() => describeParameter(number(unit), '2'), /refused by its own kind/);
});
