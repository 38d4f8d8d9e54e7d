// Read-out changes are announced politely once the input settles: each panel's aria-live
// region ends up describing the new state with the core's numbers.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { corePromise } from '../js/load_core.mjs';
import { formatNumber } from '../../web/shared/number_format.js';
import { openPage } from './browser_harness.mjs';
import { useServerAndBrowser } from './page_helpers.mjs';

let server;
let browser;
let core;

before(async () => {
  core = await corePromise;
});
useServerAndBrowser((env) => ({ server, browser } = env));

async function announced(file, field, value, region, expected) {
  const { page, context, problems } = await openPage(browser, `${server.url}${file}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  assert.equal(await page.getAttribute(region, 'aria-live'), 'polite');
  await page.fill(field, value);
  await page.press(field, 'Enter');
  await page.waitForFunction(
    ([selector, text]) => document.querySelector(selector).textContent.includes(text),
    [region, expected],
    { timeout: 5000 },
  );
  assert.deepEqual(problems, []);
  await context.close();
}

test('every panel announces its new read-outs', async () => {
  await announced(
    'index.html',
    '#z-field',
    '-3',
    '#live-summary',
    `CE ${formatNumber(core.binaryPoint(-3, 1).ce)}`,
  );
  const soft = core.softTargetPointAtP(0.4, 0.9);
  await announced(
    'soft-targets.html',
    '#soft-p-field',
    '0.4',
    '#soft-live',
    `BCE ${formatNumber(soft.bce)}`,
  );
  const multi = core.multiclassPoint([5, 0.5, -1], 0);
  await announced(
    'multiclass.html',
    '#mc-logit-0',
    '5',
    '#mc-live',
    `Cross-entropy ${formatNumber(multi.ce)}`,
  );
  const regression = core.regressionLosses([4, 2, 3], [9, 5, 2], 1);
  await announced(
    'regression.html',
    '#rg-target-0',
    '9',
    '#rg-live',
    `MSE ${formatNumber(regression.mse)}`,
  );
});
