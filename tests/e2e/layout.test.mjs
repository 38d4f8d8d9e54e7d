// Where people use it, in headless Chromium: a 390×844 phone, a 1024×768 projector at 150 %
// zoom (683×512 CSS pixels) and a 1920×1080 screen. On every panel the control being moved and
// the chart it drives are on screen together, and present mode shows the strip, the charts and
// the verdict without scrolling, in type that reads from the back of a room.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PANELS } from '../../web/panels/registry.js';
import { screenshot } from './browser_harness.mjs';
import { animationFrames, openReady, useServerAndBrowser } from './page_helpers.mjs';

let server;
let browser;
useServerAndBrowser((env) => ({ server, browser } = env));

const VIEWPORTS = {
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
  projector: { viewport: { width: 683, height: 512 }, deviceScaleFactor: 1.5 },
  'full-hd': { viewport: { width: 1920, height: 1080 } },
};

/** Rectangles of the strip's first control and of a chart, after scrolling the chart to the
 * bottom edge of the window (the farthest a reader can look from the strip). */
function pairOnScreen(page, chartIndex) {
  return page.evaluate((index) => {
    const control = document.querySelector('.strip :is(input[type="range"], button, input)');
    const canvas = document.querySelectorAll('.charts .chart-panel canvas')[index];
    canvas.scrollIntoView({ block: 'end', behavior: 'instant' });
    const box = (element) => {
      const { top, bottom, left, right } = element.getBoundingClientRect();
      return { top, bottom, left, right };
    };
    const c = box(control);
    const hit = document.elementFromPoint((c.left + c.right) / 2, (c.top + c.bottom) / 2);
    return {
      control: c,
      chart: box(canvas),
      chartId: canvas.id,
      controlVisible: hit === control || control.contains(hit) || hit?.closest('label') !== null,
      height: window.innerHeight,
    };
  }, chartIndex);
}

const inside = (rect, height) => rect.top >= -1 && rect.bottom <= height + 1;

for (const panel of PANELS) {
  for (const [size, options] of Object.entries(VIEWPORTS)) {
    test(`${panel.id} at ${size}: the moved control and each chart are on screen together`, async () => {
      const { page, context, problems } = await openReady(
        browser,
        `${server.url}${panel.page}`,
        options,
      );
      const charts = await page.$$eval('.charts .chart-panel canvas', (nodes) => nodes.length);
      assert.ok(charts >= 1, 'the panel has a chart');
      for (let index = 0; index < charts; index += 1) {
        const pair = await pairOnScreen(page, index);
        assert.ok(inside(pair.chart, pair.height), `${pair.chartId} inside the window`);
        assert.ok(inside(pair.control, pair.height), `control on screen with ${pair.chartId}`);
        assert.ok(pair.controlVisible, `control not covered next to ${pair.chartId}`);
        const apart =
          pair.chart.top >= pair.control.bottom - 1 ||
          pair.chart.left >= pair.control.right - 1 ||
          pair.chart.right <= pair.control.left + 1;
        assert.ok(apart, `${pair.chartId} not under the control`);
      }
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      assert.equal(overflow, 0, 'no sideways scrolling');
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  for (const size of ['projector', 'full-hd']) {
    test(`${panel.id} in present mode at ${size}: one screen, large type, keys step scenes`, async () => {
      const { page, context, problems } = await openReady(
        browser,
        `${server.url}${panel.page}?present=1`,
        VIEWPORTS[size],
      );
      const fit = await page.evaluate(() => {
        const visible = (element) => element.getClientRects().length > 0;
        const rects = [
          document.querySelector('.strip'),
          ...document.querySelectorAll('.charts .chart-panel canvas'),
          document.querySelector('.present-bar'),
        ]
          .filter(visible)
          .map((element) => element.getBoundingClientRect());
        const canvases = [...document.querySelectorAll('.charts .chart-panel canvas')].filter(
          visible,
        );
        return {
          scroll: document.documentElement.scrollHeight - window.innerHeight,
          sideways: document.documentElement.scrollWidth - window.innerWidth,
          allInside: rects.every((r) => r.top >= 0 && r.bottom <= window.innerHeight + 1),
          charts: canvases.length,
          smallestChart: Math.min(...canvases.map((c) => c.getBoundingClientRect().height)),
          height: window.innerHeight,
          fontSize: parseFloat(getComputedStyle(document.body).fontSize),
          explanationsShown: [...document.querySelectorAll('.explanations')].some(visible),
        };
      });
      assert.ok(fit.scroll <= 0, `no vertical scrolling (${fit.scroll} px too tall)`);
      assert.ok(fit.sideways <= 0, 'no sideways scrolling');
      assert.ok(fit.allInside, 'strip, charts and scene bar inside the window');
      assert.ok(fit.charts >= 1, 'at least one chart shown');
      assert.ok(
        fit.smallestChart >= 0.3 * fit.height,
        `charts not squashed (${fit.smallestChart} px)`,
      );
      assert.ok(fit.fontSize >= 16, `text at least 16 CSS px (${fit.fontSize})`);
      assert.equal(fit.explanationsShown, false, 'the long explanations are out of the way');
      // Scenes 1 and 2 differ by construction: the second arrow press must change the state.
      await page.keyboard.press('ArrowRight');
      assert.match(await page.textContent('#present-count'), /^1 \/ \d+$/);
      // Scene 1 as shown once its state has landed (showing it again changes nothing).
      const first = await page.evaluate(async () => {
        await window.lossplay.showScene(window.lossplay.scenes[0].id);
        return JSON.stringify(window.lossplay.getState());
      });
      await page.keyboard.press('PageDown');
      assert.match(await page.textContent('#present-count'), /^2 \/ \d+$/);
      await page.waitForFunction(
        (old) => JSON.stringify(window.lossplay.getState()) !== old,
        first,
      );
      await screenshot(page, `present-${panel.id}-${size}`);
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => !document.documentElement.dataset.present);
      assert.doesNotMatch(await page.evaluate(() => window.location.search), /present=1/);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
}

// Chart text in present mode: the axes' smallest size (chart_setup.js's chartFont) for a chart
// under 420 px wide, as on a projector with two charts side by side.
const PRESENT_CANVAS_TEXT = 15;

/**
 * In every document, before its scripts: each canvas keeps the text painted on it since it was
 * last cleared in full (Chart.js and the landscape maps clear the whole canvas before each
 * frame), with its size in CSS pixels and whether all of it lies inside the canvas. The
 * drawing's transform gives both, so a rotated axis title and the device pixel ratio count.
 */
function recordCanvasText() {
  const proto = CanvasRenderingContext2D.prototype;
  const { fillText, clearRect } = proto;
  proto.clearRect = function (x, y, width, height) {
    const { canvas } = this;
    const m = this.getTransform();
    const [from, to] = [
      m.transformPoint({ x, y }),
      m.transformPoint({ x: x + width, y: y + height }),
    ];
    const whole =
      Math.min(from.x, to.x) <= 0.5 &&
      Math.min(from.y, to.y) <= 0.5 &&
      Math.max(from.x, to.x) >= canvas.width - 0.5 &&
      Math.max(from.y, to.y) >= canvas.height - 0.5;
    if (whole) canvas.$paintedText = [];
    return clearRect.call(this, x, y, width, height);
  };
  proto.fillText = function (text, x, y, maxWidth) {
    const metrics = this.measureText(text);
    const shrink = maxWidth && metrics.width > maxWidth ? maxWidth / metrics.width : 1;
    const m = this.getTransform();
    const corners = [
      [x - metrics.actualBoundingBoxLeft * shrink, y - metrics.actualBoundingBoxAscent],
      [x + metrics.actualBoundingBoxRight * shrink, y - metrics.actualBoundingBoxAscent],
      [x - metrics.actualBoundingBoxLeft * shrink, y + metrics.actualBoundingBoxDescent],
      [x + metrics.actualBoundingBoxRight * shrink, y + metrics.actualBoundingBoxDescent],
    ].map(([px, py]) => m.transformPoint({ x: px, y: py }));
    const { canvas } = this;
    const inside = corners.every(
      (p) => p.x >= -1 && p.y >= -1 && p.x <= canvas.width + 1 && p.y <= canvas.height + 1,
    );
    const pixels = Number.parseFloat(/([\d.]+)px/.exec(this.font)?.[1] ?? 'NaN');
    const size = (pixels * Math.hypot(m.a, m.b)) / (canvas.width / canvas.clientWidth || 1);
    (canvas.$paintedText ??= []).push({ text: String(text), size, inside });
    return fillText.call(this, text, x, y, maxWidth);
  };
}

/** The text painted on each shown chart canvas that is set below `least` CSS px or cut by the
 *  canvas's edge. */
function paintedTextProblems(page, least) {
  return page.evaluate((limit) => {
    const problems = [];
    for (const canvas of document.querySelectorAll('canvas')) {
      if (canvas.getClientRects().length === 0) continue;
      for (const { text, size, inside } of canvas.$paintedText ?? []) {
        if (!text.trim()) continue;
        if (size < limit - 0.1) problems.push(`${canvas.id}: "${text}" at ${size.toFixed(1)} px`);
        if (!inside) problems.push(`${canvas.id}: "${text}" cut by the canvas's edge`);
      }
    }
    return problems;
  }, least);
}

/** Present mode as shown: scrolling, the boxes of the strip, each chart panel, the verdict and
 *  the scene bar (none may overlap another), each chart's height and whether it stays inside
 *  its panel, and every shown piece of text set below 16 CSS px. */
function presentLayout(page) {
  return page.evaluate(() => {
    const shown = (element) => element.getClientRects().length > 0;
    const box = (element) => element.getBoundingClientRect();
    const parts = [
      document.querySelector('.present-bar'),
      document.querySelector('.strip'),
      ...document.querySelectorAll('.charts > .chart-panel'),
      document.querySelector('.readouts-panel'),
    ].filter((element) => element && shown(element));
    const overlaps = [];
    parts.forEach((a, i) =>
      parts.slice(i + 1).forEach((b) => {
        const [p, q] = [box(a), box(b)];
        const apart =
          p.right <= q.left + 1 ||
          q.right <= p.left + 1 ||
          p.bottom <= q.top + 1 ||
          q.bottom <= p.top + 1;
        if (!apart) overlaps.push(`${a.className} / ${b.className}`);
      }),
    );
    const canvases = [...document.querySelectorAll('.charts .chart-panel canvas')].filter(shown);
    const spilled = canvases.filter((canvas) => {
      const [c, panel] = [box(canvas), box(canvas.closest('.chart-panel'))];
      return c.bottom > panel.bottom + 1 || c.top < panel.top - 1;
    });
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const small = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      if (!node.textContent.trim() || !shown(element) || element.closest('.visually-hidden')) {
        continue;
      }
      // SVG text is drawn at its font size times the drawing's scale.
      const scale = element instanceof SVGElement ? (element.getScreenCTM()?.a ?? 1) : 1;
      const size = parseFloat(getComputedStyle(element).fontSize) * scale;
      if (size < 15.9) small.push(`"${node.textContent.trim().slice(0, 30)}" ${size} px`);
    }
    return {
      scroll: document.documentElement.scrollHeight - window.innerHeight,
      outside: parts.filter((p) => box(p).top < -1 || box(p).bottom > window.innerHeight + 1)
        .length,
      overlaps,
      spilled: spilled.map((canvas) => canvas.id),
      smallestChart: Math.min(...canvases.map((canvas) => box(canvas).height)),
      height: window.innerHeight,
      small,
    };
  });
}

function assertPresentFits(fit, where) {
  assert.ok(fit.scroll <= 0, `${where}: no vertical scrolling (${fit.scroll} px too tall)`);
  assert.equal(fit.outside, 0, `${where}: every part inside the window`);
  assert.deepEqual(fit.overlaps, [], `${where}: nothing painted over another part`);
  assert.deepEqual(fit.spilled, [], `${where}: every chart inside its panel`);
  assert.ok(
    fit.smallestChart >= 0.3 * fit.height,
    `${where}: charts keep 30 % of the window (${fit.smallestChart} px)`,
  );
  assert.deepEqual(fit.small, [], `${where}: no text below 16 CSS px`);
}

for (const panel of PANELS) {
  for (const size of ['projector', 'full-hd']) {
    test(`${panel.id} in present mode at ${size}: every scene fits the screen`, async () => {
      const { page, context, problems } = await openReady(
        browser,
        `${server.url}${panel.page}?present=1`,
        { ...VIEWPORTS[size], initScript: recordCanvasText },
      );
      const scenes = await page.evaluate(() => window.lossplay.scenes.length);
      assertPresentFits(await presentLayout(page), 'before the first scene');
      for (let index = 1; index <= scenes; index += 1) {
        await page.click('#present-next');
        await page.waitForFunction(
          (expected) => document.getElementById('present-count').textContent === expected,
          `${index} / ${scenes}`,
        );
        // The scene's state has landed once showing it again changes nothing.
        await page.evaluate(async (i) => {
          await window.lossplay.showScene(window.lossplay.scenes[i].id);
        }, index - 1);
        await animationFrames(page, 2);
        assertPresentFits(await presentLayout(page), `scene ${index}`);
        assert.deepEqual(
          await paintedTextProblems(page, PRESENT_CANVAS_TEXT),
          [],
          `scene ${index}: the charts' own labels read from the back of the room and are whole`,
        );
      }
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
}

test('leaving present mode rewrites the URL with each view option once', async () => {
  const { page, context, problems } = await openReady(
    browser,
    `${server.url}index.html?z=-5&background=transparent&present=1`,
    VIEWPORTS.projector,
  );
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !window.location.search.includes('present'));
  const query = new URLSearchParams(await page.evaluate(() => window.location.search));
  assert.deepEqual(query.getAll('background'), ['transparent']);
  assert.equal(query.get('z'), '-5');
  assert.deepEqual(problems, []);
  await context.close();
});
