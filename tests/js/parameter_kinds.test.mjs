// Every number parameter of every panel (read from the registry) refuses every hostile value
// with a message that names the field; the kinds' bounds and whole-number rules hold; a
// rejected value never turns into a number.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { HOSTILE } from '../hostile_values.mjs';
import { corePromise } from './load_core.mjs';
import { PANELS } from '../../web/panels/registry.js';
import { useCoreLimits } from '../../web/shared/core_limits.js';
import { integer, number, numbers } from '../../web/shared/params.js';

before(async () => useCoreLimits((await corePromise).limits));

const numberParameters = () =>
  PANELS.flatMap((panel) =>
    panel.table.parameters
      .filter((p) => p.kind.spec !== undefined)
      .map((p) => ({ panel: panel.id, key: p.key, kind: p.kind })),
  );

test('every panel has number parameters with a name', () => {
  const found = numberParameters();
  assert.ok(found.length >= 15, `${found.length} number parameters`);
  for (const { panel, key, kind } of found) assert.ok(kind.spec.name, `${panel}.${key}`);
});

test(`every number parameter refuses all ${HOSTILE.length} hostile values, naming itself`, () => {
  for (const { panel, key, kind } of numberParameters()) {
    for (const value of HOSTILE) {
      // A list (of logits, of positions) rightly takes "1,5", as two numbers.
      if (value === '1,5' && Array.isArray(kind.parse('1,5').value)) continue;
      const parsed = kind.parse(value);
      const what = `${panel}.${key} = ${JSON.stringify(value.slice(0, 20))}`;
      assert.equal(parsed.ok, false, what);
      assert.ok(parsed.message.length > 10 && parsed.message.length < 300, what);
      assert.ok(parsed.message.includes(kind.spec.name), `${what}: ${parsed.message}`);
    }
  }
});

test('bounds, open bounds and whole numbers', () => {
  const p = number({ name: 'p', min: 0, max: 1, open: true });
  assert.equal(p.parse('0').ok, false);
  assert.equal(p.parse('1').ok, false);
  assert.deepEqual(p.parse('0.5'), { ok: true, value: 0.5 });
  assert.equal(p.parse('−0').ok, false); // the typographic minus, and −0 is 0: refused
  const lr = number({ name: 'the learning rate', min: 0, max: 1e6, openMin: true });
  assert.equal(lr.parse('0').ok, false);
  assert.deepEqual(lr.parse('1e6'), { ok: true, value: 1e6 });
  const batch = integer({ name: 'the batch size', min: 1, max: 4096 });
  const half = batch.parse('1.5');
  assert.equal(half.ok, false);
  // The example a message suggests is accepted by the same field.
  const example = half.message.match(/such as (\S+)\./)[1];
  assert.equal(batch.parse(example).ok, true, half.message);
  const list = numbers({ name: 'p', min: 0, max: 1 }, { count: 3 });
  assert.deepEqual(list.parse('0.1,0.2,0.3'), { ok: true, value: [0.1, 0.2, 0.3] });
  assert.equal(list.parse('0.1,0.2').ok, false);
});

test('the race reads its limits from the core', async () => {
  const race = PANELS.find((panel) => panel.id === 'race').table;
  const lr = race.parameters.find((p) => p.key === 'lr').kind;
  assert.equal(lr.parse('0').ok, false); // (0, 1e6]: 0 is refused
  assert.equal(lr.parse('1000000').ok, true);
  assert.equal(lr.parse('1000001').ok, false);
  const size = race.parameters.find((p) => p.key === 'size').kind;
  assert.equal(size.parse('19').ok, false);
  assert.equal(size.parse('20').ok, true);
  assert.equal(size.parse('20.5').ok, false);
});
