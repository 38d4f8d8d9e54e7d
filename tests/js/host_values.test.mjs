// What a host hears of a panel's state (web/shared/params.js writeValues) and how the view
// options split from a link and are written back (web/shared/view_options.js). The values are
// typed, keyed by URL name, and the inverse of readQuery: a query made from them reads back to
// the same state, for every panel's defaults and for a state away from them.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { corePromise } from './load_core.mjs';
import { PANELS, panelById } from '../../web/panels/registry.js';
import { useCoreLimits } from '../../web/shared/core_limits.js';
import { readQuery, writeValues } from '../../web/shared/params.js';
import { splitViewOptions, writeViewQuery } from '../../web/shared/view_options.js';

before(async () => useCoreLimits((await corePromise).limits));

/** A query from typed values, each written as its parameter's kind writes it. */
function queryOf(values, table) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    query.set(key, table.parameters.find((p) => p.key === key).kind.format(value));
  }
  return `?${query}`;
}

for (const panel of PANELS) {
  test(`${panel.id}: the defaults' values read back to the defaults`, () => {
    const { table } = panel;
    const values = writeValues(table.defaults, table);
    assert.deepEqual(readQuery(queryOf(values, table), table).state, readQuery('', table).state);
  });
}

test('binary: values are typed and keyed by URL name', () => {
  const { table } = panelById('binary');
  const { state } = readQuery('?z=-4.5&y=0.25&axis=log', table);
  const values = writeValues(state, table);
  // A fractional y implies soft labels, so `labels` is not in use; `axis` is the URL name of
  // the logScale field.
  assert.equal(values.z, -4.5);
  assert.equal(values.y, 0.25);
  assert.equal('labels' in values, false);
  assert.equal(values.axis, true);
  assert.equal(values.gradient, false);
  assert.equal('logScale' in values, false);
  assert.deepEqual(readQuery(queryOf(values, table), table).state, state);
});

test('multiclass: a list parameter is a list of numbers', () => {
  const { table } = panelById('multiclass');
  const { state } = readQuery('?logits=0.5,-1,2.25', table);
  assert.deepEqual(writeValues(state, table).logits, [0.5, -1, 2.25]);
});

test('view options leave the panel its own query and are written back as given', () => {
  const options = splitViewOptions('?z=-3&hide=questions,play&present=1&background=transparent');
  assert.equal(options.panelQuery, '?z=-3');
  assert.deepEqual(options.hide, ['questions', 'play']);
  assert.equal(options.present, true);
  assert.equal(writeViewQuery(options), 'hide=questions,play&background=transparent&present=1');
});

test('an embedded view writes embed=1 and only the parts the author hid', () => {
  const options = splitViewOptions('?embed=1&hide=extras');
  assert.deepEqual(options.hide, ['extras', 'header', 'embed']);
  assert.equal(writeViewQuery(options), 'embed=1&hide=extras');
  assert.equal(writeViewQuery(splitViewOptions('?z=1')), '');
});
