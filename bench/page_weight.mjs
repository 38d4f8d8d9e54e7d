// What a visitor downloads for each page, gzip-compressed as a static host serves it: every
// file the page loads until it has started (read from the browser's requests, so a file loaded
// only later, such as a data set chosen in the race, does not count), split by kind, compared
// with the recorded baseline (bench/page_weight_baseline.json). A page whose total grows more
// than 10 % over its baseline is reported loudly and makes `npm run bench` exit non-zero.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { launchBrowser, startServer } from '../tests/e2e/browser_harness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BASELINE = path.join(root, 'bench', 'page_weight_baseline.json');
const GROWTH_LIMIT = 1.1;
export const MAIN_PAGE_TARGET = 100 * 1024;

const KINDS = { '.html': 'html', '.css': 'css', '.js': 'js', '.wasm': 'wasm' };
const kindOf = (file) => KINDS[path.extname(file)] ?? 'other';

/** The same-origin files a page requests until it has started. */
async function filesLoaded(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const files = new Set();
  const origin = new URL(url).origin;
  page.on('response', (response) => {
    const at = new URL(response.url());
    if (at.origin === origin) files.add(decodeURIComponent(at.pathname.slice(1)) || 'index.html');
  });
  await page.goto(url);
  if (await page.$('script[src]')) {
    await page.waitForSelector('body[data-ready="true"]', { timeout: 15000 }).catch(() => {});
  }
  await page.waitForLoadState('networkidle');
  await context.close();
  return [...files];
}

/** {page: {html, css, js, wasm, other, total}} in gzip bytes for each page of `site`. */
export async function measureWeights(site, pages) {
  const server = await startServer(site);
  const browser = await launchBrowser();
  try {
    const weights = {};
    for (const page of pages) {
      const parts = { html: 0, css: 0, js: 0, wasm: 0, other: 0 };
      for (const file of await filesLoaded(browser, `${server.url}${page}`)) {
        parts[kindOf(file)] += gzipSync(readFileSync(path.join(site, file)), { level: 9 }).length;
      }
      parts.total = Object.values(parts).reduce((a, b) => a + b, 0);
      weights[page] = parts;
    }
    return weights;
  } finally {
    await browser.close();
    server.stop();
  }
}

export const readBaseline = () => JSON.parse(readFileSync(BASELINE, 'utf8'));

/** Records `weights` as the new baseline (`npm run bench -- --record-weights`). */
export const recordBaseline = (weights) =>
  writeFileSync(BASELINE, `${JSON.stringify(weights, null, 2)}\n`);

/** Pages whose total grew more than GROWTH_LIMIT over the baseline, in words. */
export function weightGrowth(weights, baseline) {
  return Object.entries(weights)
    .filter(([page, parts]) => baseline[page] && parts.total > GROWTH_LIMIT * baseline[page].total)
    .map(([page, parts]) => {
      const before = baseline[page].total;
      return `${page} grew ${((parts.total / before - 1) * 100).toFixed(0)} % (${before} → ${parts.total} bytes gzip)`;
    });
}
