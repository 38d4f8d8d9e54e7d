// The multi-class lab in headless Chromium: read-outs equal the core's values for the state,
// the mistake toggles switch to the mistaken computation, the class rows follow K, the
// stability table shows the naive overflow beside the core's result, links restore the view.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { screenshot } from './browser_harness.mjs';
import {
  assertShows as assertNumber,
  multiclassPoint,
  softmax,
  softmaxTwicePoint,
} from './reference.mjs';
import * as ui from './page_helpers.mjs';

const lab = ui.pageSuite('multiclass.html');

/** The losses the page should show, from the closed forms of reference.mjs. */
function expectedFor(state) {
  const target = state.targetProbs ?? state.targetClass;
  if (state.mistake === 'twice') return softmaxTwicePoint(state.logits, target);
  if (state.mistake === 'probs') return multiclassPoint(softmax(state.logits), target);
  return multiclassPoint(state.logits, target);
}

async function assertReadouts(page) {
  const state = await ui.getState(page);
  const out = expectedFor(state);
  assertNumber(await page.textContent('#mc-out-ce'), out.ce, 'CE');
  assertNumber(await page.textContent('#mc-out-mse'), out.mse, 'MSE');
  if (state.targetProbs === null) {
    assertNumber(await page.textContent('#mc-out-ptrue'), out.probs[state.targetClass], 'p(true)');
  }
  assert.equal(
    await page.$$eval('#mc-classes .class-row', (rows) => rows.length),
    state.logits.length,
  );
  return { state, out };
}

describe('multi-class lab', () => {
  lab.test('defaults: three classes, cat true, values from the core', async ({ page }) => {
    const { state } = await assertReadouts(page);
    assert.deepEqual(state.logits, [2, 0.5, -1]);
    assert.deepEqual(state.names, ['cat', 'dog', 'bird']);
    assert.equal(await page.isHidden('#mc-comparison'), true);
    // Stability table: the naive softmax of [1000, 0, -1000] is NaN (not a number) for the first class.
    const cells = await page.$$eval('#mc-demo-rows tr', (rows) =>
      rows.map((row) => [...row.children].map((cell) => cell.textContent)),
    );
    assert.deepEqual(cells[0].slice(0, 3), ['class 1', '1000', 'not a number (∞ ÷ ∞)']);
    assertNumber(cells[0][3], 1, 'stable softmax of the largest logit'); // e^−1000 ≈ 0 beside 1
    assert.equal(cells[0][4], '0');
    assertNumber(cells[2][4], 2000, 'CE of class 3'); // lse([1000, 0, −1000]) + 1000 = 2000
    assert.match(await page.textContent('#mc-demo-why'), /overflows: exp\(1000\) .* ∞ ÷ ∞/);
    await ui.assertNoBadNumbers(page, { except: ['not a number (∞ ÷ ∞)'] });
    await screenshot(page, 'multiclass-default');
  });

  lab.test('logits by field and keyboard, class names, the true class and K', async ({ page }) => {
    await ui.typeInto(page, '#mc-logit-1', '3.5');
    assert.deepEqual((await assertReadouts(page)).state.logits, [2, 3.5, -1]);
    await page.focus('#mc-logit-slider-2');
    await page.keyboard.press('ArrowRight');
    assert.deepEqual((await assertReadouts(page)).state.logits, [2, 3.5, -0.9]);
    await page.fill('#mc-name-2', 'owl');
    assert.deepEqual((await ui.getState(page)).names, ['cat', 'dog', 'owl']);
    await page.check('#mc-target-2');
    assert.equal((await assertReadouts(page)).state.targetClass, 2);
    assert.match(await page.textContent('#mc-out-ptrue-label'), /owl/);
    await page.selectOption('#mc-k', '5');
    const { state } = await assertReadouts(page);
    assert.deepEqual(state.logits, [2, 3.5, -0.9, 0, 0]);
    assert.deepEqual(state.names, ['cat', 'dog', 'owl', 'class 4', 'class 5']);
    await page.selectOption('#mc-k', '2');
    assert.deepEqual((await assertReadouts(page)).state.logits, [2, 3.5]);
  });

  lab.test('soft targets keep summing to 1 as one probability is edited', async ({ page }) => {
    await page.check('input[name="mc-target-mode"][value="soft"]');
    await ui.typeInto(page, '#mc-prob-0', '0.7');
    const { state } = await assertReadouts(page);
    assert.equal(state.targetProbs[0], 0.7);
    assert.ok(Math.abs(state.targetProbs.reduce((a, b) => a + b, 0) - 1) < 1e-12);
    assert.equal(await page.isHidden('#mc-out-ptrue-box'), true);
    await ui.typeInto(page, '#mc-prob-1', '0.2');
    await assertReadouts(page);
  });

  lab.test(
    'the mistake toggles switch to the mistaken computation and say what changed',
    async ({ page }) => {
      const correct = multiclassPoint([2, 0.5, -1], 0);
      for (const mistake of ['twice', 'probs']) {
        await page.check(`input[name="mc-mistake"][value="${mistake}"]`);
        const { state, out } = await assertReadouts(page);
        assert.equal(state.mistake, mistake);
        assert.ok(Math.abs(out.ce - correct.ce) > 1e-3 * correct.ce);
        const comparison = await page.textContent('#mc-comparison');
        const [, correctCe, seenCe] = comparison.match(
          /Computed correctly, CE is (\S+) and .*mistake they are (\S+) and/,
        );
        assertNumber(correctCe, correct.ce, 'CE computed correctly');
        assertNumber(seenCe, out.ce, 'CE with the mistake');
        await screenshot(page, `multiclass-mistake-${mistake}`);
      }
      // The squashed inputs cannot express confidence: the loss stays far above the correct one.
      const twice = softmaxTwicePoint([2, 0.5, -1], 0);
      assert.ok(twice.ce > 2 * correct.ce);
      await page.check('input[name="mc-mistake"][value="none"]');
      await assertReadouts(page);
      assert.equal(await page.isHidden('#mc-comparison'), true);
    },
  );

  lab.test(
    'the naive column says what happened: overflow, underflow or nothing',
    async ({ page }) => {
      const naiveColumn = () =>
        page.$$eval('#mc-demo-rows tr', (rows) => rows.map((row) => row.children[2].textContent));
      // e^−1000 and e^−1001 are below the smallest double: both terms and the sum are 0.
      await ui.typeInto(page, '#mc-demo', '-1000, -1001');
      assert.deepEqual(await naiveColumn(), ['not a number (0 ÷ 0)', 'not a number (0 ÷ 0)']);
      const underflow = await page.textContent('#mc-demo-why');
      assert.match(underflow, /underflows: even the largest term, exp\(−1000\), .* 0 ÷ 0/);
      assert.doesNotMatch(underflow, /overflow|∞/);
      // The stable softmax is σ(±1) for a gap of 1: 0.7311 and 0.2689.
      const stable = await page.$$eval('#mc-demo-rows tr', (rows) =>
        rows.map((row) => row.children[3].textContent),
      );
      assertNumber(stable[0], 1 / (1 + Math.exp(-1)), 'σ(1)');
      await ui.assertNoBadNumbers(page, { except: ['not a number (0 ÷ 0)'] });
      await ui.typeInto(page, '#mc-demo', '800, -800');
      assert.deepEqual(await naiveColumn(), ['not a number (∞ ÷ ∞)', '0']);
      assert.match(await page.textContent('#mc-demo-why'), /overflows: exp\(800\)/);
      await ui.typeInto(page, '#mc-demo', '5, 0');
      assert.match(await page.textContent('#mc-demo-why'), /works/);
    },
  );

  test('softmax twice: the tiny gradient on a dominant logit is shown, not 0', async () => {
    const ten = (first, rest) => [first, ...Array(9).fill(rest)].join(',');
    const { page, context, problems } = await lab.open(
      `?logits=${ten(40, 0)}&target=${ten(0.1, 0.1)}&mistake=twice`,
    );
    // mpmath, 60 digits: ∂CE/∂z_1 of CE(softmax(softmax(z)), t) by mp.diff is
    // 5.6065240810270875495e−18, the largest; every other logit gets −6.2294712011412083883e−19.
    const sentence = await page.textContent('#mc-comparison');
    const quoted = sentence.match(/they are (.+) and (.+)\.$/);
    assert.ok(quoted, sentence);
    assertNumber(quoted[2], 5.6065240810270875e-18, 'largest CE gradient with the mistake');
    const label = await page.getAttribute('#mc-grad-chart', 'aria-label');
    const first = label.match(/^CE gradients: cat (.+?), dog (.+?),/);
    assertNumber(first[1], 5.6065240810270875e-18, 'CE gradient on cat');
    assertNumber(first[2], -6.229471201141208e-19, 'CE gradient on dog');
    assert.deepEqual(problems, []);
    await context.close();
  });

  lab.test('bad input gets a message and keeps the last good state', async ({ page }) => {
    const before = await ui.getState(page);
    for (const [field, text, errorBox, pattern] of [
      ['#mc-logit-0', 'abc', '#mc-row-0-error', /is not a number/],
      ['#mc-logit-0', '1e400', '#mc-row-0-error', /too large/],
      ['#mc-logit-0', '1e200', '#mc-row-0-error', /between/],
      ['#mc-demo', '1', '#mc-demo-error', /List 2 to 10 logits/],
      ['#mc-demo', '1, x', '#mc-demo-error', /is not a number/],
    ]) {
      await ui.typeInto(page, field, text);
      assert.match(await page.textContent(errorBox), pattern, `${field} = "${text}"`);
      assert.deepEqual(await ui.getState(page), before);
    }
    await page.fill('#mc-name-0', '<img src=x onerror=alert(1)>');
    assert.match(await page.textContent('#mc-row-0-error'), /not a usable class name/);
    assert.deepEqual(await ui.getState(page), before);
    assert.equal(await page.$$eval('#mc-classes img', (nodes) => nodes.length), 0);
    await ui.typeInto(page, '#mc-demo', '5, 0');
    assert.deepEqual((await ui.getState(page)).demo, [5, 0]);
    await ui.assertNoBadNumbers(page);
  });

  test('links restore the view; malformed links are ignored with notices', async () => {
    const query =
      '?logits=1,-2,0.5,4&names=ant,bee,cow,doe&target=0.1,0.2,0.3,0.4&mistake=twice&demo=800,-800';
    const first = await lab.open(query);
    const { state } = await assertReadouts(first.page);
    assert.deepEqual(state, {
      logits: [1, -2, 0.5, 4],
      names: ['ant', 'bee', 'cow', 'doe'],
      targetClass: 0,
      targetProbs: [0.1, 0.2, 0.3, 0.4],
      mistake: 'twice',
      demo: [800, -800],
    });
    assert.deepEqual(await ui.noticeTexts(first.page), []);
    await screenshot(first.page, 'multiclass-from-link');

    const bad = await lab.open('?logits=1&names=a,b&target=7&mistake=oops&demo=x');
    const defaults = await assertReadouts(bad.page);
    assert.deepEqual(defaults.state.logits, [2, 0.5, -1]);
    const notices = await ui.noticeTexts(bad.page);
    assert.ok(notices.length >= 4, notices.join(' | '));
    assert.deepEqual([...first.problems, ...bad.problems], []);
    await first.context.close();
    await bad.context.close();

    const round = await lab.open();
    await ui.typeInto(round.page, '#mc-logit-0', '-3');
    const written = await ui.settledQuery(round.page, 'logits=-3');
    const restored = await lab.open(written);
    assert.deepEqual(await ui.getState(restored.page), await ui.getState(round.page));
    await round.context.close();
    await restored.context.close();
  });

  lab.phoneDarkTest('multiclass-phone-dark');
});
