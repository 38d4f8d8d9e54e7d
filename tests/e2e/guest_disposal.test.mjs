// A widget taken away while it works (web/embed/element.js): removed from the page, or given a
// new `panel`, while its race, deep network, landscape descent or logit sweep plays, before it
// has started, or a frame after Play. Each must go silently (no page error, no "could not
// update" notice), a switched widget must be ready again with its new panel, and nothing of the
// old one may keep running: every animation frame, timer and interval it asked for is cancelled
// or has fired, and a session of 100 such cycles over every panel leaves the JS heap (after
// garbage collection) holding none of their canvases and within 2 MB of where it began.
//
// The host is a bare page on the server's origin with the widget's script; an init script
// counts the frames, timers and intervals the page's own code asks for and has not yet seen
// run or cancelled (the test waits with the originals, uncounted).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launchBrowser, openPage, startServer } from './browser_harness.mjs';
import { installHeapAfterGc, liveCanvasContexts } from './widget_sessions.mjs';
import { PANEL_IDS } from '../../web/panels/registry.js';

const MB = 1024 * 1024;
const HOST = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title>
<script src="/lossplay-embed.js"></script></head><body><main></main></body></html>`;

/** An element only each panel's markup has, and its Play button (none: it does not play). */
const PANELS = {
  binary: { marker: '#z-slider', play: '#play' },
  'soft-targets': { marker: '#soft-t-slider', play: null },
  multiclass: { marker: '#mc-classes', play: null },
  'next-token': { marker: '#nt-tokens', play: null },
  regression: { marker: '#rg-outlier-on', play: null },
  likelihood: { marker: '#lk-location-label', play: null },
  landscape: { marker: '#ls-play', play: '#ls-play' },
  race: { marker: '#race-play', play: '#race-play' },
  depth: { marker: '#depth-play', play: '#depth-play' },
  'your-model': { marker: '#ym-data', play: null },
};

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

/** In the page, before its scripts: counts the frames, timers and intervals asked for and not
 *  yet run or cancelled, and keeps the originals for the test's own waits. */
function countPendingWork() {
  const pending = { frames: new Set(), timers: new Set(), intervals: new Set() };
  const raf = window.requestAnimationFrame.bind(window);
  const caf = window.cancelAnimationFrame.bind(window);
  const setTimer = window.setTimeout.bind(window);
  const clearTimer = window.clearTimeout.bind(window);
  const setRepeat = window.setInterval.bind(window);
  const clearRepeat = window.clearInterval.bind(window);
  window.pendingWork = () => ({
    frames: pending.frames.size,
    timers: pending.timers.size,
    intervals: pending.intervals.size,
  });
  window.testFrames = async (n) => {
    for (let i = 0; i < n; i += 1) await new Promise((resolve) => raf(resolve));
  };
  window.testDelay = (ms) => new Promise((resolve) => setTimer(resolve, ms));
  window.requestAnimationFrame = (callback) => {
    const id = raf((time) => {
      pending.frames.delete(id);
      callback(time);
    });
    pending.frames.add(id);
    return id;
  };
  window.cancelAnimationFrame = (id) => {
    pending.frames.delete(id);
    caf(id);
  };
  window.setTimeout = (callback, ms, ...args) => {
    const id = setTimer(() => {
      pending.timers.delete(id);
      if (typeof callback === 'function') callback(...args);
    }, ms);
    pending.timers.add(id);
    return id;
  };
  window.clearTimeout = (id) => {
    pending.timers.delete(id);
    clearTimer(id);
  };
  window.setInterval = (callback, ms, ...args) => {
    const id = setRepeat(callback, ms, ...args);
    pending.intervals.add(id);
    return id;
  };
  window.clearInterval = (id) => {
    pending.intervals.delete(id);
    clearRepeat(id);
  };
}

/** The bare host page, with the pending-work counter and the heap after GC installed. */
async function openHost() {
  const url = `${server.url}host.html`;
  const opened = await openPage(browser, `${server.url}favicon.svg`, {
    viewport: { width: 1024, height: 768 },
    initScript: countPendingWork,
  });
  await opened.page.route(url, (route) => route.fulfill({ body: HOST, contentType: 'text/html' }));
  await opened.page.goto(url);
  await opened.page.evaluate(installHeapAfterGc);
  return opened;
}

/**
 * In the page: runs each cycle {panel, wait, end, to, attributes}. A widget of `panel` is added
 * (with `attributes`) and, unless `wait` is 'start' (taken away while it starts), awaited
 * ready; a panel that plays is set playing and given `wait` frames; then it is removed (`end`
 * 'remove'), or switched to panel `to` ('switch'), awaited ready with that panel and removed.
 * Returns what went wrong, one line a cycle at most.
 */
async function runCycles([cycles, panels]) {
  const main = document.querySelector('main');
  // Polled with the test's own timer, so that nothing of the wait stays behind in the heap.
  const ready = (widget, what) =>
    new Promise((resolve, reject) => {
      const giveUp = performance.now() + 15000;
      const check = () => {
        if (widget.dataset.ready === 'true') resolve();
        else if (performance.now() > giveUp) reject(new Error(`${what} never became ready`));
        else window.testDelay(5).then(check);
      };
      check();
    });
  const noticeText = (widget) => widget.shadowRoot.querySelector('#notices')?.textContent ?? '';
  const problems = [];
  for (const [i, { panel, wait, end, to, attributes = {} }] of cycles.entries()) {
    const label = `cycle ${i} (${panel}, ${end}${end === 'switch' ? ` to ${to}` : ''}, ${wait})`;
    try {
      const widget = document.createElement('loss-playground');
      widget.setAttribute('panel', panel);
      widget.setAttribute('hide', 'explanations,questions');
      widget.setAttribute('loading', 'eager');
      for (const [name, value] of Object.entries(attributes)) widget.setAttribute(name, value);
      main.append(widget);
      let api = null;
      if (wait !== 'start') {
        await ready(widget, `${panel}`);
        api = widget.lossplay;
        const play = panels[panel].play;
        if (play) widget.shadowRoot.querySelector(play).click();
        await window.testFrames(wait);
      }
      if (end === 'switch') {
        widget.dataset.ready = '';
        widget.setAttribute('panel', to);
        await ready(widget, `the switch to ${to}`);
        const shadow = widget.shadowRoot;
        if (!shadow.querySelector(panels[to].marker)) problems.push(`${label}: not showing ${to}`);
        if (noticeText(widget).includes('could not')) {
          problems.push(`${label}: ${noticeText(widget)}`);
        }
      }
      widget.remove();
      if (api?.isPlaying?.()) problems.push(`${label}: still playing after removal`);
    } catch (error) {
      problems.push(`${label}: ${error.message}`);
      for (const left of main.querySelectorAll('loss-playground')) left.remove();
    }
  }
  return problems;
}

/** What the page still has pending a few frames and the settle delay after the last cycle. */
const pendingAfterwards = (page) =>
  page.evaluate(async () => {
    await window.testFrames(10);
    await window.testDelay(400);
    await window.testFrames(5);
    return window.pendingWork();
  });

const NOTHING_PENDING = { frames: 0, timers: 0, intervals: 0 };

describe('a widget taken away while it plays', () => {
  for (const panel of ['race', 'depth', 'landscape']) {
    test(`${panel}: removed while playing, silently, nothing left running`, async () => {
      const { page, context, problems } = await openHost();
      const cycles = [0, 1, 3].map((wait) => ({ panel, wait, end: 'remove' }));
      assert.deepEqual(await page.evaluate(runCycles, [cycles, PANELS]), []);
      assert.deepEqual(await pendingAfterwards(page), NOTHING_PENDING);
      assert.deepEqual(problems, []);
      await context.close();
    });

    test(`${panel}: a new panel while playing is ready with that panel`, async () => {
      const { page, context, problems } = await openHost();
      const cycles = [0, 2].map((wait) => ({ panel, wait, end: 'switch', to: 'regression' }));
      assert.deepEqual(await page.evaluate(runCycles, [cycles, PANELS]), []);
      assert.deepEqual(await pendingAfterwards(page), NOTHING_PENDING);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
});

// The playing panels come three times as often as the others; 17 is odd, so each panel is
// removed in one round and switched in the next (your-model comes twice to keep it odd: of the
// others it draws the most charts). Where a cycle ends (before the widget has started, or 0, 1
// or 3 frames after Play) turns more slowly.
const ORDER = [
  'race',
  'depth',
  'landscape',
  'binary',
  'soft-targets',
  'your-model',
  'race',
  'depth',
  'landscape',
  'multiclass',
  'next-token',
  'race',
  'depth',
  'landscape',
  'regression',
  'likelihood',
  'your-model',
];
const WAITS = ['start', 0, 1, 3];

test('every panel of the registry has its marker here and a place in the session', () => {
  assert.deepEqual(Object.keys(PANELS).sort(), [...PANEL_IDS].sort());
  assert.deepEqual([...new Set(ORDER)].sort(), [...PANEL_IDS].sort());
  assert.equal(ORDER.length % 2, 1, 'an odd number of cycles a round');
});

/** Cycles `from` to `from + count` of the session. A race taken away before it has started
 *  loads a real data set (an asynchronous step cut short). */
function sessionCycles(from, count) {
  return Array.from({ length: count }, (_, k) => {
    const i = from + k;
    const panel = ORDER[i % ORDER.length];
    const wait = WAITS[Math.floor(i / 2) % WAITS.length];
    const end = i % 2 === 0 ? 'remove' : 'switch';
    const to = ORDER[(i + 7) % ORDER.length] === panel ? 'binary' : ORDER[(i + 7) % ORDER.length];
    const attributes = panel === 'race' && wait === 'start' ? { data: 'breast-cancer' } : {};
    return { panel, wait, end, to, attributes };
  });
}

test('100 cycles of widgets removed or switched while they play leave the heap flat', async (t) => {
  const { page, context, problems } = await openHost();
  // Four rounds of every kind first: V8 goes on compiling and optimising the panels' code
  // (part of the JS heap) for the first hundred or so cycles; its growth then settles to a few
  // KB a cycle, and what is left after the warm-up is what a cycle leaves behind.
  const warmUp = sessionCycles(0, 4 * ORDER.length);
  assert.deepEqual(await page.evaluate(runCycles, [warmUp, PANELS]), []);
  // The canvases alive after the warm-up are the page's shared ones (the boundary plot's one
  // scratch canvas); a cycle must add none.
  const canvasesBefore = await liveCanvasContexts(page);
  const before = await page.evaluate(() => window.heapAfterGc());
  const cycles = sessionCycles(warmUp.length, 100);
  assert.deepEqual(await page.evaluate(runCycles, [cycles, PANELS]), []);
  assert.deepEqual(await pendingAfterwards(page), NOTHING_PENDING);
  const heapAfter = await page.evaluate(() => window.heapAfterGc());
  const growth = heapAfter - before;
  t.diagnostic(
    `heap after GC ${(before / MB).toFixed(2)} MB → ${(heapAfter / MB).toFixed(2)} MB, growth ${(growth / 1024).toFixed(0)} KB over 100 cycles`,
  );
  // What a cycle leaves behind shows exactly as canvases still alive (every panel draws on
  // some). The heap's size is the coarser check: after the warm-up V8 still adds compiled
  // code, 0.6 to 1.2 MB over these 100 cycles depending on the machine.
  assert.equal(await liveCanvasContexts(page), canvasesBefore, 'canvases of removed widgets');
  assert.ok(growth < 2 * MB, `the heap grew ${growth} bytes`);
  assert.deepEqual(problems, []);
  await context.close();
});
