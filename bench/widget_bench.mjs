// The <loss-playground> element as a guest, in headless Chromium on localhost (gc() exposed,
// precise heap figures):
//   first render  - navigation start to the first widget's charts on screen (the element's
//                   "lossplay:widget-first-render" mark), median of LOADS loads, on the ten-widget
//                   chapter (examples/chapter.html) and on the same page with its first widget
//                   alone (the other nine taken out of the HTML, served from the same folder);
//   memory        - the JS heap after garbage collection and the wasm memory, with all ten
//                   widgets of the chapter started (scrolled through) and with the one widget;
//   long session  - JS heap growth per attribute change and per widget added, started and
//                   removed, on examples/blog.html after a warm-up.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, openPage, startServer } from '../tests/e2e/browser_harness.mjs';
import {
  addRemoveSession,
  attributeSession,
  installHeapAfterGc,
} from '../tests/e2e/widget_sessions.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LOADS = 5;
const WARM_UP = 100;
const MEASURED = 200;
const VIEWPORT = { width: 1024, height: 768 };

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

/** The chapter with only its first widget: the page a host with one figure would serve. */
function oneWidgetPage() {
  const chapter = readFileSync(path.join(root, 'dist', 'examples', 'chapter.html'), 'utf8');
  let first = true;
  return chapter.replace(/<loss-playground[\s\S]*?<\/loss-playground>/g, (widget) => {
    const kept = first ? widget : '';
    first = false;
    return kept;
  });
}

/** Opens `file` of the examples; `html`, when given, is served as that file. */
async function openExample(browser, server, file, html) {
  const opened = await openPage(browser, `${server.url}favicon.svg`, { viewport: VIEWPORT });
  const url = `${server.url}examples/${file}`;
  if (html) {
    await opened.page.route(url, (route) =>
      route.fulfill({ contentType: 'text/html', body: html }),
    );
  }
  await opened.page.goto(url);
  await opened.page.waitForSelector('loss-playground[data-ready="true"]', { timeout: 20000 });
  return opened;
}

function checked({ problems }) {
  if (problems.length > 0) throw new Error(`page problems: ${problems.join('; ')}`);
}

async function firstRender(browser, server, file, html) {
  const times = [];
  for (let i = 0; i < LOADS; i += 1) {
    const opened = await openExample(browser, server, file, html);
    times.push(
      await opened.page.evaluate(
        () => performance.getEntriesByName('lossplay:widget-first-render')[0].startTime,
      ),
    );
    checked(opened);
    await opened.context.close();
  }
  return median(times);
}

/** Every widget of the page started (each scrolled into view), then the heap and wasm memory. */
async function memoryWith(browser, server, file, html) {
  const opened = await openExample(browser, server, file, html);
  const { page } = opened;
  await page.evaluate(installHeapAfterGc);
  const figures = await page.evaluate(async () => {
    const widgets = [...document.querySelectorAll('loss-playground')];
    for (const widget of widgets) {
      widget.scrollIntoView();
      while (widget.dataset.ready !== 'true') {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
    window.scrollTo(0, 0);
    return {
      widgets: widgets.length,
      js: await window.heapAfterGc(),
      wasm: widgets[0].lossplay.memoryBytes(),
    };
  });
  checked(opened);
  await opened.context.close();
  return figures;
}

/** Heap growth per attribute change on the blog's first widget, and per widget added to the
 *  blog, started and removed, each after a warm-up. */
async function perStep(browser, server, session, args) {
  const opened = await openExample(browser, server, 'blog.html');
  await opened.page.evaluate(installHeapAfterGc);
  const { before, after, ms } = await opened.page.evaluate(session, args);
  checked(opened);
  await opened.context.close();
  return { bytes: (after - before) / args.at(-1), ms };
}

export async function measureWidgets() {
  const server = await startServer();
  const browser = await launchBrowser(['--js-flags=--expose-gc', '--enable-precise-memory-info']);
  const single = oneWidgetPage();
  try {
    return {
      loads: LOADS,
      measured: MEASURED,
      firstRender: {
        chapter: await firstRender(browser, server, 'chapter.html'),
        single: await firstRender(browser, server, 'chapter-one.html', single),
      },
      memory: {
        chapter: await memoryWith(browser, server, 'chapter.html'),
        single: await memoryWith(browser, server, 'chapter-one.html', single),
      },
      perChange: await perStep(browser, server, attributeSession, ['first', WARM_UP, MEASURED]),
      perCycle: await perStep(browser, server, addRemoveSession, [WARM_UP, MEASURED]),
    };
  } finally {
    await browser.close();
    server.stop();
  }
}
