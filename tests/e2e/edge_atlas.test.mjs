// The edge-state atlas of every panel (tests/e2e/atlas/<panel id>.mjs, run by run_atlas.mjs):
// one value, all equal, ties, underflow and overflow, the limits of each parameter, series of
// different lengths, ratios near 1, 0 and ∞ — each opened by its URL in headless Chromium,
// every read-out and generated sentence checked against independent code and the grammar
// rules. Prints, per panel, how many states, numbers and sentences it checked.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PANELS } from '../../web/panels/registry.js';
import { openReady, useServerAndBrowser } from './page_helpers.mjs';
import { runAtlas } from './atlas/run_atlas.mjs';

const env = {};
useServerAndBrowser((started) => Object.assign(env, started));

for (const panel of PANELS) {
  test(`${panel.id}: the edge-state atlas`, async (t) => {
    const atlas = await import(`./atlas/${panel.id}.mjs`);
    const url = `${env.server.url}${panel.page}`;
    const opened = await openReady(env.browser, url + atlas.states[0].query);
    const counts = await runAtlas(opened.page, url, atlas);
    t.diagnostic(
      `${panel.id}: ${counts.states} states, ${counts.numbers} numbers, ${counts.sentences} sentences`,
    );
    assert.deepEqual(opened.problems, []);
    await opened.context.close();
  });
}
