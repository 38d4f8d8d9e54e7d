// The pages measured in headless Chromium, served compressed by scripts/serve.mjs:
//   first render - navigation start to the first complete render of the page's charts (its
//                  "lossplay:first-render" mark), in ROUNDS rounds that load every page once
//                  each, the floor page included, so drift on the machine hits all alike;
//   input to repaint - from each input event on a panel's control to the end of the
//                  synchronous work it triggers (state, core calls, read-outs, charts redrawn
//                  on their canvases), over STEPS arrow-key steps, unthrottled and with the
//                  CPU slowed down 4× (CDP Emulation.setCPUThrottlingRate), as on a phone.
import { PANELS } from '../web/panels/registry.js';
import { launchBrowser, openPage, startServer } from '../tests/e2e/browser_harness.mjs';

const ROUNDS = 7;
const STEPS = 100;
export const PHONE_SLOWDOWN = 4;

/** The controls measured: each panel declares its own (web/panels/<id>/state.js `bench`). */
const PANEL_INPUTS = PANELS.flatMap((panel) => {
  if (!panel.bench?.length) throw new Error(`page_bench: ${panel.id} declares no bench input`);
  return panel.bench.map((input) => ({ panel: panel.id, ...input }));
});

const pageOf = (id) => PANELS.find((panel) => panel.id === id).page;

export function percentile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** {median, min, max, n} of a list of numbers. */
export const summary = (values) => ({
  median: percentile(values, 0.5),
  min: Math.min(...values),
  max: Math.max(...values),
  n: values.length,
});

async function firstRenderOnce(browser, url) {
  const { page, context, problems } = await openPage(browser, url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  const times = await page.evaluate(() => ({
    firstRender: performance.getEntriesByName('lossplay:first-render')[0].startTime,
    coreReady: performance.getEntriesByName('lossplay:core-ready')[0]?.startTime ?? null,
  }));
  await context.close();
  if (problems.length > 0) throw new Error(`${url}: ${problems.join('; ')}`);
  return times;
}

/** {page: summary} of the first render of each page of `site` (and of the floor page), with
 *  the median time its core was ready (null where the page does not mark it). */
export async function measureFirstRenders(site, pages) {
  const server = await startServer(site);
  const browser = await launchBrowser();
  try {
    const times = Object.fromEntries(pages.map((page) => [page, []]));
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const page of pages) {
        times[page].push(await firstRenderOnce(browser, `${server.url}${page}`));
      }
    }
    return Object.fromEntries(
      pages.map((page) => {
        const ready = times[page].map((t) => t.coreReady).filter((t) => t !== null);
        const coreReady = ready.length ? percentile(ready, 0.5) : null;
        return [page, { ...summary(times[page].map((t) => t.firstRender)), coreReady }];
      }),
    );
  } finally {
    await browser.close();
    server.stop();
  }
}

async function repaintTimes(browser, url, input, slowdown) {
  // `keys`: the pair of keys that step the control forth and back (a strip's points step with
  // Shift, their plain arrows go from point to point).
  const { control, event = 'input', focus = control, keys = ['ArrowRight', 'ArrowLeft'] } = input;
  const { page, context, problems } = await openPage(browser, url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  if (slowdown > 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
  }
  await page.evaluate(
    ([selector, type]) => {
      window.latencies = [];
      // Registered after the panel's own listener, so it runs when that work is done.
      document.querySelector(selector).addEventListener(type, (e) => {
        window.latencies.push(performance.now() - e.timeStamp);
      });
    },
    [control, event],
  );
  await page.focus(focus);
  for (let i = 0; i < STEPS; i += 1) {
    await page.keyboard.press(keys[i < STEPS / 2 ? 0 : 1]);
  }
  const latencies = await page.evaluate(() => window.latencies);
  await context.close();
  if (problems.length > 0) throw new Error(`${url}: ${problems.join('; ')}`);
  if (latencies.length < STEPS * 0.9) throw new Error(`${url}: only ${latencies.length} steps`);
  return latencies;
}

/** {name: {median, p95, max, n}} input to repaint on every panel, at `slowdown`. */
export async function measureRepaints(site, slowdown = 1) {
  const server = await startServer(site);
  const browser = await launchBrowser();
  try {
    const results = {};
    for (const input of PANEL_INPUTS) {
      const url = `${server.url}${pageOf(input.panel)}${input.query ?? ''}`;
      const times = await repaintTimes(browser, url, input, slowdown);
      results[input.name ?? input.panel] = { ...summary(times), p95: percentile(times, 0.95) };
    }
    return results;
  } finally {
    await browser.close();
    server.stop();
  }
}
