// Embedding, as a host page sees it: the <loss-playground> element and the iframe route in
// the example pages, served with the strict Content-Security-Policy, and from disk.
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { before, describe, test } from 'node:test';
import { corePromise } from '../js/load_core.mjs';
import { formatNumber } from '../../web/shared/number_format.js';
import { openPage, screenshot } from './browser_harness.mjs';
import { useServerAndBrowser } from './page_helpers.mjs';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist');
let server;
let browser;
let core;

before(async () => {
  core = await corePromise;
});
useServerAndBrowser((env) => ({ server, browser } = env));

const widgetsReady = (page, count) =>
  page.waitForFunction(
    (n) => document.querySelectorAll('loss-playground[data-ready="true"]').length === n,
    count,
    { timeout: 20000 },
  );
const widgetState = (page, id) =>
  page.evaluate((i) => document.getElementById(i).lossplay.getState(), id);
const inWidget = (page, id, selector) => page.locator(`#${id}`).locator(selector);

describe('the <loss-playground> element', () => {
  test('two widgets in a blog post render, take their attributes and stay independent', async () => {
    const { page, context, problems } = await openPage(browser, `${server.url}examples/blog.html`);
    page.on('dialog', () => problems.push('a dialog opened'));
    await widgetsReady(page, 2);
    assert.equal((await widgetState(page, 'first')).z, -6);
    assert.equal((await widgetState(page, 'second')).outlierTarget, 25);
    const ce = await inWidget(page, 'first', '#out-ce').textContent();
    assert.equal(ce, formatNumber(core.binaryPoint(-6, 1).ce));
    // Input inside one widget changes it and not the other.
    await inWidget(page, 'first', '#z-field').fill('-2');
    await inWidget(page, 'first', '#z-field').press('Enter');
    assert.equal((await widgetState(page, 'first')).z, -2);
    assert.equal(
      await inWidget(page, 'first', '#out-ce').textContent(),
      formatNumber(core.binaryPoint(-2, 1).ce),
    );
    assert.equal((await widgetState(page, 'second')).outlierTarget, 25);
    // hide="explanations" hid them; the host page's styles did not reach inside.
    assert.equal(await inWidget(page, 'first', '.explanations').isHidden(), true);
    const outline = await page.evaluate(() => {
      const button = document.getElementById('first').shadowRoot.getElementById('play');
      return getComputedStyle(button).outlineStyle;
    });
    assert.notEqual(outline, 'dotted');
    await screenshot(page, 'embed-blog');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('changing an attribute updates the widget; hide and theme take effect', async () => {
    const { page, context, problems } = await openPage(browser, `${server.url}examples/blog.html`);
    await widgetsReady(page, 2);
    await page.evaluate(() => {
      const widget = document.getElementById('first');
      widget.dataset.ready = '';
      widget.setAttribute('z', '-9');
      widget.setAttribute('hide', 'explanations,play');
    });
    await page.waitForFunction(() => document.getElementById('first').dataset.ready === 'true');
    assert.equal((await widgetState(page, 'first')).z, -9);
    assert.equal(await inWidget(page, 'first', '#play').isHidden(), true);
    const background = await page.evaluate(() =>
      getComputedStyle(document.getElementById('second')).getPropertyValue('--bg').trim(),
    );
    assert.equal(background, '#111417', 'theme="dark" gives the dark palette');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('hostile attribute values become notices and run nothing', async () => {
    const { page, context, problems } = await openPage(browser, `${server.url}examples/blog.html`);
    page.on('dialog', () => problems.push('a dialog opened'));
    await widgetsReady(page, 2);
    await page.evaluate(() => {
      const widget = document.getElementById('first');
      widget.dataset.ready = '';
      widget.setAttribute('z', '<img src=x onerror=alert(1)>');
      widget.setAttribute('panel', 'javascript:alert(1)');
      widget.setAttribute('hide', '<b>all</b>');
      widget.setAttribute('theme', '"><script>alert(1)</script>');
    });
    await page.waitForFunction(() => document.getElementById('first').dataset.ready === 'true');
    const notices = await page.evaluate(() =>
      [...document.getElementById('first').shadowRoot.querySelectorAll('.notice span')].map(
        (n) => n.textContent,
      ),
    );
    assert.ok(
      notices.some((n) => n.includes('no panel')),
      notices.join(' | '),
    );
    assert.ok(
      notices.some((n) => n.includes('Ignored z')),
      notices.join(' | '),
    );
    assert.ok(
      notices.some((n) => n.includes('hide')),
      notices.join(' | '),
    );
    assert.ok(
      notices.some((n) => n.includes('theme')),
      notices.join(' | '),
    );
    const injected = await page.evaluate(() => {
      const shadow = document.getElementById('first').shadowRoot;
      return shadow.querySelectorAll('img, script, b').length;
    });
    assert.equal(injected, 0);
    assert.equal((await widgetState(page, 'first')).z, -2, 'the default state');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the widget works from file://, offline', async () => {
    const context = await browser.newContext({ offline: true });
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    await page.goto(pathToFileURL(path.join(dist, 'examples', 'blog.html')).href);
    await widgetsReady(page, 2);
    assert.equal((await widgetState(page, 'first')).z, -6);
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('the iframe route', () => {
  test('embed.html shows one panel without the site chrome and the frame fits its content', async () => {
    const { page, context, problems } = await openPage(
      browser,
      `${server.url}examples/course.html`,
    );
    const frame = page.frameLocator('iframe[data-lossplay]');
    await frame.locator('body[data-ready="true"]').waitFor({ timeout: 20000 });
    assert.equal(await frame.locator('.site-nav').isHidden(), true);
    assert.equal(await frame.locator('#embed-button').isHidden(), true);
    await page.waitForFunction(() => Number(document.querySelector('iframe').height) > 800);
    const reported = Number(await page.getAttribute('iframe', 'height'));
    const content = await frame
      .locator('html')
      .evaluate((html) => html.getBoundingClientRect().height);
    assert.ok(Math.abs(reported - content) <= 2, `frame ${reported}, content ${content}`);
    // State and embedding options survive the panel's own URL updates.
    await frame.locator('input[name="mc-mistake"][value="twice"]').check();
    await page.waitForFunction(() =>
      document.querySelector('iframe').contentWindow.location.search.includes('mistake=twice'),
    );
    const search = await page.evaluate(
      () => document.querySelector('iframe').contentWindow.location.search,
    );
    assert.match(search, /embed=1/);
    await screenshot(page, 'embed-course');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('messages that are not from a lossplay frame are ignored', async () => {
    const { page, context, problems } = await openPage(
      browser,
      `${server.url}examples/course.html`,
    );
    await page
      .frameLocator('iframe')
      .locator('body[data-ready="true"]')
      .waitFor({ timeout: 20000 });
    await page.waitForFunction(() => Number(document.querySelector('iframe').height) > 800);
    const before = await page.getAttribute('iframe', 'height');
    await page.evaluate(() => {
      window.postMessage({ type: 'lossplay:height', height: 5 }, '*');
      window.postMessage('<img src=x onerror=alert(1)>', '*');
      window.postMessage({ type: 'lossplay:height', height: '1e9' }, '*');
    });
    await page.waitForTimeout(200);
    assert.equal(await page.getAttribute('iframe', 'height'), before);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('an unknown panel or hide key in the iframe URL becomes a notice', async () => {
    const { page, context, problems } = await openPage(
      browser,
      `${server.url}embed.html?panel=%3Cscript%3Ealert(1)%3C/script%3E&hide=everything`,
    );
    await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
    const notices = await page.$$eval('#notices .notice span', (n) => n.map((x) => x.textContent));
    assert.ok(
      notices.some((n) => n.startsWith('There is no panel')),
      notices.join(' | '),
    );
    assert.ok(
      notices.some((n) => n.includes('in hide')),
      notices.join(' | '),
    );
    assert.equal(await page.$$eval('#notices script', (n) => n.length), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('the Embed button', () => {
  test('shows both snippets for the current view, and they reproduce it', async () => {
    const { page, context, problems } = await openPage(
      browser,
      `${server.url}soft-targets.html?t=0.6`,
    );
    await page.waitForSelector('body[data-ready="true"]');
    await page.waitForFunction(() => window.location.search.includes('rows='));
    await page.click('#embed-button');
    const element = await page.inputValue('#embed-element');
    const iframe = await page.inputValue('#embed-iframe');
    assert.match(
      element,
      /<loss-playground panel="soft-targets" t="0.6" p="0.25" rows="0.25,0.5,0.75"><\/loss-playground>/,
    );
    assert.match(iframe, /embed\.html\?panel=soft-targets&amp;t=0\.6&amp;p=0\.25/);
    assert.match(iframe, /lossplay-iframe-resizer\.js/);
    await page.click('#embed-close');
    assert.deepEqual(problems, []);
    await context.close();
  });
});
