// axe-core in headless Chromium on every page, in light and dark themes, on a desktop and a
// phone viewport, and on the embedded widget: zero violations. (axe is injected as a script,
// so these contexts bypass the page's own Content-Security-Policy; every other suite keeps it.)
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { useServerAndBrowser } from './page_helpers.mjs';
import { PANELS } from '../../web/panels/registry.js';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let server;
let browser;

useServerAndBrowser((env) => ({ server, browser } = env));

async function violations(url, options, ready) {
  const context = await browser.newContext({ bypassCSP: true, ...options });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector(ready, { timeout: 20000 });
  await page.addScriptTag({ path: axePath });
  const found = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map(
      (v) =>
        `${v.id}: ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
  });
  await context.close();
  return found;
}

const PAGES = PANELS.map((panel) => panel.page);
const VIEWS = [
  ['light, desktop', { colorScheme: 'light', viewport: { width: 1280, height: 900 } }],
  ['dark, desktop', { colorScheme: 'dark', viewport: { width: 1280, height: 900 } }],
  ['light, phone', { colorScheme: 'light', viewport: { width: 360, height: 780 } }],
  ['dark, phone', { colorScheme: 'dark', viewport: { width: 360, height: 780 } }],
];

for (const page of PAGES) {
  test(`${page}: no axe violations in any theme or viewport`, async () => {
    for (const [name, options] of VIEWS) {
      assert.deepEqual(
        await violations(`${server.url}${page}`, options, 'body[data-ready="true"]'),
        [],
        `${page}, ${name}`,
      );
    }
  });
}

test('the embedded widgets and the embedded frame: no axe violations', async () => {
  for (const [name, options] of VIEWS.slice(0, 2)) {
    assert.deepEqual(
      await violations(
        `${server.url}examples/blog.html`,
        options,
        'loss-playground[data-ready="true"] ~ loss-playground[data-ready="true"]',
      ),
      [],
      `blog, ${name}`,
    );
    assert.deepEqual(
      await violations(
        `${server.url}embed.html?panel=regression`,
        options,
        'body[data-ready="true"]',
      ),
      [],
      `embedded regression, ${name}`,
    );
  }
});

test('every control of every panel is reached by Tab, in page order, with a visible focus ring', async () => {
  for (const file of PAGES) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}${file}`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
    const expected = await page.evaluate(() => {
      const focusable = [
        ...document.querySelectorAll(
          'main input, main button, main select, main summary, main [tabindex="0"]',
        ),
      ];
      return {
        positive: document.querySelectorAll('[tabindex]:not([tabindex="0"]):not([tabindex="-1"])')
          .length,
        visible: focusable.filter(
          (el) =>
            el.offsetParent !== null &&
            !el.disabled &&
            !(el.type === 'radio' && !el.checked) &&
            // content of a closed disclosure is not rendered, so not focusable
            (el.tagName === 'SUMMARY' || !el.closest('details:not([open])')),
        ).length,
      };
    });
    assert.equal(expected.positive, 0, `${file}: no positive tabindex reorders the page`);
    const reached = new Set();
    let previousTop = -Infinity;
    let outOfOrder = 0;
    for (let i = 0; i < 250 && reached.size < expected.visible; i += 1) {
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || !el.closest('main')) return null;
        const style = getComputedStyle(el);
        const box = el.getBoundingClientRect();
        return {
          key: `${el.tagName}#${el.id}.${el.name ?? ''}.${[...el.parentElement.children].indexOf(el)}@${Math.round(box.top + window.scrollY)}`,
          outline: style.outlineStyle,
          top: box.top + window.scrollY,
        };
      });
      if (!focus) continue;
      assert.notEqual(focus.outline, 'none', `${file}: ${focus.key} shows where the focus is`);
      if (focus.top < previousTop - 400) outOfOrder += 1; // a jump far back up the page
      previousTop = focus.top;
      reached.add(focus.key);
    }
    assert.ok(
      reached.size >= expected.visible,
      `${file}: reached ${reached.size} of ${expected.visible} controls`,
    );
    assert.ok(outOfOrder <= 1, `${file}: focus jumped back up the page ${outOfOrder} times`);
    await context.close();
  }
});
