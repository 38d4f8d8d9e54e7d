// Embedding, as a host page sees it: the <loss-playground> element and the iframe route in
// the example pages, served with the strict Content-Security-Policy, and from disk.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';
import { corePromise } from '../js/load_core.mjs';
import { formatNumber } from '../../web/shared/number_format.js';
import { screenshot, screenshotDir } from './browser_harness.mjs';
import { pageSuite } from './page_helpers.mjs';
import { PANELS } from '../../web/panels/registry.js';
import { HIDE_KEYS } from '../../web/shared/view_options.js';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist');
const site = pageSuite();
const core = await corePromise;

/** Waits until `count` widgets have started. A widget starts near the viewport, and one below
 *  a tall widget may only be near it before that one has grown: each is scrolled to in turn,
 *  as a reader would, then the page goes back to the top. */
async function widgetsReady(page, count) {
  await page.waitForFunction(
    (n) => document.querySelectorAll('loss-playground').length === n,
    count,
  );
  for (let i = 0; i < count; i += 1) {
    await page.evaluate(
      (index) => document.querySelectorAll('loss-playground')[index].scrollIntoView(),
      i,
    );
    await page.waitForFunction(
      (index) => document.querySelectorAll('loss-playground')[index].dataset.ready === 'true',
      i,
      { timeout: 20000 },
    );
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}
const widgetState = (page, id) =>
  page.evaluate((i) => document.getElementById(i).lossplay.getState(), id);
const inWidget = (page, id, selector) => page.locator(`#${id}`).locator(selector);

describe('the <loss-playground> element', () => {
  site.test(
    'two widgets in a blog post render, take their attributes and stay independent',
    { path: 'examples/blog.html', ready: false },
    async ({ page, problems }) => {
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
    },
  );

  site.test(
    'changing an attribute updates the widget; hide and theme take effect',
    { path: 'examples/blog.html', ready: false },
    async ({ page }) => {
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
    },
  );

  site.test(
    'hostile attribute values become notices and run nothing',
    { path: 'examples/blog.html', ready: false },
    async ({ page, problems }) => {
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
      for (const fragment of ['no panel', 'Ignored z', 'hide', 'theme']) {
        assert.ok(
          notices.some((n) => n.includes(fragment)),
          `no notice says "${fragment}": ${notices.join(' | ')}`,
        );
      }
      const injected = await page.evaluate(() => {
        const shadow = document.getElementById('first').shadowRoot;
        return shadow.querySelectorAll('img, script, b').length;
      });
      assert.equal(injected, 0);
      assert.equal((await widgetState(page, 'first')).z, -6, 'the last good state is kept');
    },
  );

  test('the widget works from file://, offline', async () => {
    const context = await site.browser.newContext({ offline: true });
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
  site.test(
    'embed.html shows one panel without the site chrome and the frame fits its content',
    { path: 'examples/course.html', ready: false },
    async ({ page }) => {
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
    },
  );

  site.test(
    'messages that are not from a lossplay frame are ignored',
    { path: 'examples/course.html', ready: false },
    async ({ page }) => {
      await page
        .frameLocator('iframe')
        .locator('body[data-ready="true"]')
        .waitFor({ timeout: 20000 });
      await page.waitForFunction(() => Number(document.querySelector('iframe').height) > 800);
      const before = await page.getAttribute('iframe', 'height');
      await page.evaluate(
        () =>
          new Promise((resolve) => {
            // Messages arrive in the order they were posted: once the last one is here, the
            // resizer has seen the three before it.
            window.addEventListener('message', (event) => event.data === 'done' && resolve());
            window.postMessage({ type: 'lossplay:height', height: 5 }, '*');
            window.postMessage('<img src=x onerror=alert(1)>', '*');
            window.postMessage({ type: 'lossplay:height', height: '1e9' }, '*');
            window.postMessage('done', '*');
          }),
      );
      assert.equal(await page.getAttribute('iframe', 'height'), before);
      // From the lossplay frame itself, a height that is not a number is ignored too, however
      // it would convert (true → 1, [500] and "500" → 500).
      await page.frames()[1].evaluate(
        () =>
          new Promise((resolve) => {
            window.parent.addEventListener('message', (event) => {
              if (event.data === 'done') resolve();
            });
            for (const height of [true, [500], '500']) {
              window.parent.postMessage({ type: 'lossplay:height', height }, '*');
            }
            window.parent.postMessage('done', '*');
          }),
      );
      assert.equal(await page.getAttribute('iframe', 'height'), before);
    },
  );

  site.test(
    'an unknown panel or hide key in the iframe URL becomes a notice',
    { path: 'embed.html?panel=%3Cscript%3Ealert(1)%3C/script%3E&hide=everything', ready: false },
    async ({ page }) => {
      await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
      const notices = await page.$$eval('#notices .notice span', (n) =>
        n.map((x) => x.textContent),
      );
      assert.ok(
        notices.some((n) => n.startsWith('There is no panel')),
        notices.join(' | '),
      );
      assert.ok(
        notices.some((n) => n.includes('in hide')),
        notices.join(' | '),
      );
      assert.equal(await page.$$eval('#notices script', (n) => n.length), 0);
    },
  );
});

describe('the Embed dialog', () => {
  // A blog's text column; the dialog's preview lays the widget out at this width too.
  const COLUMN = 680;
  // The panel alone in a 680 px column: the binary playground with its explanations is about
  // 6,900 px tall; the default snippet (no explanations, no extras) must fit a post. The race
  // keeps three charts, its verdict and its data settings: about 1,670 px when this was set.
  // Your-model keeps three charts (two rows in the column), its read-outs and the reader's own
  // data (file, paste, label column): about 2,080 px when this was set.
  const HEIGHT_BUDGET = { race: 1750, 'your-model': 2200 };
  const budget = (id) => HEIGHT_BUDGET[id] ?? 1400;

  /** A host page with a 680 px content column, on the server's origin, holding `snippet`. */
  async function openHost(url, snippet) {
    const { page, context, problems } = await site.openPage('favicon.svg', {
      viewport: { width: 1280, height: 900 },
    });
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8">
      <title>A blog post</title>
      <style>body { margin: 0; background: #fffdf7; font: 18px/1.6 Georgia, serif; }
      main { width: ${COLUMN}px; margin: 2rem auto; }</style></head>
      <body><main><h1>A post</h1><p>Some text before the widget.</p>${snippet}
      <p>Some text after it.</p></main></body></html>`;
    await page.route(url, (route) => route.fulfill({ contentType: 'text/html', body: html }));
    await page.goto(url);
    return { page, context, problems };
  }

  /** Opens a panel's page and its Embed dialog; resolves when the preview has measured. */
  async function openDialog(file, options = {}) {
    const opened = await site.openPage(file, options);
    await opened.page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
    await opened.page.click('#embed-button');
    await previewMeasured(opened.page);
    return opened;
  }
  const previewMeasured = (page) =>
    page.waitForFunction(
      () => document.getElementById('embed-preview-height').dataset.height,
      null,
      { timeout: 20000 },
    );
  /** What a fresh dialog hides on this page: explanations, extras and questions, those the
   *  page has (its elements marked data-hide). */
  const defaultHidden = async (page) => {
    const present = await page.$$eval('[data-hide]', (nodes) => nodes.map((n) => n.dataset.hide));
    return ['explanations', 'extras', 'questions'].filter((part) => present.includes(part));
  };
  const snippets = async (page) => ({
    element: await page.inputValue('#embed-element'),
    iframe: await page.inputValue('#embed-iframe'),
  });

  for (const { id, page: file } of PANELS) {
    test(`${file}: the default element snippet is the panel alone, and the preview measures it`, async () => {
      const dialog = await openDialog(file);
      const { element } = await snippets(dialog.page);
      const hidden = (await defaultHidden(dialog.page)).join(',');
      assert.match(element, new RegExp(`<loss-playground panel="${id}"[^>]* hide="${hidden}"`));
      // The race's hidden units go in param-hidden: `hidden` would hide the element itself.
      assert.doesNotMatch(element, /\shidden=/);
      const previewText = await dialog.page.textContent('#embed-preview-height');
      assert.deepEqual(dialog.problems, []);
      await dialog.context.close();

      const host = await openHost(site.url(`blog-${id}.html`), element);
      await widgetsReady(host.page, 1);
      const measured = await host.page.evaluate(() => {
        const widget = document.querySelector('loss-playground');
        const shadow = widget.shadowRoot;
        const visible = (selector) =>
          [...shadow.querySelectorAll(selector)].filter((e) => e.getClientRects().length > 0)
            .length;
        return {
          height: widget.getBoundingClientRect().height,
          width: widget.getBoundingClientRect().width,
          explanations: visible('.explanations'),
          chrome: visible('.site-nav, .site-header, #embed-button'),
        };
      });
      assert.equal(measured.width, COLUMN);
      assert.ok(measured.height < budget(id), `${id}: ${measured.height} px tall`);
      assert.equal(measured.explanations, 0, 'no explanations');
      assert.equal(measured.chrome, 0, 'no navigation, title or Embed button');
      // "About 1,150 px tall in a 680 px column.": the real widget's height, give or take.
      const previewed = Number(previewText.match(/About ([\d,]+) px/)[1].replace(/,/g, ''));
      assert.ok(
        Math.abs(previewed - measured.height) <= 40,
        `preview says ${previewed}, the widget is ${measured.height} px`,
      );
      assert.deepEqual(host.problems, []);
      await host.context.close();
    });

    test(`${file}: the default iframe snippet is the panel alone and sizes itself`, async () => {
      const dialog = await openDialog(file);
      const { iframe } = await snippets(dialog.page);
      const hidden = (await defaultHidden(dialog.page)).join(',');
      await dialog.context.close();
      assert.match(iframe, new RegExp(`embed\\.html\\?panel=[\\w-]+&amp;.*hide=${hidden}"`));
      const host = await openHost(site.url(`course-${id}.html`), iframe);
      const frame = host.page.frameLocator('iframe[data-lossplay]');
      await frame.locator('body[data-ready="true"]').waitFor({ timeout: 20000 });
      // Resized by lossplay-iframe-resizer.js to the content's height.
      await host.page.waitForFunction(() => {
        const element = document.querySelector('iframe');
        const content = element.contentDocument.documentElement.getBoundingClientRect().height;
        return Math.abs(Number(element.height) - content) <= 2;
      });
      const height = Number(await host.page.getAttribute('iframe', 'height'));
      assert.ok(height < budget(id), `${id}: the frame is ${height} px tall`);
      assert.equal(await frame.locator('.explanations:visible').count(), 0);
      assert.equal(await frame.locator('.site-nav:visible, #embed-button:visible').count(), 0);
      assert.deepEqual(host.problems, []);
      await host.context.close();
    });
  }

  site.test(
    'the snippets hold the view at the moment the dialog opens, before the URL follows',
    { path: 'index.html?z=-6', ready: false },
    async ({ page }) => {
      await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
      // A step of the slider, then Embed at once: the URL is written only once input pauses.
      await page.focus('#z-slider');
      await page.keyboard.press('PageUp'); // z + 1
      await page.click('#embed-button');
      const { element } = await snippets(page);
      assert.match(element, /<loss-playground panel="binary" z="-5" y="1" /);
    },
  );

  test('changing the options changes both snippets', async () => {
    const { page, context, problems } = await openDialog('index.html?z=-6');
    let { element, iframe } = await snippets(page);
    assert.match(
      iframe,
      /embed\.html\?panel=binary&amp;z=-6&amp;y=1&amp;hide=explanations,extras,questions"/,
    );
    assert.match(
      element,
      /<loss-playground panel="binary" z="-6" y="1" hide="explanations,extras,questions">/,
    );
    assert.doesNotMatch(element, /theme=|background=/);
    // Showing the explanations, the extras and the questions again: nothing is hidden any more.
    await page.check('input[name="embed-show"][value="explanations"]');
    await page.check('input[name="embed-show"][value="extras"]');
    await page.check('input[name="embed-show"][value="questions"]');
    ({ element, iframe } = await snippets(page));
    assert.doesNotMatch(element, /hide=/);
    assert.doesNotMatch(iframe, /hide=/);
    await page.uncheck('input[name="embed-show"][value="play"]');
    assert.match(await page.inputValue('#embed-element'), / hide="play"/);
    await page.check('input[name="embed-theme"][value="dark"]');
    await page.check('input[name="embed-background"][value="transparent"]');
    ({ element, iframe } = await snippets(page));
    assert.match(element, / background="transparent" theme="dark">/);
    assert.match(iframe, /&amp;background=transparent&amp;theme=dark"/);
    await page.check('input[name="embed-state"][value="defaults"]');
    assert.match(await page.inputValue('#embed-element'), /<loss-playground panel="binary" hide=/);
    // Another panel: its own defaults, since this page's view is not one of its states.
    await page.check('input[name="embed-state"][value="current"]');
    await page.selectOption('#embed-panel', 'regression');
    ({ element, iframe } = await snippets(page));
    // The regression lab has no Play button to hide: it is not offered, and nothing is hidden.
    assert.equal(await page.locator('input[name="embed-show"][value="play"]').count(), 0);
    assert.match(element, /<loss-playground panel="regression" background=/);
    assert.match(
      iframe,
      /embed\.html\?panel=regression&amp;background=transparent&amp;theme=dark"/,
    );
    assert.equal(await page.isDisabled('input[name="embed-state"][value="current"]'), true);
    // The preview follows: the regression lab, dark, with no surface of its own.
    await page.waitForFunction(() => {
      const widget = document.querySelector('#embed-preview loss-playground');
      return widget?.getAttribute('panel') === 'regression' && widget.dataset.ready === 'true';
    });
    assert.equal(
      await page.getAttribute('#embed-preview loss-playground', 'theme'),
      'dark',
      'the preview shows the chosen theme',
    );
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("telling the lab's story: the story flag, story=1 and a frame of fixed height", async () => {
    const { page, context, problems } = await openDialog('index.html?z=-6');
    const box = 'input[name="embed-story"]';
    assert.equal(await page.isChecked(box), false, 'a fresh dialog tells no story');
    let { element, iframe } = await snippets(page);
    assert.doesNotMatch(element, /\sstory[\s>=]/);
    assert.doesNotMatch(iframe, /story=/);
    assert.match(iframe, / height="900" /);
    await page.check(box);
    ({ element, iframe } = await snippets(page));
    // A flag on the element, written bare, beside the panel.
    assert.match(element, /<loss-playground panel="binary" story z="-6" y="1" hide=/);
    assert.match(iframe, /embed\.html\?panel=binary&amp;[^"]*&amp;story=1"/);
    // The page reports no height in story mode: the frame keeps the height it is given.
    assert.match(iframe, / height="720" /);
    assert.equal(await page.isVisible('#embed-iframe-story-hint'), true);
    assert.equal(await page.isVisible('#embed-iframe-hint'), false);
    // The preview tells the story too.
    await page.waitForFunction(() => {
      const widget = document.querySelector('#embed-preview loss-playground');
      return (
        widget?.hasAttribute('story') &&
        widget.dataset.ready === 'true' &&
        widget.dataset.story === 'true'
      );
    });
    assert.ok(
      (await page.locator('#embed-preview loss-playground .story-step').count()) > 0,
      'the preview shows the steps',
    );
    await page.uncheck(box);
    ({ element, iframe } = await snippets(page));
    assert.doesNotMatch(element, /\sstory[\s>=]/);
    assert.doesNotMatch(iframe, /story=/);
    assert.match(iframe, / height="900" /);
    assert.equal(await page.isVisible('#embed-iframe-hint'), true);
    await page.waitForFunction(() => {
      const widget = document.querySelector('#embed-preview loss-playground');
      return widget && !widget.hasAttribute('story') && widget.dataset.ready === 'true';
    });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the dialog offers, for each panel, the parts that panel has', async () => {
    const { page, context, problems } = await openDialog('multiclass.html');
    for (const panel of PANELS) {
      await page.selectOption('#embed-panel', panel.id);
      const offered = await page.$$eval('input[name="embed-show"]', (boxes) =>
        boxes.map((box) => box.value),
      );
      // What the panel's own page has, read from that page's DOM.
      const other = await page.context().newPage();
      await other.goto(site.url(panel.page));
      const present = await other.$$eval('[data-hide]', (nodes) =>
        nodes.map((node) => node.getAttribute('data-hide')),
      );
      await other.close();
      const hideable = HIDE_KEYS.filter((key) => !['header', 'embed'].includes(key));
      assert.deepEqual(
        offered,
        hideable.filter((key) => present.includes(key)),
        `${panel.id}: parts offered`,
      );
    }
    await page.selectOption('#embed-panel', 'multiclass');
    const labels = await page.textContent('#embed-parts');
    assert.doesNotMatch(labels, /Play button/, 'the multi-class lab has no Play button');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('background="transparent" lets the host page show through, on the element and the frame', async () => {
    const snippet =
      `<script src="${site.url()}lossplay-embed.js"></script>` +
      '<loss-playground id="clear" panel="soft-targets" background="transparent"></loss-playground>' +
      '<loss-playground id="own" panel="soft-targets"></loss-playground>' +
      `<iframe data-lossplay src="${site.url()}embed.html?panel=binary&amp;background=transparent&amp;hide=explanations" title="lossplay"></iframe>`;
    const { page, context, problems } = await openHost(site.url('clear.html'), snippet);
    await widgetsReady(page, 2);
    const backgrounds = await page.evaluate(() =>
      ['clear', 'own'].map((id) => getComputedStyle(document.getElementById(id)).backgroundColor),
    );
    assert.deepEqual(backgrounds, ['rgba(0, 0, 0, 0)', 'rgb(246, 247, 249)']);
    const frame = page.frameLocator('iframe');
    await frame.locator('body[data-ready="true"]').waitFor({ timeout: 20000 });
    const frameBackground = await frame
      .locator('body')
      .evaluate((body) => getComputedStyle(body).backgroundColor);
    assert.equal(frameBackground, 'rgba(0, 0, 0, 0)');
    // Moving a control rewrites the frame's URL; the background must survive it (a reload).
    await frame.locator('#z-field').fill('-3');
    await frame.locator('#z-field').press('Enter');
    const frameHandle = await page.$('iframe');
    const inner = await frameHandle.contentFrame();
    await inner.waitForFunction(() => window.location.search.includes('z=-3'));
    assert.match(await inner.evaluate(() => window.location.search), /background=transparent/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  site.test(
    'keyboard: Enter opens it labelled, Escape closes it and focus returns to the button',
    { path: 'multiclass.html', ready: false },
    async ({ page }) => {
      await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
      await page.focus('#embed-button');
      await page.keyboard.press('Enter');
      assert.equal(await page.evaluate(() => document.getElementById('embed-dialog').open), true);
      const name = await page.evaluate(() => {
        const dialog = document.getElementById('embed-dialog');
        return document.getElementById(dialog.getAttribute('aria-labelledby')).textContent;
      });
      assert.equal(name, 'Embed in your page');
      assert.equal(
        await page.evaluate(() =>
          document.getElementById('embed-dialog').contains(document.activeElement),
        ),
        true,
        'focus moved into the dialog',
      );
      // Every option is reachable with Tab, and labelled.
      const unlabelled = await page.$$eval(
        '#embed-dialog input, #embed-dialog select, #embed-dialog textarea',
        (fields) =>
          fields.filter((f) => !f.labels?.length && !f.getAttribute('aria-labelledby')).length,
      );
      assert.equal(unlabelled, 0);
      await page.keyboard.press('Escape');
      assert.equal(await page.evaluate(() => document.getElementById('embed-dialog').open), false);
      assert.equal(await page.evaluate(() => document.activeElement.id), 'embed-button');
      // The Close button does the same.
      await page.keyboard.press('Enter');
      await page.click('#embed-close');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'embed-button');
    },
  );

  for (const [width, height] of [
    [390, 844],
    [680, 900],
    [1920, 1080],
  ]) {
    for (const colorScheme of ['light', 'dark']) {
      test(`at ${width}×${height} (${colorScheme}) the dialog fits: it scrolls inside, never sideways`, async () => {
        const { page, context, problems } = await openDialog('index.html', {
          viewport: { width, height },
          colorScheme,
        });
        const box = await page.evaluate(() => {
          const dialog = document.getElementById('embed-dialog');
          const rect = dialog.getBoundingClientRect();
          return {
            left: rect.left,
            right: rect.right,
            top: rect.top,
            bottom: rect.bottom,
            sideways: dialog.scrollWidth - dialog.clientWidth,
            scrolls: dialog.scrollHeight > dialog.clientHeight,
          };
        });
        assert.ok(box.left >= 0 && box.right <= width, `left ${box.left}, right ${box.right}`);
        assert.ok(box.top >= 0 && box.bottom <= height, `top ${box.top}, bottom ${box.bottom}`);
        assert.equal(box.sideways, 0, 'no horizontal overflow');
        if (width < 1000) assert.equal(box.scrolls, true, 'the dialog scrolls inside');
        mkdirSync(screenshotDir, { recursive: true });
        await page.screenshot({
          path: path.join(screenshotDir, `embed-dialog-${width}x${height}-${colorScheme}.png`),
        });
        assert.deepEqual(problems, []);
        await context.close();
      });
    }
  }

  test('a race snippet with a real data set trains that data set, in the preview and pasted', async () => {
    const dialog = await openDialog('race.html?data=breast-cancer');
    const { element } = await snippets(dialog.page);
    assert.match(element, / data="breast-cancer"/);
    // The preview is the same element: it shows the chosen set, with no notice.
    await dialog.page.waitForFunction(() => {
      const widget = document.querySelector('#embed-preview loss-playground');
      return widget?.dataset.ready === 'true' && widget.lossplay?.getState().data;
    });
    const preview = await dialog.page.evaluate(() => {
      const widget = document.querySelector('#embed-preview loss-playground');
      const notices = widget.shadowRoot.querySelector('#notices').textContent.trim();
      return { data: widget.lossplay.getState().data, notices };
    });
    assert.deepEqual(preview, { data: 'breast-cancer', notices: '' });
    assert.deepEqual(dialog.problems, []);
    await dialog.context.close();

    const host = await openHost(site.url('race-data.html'), element);
    await widgetsReady(host.page, 1);
    // The data script came from beside lossplay-embed.js, and the choice shows the real set.
    const shown = await host.page.evaluate(() => {
      const widget = document.querySelector('loss-playground');
      return {
        data: widget.lossplay.getState().data,
        loaded: [...document.scripts].some((script) =>
          script.src.endsWith('/data/breast_cancer.csv.js'),
        ),
        notices: widget.shadowRoot.querySelector('#notices').textContent.trim(),
      };
    });
    assert.deepEqual(shown, { data: 'breast-cancer', loaded: true, notices: '' });
    assert.deepEqual(host.problems, []);
    await host.context.close();
  });

  test('the dialog links to the embedding guide, which documents every option and panel', async () => {
    const { page, context, problems } = await openDialog('race.html');
    const href = await page.getAttribute('#embed-dialog a[href$="embedding.html"]', 'href');
    assert.equal(href, 'embedding.html', 'a relative link: works from disk and from any host');
    await page.click('#embed-dialog a[href="embedding.html"]');
    await page.waitForURL(/embedding\.html$/);
    const text = await page.textContent('main');
    for (const word of [...HIDE_KEYS, ...PANELS.map((p) => p.id), 'background', 'theme']) {
      assert.ok(text.includes(word), `the guide mentions ${word}`);
    }
    for (const key of PANELS.flatMap((p) => p.table.parameters.map((q) => q.key))) {
      assert.ok(text.includes(key), `the guide lists the parameter ${key}`);
    }
    assert.equal(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
      true,
    );
    assert.deepEqual(problems, []);
    await context.close();
  });
});
