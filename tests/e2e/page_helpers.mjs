// Helpers shared by the browser suites of the playground and the labs.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, openPage, screenshot, startServer } from './browser_harness.mjs';

/** Opens a page and waits until it has started (body[data-ready]). */
export async function openReady(browser, url, options = {}) {
  const opened = await openPage(browser, url, options);
  await opened.page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
  return opened;
}

export async function typeInto(page, selector, text) {
  await page.fill(selector, text);
  await page.press(selector, 'Enter');
}

export const getState = (page) => page.evaluate(() => window.lossplay.getState());

/** Nothing on the page reads NaN/Infinity/undefined as a number, and no error text leaks. */
export async function assertNoBadNumbers(page, { except = [] } = {}) {
  let text = await page.textContent('body');
  for (const allowed of except) text = text.replaceAll(allowed, '');
  assert.doesNotMatch(text, /NaN|Infinity|undefined|Error:/);
}

export async function assertNoHorizontalScroll(page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  assert.equal(overflow, 0, 'no horizontal scrolling');
}

export async function noticeTexts(page) {
  return page.$$eval('#notices .notice span', (nodes) => nodes.map((node) => node.textContent));
}

/** Waits `count` animation frames of the page: every requestAnimationFrame loop on it (a
 *  sweep, a race's playback) had as many turns to do what a test says it must not do. */
export const animationFrames = (page, count = 10) =>
  page.evaluate(
    (n) =>
      new Promise((resolve) => {
        const turn = (left) => (left ? requestAnimationFrame(() => turn(left - 1)) : resolve());
        turn(n);
      }),
    count,
  );

/** Waits until the page has written its state into the URL, then returns the query. */
export async function settledQuery(page, fragment) {
  await page.waitForFunction((text) => window.location.search.includes(text), fragment);
  return page.evaluate(() => window.location.search);
}

/**
 * Registers the set-up every browser suite shares: the real server and headless Chromium,
 * started before the suite's tests and stopped after them. `use` receives {server, browser}.
 */
export function useServerAndBrowser(use) {
  let server;
  let browser;
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    use({ server, browser });
  });
  after(async () => {
    await browser?.close();
    server?.stop();
  });
}

/**
 * A node:test test on the page `open()` resolves to ({page, context, problems}, as openPage
 * gives): `body(opened, t)` runs, then the test fails if the page reported a problem
 * (`checkProblems`, by default none at all) and closes the page's context.
 */
export function testOnPage(name, open, body, checkProblems = (p) => assert.deepEqual(p, [])) {
  test(name, async (t) => {
    const opened = await open();
    await body(opened, t);
    checkProblems(opened.problems);
    await opened.context.close();
  });
}

/**
 * The set-up of a suite about one page of the site (`file`, '' for the start page): the server
 * and browser of useServerAndBrowser, and ways to open the page fresh. `test` is a test on a
 * fresh, started page that also fails when the page reported a problem (a console error or
 * warning, a page error, an HTTP error or a request leaving the origin), then closes it; it
 * takes node:test's (name, fn) or (name, options, fn), where options are `query`, `path` (another
 * page of the site), `ready: false` (for a page that is not a panel's and never sets
 * body[data-ready], such as an example host page: the test waits for what it needs) and the
 * browser context's options.
 */
export function pageSuite(file = '') {
  const env = {};
  useServerAndBrowser((started) => Object.assign(env, started));
  const url = (path = file) => `${env.server.url}${path}`;
  const open = (query = '', options = {}) => openReady(env.browser, url() + query, options);
  return {
    url,
    open,
    /** Any page of the site, started; `openPage` of browser_harness for one that may not start. */
    openAt: (path, options = {}) => openReady(env.browser, url(path), options),
    openPage: (path, options = {}) => openPage(env.browser, url(path), options),
    get browser() {
      return env.browser;
    },
    test(name, ...rest) {
      const body = rest.pop();
      const { path = file, query = '', ready = true, ...options } = rest[0] ?? {};
      const opening = ready ? openReady : openPage;
      testOnPage(name, () => opening(env.browser, url(path) + query, options), body);
    },
    /** The page at phone width in the dark theme: nothing scrolls sideways; a screenshot. */
    phoneDarkTest(shot, query = '') {
      const phone = { query, viewport: { width: 360, height: 780 }, colorScheme: 'dark' };
      this.test('phone width in dark mode', phone, async ({ page }) => {
        await assertNoHorizontalScroll(page);
        await screenshot(page, shot);
      });
    },
  };
}
