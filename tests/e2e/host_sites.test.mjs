// Real host sites, built from tests/hosts/ by tests/hosts/build_hosts.mjs and served as a host
// would serve them: a VitePress site (the <loss-playground> element, the iframe route, the
// router's client-side navigation between them, under the site's own strict CSP) and a
// reveal.js deck with the widget on a slide that is hidden when the deck loads (chart sizes,
// rescaling, and arrow keys that belong to the widget rather than to the deck).
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import sirv from 'sirv';
import { buildHosts, VITEPRESS_BASE } from '../hosts/build_hosts.mjs';
import { launchBrowser, openPage, screenshot } from './browser_harness.mjs';
import { testOnPage } from './page_helpers.mjs';

const VIEWPORT = { width: 1280, height: 800 };
let hostsDir;
let server;
let browser;

/** build/hosts/ on a free port: the VitePress site at its base, the deck under /reveal/. */
async function serveHosts(dir) {
  const serveStatic = sirv(dir, { dev: true });
  const httpServer = http.createServer((request, response) =>
    serveStatic(request, response, () => {
      response.statusCode = 404;
      response.end('Not found');
    }),
  );
  httpServer.listen(0, '127.0.0.1');
  await once(httpServer, 'listening');
  return {
    url: `http://127.0.0.1:${httpServer.address().port}`,
    stop: () => {
      httpServer.closeAllConnections();
      httpServer.close();
    },
  };
}

before(async () => {
  hostsDir = await buildHosts();
  server = await serveHosts(hostsDir);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  server?.stop();
});

/**
 * Opens `file` of the host sites with the harness's problem log, plus every Content Security
 * Policy violation of any frame (reported from the page as it happens).
 */
async function openHost(file) {
  // A first page on the origin, so the listeners are in place before the real one loads.
  const opened = await openPage(browser, `${server.url}${VITEPRESS_BASE}lossplay/favicon.svg`, {
    viewport: VIEWPORT,
  });
  await opened.context.exposeFunction('reportCspViolation', (text) =>
    opened.problems.push(`CSP violation: ${text}`),
  );
  await opened.context.addInitScript(() =>
    window.addEventListener(
      'securitypolicyviolation',
      (event) =>
        window.reportCspViolation(`${event.violatedDirective} blocked ${event.blockedURI}`),
      true,
    ),
  );
  await opened.page.goto(`${server.url}${file}`);
  return opened;
}

const widgetReady = (page) =>
  page.waitForFunction(
    () => document.querySelector('loss-playground')?.dataset.ready === 'true',
    null,
    { timeout: 20000 },
  );
const widgetState = (page) =>
  page.evaluate(() => document.querySelector('loss-playground').lossplay.getState());

/** The widget's chart canvases and their containers, in CSS px as laid out and as drawn. */
const chartSizes = (page) =>
  page.evaluate(() =>
    [...document.querySelector('loss-playground').shadowRoot.querySelectorAll('canvas')].map(
      (canvas) => {
        const box = canvas.parentElement;
        const style = getComputedStyle(box);
        const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
        return {
          id: canvas.id,
          width: canvas.clientWidth,
          height: canvas.clientHeight,
          boxWidth: box.clientWidth - padding,
          drawnWidth: canvas.getBoundingClientRect().width,
          drawnBoxWidth: box.getBoundingClientRect().width * (1 - padding / box.clientWidth),
        };
      },
    ),
  );

// A chart fills its container's width, to within a few px, as laid out and as drawn.
const TOLERANCE = 3;
const fills = (chart) =>
  Math.abs(chart.width - chart.boxWidth) <= TOLERANCE &&
  Math.abs(chart.drawnWidth - chart.drawnBoxWidth) <= TOLERANCE;
const fits = (chart) => chart.width > 0 && chart.height > 0 && fills(chart);

/** The chart sizes once they fit, or after 10 s: Chart.js resizes on its next frames, which
 *  a loaded machine can hold back for seconds (every caller asserts that they fit). */
async function settledChartSizes(page) {
  const deadline = Date.now() + 10000;
  let charts = await chartSizes(page);
  while (!(charts.length > 0 && charts.every(fits)) && Date.now() < deadline) {
    await page.waitForTimeout(100);
    charts = await chartSizes(page);
  }
  return charts;
}

function assertChartsFit(charts, what) {
  const text = JSON.stringify(charts);
  assert.ok(charts.length >= 2, `${what}: the binary panel's two charts: ${text}`);
  for (const chart of charts) {
    assert.ok(chart.width > 0 && chart.height > 0, `${what}: ${chart.id} has a size: ${text}`);
    assert.ok(fills(chart), `${what}: ${chart.id} fills its container: ${text}`);
  }
}

function assertNoProblems(problems) {
  assert.deepEqual(
    problems.filter((problem) => /hydrat/i.test(problem)),
    [],
    'no hydration mismatch',
  );
  assert.deepEqual(problems, []);
}

describe('a VitePress site', () => {
  const page = (name) => `${VITEPRESS_BASE}${name}.html`;

  test('its build has no inline script, which the site’s policy would block', () => {
    const dir = path.join(hostsDir, 'vitepress');
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.html'))) {
      const html = readFileSync(path.join(dir, file), 'utf8');
      assert.match(html, /http-equiv="Content-Security-Policy"/, file);
      const inline = html.match(/<script(?![^>]*\ssrc=)[^>]*>/g) ?? [];
      assert.deepEqual(inline, [], `${file} has inline scripts`);
    }
  });

  testOnPage(
    'the element renders in a page, with its attributes, and its charts have a size',
    () => openHost(page('element')),
    async ({ page: tab }) => {
      await widgetReady(tab);
      assert.equal((await widgetState(tab)).z, -2);
      assertChartsFit(await settledChartSizes(tab), 'element page');
      await screenshot(tab, 'host-vitepress-element');
    },
    assertNoProblems,
  );

  testOnPage(
    'the iframe route loads the panel and the resizer fits the frame to it',
    () => openHost(page('iframe')),
    async ({ page: tab }) => {
      const frame = tab.frameLocator('iframe[data-lossplay]');
      await frame.locator('body[data-ready="true"]').waitFor({ timeout: 20000 });
      await tab.waitForFunction(() => Number(document.querySelector('iframe').height) > 300);
      const height = Number(await tab.getAttribute('iframe[data-lossplay]', 'height'));
      assert.ok(height > 300, `the frame is ${height} px tall`);
      // embed.html sent the frame on to the binary panel's page, embedded, with the state.
      const inner = await (await tab.$('iframe[data-lossplay]')).contentFrame();
      const { pathname, search } = await inner.evaluate(() => window.location);
      assert.equal(pathname, `${VITEPRESS_BASE}lossplay/index.html`);
      assert.match(search, /embed=1/);
      assert.equal((await inner.evaluate(() => window.lossplay.getState())).z, -2);
    },
    assertNoProblems,
  );

  testOnPage(
    'client-side navigation to the iframe page and back renders the widget each time',
    () => openHost(page('element')),
    async ({ page: tab }) => {
      await widgetReady(tab);
      await tab.evaluate(() => (window.hostMarker = 'no reload'));
      await tab.click(`.VPSidebar a[href="${page('iframe')}"]`);
      await tab.waitForURL(/\/iframe\.html$/);
      await tab
        .frameLocator('iframe[data-lossplay]')
        .locator('body[data-ready="true"]')
        .waitFor({ timeout: 20000 });
      await tab.waitForFunction(() => Number(document.querySelector('iframe').height) > 300);
      assert.equal(await tab.evaluate(() => window.hostMarker), 'no reload');
      assert.equal(await tab.locator('loss-playground').count(), 0, 'the element page is gone');

      await tab.click(`.VPSidebar a[href="${page('element')}"]`);
      await tab.waitForURL(/\/element\.html$/);
      await widgetReady(tab);
      assert.equal(await tab.evaluate(() => window.hostMarker), 'no reload');
      assert.equal((await widgetState(tab)).z, -2);
      assertChartsFit(await settledChartSizes(tab), 'after navigating back');
    },
    assertNoProblems,
  );
});

describe('a reveal.js deck', () => {
  const slideIndex = (page) => page.evaluate(() => window.Reveal.getIndices().h);

  /** The deck on its title slide; the widget is on the second slide, hidden. */
  async function openDeck() {
    const opened = await openHost('/reveal/deck.html');
    await opened.page.waitForFunction(() => window.Reveal?.isReady(), null, { timeout: 20000 });
    return opened;
  }

  /** ArrowRight from the title slide; resolves once the widget's slide has slid in. */
  async function toWidgetSlide(page) {
    const slidIn = page.evaluate(
      () =>
        new Promise((resolve) => {
          window.Reveal.on('slidetransitionend', () => resolve(), { once: true });
          setTimeout(resolve, 3000);
        }),
    );
    await page.keyboard.press('ArrowRight');
    await slidIn;
    assert.equal(await slideIndex(page), 1, 'ArrowRight on the title slide goes to slide 2');
    await widgetReady(page);
  }

  testOnPage(
    'the widget waits hidden on slide 2, and its charts fit once the slide shows, at any scale',
    openDeck,
    async ({ page }) => {
      assert.equal(await slideIndex(page), 0);
      assert.equal(await page.locator('loss-playground').count(), 1);
      const visibleAtLoad = await page.evaluate(() =>
        document
          .querySelector('loss-playground')
          .checkVisibility({ opacityProperty: true, visibilityProperty: true }),
      );
      assert.equal(visibleAtLoad, false, 'the widget is on a hidden slide');

      await toWidgetSlide(page);
      assertChartsFit(await settledChartSizes(page), 'slide 2');
      await screenshot(page, 'host-reveal-deck');

      const scale = await page.evaluate(() => window.Reveal.getScale());
      await page.setViewportSize({ width: 900, height: 640 });
      await page.waitForFunction((before) => window.Reveal.getScale() !== before, scale);
      assertChartsFit(await settledChartSizes(page), 'rescaled deck');
    },
    assertNoProblems,
  );

  testOnPage(
    'the deck’s centred text does not reach inside the widget',
    openDeck,
    async ({ page }) => {
      await toWidgetSlide(page);
      // text-align is inherited across the shadow boundary; reveal.js centres its slides.
      const align = await page.evaluate(() =>
        ['.widget', 'h2', '.hint'].map((selector) => {
          const element = document
            .querySelector('loss-playground')
            .shadowRoot.querySelector(selector);
          return `${selector}: ${getComputedStyle(element).textAlign}`;
        }),
      );
      assert.deepEqual(align, ['.widget: start', 'h2: start', '.hint: start']);
    },
    assertNoProblems,
  );

  testOnPage(
    'arrow keys on a control inside the widget move the control, not the deck',
    openDeck,
    async ({ page }) => {
      await toWidgetSlide(page);
      const slider = page.locator('loss-playground').locator('#z-slider');
      await slider.focus();
      const before = Number(await slider.inputValue());
      await page.keyboard.press('ArrowRight');
      // The widget takes the slider's new value as its state (what the asserts below compare).
      await page.waitForFunction(
        (old) => document.querySelector('loss-playground').lossplay.getState().z !== old,
        before,
      );
      const after = Number(await slider.inputValue());
      assert.equal(await slideIndex(page), 1, 'the deck stayed on the widget’s slide');
      assert.notEqual(after, before, `the slider moved (${before} → ${after})`);
      assert.equal((await widgetState(page)).z, after);
    },
    assertNoProblems,
  );

  testOnPage(
    'typing a number into a field of the widget reaches the field, not the deck',
    openDeck,
    async ({ page }) => {
      await toWidgetSlide(page);
      const field = page.locator('loss-playground').locator('#z-field');
      await field.fill('');
      // "." pauses a reveal.js deck, "n" and "l" go to the next slide, "o" opens the overview.
      await field.pressSequentially('0.5');
      await page.keyboard.press('n');
      await page.keyboard.press('o');
      await page.keyboard.press('l');
      assert.equal(await page.evaluate(() => window.Reveal.isPaused()), false, 'not paused');
      assert.equal(await page.evaluate(() => window.Reveal.isOverview()), false, 'no overview');
      assert.equal(await slideIndex(page), 1, 'the deck stayed on the widget’s slide');
      assert.equal(await field.inputValue(), '0.5nol');
    },
    assertNoProblems,
  );

  testOnPage(
    'once focus leaves the widget, the arrow keys move the deck again',
    openDeck,
    async ({ page }) => {
      await toWidgetSlide(page);
      await page.locator('loss-playground').locator('#z-slider').focus();
      // A click on the slide outside the widget (its heading) takes the focus back to the page.
      await page.click('#widget h2');
      assert.equal(await page.evaluate(() => document.activeElement === document.body), true);
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction(() => window.Reveal.getIndices().h === 2, null, { timeout: 3000 });
      assert.equal(await slideIndex(page), 2);
    },
    assertNoProblems,
  );
});
