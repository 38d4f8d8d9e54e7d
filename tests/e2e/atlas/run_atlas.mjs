// The edge-state atlas's driver. Each panel has a module tests/e2e/atlas/<panel id>.mjs:
//
//   export const states = [{ name, query, act? }]   // ≥ 1; act(page) drives what a URL cannot
//   export async function read(page)                 // what the page shows at that state:
//     → { numbers: { label: text }, sentences: { label: text } }
//   export function expected(state, query)           // what it must show, from independent
//     → { label: number | string | RegExp | (text) => void }   // code (closed forms, identities,
//                                                               // plain-JS references)
//
// `state` is the page's own parsed state (window.lossplay.getState(): parsing, not computing),
// `query` the state's URLSearchParams. The driver opens each state by its URL, runs act, reads,
// and checks: every label read has an expectation and every expectation a label read (no
// number goes unchecked, none is checked that the page no longer shows); numbers to the digits
// shown (assertShows); every sentence against the grammar rules; and no NaN/Infinity anywhere
// in the panel.
import assert from 'node:assert/strict';
import { assertShows } from '../reference.mjs';
import { grammarProblems } from '../../sentence_grammar.mjs';

/** Checks one shown text against one expectation. */
function checkOne(text, want, label) {
  if (typeof want === 'number') assertShows(text, want, label);
  else if (typeof want === 'string') assert.equal(text.replace(/\s+/g, ' ').trim(), want, label);
  else if (want instanceof RegExp) assert.match(text, want, label);
  else if (typeof want === 'function') want(text, label);
  else assert.fail(`${label}: no way to check ${String(want)}`);
}

/**
 * Opens every state of `atlas` on `page` (a started page of `url`) and checks it.
 * @returns {Promise<{states: number, numbers: number, sentences: number}>} what was checked
 */
export async function runAtlas(page, url, atlas) {
  const counts = { states: 0, numbers: 0, sentences: 0 };
  for (const state of atlas.states) {
    const where = `${state.name} (${state.query})`;
    await page.goto(url + state.query);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
    await state.act?.(page);
    const shown = await atlas.read(page);
    const parsed = await page.evaluate(() => window.lossplay.getState());
    const want = atlas.expected(parsed, new URLSearchParams(state.query));
    const labels = { ...shown.numbers, ...shown.sentences };
    assert.deepEqual(Object.keys(labels).sort(), Object.keys(want).sort(), `${where}: labels`);
    for (const [label, text] of Object.entries(labels)) {
      checkOne(text, want[label], `${where}: ${label}`);
    }
    for (const [label, text] of Object.entries(shown.sentences)) {
      assert.deepEqual(grammarProblems(text), [], `${where}: ${label}: “${text}”`);
    }
    const panelText = await page.textContent('main');
    assert.doesNotMatch(panelText, /\b(NaN|Infinity|undefined)\b/, `${where}: panel text`);
    counts.states += 1;
    counts.numbers += Object.keys(shown.numbers).length;
    counts.sentences += Object.keys(shown.sentences).length;
  }
  return counts;
}
