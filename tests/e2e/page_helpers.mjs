// Helpers shared by the browser suites of the playground and the labs.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { launchBrowser, openPage, startServer } from './browser_harness.mjs';

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
