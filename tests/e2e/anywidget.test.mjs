// dist/lossplay-anywidget.mjs as a notebook runs it: anywidget imports the module and calls
// render({ model, el }) with a model that has get, set, save_changes, on and off. The model here
// keeps to that contract the way anywidget's does (set fires `change:<trait>` at once, and
// only when the value differs; save_changes sends the traits to Python, recorded here).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatNumber } from '../../web/shared/number_format.js';
import { openPage } from './browser_harness.mjs';
import { useServerAndBrowser } from './page_helpers.mjs';

let server;
let browser;
useServerAndBrowser((env) => ({ server, browser } = env));

// A notebook's output area: two cells, each with its own model.
const NOTEBOOK = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>notebook</title></head>
<body><div id="cell-a"></div><div id="cell-b"></div></body></html>`;

/** Opens the notebook page and renders one widget per cell with these traits. */
async function openNotebook(cells) {
  const url = `${server.url}notebook.html`;
  // Opened on a file the server has, then the notebook page is answered on the same origin.
  const opened = await openPage(browser, `${server.url}favicon.svg`);
  await opened.page.route(url, (route) =>
    route.fulfill({ body: NOTEBOOK, contentType: 'text/html' }),
  );
  await opened.page.goto(url);
  await opened.page.evaluate(async (traitsByCell) => {
    const { default: widget } = await import('/lossplay-anywidget.mjs');
    window.models = {};
    window.cleanups = {};
    for (const [cell, traits] of Object.entries(traitsByCell)) {
      const values = { ...traits };
      const listeners = new Map();
      const model = {
        get: (key) => values[key],
        set(key, value) {
          if (JSON.stringify(values[key]) === JSON.stringify(value)) return;
          values[key] = value;
          for (const handler of listeners.get(`change:${key}`) ?? []) handler();
        },
        save_changes() {
          model.saved.push(structuredClone(values));
        },
        on(name, handler) {
          if (!listeners.has(name)) listeners.set(name, new Set());
          listeners.get(name).add(handler);
        },
        off(name, handler) {
          listeners.get(name)?.delete(handler);
        },
        saved: [],
        listenerCount: () => [...listeners.values()].reduce((sum, set) => sum + set.size, 0),
      };
      window.models[cell] = model;
      window.cleanups[cell] = widget.render({ model, el: document.getElementById(cell) });
    }
  }, cells);
  await whenReady(opened.page, Object.keys(cells));
  return opened;
}

/** Waits until the widget in each cell has applied its latest attributes. */
const whenReady = (page, cells) =>
  page.waitForFunction(
    (ids) =>
      ids.every((id) => document.querySelector(`#${id} loss-playground`)?.dataset.ready === 'true'),
    cells,
    { timeout: 20000 },
  );

/** Sets a trait as Python would, and waits until the widget has applied it. */
async function setFromPython(page, cell, key, value) {
  await page.evaluate(
    ([id, k, v]) => {
      document.querySelector(`#${id} loss-playground`).dataset.ready = '';
      window.models[id].set(k, v);
    },
    [cell, key, value],
  );
  await whenReady(page, [cell]);
}

const widgetState = (page, cell) =>
  page.evaluate((id) => document.querySelector(`#${id} loss-playground`).lossplay.getState(), cell);
const inWidget = (page, cell, selector) =>
  page.locator(`#${cell} loss-playground`).locator(selector);
const trait = (page, cell, key) =>
  page.evaluate(([id, k]) => window.models[id].get(k), [cell, key]);

// Cross-entropy of a sigmoid output for label 1, from the logit: log(1 + e^(−z)).
const crossEntropy = (z) => Math.log1p(Math.exp(-z));

describe('the anywidget module', () => {
  test('two widgets start from their traits and follow Python, each its own', async () => {
    const { page, context, problems } = await openNotebook({
      'cell-a': { panel: 'binary', z: -4, y: 1, hide: 'explanations' },
      'cell-b': { panel: 'regression', outlier: '25', hide: 'explanations' },
    });
    assert.equal((await widgetState(page, 'cell-a')).z, -4);
    assert.equal((await widgetState(page, 'cell-b')).outlierTarget, 25);
    assert.equal(
      await inWidget(page, 'cell-a', '#out-ce').textContent(),
      formatNumber(crossEntropy(-4)),
    );

    await setFromPython(page, 'cell-a', 'z', -1.5);
    assert.equal((await widgetState(page, 'cell-a')).z, -1.5, 'updated in place');
    assert.equal(
      await inWidget(page, 'cell-a', '#out-ce').textContent(),
      formatNumber(crossEntropy(-1.5)),
    );
    assert.equal(
      (await widgetState(page, 'cell-b')).outlierTarget,
      25,
      'the other cell is left alone',
    );
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("the reader's moves are written back, each trait in its own type, and saved", async () => {
    const { page, context, problems } = await openNotebook({
      // axis: a Bool trait Python left at None; eps: a Float trait left at None, for a parameter
      // not in use (the plain CE); labels: a text trait (Unicode).
      'cell-a': {
        panel: 'binary',
        z: -4,
        y: 1,
        axis: null,
        eps: null,
        labels: 'hard',
        hide: 'explanations',
      },
      'cell-b': { panel: 'regression', outlier: '25', hide: 'explanations' },
    });
    await inWidget(page, 'cell-a', '#z-field').fill('-3');
    await inWidget(page, 'cell-a', '#z-field').press('Enter');
    await page.waitForFunction(() => window.models['cell-a'].get('z') === -3, null, {
      timeout: 5000,
    });
    const savedA = await page.evaluate(() => window.models['cell-a'].saved);
    assert.equal(savedA.at(-1).z, -3, 'save_changes sent the new value');
    assert.equal(await trait(page, 'cell-a', 'y'), 1, 'an unchanged trait stays a number');
    assert.equal(await trait(page, 'cell-a', 'axis'), false, 'None becomes the flag as a Bool');
    // Written back, eps would switch the clamped CE on the next time the traits are applied.
    assert.equal(await trait(page, 'cell-a', 'eps'), null, 'a parameter not in use stays None');
    assert.equal(await trait(page, 'cell-a', 'labels'), 'hard', 'a text trait gets the word');
    // Soft labels chosen in the widget: the flag's word reaches the text trait.
    await inWidget(page, 'cell-a', 'input[name="label-mode"][value="soft"]').check();
    await page.waitForFunction(() => window.models['cell-a'].get('labels') === 'soft', null, {
      timeout: 5000,
    });
    assert.equal(await trait(page, 'cell-b', 'outlier'), '25', 'the other model is untouched');

    await inWidget(page, 'cell-b', '#rg-outlier-target').fill('40');
    await inWidget(page, 'cell-b', '#rg-outlier-target').press('Enter');
    await page.waitForFunction(() => window.models['cell-b'].get('outlier') === '40', null, {
      timeout: 5000,
    });
    // The write-back does not come back as an attribute that resets the reader's next move.
    assert.equal((await widgetState(page, 'cell-b')).outlierTarget, 40);
    assert.equal(await trait(page, 'cell-a', 'z'), -3);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("a new panel from Python rebuilds the widget with only that panel's traits", async () => {
    const { page, context, problems } = await openNotebook({
      'cell-a': { panel: 'binary', z: -4, outlier: 30, hide: 'explanations' },
    });
    assert.equal(await inWidget(page, 'cell-a', '#notices .notice').count(), 0);
    await setFromPython(page, 'cell-a', 'panel', 'regression');
    assert.equal((await widgetState(page, 'cell-a')).outlierTarget, 30);
    assert.equal(await inWidget(page, 'cell-a', '#z-slider').count(), 0, 'the old panel is gone');
    assert.equal(
      await inWidget(page, 'cell-a', '#notices .notice').count(),
      0,
      'z is not passed to a panel that has no z',
    );
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the cleanup removes the widget and every model listener', async () => {
    const { page, context, problems } = await openNotebook({
      'cell-a': { panel: 'binary', z: -4, hide: 'explanations' },
      'cell-b': { panel: 'binary', z: 2, hide: 'explanations' },
    });
    const before = await page.evaluate(() => window.models['cell-a'].listenerCount());
    assert.ok(before > 0);
    const after = await page.evaluate(() => {
      window.cleanups['cell-a']();
      window.models['cell-a'].set('z', 1); // a late change from Python reaches nothing
      return {
        listeners: window.models['cell-a'].listenerCount(),
        widgets: document.querySelectorAll('#cell-a loss-playground').length,
      };
    });
    assert.deepEqual(after, { listeners: 0, widgets: 0 });
    await setFromPython(page, 'cell-b', 'z', 1);
    assert.equal((await widgetState(page, 'cell-b')).z, 1, 'the other widget still works');
    assert.deepEqual(problems, []);
    await context.close();
  });
});
