// The explanations in headless Chromium: every live number equals the core's value for the
// state it describes (recomputed here, through the core, with this test's own reading of
// the markup), every "Show me" button sets the playground state it names, and no formula is
// left as raw TeX.
import assert from 'node:assert/strict';
import { corePromise } from '../js/load_core.mjs';
import { formatNumber } from '../../web/shared/number_format.js';
import { screenshot } from './browser_harness.mjs';
import { pageSuite } from './page_helpers.mjs';

const site = pageSuite();
const core = await corePromise;

/** Steps of z ← z − rate·dL/dz (y = 1) until z ≥ to, with the textbook sigmoid. */
function descentSteps(z0, loss, rate, to) {
  let z = z0;
  let steps = 0;
  while (z < to) {
    const p = 1 / (1 + Math.exp(-z));
    z -= rate * (loss === 'ce' ? p - 1 : 2 * (p - 1) * p * (1 - p));
    steps += 1;
  }
  return steps;
}

/** The value a live span should show, computed independently of web/live_numbers.js. */
function expectedValue(data) {
  const z = Number(data.z);
  const y = Number(data.y);
  switch (`${data.of}/${data.value}`) {
    case 'binary/p':
      return core.sigmoid(z);
    case 'binary/ce':
      return core.binaryPoint(z, y).ce;
    case 'binary/mse':
      return core.binaryPoint(z, y).mse;
    case 'binary/dce':
      return Math.abs(core.binaryPoint(z, y).dceDz);
    case 'binary/dmse':
      return Math.abs(core.binaryPoint(z, y).dmseDz);
    case 'binary/ratio':
      return core.binaryPoint(z, y).ratio;
    case 'clamped/ce':
      return core.clampedBinaryPoint(z, y, Number(data.eps)).ce;
    case 'clamped/dce':
      return Math.abs(core.clampedBinaryPoint(z, y, Number(data.eps)).dceDz);
    case 'logit/value':
      return core.logit(Number(data.p));
    case 'descent/steps':
      return descentSteps(Number(data.z), data.loss, Number(data.rate), Number(data.to));
    default: {
      const logits = data.logits.split(',').map(Number);
      const index = Number(data.class);
      const probs = core.softmax(logits);
      const probsTwice = core.softmax(probs);
      const floor = core.softmax(logits.map((_, i) => (i === index ? 1 : 0)));
      return {
        'twice/p': probs[index],
        'twice/ce': -Math.log(probs[index]),
        'twice/pTwice': probsTwice[index],
        'twice/ceTwice': -Math.log(probsTwice[index]),
        'twice/ceTwiceFloor': -Math.log(floor[index]),
      }[`${data.of}/${data.value}`];
    }
  }
}

site.test(
  'every live number in the prose is the core value for the state it names',
  { ready: false },
  async ({ page }) => {
    // The descent counts are made once they come near the screen (live_numbers.js).
    await page.locator('.live[data-of="descent"]').first().scrollIntoViewIfNeeded();
    await page.waitForSelector('.explanations[data-live-numbers="filled"]');
    const spans = await page.$$eval('.explanations .live', (nodes) =>
      nodes.map((node) => ({ data: { ...node.dataset }, text: node.textContent })),
    );
    assert.ok(spans.length >= 70, `found ${spans.length} live numbers`);
    const kinds = new Set();
    for (const { data, text } of spans) {
      const expected = expectedValue(data);
      assert.equal(typeof expected, 'number', `a reference for ${JSON.stringify(data)}`);
      // −ln of a probability agrees with the core's log-sum-exp to the digits shown.
      assert.equal(text, formatNumber(expected), JSON.stringify(data));
      kinds.add(`${data.of}/${data.value}`);
    }
    assert.ok(kinds.size >= 14, `kinds of live numbers: ${[...kinds].join(', ')}`);
    // The two facts the stability section rests on.
    const clampedCe = spans.find((s) => s.data.of === 'clamped' && s.data.value === 'ce');
    assert.equal(clampedCe.text, formatNumber(12 * Math.LN10)); // −ln 1e−12
    // The gradient ratio at z = −10 is 1 + cosh 10 = 11014.23…: every whole digit shows, never
    // a four-significant-digit "11010".
    const ratioAt10 = spans.find(
      (s) => s.data.of === 'binary' && s.data.value === 'ratio' && s.data.z === '-10',
    );
    assert.equal(ratioAt10.text, '11014');
  },
);

site.test(
  'every "Show me" button sets the state it names and brings its chart into view',
  { ready: false, viewport: { width: 390, height: 844 } },
  async ({ page }) => {
    await page.waitForSelector('body[data-ready="true"]');
    const buttons = await page.$$('.explanations .show-me');
    assert.ok(buttons.length >= 7, `found ${buttons.length} buttons`);
    const seen = new Set();
    for (const button of buttons) {
      const label = await button.textContent();
      // The label is this test's only source for the state: "Show me: z = −8, y = 1".
      const match = label.replace(/\u2212/g, '-').match(/^Show me: z = (-?[\d.]+), y = ([\d.]+)$/);
      assert.ok(match, `label “${label}”`);
      const [z, y] = [Number(match[1]), Number(match[2])];
      seen.add(z);
      await button.click();
      const state = await page.evaluate(() => window.lossplay.getState());
      assert.equal(state.z, z, label);
      assert.equal(state.y, y, label);
      const point = core.binaryPoint(z, y);
      assert.equal(await page.textContent('#out-ce'), formatNumber(point.ce), label);
      assert.equal(await page.inputValue('#z-field'), String(z), label);
      // The chart it talks about ends up on screen, not hidden under the stuck control strip.
      await page.waitForFunction((shown) => {
        const scene = window.lossplay.scenes.find((one) => `Show me: ${one.label}` === shown);
        const card = document.getElementById(scene.shows).closest('section');
        const strip = document.querySelector('.strip').getBoundingClientRect();
        const box = card.getBoundingClientRect();
        return box.top >= strip.bottom - 1 && box.top < window.innerHeight / 2;
      }, label);
      // As a reader would, the next click waits until the smooth scroll has come to rest: a
      // click during it scrolls the next button into view under the running animation. At rest
      // is counted in frames, not ms: a smooth scroll moves on every frame, however late.
      await page.evaluate(
        () =>
          new Promise((resolve) => {
            let last = NaN;
            let still = 0;
            const frame = () => {
              still = window.scrollY === last ? still + 1 : 0;
              last = window.scrollY;
              if (still >= 5) resolve();
              else requestAnimationFrame(frame);
            };
            frame();
          }),
      );
    }
    assert.ok(seen.has(-700) && seen.has(-8), 'the scenes include z = −8 and z = −700');
    await page.waitForFunction(() => window.location.search.startsWith('?z=-700&y=1'));
  },
);

site.test(
  'no formula is left as raw TeX, and the math is MathML before scripts run',
  { ready: false, javaScriptEnabled: false },
  async ({ page }) => {
    const text = await page.textContent('.explanations');
    assert.doesNotMatch(text, /\\[a-zA-Z]+|\$|<tex|\^\{|_\{/);
    assert.equal(await page.$$eval('tex', (nodes) => nodes.length), 0);
    const formulas = await page.$$eval('.explanations math', (nodes) => nodes.length);
    assert.ok(formulas >= 60, `found ${formulas} formulas`);
    // With scripts off, every formula still has a laid-out box of its own.
    const empty = await page.$$eval(
      '.explanations math',
      (nodes) => nodes.filter((node) => node.getBoundingClientRect().width === 0).length,
    );
    assert.equal(empty, 0);
  },
);

site.test(
  'the explanations read well on a phone in dark mode',
  { ready: false, viewport: { width: 360, height: 780 }, colorScheme: 'dark' },
  async ({ page }) => {
    await page.waitForSelector('body[data-ready="true"]');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    assert.equal(overflow, 0, 'tables and formulas scroll inside their own boxes');
    await page.locator('#derivation-title').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-output/screenshots/explanations-phone-dark.png' });
    await screenshot(page, 'explanations-full-phone-dark');
  },
);
