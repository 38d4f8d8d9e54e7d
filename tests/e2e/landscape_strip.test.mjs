// The landscape lab's data strip on a phone and from the keyboard, in headless Chromium.
// On a touch screen (390 × 844, isMobile, hasTouch, touches sent through the DevTools protocol
// as a finger sends them): a swipe that starts on an empty spot of the strip scrolls the page
// and adds no point, a tap adds one, and a finger on a point drags it without scrolling. From
// the keyboard: the strip is one tab stop, ←/→ go from point to point in the order of x, and
// each point's accessible name says its x and its label. What is expected comes from the
// state's own URL (its x and y lists), never from the page's code.
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { assertShows } from './reference.mjs';
import * as ui from './page_helpers.mjs';
import { POINT_COUNT } from '../../web/panels/landscape/state.js';

const lab = ui.pageSuite('landscape.html');
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
// The strip spans x from −4 to 4; the default data lie within [−2.4, 2.3], so x = −3.5 is
// empty space (a point's radius is 7 px; a unit of x is about 45 px on a phone).
const EMPTY_X = -3.5;

/** The strip's box in the viewport, and the viewport point of (x, share of its height). */
async function stripSpot(page, x, heightShare) {
  const box = await page.locator('#ls-strip').boundingBox();
  const [left, right] = await page.evaluate(() => {
    // The strip's lines run from its padding to the width minus it; read their ends.
    const line = document.querySelector('#ls-strip .strip-axis line');
    const matrix = line.getScreenCTM();
    return [
      line.x1.baseVal.value * matrix.a + matrix.e,
      line.x2.baseVal.value * matrix.a + matrix.e,
    ];
  });
  return { x: left + ((x + 4) / 8) * (right - left), y: box.y + heightShare * box.height };
}

/** One finger: down at `from`, through `steps` moves, up at `to`. */
async function swipe(cdp, from, to, steps = 12) {
  const touch = (type, at) =>
    cdp.send('Input.dispatchTouchEvent', {
      type,
      touchPoints: at ? [{ x: Math.round(at.x), y: Math.round(at.y) }] : [],
    });
  await touch('touchStart', from);
  for (let k = 1; k <= steps; k += 1) {
    const t = k / steps;
    await touch('touchMove', { x: from.x + t * (to.x - from.x), y: from.y + t * (to.y - from.y) });
  }
  await touch('touchEnd');
}

const scrollY = (page) => page.evaluate(() => window.scrollY);

/** Resolves once the page has stopped scrolling (a swipe's fling goes on after the finger
 *  lifts, carrying the sticky strip with it): the same scroll position for ten frames. */
const scrollSettled = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve) => {
        let last = window.scrollY;
        let still = 0;
        const frame = () => {
          still = window.scrollY === last ? still + 1 : 0;
          last = window.scrollY;
          if (still >= 10) resolve(last);
          else requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      }),
  );

/** The lists of a state's URL, as numbers. */
const listOf = (query, key) => new URLSearchParams(query).get(key).split(',').map(Number);

/** Which point has the focus (its data index), or null when the focus is off the strip. */
/** The refused state's message under the strip, or '' while it is hidden. */
const refusal = (page) =>
  page.$eval('#ls-error', (box) => (box.hidden ? '' : box.textContent.trim()));

// The core's own messages name a function and its arguments ("landscapeCurvature(…): data.x
// must have between 1 and 1000 entries"); the reader must never see one.
const CORE_WORDS = /\w+\([^)]*\):|descentPath|landscape\w*\(|data\.x|entries, got/;

const focusedPoint = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el?.closest('#ls-strip') ? Number(el.dataset.index) : null;
  });

describe('landscape data strip', () => {
  lab.test(
    'phone: a swipe from empty space scrolls the page and adds no point; a tap adds one',
    PHONE,
    async ({ page, context }) => {
      const cdp = await context.newCDPSession(page);
      await page.evaluate(() => window.scrollTo(0, 0));
      const n = (await ui.getState(page)).x.length;
      const from = await stripSpot(page, EMPTY_X, 0.5);
      const before = await scrollY(page);
      await swipe(cdp, from, { x: from.x, y: from.y - 300 });
      await page.waitForFunction((y) => window.scrollY > y + 50, before, { timeout: 5000 });
      await scrollSettled(page);
      // A tap after it: exactly one point more, so the swipe itself added none.
      const tap = await stripSpot(page, EMPTY_X, 0.2);
      await page.touchscreen.tap(tap.x, tap.y);
      await page.waitForFunction((count) => window.lossplay.getState().x.length > count, n);
      const state = await ui.getState(page);
      assert.equal(state.x.length, n + 1, 'the tap added one point and the swipe none');
      assert.equal(state.y[n], 1, 'a tap in the top half adds a point labeled 1');
      assert.ok(Math.abs(state.x[n] - EMPTY_X) < 0.2, `added at x = ${state.x[n]}`);
    },
  );

  lab.test(
    'phone: a sideways swipe on empty space adds no point either',
    PHONE,
    async ({ page, context }) => {
      const cdp = await context.newCDPSession(page);
      const n = (await ui.getState(page)).x.length;
      const from = await stripSpot(page, EMPTY_X, 0.5);
      await swipe(cdp, from, { x: from.x + 40, y: from.y });
      const tap = await stripSpot(page, 3.5, 0.8);
      await page.touchscreen.tap(tap.x, tap.y);
      await page.waitForFunction((count) => window.lossplay.getState().x.length > count, n);
      const state = await ui.getState(page);
      assert.equal(state.x.length, n + 1, 'the tap added one point and the swipe none');
      assert.equal(state.y[n], 0, 'a tap in the bottom half adds a point labeled 0');
    },
  );

  lab.test(
    'phone: a finger drags a point across and up to the top line without scrolling',
    { ...PHONE, query: '?x=-1,1&y=0,1' },
    async ({ page, context }) => {
      const cdp = await context.newCDPSession(page);
      const point = await page.locator('#ls-strip circle[data-index="0"]').boundingBox();
      const from = { x: point.x + point.width / 2, y: point.y + point.height / 2 };
      const top = await stripSpot(page, 0, 0.1);
      const before = await scrollY(page);
      await swipe(cdp, from, { x: from.x + 40, y: top.y });
      await page.waitForFunction(() => window.lossplay.getState().y[0] === 1);
      const state = await ui.getState(page);
      assert.ok(state.x[0] > -1 + 0.5, `the point moved right: x = ${state.x[0]}`);
      assert.deepEqual([state.x[1], state.y[1]], [1, 1], 'the other point stays');
      assert.equal(await scrollY(page), before, 'the page did not scroll under the finger');
    },
  );

  const QUERY = '?x=1,-1.6,0.25,3,-3.5&y=1,0,0,1,0';

  lab.test(
    'keyboard: one tab stop, ←/→ go by x, Home/End to the ends, names say x and label',
    { query: QUERY },
    async ({ page }) => {
      const x = listOf(QUERY, 'x');
      const y = listOf(QUERY, 'y');
      const byX = x.map((_, i) => i).sort((i, j) => x[i] - x[j]);
      const before = await ui.getState(page);
      assert.equal(await page.locator('#ls-strip [tabindex="0"]').count(), 1, 'one tab stop');

      // Tab from the first point leaves the strip in one press; Shift+Tab comes back to it.
      await page.locator('#ls-strip circle').first().focus();
      await page.keyboard.press('Tab');
      assert.equal(await focusedPoint(page), null, 'one Tab leaves the strip');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'ls-play');
      await page.keyboard.press('Shift+Tab');
      assert.equal(await focusedPoint(page), 0, 'Shift+Tab comes back to the same point');

      await page.keyboard.press('Home');
      assert.equal(await focusedPoint(page), byX[0], 'Home: the point with the smallest x');
      for (let k = 1; k < byX.length; k += 1) {
        await page.keyboard.press('ArrowRight');
        assert.equal(await focusedPoint(page), byX[k], `ArrowRight ${k}: the next point by x`);
      }
      await page.keyboard.press('ArrowRight');
      assert.equal(await focusedPoint(page), byX.at(-1), 'ArrowRight stops at the last');
      await page.keyboard.press('ArrowLeft');
      assert.equal(await focusedPoint(page), byX.at(-2), 'ArrowLeft: the previous by x');
      await page.keyboard.press('End');
      assert.equal(await focusedPoint(page), byX.at(-1), 'End: the largest x');
      assert.deepEqual(await ui.getState(page), before, 'going from point to point edits none');
      // The tab stop followed the focus.
      assert.equal(
        await page.getAttribute(`#ls-strip circle[data-index="${byX.at(-1)}"]`, 'tabindex'),
        '0',
      );

      for (const [i, xi] of x.entries()) {
        const name = await page.getAttribute(`#ls-strip circle[data-index="${i}"]`, 'aria-label');
        const parts = name.match(/^x = (\S+), label ([01])$/);
        assert.ok(parts, `point ${i}: “${name}” says its x and its label`);
        assertShows(parts[1], xi, `point ${i}: x`);
        assert.equal(Number(parts[2]), y[i], `point ${i}: label`);
        // The name is what an assistive technology gets for an option of the list.
        assert.equal(await page.getByRole('option', { name, exact: true }).count(), 1, name);
      }
      // The keys are described once, in one element every point points to.
      const described = await page.$$eval('#ls-strip circle', (nodes) => [
        ...new Set(nodes.map((node) => node.getAttribute('aria-describedby'))),
      ]);
      assert.equal(described.length, 1);
      assert.match(await page.textContent(`#${described[0]}`), /Delete removes/);
    },
  );

  lab.test(
    'keyboard: Shift+arrows move a point, ↑ relabels it, Insert adds one, Delete removes one',
    { query: QUERY },
    async ({ page }) => {
      const x = listOf(QUERY, 'x');
      const y = listOf(QUERY, 'y');
      await page.locator('#ls-strip circle[data-index="1"]').focus();
      await page.keyboard.press('Shift+ArrowRight');
      await page.waitForFunction((x1) => window.lossplay.getState().x[1] > x1, x[1]);
      let state = await ui.getState(page);
      assertShows(String(state.x[1]), x[1] + 0.1, 'Shift+→ moves the point a tenth right');
      assert.equal(await focusedPoint(page), 1, 'the moved point keeps the focus');
      assert.equal(y[1], 0, 'the point starts on the bottom line');
      await page.keyboard.press('ArrowUp');
      await page.waitForFunction(() => window.lossplay.getState().y[1] === 1);

      await page.keyboard.press('Insert');
      await page.waitForFunction((n) => window.lossplay.getState().x.length === n + 1, x.length);
      state = await ui.getState(page);
      assertShows(String(state.x[x.length]), x[1] + 0.1 + 0.5, 'Insert: a point beside it');
      assert.equal(state.y[x.length], 1, 'with its label');
      assert.equal(await focusedPoint(page), x.length, 'the new point has the focus');

      // Delete the point at x = 3 (the largest x): the focus goes to the next smaller one.
      await page.locator('#ls-strip circle[data-index="3"]').focus();
      await page.keyboard.press('Delete');
      await page.waitForFunction((n) => window.lossplay.getState().x.length === n, x.length);
      state = await ui.getState(page);
      assert.equal(state.x.includes(3), false);
      assert.equal(state.y.length, state.x.length);
      assert.equal(await focusedPoint(page), 0, 'the focus goes to x = 1, now the largest');
      assert.equal(await page.locator('#ls-strip [tabindex="0"]').count(), 1, 'one tab stop');
    },
  );

  lab.test(
    'keyboard: Delete stops at the last point and says why in the reader’s words',
    { query: '?x=-1,1&y=0,1' },
    async ({ page }) => {
      await page.locator('#ls-strip circle[data-index="0"]').focus();
      await page.keyboard.press('Delete');
      await page.waitForFunction(() => window.lossplay.getState().x.length === 1);
      assert.equal(await refusal(page), '', 'removing one of two is fine');
      await page.locator('#ls-strip circle[data-index="0"]').focus();
      await page.keyboard.press('Delete');
      await page.waitForFunction(() => !document.getElementById('ls-error').hidden);
      const said = await refusal(page);
      assert.match(said, /at least 1 point\b/, said);
      assert.doesNotMatch(said, CORE_WORDS, said);
      assert.deepEqual(await ui.getState(page).then(({ x, y }) => [x, y]), [[1], [1]]);
      assert.equal(await page.locator('#ls-strip circle').count(), 1, 'the point is still drawn');
      assert.equal(await focusedPoint(page), 0, 'and keeps the focus');
    },
  );

  lab.test(
    'pointer: the maps follow a dragged point coarsely, and are exact once it is let go',
    async ({ page }) => {
      const point = await page.locator('#ls-strip circle[data-index="0"]').boundingBox();
      const from = { x: point.x + point.width / 2, y: point.y + point.height / 2 };
      const side = () => page.evaluate(() => window.lossplay.mapSide());
      assert.equal(await side(), 200);
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      await page.mouse.move(from.x + 40, from.y, { steps: 5 });
      assert.equal(await side(), 50, 'a sixteenth of the cells while the finger moves');
      for (const id of ['#ls-map-ce-note', '#ls-map-mse-note', '#ls-why-concave']) {
        assert.doesNotMatch(await page.textContent(id), /\d/, `${id}: no figure from a coarse map`);
      }
      await page.mouse.up();
      assert.equal(await side(), 200, 'exact maps as soon as it is let go');
      // Their contours, hatching and figures come a frame later.
      await page.waitForFunction(() => window.lossplay.mapStage() === 'detailed');
      // The state the drag left, opened from its own link, reads the same everywhere.
      const { x } = await ui.getState(page);
      await page.waitForFunction(
        (list) => new URLSearchParams(window.location.search).get('x') === list,
        x.join(','),
      );
      const query = await page.evaluate(() => window.location.search);
      const again = await lab.open(query);
      assert.deepEqual((await ui.getState(again.page)).x, x);
      for (const id of [
        '#ls-map-ce-note',
        '#ls-map-mse-note',
        '#ls-why-ce-min',
        '#ls-why-concave',
      ]) {
        assert.equal(await page.textContent(id), await again.page.textContent(id), id);
      }
      assert.match(await page.textContent('#ls-map-mse-note'), /\d/);
      await again.context.close();
    },
  );

  lab.test(
    'pointer: dragging the last point off the strip keeps it there',
    { query: '?x=0.5&y=1' },
    async ({ page }) => {
      const point = await page.locator('#ls-strip circle[data-index="0"]').boundingBox();
      const from = { x: point.x + point.width / 2, y: point.y + point.height / 2 };
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      await page.mouse.move(from.x, from.y - 200, { steps: 6 });
      await page.mouse.up();
      await page.waitForFunction(() => !document.getElementById('ls-error').hidden);
      assert.match(await refusal(page), /at least 1 point\b/);
      assert.doesNotMatch(await page.textContent('main'), CORE_WORDS);
      assert.deepEqual((await ui.getState(page)).x, [0.5]);
      const drawn = await page.getAttribute('#ls-strip circle', 'class');
      assert.doesNotMatch(drawn, /leaving/, 'drawn in place again, not as leaving');
    },
  );

  lab.test(
    'pointer: the strip takes points up to what a link carries, then says so; the link reopens them',
    async ({ page }) => {
      const start = (await ui.getState(page)).x.length;
      const most = POINT_COUNT.max;
      // Clicks halfway between the lines never land on a point, so each adds one (above the
      // middle: label 1, below: label 0); 35 of them, as in the report, go past the limit.
      const clicks = 35;
      assert.ok(start + clicks > most, 'the clicks go past the limit');
      for (let k = 0; k < clicks; k += 1) {
        const x = -3.8 + (7.6 * k) / (clicks - 1);
        const at = await stripSpot(page, x, k % 2 ? 0.4 : 0.62);
        await page.mouse.click(at.x, at.y);
        const want = Math.min(start + k + 1, most);
        await page.waitForFunction((n) => window.lossplay.getState().x.length >= n, want);
        assert.equal((await ui.getState(page)).x.length, want, `after click ${k + 1}`);
      }
      const state = await ui.getState(page);
      assert.equal(state.x.length, most, `the strip holds ${most} points`);
      assert.equal(await page.locator('#ls-strip circle').count(), most);
      const said = await refusal(page);
      assert.match(said, new RegExp(`at most ${most} points.*link`), said);
      assert.doesNotMatch(said, CORE_WORDS, said);
      // The page's own link, written once the edits settle, reopens the same points.
      await page.waitForFunction(
        (x) => new URLSearchParams(window.location.search).get('x') === x,
        state.x.join(','),
      );
      const link = await page.evaluate(() => window.location.search);
      const again = await lab.open(link);
      assert.deepEqual(await ui.noticeTexts(again.page), [], 'the link is read without a notice');
      const reopened = await ui.getState(again.page);
      assert.deepEqual([reopened.x, reopened.y], [state.x, state.y]);
      assert.deepEqual(again.problems, []);
      await again.context.close();
    },
  );

  lab.test('every hint paragraph of the lab says something', async ({ page }) => {
    const empty = await page.$$eval('main p.hint', (nodes) =>
      nodes.filter((node) => node.textContent.trim() === '').map((node) => node.id || '(no id)'),
    );
    assert.deepEqual(empty, []);
  });
});
