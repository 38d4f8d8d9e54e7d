// dist/lossplay-anywidget.mjs as a notebook runs it: anywidget imports the module and calls
// render({ model, el }) with a model that has get, set, save_changes, on and off. The model here
// keeps to that contract the way anywidget's does (set fires `change:<trait>` at once, and
// only when the value differs; save_changes sends the traits to Python, recorded here).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatNumber } from '../../web/shared/number_format.js';
import { grammarProblems } from '../sentence_grammar.mjs';
import { openPage } from './browser_harness.mjs';
import { animationFrames, useServerAndBrowser } from './page_helpers.mjs';

let server;
let browser;
useServerAndBrowser((env) => ({ server, browser } = env));

// A notebook's output area: two cells, each with its own model (more are added as needed).
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
      if (!document.getElementById(cell)) {
        document.body.append(Object.assign(document.createElement('div'), { id: cell }));
      }
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

/** The texts of the notices the widget in a cell shows. */
const noticesIn = (page, cell) =>
  page.evaluate(
    (id) =>
      [
        ...document
          .querySelector(`#${id} loss-playground`)
          .shadowRoot.querySelectorAll('#notices .notice span'),
      ].map((span) => span.textContent),
    cell,
  );
/** Sets a trait as Python would, without waiting: a value the widget does not use changes
 *  nothing to wait for. */
const setTrait = (page, cell, key, value) =>
  page.evaluate(([id, k, v]) => window.models[id].set(k, v), [cell, key, value]);

/** The value a notice offers as one the trait accepts ("such as [2, 0.5, -1]", "such as -2",
 *  "one of "blobs", …", "True or False"), as Python would send it. */
function offeredValue(notice) {
  const list = notice.match(/such as (\[[^\]]*\])/);
  if (list) return JSON.parse(list[1]);
  const number = notice.match(/such as (-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)/);
  if (number) return Number(number[1]);
  const word = notice.match(/takes one of "([^"]+)"/);
  if (word) return word[1];
  return /takes True or False/.test(notice) ? true : undefined;
}

/** The one notice about trait `key`; it names the trait, says what it takes, reads as
 *  English. */
function traitNotice(notices, key) {
  const about = notices.filter((text) => text.startsWith(`The trait ${key} was not applied: `));
  assert.equal(about.length, 1, `one notice about ${key} in ${JSON.stringify(notices)}`);
  assert.match(about[0], /It takes /);
  assert.deepEqual(grammarProblems(about[0]), [], about[0]);
  return about[0];
}

// Values a kernel can send that no trait of that kind can take: a number where a list goes
// (which threw "o.join is not a function"), a list holding None (which threw on toPrecision),
// nan, inf, a dict, a Bool for a number, a list or a number for a word, a nested list, and
// options of the wrong type.
const WRONG_TYPES = [
  { panel: 'multiclass', key: 'logits', value: 5 },
  { panel: 'next-token', key: 'logits1', value: 2 },
  { panel: 'landscape', key: 'view', value: [null, 1, 2, 3] },
  { panel: 'landscape', key: 'x', value: 3 },
  { panel: 'likelihood', key: 'data', value: { a: 1 } },
  { panel: 'binary', key: 'z', value: NaN },
  { panel: 'binary', key: 'axis', value: 1 },
  { panel: 'regression', key: 'outlier', value: -Infinity },
  { panel: 'soft-targets', key: 'rows', value: [0.2, [0.3], 0.5] },
  { panel: 'depth', key: 'depth', value: true },
  { panel: 'race', key: 'data', value: ['xor'] },
  { panel: 'your-model', key: 'binning', value: 2 },
  { panel: 'binary', key: 'theme', value: { dark: true } },
  { panel: 'binary', key: 'hide', value: [null] },
  { panel: 'binary', key: 'panel', value: 5 },
];

describe('trait values of the wrong type', () => {
  test('at the start: a notice names each trait and a value it takes; the rest starts as without it', async () => {
    const cells = {};
    for (const [i, { panel, key, value }] of WRONG_TYPES.entries()) {
      cells[`bad-${i}`] = { panel, loading: 'eager', hide: 'explanations', [key]: value };
      cells[`good-${i}`] = { panel, loading: 'eager', hide: 'explanations' };
    }
    const { page, context, problems } = await openNotebook(cells);
    for (const [i, { key }] of WRONG_TYPES.entries()) {
      const notice = traitNotice(await noticesIn(page, `bad-${i}`), key);
      assert.match(notice, /The widget starts from its default\.$/);
      assert.deepEqual(await widgetState(page, `bad-${i}`), await widgetState(page, `good-${i}`));
      // The value the notice offers is taken, and the notice goes.
      const offered = offeredValue(notice);
      assert.notEqual(offered, undefined, `an accepted value in: ${notice}`);
      await setFromPython(page, `bad-${i}`, key, offered);
      assert.deepEqual(await noticesIn(page, `bad-${i}`), [], `${key} = ${offered}`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('from Python while the widget runs: the last good state stays until a good value', async () => {
    const { page, context, problems } = await openNotebook({
      'cell-a': { panel: 'binary', z: -4, y: 1, hide: 'explanations', loading: 'eager' },
      'cell-b': { panel: 'multiclass', logits: [1, 2, 3], hide: 'explanations', loading: 'eager' },
    });
    for (const wrong of [NaN, { v: 1 }, [1, null], true]) {
      await setTrait(page, 'cell-a', 'z', wrong);
      assert.match(traitNotice(await noticesIn(page, 'cell-a'), 'z'), /keeps what it had\.$/);
      await animationFrames(page, 5);
      assert.equal((await widgetState(page, 'cell-a')).z, -4);
    }
    // Text is judged as an attribute is: refused with the widget's own notice about z.
    await setFromPython(page, 'cell-a', 'z', 'minus two');
    const refused = await noticesIn(page, 'cell-a');
    assert.equal(refused.length, 1);
    assert.match(refused[0], /\bz\b.*“minus two” is not a number/);
    assert.equal((await widgetState(page, 'cell-a')).z, -4);
    await setFromPython(page, 'cell-a', 'z', -1.5);
    assert.equal((await widgetState(page, 'cell-a')).z, -1.5);
    assert.deepEqual(await noticesIn(page, 'cell-a'), []);

    for (const wrong of [5, [null, 1, 2], [1, NaN, 2], { a: [1] }]) {
      await setTrait(page, 'cell-b', 'logits', wrong);
      traitNotice(await noticesIn(page, 'cell-b'), 'logits');
      await animationFrames(page, 5);
      assert.deepEqual((await widgetState(page, 'cell-b')).logits, [1, 2, 3]);
    }
    await setFromPython(page, 'cell-b', 'logits', [3, 2, 1]);
    assert.deepEqual((await widgetState(page, 'cell-b')).logits, [3, 2, 1]);
    assert.deepEqual(await noticesIn(page, 'cell-b'), []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("a reader's move writes a good value into a trait that had a wrong one, and its notice goes", async () => {
    const { page, context, problems } = await openNotebook({
      'cell-a': { panel: 'binary', z: -4, hide: 'explanations' },
    });
    await setTrait(page, 'cell-a', 'z', { v: 1 });
    traitNotice(await noticesIn(page, 'cell-a'), 'z');
    await inWidget(page, 'cell-a', '#z-field').fill('-3');
    await inWidget(page, 'cell-a', '#z-field').press('Enter');
    await page.waitForFunction(() => window.models['cell-a'].get('z') === -3, null, {
      timeout: 5000,
    });
    assert.deepEqual(await noticesIn(page, 'cell-a'), []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a new panel from Python keeps only the notices about its own traits', async () => {
    const { page, context, problems } = await openNotebook({
      'cell-a': { panel: 'multiclass', logits: 5, hide: 'explanations' },
    });
    traitNotice(await noticesIn(page, 'cell-a'), 'logits');
    await setFromPython(page, 'cell-a', 'panel', 'regression');
    assert.deepEqual(await noticesIn(page, 'cell-a'), [], 'regression has no logits');
    await setFromPython(page, 'cell-a', 'panel', 'multiclass');
    traitNotice(await noticesIn(page, 'cell-a'), 'logits');
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('the notebook as a guest', () => {
  for (const [panel, play] of [
    ['race', '#race-play'],
    ['depth', '#depth-play'],
  ]) {
    test(`the cleanup while the ${panel} plays raises nothing`, async () => {
      const { page, context, problems } = await openNotebook({
        'cell-a': { panel, hide: 'explanations' },
      });
      await inWidget(page, 'cell-a', play).click();
      await animationFrames(page, 3);
      assert.equal(
        await page.evaluate(() =>
          document.querySelector('#cell-a loss-playground').lossplay.isPlaying(),
        ),
        true,
      );
      await page.evaluate(() => window.cleanups['cell-a']());
      await animationFrames(page, 10);
      assert.equal(await page.locator('#cell-a loss-playground').count(), 0);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  // The notebook module has no script file beside which the real data sets could travel.
  test('the race with data = "digits" says, visibly, that the data set is not there', async () => {
    const { page, context, problems } = await openNotebook({
      'cell-a': { panel: 'race', data: 'digits', hide: 'explanations', loading: 'eager' },
      'cell-b': { panel: 'race', data: 'xor', hide: 'explanations', loading: 'eager' },
    });
    /** Waits until the widget shows, where the reader sees it, a message naming `word`. */
    const shownAbout = (cell, word) =>
      page.waitForFunction(
        ([id, w]) =>
          [
            ...document
              .querySelector(`#${id} loss-playground`)
              .shadowRoot.querySelectorAll('#notices .notice, [role="alert"]'),
          ].some((element) => element.checkVisibility() && element.textContent.includes(w)),
        [cell, word],
        { timeout: 5000 },
      );
    await animationFrames(page, 5);
    await shownAbout('cell-a', 'digits');
    assert.equal((await widgetState(page, 'cell-a')).data, 'blobs');
    await setTrait(page, 'cell-b', 'data', 'breast-cancer');
    await shownAbout('cell-b', 'breast-cancer');
    await animationFrames(page, 5);
    assert.equal((await widgetState(page, 'cell-b')).data, 'xor', 'the last good data set');
    assert.deepEqual(problems, []);
    await context.close();
  });
});
