// Lighthouse's mobile preset (simulated slow 4G, 4× CPU slowdown, a Moto G Power screen) on
// every page, served compressed by scripts/serve.mjs, with the Debian Chromium the tests use.
// Median, min and max of RUNS runs per page: performance, accessibility, best practices, and
// the metrics behind the performance score; and every accessibility or best-practices audit
// that failed in any run. Lighthouse has its own packages in bench/lighthouse/, installed on
// the first measurement (about 190 MB that nothing else needs; see scripts/ensure_packages.mjs).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensurePackages } from '../scripts/ensure_packages.mjs';
import { startServer } from '../tests/e2e/browser_harness.mjs';
import { summary } from './page_bench.mjs';

export const RUNS = 3;
const CATEGORIES = ['performance', 'accessibility', 'best-practices'];
const METRICS = {
  fcp: 'first-contentful-paint',
  lcp: 'largest-contentful-paint',
  tbt: 'total-blocking-time',
  cls: 'cumulative-layout-shift',
  si: 'speed-index',
};

const toolsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'lighthouse');

/** Lighthouse and the Chrome launcher, from bench/lighthouse/ (installed first if needed). */
async function loadTools() {
  ensurePackages(toolsDir);
  return import('./lighthouse/tools.mjs');
}

async function audit(lighthouse, port, url) {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: CATEGORIES,
  });
  const { categories, audits } = result.lhr;
  const figures = {};
  for (const id of CATEGORIES) figures[id] = Math.round(categories[id].score * 100);
  for (const [key, id] of Object.entries(METRICS)) figures[key] = audits[id].numericValue;
  figures.failed = CATEGORIES.filter((id) => id !== 'performance')
    .flatMap((id) => categories[id].auditRefs)
    .filter((ref) => ref.weight > 0 && audits[ref.id].score !== null && audits[ref.id].score < 1)
    .map((ref) => ref.id);
  return figures;
}

/** {page: {runs, median: {performance, …, lcp, …}, min, max, failed}} for each page of `site`. */
export async function measureLighthouse(site, pages) {
  const { lighthouse, chromeLauncher } = await loadTools();
  const server = await startServer(site);
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  try {
    const results = {};
    for (const page of pages) {
      const runs = [];
      for (let i = 0; i < RUNS; i += 1)
        runs.push(await audit(lighthouse, chrome.port, `${server.url}${page}`));
      const keys = Object.keys(runs[0]).filter((key) => key !== 'failed');
      const figures = Object.fromEntries(keys.map((k) => [k, summary(runs.map((r) => r[k]))]));
      const pick = (field) => Object.fromEntries(keys.map((k) => [k, figures[k][field]]));
      results[page] = {
        runs: RUNS,
        median: pick('median'),
        min: pick('min'),
        max: pick('max'),
        failed: [...new Set(runs.flatMap((r) => r.failed))],
      };
    }
    return results;
  } finally {
    await chrome.kill();
    server.stop();
  }
}
