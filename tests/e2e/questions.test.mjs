// Predict, then check: every panel's questions in headless Chromium. The right answer of each
// question is fixed here from theory or a closed form (never from the page's core), then the
// test answers wrongly, checks that the page says so and sets the state that shows why, asks
// again and answers rightly. Links to #question-<id> land on the question; hide=questions
// removes them.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PANELS } from '../../web/panels/registry.js';
import { getState, openReady, useServerAndBrowser } from './page_helpers.mjs';
import { shownNumber } from './reference.mjs';
import { exampleTable } from './atlas/your_model_reference.mjs';

let server;
let browser;
useServerAndBrowser((env) => ({ server, browser } = env));

const cosh = (x) => (Math.exp(x) + Math.exp(-x)) / 2;
const entropy = (t) => -t * Math.log(t) - (1 - t) * Math.log(1 - t);
// The your-model lab's bundled examples: 50-digit mpmath values (model_examples_reference.json).
const digits = exampleTable('digits');
const breastCancer = exampleTable('breast-cancer');

/**
 * page → question id → { answer, number?: a value the explanation must quote (4 digits),
 *                        state?: part of the state it must set }.
 */
const EXPECTED = {
  'index.html': {
    // |dCE/dz| / |dMSE/dz| = 1 + cosh z = 202.7 at z = −6.
    'gradient-ratio': { answer: 'ce-100', number: 1 + cosh(6), state: { z: -6, y: 1 } },
    // |dMSE/dz| = 2(1 − p)²p peaks at p = 1/3, z = ln ½ = −0.693 (−0.69 on a 0.01 grid).
    'strongest-mse-push': { answer: 'near-half', number: -0.69 },
    // The least CE for y = 0.7 is H(0.7), reached at p = 0.7.
    'soft-label-floor': { answer: 'floor', number: entropy(0.7), state: { y: 0.7 } },
    // σ(−8) < ε = 0.001: the clip holds p, its slope is 0.
    'clipped-push': { answer: 'zero', state: { z: -8, clamp: true, eps: 0.001 } },
  },
  'multiclass.html': {
    // Softmax is shift-invariant: CE = ln(1 + e⁻¹ + e⁻²) before and after.
    'shift-logits': { answer: 'same', number: Math.log(1 + Math.exp(-1) + Math.exp(-2)) },
    // Sure and wrong: CE's push is 1 − p₀ ≈ 1, MSE's is damped by the softmax slope.
    'sure-and-wrong': { answer: 'ce', state: { logits: [-2, 5, 0] } },
    // The second softmax sees ≈ (1, 0, 0): CE = ln(e + 2) − 1 at best.
    'softmax-twice-floor': {
      answer: 'floor',
      number: Math.log(Math.E + 2) - 1,
      state: { mistake: 'twice' },
    },
  },
  'soft-targets.html': {
    // BCE(p; t) − H(t) = KL(t ‖ p) ≥ 0 with equality only at p = t: H(0.6) = 0.6730.
    'bce-floor': { answer: 'above', number: entropy(0.6), state: { t: 0.6, p: 0.6 } },
    // Both are proper scoring rules: minimised at p = t.
    'same-minimum': { answer: 'same', state: { t: 0.9, p: 0.9 } },
    // H(t) does not depend on p; KL(t ‖ p) does and vanishes at p = t. H(0.9) = 0.3251.
    'trainable-part': { answer: 'kl', number: entropy(0.9) },
  },
  'regression.html': {
    // Mean of 3, 5, 2, 50 = 15 (it was 8.75); the median interval [3, 5] does not move.
    'outlier-pull': { answer: 'mean', number: 15, state: { outlierOn: true, outlierTarget: 50 } },
    // Huber = ½r² below δ: gradient r = 0.5 against MSE's 2r = 1.
    'huber-small-error': { answer: 'half', number: 0.5, state: { delta: 1 } },
    // Above δ Huber = δ|r| − ½δ²: gradient δ = 2.
    'huber-large-error': { answer: 'delta', number: 20, state: { delta: 2 } },
  },
  'likelihood.html': {
    // The median of 1, 2, 2.5, 4, 50 is still 2.5: the outlier stays the largest value.
    'laplace-outlier': {
      answer: 'none',
      number: 2.5,
      state: { dist: 'laplace', data: [1, 2, 2.5, 4, 50] },
    },
    // The mean moves from 18.5/5 = 3.7 to 59.5/5 = 11.9: 8.2 of the outlier's 41, a fifth.
    'gaussian-outlier': { answer: 'fifth', number: 11.9, state: { dist: 'gaussian' } },
    // MSE/(2σ²) + ½ ln(2πσ²) is lowest at the mean, 3.7, whatever σ is.
    'wider-sigma': { answer: 'same', number: 3.7, state: { sigma: 4 } },
    // All ones: the mean NLL −ln σ(z) = ln(1 + e^−z) falls toward 0 as z grows; at z = 3 it is
    // 0.04859.
    'all-ones': {
      answer: 'one',
      number: Math.log1p(Math.exp(-3)),
      state: { dist: 'bernoulli', outcomes: [1, 1, 1, 1, 1] },
    },
  },
  'next-token.html': {
    // Equal logits: p = 1/V at every step, mean loss ln V, perplexity V = 7.
    'uniform-perplexity': { answer: 'vocab', number: 7 },
    // One word at p ≈ e⁻⁶ costs about 6 nats against ≈ 0.3 for each of the other four.
    'one-wrong-word': { answer: 'most' },
    // dCE/dz_dog = p_dog > 0, so gradient descent lowers every wrong word's logit.
    'push-dog': { answer: 'down' },
    // Every right word near p = 1: mean loss → 0, perplexity → e⁰ = 1.
    'perfect-perplexity': { answer: 'one' },
  },
  'landscape.html': {
    // From w = −6 every point sits deep on the wrong side, where σ′ is tiny: 100 plain descent
    // steps at rate 1 shed about 5 % of the squared error (a plain loop in
    // landscape_lab.test.mjs computes the same descent).
    'plateau-crawl': { answer: 'little', state: { w: -6, b: 0, steps: 100 } },
    // Each point's CE has second derivative p(1 − p) ≥ 0 in its logit, a linear function of
    // (w, b): the Hessian is a sum of p(1 − p)·[x², x; x, 1], positive semi-definite.
    'ce-curves-down': { answer: 'never', state: { view: [-50, 50, -50, 50] } },
    // On separable data CE keeps falling as w grows: no finite minimiser.
    'separable-forever': { answer: 'forever', state: { steps: 1000 } },
  },
  'depth.html': {
    // A confidently wrong sigmoid output (its bias at −8, the logits near −8.8) multiplies
    // MSE's gradient by σ′(z) ≈ 1.5 × 10⁻⁴; CE's is p − y ≈ −1 for the wrong half.
    'output-layer': { answer: 'ce', state: { depth: 6, activation: 'sigmoid' } },
    // Six sigmoid layers, each multiplying by σ′ ≤ ¼ and Xavier-sized weights.
    'first-layer': { answer: 'hundreds', state: { depth: 6, weights: 'xavier' } },
    // ReLU's slope is 1 where active and He weights keep the scale per layer.
    'relu-he': { answer: 'close', state: { activation: 'relu', weights: 'he' } },
  },
  'your-model.html': {
    // E Brier = q(1 − r)² + (1 − q)r² = (r − q)² + q(1 − q): proper, least at r = q, where it
    // is q(1 − q) = 0.21.
    'honest-brier': { answer: 'truth', number: 0.7 * 0.3, state: { q: 0.7, r: 0.5 } },
    // E|error| = q(1 − r) + (1 − q)r = q + (1 − 2q)r falls in r for q > ½: the most extreme
    // report wins; the truth pays 2q(1 − q) = 0.42.
    'absolute-exaggerates': { answer: 'sure', number: 2 * 0.7 * 0.3, state: { q: 0.7, r: 0.7 } },
    // The digits model's best T is 3.890 (mpmath), above 1.
    'temperature-direction': {
      answer: 'above',
      number: digits.temperature,
      state: { data: 'digits', t: 1 },
    },
    // Its 3 worst of 228 carry 29.61 % of the CE gradient and 1.557 × 10⁻⁴ % of Brier's (mpmath).
    'who-pulls': {
      answer: 'ce',
      number: 100 * breastCancer.worst.crossEntropy,
      state: { data: 'breast-cancer', sort: 'ce' },
    },
  },
  'race.html': {
    // A sigmoid output scored confidently wrong (each class's mean logit at ∓6 on the wrong
    // side): MSE's gradient carries σ′(z), about e⁻⁶ on average, and stalls; cross-entropy's
    // does not.
    'wrong-start': { answer: 'ce', state: { init: 'wrong' } },
    // From small random weights σ′ is not small, and the two runs stay close.
    'fair-start': { answer: 'close', state: { init: 'standard' } },
    // A ten times larger step makes up for MSE's small gradient on these easy blobs.
    'larger-step': { answer: 'faster', state: { lr: 5 } },
  },
};

async function answer(page, id, choice) {
  const form = `form[data-question="${id}"]`;
  await page.check(`${form} input[data-choice="${choice}"]`);
  await page.click(`${form} [data-check]`);
  await page.waitForSelector(`${form} [data-verdict][data-correct]`);
  return page.$eval(`${form} [data-verdict]`, (node) => ({
    correct: node.dataset.correct,
    text: node.textContent,
  }));
}

/** The numbers a text quotes, as values. */
const quotedNumbers = (text) =>
  [...text.matchAll(/[−-]?\d+(?:\.\d+)?(?:\s*×\s*10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)?/g)].map((m) =>
    shownNumber(m[0]),
  );

for (const [file, questions] of Object.entries(EXPECTED)) {
  describe(`questions on ${file}`, () => {
    test('every question of the page is covered here, and each has at least two choices', async () => {
      const { page } = await openReady(browser, `${server.url}${file}`);
      const ids = await page.$$eval('form[data-question]', (forms) =>
        forms.map((form) => [form.dataset.question, form.querySelectorAll('[data-choice]').length]),
      );
      assert.deepEqual(ids.map(([id]) => id).sort(), Object.keys(questions).sort());
      for (const [id, count] of ids) assert.ok(count >= 2, `${id} has ${count} choices`);
    });

    for (const [id, expected] of Object.entries(questions)) {
      test(`${id}: judged, explained, and the state that shows why is set`, async () => {
        const { page, problems } = await openReady(browser, `${server.url}${file}#question-${id}`);
        // The link lands on the question.
        const top = await page.$eval(`#question-${id}`, (node) => node.getBoundingClientRect().top);
        const height = await page.evaluate(() => window.innerHeight);
        assert.ok(top >= -1 && top < height, `question in view (top ${top})`);
        const choices = await page.$$eval(`form[data-question="${id}"] [data-choice]`, (inputs) =>
          inputs.map((input) => input.value),
        );
        const wrong = choices.find((choice) => choice !== expected.answer);
        const first = await answer(page, id, wrong);
        assert.equal(first.correct, 'false');
        const marked = await page.$eval(
          `form[data-question="${id}"] label[data-mark="answer"] input`,
          (input) => input.value,
        );
        assert.equal(marked, expected.answer);
        if (expected.number !== undefined) {
          const near = quotedNumbers(first.text).some(
            (value) => Math.abs(value - expected.number) <= 5e-4 * Math.abs(expected.number),
          );
          assert.ok(near, `“${first.text}” quotes ${expected.number}`);
        }
        const state = await getState(page);
        for (const [key, value] of Object.entries(expected.state ?? {})) {
          assert.deepEqual(state[key], value, `state.${key}`);
        }
        await page.click(`form[data-question="${id}"] [data-retry]`);
        const second = await answer(page, id, expected.answer);
        assert.equal(second.correct, 'true');
        assert.match(second.text, /^Right\./);
        assert.deepEqual(problems, []);
      });
    }
  });
}

test('checking without a choice asks for one and judges nothing', async () => {
  const { page } = await openReady(browser, `${server.url}index.html`);
  await page.click('form[data-question="gradient-ratio"] [data-check]');
  const verdict = page.locator('form[data-question="gradient-ratio"] [data-verdict]');
  assert.match(await verdict.textContent(), /Pick one/);
  assert.equal(await verdict.getAttribute('data-correct'), null);
});

test('hide=questions leaves them out, in a page and in an embed', async () => {
  for (const url of ['index.html?hide=questions', 'embed.html?panel=multiclass&hide=questions']) {
    const { page } = await openReady(browser, `${server.url}${url}`);
    assert.equal(await page.locator('[data-hide="questions"]').isHidden(), true, url);
  }
});

test('every panel asks at least three questions, at least 15 in all', () => {
  for (const panel of PANELS) {
    const count = Object.keys(EXPECTED[panel.page] ?? {}).length;
    assert.ok(count >= 3, `${panel.id} has ${count} questions covered here`);
  }
  const total = Object.values(EXPECTED).reduce(
    (sum, questions) => sum + Object.keys(questions).length,
    0,
  );
  assert.ok(total >= 15, `${total} questions`);
});
