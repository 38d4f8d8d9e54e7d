// The first screen a newcomer sees, in headless Chromium at 1280 × 800. On every lab's page,
// each abbreviation in the visible text of the top 900 pixels is spelled out where it is first
// used (its expansion beside it, so the reader learns both at once); the regression lab's lede
// names the checkbox that must be ticked before there is an outlier to move, by the label the
// page gives it; and the playground's gradient chart, the one its lede is about, starts above
// the fold.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PANELS } from '../../web/panels/registry.js';
import { pageSuite } from './page_helpers.mjs';

const site = pageSuite();
const VIEWPORT = { width: 1280, height: 800 };
const FIRST_SCREEN = 900; // the first screen, and a little of what the first scroll shows

// How far from an abbreviation its expansion may stand, within one clause, and still be read as
// its definition: "mean squared error (MSE)", "H(t), the entropy of the target", "the logit z,
// the model's raw score", "a raw score, its logit".
const BESIDE = 25;
const CLAUSE_END = '.;:!?';

// Each abbreviation as it is used, and what spells it out. The logit is a word, not an
// abbreviation, but just as new to a newcomer: it counts as explained when "raw score" stands
// beside it.
const TERMS = [
  { name: 'MSE', use: /\bMSE\b/, spelled: /mean squared error/i },
  { name: 'MAE', use: /\bMAE\b/, spelled: /mean absolute error/i },
  { name: 'BCE', use: /\bBCE\b/, spelled: /binary cross-entropy/i },
  { name: 'CE', use: /\bCE\b/, spelled: /cross-entropy/i },
  { name: 'KL', use: /\bKL\b/, spelled: /Kullback[–-]Leibler/i },
  { name: 'H(t)', use: /\bH\(t\)/, spelled: /entropy/i },
  { name: 'NLL', use: /\bNLL\b/, spelled: /negative log-likelihood/i },
  { name: 'logit', use: /\blogits?\b/i, spelled: /raw score/i },
];

/**
 * In the page: the text a reader sees in the top `limit` pixels, in document order, with a
 * space between blocks but none inside a line ("H(<var>t</var>)" reads "H(t)"). Text that
 * takes no room (`hidden`), is folded away in a closed disclosure, is not painted (visibility)
 * or sits in a box clipped to a pixel for screen readers is left out; so is what a canvas
 * draws.
 */
function visibleTextAbove(limit) {
  // Chromium still lays out what a closed <details> hides, so its boxes cannot tell.
  const clippedAway = (element) => {
    for (let e = element, child = null; e && e !== document.body; child = e, e = e.parentElement) {
      if (e instanceof HTMLDetailsElement && !e.open && child?.tagName !== 'SUMMARY') return true;
      const box = e.getBoundingClientRect();
      if (getComputedStyle(e).overflow === 'hidden' && (box.width <= 1 || box.height <= 1)) {
        return true;
      }
    }
    return false;
  };
  const INLINE = new Set(['inline', 'contents', 'math']);
  const blockOf = (element) => {
    let e = element;
    while (e.parentElement && INLINE.has(getComputedStyle(e).display)) e = e.parentElement;
    return e;
  };
  let text = '';
  let block = null;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!node.textContent.trim() || !parent) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const boxes = [...range.getClientRects()].filter((box) => box.width > 0 && box.height > 0);
    if (boxes.length === 0 || boxes[0].top >= limit) continue;
    if (getComputedStyle(parent).visibility !== 'visible' || clippedAway(parent)) continue;
    if (blockOf(parent) !== block) text += ' ';
    block = blockOf(parent);
    text += node.textContent;
  }
  return text.replace(/\s+/g, ' ').trim();
}

/** Whether `spelled` ends just before `at`, or starts just after `end`, in the same clause. */
function spelledBeside(text, spelled, at, end) {
  const gap = `[^${CLAUSE_END}]{0,${BESIDE}}`;
  return (
    new RegExp(`(${spelled.source})${gap}$`, spelled.flags).test(text.slice(0, at)) ||
    new RegExp(`^${gap}(${spelled.source})`, spelled.flags).test(text.slice(end))
  );
}

/** The abbreviations used in `text` whose first use has no expansion beside it, each with the
 *  text around that use. */
function unexplainedTerms(text) {
  const problems = [];
  for (const { name, use, spelled } of TERMS) {
    const first = use.exec(text);
    if (!first) continue;
    const end = first.index + first[0].length;
    if (!spelledBeside(text, spelled, first.index, end)) {
      problems.push({ name, around: text.slice(Math.max(0, first.index - 60), end + 60) });
    }
  }
  return problems;
}

const namesOf = (problems) => problems.map((problem) => problem.name);

test('the checker finds an abbreviation used before it is spelled out', () => {
  const problems = (text) => namesOf(unexplainedTerms(text));
  // Spelled out later, or earlier but in another clause, is too late or too far.
  assert.deepEqual(problems('Cross-entropy vs MSE. Drag it: mean squared error (MSE) vanishes.'), [
    'MSE',
  ]);
  assert.deepEqual(problems('Mean squared error. The MSE is small.'), ['MSE']);
  assert.deepEqual(problems('MSE (mean squared error) and MSE again'), []);
  assert.deepEqual(problems('binary cross-entropy (BCE) and BCE again'), []);
  assert.deepEqual(problems('Its floor is H(t), the entropy of the target.'), []);
  assert.deepEqual(problems('Drag the logit z, the model’s raw score.'), []);
  assert.deepEqual(problems('Set the logits. Each is a raw score.'), ['logit']);
  // BCE is not a use of CE, and CE needs its own expansion.
  assert.deepEqual(problems('BCE is one loss; the read-outs further on also show CE'), [
    'BCE',
    'CE',
  ]);
});

describe('every lab’s first screen spells out its abbreviations', () => {
  for (const panel of PANELS) {
    site.test(panel.page, { path: panel.page, viewport: VIEWPORT }, async ({ page }) => {
      const text = await page.evaluate(visibleTextAbove, FIRST_SCREEN);
      assert.ok(text.includes(panel.heading), `${panel.page}: the heading is on the first screen`);
      assert.deepEqual(unexplainedTerms(text), []);
    });
  }
});

site.test(
  'the regression lede says which checkbox to tick first, by its label',
  { path: 'regression.html', viewport: VIEWPORT },
  async ({ page }) => {
    const label = (await page.textContent('label:has(#rg-outlier-on)')).trim();
    assert.ok(label.length > 0, 'the outlier checkbox has a label');
    const lede = (await page.textContent('.lede')).replace(/\s+/g, ' ');
    assert.ok(lede.includes(`“${label}”`), `the lede names “${label}”: ${lede}`);
  },
);

site.test(
  'the playground’s gradient chart starts above the fold at 1280 × 800',
  { path: 'index.html', viewport: VIEWPORT },
  async ({ page }) => {
    const top = await page.$eval('#gradient-chart', (canvas) => canvas.getBoundingClientRect().top);
    assert.equal(await page.evaluate(() => window.scrollY), 0);
    assert.ok(top < VIEWPORT.height, `the gradient chart starts at ${top} px`);
  },
);
