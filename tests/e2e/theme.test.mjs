// The widget's and the frame's light or dark look: by default (theme="inherit") the host
// page's, not the reader's system setting — a white blog read in dark mode keeps a light widget,
// a dark site gets a dark one, and a site that switches its theme switches the widget and its
// charts; theme="auto" follows the system; light and dark are fixed; an iframe takes theme= in
// its address, and inherit through lossplay-iframe-resizer.js. Light or dark is judged from the
// pixels' colours the browser computes (relative luminance), not from the page's own code.
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { testOnPage, useServerAndBrowser } from './page_helpers.mjs';
import { openPage } from './browser_harness.mjs';

const env = {};
useServerAndBrowser((started) => Object.assign(env, started));

/** A host page at an address of the test server, with `css` and `body`, the reader's system
 *  in `colorScheme`. */
async function openHost({ css, body, colorScheme }) {
  const opened = await openPage(env.browser, `${env.server.url}favicon.svg`, { colorScheme });
  const url = `${env.server.url}theme-host.html`;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A host</title>
    <style>${css}</style></head><body><main>${body}</main>
    <script src="${env.server.url}lossplay-embed.js"></script>
    <script src="${env.server.url}lossplay-iframe-resizer.js"></script></body></html>`;
  await opened.page.route(url, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await opened.page.goto(url);
  return opened;
}

/** In the page: the luminance (0 black … 1 white) of a computed colour. */
function luminanceOf(color) {
  const probe = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
  probe.fillStyle = color;
  probe.fillRect(0, 0, 1, 1);
  const [r, g, b] = probe.getImageData(0, 0, 1, 1).data;
  const linear = (c) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** An expression, evaluated in a page or frame (as text, so no eval is needed there): 'dark' or
 *  'light' for the background of the element `selector` finds. */
const lookOf = (element) =>
  `(${luminanceOf})(getComputedStyle(${element}).backgroundColor) < 0.2 ? 'dark' : 'light'`;

/** 'dark' or 'light': the background of the widget's first panel. */
async function widgetLook(page, id) {
  await page.waitForFunction((i) => document.getElementById(i)?.dataset.ready === 'true', id);
  return page.evaluate(
    lookOf(`document.getElementById('${id}').shadowRoot.querySelector('.panel')`),
  );
}

const WHITE = 'body { background: #ffffff; color: #222; }';
const DARK = 'body { background: #15171a; color: #eee; }';
const widget = (id, theme = null) =>
  `<loss-playground id="${id}" panel="multiclass" loading="eager"${theme ? ` theme="${theme}"` : ''}></loss-playground>`;

describe('the element', () => {
  const cases = [
    ['a white page read in dark mode keeps it light', WHITE, 'dark', null, 'light'],
    ['a dark page read in light mode makes it dark', DARK, 'light', null, 'dark'],
    ['theme="auto" follows the reader’s system', WHITE, 'dark', 'auto', 'dark'],
    ['theme="dark" is dark on a white page', WHITE, 'light', 'dark', 'dark'],
    ['theme="light" is light on a dark page', DARK, 'dark', 'light', 'light'],
  ];
  for (const [name, css, colorScheme, theme, look] of cases) {
    testOnPage(
      name,
      () => openHost({ css, colorScheme, body: widget('w', theme) }),
      async ({ page }) => {
        assert.equal(await widgetLook(page, 'w'), look);
      },
    );
  }
  testOnPage(
    'a site that switches its theme switches the widget',
    () =>
      openHost({
        css: `${WHITE} html.dark body { background: #101214; }`,
        colorScheme: 'light',
        body: widget('w'),
      }),
    async ({ page }) => {
      assert.equal(await widgetLook(page, 'w'), 'light');
      await page.evaluate(() => document.documentElement.classList.add('dark'));
      await page.waitForFunction(() => document.getElementById('w').dataset.scheme === 'dark');
      assert.equal(await widgetLook(page, 'w'), 'dark');
    },
  );
});

describe('the iframe', () => {
  const frame = (query) =>
    `<iframe data-lossplay src="${env.server.url}embed.html?panel=multiclass${query}" title="lossplay" width="100%" height="600"></iframe>`;
  /** 'dark' or 'light' for the frame's first panel, once it has started. */
  async function frameLook(page, scheme = null) {
    const content = page.frameLocator('iframe[data-lossplay]');
    await content.locator('body[data-ready="true"]').waitFor({ timeout: 20000 });
    const handle = await page.$('iframe[data-lossplay]');
    const inside = await handle.contentFrame();
    if (scheme) {
      await inside.waitForFunction((s) => document.documentElement.dataset.scheme === s, scheme);
    }
    return inside.evaluate(lookOf("document.querySelector('.panel')"));
  }
  testOnPage(
    'theme=dark in the address is dark for a reader in light mode',
    () => openHost({ css: WHITE, colorScheme: 'light', body: frame('&theme=dark') }),
    async ({ page }) => assert.equal(await frameLook(page), 'dark'),
  );
  testOnPage(
    'by default it takes a dark host page’s look through the resizer script',
    () => openHost({ css: DARK, colorScheme: 'light', body: frame('') }),
    async ({ page }) => assert.equal(await frameLook(page, 'dark'), 'dark'),
  );
  testOnPage(
    'by default it stays light on a white page read in dark mode',
    () => openHost({ css: WHITE, colorScheme: 'dark', body: frame('') }),
    async ({ page }) => assert.equal(await frameLook(page, 'light'), 'light'),
  );
});
