// A phone reader's layout, in headless Chromium at 390×844 (and the embedding guide at 1280):
// sliders long enough to move with a thumb, a control strip that keeps its height while a run
// plays, a site menu that takes one line until opened, a visible cue on every block that
// scrolls sideways, and names in the embedding guide's tables that never break.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PANELS } from '../../web/panels/registry.js';
import { openPage } from './browser_harness.mjs';
import { animationFrames, openReady, useServerAndBrowser } from './page_helpers.mjs';

let server;
let browser;
useServerAndBrowser((env) => ({ server, browser } = env));

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const PAGES = [...new Set(PANELS.map((panel) => panel.page))];

/** Widths of the page's shown sliders, by id. */
const sliderWidths = (page) =>
  page.$$eval('input[type="range"]', (nodes) =>
    nodes
      .filter((node) => node.getClientRects().length > 0)
      .map((node) => [node.id, node.getBoundingClientRect().width]),
  );

for (const file of PAGES) {
  test(`${file} at 390 px: every slider is at least 120 px long`, async () => {
    const { page, context, problems } = await openReady(browser, `${server.url}${file}`, PHONE);
    // The outlier's slider on the regression lab shows once the outlier is on.
    await page.evaluate(() => {
      for (const box of document.querySelectorAll('.strip input[type="checkbox"]')) {
        if (!box.checked) box.click();
      }
    });
    await animationFrames(page, 2);
    const widths = await sliderWidths(page);
    for (const [id, width] of widths) assert.ok(width >= 120, `${id} is ${width} px`);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

const stripHeight = (page) =>
  page.evaluate(() => document.querySelector('.strip').getBoundingClientRect().height);

for (const [file, button] of [
  ['landscape.html', '#ls-play'],
  ['depth.html', '#depth-play'],
  ['race.html', '#race-play'],
]) {
  test(`${file} at 390 px: the sticky strip keeps its height when Play turns to Pause`, async () => {
    const { page, context, problems } = await openReady(browser, `${server.url}${file}`, PHONE);
    const paused = await stripHeight(page);
    await page.click(button);
    await page.waitForFunction((id) => document.querySelector(id).textContent === 'Pause', button);
    // Some steps in, so the step count has grown too.
    await animationFrames(page, 20);
    const playing = await stripHeight(page);
    await page.click(button);
    await page.waitForFunction((id) => document.querySelector(id).textContent === 'Play', button);
    const pausedAgain = await stripHeight(page);
    assert.ok(Math.abs(playing - paused) <= 0.5, `${paused} px paused, ${playing} px playing`);
    assert.ok(Math.abs(pausedAgain - paused) <= 0.5, `${pausedAgain} px after the pause`);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

/** The navigation's height, and each lab link's box and whether it is shown. */
const navState = (page) =>
  page.evaluate(() => {
    const nav = document.querySelector('.site-nav');
    const links = [...nav.querySelectorAll('li a')].map((a) => {
      const r = a.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return { href: a.getAttribute('href'), shown: r.width > 0 && hit === a, right: r.right };
    });
    return { height: nav.getBoundingClientRect().height, links, width: window.innerWidth };
  });

for (const file of [PAGES[0], 'regression.html', 'embedding.html']) {
  test(`${file} at 390 px: the site menu takes one line, and opens to every lab from the keyboard`, async () => {
    const { page, context, problems } = await openPage(browser, `${server.url}${file}`, PHONE);
    const closed = await navState(page);
    assert.ok(closed.height <= 56, `the closed menu is ${closed.height} px tall`);
    assert.ok(
      closed.links.every((link) => !link.shown),
      'the links wait behind the menu',
    );
    await page.focus('.site-nav summary');
    await page.keyboard.press('Enter');
    const open = await navState(page);
    assert.equal(open.links.length, PANELS.length + 1, 'the ten-minute path and every lab');
    for (const link of open.links) {
      assert.ok(link.shown && link.right <= open.width, `${link.href} shown once opened`);
    }
    // The links come next in the tab order.
    await page.keyboard.press('Tab');
    assert.equal(
      await page.evaluate(() => document.activeElement.getAttribute('href')),
      open.links[0].href,
    );
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('at 1280 px the labs are listed in the header without a menu button', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}regression.html`, {
    viewport: { width: 1280, height: 800 },
  });
  const state = await navState(page);
  assert.ok(state.links.every((link) => link.shown));
  assert.equal(await page.locator('.site-nav summary').isVisible(), false);
  assert.deepEqual(problems, []);
  await context.close();
});

/** Every shown block that scrolls sideways (its content wider than its box), each with
 *  whether it has the cue: a gradient background that scrolls with the content (a cover
 *  attached `local`) over one that stays at the edge (the shadow attached `scroll`). */
const sidewaysBlocks = (page) =>
  page.evaluate(async () => {
    for (const details of document.querySelectorAll('details:not(.site-nav-menu)')) {
      details.open = true;
    }
    // The explanations are laid out only near the viewport (content-visibility: auto).
    for (const section of document.querySelectorAll('.explanations > section')) {
      section.style.contentVisibility = 'visible';
    }
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    return [...document.querySelectorAll('body *')]
      .filter((element) => {
        const { overflowX } = getComputedStyle(element);
        return (
          /auto|scroll/.test(overflowX) &&
          element.getClientRects().length > 0 &&
          element.scrollWidth > element.clientWidth + 1
        );
      })
      .map((element) => {
        const style = getComputedStyle(element);
        const gradients = style.backgroundImage.match(/gradient\(/g)?.length ?? 0;
        const attachments = style.backgroundAttachment.split(',').map((part) => part.trim());
        return {
          name: `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`,
          cue: gradients >= 2 && attachments.includes('local') && attachments.includes('scroll'),
        };
      });
  });

for (const file of ['index.html', 'next-token.html', 'embedding.html']) {
  test(`${file} at 390 px: every block that scrolls sideways shows that it does`, async () => {
    const { page, context, problems } = await openPage(browser, `${server.url}${file}`, PHONE);
    await page.waitForLoadState('load');
    const blocks = await sidewaysBlocks(page);
    // The softplus formula (index, next token) and the guide's tables are wider than a phone.
    assert.ok(blocks.length >= 1, 'some block is wider than the phone');
    for (const block of blocks) assert.ok(block.cue, `${block.name} has no scroll cue`);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

for (const width of [390, 1280]) {
  test(`embedding guide at ${width} px: the names in its tables' first column never break`, async () => {
    const { page, context, problems } = await openPage(browser, `${server.url}embedding.html`, {
      viewport: { width, height: 900 },
    });
    const names = await page.$$eval('.embed-guide table tr > :first-child code', (codes) =>
      codes.map((code) => [code.textContent, code.getClientRects().length]),
    );
    assert.ok(names.length >= 10, 'the options and panels tables list their names');
    for (const [name, lines] of names) assert.equal(lines, 1, `${name} on ${lines} lines`);
    const sideways = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    assert.equal(sideways, 0, 'a wide table scrolls in its own box, not the page');
    assert.deepEqual(problems, []);
    await context.close();
  });
}
