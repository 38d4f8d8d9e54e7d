// A long session: 100 000 state changes on the playground (z swept back and forth, the label
// switched every 1 000 changes, each one a full render), then the growth of the wasm memory and
// of the JS heap after garbage collection. Target: both under 1 MB.
import { launchBrowser, openPage, startServer } from '../tests/e2e/browser_harness.mjs';

const CHANGES = 100_000;

export async function measureLongSession() {
  const server = await startServer();
  const browser = await launchBrowser(['--js-flags=--expose-gc', '--enable-precise-memory-info']);
  try {
    const { page, context, problems } = await openPage(browser, server.url);
    await page.waitForSelector('body[data-ready="true"]');
    const result = await page.evaluate(async (changes) => {
      const playground = window.lossplay;
      const measure = () => {
        window.gc();
        return { js: performance.memory.usedJSHeapSize, wasm: playground.memoryBytes() };
      };
      // Warm up first, so one-off allocations (JIT, chart caches) do not count as growth.
      for (let i = 0; i < 2000; i += 1) playground.show({ z: -10 + (i % 200) / 10 });
      await new Promise((resolve) => setTimeout(resolve, 100));
      const before = measure();
      const start = performance.now();
      for (let i = 0; i < changes; i += 1) {
        const y = Math.floor(i / 1000) % 3 === 2 ? 0.6 : Math.floor(i / 1000) % 2;
        playground.show({ z: -10 + (i % 2000) / 100, y, soft: y === 0.6 });
        if (i % 5000 === 0) await new Promise((resolve) => setTimeout(resolve, 0));
      }
      const seconds = (performance.now() - start) / 1000;
      await new Promise((resolve) => setTimeout(resolve, 300)); // let pending URL writes run
      const after = measure();
      return { before, after, seconds };
    }, CHANGES);
    await context.close();
    if (problems.length > 0) throw new Error(problems.join('; '));
    return { changes: CHANGES, ...result };
  } finally {
    await browser.close();
    server.stop();
  }
}
