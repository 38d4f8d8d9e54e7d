// Training throughput of the race on the breast-cancer set (epochs per second; one epoch
// trains both runs), natively and in WASM through the JS API, for logistic regression and a
// 16-unit MLP; and the page's repaint rate while a race runs in headless Chromium.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, openPage, startServer } from '../tests/e2e/browser_harness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EPOCHS = 200;
const MEASURED_EPOCHS = 1000;

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} failed:\n${result.stderr}`);
  return result.stdout;
}

export function nativeRaceThroughput(csvPath) {
  run('cmake', ['--build', '--preset', 'native', '--target', 'race_bench']);
  const output = run(path.join(root, 'build', 'native', 'race_bench'), [
    csvPath,
    String(MEASURED_EPOCHS),
  ]);
  return JSON.parse(output.trim().split('\n').pop());
}

// Epochs per race.step call: one call may train at most 1.6e8 rows × weights (783 epochs of
// the 16-unit network on breast cancer), so longer runs take several calls.
const EPOCHS_PER_CALL = 100;

function stepMany(race, epochs) {
  for (let done = 0; done < epochs; done += EPOCHS_PER_CALL) {
    race.step(Math.min(EPOCHS_PER_CALL, epochs - done));
  }
}

export function wasmRaceThroughput(core, csv) {
  const measure = (hidden) => {
    const race = core.createRace({ data: { csv }, hidden, learningRate: 0.1, batchSize: 32 });
    // Warm up long enough for V8 to move the wasm from its baseline compiler to the optimising
    // one, as it does a few hundred milliseconds into any real race.
    stepMany(race, EPOCHS);
    const start = process.hrtime.bigint();
    stepMany(race, MEASURED_EPOCHS);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    race.dispose();
    return MEASURED_EPOCHS / seconds;
  };
  return { logistic: measure(0), mlp16: measure(16) };
}

const RACES = {
  defaults: '',
  'digits, 16 hidden units': '?data=digits&hidden=16&init=standard&speed=200&epochs=5000',
};

/** Frames and epochs per second the race page runs at while it trains, for 3 s after Play,
 *  with its loss chart in view. */
async function raceRates(browser, url, slowdown) {
  const { page, context, problems } = await openPage(browser, url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  if (slowdown > 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
  }
  // As a reader watching the curves: the loss chart in view (what else fits the viewport is
  // on screen too), Play pressed without scrolling back to it.
  await page.locator('#race-loss-chart').scrollIntoViewIfNeeded();
  await page.evaluate(() => document.getElementById('race-play').click());
  const measured = await page.evaluate(
    () =>
      new Promise((resolve) => {
        let frames = 0;
        const start = performance.now();
        const epoch0 = window.lossplay.history().epoch;
        const count = () => {
          frames += 1;
          if (performance.now() - start < 3000) requestAnimationFrame(count);
          else {
            const seconds = (performance.now() - start) / 1000;
            resolve({
              fps: frames / seconds,
              epochsPerSecond: (window.lossplay.history().epoch - epoch0) / seconds,
            });
          }
        };
        requestAnimationFrame(count);
      }),
  );
  await context.close();
  if (problems.length > 0) throw new Error(problems.join('; '));
  return measured;
}

/** {race: {slowdown: {fps, epochsPerSecond}}} on the race page of `site`. */
export async function raceRepaintRates(site, slowdowns) {
  const server = await startServer(site);
  const browser = await launchBrowser();
  try {
    const results = {};
    for (const [name, query] of Object.entries(RACES)) {
      results[name] = {};
      for (const slowdown of slowdowns) {
        results[name][slowdown] = await raceRates(
          browser,
          `${server.url}race.html${query}`,
          slowdown,
        );
      }
    }
    return results;
  } finally {
    await browser.close();
    server.stop();
  }
}

export function breastCancerCsv() {
  const csvPath = path.join(root, 'data', 'breast_cancer.csv');
  return { csvPath, csv: readFileSync(csvPath, 'utf8') };
}
