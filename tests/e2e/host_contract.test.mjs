// The host contract (web/shared/panel.js PanelHost): a panel starts from the query its host
// hands it and tells the host only once a change settles. A load is not a change: a page keeps
// the address the reader opened, as typed, and a widget fires no lossplay-change, until the
// reader (or the host) changes something. Then the page writes the panel's state with its view
// options kept, and the widget's event carries every parameter as a typed value.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useServerAndBrowser } from './page_helpers.mjs';
import { PANELS } from '../../web/panels/registry.js';

let server;
let browser;
useServerAndBrowser((started) => ({ server, browser } = started));

/** Counts the page's history writes from before its first script runs. */
function countHistoryWrites() {
  window.historyWrites = [];
  const replace = history.replaceState.bind(history);
  history.replaceState = (state, title, url) => {
    window.historyWrites.push(String(url));
    replace(state, title, url);
  };
}

/** Waits until `ms` of page time have passed since now: longer than the panel's settle delay
 *  (200 ms), so a write scheduled by the load would have happened. Never a reason to fail. */
const pageTimePasses = (page, ms) =>
  page.evaluate((wait) => new Promise((resolve) => setTimeout(resolve, wait)), ms);

async function open(url) {
  const context = await browser.newContext();
  await context.addInitScript(countHistoryWrites);
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  return { page, context };
}

for (const panel of PANELS) {
  test(`${panel.page}: the address opened stays as typed until the reader changes something`, async () => {
    // Not in the order a link writes it, with view options and a parameter the page ignores.
    const typed = '?hide=questions&nonsense=1&background=transparent';
    const { page, context } = await open(`${server.url}${panel.page}${typed}`);
    await pageTimePasses(page, 1000);
    assert.equal(await page.evaluate(() => window.location.search), typed);
    assert.deepEqual(await page.evaluate(() => window.historyWrites), []);
    await context.close();
  });
}

test('index.html: a change writes the state once it settles, with the view options kept', async () => {
  const { page, context } = await open(
    `${server.url}index.html?y=1&z=-3&hide=questions&nonsense=1`,
  );
  await page.focus('#z-slider');
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => window.location.search.includes('z=-2.9'));
  const search = new URLSearchParams(await page.evaluate(() => window.location.search));
  assert.equal(search.get('z'), '-2.9');
  assert.equal(search.get('y'), '1');
  assert.equal(search.get('hide'), 'questions', 'the view option is kept');
  assert.equal(search.has('nonsense'), false, 'the ignored parameter is not written back');
  await context.close();
});

/** A page with one widget; its lossplay-change events are recorded in window.changes. */
async function openWidget(attributes) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}embedding.html`);
  await page.addScriptTag({ url: `${server.url}lossplay-embed.js` });
  await page.evaluate((given) => {
    window.changes = [];
    const widget = document.createElement('loss-playground');
    widget.id = 'widget';
    widget.setAttribute('loading', 'eager');
    for (const [name, value] of Object.entries(given)) widget.setAttribute(name, value);
    widget.addEventListener('lossplay-change', (event) => window.changes.push(event.detail));
    document.querySelector('main').prepend(widget);
  }, attributes);
  await page.waitForSelector('#widget[data-ready="true"]', { timeout: 20000 });
  return { page, context };
}

test('the widget fires no lossplay-change on load, and typed values after a change', async () => {
  const { page, context } = await openWidget({ panel: 'binary', z: '-3', y: '0.25' });
  await pageTimePasses(page, 1000);
  assert.deepEqual(await page.evaluate(() => window.changes), []);
  await page.evaluate(() => document.getElementById('widget').setAttribute('z', '-4.5'));
  await page.waitForFunction(() => window.changes.length > 0);
  const [change] = await page.evaluate(() => window.changes);
  assert.equal(change.panel, 'binary');
  // Typed: numbers as numbers, a two-word flag as true or false, under their URL names.
  assert.equal(change.values.z, -4.5);
  assert.equal(change.values.y, 0.25);
  assert.equal(change.values.axis, false);
  assert.equal(new URLSearchParams(change.query).get('z'), '-4.5');
  await context.close();
});

test('a multi-class widget reports its logits as a list of numbers', async () => {
  const { page, context } = await openWidget({ panel: 'multiclass', logits: '1,2,3' });
  await page.evaluate(() =>
    document.getElementById('widget').setAttribute('logits', '0.5,-1,2.25'),
  );
  await page.waitForFunction(() => window.changes.length > 0);
  const [change] = await page.evaluate(() => window.changes);
  assert.deepEqual(change.values.logits, [0.5, -1, 2.25]);
  await context.close();
});
