// The training race in headless Chromium: a race runs and both curves grow, pause, step and
// reset behave, a link restores the settings, a bad CSV file is refused with its message,
// and a run that diverges is reported with its epoch instead of being drawn. The verdict's
// epochs are checked against the history scanned here (never with the page's own code), Play
// refuses invalid settings, messages never pile up, epoch 0 is drawn before Play, both runs'
// curves share their line styles, and the widget offers only the data sets it ships.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { screenshot } from './browser_harness.mjs';
import * as ui from './page_helpers.mjs';
import { assertShows, shownNumber } from './reference.mjs';
import { evaluate, referenceRace } from './atlas/depth_reference.mjs';
import { grammarProblems } from '../sentence_grammar.mjs';

const lab = ui.pageSuite('race.html');

const history = (page) =>
  page.evaluate(() => {
    const h = window.lossplay.history();
    return {
      epoch: h.epoch,
      ce: [...h.ce.trainAccuracy],
      mse: [...h.mse.trainAccuracy],
      ceDiverged: h.ce.diverged,
      mseDiverged: h.mse.diverged,
      ceEpoch: h.ce.divergedEpoch,
    };
  });

// Written here, not imported from the page: the verdict is checked against an independent scan.
const firstAtLeast = (values, level) => {
  for (let epoch = 0; epoch < values.length; epoch += 1) {
    if (values[epoch] >= level) return epoch;
  }
  return null;
};
const percentText = (fraction) => `${Number((100 * fraction).toPrecision(4))} %`;
const milestoneCells = (page) =>
  page.$$eval('#race-milestones-body tr', (rows) =>
    rows.map((row) => [...row.cells].map((cell) => cell.textContent)),
  );
const visibleMessages = (page) =>
  page.$$eval('.field-error:not([hidden])', (nodes) => nodes.map((node) => node.id));
const charts = (page) => page.evaluate(() => window.lossplay.charts());
const finishRace = async (page) => {
  await page.click('#race-play');
  await page.waitForFunction(() => !window.lossplay.isPlaying(), null, { timeout: 20000 });
};
const ALL_DATA_SETS = ['blobs', 'xor', 'circles', 'spiral', 'breast-cancer', 'digits', 'csv'];

describe('training race', () => {
  lab.test(
    'play trains both runs, the curves grow, and CE wins from a confidently wrong start',
    { query: '?speed=200&epochs=60' },
    async ({ page }) => {
      assert.equal((await history(page)).epoch, 0);
      await page.click('#race-play');
      await page.waitForFunction(() => window.lossplay.history().epoch >= 60, null, {
        timeout: 20000,
      });
      const h = await history(page);
      assert.equal(h.ce.length, 61);
      assert.equal(h.mse.length, 61);
      const firstAbove = (values) => values.findIndex((v) => v >= 0.95);
      assert.ok(firstAbove(h.ce) >= 0, 'CE reaches 95 %');
      assert.ok(firstAbove(h.mse) === -1 || firstAbove(h.ce) < firstAbove(h.mse), 'CE first');
      assert.match(await page.textContent('#race-epoch'), /^Epoch 60 of 60$/);
      assert.equal(
        await page.getAttribute('#race-play', 'aria-pressed'),
        'false',
        'stops at the end',
      );
      assert.match(await page.textContent('#race-status-ce'), /training accuracy 100 %/);
      await screenshot(page, 'race-finished');
    },
  );

  lab.test('the curves download as CSV and each chart as PNG', async ({ page }) => {
    await page.click('#race-step');
    await page.click('#race-step');
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.click('#race-export-csv'),
    ]);
    assert.equal(csv.suggestedFilename(), 'lossplay-race.csv');
    const text = await (await import('node:fs/promises')).readFile(await csv.path(), 'utf8');
    const lines = text.trim().split('\n');
    assert.equal(
      lines[0],
      'epoch,ce_loss,ce_trainAccuracy,ce_testAccuracy,ce_gradientNorm,mse_loss,mse_trainAccuracy,mse_testAccuracy,mse_gradientNorm',
    );
    assert.equal(lines.length, 4, 'a header and epochs 0, 1, 2');
    const history = await page.evaluate(() => window.lossplay.history());
    assert.equal(Number(lines[3].split(',')[1]), history.ce.loss[2]);
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-export-png="race-loss-chart"]'),
    ]);
    assert.equal(png.suggestedFilename(), 'lossplay-race-loss-chart.png');
    const bytes = await (await import('node:fs/promises')).readFile(await png.path());
    assert.deepEqual([...bytes.subarray(1, 4)], [0x50, 0x4e, 0x47]); // "PNG"
  });

  lab.test('pause, step and reset', { query: '?speed=10' }, async ({ page }) => {
    await page.click('#race-play');
    await page.waitForFunction(() => window.lossplay.history().epoch >= 2);
    await page.click('#race-play');
    const paused = (await history(page)).epoch;
    await ui.animationFrames(page); // playback trains once a frame
    assert.equal((await history(page)).epoch, paused, 'paused means paused');
    await page.click('#race-step');
    // Step trains over frames: wait for its epoch, then let frames pass (it must stop there).
    await page.waitForFunction((p) => window.lossplay.history().epoch > p, paused);
    await ui.animationFrames(page);
    assert.equal((await history(page)).epoch, paused + 1);
    await page.click('#race-reset');
    assert.equal((await history(page)).epoch, 0);
    assert.match(await page.textContent('#race-epoch'), /^Epoch 0 of/);
  });

  test('a link restores the settings, and changed settings go into the link', async () => {
    const query =
      '?data=spiral&size=300&noise=0.1&hidden=16&activation=relu&lr=0.2&batch=16&epochs=80&seed=7&init=standard&z=-8&speed=30';
    const { page, context, problems } = await lab.open(query);
    assert.deepEqual(await ui.getState(page), {
      data: 'spiral',
      size: 300,
      noise: 0.1,
      hidden: 16,
      activation: 'relu',
      lr: 0.2,
      batch: 16,
      epochs: 80,
      seed: 7,
      init: 'standard',
      z: -8,
      speed: 30,
    });
    assert.equal(await page.inputValue('#race-hidden'), '16');
    assert.equal(await page.inputValue('#race-activation'), 'relu');
    await ui.typeInto(page, '#race-lr', '0.05');
    const written = await ui.settledQuery(page, 'lr=0.05');
    const restored = await lab.open(written);
    assert.deepEqual(await ui.getState(restored.page), await ui.getState(page));
    await screenshot(restored.page, 'race-spiral-from-link');
    const bad = await lab.open('?data=csv&lr=-1&init=maybe');
    assert.equal((await ui.getState(bad.page)).data, 'blobs');
    assert.equal((await ui.noticeTexts(bad.page)).length, 3);
    assert.deepEqual([...problems, ...restored.problems, ...bad.problems], []);
    for (const c of [context, restored.context, bad.context]) await c.close();
  });

  lab.test(
    'a bad CSV file is refused with the line and column; a good one is used',
    async ({ page }) => {
      const rows = Array.from({ length: 12 }, (_, i) => `${i},${i % 3},${i % 2 ? 'yes' : 'no'}`);
      const bad = [...rows.slice(0, 6), '7,x,yes', ...rows.slice(6)].join('\n');
      await page.selectOption('#race-data', 'csv');
      await page.setInputFiles('#race-csv', {
        name: 'mine.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(`a,b,label\n${bad}\n`),
      });
      await page.waitForSelector('#race-csv-error:not([hidden])');
      assert.equal(
        await page.textContent('#race-csv-error'),
        'mine.csv: Line 8, column 2: “x” is not a number. Write decimal numbers such as -2, 0.5 or 1e-3. The race keeps its previous data set (blobs).',
      );
      assert.equal((await ui.getState(page)).data, 'blobs', 'the last good data set stays');
      await page.setInputFiles('#race-csv', {
        name: 'good.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(`a,b,label\n${rows.join('\n')}\n`),
      });
      await page.waitForFunction(() => window.lossplay.getState().data === 'csv');
      assert.match(await page.textContent('#race-data-info'), /2 features, 2 classes/);
      assert.equal(await page.isHidden('#race-csv-error'), true);
    },
  );

  lab.test(
    'a CSV cell in hex or beyond 1e150 is refused with its place and the rule',
    async ({ page }) => {
      const rows = Array.from({ length: 12 }, (_, i) => `${i},${i % 3},${i % 2 ? 'yes' : 'no'}`);
      await page.selectOption('#race-data', 'csv');
      for (const [name, cell, message] of [
        // The number fields refuse 0x10; the CSV reader read it as 16.
        [
          'hex.csv',
          '0x10',
          '“0x10” is not a number. Write decimal numbers such as -2, 0.5 or 1e-3.',
        ],
        // 1e200 is a number, beyond the limit every value of the core keeps to.
        [
          'huge.csv',
          '1e200',
          '“1e200” is a number beyond the limit: a value must be a number in [-1e150, 1e150], got 1e+200.',
        ],
      ]) {
        const text = ['a,b,label', ...rows.slice(0, 4), `5,${cell},yes`, ...rows.slice(4)];
        await page.setInputFiles('#race-csv', {
          name,
          mimeType: 'text/csv',
          buffer: Buffer.from(text.join('\n')),
        });
        await page.waitForFunction(
          (file) => document.getElementById('race-csv-error').textContent.startsWith(file),
          name,
        );
        assert.equal(
          await page.textContent('#race-csv-error'),
          `${name}: Line 6, column 2: ${message} The race keeps its previous data set (blobs).`,
        );
      }
      assert.equal((await ui.getState(page)).data, 'blobs');
    },
  );

  lab.test(
    'a 3 MB CSV is read in slices: the page keeps responding and shows progress',
    async ({ page }) => {
      // 20000 rows (the limit) of 16 features and a label of three classes, about 3 MB.
      let seed = 11;
      const uniform = () => {
        seed = (seed * 48271) % 2147483647;
        return seed / 2147483647;
      };
      const lines = ['f1,f2,f3,f4,f5,f6,f7,f8,f9,f10,f11,f12,f13,f14,f15,f16,label'];
      for (let row = 0; row < 20000; row += 1) {
        const features = Array.from({ length: 16 }, () => (20 * uniform() - 10).toFixed(6));
        lines.push(`${features.join(',')},${row % 3}`);
      }
      const buffer = Buffer.from(lines.join('\n'));
      assert.ok(buffer.length > 3e6, `${buffer.length} bytes`);
      await page.selectOption('#race-data', 'csv');
      // A timer that should fire every 5 ms records the longest gap between its callbacks, and
      // every text the progress line shows. A long task would show as a long gap. The watch
      // starts when the page has the file: handing it over is Playwright's own work (it decodes
      // the bytes in the page), not the page's.
      await page.evaluate(() => {
        const watch = { longest: 0, progress: [], stop: false };
        window.responsiveness = watch;
        let last = null;
        const tick = () => {
          const now = performance.now();
          if (last !== null) watch.longest = Math.max(watch.longest, now - last);
          last = now;
          if (!watch.stop) setTimeout(tick, 5);
        };
        const input = document.getElementById('race-csv');
        input.addEventListener('change', () => setTimeout(tick, 5), { capture: true, once: true });
        const box = document.getElementById('race-csv-progress');
        new MutationObserver(() => {
          if (!box.hidden) watch.progress.push(box.textContent);
        }).observe(box, { childList: true, characterData: true, subtree: true, attributes: true });
      });
      await page.setInputFiles('#race-csv', { name: 'big.csv', mimeType: 'text/csv', buffer });
      await page.waitForFunction(() => window.lossplay.getState().data === 'csv', null, {
        timeout: 60000,
      });
      const watch = await page.evaluate(() => {
        window.responsiveness.stop = true;
        return window.responsiveness;
      });
      // A responsiveness check, not a speed test: no single task held the page for 200 ms.
      assert.ok(
        watch.longest < 200,
        `the longest gap between timer callbacks was ${watch.longest} ms`,
      );
      const shown = watch.progress.map((text) => text.match(/^Reading rows… (\d+) %$/));
      assert.ok(shown.every(Boolean), watch.progress.join(' | '));
      const percents = shown.map((match) => Number(match[1]));
      assert.ok(
        percents.some((p) => p > 0 && p < 100),
        `progress shown: ${percents.join(', ')}`,
      );
      assert.deepEqual(
        percents,
        [...percents].sort((a, b) => a - b),
        'progress only grows',
      );
      assert.equal(await page.isHidden('#race-csv-progress'), true);
      assert.match(await page.textContent('#race-data-info'), /16 features, 3 classes/);
    },
  );

  lab.test(
    'real data: digits with an MLP, and no decision-region panel for 64 features',
    { query: '?data=digits&hidden=16&init=standard&lr=0.5&epochs=5&speed=200' },
    async ({ page }) => {
      assert.match(await page.textContent('#race-data-info'), /64 features, 10 classes/);
      assert.equal(await page.isHidden('#race-boundaries'), true);
      await page.click('#race-play');
      await page.waitForFunction(() => window.lossplay.history().epoch >= 5, null, {
        timeout: 20000,
      });
      const h = await history(page);
      assert.ok(h.ce[5] > 0.8, `CE training accuracy on digits after 5 epochs: ${h.ce[5]}`);
    },
  );

  lab.test(
    'a learning rate that blows up is reported with its epoch, never drawn as NaN',
    {
      query:
        '?data=spiral&hidden=8&activation=relu&lr=100000&batch=4&init=standard&epochs=20&speed=200',
    },
    async ({ page }) => {
      await page.click('#race-play');
      await page.waitForFunction(() => window.lossplay.history().ce.diverged);
      const h = await history(page);
      const status = await page.textContent('#race-status-ce');
      assert.match(status, new RegExp(`diverged at epoch ${h.ceEpoch}`));
      assert.equal(h.ce.length, h.ceEpoch, 'history ends before the epoch that broke');
      assert.doesNotMatch(await page.textContent('body'), /NaN|Infinity/);
      await screenshot(page, 'race-diverged');
    },
  );

  lab.test(
    'settings that cannot start a race say why and keep the running race',
    { query: '?data=digits&init=standard' },
    async ({ page }) => {
      await page.selectOption('#race-init', 'logit');
      assert.match(
        await page.textContent('#race-settings-error'),
        /starting from a logit needs two classes/,
      );
      assert.equal((await ui.getState(page)).init, 'standard');
      await page.click('#race-play');
      assert.match(
        await page.textContent('#race-play-message'),
        /^Play waits: these settings cannot start a race\./,
      );
      assert.equal((await history(page)).epoch, 0);
      await ui.typeInto(page, '#race-batch', '0');
      assert.match(
        await page.textContent('#race-batch-error'),
        /batch size must be between 1 and 4096/,
      );
      await ui.typeInto(page, '#race-hidden', '2.5');
      assert.match(await page.textContent('#race-hidden-error'), /must be a whole number/);
    },
  );
  lab.test(
    'while a race plays only the charts on screen redraw; a pause brings every chart up to date',
    { query: '?speed=200&epochs=2000' },
    async ({ page }) => {
      await page.locator('#race-loss-chart').scrollIntoViewIfNeeded();
      const onScreen = (id) =>
        page.evaluate((target) => {
          const box = document.getElementById(target).getBoundingClientRect();
          return box.bottom > 0 && box.top < window.innerHeight;
        }, id);
      assert.equal(await onScreen('race-loss-chart'), true);
      assert.equal(await onScreen('race-norm-chart'), false, 'the gradient-norm chart is below');
      // Play without scrolling back to the button.
      await page.evaluate(() => document.getElementById('race-play').click());
      await page.waitForFunction(() => window.lossplay.history().epoch >= 150, null, {
        timeout: 20000,
      });
      const head = (chart) => Math.max(...chart.datasets.map((d) => d.points.at(-1)?.x ?? 0));
      const playing = await charts(page);
      assert.ok(head(playing.loss) >= 50, `the loss chart follows: epoch ${head(playing.loss)}`);
      assert.equal(head(playing.norm), 0, 'the chart off screen waits');
      await page.evaluate(() => document.getElementById('race-play').click());
      await page.waitForFunction(() => !window.lossplay.isPlaying());
      const { epoch } = await page.evaluate(() => window.lossplay.history());
      const paused = await charts(page);
      for (const chart of [paused.loss, paused.accuracy, paused.norm]) {
        assert.equal(head(chart), epoch, 'every chart reaches the paused epoch');
      }
    },
  );
  lab.test(
    'before Play, epoch 0 is drawn: the curves, the decision regions, a waiting verdict',
    async ({ page }) => {
      const drawn = await charts(page);
      for (const chart of [drawn.loss, drawn.accuracy]) {
        for (const dataset of chart.datasets) {
          assert.deepEqual(
            dataset.points.map((point) => point.x),
            [0],
            `${dataset.label} has its epoch-0 point`,
          );
          assert.ok(Number.isFinite(dataset.points[0].y), dataset.label);
          assert.deepEqual(dataset.dots, [0], `${dataset.label} shows a dot at epoch 0`);
        }
      }
      const regions = await page.evaluate(() => {
        const canvas = document.getElementById('race-boundary-ce');
        const { width, height } = canvas;
        const pixel = canvas.getContext('2d').getImageData(width >> 1, height >> 1, 1, 1).data;
        return { width, height, alpha: pixel[3] };
      });
      assert.ok(regions.width > 10 && regions.height > 10, JSON.stringify(regions));
      assert.equal(regions.alpha, 255, 'the decision regions are painted');
      assert.deepEqual(await milestoneCells(page), [
        ['90 %', 'not yet', 'not yet'],
        ['100 %', 'not yet', 'not yet'],
      ]);
      assert.equal(
        await page.textContent('#race-verdict-stuck'),
        'Neither run has reached 90 % training accuracy yet.',
      );
      assert.deepEqual(
        await page.$$eval('#race-data option', (options) => options.map((o) => o.value)),
        ALL_DATA_SETS,
        'the site offers every data set',
      );
    },
  );

  lab.test(
    'the verdict gives the epochs each run first reached 90 % and 100 %, as the history says',
    { query: '?speed=200&epochs=60' },
    async ({ page }) => {
      await finishRace(page);
      const h = await page.evaluate(() => {
        const { epoch, ce, mse } = window.lossplay.history();
        const run = (r) => ({ train: [...r.trainAccuracy], test: [...r.testAccuracy] });
        return { epoch, ce: run(ce), mse: run(mse) };
      });
      assert.equal(h.epoch, 60);
      const [ce90, ce100] = [0.9, 1].map((level) => firstAtLeast(h.ce.train, level));
      const [mse90, mse100] = [0.9, 1].map((level) => firstAtLeast(h.mse.train, level));
      assert.ok(ce90 !== null && mse90 !== null && ce90 < mse90, 'this start makes MSE stall');
      const cell = (epoch) => (epoch === null ? 'never in 60 epochs' : `epoch ${epoch}`);
      assert.deepEqual(await milestoneCells(page), [
        ['90 %', cell(ce90), cell(mse90)],
        ['100 %', cell(ce100), cell(mse100)],
      ]);
      assert.equal(
        await page.textContent('#race-verdict-stuck'),
        `MSE was stuck below 90 % training accuracy for ${mse90 - ce90} epochs after cross-entropy got there (epoch ${ce90} to epoch ${mse90}).`,
      );
      const [ceTest, mseTest] = [h.ce.test.at(-1), h.mse.test.at(-1)];
      assert.equal(
        await page.textContent('#race-verdict-final'),
        ceTest === mseTest
          ? `Both end at ${percentText(ceTest)} test accuracy: the difference is how fast they got there.`
          : `At epoch 60, test accuracy is ${percentText(ceTest)} for cross-entropy and ${percentText(mseTest)} for MSE.`,
      );
      assert.match(await page.textContent('.race-verdict'), /different\s+scales/);
      // The accuracy chart marks the same epochs, one line per run and epoch.
      const drawn = await charts(page);
      const expected = [
        ['ce', ce90, ce100],
        ['mse', mse90, mse100],
      ].flatMap(([run, at90, at100]) =>
        at90 === at100
          ? [{ run, x: at90, levels: [0.9, 1] }]
          : [
              { run, x: at90, levels: [0.9] },
              ...(at100 === null ? [] : [{ run, x: at100, levels: [1] }]),
            ],
      );
      assert.deepEqual(
        drawn.accuracy.markers.map(({ run, x, levels }) => ({ run, x, levels })),
        expected,
      );
      assert.equal(drawn.accuracy.markerPixels.length, expected.length, 'every marker is drawn');
      // Line styles mean the same for both runs: training solid, test dashed.
      const dash = (chart, label) => chart.datasets.find((d) => d.label === label).borderDash;
      assert.deepEqual(dash(drawn.accuracy, 'CE, test'), dash(drawn.accuracy, 'MSE, test'));
      assert.deepEqual(dash(drawn.accuracy, 'CE, training'), dash(drawn.accuracy, 'MSE, training'));
      assert.deepEqual(dash(drawn.accuracy, 'CE, training'), []);
      assert.notDeepEqual(dash(drawn.accuracy, 'CE, test'), []);
      for (const chart of [drawn.loss, drawn.norm]) {
        assert.deepEqual(
          chart.datasets.map((d) => d.borderDash),
          [[], []],
        );
      }
      await screenshot(page, 'race-verdict');
    },
  );

  lab.test(
    'a race that ends before MSE gets there says “never”, as the exported CSV says',
    { query: '?speed=200&epochs=12' },
    async ({ page }) => {
      await finishRace(page);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click('#race-export-csv'),
      ]);
      const [header, ...rows] = (await readFile(await download.path(), 'utf8')).trim().split('\n');
      const column = (name) => {
        const index = header.split(',').indexOf(name);
        return rows.map((row) => Number(row.split(',')[index]));
      };
      const ce90 = firstAtLeast(column('ce_trainAccuracy'), 0.9);
      const ce100 = firstAtLeast(column('ce_trainAccuracy'), 1);
      assert.equal(rows.length, 13);
      assert.ok(ce90 !== null, 'CE gets there');
      assert.equal(firstAtLeast(column('mse_trainAccuracy'), 0.9), null, 'MSE does not');
      assert.deepEqual(await milestoneCells(page), [
        ['90 %', `epoch ${ce90}`, 'never in 12 epochs'],
        ['100 %', ce100 === null ? 'never in 12 epochs' : `epoch ${ce100}`, 'never in 12 epochs'],
      ]);
      assert.equal(
        await page.textContent('#race-verdict-stuck'),
        `MSE stayed stuck below 90 % training accuracy for all ${12 - ce90} epochs after cross-entropy got there at epoch ${ce90}.`,
      );
    },
  );

  lab.test(
    'Play refuses while a field is invalid, says why, and starts once it is fixed',
    { query: '?speed=200&epochs=30' },
    async ({ page }) => {
      await page.fill('#race-lr', '-1'); // no Enter: its own message would wait for a pause
      await page.click('#race-play');
      assert.equal(
        await page.textContent('#race-play-message'),
        'Play waits: the learning rate is not valid. Fix it, or press Reset to go back to the values in use.',
      );
      assert.equal(await page.isVisible('#race-lr-error'), true, 'the field says what is wrong');
      await page.click('#race-step');
      assert.match(await page.textContent('#race-play-message'), /^Step waits: the learning rate/);
      await page.fill('#race-batch', '0');
      await page.click('#race-play');
      assert.match(
        await page.textContent('#race-play-message'),
        /^Play waits: the learning rate and the batch size are not valid\./,
      );
      await ui.animationFrames(page);
      assert.equal(await page.evaluate(() => window.lossplay.isPlaying()), false);
      assert.equal((await history(page)).epoch, 0, 'nothing trained with the old values');
      await ui.typeInto(page, '#race-lr', '0.4');
      assert.deepEqual(await visibleMessages(page), [], 'a valid input clears every message');
      assert.equal(await page.inputValue('#race-batch'), '32', 'the batch size in use is shown');
      await page.click('#race-play');
      await page.waitForFunction(() => window.lossplay.history().epoch >= 1);
      assert.equal((await ui.getState(page)).lr, 0.4);
    },
  );

  lab.test(
    'messages never pile up, a link’s CSV notice goes with a new data set, Reset clears all',
    { query: '?data=csv' },
    async ({ page }) => {
      assert.equal((await ui.noticeTexts(page)).length, 1);
      assert.match((await ui.noticeTexts(page))[0], /CSV file of its own/);
      await page.selectOption('#race-data', 'xor');
      await page.waitForFunction(() => window.lossplay.getState().data === 'xor');
      assert.deepEqual(
        await ui.noticeTexts(page),
        [],
        'the notice goes once another data set loads',
      );

      const rows = Array.from({ length: 12 }, (_, i) => `${i},${i % 3},${i % 2}`);
      const badCsv = async (name) => {
        await page.selectOption('#race-data', 'csv');
        await page.setInputFiles('#race-csv', {
          name,
          mimeType: 'text/csv',
          buffer: Buffer.from(`a,b,label\n${rows.join('\n')}\n1,x,0\n`),
        });
        await page.waitForFunction(
          (file) => document.getElementById('race-csv-error').textContent.startsWith(file),
          name,
        );
      };
      const everyBadInput = async () => {
        for (const text of ['-1', 'abc', '0']) await ui.typeInto(page, '#race-lr', text);
        for (const text of ['0', '99999']) await ui.typeInto(page, '#race-batch', text);
        await ui.typeInto(page, '#race-hidden', '2.5');
        await badCsv('first.csv');
        await badCsv('second.csv');
        await page.click('#race-play');
        await page.click('#race-play');
      };
      await everyBadInput();
      assert.deepEqual((await visibleMessages(page)).sort(), [
        'race-batch-error',
        'race-csv-error',
        'race-hidden-error',
        'race-lr-error',
        'race-play-message',
      ]);
      assert.match(
        await page.textContent('#race-lr-error'),
        /\(got 0\)/,
        'the latest problem only',
      );
      assert.match(await page.textContent('#race-csv-error'), /^second\.csv: .*previous data set/);
      assert.ok((await ui.noticeTexts(page)).length <= 1);
      await page.click('#race-reset');
      assert.deepEqual(await visibleMessages(page), [], 'Reset clears every message');
      assert.deepEqual(await ui.noticeTexts(page), []);
      assert.equal(await page.inputValue('#race-lr'), '0.5');
      assert.equal(await page.inputValue('#race-data'), 'xor');
      await everyBadInput();
      await ui.typeInto(page, '#race-seed', '2');
      assert.deepEqual(await visibleMessages(page), [], 'so does the next valid input');
    },
  );

  lab.test(
    'axis titles fit their axes on a short phone screen',
    { viewport: { width: 390, height: 600 } },
    async ({ page }) => {
      const drawn = await charts(page);
      for (const [name, chart] of Object.entries(drawn)) {
        const { lines, widths, axisLength } = chart.yTitle;
        widths.forEach((width, i) =>
          assert.ok(
            width <= axisLength,
            `${name}: “${lines[i]}” ${width} px on a ${axisLength} px axis`,
          ),
        );
      }
    },
  );

  // The widget finds the real data sets in the data/ folder beside lossplay-embed.js (the built
  // site has them), so it offers every set the page does.
  test('the widget’s race offers the real data sets found beside its script', async () => {
    const { page, context, problems } = await lab.openPage('examples/blog.html');
    await page.evaluate(() => {
      const widget = document.createElement('loss-playground');
      widget.id = 'race-widget';
      widget.setAttribute('panel', 'race');
      document.body.append(widget);
      widget.scrollIntoView(); // a widget starts when it comes near the viewport
    });
    await page.waitForFunction(
      () => document.getElementById('race-widget').dataset.ready === 'true',
      null,
      { timeout: 20000 },
    );
    const offered = await page.evaluate(() =>
      [
        ...document.getElementById('race-widget').shadowRoot.getElementById('race-data').options,
      ].map((option) => option.value),
    );
    assert.deepEqual(offered, ALL_DATA_SETS);
    const accuracy = await page.evaluate(
      () => document.getElementById('race-widget').lossplay.charts().accuracy,
    );
    assert.deepEqual(accuracy.datasets[0].dots, [0], 'epoch 0 drawn in the widget too');
    assert.deepEqual(problems, []);
    await context.close();
  });
});

// The questions, the accuracy axis and the numbers table against the plain-JS model of the race
// (atlas/depth_reference.mjs: the same seeded data, start and SGD, written from the
// description), never against the page's core.
const QUESTION_RACE = {
  data: { kind: 'blobs', size: 200, noise: 0.2 },
  hidden: 0,
  learningRate: 0.5,
  batchSize: 32,
  seed: 1,
};
const firstMseAt90 = (race) =>
  firstAtLeast(
    race.mse.history.map((row) => row.trainAccuracy),
    0.9,
  );
const firstCeAt90 = (race) =>
  firstAtLeast(
    race.ce.history.map((row) => row.trainAccuracy),
    0.9,
  );

/** min, max and mean of the start's logits over the training points, by label. */
function startLogits(init) {
  const race = referenceRace({ ...QUESTION_RACE, init });
  const { logits } = evaluate(race.start, race.split.train, 'ce');
  const z = logits.map(([v]) => v);
  const stats = (values) => ({
    min: Math.min(...values),
    max: Math.max(...values),
    mean: values.reduce((a, b) => a + b, 0) / values.length,
  });
  const labels = race.split.train.y;
  return {
    ones: stats(z.filter((_, i) => labels[i] === 1)),
    zeros: stats(z.filter((_, i) => labels[i] === 0)),
    all: stats(z),
    wrong: z.filter((v, i) => v >= 0 !== (labels[i] === 1)).length,
    rows: z.length,
    minSlope: Math.min(...z.map((v) => 1 / (2 + 2 * Math.cosh(v)))), // σ′(z) = σ(z)σ(−z)
  };
}

async function questionVerdict(page, id, choice) {
  const form = `form[data-question="${id}"]`;
  await page.check(`${form} input[data-choice="${choice}"]`);
  await page.click(`${form} [data-check]`);
  await page.waitForSelector(`${form} [data-verdict][data-correct]`);
  const prompt = await page.textContent(`${form} legend`);
  const why = (await page.textContent(`${form} [data-verdict] p`)).replace(/\s+/g, ' ');
  assert.deepEqual(grammarProblems(why), [], why);
  return { prompt, why };
}

/** Checks "z from A to B (M on average)" in `text` after `lead` against a reference range. */
function assertRange(text, lead, { min, max, mean }) {
  const found = text.match(new RegExp(`${lead} z from (\\S+) to (\\S+) \\((\\S+) on average\\)`));
  assert.ok(found, `${lead}: ${text}`);
  assertShows(found[1], min, `${lead} min`);
  assertShows(found[2], max, `${lead} max`);
  assertShows(found[3], mean, `${lead} mean`);
}

describe('training race: what the questions, the axis and the table say', () => {
  lab.test(
    'the wrong-start question describes the start it sets: class means at ∓6, not every point at −8',
    async ({ page }) => {
      const { prompt, why } = await questionVerdict(page, 'wrong-start', 'ce');
      assert.doesNotMatch(prompt, /z = −8|every point/);
      const start = startLogits('wrong');
      assertRange(why, 'the points labeled 1 score', start.ones);
      assertRange(why, 'those labeled 0 score', start.zeros);
      const trained = referenceRace({ ...QUESTION_RACE, init: 'wrong' }, 200);
      assert.match(
        why,
        new RegExp(
          `Cross-entropy reaches 90 % at epoch ${firstCeAt90(trained)}; MSE gets there at epoch ${firstMseAt90(trained)}\\.`,
        ),
      );
    },
  );

  lab.test(
    'the fair-start question calls the random start unsure, not neutral, and counts its mistakes',
    async ({ page }) => {
      const { prompt, why } = await questionVerdict(page, 'fair-start', 'close');
      assert.doesNotMatch(prompt, /neither right nor wrong/);
      assert.match(prompt, /unsure/);
      const start = startLogits('standard');
      const found = why.match(/puts (\d+) of the (\d+) training points on the wrong side/);
      assert.ok(found, why);
      assert.deepEqual([Number(found[1]), Number(found[2])], [start.wrong, start.rows]);
      const range = why.match(
        /scores them z from (\S+) to (\S+), where σ′\(z\) is at least (\S+)\./,
      );
      assert.ok(range, why);
      assertShows(range[1], start.all.min, 'lowest z');
      assertShows(range[2], start.all.max, 'highest z');
      assertShows(range[3], start.minSlope, 'smallest σ′');
    },
  );

  lab.test('the larger-step verdict is one grammatical sentence per outcome', async ({ page }) => {
    const { why } = await questionVerdict(page, 'larger-step', 'faster');
    const fast = firstMseAt90(
      referenceRace({ ...QUESTION_RACE, init: 'wrong', learningRate: 5 }, 200),
    );
    const slow = firstMseAt90(referenceRace({ ...QUESTION_RACE, init: 'wrong' }, 200));
    assert.ok(fast !== null && slow !== null, 'both reach 90 % on these blobs');
    assert.match(
      why,
      new RegExp(
        `^Right\\. At learning rate 5, MSE reaches 90 % at epoch ${fast}; at 0\\.5 it gets there at epoch ${slow}\\.`,
      ),
    );
    assert.doesNotMatch(why, /against at/);
  });

  lab.test(
    'on a short accuracy chart the top tick is 1, labelled',
    { viewport: { width: 1024, height: 768 } },
    async ({ page }) => {
      await ui.animationFrames(page, 2);
      const { yScale } = (await charts(page)).accuracy;
      assert.equal(yScale.max, 1);
      const top = yScale.ticks.at(-1);
      assert.equal(top.value, 1, JSON.stringify(yScale.ticks));
      assert.equal(shownNumber(top.label), 1);
      // Every tick divides the axis evenly, so no label sits against the border unmarked.
      const step = yScale.ticks[1].value - yScale.ticks[0].value;
      assert.ok(Math.abs(1 / step - Math.round(1 / step)) < 1e-9, `step ${step}`);
    },
  );

  lab.test(
    'a run that diverged shows "—" in the numbers table after it stopped, the other run its values',
    {
      query:
        '?data=spiral&hidden=8&activation=relu&lr=100000&batch=4&init=standard&epochs=8&speed=200',
    },
    async ({ page }) => {
      await finishRace(page);
      const reference = referenceRace(
        {
          data: { kind: 'spiral', size: 200, noise: 0.2 },
          hidden: 8,
          activation: 'relu',
          learningRate: 1e5,
          batchSize: 4,
          seed: 1,
          init: 'standard',
        },
        8,
      );
      assert.ok(reference.ce.diverged && !reference.mse.diverged, 'CE alone blows up here');
      const panel = page.locator('.panel:has(#race-accuracy-chart)');
      await panel.locator('.chart-numbers summary').click();
      await page.waitForFunction(
        () =>
          document
            .querySelector('.panel:has(#race-accuracy-chart) .chart-numbers')
            .querySelectorAll('tbody tr').length > 0,
      );
      const rows = await panel
        .locator('.chart-numbers tbody tr')
        .evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((cell) => cell.textContent)));
      assert.deepEqual(
        rows.map(([epoch]) => Number(epoch)),
        [...Array(9).keys()],
        'one row per epoch, from the run that kept going',
      );
      for (const [epoch, ceTrain, ceTest, mseTrain, mseTest] of rows) {
        const e = Number(epoch);
        const ce = reference.ce.history[e];
        const mse = reference.mse.history[e];
        if (e >= reference.ce.divergedEpoch) {
          assert.deepEqual([ceTrain, ceTest], ['—', '—'], `epoch ${e}: the stopped run`);
        } else {
          assertShows(ceTrain, ce.trainAccuracy, `epoch ${e} CE training`);
          assertShows(ceTest, ce.testAccuracy, `epoch ${e} CE test`);
        }
        assertShows(mseTrain, mse.trainAccuracy, `epoch ${e} MSE training`);
        assertShows(mseTest, mse.testAccuracy, `epoch ${e} MSE test`);
      }
    },
  );
});
