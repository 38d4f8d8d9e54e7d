// The likelihood lab in headless Chromium: for each noise model the read-outs equal closed
// forms computed in this file (the textbook densities, their logarithms, and the mean, the
// median and logit(k/n)); links round-trip; every scene opens by its URL; bad data gets a
// message and keeps the last good state; a question is judged and shows its state.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { screenshot } from './browser_harness.mjs';
import { assertShows as assertNumber, shownNumber } from './reference.mjs';
import * as ui from './page_helpers.mjs';
import { panelById } from '../../web/panels/registry.js';
import { writeQuery } from '../../web/shared/params.js';
import { SCENES } from '../../web/panels/likelihood/scenes.js';

const lab = ui.pageSuite('likelihood.html');
const { table } = panelById('likelihood');

// ---- closed forms, from the textbook densities ---------------------------------------------
//   Gaussian  f(x) = exp(−(x − μ)²/(2σ²)) / √(2πσ²);  NLL = MSE/(2σ²) + ½ ln(2πσ²)
//   Laplace   f(x) = exp(−|x − μ|/b) / (2b);          NLL = MAE/b + ln(2b)
//   Bernoulli P(1) = p = 1/(1 + e^−z);                NLL = CE

const mean = (values) => values.reduce((a, b) => a + b, 0) / values.length;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  return n % 2 ? [sorted[(n - 1) / 2]] : [sorted[n / 2 - 1], sorted[n / 2]];
}

function expected(state) {
  if (state.dist === 'gaussian') {
    const { data, mu, sigma } = state;
    const f = (x) =>
      Math.exp(-((x - mu) ** 2) / (2 * sigma ** 2)) / Math.sqrt(2 * Math.PI * sigma ** 2);
    return {
      location: mu,
      nll: mean(data.map((x) => -Math.log(f(x)))),
      loss: mean(data.map((x) => (x - mu) ** 2)),
      scale: 1 / (2 * sigma ** 2),
      offset: 0.5 * Math.log(2 * Math.PI * sigma ** 2),
      best: [mean(data)],
    };
  }
  if (state.dist === 'laplace') {
    const { data, mu, b } = state;
    const f = (x) => Math.exp(-Math.abs(x - mu) / b) / (2 * b);
    return {
      location: mu,
      nll: mean(data.map((x) => -Math.log(f(x)))),
      loss: mean(data.map((x) => Math.abs(x - mu))),
      scale: 1 / b,
      offset: Math.log(2 * b),
      best: median(data),
    };
  }
  const { outcomes, z } = state;
  const p = 1 / (1 + Math.exp(-z));
  const ones = outcomes.filter((y) => y === 1).length;
  const ce = mean(outcomes.map((y) => (y === 1 ? -Math.log(p) : -Math.log(1 - p))));
  return {
    location: p, // the read-out shows p for Bernoulli
    nll: ce,
    loss: ce,
    scale: 1,
    offset: 0,
    best: [Math.log(ones / (outcomes.length - ones))],
  };
}

async function assertReadouts(page, label) {
  const state = await ui.getState(page);
  const want = expected(state);
  const shown = async (id) => page.textContent(`#lk-out-${id}`);
  assertNumber(await shown('location'), want.location, `${label}: center`);
  assertNumber(await shown('nll'), want.nll, `${label}: mean NLL`);
  assertNumber(await shown('loss'), want.loss, `${label}: loss`);
  assertNumber(await shown('scale'), want.scale, `${label}: scale`);
  const offset = await shown('offset');
  if (want.offset === 0) assert.equal(offset, '0', `${label}: constant`);
  else assertNumber(offset, want.offset, `${label}: constant`);
  const best = await shown('best');
  if (!Number.isFinite(want.best[0])) {
    assert.equal(best, `z → ${want.best[0] > 0 ? '+' : '−'}∞ (none finite)`, `${label}: best`);
  } else if (want.best.length === 2) {
    const [, low, high] = best.match(/^any μ from (\S+) to (\S+)$/) ?? [];
    assertNumber(low, want.best[0], `${label}: best, low end`);
    assertNumber(high, want.best[1], `${label}: best, high end`);
  } else {
    assertNumber(best, want.best[0], `${label}: best`);
  }
  // The relation line quotes the same numbers: NLL = scale × loss + constant.
  const relation = await page.textContent('#lk-relation');
  const [nll, scale, loss, constant] = relation
    .match(/^Mean NLL (\S+) = (\S+) × \w+ (\S+) \+ (\S+) \(/)
    .slice(1)
    .map(shownNumber);
  assertNumber(String(nll), want.nll, `${label}: relation, NLL`);
  assert.ok(Math.abs(scale * loss + constant - nll) <= 2e-3 * Math.max(1, nll), relation);
  return { state, want };
}

describe('likelihood lab', () => {
  lab.test('defaults: Gaussian noise on 1, 2, 2.5, 4, 9 at μ = 3', async ({ page }) => {
    const { state } = await assertReadouts(page, 'default');
    assert.deepEqual(state, table.defaults);
    // MSE at μ = 3: (4 + 1 + 0.25 + 1 + 36)/5 = 8.45; σ = 2: scale 1/8; the mean 3.7.
    assert.equal(await page.textContent('#lk-out-loss'), '8.45');
    assert.equal(await page.textContent('#lk-out-scale'), '0.125');
    assert.equal(await page.textContent('#lk-out-best'), '3.7');
    assert.match(await page.textContent('#lk-nll-note'), /μ = 3\.7, the mean of the data/);
    const markers = await page.evaluate(() => window.lossplay.markerPixels());
    assert.equal(markers.density.length, 1 + state.data.length, 'the center and every datum');
    assert.ok(markers.nll.length >= 3, 'current point (twice) and the best');
    await ui.assertNoBadNumbers(page);
    await screenshot(page, 'likelihood-default');
  });

  lab.test(
    'each model’s read-outs equal its closed forms as the center and spread move',
    async ({ page }) => {
      await ui.typeInto(page, '#lk-location', '-1.25');
      await assertReadouts(page, 'Gaussian, μ = −1.25');
      await ui.typeInto(page, '#lk-scale', '0.7');
      await assertReadouts(page, 'Gaussian, σ = 0.7');
      await page.check('input[name="lk-dist"][value="laplace"]');
      await page.waitForFunction(() => window.lossplay.getState().dist === 'laplace');
      assert.equal(await page.textContent('#lk-scale-label'), 'Spread b');
      await ui.typeInto(page, '#lk-scale', '3');
      await assertReadouts(page, 'Laplace, b = 3');
      await page.focus('#lk-location-slider');
      for (let i = 0; i < 5; i += 1) await page.keyboard.press('ArrowRight');
      await page.waitForFunction(() => window.lossplay.getState().mu !== -1.25);
      await assertReadouts(page, 'Laplace, after the slider');
      await ui.typeInto(page, '#lk-data', '9, 1, 4, 2');
      await assertReadouts(page, 'Laplace, even count');
      assert.equal(await page.textContent('#lk-out-best'), 'any μ from 2 to 4');
      await page.check('input[name="lk-dist"][value="bernoulli"]');
      await page.waitForFunction(() => window.lossplay.getState().dist === 'bernoulli');
      assert.equal(await page.isHidden('#lk-scale-group'), true);
      await ui.typeInto(page, '#lk-location', '0.4');
      await assertReadouts(page, 'Bernoulli, z = 0.4');
      await ui.typeInto(page, '#lk-outcomes', '1, 0, 0, 1, 0');
      await assertReadouts(page, 'Bernoulli, two of five');
      await ui.assertNoBadNumbers(page);
    },
  );

  lab.test(
    'all labels agree: no finite best logit, said in words, never Infinity',
    { query: '?dist=bernoulli&outcomes=1,1,1&z=2' },
    async ({ page }) => {
      assert.equal(await page.textContent('#lk-out-best'), 'z → +∞ (none finite)');
      assert.match(await page.textContent('#lk-nll-note'), /no finite z is best/);
      // −ln σ(2) for each of the three ones.
      assertNumber(await page.textContent('#lk-out-nll'), Math.log1p(Math.exp(-2)), 'NLL');
      await ui.assertNoBadNumbers(page);
    },
  );

  test('links restore the view; only the chosen model’s part is written', async () => {
    const first = await lab.open('?dist=laplace&data=1,2,4,9&b=1.5');
    assert.deepEqual(await ui.getState(first.page), {
      ...table.defaults,
      dist: 'laplace',
      data: [1, 2, 4, 9],
      b: 1.5,
    });
    await ui.typeInto(first.page, '#lk-location', '2.75');
    let query = await ui.settledQuery(first.page, 'mu=2.75');
    assert.equal(query, '?dist=laplace&data=1%2C2%2C4%2C9&mu=2.75&b=1.5');
    const second = await lab.open(query);
    assert.deepEqual(await ui.getState(second.page), await ui.getState(first.page));
    await assertReadouts(second.page, 'reopened Laplace');

    await second.page.check('input[name="lk-dist"][value="bernoulli"]');
    await ui.typeInto(second.page, '#lk-outcomes', '0,1,1');
    await ui.typeInto(second.page, '#lk-location', '-0.5');
    query = await ui.settledQuery(second.page, 'z=-0.5');
    assert.equal(query, '?dist=bernoulli&outcomes=0%2C1%2C1&z=-0.5');
    const third = await lab.open(query);
    const { mu, data, b, ...bernoulliPart } = await ui.getState(third.page);
    assert.deepEqual(bernoulliPart, { dist: 'bernoulli', outcomes: [0, 1, 1], z: -0.5, sigma: 2 });
    assert.deepEqual([mu, data, b], [table.defaults.mu, table.defaults.data, table.defaults.b]);

    const bad = await lab.open('?dist=poisson&data=1&sigma=0&mu=x');
    assert.deepEqual(await ui.getState(bad.page), table.defaults);
    assert.equal((await ui.noticeTexts(bad.page)).length, 4);
    const opened = [first, second, third, bad];
    assert.deepEqual(
      opened.flatMap((one) => one.problems),
      [],
    );
    for (const one of opened) await one.context.close();
  });

  lab.test(
    'bad data gets a message and keeps the last good state; good input clears it',
    async ({ page }) => {
      const good = await ui.getState(page);
      for (const [field, text, pattern] of [
        ['#lk-data', 'abc', /Entry 1: “abc” is not a number/],
        ['#lk-data', '1, abc', /Entry 2: “abc” is not a number/],
        ['#lk-data', '4', /List 2 to 40 numbers, separated by commas, such as 1, 2, 2\.5, 4, 9/],
        ['#lk-data', '1, 2,', /Entry 3: Enter a number for each value/],
        ['#lk-data', '1, 2e7', /Entry 2: each value must be between -1000000 and 1000000/],
        ['#lk-data', '1; 2', /Entry 1: “1; 2” is not a number/],
        ['#lk-scale', '0', /σ must be between 0\.001 and 1000000/],
        ['#lk-location', '1e400', /too large/],
      ]) {
        await ui.typeInto(page, field, text);
        const box = `${field}-error`;
        assert.match(await page.textContent(box), pattern, `${field} = "${text}"`);
        assert.equal(await page.getAttribute(field, 'aria-invalid'), 'true');
        assert.deepEqual(await ui.getState(page), good, `${field} = "${text}" keeps the state`);
        await assertReadouts(page, `after "${text}"`);
      }
      await ui.typeInto(page, '#lk-data', '0.5, −3, 7');
      assert.equal(await page.isHidden('#lk-data-error'), true);
      assert.deepEqual((await ui.getState(page)).data, [0.5, -3, 7]);
      await assertReadouts(page, 'after good data');
      await page.check('input[name="lk-dist"][value="bernoulli"]');
      await ui.typeInto(page, '#lk-outcomes', '1, 2');
      assert.match(await page.textContent('#lk-outcomes-error'), /each outcome must be 0 or 1/);
      assert.deepEqual((await ui.getState(page)).outcomes, table.defaults.outcomes);
      await ui.assertNoBadNumbers(page);
    },
  );

  lab.test('presets change the data only', { query: '?mu=5' }, async ({ page }) => {
    await page.click('[data-preset="far"]');
    await page.waitForFunction(() => window.lossplay.getState().data.includes(50));
    const state = await ui.getState(page);
    assert.deepEqual(state.data, [1, 2, 2.5, 4, 50]);
    assert.equal(state.mu, 5);
    assert.equal(await page.inputValue('#lk-data'), '1, 2, 2.5, 4, 50');
    await assertReadouts(page, 'far outlier');
  });

  for (const scene of SCENES) {
    test(`scene ${scene.id} opens by its URL`, async () => {
      const state = { ...table.defaults, ...scene.state };
      const { page, context, problems } = await lab.open(`${writeQuery(state, table)}`);
      const shown = await ui.getState(page);
      for (const [key, value] of Object.entries(scene.state)) {
        assert.deepEqual(shown[key], value, `${scene.id}: ${key}`);
      }
      const { want } = await assertReadouts(page, scene.id);
      // A scene that puts μ at the best center really is at it.
      if (/at the (mean|median)|follows the outlier|does not move/.test(scene.title)) {
        assert.ok(Math.abs(want.best[0] - scene.state.mu) < 1e-9, `${scene.id} at the best μ`);
      }
      assert.deepEqual(await ui.noticeTexts(page), []);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  lab.test('a question is judged from the core and shows its state', async ({ page }) => {
    const form = 'form[data-question="laplace-outlier"]';
    await page.check(`${form} input[data-choice="none"]`);
    await page.click(`${form} [data-check]`);
    await page.waitForSelector(`${form} [data-verdict][data-correct="true"]`);
    assert.match(await page.textContent(`${form} [data-verdict]`), /2\.5 before and 2\.5 after/);
    await page.waitForFunction(() => window.lossplay.getState().dist === 'laplace');
    assert.deepEqual((await ui.getState(page)).data, [1, 2, 2.5, 4, 50]);
    const other = 'form[data-question="gaussian-outlier"]';
    await page.check(`${other} input[data-choice="all"]`);
    await page.click(`${other} [data-check]`);
    await page.waitForSelector(`${other} [data-verdict][data-correct="false"]`);
    // The mean moves from 3.7 to 11.9: 8.2 of the outlier's 41, a fifth.
    assert.match(await page.textContent(`${other} [data-verdict]`), /3\.7 before, 11\.9 after/);
  });

  lab.phoneDarkTest('likelihood-phone-dark', '?dist=bernoulli');
});
