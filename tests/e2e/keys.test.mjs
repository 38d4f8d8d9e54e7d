// Keys that must do what the reader means wherever the focus is: in present mode a clicker's
// Page Down/Up steps the scenes and Escape leaves, even with a slider or a field focused (the
// arrows stay with a focused slider); Space on a focused slider never scrolls the page, on the
// site or in a widget on a host page.
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { pageSuite } from './page_helpers.mjs';

const site = pageSuite('index.html');
const sliderValue = (page) => page.$eval('#z-slider', (slider) => Number(slider.value));

describe('present mode with a control focused', () => {
  site.test(
    'Page Down steps, arrows move the slider, Escape leaves',
    { query: '?present=1' },
    async ({ page }) => {
      await page.focus('#z-slider');
      const before = await sliderValue(page);
      await page.keyboard.press('ArrowRight');
      assert.ok((await sliderValue(page)) > before, 'ArrowRight moves the focused slider');
      assert.match(await page.textContent('#present-count'), /^0 \/ \d+$/, 'no scene yet');
      const moved = await sliderValue(page);
      await page.focus('#z-slider');
      await page.keyboard.press('PageDown');
      assert.match(await page.textContent('#present-count'), /^1 \/ \d+$/, 'a clicker steps on');
      await page.focus('#z-slider');
      const atScene = await page.evaluate(() => window.lossplay.getState().z);
      await page.keyboard.press('PageUp');
      assert.match(await page.textContent('#present-count'), /^1 \/ \d+$/, 'first scene stays');
      assert.equal(
        await page.evaluate(() => window.lossplay.getState().z),
        atScene,
        'Page Up does not move the slider',
      );
      assert.notEqual(moved, null);
      await page.focus('#z-field');
      await page.keyboard.press('Escape');
      assert.equal(
        await page.evaluate(() => document.documentElement.dataset.present),
        undefined,
        'Escape from a field leaves present mode',
      );
    },
  );
});

describe('Space on a focused slider', () => {
  site.test(
    'does not scroll the page',
    { viewport: { width: 390, height: 700 } },
    async ({ page }) => {
      await page.focus('#z-slider');
      const before = await page.evaluate(() => window.scrollY);
      await page.keyboard.press(' ');
      await page.keyboard.press(' ');
      assert.equal(await page.evaluate(() => window.scrollY), before);
    },
  );
  site.test(
    'in a widget, does not scroll the host page',
    { path: 'examples/blog.html', ready: false, viewport: { width: 680, height: 700 } },
    async ({ page }) => {
      await page.waitForFunction(() => document.getElementById('first')?.dataset.ready === 'true');
      const slider = page.locator('#first').locator('#z-slider');
      await slider.focus();
      const before = await page.evaluate(() => window.scrollY);
      await page.keyboard.press(' ');
      await page.keyboard.press(' ');
      assert.equal(await page.evaluate(() => window.scrollY), before);
    },
  );
});
