// The next-token lab in headless Chromium: read-outs and notes agree with closed forms computed
// here (softmax and log-sum-exp in plain JS, never the page's core), the chips and fields
// change the state, bad logits get a message and keep the last good state, links round-trip
// the state (writing only the predictions that differ from the defaults), every scene opens
// by its URL, and a question is judged and shows its state.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { screenshot } from './browser_harness.mjs';
import { assertShows } from './reference.mjs';
import * as ui from './page_helpers.mjs';
import { SCENES } from '../../web/panels/next-token/scenes.js';

const lab = ui.pageSuite('next-token.html');

// The sentence "the cat sat on the mat" over the vocabulary the, cat, dog, sat, on, mat, rug:
// the index of the word that really comes after each of the first five words.
const TARGETS = [1, 3, 4, 0, 5];
const WORDS = ['cat', 'sat', 'on', 'the', 'mat'];
const V = 7;

// ---- closed forms: −ln p = lse(z) − z_t, perplexity = e^(mean) ----------------------------

function logSumExp(row) {
  const m = Math.max(...row);
  return m + Math.log(row.reduce((sum, z) => sum + Math.exp(z - m), 0));
}

function expectedFor(state) {
  const losses = state.logits.map((row, n) => logSumExp(row) - row[TARGETS[n]]);
  const mean = losses.reduce((a, b) => a + b, 0) / losses.length;
  const chosen = state.logits[state.position];
  const lse = logSumExp(chosen);
  const probs = chosen.map((z) => Math.exp(z - lse));
  const others = losses.filter((_, n) => n !== state.position);
  const meanWithout = others.reduce((a, b) => a + b, 0) / others.length;
  return {
    losses,
    mean,
    perplexity: Math.exp(mean),
    probs,
    gradient: probs.map((p, i) => p - (i === TARGETS[state.position] ? 1 : 0)),
    loss: losses[state.position],
    p: probs[TARGETS[state.position]],
    contribution: losses[state.position] / losses.length,
    perplexityWithout: Math.exp(meanWithout),
    factor: Math.exp(mean - meanWithout),
  };
}

/** Every read-out and the note under the loss chart against the closed forms. */
async function assertReadouts(page) {
  const state = await ui.getState(page);
  const out = expectedFor(state);
  assertShows(await page.textContent('#nt-out-loss'), out.loss, 'loss at the chosen word');
  assertShows(await page.textContent('#nt-out-p'), out.p, 'p of the right word');
  assertShows(await page.textContent('#nt-out-mean'), out.mean, 'mean loss');
  assertShows(await page.textContent('#nt-out-perplexity'), out.perplexity, 'perplexity');
  assert.match(await page.textContent('#nt-out-loss-label'), new RegExp(WORDS[state.position]));
  const note = await page.textContent('#nt-loss-note');
  const number = '([−\\d.]+(?: × 10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)?)';
  const [, loss, adds, mean, without, withIt, factor] = note.match(
    new RegExp(
      `costs −ln p = ${number}: this one word adds ${number} to the mean loss of ${number}\\. ` +
        `Perplexity goes from ${number} without it to ${number} with it \\(× ${number}\\)`,
    ),
  );
  assertShows(loss, out.loss, 'note: loss');
  assertShows(adds, out.contribution, 'note: share of the mean');
  assertShows(mean, out.mean, 'note: mean');
  assertShows(without, out.perplexityWithout, 'note: perplexity without');
  assertShows(withIt, out.perplexity, 'note: perplexity');
  assertShows(factor, out.factor, 'note: factor');
  const pressed = await page.$$eval('#nt-tokens button', (chips) =>
    chips.map((chip) => chip.getAttribute('aria-pressed')),
  );
  assert.deepEqual(
    pressed,
    WORDS.map((_, n) => String(n === state.position)),
  );
  return { state, out };
}

/** The query a link to this state carries (position counts from 1; rows as logitsN). */
const queryOf = (state, rows) =>
  `?position=${state.position + 1}${rows.map((n) => `&logits${n + 1}=${state.logits[n].join(',')}`).join('')}`;

describe('next-token lab', () => {
  lab.test(
    'defaults: five predictions, the right word a moderate favourite, values as closed forms',
    async ({ page }) => {
      const { state, out } = await assertReadouts(page);
      assert.equal(state.position, 0);
      assert.equal(state.logits.length, 5);
      for (const row of state.logits) assert.equal(row.length, V);
      // Every right word leads its row, none is near certain.
      for (const [n, row] of state.logits.entries()) {
        assert.equal(row.indexOf(Math.max(...row)), TARGETS[n], `prediction ${n + 1}`);
      }
      assert.ok(out.p > 0.3 && out.p < 0.9, `p = ${out.p}`);
      // The gradient table: softmax minus one-hot, row by row.
      const cells = await page.$$eval('#nt-gradient-rows tr', (rows) =>
        rows.map((row) => [...row.children].map((cell) => cell.textContent)),
      );
      assert.equal(cells.length, V);
      cells.forEach((row, i) => {
        assertShows(row[2], out.probs[i], `p of word ${i}`);
        assertShows(row[3], out.gradient[i], `gradient of word ${i}`);
      });
      assert.match(cells[1][0], /cat \(next\)/);
      await ui.assertNoBadNumbers(page);
      await screenshot(page, 'next-token-default');
    },
  );

  lab.test('chips choose the prediction; fields and sliders set its logits', async ({ page }) => {
    await page.click('#nt-token-4');
    assert.equal((await assertReadouts(page)).state.position, 4);
    assert.match(await page.textContent('#nt-context'), /the cat sat on the.*mat/);
    await ui.typeInto(page, '#nt-logit-6', '8'); // "rug" after "on the": confidently wrong
    const { state, out } = await assertReadouts(page);
    assert.equal(state.logits[4][6], 8);
    assert.ok(out.contribution > 0.5 * out.mean, 'one wrong word dominates the mean');
    await page.focus('#nt-logit-slider-5');
    await page.keyboard.press('ArrowRight');
    assert.equal((await assertReadouts(page)).state.logits[4][5], 2.1);
    await page.click('#nt-token-1');
    assert.equal((await assertReadouts(page)).state.position, 1);
    assert.equal(await page.inputValue('#nt-logit-3'), '2.5'); // the rows follow the chip
    await screenshot(page, 'next-token-edited');
  });

  lab.test('bad logit input gets a message and keeps the last good state', async ({ page }) => {
    const before = await ui.getState(page);
    for (const [text, pattern] of [
      ['abc', /is not a number/],
      ['1e400', /too large/],
      ['150', /logit of “the” must be between -100 and 100 \(got 150\), such as 2/],
      ['', /Enter a number/],
    ]) {
      await ui.typeInto(page, '#nt-logit-0', text);
      assert.match(await page.textContent('#nt-row-0-error'), pattern, `"${text}"`);
      assert.equal(await page.getAttribute('#nt-logit-0', 'aria-invalid'), 'true');
      assert.deepEqual(await ui.getState(page), before);
      await assertReadouts(page);
    }
    await ui.typeInto(page, '#nt-logit-0', '-100');
    assert.equal(await page.isHidden('#nt-row-0-error'), true, 'the next good input clears it');
    assert.equal((await assertReadouts(page)).state.logits[0][0], -100);
    await ui.assertNoBadNumbers(page);
  });

  test('the URL round-trips the state and writes only the rows that changed', async () => {
    const first = await lab.open();
    await first.page.click('#nt-token-2');
    await ui.typeInto(first.page, '#nt-logit-4', '-1.25');
    const written = await ui.settledQuery(first.page, 'logits3=');
    const query = new URLSearchParams(written);
    assert.equal(query.get('position'), '3');
    assert.deepEqual(
      [...query.keys()].sort(),
      ['logits3', 'position'],
      'unchanged predictions are not written',
    );
    const restored = await lab.open(written);
    assert.deepEqual(await ui.getState(restored.page), await ui.getState(first.page));
    await assertReadouts(restored.page);
    assert.deepEqual(await ui.noticeTexts(restored.page), []);

    const bad = await lab.open('?position=9&logits2=1,2&logits4=0,0,0,0,0,0,500&size=3');
    const { state } = await assertReadouts(bad.page);
    assert.equal(state.position, 0);
    assert.deepEqual(state.logits, SCENES[0].state.logits, 'the refused rows keep their defaults');
    const notices = await ui.noticeTexts(bad.page);
    assert.equal(notices.length, 4, notices.join(' | '));
    assert.ok(
      notices.some((n) => /List 7 logits/.test(n)),
      notices.join(' | '),
    );
    assert.ok(
      notices.some((n) => /between -100 and 100/.test(n)),
      notices.join(' | '),
    );
    for (const opened of [first, restored, bad]) {
      assert.deepEqual(opened.problems, []);
      await opened.context.close();
    }
  });

  test('each scene opens by its URL and shows what its title says', async () => {
    const defaults = expectedFor({ position: 0, logits: SCENES[0].state.logits });
    for (const scene of SCENES) {
      const rows = scene.state.logits
        .map((row, n) => (row.join() === SCENES[0].state.logits[n].join() ? -1 : n))
        .filter((n) => n >= 0);
      const { page, context, problems } = await lab.open(`${queryOf(scene.state, rows)}`);
      const { state, out } = await assertReadouts(page);
      assert.deepEqual(state, scene.state, scene.id);
      if (scene.id === 'knows-nothing') {
        assertShows(await page.textContent('#nt-out-perplexity'), V, 'perplexity = V');
      }
      if (scene.id === 'nearly-perfect') assert.ok(out.perplexity < 1.01);
      if (scene.id === 'confidently-wrong') {
        assert.ok(out.contribution > 0.75 * out.mean, 'the wrong word is most of the mean');
        assert.ok(out.perplexity > 2.5 * defaults.perplexity, 'perplexity multiplied');
      }
      await screenshot(page, `next-token-scene-${scene.id}`);
      assert.deepEqual(problems, []);
      await context.close();
    }
  });

  lab.test('"confidently wrong" makes the scene; Reset this step undoes it', async ({ page }) => {
    await page.click('#nt-token-4');
    await page.click('#nt-wrong');
    const wrong = SCENES.find((scene) => scene.id === 'confidently-wrong').state;
    assert.deepEqual((await assertReadouts(page)).state, wrong);
    await page.click('#nt-reset-step');
    assert.deepEqual((await assertReadouts(page)).state.logits, SCENES[0].state.logits);
  });

  lab.test(
    'the explanations quote the core; a question is judged and shows its state',
    async ({ page }) => {
      const wrong = expectedFor(SCENES.find((scene) => scene.id === 'confidently-wrong').state);
      const live = (value) =>
        page.textContent(`.live[data-of-scene="confidently-wrong"][data-value="${value}"]`);
      assertShows(await live('chosenLoss'), wrong.loss, 'explanation: loss');
      assertShows(await live('chosenProbability'), wrong.p, 'explanation: p');
      assertShows(await live('contribution'), wrong.contribution, 'explanation: share');
      assertShows(await live('perplexityWithout'), wrong.perplexityWithout, 'explanation: without');
      assertShows(await live('perplexity'), wrong.perplexity, 'explanation: perplexity');
      assertShows(
        await page.textContent('.live[data-of-scene="knows-nothing"]'),
        V,
        'explanation: uniform perplexity',
      );
      assert.equal(
        await page.$$eval(
          '.explanations .live',
          (s) => s.filter((x) => x.textContent === '…').length,
        ),
        0,
      );

      const form = page.locator('form[data-question="uniform-perplexity"]');
      await form.locator('input[data-choice="vocab"]').check();
      await form.locator('button[data-check]').click();
      await page.waitForSelector(
        'form[data-question="uniform-perplexity"] [data-verdict][data-correct="true"]',
      );
      const why = await form.locator('[data-verdict]').textContent();
      assert.match(why, /perplexity, e to the mean loss, is 7:/);
      await page.waitForFunction(() =>
        window.lossplay
          .getState()
          .logits.flat()
          .every((z) => z === 0),
      );
      await assertReadouts(page);
      assertShows(
        await page.textContent('#nt-out-perplexity'),
        V,
        'the question set the uniform model',
      );
      assertShows(await page.textContent('#nt-ex-perplexity'), V, 'the explanation follows');
    },
  );

  lab.phoneDarkTest('next-token-phone-dark');
});
