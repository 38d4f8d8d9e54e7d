// The playground measured in headless Chromium on localhost:
//   first render - navigation start to the first complete render of both charts
//                  (the page's "lossplay:first-render" mark), median of LOADS loads;
//   input to repaint - a keydown on the z slider to the end of the synchronous work it
//                  triggers (state, core call, read-outs, both charts redrawn on their
//                  canvases), over STEPS scripted slider steps;
//   input to next frame - the same, up to the next animation frame the browser produces
//                  (includes waiting for the display's frame clock).
import { PANELS } from '../web/panels/registry.js';
import { launchBrowser, openPage, startServer } from '../tests/e2e/browser_harness.mjs';

const LOADS = 15;
const LAB_STEPS = 100;
const STEPS = 300;

function percentile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

async function firstRenderMs(browser, url) {
  const times = [];
  for (let i = 0; i < LOADS; i += 1) {
    const { page, context } = await openPage(browser, url);
    await page.waitForSelector('body[data-ready="true"]');
    times.push(
      await page.evaluate(() => performance.getEntriesByName('lossplay:first-render')[0].startTime),
    );
    await context.close();
  }
  return percentile(times, 0.5);
}

async function inputLatencies(browser, url) {
  const { page, context, problems } = await openPage(browser, `${url}?z=-10&y=1`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.evaluate(() => {
    window.latencies = { work: [], frame: [] };
    const slider = document.getElementById('z-slider');
    slider.addEventListener('keydown', (event) => {
      // Runs after the playground's own keydown listener (registered first).
      const start = event.timeStamp;
      window.latencies.work.push(performance.now() - start);
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => window.latencies.frame.push(performance.now() - start);
        channel.port2.postMessage(null);
      });
    });
  });
  await page.focus('#z-slider');
  const keys = [
    ...Array(100).fill('ArrowRight'),
    ...Array(100).fill('ArrowRight'),
    ...Array(100).fill('ArrowLeft'),
  ];
  for (const key of keys.slice(0, STEPS)) {
    await page.keyboard.press(key);
  }
  await page.waitForFunction((n) => window.latencies.frame.length >= n, STEPS);
  const latencies = await page.evaluate(() => window.latencies);
  const finalZ = await page.evaluate(() => window.lossplay.getState().z);
  await context.close();
  if (problems.length > 0) throw new Error(`page problems: ${problems.join('; ')}`);
  if (finalZ !== 0) throw new Error(`scripted steps ended at z = ${finalZ}, expected 0`);
  return latencies;
}

/**
 * Input-to-repaint on a lab's slider: from each `input` event to the end of the synchronous
 * work it triggers, over LAB_STEPS arrow-key steps (half one way, half back). `focus` and
 * `event` measure another control: the arrow keys go to `focus`, the time is taken from each
 * `event` on `slider` (the landscape's data points move on keydown, handled by their strip).
 */
async function labLatencies(browser, url, slider, { focus = slider, event = 'input' } = {}) {
  const { page, context, problems } = await openPage(browser, url);
  await page.waitForSelector('body[data-ready="true"]');
  await page.evaluate(
    ([selector, type]) => {
      window.latencies = [];
      // Registered after the lab's own listener, so it runs when that work is done.
      document.querySelector(selector).addEventListener(type, (e) => {
        window.latencies.push(performance.now() - e.timeStamp);
      });
    },
    [slider, event],
  );
  await page.focus(focus);
  for (let i = 0; i < LAB_STEPS; i += 1) {
    await page.keyboard.press(i < LAB_STEPS / 2 ? 'ArrowRight' : 'ArrowLeft');
  }
  const latencies = await page.evaluate(() => window.latencies);
  await context.close();
  if (problems.length > 0) throw new Error(`page problems: ${problems.join('; ')}`);
  return {
    median: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    steps: latencies.length,
  };
}

/** Input-to-repaint on each lab. */
export async function measureLabLatencies() {
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    return {
      'soft-targets': await labLatencies(
        browser,
        `${server.url}soft-targets.html?p=0.4`,
        '#soft-p-slider',
      ),
      multiclass: await labLatencies(browser, `${server.url}multiclass.html`, '#mc-logit-slider-0'),
      regression: await labLatencies(
        browser,
        `${server.url}regression.html?outlier=0`,
        '#rg-outlier-slider',
      ),
      likelihood: await labLatencies(
        browser,
        `${server.url}likelihood.html`,
        '#lk-location-slider',
      ),
      'next-token': await labLatencies(
        browser,
        `${server.url}next-token.html`,
        '#nt-logit-slider-1',
      ),
      // A new start: both descent paths again, the maps kept.
      'landscape start': await labLatencies(
        browser,
        `${server.url}landscape.html?steps=100`,
        '#ls-w-slider',
      ),
      // A data point moved: both 200 × 200 maps, MSE's curvature, contours and paths again.
      'landscape point': await labLatencies(
        browser,
        `${server.url}landscape.html?steps=100`,
        '#ls-strip',
        { focus: '#ls-strip circle', event: 'keydown' },
      ),
      // A new depth: a new pair of networks and their layer norms.
      depth: await labLatencies(browser, `${server.url}depth.html`, '#depth-width-slider'),
    };
  } finally {
    await browser.close();
    server.stop();
  }
}

/** Median first render of each page (the labs and the race too), 7 loads each. */
export async function measurePanels() {
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const results = {};
    for (const page of PANELS.filter((panel) => panel.id !== 'binary').map((p) => p.page)) {
      const times = [];
      for (let i = 0; i < 7; i += 1) {
        const { page: tab, context } = await openPage(browser, `${server.url}${page}`);
        await tab.waitForSelector('body[data-ready="true"]');
        times.push(
          await tab.evaluate(
            () => performance.getEntriesByName('lossplay:first-render')[0].startTime,
          ),
        );
        await context.close();
      }
      results[page] = percentile(times, 0.5);
    }
    return results;
  } finally {
    await browser.close();
    server.stop();
  }
}

export async function measurePage() {
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const firstRender = await firstRenderMs(browser, server.url);
    const { work, frame } = await inputLatencies(browser, server.url);
    return {
      firstRender,
      work: { median: percentile(work, 0.5), p95: percentile(work, 0.95) },
      frame: { median: percentile(frame, 0.5), p95: percentile(frame, 0.95) },
    };
  } finally {
    await browser.close();
    server.stop();
  }
}
