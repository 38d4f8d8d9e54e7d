// The deep network lab at the heaviest settings its fields accept (ten sigmoid layers of 64,
// layers of 64, 5,000 points, batch 1: about a second of wasm per epoch): the longest
// main-thread task while the page opens and works out the start, and while it plays, the
// frames per second it keeps, and how long Pause takes to answer (from the click's event to
// the next frame), unthrottled and at the 4× CPU slowdown of a mid-range phone.
import { launchBrowser, openPage, startServer } from '../tests/e2e/browser_harness.mjs';

const HEAVY = 'depth.html?depth=10&width=64&size=5000&batch=1';
const PLAY_MS = 4000;

// Collects every long task (over 50 ms, as Chromium reports them) from the page's first moment.
const WATCH_TASKS = () => {
  window.longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
};

async function measureOnce(browser, url, slowdown) {
  const { page, context, problems } = await openPage(browser, url, { initScript: WATCH_TASKS });
  if (slowdown > 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
  }
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60000 });
  await page.waitForFunction(() => window.lossplay.progress().started, null, { timeout: 120000 });
  const opening = await page.evaluate(() => Math.max(0, ...window.longTasks));
  const playing = await page.evaluate(
    (ms) =>
      new Promise((resolve) => {
        window.longTasks = [];
        document.getElementById('depth-play').click();
        let frames = 0;
        const start = performance.now();
        const count = () => {
          frames += 1;
          if (performance.now() - start < ms) {
            requestAnimationFrame(count);
            return;
          }
          const seconds = (performance.now() - start) / 1000;
          const progress = window.lossplay.progress();
          // Pause in a task of its own, as a click is: answered once the next frame is drawn.
          setTimeout(() => {
            const clicked = performance.now();
            document.getElementById('depth-play').click();
            requestAnimationFrame(() =>
              resolve({
                fps: frames / seconds,
                epochs: progress.epoch + progress.fraction,
                longest: Math.max(0, ...window.longTasks),
                pauseMs: performance.now() - clicked,
                paused: !window.lossplay.isPlaying(),
              }),
            );
          }, 0);
        };
        requestAnimationFrame(count);
      }),
    PLAY_MS,
  );
  // A setting changed as a reader types it: a new network of the same size.
  const changing = await page.evaluate(async () => {
    window.longTasks = [];
    const field = document.getElementById('depth-seed');
    field.value = '2';
    field.dispatchEvent(new Event('change', { bubbles: true }));
    field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    while (!(window.lossplay.getState().seed === 2 && window.lossplay.progress().started)) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    await new Promise((resolve) => setTimeout(resolve, 100)); // the observer reports late
    return Math.max(0, ...window.longTasks);
  });
  await context.close();
  if (problems.length > 0) throw new Error(`${url}: ${problems.join('; ')}`);
  return { opening, changing, ...playing };
}

export async function measureDepthHeavy() {
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const figures = {};
    for (const slowdown of [1, 4]) {
      figures[slowdown] = await measureOnce(browser, `${server.url}${HEAVY}`, slowdown);
    }
    return figures;
  } finally {
    await browser.close();
    server.stop();
  }
}

export function printDepthHeavy(figures) {
  console.log(`\ndeep network lab, ${HEAVY} (one epoch ≈ 1 s of wasm):`);
  for (const [slowdown, f] of Object.entries(figures)) {
    console.log(
      `  CPU ${slowdown}×: longest task opening ${f.opening.toFixed(0)} ms, after a new seed ` +
        `${f.changing.toFixed(0)} ms, playing ` +
        `${f.longest.toFixed(0)} ms (target ≤ 100); ${f.fps.toFixed(1)} frames/s while ` +
        `playing, ${f.epochs.toFixed(2)} epochs in ${PLAY_MS / 1000} s; Pause answered in ` +
        `${f.pauseMs.toFixed(0)} ms${f.paused ? '' : ' (still playing!)'}`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  printDepthHeavy(await measureDepthHeavy());
}
