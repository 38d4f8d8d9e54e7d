// The regression lab in headless Chromium: losses, per-point gradients and constant fits equal
// closed forms computed here (reference.mjs); the outlier moves the mean but not the median; links and bad input.
import assert from 'node:assert/strict';
import { PANELS } from '../../web/panels/registry.js';
import { describe, test } from 'node:test';
import { screenshot } from './browser_harness.mjs';
import {
  assertShows as assertNumber,
  fitConstant,
  regressionLosses,
  shownNumber,
} from './reference.mjs';
import * as ui from './page_helpers.mjs';

const lab = ui.pageSuite('regression.html');

function dataOf(state) {
  const targets = [...state.targets];
  const preds = [...state.preds];
  if (state.outlierOn) {
    targets.push(state.outlierTarget);
    preds.push(state.outlierPred);
  }
  return { targets, preds };
}

async function assertShows(page) {
  const state = await ui.getState(page);
  const { targets, preds } = dataOf(state);
  const losses = regressionLosses(preds, targets, state.delta);
  for (const key of ['mse', 'mae', 'huber']) {
    assertNumber(await page.textContent(`#rg-out-${key}`), losses[key], key);
  }
  const rows = await page.$$eval('#rg-gradients tr', (trs) =>
    trs.map((tr) => [...tr.children].map((cell) => cell.textContent)),
  );
  assert.equal(rows.length, targets.length);
  rows.forEach((row, i) => {
    const expected = [targets[i], preds[i], losses.dmse[i], losses.dmae[i], losses.dhuber[i]];
    expected.forEach((value, c) => assertNumber(row[c + 1], value, `gradient row ${i}, cell ${c}`));
  });
  const fit = fitConstant(targets, state.delta);
  assertNumber(await page.textContent('#rg-fit-mean'), fit.mean, 'best constant, mean');
  for (const [key, minimizers] of [
    ['median', fit.maeMinimizers],
    ['huber', fit.huberMinimizers],
  ]) {
    assertMinimizers(await page.textContent(`#rg-fit-${key}`), minimizers, `best ${key}`);
  }
  return { state, losses, fit };
}

/** One number for a unique minimizer, "any c from low to high" for an interval of them. */
function assertMinimizers(text, { low, high }, label) {
  if (low === high) {
    assertNumber(text, low, label);
    return;
  }
  const [, shownLow, shownHigh] = text.match(/^any c from (\S+) to (\S+)$/) ?? [];
  assert.ok(shownLow && shownHigh, `${label}: “${text}” should name the interval`);
  assertNumber(shownLow, low, `${label}, low end`);
  assertNumber(shownHigh, high, `${label}, high end`);
}

/** The rows of the fit chart's "Show the numbers" table, opened. */
async function fitTableRows(page) {
  await page.click('.chart-numbers >> nth=0 >> summary');
  await page.waitForFunction(() => document.querySelector('.chart-numbers tbody tr') !== null);
  return page.$$eval('.chart-numbers >> nth=0 >> tbody tr', (trs) =>
    trs.map((tr) => [...tr.children].map((c) => c.textContent)),
  );
}

describe('regression lab', () => {
  lab.test('defaults: targets 3, 5, 2 and predictions 4, 2, 3', async ({ page }) => {
    const { fit } = await assertShows(page);
    // Closed forms for these numbers: MSE 11/3, MAE 5/3, Huber(1) 7/6; mean 10/3, median 3.
    assertNumber(await page.textContent('#rg-out-mse'), 11 / 3, 'MSE');
    assertNumber(await page.textContent('#rg-out-huber'), 7 / 6, 'Huber');
    assert.equal(fit.median, 3);
    await ui.assertNoBadNumbers(page);
    await screenshot(page, 'regression-default');
  });

  lab.test('the outlier drags the mean and the MSE gradient, not the median', async ({ page }) => {
    await page.check('#rg-outlier-on');
    let shown = await assertShows(page);
    assert.equal(shown.state.outlierTarget, 25);
    const before = shown.fit;
    await page.focus('#rg-outlier-slider');
    for (let i = 0; i < 10; i += 1) await page.keyboard.press('ArrowRight');
    shown = await assertShows(page);
    assert.equal(shown.state.outlierTarget, 30);
    assert.ok(shown.fit.mean > before.mean, 'the mean follows the outlier');
    assert.equal(shown.fit.median, before.median, 'the median does not');
    const pulls = shown.losses.dmse.map(Math.abs);
    assert.equal(pulls.indexOf(Math.max(...pulls)), 3, 'MSE pulls hardest on the outlier');
    assert.equal(Math.abs(shown.losses.dmae[3]), Math.abs(shown.losses.dmae[0]));
    await ui.typeInto(page, '#rg-delta', '3');
    shown = await assertShows(page);
    assert.ok(shown.fit.median < shown.fit.huber && shown.fit.huber < shown.fit.mean);
    await screenshot(page, 'regression-outlier');
  });

  lab.test('editing the data by field', async ({ page }) => {
    await ui.typeInto(page, '#rg-target-1', '-4.5');
    await ui.typeInto(page, '#rg-pred-2', '10');
    const { state } = await assertShows(page);
    assert.deepEqual(state.targets, [3, -4.5, 2]);
    assert.deepEqual(state.preds, [4, 2, 10]);
    await page.click('#rg-reset');
    assert.deepEqual((await assertShows(page)).state.targets, [3, 5, 2]);
  });

  lab.test('bad input gets a message and keeps the last good state', async ({ page }) => {
    const good = await ui.getState(page);
    for (const [field, text, errorBox, pattern] of [
      ['#rg-delta', '0', '#rg-delta-error', /δ must be above 0 and at most 1000000/],
      ['#rg-delta', '-1', '#rg-delta-error', /above 0 and at most/],
      ['#rg-delta', '1000000.5', '#rg-delta-error', /δ must be above 0 and at most 1000000/],
      ['#rg-delta', 'abc', '#rg-delta-error', /is not a number/],
      ['#rg-target-0', '1e400', '#rg-row-0-error', /too large/],
      ['#rg-pred-0', '', '#rg-row-0-error', /Enter a number for prediction 1/],
      ['#rg-target-2', '2e6', '#rg-row-2-error', /target 3 must be between/],
    ]) {
      await ui.typeInto(page, field, text);
      assert.match(await page.textContent(errorBox), pattern, `${field} = "${text}"`);
      assert.deepEqual(await ui.getState(page), good);
    }
    await ui.assertNoBadNumbers(page);
  });

  test('links restore the view; malformed links are ignored with notices', async () => {
    const first = await lab.open();
    await first.page.check('#rg-outlier-on');
    await ui.typeInto(first.page, '#rg-delta', '2.5');
    const query = await ui.settledQuery(first.page, 'delta=2.5');
    assert.match(query, /outlier=25/);
    const second = await lab.open(query);
    assert.deepEqual(await ui.getState(second.page), await ui.getState(first.page));
    await assertShows(second.page);

    const bad = await lab.open('?targets=1,2&delta=0&preds=a,b,c');
    assert.deepEqual((await assertShows(bad.page)).state.targets, [3, 5, 2]);
    assert.equal((await ui.noticeTexts(bad.page)).length, 3);
    assert.deepEqual([...first.problems, ...second.problems, ...bad.problems], []);
    for (const opened of [first, second, bad]) await opened.context.close();
  });

  lab.test(
    'the fit table at c = 3.5 lists the true losses of the default data',
    async ({ page }) => {
      const rows = await fitTableRows(page);
      assert.deepEqual(
        await page.$$eval('.chart-numbers >> nth=0 >> thead th', (ths) =>
          ths.map((th) => th.textContent),
        ),
        ['constant prediction c', 'MSE', 'MAE', 'Huber'],
      );
      const row = rows.find(([c]) => c === '3.5');
      assert.ok(row, `a row at c = 3.5 among ${rows.map(([c]) => c).join(', ')}`);
      // Targets 3, 5, 2 and c = 3.5: errors 0.5, −1.5, 1.5.
      //   MSE   = (0.25 + 2.25 + 2.25) / 3 = 4.75 / 3 = 1.5833…
      //   MAE   = (0.5 + 1.5 + 1.5) / 3 = 3.5 / 3 = 1.1667
      //   Huber(δ = 1) = (0.5²/2 + (1.5 − 0.5) + (1.5 − 0.5)) / 3 = 2.125 / 3 = 0.70833…
      // (Each curve drawn divided by its largest value in view, MSE's being 15 at c = 7, the
      // table used to list 1.5833 / 15 = 0.1056.)
      const [, mse, mae, huber] = row;
      assert.equal(mse, '1.583');
      assert.equal(mae, '1.167');
      assert.equal(huber, '0.7083');
      assert.match(
        await page.textContent('.chart-numbers caption'),
        /The table lists the actual values; the chart rescales each curve\./,
      );
    },
  );

  lab.test(
    'best constants that are not unique are shown as the interval',
    { query: '?targets=0,10,20&preds=0,10,20&delta=2&outlier=30&outlierPred=30' },
    async ({ page }) => {
      // 0, 10, 20, 30: every c between the middle two, 10 and 20, minimizes MAE; with δ = 2 the
      // Huber slope is 0 wherever 10 and 20 are both at least δ away: c from 12 to 18.
      assert.equal(await page.textContent('#rg-fit-median'), 'any c from 10 to 20');
      assert.equal(await page.textContent('#rg-fit-huber'), 'any c from 12 to 18');
      assert.match(
        await page.getAttribute('#rg-chart', 'aria-label'),
        /Huber at any c from 12 to 18/,
      );
      await assertShows(page);
      // δ = 5: the middle two are exactly 2δ apart and the interval closes to the point 15.
      await ui.typeInto(page, '#rg-delta', '5');
      await page.waitForFunction(() => window.lossplay.getState().delta === 5);
      assert.equal(await page.textContent('#rg-fit-huber'), '15');
    },
  );

  test('a best constant of exactly 0 reads 0', async () => {
    // Symmetric about 0: −2.2, 0.3, −0.3 and the outlier 2.2. The mean and the Huber minimizer
    // are 0; bisecting the Huber slope stopped at −2.8e−17.
    const { page, context, problems } = await lab.open(
      '?targets=-2.2,0.3,-0.3&preds=0,0,0&delta=1&outlier=2.2&outlierPred=0',
    );
    assert.equal(await page.textContent('#rg-fit-mean'), '0');
    assert.equal(await page.textContent('#rg-fit-huber'), '0');
    // Four targets: every c between the middle two, −0.3 and 0.3, is a median.
    assert.equal(await page.textContent('#rg-fit-median'), 'any c from −0.3 to 0.3');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('δ accepts its documented maximum, 1000000, and nothing above it', async () => {
    const { page, context, problems } = await lab.open();
    await ui.typeInto(page, '#rg-delta', '1000000');
    await page.waitForFunction(() => window.lossplay.getState().delta === 1e6);
    assert.equal(await page.isHidden('#rg-delta-error'), true);
    await ui.typeInto(page, '#rg-delta', '1000001');
    assert.match(await page.textContent('#rg-delta-error'), /at most 1000000 \(got 1000001\)/);
    assert.equal((await ui.getState(page)).delta, 1e6);
    // The other end: 0 is refused, the smallest positive double is not.
    await ui.typeInto(page, '#rg-delta', '0');
    assert.match(await page.textContent('#rg-delta-error'), /δ must be above 0/);
    await ui.typeInto(page, '#rg-delta', '5e-324');
    await page.waitForFunction(() => window.lossplay.getState().delta === 5e-324);
    const links = await lab.open('?delta=1000000');
    assert.equal((await ui.getState(links.page)).delta, 1e6);
    assert.deepEqual(await ui.noticeTexts(links.page), []);
    await ui.assertNoBadNumbers(page);
    assert.deepEqual([...problems, ...links.problems], []);
    await links.context.close();
    await context.close();
  });

  lab.test('the gradient note quotes the live δ and Huber’s exact pull', async ({ page }) => {
    const note = async () =>
      (await page.textContent('#rg-gradients-title ~ p.hint:last-of-type')).replace(/\s+/g, ' ');
    assert.match(await note(), /half of MSE's \(Huber squares with a ½\)/);
    assert.equal(await page.textContent('#rg-hint-delta'), '1');
    await ui.typeInto(page, '#rg-delta', '2.5');
    await page.waitForFunction(() => window.lossplay.getState().delta === 2.5);
    assert.equal(await page.textContent('#rg-hint-delta'), '2.5');
    assert.match(await note(), /δ·sign\(d\) beyond: here ±2\.5, MAE's pull times δ/);
    // The gradient table agrees: the outlier-free defaults have errors 1, −3, 1, so with δ = 2.5
    // Huber pulls the second point with −2.5/3 where MAE pulls with −1/3 and MSE with −6/3.
    const second = await page.$$eval('#rg-gradients tr:nth-child(2) td', (tds) =>
      tds.map((td) => td.textContent),
    );
    assert.deepEqual(second.slice(2), ['−2', '−0.3333', '−0.8333']);
  });

  lab.phoneDarkTest('regression-phone-dark', '?outlier=25');
});

describe('navigation', () => {
  test('every page links to every other, marks itself, and the links work', async () => {
    const pages = Object.fromEntries(PANELS.map((panel) => [panel.page, panel.id]));
    for (const [file, key] of Object.entries(pages)) {
      const { page, context, problems } = await lab.openAt(file);
      const links = await page.$$eval('.site-nav li a', (anchors) =>
        anchors.map((a) => [a.getAttribute('href'), a.getAttribute('aria-current')]),
      );
      // The ten-minute path first, then every lab.
      assert.deepEqual(links, [
        ['story.html', null],
        ...Object.entries(pages).map(([href, other]) => [href, other === key ? 'page' : null]),
      ]);
      assert.deepEqual(problems, []);
      await context.close();
    }
    const { page, context } = await lab.openAt('index.html');
    await page.click('.site-nav a[data-page="regression"]');
    await page.waitForSelector('body[data-ready="true"]');
    // The path only: the page may have written its state into the query by now.
    assert.equal(new URL(page.url()).pathname, '/regression.html');
    await context.close();
  });

  lab.test(
    'the fit chart’s x-axis follows the targets, the outlier and the fits on every change',
    async ({ page }) => {
      const axisHolds = async (values, label) => {
        const axis = await page.evaluate(() => window.lossplay.fitAxis());
        for (const value of values) {
          assert.ok(
            axis.min < value && value < axis.max,
            `${label}: ${value} in [${axis.min}, ${axis.max}]`,
          );
        }
      };
      await axisHolds([2, 3, 5], 'default targets');
      await page.check('#rg-outlier-on');
      await page.waitForFunction(() => window.lossplay.getState().outlierOn);
      // Defaults 3, 5, 2 and the outlier at 25: mean 8.75 and the outlier both inside the axis.
      await axisHolds([2, 8.75, 25], 'outlier at 25');
      await ui.typeInto(page, '#rg-outlier-target', '-40');
      await page.waitForFunction(() => window.lossplay.getState().outlierTarget === -40);
      await axisHolds([-40, (3 + 5 + 2 - 40) / 4, 5], 'outlier at −40');
      await page.uncheck('#rg-outlier-on');
      await page.waitForFunction(() => !window.lossplay.getState().outlierOn);
      const axis = await page.evaluate(() => window.lossplay.fitAxis());
      assert.ok(axis.min > -10, `the axis shrinks back once the outlier is gone (min ${axis.min})`);
    },
  );

  lab.test(
    'the fit chart’s table lists the actual losses, though the chart rescales them',
    { query: '?outlier=25' },
    async ({ page }) => {
      const rows = await fitTableRows(page);
      assert.ok(rows.length >= 15, `${rows.length} rows`);
      const targets = [3, 5, 2, 25]; // the defaults and the outlier in the link
      for (const [c, mse, mae, huber] of rows) {
        const at = regressionLosses(
          targets.map(() => shownNumber(c)),
          targets,
          1,
        );
        // The shown c is rounded to four digits; compare at the row's own c within that rounding.
        const tolerance = (value) => Math.max(2e-3 * Math.abs(value), 0.02);
        for (const [shown, expected, name] of [
          [mse, at.mse, 'MSE'],
          [mae, at.mae, 'MAE'],
          [huber, at.huber, 'Huber'],
        ]) {
          assert.ok(
            Math.abs(shownNumber(shown) - expected) <= tolerance(expected),
            `${name} at c = ${c}: table ${shown}, closed form ${expected}`,
          );
        }
      }
      assert.match(await page.textContent('.chart-numbers caption'), /actual values/);
    },
  );
});
