// The your-model lab with a large file of its own, in headless Chromium at 1024×768: a file of
// 10^6 binary rows, and one of 10^5 rows × 100 classes, chosen in the file input. For each, the
// time from the choice until every read-out shows the new data, the longest main-thread task
// in that time and how many tasks took over 100 ms (the page should answer input throughout);
// then the time of a new temperature on that data (scores at T, the diagram) from the field.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchBrowser, openPage, startServer } from '../tests/e2e/browser_harness.mjs';

/** A CSV of `rows` examples of `classes` logits (one column when classes = 1) and a label. */
function syntheticCsv(rows, classes) {
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const columns = classes === 1 ? ['logit'] : Array.from({ length: classes }, (_, k) => `z${k}`);
  const lines = [[...columns, 'label'].join(',')];
  for (let i = 0; i < rows; i += 1) {
    const label = classes === 1 ? Number(next() < 0.5) : Math.floor(next() * classes);
    const logits = Array.from({ length: Math.max(classes, 1) }, (_, k) => {
      const signal = classes === 1 ? (label ? 2 : -2) : k === label ? 3 : 0;
      return (signal + 6 * (next() - 0.5)).toFixed(3);
    });
    lines.push(`${logits.join(',')},${label}`);
  }
  return `${lines.join('\n')}\n`;
}

/** In the page: records every main-thread task over 50 ms (the Long Tasks API). */
function watchLongTasks() {
  window.longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: false });
}

async function measureFile(page, { name, rows, classes, temperature }) {
  const csv = syntheticCsv(rows, classes);
  await page.evaluate(() => (window.longTasks = []));
  // Through a file on disk: the browser is handed at most 50 MB in memory.
  const folder = mkdtempSync(path.join(tmpdir(), 'lossplay-bench-'));
  const file = path.join(folder, name);
  writeFileSync(file, csv);
  const start = Date.now();
  await page.setInputFiles('#ym-file', file);
  const outcome = await page.waitForFunction(
    (expected) => {
      if (document.getElementById('ym-out-rows').textContent === expected) return 'shown';
      const error = document.getElementById('ym-data-error');
      const notices = document.getElementById('notices')?.textContent ?? '';
      return (!error.hidden && error.textContent) || (notices.trim() && notices);
    },
    rows.toLocaleString('en'),
    { timeout: 600_000, polling: 100 },
  );
  const shown = await outcome.jsonValue();
  if (shown !== 'shown') throw new Error(`${name} was not shown: ${shown}`);
  const loadMs = Date.now() - start;
  rmSync(folder, { recursive: true, force: true });
  const tasks = await page.evaluate(() => window.longTasks);
  // A new temperature typed into its field: scores at T and the reliability diagram again.
  const temperatureMs = await page.evaluate(async (temperature) => {
    const field = document.getElementById('ym-t-field');
    const shown = document.getElementById('ym-out-t');
    const begin = performance.now();
    field.value = String(temperature);
    field.dispatchEvent(new Event('change'));
    while (shown.textContent !== String(temperature))
      await new Promise((resolve) => setTimeout(resolve, 5));
    return performance.now() - begin;
  }, temperature);
  return {
    name,
    megabytes: csv.length / 2 ** 20,
    loadMs,
    longestTask: Math.max(0, ...tasks),
    over100: tasks.filter((duration) => duration > 100).length,
    temperatureMs,
  };
}

export async function measureYourModel() {
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const { page } = await openPage(browser, `${server.url}your-model.html`, {
      viewport: { width: 1024, height: 768 },
      initScript: watchLongTasks,
    });
    await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
    return [
      await measureFile(page, {
        name: 'binary.csv',
        rows: 1_000_000,
        classes: 1,
        temperature: 1.7,
      }),
      await measureFile(page, {
        name: 'classes.csv',
        rows: 100_000,
        classes: 100,
        temperature: 2.3,
      }),
    ];
  } finally {
    await browser.close();
    server.stop();
  }
}

export function printYourModel(results) {
  console.log(
    '\nyour-model with a large file, headless Chromium, 1024×768 (target: no task over 100 ms)',
  );
  for (const r of results) {
    console.log(
      `  ${r.name.padEnd(12)} ${r.megabytes.toFixed(1)} MB read and shown in ${(r.loadMs / 1000).toFixed(1)} s   longest task ${r.longestTask.toFixed(0)} ms   tasks over 100 ms ${r.over100}   a new T ${r.temperatureMs.toFixed(0)} ms`,
    );
  }
}
