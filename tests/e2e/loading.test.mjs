// What a page downloads, and when: over http the wasm core is its own file, compiled while it
// streams (served as application/wasm, which instantiateStreaming requires; Emscripten would
// otherwise fall back with a console warning, a problem here), and never the base64 copy meant
// for pages opened from disk; the race page loads a real data set only when it is chosen, once.
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { launchBrowser, startServer } from './browser_harness.mjs';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist');
let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  server?.stop();
});

const fileOf = (url) => new URL(url).pathname.split('/').slice(-2).join('/');

/** Opens a page, recording every response by file name with its content type; waits for a
 *  lab's start-up unless `started` is false (a page without a panel). */
async function recordResponses(url, started = true) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const responses = [];
  const problems = [];
  page.on('response', (response) =>
    responses.push({ file: fileOf(response.url()), type: response.headers()['content-type'] }),
  );
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(url, { waitUntil: 'load' });
  if (started) await page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
  return { page, context, responses, problems };
}

// Every lab's page has formulas now (the race's are in its story); the embedding guide has
// none, and the test after these checks that it loads no math stylesheet.
for (const [file, wasm, formulas] of [
  ['index.html', 'lossplay_losses_wasm.wasm', true],
  ['race.html', 'lossplay_wasm.wasm', true],
]) {
  test(`${file} streams ${wasm} and loads no inlined copy of it`, async () => {
    const { page, context, responses, problems } = await recordResponses(`${server.url}${file}`);
    const core = responses.filter((r) => r.file.endsWith(wasm));
    assert.equal(core.length, 1, JSON.stringify(responses));
    assert.equal(core[0].type, 'application/wasm');
    assert.ok(!responses.some((r) => r.file.endsWith('.wasm.js')), JSON.stringify(responses));
    assert.equal(
      responses.some((r) => r.file.endsWith('math.css')),
      formulas,
      `math.css loaded only where there are formulas: ${JSON.stringify(responses)}`,
    );
    assert.equal((await page.locator('math').count()) > 0, formulas);
    // The core computes: σ(0) = ½ is on the page's first state.
    assert.equal(await page.evaluate(() => typeof window.lossplay.getState), 'function');
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('a page without formulas (the embedding guide) loads no math stylesheet', async () => {
  const { page, context, responses, problems } = await recordResponses(
    `${server.url}embedding.html`,
    false,
  );
  assert.equal(await page.locator('math').count(), 0);
  assert.ok(!responses.some((r) => r.file.endsWith('math.css')), JSON.stringify(responses));
  assert.deepEqual(problems, []);
  await context.close();
});

test('the race loads a real data set only when it is chosen, and only once', async () => {
  const { page, context, responses, problems } = await recordResponses(`${server.url}race.html`);
  const dataLoads = () => responses.filter((r) => r.file.startsWith('data/')).map((r) => r.file);
  assert.deepEqual(dataLoads(), [], 'the default (blobs) race loads no data set');
  await page.selectOption('#race-data', 'breast-cancer');
  await page.waitForFunction(() =>
    /30 features, 2 classes/.test(document.getElementById('race-data-info').textContent),
  );
  // Every one of the file's 569 rows (data/README.md) is used, for training or for testing.
  const [trainRows, testRows] = (await page.textContent('#race-data-info'))
    .match(/\d+/g)
    .map(Number);
  assert.equal(trainRows + testRows, 569);
  assert.deepEqual(dataLoads(), ['data/breast_cancer.csv.js']);
  await page.selectOption('#race-data', 'blobs');
  await page.waitForFunction(() =>
    /2 features, 2 classes/.test(document.getElementById('race-data-info').textContent),
  );
  await page.selectOption('#race-data', 'breast-cancer');
  await page.waitForFunction(() =>
    /30 features/.test(document.getElementById('race-data-info').textContent),
  );
  assert.deepEqual(dataLoads(), ['data/breast_cancer.csv.js'], 'loaded once');
  assert.deepEqual(problems, []);
  await context.close();
});

test('from file://, a linked data set and the core load from their scripts beside the page', async () => {
  const url = `${pathToFileURL(path.join(dist, 'race.html')).href}?data=digits&hidden=16`;
  const { page, context, responses, problems } = await recordResponses(url);
  assert.match(await page.textContent('#race-data-info'), /64 features, 10 classes/);
  const files = responses.map((r) => r.file);
  assert.ok(files.includes('data/digits.csv.js'), files.join(', '));
  assert.ok(files.includes('dist/lossplay_wasm.wasm.js'), files.join(', '));
  assert.deepEqual(problems, []);
  await context.close();
});
