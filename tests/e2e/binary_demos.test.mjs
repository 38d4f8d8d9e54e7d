// The binary playground's demonstrations in headless Chromium: the textbook clipped
// cross-entropy next to the logit form, the chain rule factor by factor, the descent-step count
// in the explanations, and the verdict for soft labels. Every expected number is a closed form
// computed here (reference.mjs), never the page's own core.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getState, openReady, typeInto, useServerAndBrowser } from './page_helpers.mjs';
import { assertShows, binaryPoint, shownNumber, sigmoid } from './reference.mjs';

let server;
let browser;
useServerAndBrowser((env) => ({ server, browser } = env));

const open = (query) => openReady(browser, `${server.url}index.html${query}`);
const text = (page, id) => page.textContent(`#${id}`);

describe('the clipped cross-entropy', () => {
  test('past the clip its gradient is exactly 0 while the logit form pushes with 1 − σ(z)', async () => {
    const { page, problems } = await open('?z=-8&y=1&ce=clamped&eps=0.001');
    // p = σ(−8) = 3.35e−4 < ε: the clip holds p at ε, so CE = −ln 0.001 and the slope is 0.
    assertShows(await text(page, 'out-clamped-ce'), -Math.log(0.001), 'clipped CE');
    assert.equal(await text(page, 'out-clamped-dce'), '0');
    assertShows(await text(page, 'out-dce'), 1 - sigmoid(-8), 'logit-form gradient');
    assert.match(await text(page, 'clamp-note'), /exactly 0/);
    // The hint names where the clip starts: z = ln(ε / (1 − ε)).
    const edge = Math.log(0.001 / 0.999);
    assert.match(await text(page, 'eps-hint'), new RegExp(`±${Math.abs(edge).toFixed(3)}`));
    assert.deepEqual(problems, []);
  });

  test('inside the clip both forms agree; unticking removes the clip from the view and the link', async () => {
    const { page } = await open('?z=-2&y=1&eps=0.001'); // eps alone switches the clip on
    assert.equal((await getState(page)).clamp, true);
    assertShows(await text(page, 'out-clamped-dce'), 1 - sigmoid(-2), 'clipped gradient');
    const withClip = await page.evaluate(
      () => window.lossplay.getState().clamp && !document.getElementById('clamp-readouts').hidden,
    );
    assert.equal(withClip, true);
    await page.uncheck('#clamp');
    await page.waitForFunction(() => document.getElementById('clamp-readouts').hidden);
    assert.equal((await getState(page)).clamp, false);
    // The link was opened without ce=clamped, so wait for the URL written after the change
    // (the URL follows input once it pauses): without the clip, ε has no place in it.
    await page.waitForFunction(() => !window.location.search.includes('eps='), null, {
      timeout: 5000,
    });
    assert.doesNotMatch(await page.evaluate(() => window.location.search), /clamp/);
  });

  test('an ε outside its range is refused with its range, and the last good one is kept', async () => {
    const { page } = await open('?z=-8&ce=clamped&eps=0.001');
    await typeInto(page, '#eps-field', '0.7');
    const message = await text(page, 'eps-error');
    assert.match(message, /ε/);
    assert.match(message, /0\.1/);
    assert.equal((await getState(page)).eps, 0.001);
    await typeInto(page, '#eps-field', '0.01');
    assert.equal(await page.isHidden('#eps-error'), true);
    assert.equal((await getState(page)).eps, 0.01);
    assertShows(await text(page, 'out-clamped-ce'), -Math.log(0.01), 'clipped CE at ε = 0.01');
  });
});

describe('the chain rule, factor by factor', () => {
  test('at z = −6, y = 1 each factor matches its closed form', async () => {
    const { page } = await open('?z=-6&y=1');
    const p = sigmoid(-6);
    const sigmaPrime = Math.exp(-6) / (1 + Math.exp(-6)) ** 2;
    assertShows(await text(page, 'chain-dce-dp'), -1 / p, 'dCE/dp = −1/p');
    assertShows(await text(page, 'chain-ce-sigma'), sigmaPrime, 'σ′');
    assertShows(await text(page, 'chain-mse-sigma'), sigmaPrime, 'σ′ again');
    assertShows(await text(page, 'chain-dce-dz'), p - 1, 'p − y');
    assertShows(await text(page, 'chain-dmse-dp'), 2 * (p - 1), '2(p − y)');
    assertShows(await text(page, 'chain-dmse-dz'), binaryPoint(-6, 1).dmseDz, 'MSE gradient');
    assert.match(await text(page, 'chain-summary'), /cancel/);
  });

  test('where 1/(p(1 − p)) exceeds a double it says so, never Infinity', async () => {
    const { page } = await open('?z=-720&y=1');
    // The house form for a value beyond a double: "< −1.8 × 10³⁰⁸" (dCE/dp = −1/p, p ≈ e⁻⁷²⁰).
    assertShows(await text(page, 'chain-dce-dp'), -Infinity, 'dCE/dp');
    assertShows(await text(page, 'chain-dce-dz'), -1, 'p − y');
    assert.doesNotMatch(await page.textContent('#chain-rule'), /NaN|Infinity/);
  });
});

describe('the explanations count the steps out of the plateau', () => {
  test('MSE from z = −15 needs about e¹⁵ steps at learning rate 0.5, CE about 32', async () => {
    const { page } = await open('');
    // Far below the fold, the counts wait until the reader comes near them (live_numbers.js),
    // then the MSE one runs in chunks.
    const counts = () =>
      page.$$eval('.live[data-of="descent"]', (spans) => spans.map((span) => span.textContent));
    assert.deepEqual(await counts(), ['…', '…']);
    await page.locator('.live[data-of="descent"]').first().scrollIntoViewIfNeeded();
    await page.waitForSelector('.explanations[data-live-numbers="filled"]');
    const [mse, ce] = await page.$$eval('.live[data-of="descent"]', (spans) =>
      spans.map((span) => span.textContent),
    );
    // Continuous flow dz/dt = 0.5·2(1 − p)²p from p0 = σ(−15) to p = ½: the time is
    // ∫ dp / (p²(1 − p)³) = [−1/p + 3 ln p − 3 ln(1 − p) + 2/(1 − p) + 1/(2(1 − p)²)].
    const antiderivative = (p) =>
      -1 / p + 3 * Math.log(p) - 3 * Math.log(1 - p) + 2 / (1 - p) + 1 / (2 * (1 - p) ** 2);
    const flow = antiderivative(0.5) - antiderivative(sigmoid(-15));
    assert.ok(Math.abs(shownNumber(mse) / flow - 1) < 2e-3, `${mse} steps vs the flow's ${flow}`);
    // CE: dz/dt = 0.5(1 − p), time = (Δz + e^0 − e^−15) / 0.5 = 32.
    assert.ok(Math.abs(shownNumber(ce) - 32) <= 2, `${ce} steps vs 32`);
  });
});

describe('the verdict with soft labels', () => {
  test('at p = y = ½ it names the entropy floor rather than calling the loss small', async () => {
    const { page } = await open('?z=0&y=0.5');
    const verdict = await text(page, 'verdict');
    assert.doesNotMatch(verdict, /both losses are small/);
    assert.match(verdict, new RegExp(`H\\(y\\) = ${Math.log(2).toPrecision(4)}`));
  });

  test('at p = ½ with y = 0.7 it does not speak of the right side of ½', async () => {
    const { page } = await open('?z=0&y=0.7');
    const verdict = await text(page, 'verdict');
    assert.doesNotMatch(verdict, /right side/);
    // H(0.7) = −0.7 ln 0.7 − 0.3 ln 0.3 = 0.6109
    const entropy = -0.7 * Math.log(0.7) - 0.3 * Math.log(0.3);
    assert.match(verdict, new RegExp(entropy.toPrecision(4)));
  });
});
