// The training race in headless Chromium: a race runs and both curves grow, pause, step and
// reset behave, a link restores the settings, a bad CSV file is refused with its message,
// and a run that diverges is reported with its epoch instead of being drawn.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { screenshot } from './browser_harness.mjs';
import {
  getState,
  noticeTexts,
  openReady,
  settledQuery,
  typeInto,
  useServerAndBrowser,
} from './page_helpers.mjs';

let server;
let browser;
const PAGE = 'race.html';

useServerAndBrowser((env) => ({ server, browser } = env));

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
describe('training race', () => {
  test('play trains both runs, the curves grow, and CE wins from a confidently wrong start', async () => {
    const { page, context, problems } = await openReady(
      browser,
      `${server.url}${PAGE}?speed=200&epochs=60`,
    );
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
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the curves download as CSV and each chart as PNG', async () => {
    const { page, context, problems } = await openReady(browser, `${server.url}${PAGE}`);
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
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('pause, step and reset', async () => {
    const { page, context, problems } = await openReady(browser, `${server.url}${PAGE}?speed=10`);
    await page.click('#race-play');
    await page.waitForFunction(() => window.lossplay.history().epoch >= 2);
    await page.click('#race-play');
    const paused = (await history(page)).epoch;
    await page.waitForTimeout(400);
    assert.equal((await history(page)).epoch, paused, 'paused means paused');
    await page.click('#race-step');
    assert.equal((await history(page)).epoch, paused + 1);
    await page.click('#race-reset');
    assert.equal((await history(page)).epoch, 0);
    assert.match(await page.textContent('#race-epoch'), /^Epoch 0 of/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a link restores the settings, and changed settings go into the link', async () => {
    const query =
      '?data=spiral&size=300&noise=0.1&hidden=16&activation=relu&lr=0.2&batch=16&epochs=80&seed=7&init=standard&z=-8&speed=30';
    const { page, context, problems } = await openReady(browser, `${server.url}${PAGE}${query}`);
    assert.deepEqual(await getState(page), {
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
    await typeInto(page, '#race-lr', '0.05');
    const written = await settledQuery(page, 'lr=0.05');
    const restored = await openReady(browser, `${server.url}${PAGE}${written}`);
    assert.deepEqual(await getState(restored.page), await getState(page));
    await screenshot(restored.page, 'race-spiral-from-link');
    const bad = await openReady(browser, `${server.url}${PAGE}?data=csv&lr=-1&init=maybe`);
    assert.equal((await getState(bad.page)).data, 'blobs');
    assert.equal((await noticeTexts(bad.page)).length, 3);
    assert.deepEqual([...problems, ...restored.problems, ...bad.problems], []);
    for (const c of [context, restored.context, bad.context]) await c.close();
  });

  test('a bad CSV file is refused with the line and column; a good one is used', async () => {
    const { page, context, problems } = await openReady(browser, `${server.url}${PAGE}`);
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
      'mine.csv: Line 8, column 2: “x” is not a number. The race keeps its previous data set (blobs).',
    );
    assert.equal((await getState(page)).data, 'blobs', 'the last good data set stays');
    await page.setInputFiles('#race-csv', {
      name: 'good.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`a,b,label\n${rows.join('\n')}\n`),
    });
    await page.waitForFunction(() => window.lossplay.getState().data === 'csv');
    assert.match(await page.textContent('#race-data-info'), /2 features, 2 classes/);
    assert.equal(await page.isHidden('#race-csv-error'), true);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('real data: digits with an MLP, and no decision-region panel for 64 features', async () => {
    const { page, context, problems } = await openReady(
      browser,
      `${server.url}${PAGE}?data=digits&hidden=16&init=standard&lr=0.5&epochs=5&speed=200`,
    );
    assert.match(await page.textContent('#race-data-info'), /64 features, 10 classes/);
    assert.equal(await page.isHidden('#race-boundaries'), true);
    await page.click('#race-play');
    await page.waitForFunction(() => window.lossplay.history().epoch >= 5, null, {
      timeout: 20000,
    });
    const h = await history(page);
    assert.ok(h.ce[5] > 0.8, `CE training accuracy on digits after 5 epochs: ${h.ce[5]}`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a learning rate that blows up is reported with its epoch, never drawn as NaN', async () => {
    const { page, context, problems } = await openReady(
      browser,
      `${server.url}${PAGE}?data=spiral&hidden=8&activation=relu&lr=100000&batch=4&init=standard&epochs=20&speed=200`,
    );
    await page.click('#race-play');
    await page.waitForFunction(() => window.lossplay.history().ce.diverged);
    const h = await history(page);
    const status = await page.textContent('#race-status-ce');
    assert.match(status, new RegExp(`diverged at epoch ${h.ceEpoch}`));
    assert.equal(h.ce.length, h.ceEpoch, 'history ends before the epoch that broke');
    assert.doesNotMatch(await page.textContent('body'), /NaN|Infinity/);
    await screenshot(page, 'race-diverged');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('settings that cannot start a race say why and keep the running race', async () => {
    const { page, context, problems } = await openReady(
      browser,
      `${server.url}${PAGE}?data=digits&init=standard`,
    );
    await page.selectOption('#race-init', 'logit');
    assert.match(
      await page.textContent('#race-settings-error'),
      /starting from a logit needs two classes/,
    );
    assert.equal((await getState(page)).init, 'standard');
    await typeInto(page, '#race-batch', '0');
    assert.match(
      await page.textContent('#race-batch-error'),
      /batch size must be between 1 and 4096/,
    );
    await typeInto(page, '#race-hidden', '2.5');
    assert.match(await page.textContent('#race-hidden-error'), /must be a whole number/);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
