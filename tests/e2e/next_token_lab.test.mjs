// The next-token lab in headless Chromium: read-outs and notes agree with closed forms computed
// here (softmax and each word's −ln p in plain JS, never the page's core), the chips and fields
// change the state, bad logits get a message and keep the last good state, links round-trip
// the state (writing only the predictions that differ from the defaults), every scene opens
// by its URL, and a question is judged and shows its state.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { screenshot } from './browser_harness.mjs';
import { assertShows } from './reference.mjs';
import * as ui from './page_helpers.mjs';
import { grammarProblems } from '../sentence_grammar.mjs';
import { SCENES } from '../../web/panels/next-token/scenes.js';

const lab = ui.pageSuite('next-token.html');

// The sentence "the cat sat on the mat" over the vocabulary the, cat, dog, sat, on, mat, rug:
// the index of the word that really comes after each of the first five words.
const TARGETS = [1, 3, 4, 0, 5];
const WORDS = ['cat', 'sat', 'on', 'the', 'mat'];
const V = 7;

// ---- closed forms: −ln p = ln(1 + Σ_{i≠t} e^(z_i − z_t)), perplexity = e^(mean) ------------

const NUMBER = '([−\\d.]+(?: × 10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)?)';
const sum = (values) => values.reduce((a, b) => a + b, 0);

// Shifted by the right word's logit: with logits in [−100, 100] no exponent passes 200, and
// log1p keeps a loss of 10⁻⁸⁷ that lse(z) − z_t would round to 0.
const wordLoss = (row, t) =>
  Math.log1p(sum(row.filter((_, i) => i !== t).map((z) => Math.exp(z - row[t]))));

function expectedFor(state) {
  const losses = state.logits.map((row, n) => wordLoss(row, TARGETS[n]));
  const mean = sum(losses) / losses.length;
  const target = TARGETS[state.position];
  const chosen = state.logits[state.position];
  const probs = chosen.map((z) => Math.exp(z - chosen[target] - losses[state.position]));
  const others = losses.filter((_, n) => n !== state.position);
  const meanWithout = sum(others) / others.length;
  const rest = sum(probs.filter((_, i) => i !== target)); // 1 − p, kept where p rounds to 1
  return {
    losses,
    mean,
    perplexity: Math.exp(mean),
    probs,
    gradient: probs.map((p, i) => (i === target ? -rest : p)),
    loss: losses[state.position],
    p: probs[target],
    contribution: losses[state.position] / losses.length,
    meanWithout,
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
  const [, loss, share, mean, others, way, change, without, withIt, factor] = note.match(
    new RegExp(
      `costs −ln p = ${NUMBER}: as one of 5 words, it makes up ${NUMBER} of the mean loss of ` +
        `${NUMBER}\\. The other 4 words average ${NUMBER}(?: as well)?, so “\\w+” ` +
        `(raises|lowers|leaves) the mean (?:by ${NUMBER}|where they put it, to rounding)\\. ` +
        `Perplexity goes from ${NUMBER} without it to ${NUMBER} with it \\(× ${NUMBER}\\)`,
    ),
  );
  assertShows(loss, out.loss, 'note: loss');
  assertShows(share, out.contribution, 'note: share of the mean');
  assertShows(mean, out.mean, 'note: mean');
  assertShows(others, out.meanWithout, 'note: the other words’ mean');
  // What the word really does to the mean: mean − mean without = (loss − mean without) / N.
  const real = (out.loss - out.meanWithout) / out.losses.length;
  assert.equal(way, real > 0 ? 'raises' : real < 0 ? 'lowers' : 'leaves', note);
  if (real !== 0) assertShows(change, Math.abs(real), 'note: change of the mean');
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
      assertShows(await live('meanLoss'), wrong.mean, 'explanation: mean');
      const explained = (await page.textContent('.explanations')).replace(/\s+/g, ' ');
      assert.match(explained, /that word makes up \S+ of the mean loss of/);
      assert.match(explained, /is accurate to rounding even when/);
      assert.doesNotMatch(explained, /stays exact|adds \S+ to the mean/);
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

  lab.test(
    'at “sat” the note says what its share is and which way it moves the mean',
    async ({ page }) => {
      await page.click('#nt-token-1');
      const { out } = await assertReadouts(page);
      // "sat" costs less than the other words average, so taking it out would raise the mean.
      assert.ok(out.loss < out.meanWithout && out.mean < out.meanWithout);
      const note = await page.textContent('#nt-loss-note');
      assert.match(
        note,
        /it makes up [\d.]+ of the mean loss of [\d.]+\. .* “sat” lowers the mean by/,
      );
      assert.doesNotMatch(note, /adds/);
    },
  );

  lab.test(
    'words that tie are told as a tie, in the note and the action’s hint',
    async ({ page }) => {
      await page.click('#nt-token-3'); // after "the cat sat on": "mat" and "rug" share a logit
      const { state, out } = await assertReadouts(page);
      const [MAT, RUG] = [5, 6];
      assert.equal(state.logits[3][MAT], state.logits[3][RUG]);
      const note = await page.textContent('#nt-prob-note');
      const tie = note.match(
        new RegExp(`“mat” and “rug” most, tied at gradient ${NUMBER} each\\.$`),
      );
      assert.ok(tie, note);
      assertShows(tie[1], out.probs[MAT], 'the tied gradient');
      assert.match(
        await page.textContent('#nt-wrong-hint'),
        /^Confidently wrong here: “mat”, tied with “rug” as the likeliest wrong word, would get/,
      );
    },
  );

  test('six wrong words that tie are all of them, equally', async () => {
    // "cat", the right word, below six wrong words that tie at 0.
    const { page, context, problems } = await lab.open('?position=1&logits1=0,-3,0,0,0,0,0');
    const { out } = await assertReadouts(page);
    const note = await page.textContent('#nt-prob-note');
    const all = note.match(
      new RegExp(`its own probability, all of them equally \\(gradient ${NUMBER} each\\)\\.$`),
    );
    assert.ok(all, note);
    assertShows(all[1], out.probs[0], 'the shared gradient');
    assert.match(
      await page.textContent('#nt-wrong-hint'),
      /“the”, tied with “dog”, “sat”, “on”, “mat” and “rug” as the likeliest wrong word,/,
    );
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('"confidently wrong" at the logit cap still takes nearly all the probability', async () => {
    // "cat", the right word, at the cap of 100: the wrong word cannot rise 6 above it.
    const { page, context, problems } = await lab.open('?position=1&logits1=0,100,0,0,0,0,0');
    const hint = await page.textContent('#nt-wrong-hint');
    await page.click('#nt-wrong');
    const { state, out } = await assertReadouts(page);
    const row = state.logits[0];
    const lead = row[0] - Math.max(...row.slice(1));
    assert.ok(lead >= 6, `“the” leads by ${lead}`);
    assert.ok(out.p <= Math.exp(-6), `the right word keeps p = ${out.p}`);
    assert.ok(out.probs[0] >= 1 / (1 + 6 * Math.exp(-6)), `the wrong word takes ${out.probs[0]}`);
    // The hint said beforehand what the press would do, in the core's numbers.
    const said = hint.match(
      new RegExp(
        `would get logit ${NUMBER}, ${NUMBER} above every other word’s \\(logits stop at ` +
          `${NUMBER}, so “cat” comes down to ${NUMBER}\\), and take p = ${NUMBER}, leaving “cat” ` +
          `p = ${NUMBER}\\.$`,
      ),
    );
    assert.ok(said, hint);
    [row[0], lead, 100, row[1], out.probs[0], out.p].forEach((value, k) =>
      assertShows(said[k + 1], value, `hint number ${k + 1}`),
    );
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a perplexity that shows as 1 reads as one word; every sentence reads as English', async () => {
    const rows = TARGETS.map(
      (t, n) =>
        `&logits${n + 1}=${Array.from({ length: V }, (_, i) => (i === t ? 100 : -100)).join(',')}`,
    );
    const { page, context, problems } = await lab.open(`?position=1${rows.join('')}`);
    const { out } = await assertReadouts(page);
    assert.equal(out.perplexity, 1, 'every loss is below 10⁻⁸⁶');
    assert.equal(
      await page.textContent('#nt-perplexity-text'),
      'On average the model is as unsure as a fair choice among 1 word: not unsure at all, to rounding.',
    );
    assert.match(
      await page.textContent('#nt-prob-note'),
      /^The model gives “cat” p = 1 to rounding\./,
    );
    for (const id of ['nt-prob-note', 'nt-loss-note', 'nt-perplexity-text', 'nt-wrong-hint']) {
      const text = await page.textContent(`#${id}`);
      assert.deepEqual(grammarProblems(text), [], `${id}: ${text}`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });

  lab.phoneDarkTest('next-token-phone-dark');
});
