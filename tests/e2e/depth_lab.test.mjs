// The deep network lab in headless Chromium. Backpropagation itself is checked against central
// differences in the Catch2 suite; here the page must show what theory predicts for the
// settings it offers, on fixed seeds: with six sigmoid layers and a confidently wrong output,
// cross-entropy gives the output layer a far larger gradient than squared error, while layer 1
// gets orders of magnitude less than the output layer under both; ReLU with He weights keeps
// the layers within about one order of magnitude. Also: the table and the chart show the
// layer norms the API reports, the depth controls change the number of layers, Play trains,
// links round-trip, and bad input gets a message.
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { screenshot } from './browser_harness.mjs';
import { assertShows as assertNumber } from './reference.mjs';
import * as ui from './page_helpers.mjs';
import { panelById } from '../../web/panels/registry.js';
import { evaluate, referenceRace } from './atlas/depth_reference.mjs';
import { sigmoid } from './reference.mjs';
import { grammarProblems } from '../sentence_grammar.mjs';

const lab = ui.pageSuite('depth.html');
const { table } = panelById('depth');

const last = (values) => values[values.length - 1];
const layerNorms = (page) => page.evaluate(() => window.lossplay.layerNorms());

describe('deep network lab', () => {
  lab.test(
    'six sigmoid layers, wrong start: CE rescues the output layer, not layer 1',
    async ({ page }) => {
      const state = await ui.getState(page);
      const { depth } = state;
      const defaults = { ...table.defaults };
      delete defaults.run; // the reset counter stays inside the panel
      assert.deepEqual(state, defaults);
      const { start, now } = await layerNorms(page);
      assert.equal(start.ce.length, depth + 1, 'one norm per hidden layer and the output layer');
      assert.deepEqual(now, start, 'nothing trained yet');
      assert.ok(
        last(start.ce) > 10 * last(start.mse),
        `output layer: ${last(start.ce)} vs ${last(start.mse)}`,
      );
      for (const loss of ['ce', 'mse']) {
        assert.ok(
          last(start[loss]) > 100 * start[loss][0],
          `${loss}: layer 1 ${start[loss][0]} vs output ${last(start[loss])}`,
        );
      }
      // The table shows the same numbers the chart is drawn from.
      assertNumber(
        await page.textContent('#depth-ce-out-start'),
        last(start.ce),
        'CE output layer',
      );
      assertNumber(await page.textContent('#depth-mse-first-start'), start.mse[0], 'MSE layer 1');
      assert.match(
        await page.textContent('#depth-verdict'),
        /in the cross-entropy run is [\d.]+ times larger than the squared-error run's/,
      );
      assert.match(
        await page.textContent('#depth-verdict'),
        /times smaller than the output layer's/,
      );
      await ui.assertNoBadNumbers(page);
      await screenshot(page, 'depth-default');
    },
  );

  lab.test(
    "the wrong start's hint quotes the start the network really has, not σ(−8)",
    async ({ page }) => {
      // The default network (web/panels/depth/state.js) in the plain-JS model: the output's
      // bias at −8 with the random output weights kept, so the logits are not −8.
      const race = referenceRace({
        data: { kind: 'blobs', size: 200, noise: 0.2 },
        hidden: 16,
        depth: 6,
        activation: 'sigmoid',
        weights: 'xavier',
        seed: 1,
        init: 'bias',
        initLogit: -8,
      });
      const p = evaluate(race.start, race.split.train, 'ce').logits.map(([z]) => sigmoid(z));
      const hint = await page.textContent('#depth-start-hint');
      const shown = hint.match(/start at p = (\S+ × 10\S+):/);
      assert.ok(shown, hint);
      assertNumber(shown[1], Math.min(...p), 'lowest p');
      assertNumber(shown[1], Math.max(...p), 'highest p');
      assert.ok(Math.abs(Math.max(...p) / sigmoid(-8) - 1) > 0.1, 'far from σ(−8)');
    },
  );

  lab.test(
    'ReLU with He weights: the layer norms stay within about one order of magnitude',
    { query: '?activation=relu&weights=he&start=standard' },
    async ({ page }) => {
      const { start } = await layerNorms(page);
      for (const loss of ['ce', 'mse']) {
        const spread = Math.max(...start[loss]) / Math.min(...start[loss]);
        assert.ok(spread <= 15, `${loss}: spread ${spread}`);
      }
    },
  );

  lab.test(
    'the depth controls change the layers; Play trains and the norms follow',
    async ({ page }) => {
      await page.focus('#depth-depth-slider');
      await page.keyboard.press('ArrowLeft');
      await page.waitForFunction(() => window.lossplay.getState().depth === 5);
      assert.equal((await layerNorms(page)).start.ce.length, 6);
      await ui.typeInto(page, '#depth-depth', '2');
      await page.waitForFunction(() => window.lossplay.getState().depth === 2);
      assert.equal((await layerNorms(page)).start.mse.length, 3);
      assert.equal(await page.textContent('#depth-output-name'), '3 (output)');
      await page.selectOption('#depth-activation', 'tanh');
      await page.waitForFunction(() => window.lossplay.getState().activation === 'tanh');
      await page.click('#depth-step');
      await page.waitForFunction(() => window.lossplay.history().epoch === 1);
      await page.click('#depth-play');
      await page.waitForFunction(() => window.lossplay.history().epoch >= 5);
      await page.click('#depth-play');
      const { start, now } = await layerNorms(page);
      assert.notDeepEqual(now.ce, start.ce, 'training changed the gradients');
      const history = await page.evaluate(() => window.lossplay.history());
      assert.ok(last(history.ce.loss) < history.ce.loss[0], 'the CE run learned');
      await ui.assertNoBadNumbers(page);
    },
  );

  // Settings the fields accept where a run diverges in its first epoch (its lengths become
  // NaN) or every squared-error length underflows to 0: the plain-JS model says which run
  // diverged and when; the page must say so in words, never "—" or a comparison with no
  // number.
  const BREAKING = [
    [
      '10 × 64 ReLU, normal weights',
      { activation: 'relu', weights: 'normal', hidden: 64, depth: 10 },
    ],
    ['10 × 64 ReLU, He weights', { activation: 'relu', weights: 'he', hidden: 64, depth: 10 }, 2],
    ['learning rate 10⁶', { activation: 'relu', weights: 'he', learningRate: 1e6 }],
  ];
  const queryOf = (s) =>
    `?depth=${s.depth ?? 6}&width=${s.hidden ?? 16}&activation=${s.activation}&weights=${s.weights}&lr=${s.learningRate ?? 0.5}`;

  for (const [name, settings, epochs = 1] of BREAKING) {
    lab.test(
      `${name}: a diverged run reads as diverged, in sentences without a dash`,
      { query: queryOf(settings) },
      async ({ page }) => {
        const race = referenceRace(
          {
            data: { kind: 'blobs', size: 200, noise: 0.2 },
            hidden: 16,
            depth: 6,
            weightScale: 1,
            seed: 1,
            init: 'bias',
            initLogit: -8,
            ...settings,
          },
          epochs,
        );
        assert.ok(race.ce.diverged && !race.mse.diverged, 'the model: cross-entropy diverges');
        for (let k = 1; k <= epochs; k += 1) {
          await page.click('#depth-step');
          await page.waitForFunction((n) => window.lossplay.history().epoch === n, k);
        }
        const at = `diverged at epoch ${race.ce.divergedEpoch}`;
        for (const cell of ['out-now', 'first-now']) {
          assert.equal(await page.textContent(`#depth-ce-${cell}`), `none (${at})`, cell);
          assert.notEqual(await page.textContent(`#depth-mse-${cell}`), '—', cell);
        }
        const verdict = await page.textContent('#depth-verdict');
        assert.deepEqual(grammarProblems(verdict), [], verdict);
        assert.doesNotMatch(verdict, /—/, verdict);
        assert.match(
          verdict,
          new RegExp(`the cross-entropy run has no gradient to compare: it ${at}`),
        );
        assert.match(verdict, /In the squared-error run, layer 1's gradient is /);
        const summary = await page.getAttribute('#depth-layer-chart', 'aria-label');
        assert.match(summary, new RegExp(`Cross-entropy run: none, ${at}\\.`), summary);
        assert.deepEqual(grammarProblems(summary), [], summary);
        await ui.assertNoBadNumbers(page);
        assert.doesNotMatch(await page.textContent('main'), /—/, 'no dash in the panel');
      },
    );
  }

  lab.test(
    'links round-trip; bad input gets a message and keeps the last good state',
    async ({ page }) => {
      await ui.typeInto(page, '#depth-width', '8');
      await page.selectOption('#depth-weights', 'normal');
      await ui.typeInto(page, '#depth-scale', '2');
      const query = await ui.settledQuery(page, 'scale=2');
      assert.match(query, /width=8/);
      assert.match(query, /weights=normal/);
      const again = await lab.open(query);
      assert.deepEqual(await ui.getState(again.page), await ui.getState(page));
      assert.deepEqual(
        await layerNorms(again.page),
        await layerNorms(page),
        'same seed, same weights',
      );
      await again.context.close();

      const before = await ui.getState(page);
      await ui.typeInto(page, '#depth-depth', '11');
      assert.match(
        await page.textContent('#depth-depth-error'),
        /the depth must be between 1 and 10/,
      );
      await ui.typeInto(page, '#depth-width', '3');
      assert.match(await page.textContent('#depth-width-error'), /between 4 and 64/);
      assert.deepEqual(await ui.getState(page), before);
      await ui.typeInto(page, '#depth-width', '12');
      assert.equal(await page.isHidden('#depth-width-error'), true);
      await ui.assertNoBadNumbers(page);
    },
  );

  // The heaviest network the fields accept (issue: one epoch is about a second of wasm). The
  // page trains it in pieces of each frame, so a script gets the main thread back in the middle
  // of an epoch, the page says how far into it training is, and nothing trains after Pause.
  lab.test(
    'the heaviest network trains in pieces: progress inside an epoch, Pause stops it at once',
    { query: '?depth=10&width=64&size=5000&batch=1' },
    async ({ page }) => {
      const progress = () => page.evaluate(() => ({ ...window.lossplay.progress() }));
      await page.waitForFunction(() => window.lossplay.progress().started);
      await page.waitForFunction(
        () => !/Working out/.test(document.querySelector('#depth-verdict').textContent),
      );
      assert.equal(
        (await layerNorms(page)).start.ce.length,
        11,
        'ten hidden layers and the output',
      );
      await page.click('#depth-play');
      await page.waitForFunction(
        () => {
          const { epoch, fraction } = window.lossplay.progress();
          return epoch === 0 && fraction > 0.02;
        },
        null,
        { polling: 'raf', timeout: 60000 },
      );
      assert.match(
        await page.textContent('#depth-epoch'),
        /^Epoch 0 of 100 · \d+\u00a0% into epoch\u00a01$/,
      );
      const paused = await page.evaluate(() => {
        document.querySelector('#depth-play').click();
        return { playing: window.lossplay.isPlaying(), ...window.lossplay.progress() };
      });
      assert.equal(paused.playing, false);
      assert.equal(await page.textContent('#depth-play'), 'Play');
      await ui.animationFrames(page, 5);
      assert.deepEqual(
        await progress(),
        { epoch: 0, fraction: paused.fraction, started: true },
        'nothing trains after Pause',
      );
      // Step goes on to the end of the epoch over frames, then draws it.
      await page.click('#depth-step');
      await page.waitForFunction(() => window.lossplay.progress().epoch === 1, null, {
        timeout: 60000,
      });
      await page.waitForFunction(
        () => document.querySelector('#depth-epoch').textContent === 'Epoch 1 of 100',
      );
      await ui.animationFrames(page, 5);
      assert.deepEqual(await progress(), { epoch: 1, fraction: 0, started: true }, 'one epoch');
      assert.equal((await page.evaluate(() => window.lossplay.history())).epoch, 1);
      await ui.assertNoBadNumbers(page);
    },
  );
});
