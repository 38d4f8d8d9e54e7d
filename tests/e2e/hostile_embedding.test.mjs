// Hostile values where the page is not the one typing: element attributes (every hostile value
// on several attributes of a live widget) and malformed CSV uploads in the race.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openPage } from './browser_harness.mjs';
import { useServerAndBrowser } from './page_helpers.mjs';

const HOSTILE = [
  'NaN',
  'Infinity',
  '-Infinity',
  '1e309',
  '',
  ' ',
  '٣',
  '0x10',
  'abc',
  'null',
  '{}',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  'javascript:alert(1)',
  '"><svg onload=alert(1)>',
  'a'.repeat(5000),
  '1,2,NaN',
  '__proto__',
  'constructor',
  '-',
];
const ATTRIBUTES = [
  'z',
  'y',
  'labels',
  'axis',
  'gradient',
  'panel',
  'hide',
  'theme',
  'lr',
  'logits',
  'rows',
  'outlierpred',
];

let server;
let browser;

useServerAndBrowser((env) => ({ server, browser } = env));

test(`a widget takes ${HOSTILE.length * ATTRIBUTES.length} hostile attribute values without breaking`, async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}examples/blog.html`);
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    dialog.dismiss();
  });
  await page.waitForFunction(
    () => document.querySelectorAll('loss-playground[data-ready="true"]').length === 2,
    null,
    { timeout: 20000 },
  );
  for (const attribute of ATTRIBUTES) {
    for (const value of HOSTILE) {
      const outcome = await page.evaluate(
        async ([name, text]) => {
          const widget = document.getElementById('first');
          widget.removeAttribute('data-ready');
          widget.setAttribute(name, text);
          await new Promise((resolve) => {
            const check = () =>
              widget.dataset.ready === 'true' ? resolve() : setTimeout(check, 5);
            check();
          });
          const shadow = widget.shadowRoot;
          // Notices quote the offending text on purpose; everything else must show no NaN.
          const copy = shadow.querySelector('.widget').cloneNode(true);
          copy.querySelectorAll('.notice').forEach((notice) => notice.remove());
          const shown = copy.textContent;
          return {
            notices: shadow.querySelectorAll('.notice').length,
            injected: shadow.querySelectorAll('img, script, svg[onload], [onerror]').length,
            badNumber: /\bNaN\b|Infinity/.test(shown),
          };
        },
        [attribute, value],
      );
      const what = `${attribute}=${JSON.stringify(value.slice(0, 30))}`;
      assert.equal(outcome.injected, 0, what);
      assert.equal(outcome.badNumber, false, what);
      await page.evaluate(
        (name) => document.getElementById('first').removeAttribute(name),
        attribute,
      );
    }
  }
  await page.waitForFunction(() => document.getElementById('first').dataset.ready === 'true');
  assert.equal(
    (await page.evaluate(() => document.getElementById('first').lossplay.getState())).y,
    1,
  );
  assert.deepEqual(problems, []);
  await context.close();
});

test('malformed CSV files are each refused with their own message', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}race.html`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.selectOption('#race-data', 'csv');
  const rows = (n) => Array.from({ length: n }, (_, i) => `${i},${i % 3},${i % 2 ? 'a' : 'b'}`);
  const cases = [
    [
      'ragged.csv',
      [...rows(11), '1,2,3,a'].join('\n'),
      /Line 12 has 4 columns; the lines before it have 3\./,
    ],
    [
      'word.csv',
      [...rows(5), '1,two,a', ...rows(6)].join('\n'),
      /Line 6, column 2: “two” is not a number\./,
    ],
    ['nolabel.csv', [...rows(11), '1,2,'].join('\n'), /Line 12 has no label in its last column\./],
    ['short.csv', rows(4).join('\n'), /at least 10 data rows; it has 4/],
    ['oneclass.csv', Array.from({ length: 12 }, (_, i) => `${i},1,same`).join('\n'), /same label/],
    ['empty.csv', '', /The file is empty\./],
    [
      'script.csv',
      [...rows(11), '<script>alert(1)</script>,1,a'].join('\n'),
      /Line 12, column 1: “<script>alert\(1\)<\/script…” is not a number\./,
    ],
    ['huge.csv', '1,2,a\n'.repeat(900000), /too large/],
  ];
  for (const [name, text, pattern] of cases) {
    await page.setInputFiles('#race-csv', {
      name,
      mimeType: 'text/csv',
      buffer: Buffer.from(text),
    });
    await page.waitForFunction(
      (file) => document.getElementById('race-csv-error').textContent.startsWith(file),
      name,
    );
    assert.match(await page.textContent('#race-csv-error'), pattern, name);
    assert.equal((await page.evaluate(() => window.lossplay.getState())).data, 'blobs', name);
  }
  assert.equal(await page.$$eval('script:not([src])', (n) => n.length), 0);
  assert.deepEqual(problems, []);
  await context.close();
});
