// A long session: 25 000 state changes on each of the playground and the soft-targets,
// multi-class, regression, likelihood and next-token labs, each a full render — then the growth of
// the wasm memory and of the JS heap after garbage collection. Target: both under 1 MB.
import { PANELS } from '../web/panels/registry.js';
import { launchBrowser, openPage, startServer } from '../tests/e2e/browser_harness.mjs';

const PER_PANEL = 25_000;
// Each panel with a slider for it (its state.js `bench` entry marked longSession): its page,
// and that slider, whose input events drive it.
const SESSIONS = PANELS.flatMap((panel) =>
  panel.bench
    .filter((input) => input.longSession)
    .map((input) => [`${panel.page}${input.query ?? ''}`, input.control]),
);

async function session(browser, url, slider) {
  const { page, context, problems } = await openPage(browser, url);
  await page.waitForSelector('body[data-ready="true"]');
  const result = await page.evaluate(
    async ([selector, changes]) => {
      const input = document.querySelector(selector);
      const values = Array.from({ length: 200 }, (_, i) => {
        const min = Number(input.min);
        const max = Number(input.max);
        return String(min + ((max - min) * (i + 0.5)) / 200);
      });
      const step = (i) => {
        input.value = values[i % values.length];
        input.dispatchEvent(new Event('input', { bubbles: true }));
      };
      const measure = () => {
        window.gc();
        return { js: performance.memory.usedJSHeapSize, wasm: window.lossplay.memoryBytes() };
      };
      for (let i = 0; i < 2000; i += 1) step(i); // warm-up: JIT and caches are not growth
      await new Promise((resolve) => setTimeout(resolve, 300));
      const before = measure();
      const start = performance.now();
      for (let i = 0; i < changes; i += 1) {
        step(i);
        if (i % 5000 === 0) await new Promise((resolve) => setTimeout(resolve, 0));
      }
      const seconds = (performance.now() - start) / 1000;
      await new Promise((resolve) => setTimeout(resolve, 300)); // pending URL writes
      return { before, after: measure(), seconds };
    },
    [slider, PER_PANEL],
  );
  await context.close();
  if (problems.length > 0) throw new Error(problems.join('; '));
  return result;
}

export async function measureLongSession() {
  const server = await startServer();
  const browser = await launchBrowser(['--js-flags=--expose-gc', '--enable-precise-memory-info']);
  try {
    const panels = {};
    for (const [page, slider] of SESSIONS) {
      panels[page.split('?')[0]] = await session(browser, `${server.url}${page}`, slider);
    }
    return { perPanel: PER_PANEL, panels };
  } finally {
    await browser.close();
    server.stop();
  }
}
