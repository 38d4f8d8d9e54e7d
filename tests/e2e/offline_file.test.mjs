// The built folder works opened straight from disk (file://), offline: every page starts, the
// wasm core computes, and nothing is requested from anywhere else.
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { launchBrowser } from './browser_harness.mjs';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist');
let browser;

before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

for (const file of [
  'index.html',
  'soft-targets.html',
  'multiclass.html',
  'regression.html',
  'likelihood.html',
  'race.html',
  'your-model.html',
]) {
  test(`${file} runs from file:// with no request leaving the folder`, async () => {
    const context = await browser.newContext({ offline: true });
    const page = await context.newPage();
    const problems = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(pathToFileURL(dist).href) && !url.startsWith('data:')) {
        problems.push(`request outside the folder: ${url}`);
      }
    });
    await page.goto(pathToFileURL(path.join(dist, file)).href);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
    assert.equal(await page.textContent('#notices'), '');
    // The Embed dialog: no file:/// address in a snippet, a placeholder to replace and a note
    // that says so; its preview (the element's script, beside the page) works offline too.
    await page.click('#embed-button');
    for (const id of ['#embed-element', '#embed-iframe']) {
      const snippet = await page.inputValue(id);
      assert.doesNotMatch(snippet, /file:/);
      assert.match(snippet, /https:\/\/YOUR-SITE\/lossplay\//);
    }
    assert.equal(await page.isVisible('#embed-placeholder-note'), true);
    await page.waitForFunction(
      () => document.getElementById('embed-preview-height').dataset.height,
      null,
      { timeout: 20000 },
    );
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('embedding.html, the embedding guide, opens from file://', async () => {
  const page = await browser.newPage();
  await page.goto(pathToFileURL(path.join(dist, 'embedding.html')).href);
  assert.match(await page.textContent('h1'), /Embedding/);
  await page.close();
});

test('from file://, the playground computes with the core', async () => {
  const page = await browser.newPage();
  await page.goto(`${pathToFileURL(path.join(dist, 'index.html')).href}?z=-700&y=1`);
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.textContent('#out-ce'), '700');
  await page.close();
});
