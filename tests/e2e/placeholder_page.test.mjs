// The placeholder page in headless Chromium, served by the real server: it loads the wasm
// core under the strict CSP and shows the core's values for z = -8, y = 1.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { corePromise } from '../js/load_core.mjs';
import { launchBrowser, openPage, screenshot, startServer } from './browser_harness.mjs';
import { formatNumber } from '../../web/number_format.js';

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  server?.stop();
});

test('the page runs the wasm core under the strict CSP and shows its values', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await page.waitForSelector('body[data-core-ready="true"]', { timeout: 10000 });
  const response = await page.request.get(server.url);
  assert.match(
    response.headers()['content-security-policy'],
    /script-src 'self' 'wasm-unsafe-eval'/,
  );

  const core = await corePromise;
  const expected = core.binaryPoint(-8, 1);
  assert.equal(await page.textContent('#probe-p'), formatNumber(expected.p));
  assert.equal(await page.textContent('#probe-dce'), formatNumber(Math.abs(expected.dceDz)));
  assert.equal(await page.textContent('#probe-dmse'), formatNumber(Math.abs(expected.dmseDz)));
  assert.equal(await page.textContent('#probe-ratio'), formatNumber(expected.ratio));
  // The numbers the reader sees: p ≈ 3.4e−4 and a ratio in the thousands.
  assert.match(await page.textContent('#probe-p'), /^3\.354e−4$/);
  const bodyText = await page.textContent('body');
  assert.doesNotMatch(bodyText, /NaN|Infinity|undefined/);
  await screenshot(page, 'placeholder-desktop');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the page is readable on a 360 px phone in dark mode', async () => {
  const { page, context, problems } = await openPage(browser, server.url, {
    viewport: { width: 360, height: 740 },
    colorScheme: 'dark',
  });
  await page.waitForSelector('body[data-core-ready="true"]', { timeout: 10000 });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  assert.equal(overflow, 0, 'no horizontal scrolling at 360 px');
  await screenshot(page, 'placeholder-phone-dark');
  assert.deepEqual(problems, []);
  await context.close();
});
