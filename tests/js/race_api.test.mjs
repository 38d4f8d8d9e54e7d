// The training race through the WASM build: its API, its errors, and its reproducibility.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { corePromise } from './load_core.mjs';
import { raceLosses } from './race_runs.mjs';
import { grammarProblems } from '../sentence_grammar.mjs';
import { twoRates, twoRuns } from '../../web/panels/race/question_text.js';
import { raceVerdict } from '../../web/panels/race/verdict.js';

const breastCancer = readFileSync(new URL('../../data/breast_cancer.csv', import.meta.url), 'utf8');
const digits = readFileSync(new URL('../../data/digits.csv', import.meta.url), 'utf8');

test('the shipped data sets parse: 569 × 30 in two classes, 1797 × 64 in ten', async () => {
  const core = await corePromise;
  const { x, y, ...summary } = core.parseCsvDataset(breastCancer);
  assert.deepEqual(summary, { rows: 569, features: 30, classes: 2, classNames: ['0', '1'] });
  assert.equal(x.length, 569 * 30);
  assert.equal(x[0], 17.99); // the file's first cell
  assert.equal(y.length, 569);
  const info = core.parseCsvDataset(digits);
  assert.equal(info.rows, 1797);
  assert.equal(info.features, 64);
  assert.equal(info.classes, 10);
});

test('a race is reproducible and both runs start from the same point', async () => {
  const core = await corePromise;
  const settings = { data: { kind: 'xor', size: 300, noise: 0.1 }, hidden: 8, seed: 4 };
  const a = core.createRace(settings);
  const b = core.createRace(settings);
  a.step(10);
  b.step(5);
  b.step(5);
  const ha = a.history();
  const hb = b.history();
  assert.equal(ha.epoch, 10);
  assert.deepEqual([...ha.ce.loss], [...hb.ce.loss]);
  assert.deepEqual([...ha.mse.trainAccuracy], [...hb.mse.trainAccuracy]);
  assert.equal(ha.ce.trainAccuracy[0], ha.mse.trainAccuracy[0]);
  assert.ok(ha.ce.loss instanceof Float64Array && ha.ce.loss.length === 11);
  const grid = a.grid('mse', -2, 2, -2, 2, 5, 4);
  assert.equal(grid.length, 20);
  assert.ok(grid.every((p) => p >= 0 && p <= 1));
  const points = a.points();
  assert.equal(points.train.x.length, 2 * a.info().trainRows);
  a.dispose();
  b.dispose();
});

test('on breast cancer, logistic regression with CE tests above 90 % after a few epochs', async () => {
  const core = await corePromise;
  const race = core.createRace({ data: { csv: breastCancer }, learningRate: 0.1, seed: 2 });
  race.step(10);
  const history = race.history();
  assert.ok(history.ce.testAccuracy[10] > 0.9, String(history.ce.testAccuracy[10]));
  assert.throws(() => race.points(), /two features only/);
  race.dispose();
});

test('bad settings and bad CSV throw errors that say what is wrong', async () => {
  const core = await corePromise;
  for (const [settings, pattern] of [
    [{ data: { kind: 'moons' } }, /data.kind must be "blobs", "xor", "circles" or "spiral"/],
    [{ data: { kind: 'blobs', size: 5 } }, /size must be an integer in \[20, 5000\], got 5/],
    [{ data: { kind: 'blobs' }, learningRate: 0 }, /learning rate must be a number in \(0, 1e6\]/],
    [{ data: { kind: 'blobs' }, hidden: 100 }, /hidden units must be an integer in \[0, 64\]/],
    [
      { data: { kind: 'blobs' }, activation: 'gelu' },
      /activation must be "tanh", "relu" or "sigmoid"/,
    ],
    [{ data: { kind: 'blobs' }, hidden: '4' }, /hidden must be a number/],
    [
      { data: { csv: digits }, init: 'logit' },
      /starting from a logit needs two classes; this data set has 10/,
    ],
    [{ data: { csv: 'a,b\n1,2\n' } }, /at least 10 data rows/],
    [null, /settings must be an object/],
  ]) {
    assert.throws(() => core.createRace(settings), pattern);
  }
  assert.throws(() => core.parseCsvDataset('1,2,a\n'.repeat(11) + '1,2\n'), {
    name: 'RangeError',
    message: 'parseCsvDataset(text): Line 12 has 2 columns; the lines before it have 3.',
  });
});

test('epoch() and diverged() are the cheap reads of what history() says', async () => {
  const core = await corePromise;
  const race = core.createRace({ data: { kind: 'blobs' }, hidden: 4, seed: 3 });
  assert.equal(race.epoch(), 0);
  assert.deepEqual(race.diverged(), { ce: false, mse: false });
  race.step(7);
  assert.equal(race.epoch(), 7);
  assert.equal(race.epoch(), race.history().epoch);
  race.dispose();
  // A learning rate that blows the cross-entropy run up within a few epochs (as in the
  // browser suite's divergence test).
  const wild = core.createRace({
    data: { kind: 'spiral' },
    hidden: 8,
    activation: 'relu',
    learningRate: 1e5,
    batchSize: 4,
  });
  wild.step(20);
  const history = wild.history();
  assert.deepEqual(wild.diverged(), { ce: history.ce.diverged, mse: history.mse.diverged });
  assert.equal(wild.diverged().ce, true);
  // A diverged run has rows up to its divergedEpoch only; historySince past them is empty.
  assert.equal(history.ce.loss.length, history.ce.divergedEpoch);
  assert.equal(wild.historySince(history.ce.divergedEpoch).ce.loss.length, 0);
  wild.dispose();
});

test('historySince(k) is the tail of history() from row k, for every k', async () => {
  const core = await corePromise;
  const race = core.createRace({ data: { kind: 'xor', size: 120 }, hidden: 6, seed: 5 });
  race.step(12);
  const whole = race.history();
  for (let k = 0; k <= 13; k += 1) {
    const tail = race.historySince(k);
    assert.equal(tail.epoch, 12);
    for (const run of ['ce', 'mse']) {
      for (const series of ['loss', 'trainAccuracy', 'testAccuracy', 'gradientNorm']) {
        assert.ok(tail[run][series] instanceof Float64Array);
        assert.deepEqual([...tail[run][series]], [...whole[run][series].slice(k)], `${run} ${k}`);
      }
      assert.equal(tail[run].diverged, whole[run].diverged);
      assert.equal(tail[run].divergedEpoch, whole[run].divergedEpoch);
    }
  }
  // Appending the new rows each epoch rebuilds the whole history.
  const fresh = core.createRace({ data: { kind: 'xor', size: 120 }, hidden: 6, seed: 5 });
  const loss = [...fresh.historySince(0).ce.loss];
  for (let e = 1; e <= 12; e += 1) {
    fresh.step(1);
    assert.equal(fresh.epoch(), e);
    loss.push(...fresh.historySince(e).ce.loss);
  }
  assert.deepEqual(loss, [...whole.ce.loss]);
  race.dispose();
  fresh.dispose();
});

test('historySince names its argument when it is wrong', async () => {
  const core = await corePromise;
  const race = core.createRace({ data: { kind: 'blobs' } });
  race.step(3);
  for (const [value, error] of [
    [-1, { name: 'RangeError', message: /fromEpoch must be an integer in \[0, 4\], got -1/ }],
    [5, { name: 'RangeError', message: /fromEpoch must be an integer in \[0, 4\], got 5/ }],
    [1.5, { name: 'RangeError', message: /fromEpoch must be an integer in \[0, 4\], got 1.5/ }],
    [NaN, { name: 'RangeError', message: /fromEpoch must be an integer/ }],
    [
      '2',
      {
        name: 'TypeError',
        message: /^race\.historySince\(fromEpoch\): fromEpoch must be a number/,
      },
    ],
  ]) {
    assert.throws(() => race.historySince(value), error, String(value));
  }
  assert.throws(() => race.historySince(), {
    name: 'TypeError',
    message: 'race.historySince(fromEpoch) expects 1 argument(s), got 0',
  });
  assert.equal(race.historySince(4).ce.loss.length, 0);
  race.dispose();
  assert.throws(() => race.epoch(), /disposed/);
});

test('a CSV read in pieces gives what it gives whole, and races from the arrays', async () => {
  const core = await corePromise;
  const whole = core.parseCsvDataset(digits);
  const reader = core.createCsvReader();
  for (let start = 0; start < digits.length; start += 977) {
    reader.read(digits.slice(start, start + 977)); // pieces cut through lines and cells
  }
  const pieces = reader.finish();
  assert.deepEqual(pieces, whole);
  assert.throws(() => reader.read('1,2,a\n'), /this reader has finished/);
  assert.deepEqual(
    raceLosses(core, { data: { dataset: pieces }, seed: 3 }, 2),
    raceLosses(core, { data: { csv: digits }, seed: 3 }, 2),
  );
});

test('CSV cells: hex, inf and nan are not numbers, 1e200 is one beyond the limit', async () => {
  const core = await corePromise;
  const good = Array.from({ length: 11 }, (_, i) => `${i},${i % 3},${i % 2 ? 'a' : 'b'}`);
  const csvWith = (cell) => [...good, `1,${cell},a`].join('\n');
  for (const cell of ['0x10', 'inf', 'NaN', '1_000']) {
    assert.throws(() => core.parseCsvDataset(csvWith(cell)), {
      name: 'RangeError',
      message: `parseCsvDataset(text): Line 12, column 2: “${cell}” is not a number. Write decimal numbers such as -2, 0.5 or 1e-3.`,
    });
  }
  assert.throws(() => core.parseCsvDataset(csvWith('1e200')), {
    name: 'RangeError',
    message:
      'parseCsvDataset(text): Line 12, column 2: “1e200” is a number beyond the limit: a value ' +
      'must be a number in [-1e150, 1e150], got 1e+200.',
  });
  const reader = core.createCsvReader();
  reader.read(good.join('\n') + '\n1,0x');
  assert.throws(() => reader.read('10,a\n'), /Line 12, column 2: “0x10” is not a number/);
});

test('data.csv and data.dataset of the wrong kind are errors, not the default blobs', async () => {
  const core = await corePromise;
  assert.throws(() => core.createRace({ data: { csv: 123 } }), {
    name: 'TypeError',
    message: 'createRace(settings): data.csv must be a string (the CSV text), got number',
  });
  assert.throws(() => core.createRace({ data: { csv: null } }), /data.csv must be a string/);
  assert.throws(() => core.createRace({ data: { dataset: 'rows' } }), {
    name: 'TypeError',
    message:
      'createRace(settings): data.dataset must be an object {features, classes, x, y}, as ' +
      'parseCsvDataset(text) returns',
  });
  const dataset = core.parseCsvDataset(breastCancer);
  assert.throws(
    () => core.createRace({ data: { dataset: { ...dataset, x: dataset.x.slice(1) } } }),
    /data.dataset.x must hold rows × features = 17070 numbers, got 17069/,
  );
  assert.throws(
    () => core.createRace({ data: { dataset: { ...dataset, y: dataset.y.map((v) => v * 2) } } }),
    /data.dataset.y\[\d+\] must be an integer in \[0, 1\], got 2/,
  );
});

// The sentences of the race's question verdicts and of its own verdict, at every outcome: the
// words are judged by the grammar rules (tests/sentence_grammar.mjs) and by what each outcome
// must say, written here.

const assertEnglish = (text) => assert.deepEqual(grammarProblems(text), [], text);

test('the larger-step verdict reads as English whichever run got there', () => {
  const say = (fast, slow) =>
    twoRates('MSE', { lr: 5, epoch: fast }, { lr: 0.5, epoch: slow }, '90 %', 200);
  const cases = [
    [
      4,
      34,
      /^At learning rate 5, MSE reaches 90 % at epoch 4; at 0\.5 it gets there at epoch 34\.$/,
    ],
    [4, null, /at epoch 4; at 0\.5 it does not get there within 200 epochs\.$/],
    [null, 34, /MSE does not reach 90 % within 200 epochs; at 0\.5 it gets there at epoch 34\.$/],
    [null, null, /^MSE does not reach 90 % within 200 epochs at learning rate 5 or at 0\.5\.$/],
    [0, 1, /MSE is at 90 % from the start; at 0\.5 it gets there at epoch 1\.$/],
  ];
  for (const [fast, slow, pattern] of cases) {
    const text = say(fast, slow);
    assert.match(text, pattern);
    assert.doesNotMatch(text, /against at/);
    assertEnglish(text);
  }
  assert.match(
    twoRates('MSE', { lr: 5, epoch: null }, { lr: 0.5, epoch: null }, '90 %', 1),
    /within 1 epoch at/,
  );
});

test('the two-run verdict names each outcome and counts its epochs', () => {
  const ce = (epoch) => ({ name: 'cross-entropy', epoch });
  const mse = (epoch) => ({ name: 'MSE', epoch });
  for (const [a, b, pattern] of [
    [2, 34, /^Cross-entropy reaches 90 % at epoch 2; MSE gets there at epoch 34\.$/],
    [2, null, /MSE does not get there within 1 epoch\.$/],
    [null, 3, /^Cross-entropy does not reach 90 % within 1 epoch; MSE gets there at epoch 3\.$/],
    [null, null, /^Neither cross-entropy nor MSE reaches 90 % within 1 epoch\.$/],
  ]) {
    const text = twoRuns(ce(a), mse(b), '90 %', 1);
    assert.match(text, pattern);
    assertEnglish(text);
  }
});

/** A history of training accuracies (one row per epoch from 0), as the page's history holds. */
const fakeHistory = (ce, mse) => {
  const run = (acc) => ({
    trainAccuracy: acc,
    testAccuracy: acc,
    loss: acc.map(() => 1),
    diverged: false,
    divergedEpoch: 0,
  });
  return { epoch: ce.length - 1, ce: run(ce), mse: run(mse) };
};

test('the race verdict counts epochs in English: 1 epoch, never "all 1" or "for 0 epochs"', () => {
  // CE reaches 90 % at epoch 1, MSE never: one epoch stuck after it, then none at all.
  const oneAfter = raceVerdict(fakeHistory([0, 0.95, 1], [0, 0.5, 0.5]), true);
  assert.match(oneAfter.stuck, /for 1 epoch after cross-entropy got there at epoch 1\./);
  const noneAfter = raceVerdict(fakeHistory([0, 0.5, 0.95], [0, 0.5, 0.5]), true);
  assert.match(noneAfter.stuck, /^Cross-entropy reached 90 % training accuracy at epoch 2,/);
  const live = raceVerdict(fakeHistory([0, 0.5, 0.95], [0, 0.5, 0.5]), false);
  assert.match(live.stuck, /^Cross-entropy has just reached 90 % training accuracy \(epoch 2\)/);
  const neverInOne = raceVerdict(fakeHistory([0, 0.5], [0, 0.5]), true);
  assert.deepEqual(neverInOne.cells.ce, ['never in 1 epoch', 'never in 1 epoch']);
  for (const verdict of [oneAfter, noneAfter, live, neverInOne]) {
    assertEnglish(verdict.stuck);
    assertEnglish(verdict.final);
  }
});
