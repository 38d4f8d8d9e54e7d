// The binary playground in headless Chromium, served by the real server. Every expected
// number comes from the closed forms of reference.mjs (never from the page's core or its
// formatter) and is compared with what the page shows to its four significant digits.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { openPage, screenshot } from './browser_harness.mjs';
import { animationFrames, useServerAndBrowser } from './page_helpers.mjs';
import {
  assertShows as assertNumber,
  binaryPoint,
  binaryReadouts,
  shownNumber,
} from './reference.mjs';

let server;
let browser;
useServerAndBrowser((env) => ({ server, browser } = env));

async function open(query = '', options = {}) {
  const opened = await openPage(browser, `${server.url}${query}`, options);
  await opened.page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
  return opened;
}

const READOUT_IDS = ['p', 'ce', 'mse', 'dce', 'dmse', 'ratio'];

async function readouts(page) {
  const entries = await Promise.all(
    READOUT_IDS.map(async (id) => [id, await page.textContent(`#out-${id}`)]),
  );
  return Object.fromEntries(entries);
}

const getState = (page) => page.evaluate(() => window.lossplay.getState());
const markers = (page) => page.evaluate(() => window.lossplay.markerPixels());

async function assertShows(page, z, y) {
  const shown = await readouts(page);
  for (const [id, expected] of Object.entries(binaryReadouts(z, y))) {
    assertNumber(shown[id], expected, `${id} for z=${z}, y=${y}`);
  }
  const state = await getState(page);
  assert.equal(state.z, z);
  assert.equal(state.y, y);
}

async function assertNoBadNumbers(page) {
  const text = await page.textContent('body');
  assert.doesNotMatch(text, /NaN|Infinity|undefined|Error:/);
}

async function typeInto(page, selector, text) {
  await page.fill(selector, text);
  await page.press(selector, 'Enter');
}

describe('binary playground', () => {
  test('loads with no console error and shows the core values of the default state', async () => {
    const { page, context, problems } = await open();
    await assertShows(page, -2, 1);
    assert.equal(await page.inputValue('#z-field'), '-2');
    assert.equal(await page.isChecked('input[name="label-mode"][value="1"]'), true);
    assert.equal(await page.isHidden('#soft-row'), true);
    assert.match(await page.textContent('#verdict'), /times MSE's/);
    await assertNoBadNumbers(page);
    await screenshot(page, 'binary-default');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the number field takes any finite z: -700 gives CE = 700', async () => {
    const { page, context, problems } = await open();
    await typeInto(page, '#z-field', '-700');
    await assertShows(page, -700, 1);
    assert.equal(await page.textContent('#out-ce'), '700');
    assert.match(await page.textContent('#gradient-chart-note'), /outside the axis/);
    // Beyond |z| ≈ 710 the ratio overflows a double; the page says so without "Infinity".
    await typeInto(page, '#z-field', '−1000');
    await assertShows(page, -1000, 1);
    assert.equal(await page.textContent('#out-ratio'), '> 1.8 × 10³⁰⁸');
    await assertNoBadNumbers(page);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the slider works from the keyboard and moves both operating points', async () => {
    const { page, context, problems } = await open();
    const before = await markers(page);
    await page.focus('#z-slider');
    await page.keyboard.press('PageUp');
    await assertShows(page, -1, 1);
    const after = await markers(page);
    assert.ok(after.gradient[0].x > before.gradient[0].x, 'gradient marker moves right');
    assert.ok(after.loss[0].x > before.loss[0].x, 'loss marker moves right (p grows)');
    assert.ok(after.loss[0].y > before.loss[0].y, 'CE marker moves down (loss shrinks)');
    await page.keyboard.press('ArrowRight');
    await assertShows(page, -0.9, 1);
    await page.keyboard.press('Shift+ArrowLeft');
    await assertShows(page, -0.91, 1);
    await page.keyboard.press('PageDown');
    await assertShows(page, -1.91, 1);
    await page.keyboard.press('Home');
    await assertShows(page, -10, 1);
    await page.keyboard.press('End');
    await assertShows(page, 10, 1);
    const valueText = await page.getAttribute('#z-slider', 'aria-valuetext');
    const [, pText] = valueText.match(/^z = 10, p = (.+)$/);
    assertNumber(pText, binaryPoint(10, 1).p, 'aria-valuetext p');
    assert.equal(await page.inputValue('#z-field'), '10');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('dragging the slider with the mouse updates the read-outs', async () => {
    const { page, context, problems } = await open();
    const box = await page.locator('#z-slider').boundingBox();
    await page.mouse.click(box.x + box.width * 0.9, box.y + box.height / 2);
    const { z } = await getState(page);
    assert.ok(z > 5, `z after clicking at 90 % of the slider: ${z}`);
    await assertShows(page, z, 1);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the label switch and soft-label mode', async () => {
    const { page, context, problems } = await open('?z=-8&y=1');
    await assertShows(page, -8, 1);
    assert.match(await page.textContent('#verdict'), /Confidently wrong/);
    await screenshot(page, 'binary-confidently-wrong');
    await page.check('input[name="label-mode"][value="0"]');
    await assertShows(page, -8, 0);
    assert.match(await page.textContent('#verdict'), /Close to the label/);
    await page.check('input[name="label-mode"][value="soft"]');
    assert.equal(await page.isVisible('#soft-row'), true);
    await typeInto(page, '#y-field', '0.6');
    await assertShows(page, -8, 0.6);
    await page.focus('#y-slider');
    await page.keyboard.press('ArrowRight');
    await assertShows(page, -8, 0.61);
    await page.waitForFunction(() => window.location.search.includes('y=0.61'));
    await screenshot(page, 'binary-soft-label');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('bad input shows a message next to the field and keeps the last good state', async () => {
    const { page, context, problems } = await open('?z=-3&y=1');
    for (const text of ['abc', '', '1e400', 'NaN', 'Infinity', '0x10', '<b>x</b>']) {
      await typeInto(page, '#z-field', text);
      assert.equal(await page.isVisible('#z-error'), true, `message for "${text}"`);
      const message = await page.textContent('#z-error');
      assert.match(message, /z/, `message names z: ${message}`);
      assert.equal(await page.getAttribute('#z-field', 'aria-invalid'), 'true');
      await assertShows(page, -3, 1);
    }
    assert.match(await page.textContent('#z-error'), /is not a number/);
    await typeInto(page, '#z-field', '1e400');
    assert.match(await page.textContent('#z-error'), /too large/);
    await typeInto(page, '#z-field', '');
    assert.match(await page.textContent('#z-error'), /Enter a number for z/);
    await screenshot(page, 'binary-bad-input');
    // A good value clears the message.
    await typeInto(page, '#z-field', '-4');
    assert.equal(await page.isHidden('#z-error'), true);
    await assertShows(page, -4, 1);

    await page.check('input[name="label-mode"][value="soft"]');
    for (const text of ['1.5', '-0.1', 'abc']) {
      await typeInto(page, '#y-field', text);
      assert.equal(await page.isVisible('#y-error'), true, `message for y = "${text}"`);
      await assertShows(page, -4, 1);
    }
    assert.match(await page.textContent('#y-error'), /Write y as a number between 0 and 1/);
    await typeInto(page, '#y-field', '1.5');
    assert.match(await page.textContent('#y-error'), /y must be between 0 and 1 \(got 1\.5\)/);
    await assertNoBadNumbers(page);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('malformed or unknown link parameters are ignored with a visible notice', async () => {
    const { page, context, problems } = await open(
      '?z=abc&y=2&colour=red&axis=sideways&z=4&<img src=x onerror=alert(1)>=1',
    );
    await assertShows(page, -2, 1);
    const notices = await page.$$eval('#notices .notice span', (nodes) =>
      nodes.map((node) => node.textContent),
    );
    assert.ok(notices.some((n) => n.includes('Ignored z')));
    assert.ok(notices.some((n) => n.includes('Ignored y') && n.includes('between 0 and 1')));
    assert.ok(notices.some((n) => n.includes('colour')));
    assert.ok(notices.some((n) => n.includes('axis')));
    assert.ok(notices.some((n) => n.includes('more than once')));
    assert.equal(await page.$$eval('#notices img', (nodes) => nodes.length), 0);
    await assertNoBadNumbers(page);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a copied link restores the view exactly', async () => {
    const { page, context, problems } = await open('', {
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    await page.check('input[name="label-mode"][value="soft"]');
    await typeInto(page, '#y-field', '0.9');
    await typeInto(page, '#z-field', '-2.35');
    await page.check('#log-scale');
    await page.click('#copy-link');
    await page.waitForSelector('#copy-status:has-text("Link copied")');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(link, /\?z=-2\.35&y=0\.9&axis=log$/);
    const first = await getState(page);
    const restored = await open(link.slice(server.url.length));
    assert.deepEqual(await getState(restored.page), first);
    await assertShows(restored.page, -2.35, 0.9);
    assert.equal(await restored.page.isChecked('#log-scale'), true);
    assert.deepEqual(await markers(restored.page), await markers(page));
    await screenshot(restored.page, 'binary-restored-log-axis');
    assert.deepEqual([...problems, ...restored.problems], []);
    await context.close();
    await restored.context.close();
  });

  test('play sweeps z, any input stops it, and reset restores the defaults', async () => {
    const { page, context, problems } = await open('?z=-6&y=1');
    await page.click('#play');
    assert.equal(await page.getAttribute('#play', 'aria-pressed'), 'true');
    await page.waitForFunction(() => window.lossplay.getState().z > -5);
    await page.focus('#z-field');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await page.getAttribute('#play', 'aria-pressed'), 'false');
    const stopped = (await getState(page)).z;
    await animationFrames(page); // the sweep moves z once a frame
    assert.equal((await getState(page)).z, stopped, 'z stays put once stopped');
    await assertShows(page, stopped, 1);
    await page.click('#reset');
    await assertShows(page, -2, 1);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('with prefers-reduced-motion, play steps instead of gliding', async () => {
    const { page, context, problems } = await open('?z=-6&y=1', { reducedMotion: 'reduce' });
    await page.click('#play');
    await page.waitForFunction(() => window.lossplay.getState().z !== -6);
    const { z } = await getState(page);
    assert.equal(z, -5, 'one whole step');
    await page.click('#play');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('every chart offers its numbers as a table, and they are the core values', async () => {
    const { page, context, problems } = await open('?z=-8&y=1');
    assert.equal(await page.$$eval('.chart-numbers', (d) => d.length), 2);
    await page.click('.chart-numbers >> nth=1 >> summary');
    // The details element's toggle event comes a task later; the table fills then.
    await page.waitForFunction(
      () => document.querySelectorAll('.chart-numbers')[1].querySelectorAll('tbody tr').length > 0,
    );
    const rows = await page.evaluate(() =>
      [...document.querySelectorAll('.chart-numbers')[1].querySelectorAll('tbody tr')].map((r) =>
        [...r.children].map((c) => c.textContent),
      ),
    );
    assert.ok(rows.length >= 20, `${rows.length} rows`);
    const atMinus8 = rows.find((row) => row[0] === '\u22128');
    const point = binaryPoint(-8, 1);
    assert.equal(shownNumber(atMinus8[0]), -8);
    assertNumber(atMinus8[1], Math.abs(point.dceDz), 'table |dCE/dz| at z = −8');
    assertNumber(atMinus8[2], Math.abs(point.dmseDz), 'table |dMSE/dz| at z = −8');
    // The loss chart is drawn from z, so its points bunch near p = 0 and 1; its table still
    // samples p evenly (no run of rows all reading p = 1).
    await page.click('.chart-numbers >> nth=0 >> summary');
    await page.waitForFunction(
      () => document.querySelectorAll('.chart-numbers')[0].querySelectorAll('tbody tr').length > 0,
    );
    const ps = await page.$$eval('.chart-numbers >> nth=0 >> tbody th', (cells) =>
      cells.map((c) => c.textContent),
    );
    const values = ps.map(shownNumber);
    assert.ok(values.length >= 15, `${values.length} rows`);
    const gaps = values.slice(1).map((p, i) => p - values[i]);
    assert.ok(Math.min(...gaps) > 0, `p increases, no repeated rows: ${ps.join(' ')}`);
    assert.ok(Math.max(...gaps) < 2.5 * Math.min(...gaps), `p evenly spaced: ${ps.join(' ')}`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('signed gradients and the log axis', async () => {
    const { page, context, problems } = await open('?z=-8&y=1');
    const linear = await markers(page);
    await page.check('#log-scale');
    const log = await markers(page);
    // On a log axis 6.7e-4 sits far above the x-axis; on the linear one it hugs it.
    assert.ok(log.gradient[1].y < linear.gradient[1].y - 50);
    await page.check('#signed');
    assert.equal(await page.isDisabled('#log-scale'), true);
    assert.equal(await page.isChecked('#log-scale'), false, 'no ticked box without effect');
    assert.match(
      await page.textContent('#gradient-chart-note'),
      /logarithmic axis shows magnitudes/,
    );
    await page.waitForFunction(() => window.location.search.includes('gradient=signed'));
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('phone width, dark theme: no horizontal scrolling', async () => {
    const { page, context, problems } = await open('?z=-8&y=1', {
      viewport: { width: 360, height: 780 },
      colorScheme: 'dark',
    });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    assert.equal(overflow, 0);
    await assertShows(page, -8, 1);
    await screenshot(page, 'binary-phone-dark');
    // Switching the system theme re-colours the charts without a reload.
    const markerColor = () => page.evaluate(() => window.lossplay.markerPixels().gradient[0].color);
    const cssColor = () =>
      page.evaluate(() =>
        getComputedStyle(document.documentElement).getPropertyValue('--ce').trim(),
      );
    assert.equal(await markerColor(), await cssColor());
    const darkColor = await markerColor();
    await page.emulateMedia({ colorScheme: 'light' });
    await page.waitForFunction(
      (dark) => window.lossplay.markerPixels().gradient[0].color !== dark,
      darkColor,
    );
    assert.equal(await markerColor(), await cssColor());
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a z beyond the race’s limit says where the race will start', async () => {
    const { page, context, problems } = await open('?z=-700&y=1');
    const text = await page.textContent('#race-link');
    assert.match(text, /starts at z = −50, the nearest to −700 the race allows/);
    assert.match(await page.getAttribute('#race-link', 'href'), /[?&]z=-50(&|$)/);
    await typeInto(page, '#z-field', '-6');
    assert.equal(await page.textContent('#race-link'), 'Train a model that starts at z = −6');
    assert.deepEqual(problems, []);
    await context.close();
  });
});
