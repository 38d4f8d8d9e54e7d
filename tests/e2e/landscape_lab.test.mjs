// The landscape lab in headless Chromium. Expected numbers are computed in this file from the
// textbook forms (mean softplus for cross-entropy, mean (σ − y)² for squared error, their
// gradients by the chain rule, gradient descent with heavy-ball momentum written out as a plain
// loop), never with the page's core. Covers: the read-outs at the start and after steps,
// choosing a start by clicking a map, Play and Pause, editing the data on the strip (drag, tap
// to add, keys), bad input, zoom, and links.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { screenshot } from './browser_harness.mjs';
import { assertShows as assertNumber, sigmoid } from './reference.mjs';
import * as ui from './page_helpers.mjs';
import { panelById } from '../../web/panels/registry.js';
import { lossRatios } from './atlas/landscape_reference.mjs';

const lab = ui.pageSuite('landscape.html');
const { table } = panelById('landscape');

// ---- reference: the model p = σ(w x + b), mean losses and their gradients ------------------
const softplus = (z) => Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));

function lossAndGradient({ x, y }, loss, w, b) {
  let value = 0;
  let gw = 0;
  let gb = 0;
  x.forEach((xi, i) => {
    const z = w * xi + b;
    const p = sigmoid(z);
    // dL/dz: CE p − y; MSE 2(p − y) p (1 − p).
    const dz = loss === 'ce' ? p - y[i] : 2 * (p - y[i]) * p * (1 - p);
    value += loss === 'ce' ? softplus(z) - y[i] * z : (p - y[i]) ** 2;
    gw += dz * xi;
    gb += dz;
  });
  const n = x.length;
  return { value: value / n, gw: gw / n, gb: gb / n };
}

/** Heavy-ball descent: v ← β v − η ∇L, θ ← θ + v; the state after `steps` steps. */
function descend(data, loss, { w, b, lr, momentum }, steps) {
  let [vw, vb] = [0, 0];
  for (let k = 0; k < steps; k += 1) {
    const g = lossAndGradient(data, loss, w, b);
    vw = momentum * vw - lr * g.gw;
    vb = momentum * vb - lr * g.gb;
    w += vw;
    b += vb;
  }
  const g = lossAndGradient(data, loss, w, b);
  return { w, b, loss: g.value, gradNorm: Math.hypot(g.gw, g.gb) };
}

async function assertRun(page, loss, want, label) {
  const cell = (row) => page.textContent(`#ls-${loss}-${row}`);
  assertNumber(await cell('loss'), want.loss, `${label}: ${loss} loss`);
  assertNumber(await cell('grad'), want.gradNorm, `${label}: ${loss} gradient length`);
  const [w, b] = (await cell('wb')).split(', ');
  assertNumber(w, want.w, `${label}: ${loss} w`);
  assertNumber(b, want.b, `${label}: ${loss} b`);
}

async function assertDescents(page, label) {
  const state = await ui.getState(page);
  for (const loss of ['ce', 'mse']) {
    await assertRun(page, loss, descend(state, loss, state, state.steps), label);
  }
  return state;
}

describe('landscape lab', () => {
  lab.test(
    'defaults: both descents start at w = −6 with the textbook losses and gradients',
    async ({ page }) => {
      const state = await assertDescents(page, 'default');
      assert.deepEqual(state, table.defaults);
      // Every point is on the wrong side at w = −6: the MSE gradient is far shorter.
      const ce = descend(state, 'ce', state, 0);
      const mse = descend(state, 'mse', state, 0);
      assert.ok(ce.gradNorm / mse.gradNorm > 50, 'the plateau is flat');
      assert.match(await page.textContent('#ls-verdict'), /times shorter/);
      // MSE is not convex somewhere in the window, and the note says how much of it.
      assert.match(
        await page.textContent('#ls-map-mse-note'),
        /Hatched: .* \d+(\.\d+)? % of the window/,
      );
      assert.match(await page.textContent('#ls-map-ce-note'), /^Mean cross-entropy from/);
      await ui.assertNoBadNumbers(page);
      await screenshot(page, 'landscape-default');
    },
  );

  lab.test('Step and Play move both descents as plain gradient descent does', async ({ page }) => {
    for (let i = 0; i < 3; i += 1) await page.click('#ls-step');
    await page.waitForFunction(() => window.lossplay.getState().steps === 3);
    await assertDescents(page, 'three steps');
    await page.click('#ls-play');
    await page.waitForFunction(() => window.lossplay.getState().steps >= 80);
    await page.click('#ls-play');
    assert.equal(await page.evaluate(() => window.lossplay.isPlaying()), false);
    assert.equal(await page.getAttribute('#ls-play', 'aria-pressed'), 'false');
    await assertDescents(page, 'after Play');
    // The crawl, at a step count of its own: how far Play got before the pause depends on the
    // machine's speed, and MSE leaves the plateau in the end.
    await page.evaluate(() => window.lossplay.show({ steps: 80 }));
    await page.waitForFunction(() => window.lossplay.getState().steps === 80);
    const state = await assertDescents(page, 'at 80 steps');
    // CE has shed most of its loss, MSE hardly any.
    const ce = descend(state, 'ce', state, state.steps);
    const mse = descend(state, 'mse', state, state.steps);
    assert.ok(ce.loss < 0.2 * descend(state, 'ce', state, 0).loss);
    assert.ok(mse.loss > 0.9 * descend(state, 'mse', state, 0).loss);
    const heads = await page.evaluate(() => window.lossplay.headPixels());
    assert.ok(heads.ce && heads.mse, 'both paths have a head on their map');
    await page.click('#ls-rewind');
    await page.waitForFunction(() => window.lossplay.getState().steps === 0);
  });

  lab.test(
    'clicking a map starts both descents there; keys move the start',
    { query: '?steps=20' },
    async ({ page }) => {
      const [px, py] = await page.evaluate(() => window.lossplay.mapPixel('ce', 2, 3));
      const box = await page.locator('#ls-map-ce').boundingBox();
      await page.mouse.click(box.x + px, box.y + py);
      await page.waitForFunction(() => window.lossplay.getState().steps === 0);
      const state = await ui.getState(page);
      // One pixel of a ~20-unit window is about 0.05–0.1 units.
      assert.ok(
        Math.abs(state.w - 2) < 0.15 && Math.abs(state.b - 3) < 0.15,
        JSON.stringify(state),
      );
      await assertDescents(page, 'clicked start');
      await page.focus('#ls-map-mse');
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction((w) => window.lossplay.getState().w > w, state.w);
      assertNumber(
        String((await ui.getState(page)).w),
        state.w + 0.4,
        'a key moves w by 2 % of 20',
      );
    },
  );

  lab.test(
    'the strip edits the data: drag, tap to add, keys to flip and remove',
    async ({ page }) => {
      const point = page.locator('#ls-strip circle').first();
      const start = await point.boundingBox();
      const cx = start.x + start.width / 2;
      const cy = start.y + start.height / 2;
      await page.mouse.move(cx, cy);
      await page.mouse.down();
      await page.mouse.move(cx + 30, cy, { steps: 5 });
      await page.mouse.up();
      await page.waitForFunction((x) => window.lossplay.getState().x[0] > x, table.defaults.x[0]);
      let state = await ui.getState(page);
      assert.equal(state.x.length, table.defaults.x.length);
      assert.deepEqual(state.x.slice(1), table.defaults.x.slice(1));
      await assertDescents(page, 'dragged point');

      // Tap the empty top half near the right end: a point labeled 1 is added.
      const strip = await page.locator('#ls-strip').boundingBox();
      await page.mouse.click(strip.x + strip.width - 20, strip.y + 14);
      await page.waitForFunction(
        (n) => window.lossplay.getState().x.length === n + 1,
        state.x.length,
      );
      state = await ui.getState(page);
      assert.equal(state.y[state.y.length - 1], 1);
      await assertDescents(page, 'added point');

      await page.locator('#ls-strip circle').nth(1).focus();
      await page.keyboard.press('Space');
      await page.waitForFunction(() => window.lossplay.getState().y[1] === 1);
      await page.keyboard.press('Delete');
      await page.waitForFunction(
        (n) => window.lossplay.getState().x.length === n - 1,
        state.x.length,
      );
      await assertDescents(page, 'flipped and removed');
      assert.equal(await page.inputValue('#ls-x'), (await ui.getState(page)).x.join(','));
    },
  );

  lab.test(
    'bad input: a clear message, the last good state kept, cleared by good input',
    async ({ page }) => {
      const before = await ui.getState(page);
      await ui.typeInto(page, '#ls-x', '1, two, 3');
      assert.match(await page.textContent('#ls-x-error'), /Entry 2: “two” is not a number/);
      await ui.typeInto(page, '#ls-lr', '0');
      assert.match(await page.textContent('#ls-lr-error'), /learning rate must be above 0/);
      // Lists of different lengths: the panel refuses the state and says why.
      await ui.typeInto(page, '#ls-x', '-1, 0, 1');
      assert.match(await page.textContent('#ls-error'), /3 positions x and 10 labels/);
      assert.deepEqual(await ui.getState(page), before);
      await ui.typeInto(page, '#ls-y', '0, 1, 1');
      await page.waitForFunction(() => window.lossplay.getState().x.length === 3);
      assert.equal(await page.isHidden('#ls-error'), true);
      await assertDescents(page, 'three points');
      await ui.assertNoBadNumbers(page);
    },
  );

  lab.test(
    'the steps chart’s table: a row per step, "—" for a run after it stopped',
    { query: '?w=-6&b=0&lr=100&steps=20' },
    async ({ page }) => {
      // Learning rate 100 from w = −6: cross-entropy's first step (|Δw| ≈ 143) would leave
      // [−50, 50]², so that run stops before it; squared error's plateau gradient keeps it in.
      const state = await ui.getState(page);
      const setting = { w: state.w, b: state.b, lr: state.lr, momentum: state.momentum };
      const ce = lossRatios(state, 'ce', setting, state.steps);
      const mse = lossRatios(state, 'mse', setting, state.steps);
      assert.equal(ce.length, 1, 'the reference stops cross-entropy before its first step');
      assert.equal(mse.length, 21);
      await page.click('.chart-numbers summary');
      await page.waitForFunction(
        () => document.querySelectorAll('.chart-numbers tbody tr').length > 0,
      );
      const rows = await page.$$eval('.chart-numbers tbody tr', (trs) =>
        trs.map((tr) => [...tr.children].map((cell) => cell.textContent)),
      );
      assert.equal(rows.length, 21);
      rows.forEach(([step, ceCell, mseCell], k) => {
        assert.equal(step, String(k), `row ${k}: its x is the step`);
        if (k < ce.length) assertNumber(ceCell, ce[k], `row ${k}: cross-entropy`);
        else assert.equal(ceCell, '—', `row ${k}: cross-entropy has stopped`);
        assertNumber(mseCell, mse[k], `row ${k}: squared error`);
      });
    },
  );

  // The core's own messages name a function and its arguments ("descentPath(data, loss, w0,
  // …): w0 must be a number in [-50, 50]"); the reader must never see one.
  const CORE_WORDS = /\w+\([^)]*\):|descentPath|landscape\w*\(|\bw0\b|data\.x|Use a value/;

  /** The refused state's message under the strip, or '' while it is hidden. */
  const refusal = (page) =>
    page.$eval('#ls-error', (box) => (box.hidden ? '' : box.textContent.trim()));

  lab.test(
    'arrow keys on a map stop the start at the window’s edge, never past the core’s limits',
    { query: '?w=49.5&b=-49.5&view=30,50,-50,-30' },
    async ({ page }) => {
      // A key moves the start by 2 % of the window (5 × with Shift): 0.4 here. From 49.5 three
      // presses would reach 50.7, past the largest w the core takes (50), which is also the
      // window's edge: the start must stop at 50 and nothing be refused.
      await page.focus('#ls-map-ce');
      for (const key of ['ArrowRight', 'ArrowRight', 'ArrowRight', 'Shift+ArrowRight']) {
        await page.keyboard.press(key);
        assert.equal(await refusal(page), '', `${key}: nothing refused`);
      }
      for (const key of ['ArrowDown', 'ArrowDown', 'Shift+ArrowDown']) {
        await page.keyboard.press(key);
        assert.equal(await refusal(page), '', `${key}: nothing refused`);
      }
      let state = await ui.getState(page);
      assert.deepEqual([state.w, state.b], [50, -50], 'the start sits in the window’s corner');
      await assertDescents(page, 'at the corner');
      // Back the other way: the keys still move it.
      await page.keyboard.press('ArrowLeft');
      state = await ui.getState(page);
      assert.equal(state.w, 49.6);
      assert.doesNotMatch(await page.textContent('main'), CORE_WORDS);
    },
  );

  lab.test(
    'arrow keys stop at the edge of a zoomed window inside the limits',
    { query: '?w=9.9&b=0&view=-10,10,-10,10' },
    async ({ page }) => {
      await page.focus('#ls-map-mse');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Shift+ArrowUp');
      await page.keyboard.press('Shift+ArrowUp');
      await page.keyboard.press('Shift+ArrowUp');
      await page.keyboard.press('Shift+ArrowUp');
      await page.keyboard.press('Shift+ArrowUp');
      await page.keyboard.press('Shift+ArrowUp');
      const state = await ui.getState(page);
      // 9.9 + 0.4 would leave the window [−10, 10]; 6 × 2 = 12 up from 0 too.
      assert.deepEqual([state.w, state.b], [10, 10]);
      assert.equal(await refusal(page), '');
    },
  );

  lab.test(
    'Step at the last step a link holds stays there, with nothing refused',
    { query: '?steps=10000' },
    async ({ page }) => {
      // 10⁴ is the most steps the core takes in one path (core.limits.landscape.steps).
      await page.click('#ls-step');
      await ui.animationFrames(page, 2);
      assert.equal(await refusal(page), '');
      assert.equal((await ui.getState(page)).steps, 10000);
      assert.doesNotMatch(await page.textContent('main'), CORE_WORDS);
    },
  );

  lab.test(
    'dragging a map past the core’s limits stops the window at them',
    { query: '?w=40&b=0&view=30,50,-10,10' },
    async ({ page }) => {
      const box = await page.locator('#ls-map-ce').boundingBox();
      const from = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      // Dragging left pulls larger w into view: half the map's width is 10 units of w here,
      // which would put the window at [40, 60] without a stop.
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      await page.mouse.move(from.x - box.width / 2, from.y + box.height / 3, { steps: 8 });
      await page.mouse.up();
      const { view } = await ui.getState(page);
      assert.equal(await refusal(page), '');
      assert.ok(view[0] >= -50 && view[1] <= 50 && view[2] >= -50 && view[3] <= 50, `${view}`);
      assert.equal(view[1], 50, 'the window stops at the largest w');
      assertNumber(String(view[1] - view[0]), 20, 'its width kept');
      assertNumber(String(view[3] - view[2]), 20, 'its height kept');
      assert.ok(view[2] > -10, 'it still moved in b');
    },
  );

  test('zoom and links: the window, the start and the steps round-trip', async () => {
    const { page, context, problems } = await lab.open();
    await page.click('#ls-zoom-in');
    await page.waitForFunction(
      () => window.lossplay.getState().view[1] - window.lossplay.getState().view[0] === 10,
    );
    await ui.typeInto(page, '#ls-momentum', '0.9');
    await ui.typeInto(page, '#ls-w', '-4');
    await page.click('#ls-step');
    const query = await ui.settledQuery(page, 'steps=1');
    assert.match(query, /view=/);
    assert.match(query, /momentum=0.9/);
    const again = await lab.open(query);
    assert.deepEqual(await ui.getState(again.page), await ui.getState(page));
    await assertDescents(again.page, 'reopened');
    assert.deepEqual(problems, []);
    assert.deepEqual(again.problems, []);
    await again.context.close();
    await context.close();
  });
});
