// The soft-targets lab in headless Chromium: read-outs and table equal the core's values,
// presets, keyboard, links, and bad input.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { screenshot } from './browser_harness.mjs';
import { assertShows as assertNumber, softTargetPoint } from './reference.mjs';
import * as ui from './page_helpers.mjs';

const lab = ui.pageSuite('soft-targets.html');

const expected = (p, t) => softTargetPoint(p, t); // closed forms, reference.mjs

async function assertShows(page, { t, p, rows }) {
  const state = await ui.getState(page);
  assert.deepEqual(state, { t, p, rows });
  const point = expected(p, t);
  assertNumber(await page.textContent('#soft-out-bce'), point.bce, '#soft-out-bce');
  assertNumber(await page.textContent('#soft-out-entropy'), point.entropy, '#soft-out-entropy');
  assertNumber(await page.textContent('#soft-out-kl'), point.kl, '#soft-out-kl');
  assertNumber(await page.textContent('#soft-out-mse'), point.mse, '#soft-out-mse');
  for (const [i, rowP] of rows.entries()) {
    const row = expected(rowP, t);
    assertNumber(await page.textContent(`#soft-row-${i}-mse`), row.mse, `row ${i}`);
    assertNumber(await page.textContent(`#soft-row-${i}-bce`), row.bce, `row ${i}`);
    assertNumber(await page.textContent(`#soft-row-${i}-kl`), row.kl, `row ${i}`);
  }
}

describe('soft-targets lab', () => {
  lab.test("defaults: t = 0.9 with the seed's three predictions", async ({ page }) => {
    await assertShows(page, { t: 0.9, p: 0.25, rows: [0.25, 0.5, 0.75] });
    // The seed's printed BCE values, to its four digits: 1.2764, 0.6931, 0.3975.
    assert.deepEqual(
      await Promise.all([0, 1, 2].map((i) => page.textContent(`#soft-row-${i}-bce`))),
      ['1.276', '0.6931', '0.3975'],
    );
    const asymmetry = await page.textContent('#soft-asymmetry');
    const [below, above] = asymmetry
      .match(/costs (\S+) above the floor, \S+ above t costs (\S+)\./)
      .slice(1);
    assertNumber(below, expected(0.85, 0.9).kl, 'KL 0.05 below t');
    assertNumber(above, expected(0.95, 0.9).kl, 'KL 0.05 above t');
    assert.equal(await page.getAttribute('a[data-page="soft-targets"]', 'aria-current'), 'page');
    await ui.assertNoBadNumbers(page);
    await screenshot(page, 'soft-targets-default');
  });

  lab.test(
    'presets, fields and the keyboard change every number to the core value',
    async ({ page }) => {
      await page.click('button[data-scene="target-06"]');
      await assertShows(page, { t: 0.6, p: 0.5, rows: [0.5, 0.6, 0.7] });
      // At p = t the KL divergence is 0 and BCE equals the entropy.
      assert.equal(await page.textContent('#soft-row-1-kl'), '0');
      assertNumber(await page.textContent('#soft-row-1-bce'), expected(0.6, 0.6).entropy, 'H(0.6)');
      await page.click('button[data-scene="smoothing"]');
      await assertShows(page, { t: 0.95, p: 0.99, rows: [0.9, 0.95, 0.99] });
      // The usual convention: ε = 0.1 over two classes gives t = 1 − ε + ε/2 = 0.95.
      assert.equal(await page.textContent('#soft-smoothing-epsilon'), '0.1');
      assert.equal(await page.textContent('#soft-smoothing-classes'), '2');
      assert.equal(await page.textContent('#soft-smoothing-target'), '0.95');
      await ui.typeInto(page, '#soft-t-field', '0.3');
      await ui.typeInto(page, '#soft-p-field', '0.8');
      await assertShows(page, { t: 0.3, p: 0.8, rows: [0.9, 0.95, 0.99] });
      await page.focus('#soft-p-slider');
      await page.keyboard.press('ArrowLeft');
      await assertShows(page, { t: 0.3, p: 0.799, rows: [0.9, 0.95, 0.99] });
      await ui.typeInto(page, '#soft-row-2', '0.05');
      await assertShows(page, { t: 0.3, p: 0.799, rows: [0.9, 0.95, 0.05] });
      await screenshot(page, 'soft-targets-edited');
    },
  );

  test('bad input gets a message and keeps the last good state', async () => {
    const { page, context, problems } = await open();
    const good = { t: 0.9, p: 0.25, rows: [0.25, 0.5, 0.75] };
    for (const [field, text, pattern] of [
      ['#soft-t-field', '1.5', /t must be between 0 and 1/],
      ['#soft-t-field', 'abc', /is not a number/],
      ['#soft-p-field', '1', /p must be strictly between 0 and 1/],
      ['#soft-p-field', '0', /strictly between/],
      ['#soft-p-field', '', /Enter a number for p/],
      ['#soft-row-0', '-0.5', /prediction 1 must be strictly between 0 and 1/],
    ]) {
      await ui.typeInto(page, field, text);
      const errorBox =
        field === '#soft-row-0' ? '#soft-row-0-error' : `${field.replace('field', 'error')}`;
      assert.match(await page.textContent(errorBox), pattern, `${field} = "${text}"`);
      await assertShows(page, good);
    }
    await ui.assertNoBadNumbers(page);
    assert.deepEqual(problems, []);
    await context.close();

    async function open() {
      return lab.open();
    }
  });

  test('links restore the view; malformed links are ignored with notices', async () => {
    const first = await lab.open();
    await ui.typeInto(first.page, '#soft-t-field', '0.7');
    await ui.typeInto(first.page, '#soft-p-field', '0.42');
    const query = await ui.settledQuery(first.page, 'p=0.42');
    const state = await ui.getState(first.page);
    const second = await lab.open(query);
    assert.deepEqual(await ui.getState(second.page), state);
    await assertShows(second.page, state);

    const bad = await lab.open('?t=2&p=abc&rows=0.1,0.2&x=1');
    await assertShows(bad.page, { t: 0.9, p: 0.25, rows: [0.25, 0.5, 0.75] });
    const notices = await ui.noticeTexts(bad.page);
    assert.equal(notices.length, 4, notices.join(' | '));
    assert.deepEqual([...first.problems, ...second.problems, ...bad.problems], []);
    for (const opened of [first, second, bad]) await opened.context.close();
  });

  lab.test(
    'at p = t the page shows MSE and KL of exactly 0, and BCE at its floor',
    { query: '?t=0.3&p=0.3&rows=0.3,0.2,0.4' },
    async ({ page }) => {
      // Through z = logit(p) the page used to show MSE 7.704 × 10⁻³⁴ here.
      assert.equal(await page.textContent('#soft-out-mse'), '0');
      assert.equal(await page.textContent('#soft-out-kl'), '0');
      assert.equal(await page.textContent('#soft-row-0-mse'), '0');
      assert.equal(await page.textContent('#soft-row-0-kl'), '0');
      // H(0.3) = −(0.3 ln 0.3 + 0.7 ln 0.7) = 0.6108643020548935 (mpmath), shown to 4 digits.
      assert.equal(await page.textContent('#soft-out-bce'), '0.6109');
      assert.equal(await page.textContent('#soft-out-entropy'), '0.6109');
      await assertShows(page, { t: 0.3, p: 0.3, rows: [0.3, 0.2, 0.4] });
    },
  );

  lab.test('the chart note is right for a soft target and for a hard one', async ({ page }) => {
    const note = async () => (await page.textContent('#soft-chart-note')).replace(/\s+/g, ' ');
    // Default t = 0.9, p = 0.25 (BCE 1.276, on the axis): H(0.9) = 0.3251 by the formula.
    assert.equal(
      await note(),
      "Crosses: the minima at p = t = 0.9. Both losses are smallest there; MSE's minimum is 0, " +
        "BCE's is the entropy H(t) = 0.3251.",
    );
    await ui.typeInto(page, '#soft-t-field', '1');
    await page.waitForFunction(() => window.lossplay.getState().t === 1);
    const hard = await note();
    assert.equal(
      hard,
      'Crosses: where both losses would be smallest, at p = t = 1. For a hard target the floor ' +
        'is H(t) = 0, but p never reaches 1: BCE and MSE approach 0 only in the limit p → 1.',
    );
    assert.doesNotMatch(hard, /not 0/);
    await ui.assertNoBadNumbers(page);
  });

  lab.phoneDarkTest('soft-targets-phone-dark');
});
