// Hostile input: every text field of every panel is fed values that no field accepts. After each one the field is marked invalid with a message next to it,
// the panel's state is unchanged, no number on the page reads NaN or Infinity, nothing
// executes, and the console stays clean.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openPage } from './browser_harness.mjs';
import { PANELS, PANEL_IDS } from '../../web/panels/registry.js';
import { useServerAndBrowser } from './page_helpers.mjs';

// The unit suite proves every value of tests/hostile_values.mjs is refused by every parameter
// kind; here a few representatives check the wiring of each real field: the message, the
// aria-invalid mark, the kept state, nothing injected.
const HOSTILE = [
  'NaN',
  '1e309',
  '',
  '0x10',
  '--1',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  'a'.repeat(10000),
];

const FIELDS = {
  binary: ['#z-field', '#y-field'],
  'soft-targets': ['#soft-t-field', '#soft-p-field', '#soft-row-0', '#soft-row-1', '#soft-row-2'],
  multiclass: ['#mc-logit-0', '#mc-logit-1', '#mc-logit-2', '#mc-demo'],
  'next-token': ['#nt-logit-0', '#nt-logit-5'],
  regression: ['#rg-target-0', '#rg-pred-0', '#rg-target-1', '#rg-pred-2', '#rg-delta'],
  likelihood: ['#lk-location', '#lk-data', '#lk-scale'],
  landscape: ['#ls-w', '#ls-b', '#ls-lr', '#ls-momentum', '#ls-x', '#ls-y'],
  depth: [
    '#depth-depth',
    '#depth-width',
    '#depth-size',
    '#depth-noise',
    '#depth-lr',
    '#depth-batch',
    '#depth-seed',
    '#depth-epochs',
    '#depth-speed',
  ],
  race: [
    '#race-size',
    '#race-noise',
    '#race-hidden',
    '#race-lr',
    '#race-batch',
    '#race-epochs',
    '#race-seed',
    '#race-speed',
  ],
  'your-model': ['#ym-t-field', '#ym-bins-field', '#ym-q-field', '#ym-r-field'],
};

// Values that one field rightly accepts: the demo field takes a list of logits.
const VALID_FOR = { '#mc-demo': new Set(['1,5']) };

let server;
let browser;

useServerAndBrowser((env) => ({ server, browser } = env));

test('every panel of the registry has its fields listed here', () => {
  assert.deepEqual(Object.keys(FIELDS).sort(), [...PANEL_IDS].sort());
});

for (const { id, page: file } of PANELS) {
  const fields = FIELDS[id];
  test(`${file}: ${HOSTILE.length} hostile values in each of ${fields.length} fields`, async () => {
    const { page, context, problems } = await openPage(browser, `${server.url}${file}`);
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      dialog.dismiss();
    });
    await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
    if (id === 'binary') await page.check('input[name="label-mode"][value="soft"]');
    const good = await page.evaluate(() => JSON.stringify(window.lossplay.getState()));
    for (const selector of fields) {
      for (const value of HOSTILE.filter((v) => !VALID_FOR[selector]?.has(v))) {
        await page.fill(selector, value);
        await page.press(selector, 'Enter');
        const what = `${selector} = ${JSON.stringify(value.slice(0, 30))}`;
        assert.equal(await page.getAttribute(selector, 'aria-invalid'), 'true', what);
        const describedBy = await page.getAttribute(selector, 'aria-describedby');
        const message = await page.textContent(`#${describedBy}`);
        assert.ok(message.trim().length > 10, `${what}: message "${message}"`);
        assert.equal(
          await page.evaluate(() => JSON.stringify(window.lossplay.getState())),
          good,
          what,
        );
      }
      // A clean value restores the field (and is itself accepted or refused sensibly).
      await page.fill(selector, '');
    }
    const text = await page.textContent('body');
    assert.doesNotMatch(text, /NaN|Infinity|undefined/);
    const injected = await page.evaluate(
      () => document.querySelectorAll('img:not([src$=".svg"]), svg[onload], [onerror]').length,
    );
    assert.equal(injected, 0);
    assert.deepEqual(problems, []);
    await context.close();
  });
}
