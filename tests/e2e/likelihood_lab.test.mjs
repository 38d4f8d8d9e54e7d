// The likelihood lab in headless Chromium: for each noise model the read-outs equal closed
// forms computed in this file (the textbook densities, their logarithms, and the mean, the
// median and logit(k/n)); links round-trip; every scene opens by its URL; bad data gets a
// message and keeps the last good state; a question is judged and shows its state.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { screenshot } from './browser_harness.mjs';
import { assertShows as assertNumber, shownNumber } from './reference.mjs';
import { grammarProblems } from '../sentence_grammar.mjs';
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
    // −ln f in log form: finite where f itself underflows to 0.
    const cost = (x) => (x - mu) ** 2 / (2 * sigma ** 2) + 0.5 * Math.log(2 * Math.PI * sigma ** 2);
    return {
      location: mu,
      costs: data.map(cost),
      nll: mean(data.map(cost)),
      loss: mean(data.map((x) => (x - mu) ** 2)),
      scale: 1 / (2 * sigma ** 2),
      offset: 0.5 * Math.log(2 * Math.PI * sigma ** 2),
      best: [mean(data)],
    };
  }
  if (state.dist === 'laplace') {
    const { data, mu, b } = state;
    const cost = (x) => Math.abs(x - mu) / b + Math.log(2 * b);
    return {
      location: mu,
      costs: data.map(cost),
      nll: mean(data.map(cost)),
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

/** The per-point table: [point, x, f, cost] per row, as shown. */
const pointRows = (page) =>
  page.$$eval('#lk-points tr', (trs) =>
    trs.map((tr) => [...tr.children].map((cell) => cell.textContent)),
  );

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
  // The constant is an added term: "+ 1.612" or "− 5.989", never "+ −5.989".
  const number = '(\u2212?[\\d.]+(?: × 10[\u207B⁰¹²³⁴⁵⁶⁷⁸⁹]+)?)'; // "3.7", "1.8 × 10⁷"
  const pattern = `^Mean NLL ${number} = ${number} × \\w+ ${number} ([+\u2212]) ${number} \\(`;
  const [, ...parts] = relation.match(new RegExp(pattern)) ?? [];
  assert.equal(parts.length, 5, `${label}: relation “${relation}”`);
  const [nll, scale, loss] = parts.slice(0, 3).map(shownNumber);
  const constant = (parts[3] === '+' ? 1 : -1) * shownNumber(parts[4]);
  assertNumber(String(nll), want.nll, `${label}: relation, NLL`);
  assert.equal(parts[3], want.offset < 0 ? '\u2212' : '+', `${label}: relation, sign`);
  const size = Math.max(1, Math.abs(nll), scale * loss);
  assert.ok(Math.abs(scale * loss + constant - nll) <= 2e-3 * size, relation);
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

  lab.test(
    'the least likely point is the costliest, even where every density underflows to 0',
    async ({ page }) => {
      for (const query of [
        '?dist=laplace&data=1,2,2.5,4,9&mu=3&b=0.001',
        '?dist=gaussian&data=1,2,2.5,4,9&mu=3&sigma=0.001',
      ]) {
        await page.goto(lab.url() + query);
        await page.waitForSelector('body[data-ready="true"]');
        const state = await ui.getState(page);
        const want = expected(state);
        const worst = want.costs.indexOf(Math.max(...want.costs));
        const note = await page.textContent('#lk-density-note');
        const [, x, cost] =
          note.match(/The model finds x = (\S+) least likely: it costs −ln f = ([^,]+),/) ?? [];
        assertNumber(x, state.data[worst], `${query}: the costliest point (${note})`);
        assertNumber(cost, want.costs[worst], `${query}: its cost`);
        assert.match(note, /That density is too small for a double and shows as 0/);
        const row = await pointRows(page);
        assert.deepEqual(row[worst].slice(1, 3), [x, '0'], `${query}: the table's row`);
        assertNumber(row[worst][3], want.costs[worst], `${query}: the table's cost`);
        await assertReadouts(page, query);
      }
    },
  );

  lab.test(
    'Gaussian and Laplace f is a density (above 1, a negative cost); Bernoulli’s a probability',
    { query: '?dist=gaussian&data=3,3.0005&mu=3&sigma=0.001' },
    async ({ page }) => {
      const fHeader = () => page.$eval('#lk-points-f', (el) => el.parentElement.textContent);
      assert.equal((await fHeader()).replace(/\s+/g, ' '), 'density f');
      assert.match(await page.textContent('#lk-points-density'), /density, not a probability/);
      assert.equal(await page.isVisible('#lk-points-density'), true);
      // f(μ) = 1/(σ√(2π)) = 398.9 at σ = 0.001, and −ln f(μ) = ln(σ√(2π)) < 0.
      const [first] = await pointRows(page);
      assertNumber(first[2], 1 / (0.001 * Math.sqrt(2 * Math.PI)), 'f at μ');
      assertNumber(first[3], Math.log(0.001 * Math.sqrt(2 * Math.PI)), 'its cost');
      await page.check('input[name="lk-dist"][value="bernoulli"]');
      await page.waitForFunction(() => window.lossplay.getState().dist === 'bernoulli');
      assert.equal((await fHeader()).replace(/\s+/g, ' '), 'probability f');
      assert.equal(await page.isHidden('#lk-points-density'), true);
    },
  );

  lab.test(
    'Bernoulli: p rounds to exactly 1 at z = 40, the costs worked out from z do not',
    { query: '?dist=bernoulli&outcomes=1,0&z=40' },
    async ({ page }) => {
      assert.equal(1 / (1 + Math.exp(-40)), 1, 'the premise: σ(40) is 1 in double');
      assert.equal(await page.textContent('#lk-out-location'), '1');
      const [one, zero] = await pointRows(page);
      assert.equal(one[2], '1', 'P(y = 1) = p, rounded to 1');
      assertNumber(zero[2], 1 / (1 + Math.exp(40)), 'P(y = 0) = σ(−40), not rounded to 0');
      assertNumber(one[3], Math.log1p(Math.exp(-40)), 'the cost of the 1: ln(1 + e⁻⁴⁰)');
      assertNumber(zero[3], 40 + Math.log1p(Math.exp(-40)), 'the cost of the 0');
      assert.match(await page.textContent('#lk-location-hint'), /= 1 once rounded to a double/);
      const why = (await page.textContent('.lk-why')).replace(/\s+/g, ' ');
      assert.doesNotMatch(why, /keeps p from ever rounding/);
      assert.match(why, /p itself rounds to exactly 1 in double precision/);
    },
  );

  lab.test('counts and signs read as English: one label, a negative constant', async ({ page }) => {
    const sentences = async () =>
      Promise.all(
        ['#lk-relation', '#lk-nll-note', '#lk-density-note'].map((id) => page.textContent(id)),
      );
    await page.goto(lab.url() + '?dist=bernoulli&outcomes=1&z=0');
    await page.waitForSelector('body[data-ready="true"]');
    const [relation, nll, density] = await sentences();
    assert.match(relation, /in total over 1 label\)\.$/);
    assert.match(nll, /The only label is 1: .* fitted to this label would/);
    assert.match(density, /\(1 one and 0 zeros\)/);
    await page.goto(lab.url() + '?dist=gaussian&data=3,3.0005&mu=3&sigma=0.001');
    await page.waitForSelector('body[data-ready="true"]');
    await assertReadouts(page, 'σ = 0.001: a negative constant');
    const gaussian = await sentences();
    // ½ ln(2πσ²) at σ = 0.001 is −5.989: an added term "− 5.989".
    const constant = 0.5 * Math.log(2 * Math.PI * 1e-6);
    const [, shown] = gaussian[1].match(/× MSE \u2212 (\S+), that is/) ?? [];
    assertNumber(shown, -constant, `the note's constant: ${gaussian[1]}`);
    for (const text of [relation, nll, density, ...gaussian]) {
      assert.deepEqual(grammarProblems(text), [], text);
    }
  });

  lab.test(
    'data near 10⁶ one apart: the per-point table and both charts’ numbers tell the rows apart',
    { query: '?dist=gaussian&data=999997,999998,1000000&mu=999998&sigma=1' },
    async ({ page }) => {
      const rows = await pointRows(page);
      assert.deepEqual(
        rows.map((row) => row[1]),
        ['999997', '999998', '1000000'],
      );
      // The center and the mean, 2999995/3, with the digits that tell them from the data.
      assert.equal(await page.textContent('#lk-out-location'), '999998');
      const best = shownNumber(await page.textContent('#lk-out-best'));
      assert.ok(Math.abs(best - 2999995 / 3) < 0.05, `best μ ${best}`);
      for (const chart of ['#lk-nll-chart', '#lk-density-chart']) {
        const details = `section:has(${chart}) details.chart-numbers`;
        await page.click(`${details} summary`);
        await page.waitForSelector(`${details} tbody tr`);
        const xs = await page.$$eval(`${details} tbody th`, (ths) =>
          ths.map((th) => th.textContent),
        );
        const values = xs.map(shownNumber);
        assert.ok(xs.length > 10, `${chart}: ${xs.length} rows`);
        values.slice(1).forEach((x, i) => assert.ok(x > values[i], `${chart}: ${xs.join(', ')}`));
        assert.equal(new Set(xs).size, xs.length, `${chart}: every row's x reads differently`);
      }
    },
  );

  lab.phoneDarkTest('likelihood-phone-dark', '?dist=bernoulli');
});
