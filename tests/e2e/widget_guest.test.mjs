// The widget as a guest on a host page (web/embed/element.js and guest.js): a long session of
// attribute changes and of widgets added and removed leaves the JS heap flat; attribute
// changes made together are applied once; a chapter of ten widgets starts only those near the
// viewport, on one shared wasm core; a widget off screen keeps its changes until it is seen;
// loading="eager" starts at once; a new panel disposes the old one. Chromium runs with gc()
// exposed and precise heap figures.
import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import { launchBrowser, openPage, startServer } from './browser_harness.mjs';
import { testOnPage } from './page_helpers.mjs';
import { addRemoveSession, attributeSession, installHeapAfterGc } from './widget_sessions.mjs';

const VIEWPORT = { width: 1024, height: 768 };
const MB = 1024 * 1024;
let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser(['--js-flags=--expose-gc', '--enable-precise-memory-info']);
});
after(async () => {
  await browser?.close();
  server?.stop();
});

/** Counts the page's WebAssembly instantiations, however the core makes them. */
function countInstantiations() {
  window.wasmInstantiations = 0;
  const counted =
    (fn) =>
    (...args) => {
      window.wasmInstantiations += 1;
      return fn.apply(WebAssembly, args);
    };
  WebAssembly.instantiate = counted(WebAssembly.instantiate);
  WebAssembly.instantiateStreaming = counted(WebAssembly.instantiateStreaming);
  WebAssembly.Instance = new Proxy(WebAssembly.Instance, {
    construct(target, args, newTarget) {
      window.wasmInstantiations += 1;
      return Reflect.construct(target, args, newTarget);
    },
  });
}

/** Where each widget's placeholder is when the document has been parsed (none started yet). */
function recordPlaceholders() {
  document.addEventListener('DOMContentLoaded', () => {
    window.placeholders = [...document.querySelectorAll('loss-playground')].map((widget) => ({
      id: widget.id,
      top: widget.getBoundingClientRect().top,
    }));
  });
}

/** Opens `file` at VIEWPORT, with `scripts` run before any of the page's own. */
async function open(file, scripts = []) {
  const opened = await openPage(browser, `${server.url}favicon.svg`, { viewport: VIEWPORT });
  for (const script of scripts) await opened.page.addInitScript(script);
  await opened.page.goto(`${server.url}${file}`);
  return opened;
}

const widgetReady = (page, id) =>
  page.waitForFunction((i) => document.getElementById(i)?.dataset.ready === 'true', id, {
    timeout: 20000,
  });
const widgetState = (page, id) =>
  page.evaluate((i) => document.getElementById(i).lossplay.getState(), id);
/** What the widget's shadow root holds: its canvases, and the placeholder of a widget not yet
 *  started. */
const shadowContent = (page, id) =>
  page.evaluate((i) => {
    const shadow = document.getElementById(i).shadowRoot;
    return {
      canvases: shadow.querySelectorAll('canvas').length,
      waiting: shadow.querySelector('.waiting') !== null,
    };
  }, id);
const chapterIds = (page) =>
  page.$$eval('loss-playground', (widgets) => widgets.map((widget) => widget.id));
/** A few frames, for anything a widget would do on its own. */
const someFrames = (page, count = 10) =>
  page.evaluate(async (n) => {
    for (let i = 0; i < n; i += 1) await new Promise((resolve) => requestAnimationFrame(resolve));
    await new Promise((resolve) => setTimeout(resolve, 100));
  }, count);

describe('a long session leaves the JS heap flat', () => {
  testOnPage(
    '1000 attribute changes on one widget',
    () => open('examples/blog.html'),
    async ({ page }, t) => {
      await widgetReady(page, 'first');
      await page.evaluate(installHeapAfterGc);
      const result = await page.evaluate(attributeSession, ['first', 100, 1000]);
      const growth = result.after - result.before;
      t.diagnostic(
        `heap ${(result.before / MB).toFixed(2)} MB → ${(result.after / MB).toFixed(2)} MB, growth ${(growth / 1024).toFixed(0)} KB over 1000 changes, ${result.ms.toFixed(1)} ms per change`,
      );
      assert.equal(result.z, -0.5 - ((result.steps - 1) % 7), 'the last change was applied');
      assert.ok(growth < MB, `the heap grew ${growth} bytes`);
    },
  );

  testOnPage(
    '1000 widgets added, started and removed',
    () => open('examples/blog.html'),
    async ({ page }, t) => {
      await widgetReady(page, 'first');
      // V8 goes on compiling the panels' code for a few hundred cycles (compiled code is part of
      // the JS heap); the warm-up lets it settle so that what is left is what leaks.
      await page.evaluate(installHeapAfterGc);
      const result = await page.evaluate(addRemoveSession, [400, 1000]);
      const growth = result.after - result.before;
      t.diagnostic(
        `heap ${(result.before / MB).toFixed(2)} MB → ${(result.after / MB).toFixed(2)} MB, growth ${(growth / 1024).toFixed(0)} KB over 1000 cycles, ${result.ms.toFixed(1)} ms per cycle`,
      );
      assert.equal(result.left, 0, 'every added widget was removed');
      assert.ok(growth < MB, `the heap grew ${growth} bytes`);
    },
  );
});

describe('attribute changes', () => {
  testOnPage(
    'attributes that depend on each other are read together; setting a value again puts it back',
    () => open('examples/blog.html'),
    async ({ page }) => {
      await widgetReady(page, 'first');
      /** Sets these attributes in one go and waits until the widget has applied them. */
      const applied = (attributes) =>
        page.evaluate(
          (pairs) =>
            new Promise((resolve) => {
              const widget = document.getElementById('first');
              widget.dataset.ready = '';
              for (const [name, value] of pairs) widget.setAttribute(name, value);
              const wait = () =>
                widget.dataset.ready === 'true' ? resolve() : setTimeout(wait, 10);
              wait();
            }),
          Object.entries(attributes),
        );
      await applied({ panel: 'multiclass' });
      // Four names for four logits: each alone would not fit the three classes there are.
      await applied({ names: 'a,b,c,d', logits: '1,2,3,4' });
      let state = await widgetState(page, 'first');
      assert.deepEqual(state.logits, [1, 2, 3, 4]);
      assert.deepEqual(state.names, ['a', 'b', 'c', 'd']);
      // The reader moves away from the host's value; the host sets the same value again.
      await page.locator('#first').locator('#mc-logit-0').fill('3');
      await page.locator('#first').locator('#mc-logit-0').press('Enter');
      assert.equal((await widgetState(page, 'first')).logits[0], 3);
      await applied({ logits: '1,2,3,4' });
      assert.deepEqual((await widgetState(page, 'first')).logits, [1, 2, 3, 4]);
      // A new hide builds the widget again, from the state reached.
      await page.locator('#first').locator('#mc-logit-0').fill('-1');
      await page.locator('#first').locator('#mc-logit-0').press('Enter');
      await applied({ hide: 'explanations,extras' });
      state = await widgetState(page, 'first');
      assert.deepEqual(state.logits, [-1, 2, 3, 4]);
      assert.deepEqual(state.names, ['a', 'b', 'c', 'd']);
    },
  );

  testOnPage(
    '100 changes made in one go are applied once, in place, with the last value',
    () => open('examples/blog.html'),
    async ({ page }) => {
      await widgetReady(page, 'first');
      await page.evaluate(() => {
        const widget = document.getElementById('first');
        const api = widget.lossplay;
        const propose = api.propose;
        window.proposed = [];
        api.propose = (state, source) => {
          window.proposed.push(state.z);
          return propose(state, source);
        };
        window.canvasesBefore = [...widget.shadowRoot.querySelectorAll('canvas')];
        window.apiBefore = api;
        widget.dataset.ready = '';
        for (let i = 0; i < 100; i += 1) widget.setAttribute('z', (-9 + i * 0.08).toFixed(2));
      });
      await widgetReady(page, 'first');
      await someFrames(page);
      assert.deepEqual(await page.evaluate(() => window.proposed), [-1.08], 'one update');
      assert.equal((await widgetState(page, 'first')).z, -1.08);
      const kept = await page.evaluate(() => {
        const widget = document.getElementById('first');
        const canvases = [...widget.shadowRoot.querySelectorAll('canvas')];
        return {
          api: widget.lossplay === window.apiBefore,
          canvases:
            canvases.length === window.canvasesBefore.length &&
            canvases.every((canvas, i) => canvas === window.canvasesBefore[i]),
        };
      });
      assert.deepEqual(kept, { api: true, canvases: true }, 'updated in place, not rebuilt');
    },
  );

  testOnPage(
    'a new panel disposes the old one and reads its state from the attributes',
    () => open('examples/blog.html'),
    async ({ page }) => {
      await widgetReady(page, 'first');
      await page.evaluate(() => {
        const widget = document.getElementById('first');
        window.oldCanvases = [...widget.shadowRoot.querySelectorAll('canvas')];
        window.oldApi = widget.lossplay;
        widget.dataset.ready = '';
        widget.setAttribute('panel', 'regression');
        widget.removeAttribute('z');
        widget.removeAttribute('y');
        widget.setAttribute('outlier', '12');
        widget.setAttribute('outlierpred', '4');
      });
      await widgetReady(page, 'first');
      const after = await page.evaluate(() => {
        const widget = document.getElementById('first');
        const shadow = widget.shadowRoot;
        return {
          oldCanvases: window.oldCanvases.length,
          oldInShadow: window.oldCanvases.filter((canvas) => shadow.contains(canvas)).length,
          // Chart.js keeps its '$chartjs' record on a canvas until the chart is destroyed.
          oldCharts: window.oldCanvases.filter((canvas) => canvas.$chartjs !== undefined).length,
          newCanvases: shadow.querySelectorAll('canvas').length,
          binaryParts: shadow.querySelectorAll('#z-slider').length,
          regressionParts: shadow.querySelectorAll('#rg-outlier-slider').length,
          newApi: widget.lossplay !== window.oldApi,
        };
      });
      assert.ok(after.oldCanvases > 0);
      assert.equal(after.oldInShadow, 0, 'the old canvases are gone from the shadow root');
      assert.equal(after.oldCharts, 0, 'the old charts were destroyed');
      assert.ok(after.newCanvases > 0);
      assert.equal(after.binaryParts, 0);
      assert.equal(after.regressionParts, 1);
      assert.equal(after.newApi, true);
      const state = await widgetState(page, 'first');
      assert.equal(state.outlierOn, true);
      assert.equal(state.outlierTarget, 12);
      assert.equal(state.outlierPred, 4);
    },
  );
});

describe('a chapter of ten widgets', () => {
  testOnPage(
    'only the widgets near the viewport start; all share one wasm core',
    () => open('examples/chapter.html', [countInstantiations]),
    async ({ page }) => {
      const ids = await chapterIds(page);
      assert.equal(ids.length, 10);
      await widgetReady(page, ids[0]);
      await widgetReady(page, ids[1]);
      await someFrames(page, 30);
      assert.equal(await page.evaluate(() => window.scrollY), 0);
      for (const id of ids.slice(0, 2)) {
        assert.ok((await shadowContent(page, id)).canvases > 0, `${id} near the top started`);
      }
      for (const id of ids.slice(-3)) {
        assert.deepEqual(
          await shadowContent(page, id),
          { canvases: 0, waiting: true },
          `${id}, far below, waits`,
        );
      }
      for (const id of ids) {
        await page.evaluate((i) => document.getElementById(i).scrollIntoView(), id);
        await widgetReady(page, id);
        assert.equal((await shadowContent(page, id)).waiting, false);
      }
      const shared = await page.evaluate(() => ({
        instantiations: window.wasmInstantiations,
        memory: [...document.querySelectorAll('loss-playground')].map((w) =>
          w.lossplay.memoryBytes(),
        ),
        marks: performance.getEntriesByName('lossplay:widget-first-render').length,
      }));
      assert.equal(shared.instantiations, 1, 'one wasm instance for the page');
      assert.equal(new Set(shared.memory).size, 1, `memory sizes ${shared.memory.join(', ')}`);
      assert.equal(shared.marks, 1, 'one first-render mark per page');
    },
  );

  // guest.js asks for a margin of one screen (scrollMargin, or rootMargin where the browser
  // has no scrollMargin: the two add up).
  testOnPage(
    'a widget more than about a screen below the viewport does not start',
    () => open('examples/chapter.html', [recordPlaceholders]),
    async ({ page }) => {
      const ids = await chapterIds(page);
      await widgetReady(page, ids[0]);
      await someFrames(page, 30);
      const placeholders = await page.evaluate(() => window.placeholders);
      const far = placeholders.filter(({ top }) => top > 2.25 * VIEWPORT.height);
      assert.ok(far.length >= 5, 'the chapter has widgets well below the reach');
      const started = [];
      for (const { id, top } of far) {
        if ((await shadowContent(page, id)).canvases > 0) started.push(`${id} at ${top} px`);
      }
      assert.deepEqual(started, [], 'started though beyond one screen below the viewport');
    },
  );

  testOnPage(
    'a change to a widget off screen waits until it is scrolled into view',
    () => open('examples/chapter.html'),
    async ({ page }) => {
      const id = 'likelihood-bernoulli';
      await page.evaluate((i) => document.getElementById(i).scrollIntoView(), id);
      await widgetReady(page, id);
      assert.equal((await widgetState(page, id)).z, -1);
      await page.evaluate(() => window.scrollTo(0, 0));
      const away = await page.evaluate(
        (i) => document.getElementById(i).getBoundingClientRect().top / window.innerHeight,
        id,
      );
      assert.ok(away > 8, `the widget is ${away.toFixed(1)} screens below`);
      await someFrames(page, 3); // the visibility change reaches the widget
      await page.evaluate((i) => {
        const widget = document.getElementById(i);
        const api = widget.lossplay;
        const propose = api.propose;
        window.proposed = 0;
        api.propose = (state, source) => {
          window.proposed += 1;
          return propose(state, source);
        };
        widget.dataset.ready = '';
        widget.setAttribute('z', '1.5');
      }, id);
      await someFrames(page, 30);
      assert.equal(await page.evaluate(() => window.proposed), 0, 'nothing applied off screen');
      assert.equal((await widgetState(page, id)).z, -1);
      assert.equal(await page.evaluate((i) => document.getElementById(i).dataset.ready, id), '');
      await page.evaluate((i) => document.getElementById(i).scrollIntoView(), id);
      await widgetReady(page, id);
      assert.equal(await page.evaluate(() => window.proposed), 1);
      assert.equal((await widgetState(page, id)).z, 1.5);
    },
  );

  testOnPage(
    'loading="eager" starts a widget far below the fold without scrolling',
    () => open('examples/chapter.html'),
    async ({ page }) => {
      const ids = await chapterIds(page);
      await widgetReady(page, ids[0]);
      await page.evaluate(() => {
        const widget = document.createElement('loss-playground');
        widget.id = 'eager';
        widget.setAttribute('panel', 'soft-targets');
        widget.setAttribute('t', '0.6');
        widget.setAttribute('hide', 'explanations');
        widget.setAttribute('loading', 'eager');
        document.querySelector('main').append(widget);
      });
      await widgetReady(page, 'eager');
      assert.equal(await page.evaluate(() => window.scrollY), 0, 'not scrolled');
      const away = await page.evaluate(
        () => document.getElementById('eager').getBoundingClientRect().top / window.innerHeight,
      );
      assert.ok(away > 8, `the widget is ${away.toFixed(1)} screens below`);
      assert.equal((await widgetState(page, 'eager')).t, 0.6);
      assert.ok((await shadowContent(page, 'eager')).canvases > 0);
      // Its lazy neighbour above it has not started.
      assert.equal((await shadowContent(page, ids.at(-1))).waiting, true);
    },
  );
});

testOnPage(
  'embed.html with panel given twice opens the first and says so',
  () => openPage(browser, `${server.url}embed.html?panel=regression&panel=binary`),
  async ({ page }) => {
    await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
    assert.match(page.url(), /\/regression\.html\?/);
    const notices = await page.$$eval('#notices .notice span', (n) => n.map((x) => x.textContent));
    assert.ok(
      notices.includes('The link sets panel more than once; the first value is used.'),
      notices.join(' | '),
    );
  },
);
