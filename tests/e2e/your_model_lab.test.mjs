// The your-model lab in headless Chromium. Every expectation comes from an independent
// reference, never from the page's core: the bundled examples' read-outs from the 50-digit
// mpmath table (tests/reference/model_examples_reference.json), everything else from the
// plain-JS textbook code (tests/reference/model_scores_reference.mjs) or the closed forms of
// tests/e2e/atlas/your_model_reference.mjs. Also: pasted tables of each shape, a link carrying a
// paste, bad input, the label column, the temperature controls, the four sorts, the forecaster,
// privacy (no request once loaded) and a 200 000-row file read with its progress shown.
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { screenshot } from './browser_harness.mjs';
import { assertShows as assertNumber, shownNumber } from './reference.mjs';
import { shows } from './atlas/binary_reference.mjs';
import * as ui from './page_helpers.mjs';
import {
  fitTemperature,
  reliability,
  scoreExamples,
  worstShare,
} from '../reference/model_scores_reference.mjs';
import {
  calibration,
  exampleModel,
  exampleTable,
  expectedScores,
  scoreModel,
  SORTS,
  worstRows,
} from './atlas/your_model_reference.mjs';

const lab = ui.pageSuite('your-model.html');

/** What the worst table's caption says each sort is by. */
const SORT_WORDS = {
  ce: 'cross-entropy',
  brier: 'Brier score',
  'ce-gradient': "the size of cross-entropy's gradient",
  'brier-gradient': "the size of the Brier score's gradient",
};

// ---- reading the page ----------------------------------------------------------------------

const READOUTS = [
  'rows',
  'accuracy',
  'ce',
  'brier',
  'wrong',
  't',
  'ece',
  'ece-given',
  'fitted-t',
  'ce-before',
  'ce-after',
  'split-score',
  'split-calibration',
  'split-refinement',
  'split-within',
  'log',
  'brier-score',
  'abs',
];
const SENTENCES = ['share', 'temperature', 'score'];

/** Every read-out's text and the generated sentences, flattened. */
const readView = (page) =>
  page.evaluate(
    ([ids, sentences]) => {
      const text = (id) => document.getElementById(id).textContent.replace(/\s+/g, ' ').trim();
      return {
        ...Object.fromEntries(ids.map((id) => [id, text(`ym-out-${id}`)])),
        ...Object.fromEntries(sentences.map((id) => [id, text(`ym-${id}-sentence`)])),
        button: text('ym-fitted-button-t'),
        columns: text('ym-columns'),
        caption: text('ym-worst-caption'),
      };
    },
    [READOUTS, SENTENCES],
  );

/** The worst table: per row [line, label, predicted, p of the label, CE, Brier, |∇CE|, |∇Brier|]. */
const worstTable = (page) =>
  page.$$eval('#ym-worst-body tr', (rows) =>
    rows.map((row) => [...row.cells].map((cell) => cell.textContent)),
  );

/** A count as the page writes it, every digit: "228", "200,000". */
function assertCount(text, count, label) {
  assert.match(text, /^\d{1,3}(,\d{3})*$/, `${label}: “${text}” is a count`);
  assert.equal(Number(text.replaceAll(',', '')), count, label);
}

/** A percentage as the page writes it: "95.61 %". */
function assertPercent(text, share, label) {
  const [, number] = text.match(/^(.+) %$/) ?? [];
  assert.ok(number, `${label}: “${text}” is a percentage`);
  assertNumber(number, 100 * share, label);
}

/** The two percentages the share sentence quotes (the CE gradient's, the Brier gradient's). */
function sharePercents(sentence) {
  const parts = sentence.match(
    /carr(?:y|ies) (.+?) % of the total cross-entropy gradient and (.+?) % of the total Brier gradient/,
  );
  assert.ok(parts, `the share sentence quotes two percentages: “${sentence}”`);
  return [parts[1], parts[2]];
}

/** Opens the paste box (if closed), pastes `text` and uses it. */
async function paste(page, text) {
  if (!(await page.$eval('.ym-paste', (details) => details.open))) {
    await page.click('.ym-paste summary');
  }
  await page.fill('#ym-paste-text', text);
  await page.click('#ym-paste-use');
}

/** Pastes a good table and waits until the lab shows it. */
async function pasteAndWait(page, text) {
  await paste(page, text);
  await page.waitForFunction((csv) => window.lossplay.getState().csv === csv, text);
}

/** The state without the table the core read (it never goes into a link). */
async function linkState(page) {
  const state = await ui.getState(page);
  delete state.model;
  return state;
}

// ---- expectations --------------------------------------------------------------------------

/**
 * What the textbook reference (model_scores_reference.mjs) gives per example of a model with
 * class labels: the losses and gradient sizes, and from identities the rest: the predicted
 * class (z > 0; the largest logit, the lowest index on ties) and the probability of the label
 * (e^−CE for a hard label; y·p + (1 − y)(1 − p) for a soft one).
 */
function textbookExamples(model) {
  const { classes, logits, labels } = model;
  const scores = scoreExamples(logits, classes, labels);
  const rows = labels.map((label, i) => {
    const z = logits.slice(i * classes, (i + 1) * classes);
    const hard = classes > 1 || label === 0 || label === 1;
    const p = scores.positive[i];
    return {
      label,
      predicted: classes === 1 ? Number(z[0] > 0) : z.indexOf(Math.max(...z)),
      probability: hard ? Math.exp(-scores.crossEntropy[i]) : label * p + (1 - label) * (1 - p),
      crossEntropy: scores.crossEntropy[i],
      brier: scores.brier[i],
      crossEntropyGradient: scores.crossEntropyGradient[i],
      brierGradient: scores.brierGradient[i],
    };
  });
  return { scores, rows };
}

/** The same per example, for probability rows, from the closed forms of your_model_reference. */
function closedFormExamples(model) {
  const scores = scoreModel(model);
  return { scores, rows: referenceRows(model, scores) };
}

/** The closed-form scores of every example as rows of the worst table (your_model_reference). */
function referenceRows(model, scores = scoreModel(model)) {
  return scores.crossEntropy.map((_, i) => ({
    label: model.kind === 'probability' ? 'soft' : model.labels[i],
    predicted: scores.predicted[i],
    probability: scores.probability[i],
    crossEntropy: scores.crossEntropy[i],
    brier: scores.brier[i],
    crossEntropyGradient: scores.crossEntropyGradient[i],
    brierGradient: scores.brierGradient[i],
  }));
}

/** The diagram's note at temperature T: its bins with examples, what lies below the
 *  diagonal for the model's event, and the ECE at T. */
function reliabilityNote(model, T) {
  const diagram = calibration(model, scoreModel(model, T), { bins: 10, binning: 'width' });
  const count = diagram.bins.length;
  const below =
    model.classes === 1
      ? 'Below the diagonal, class 1 came up less often than the model said it would;'
      : 'Below the diagonal, the top class was right less often than the model was sure;';
  return shows`${count} ${count === 1 ? 'bin' : 'bins'} with examples. ${below} the expected calibration error (ECE) is the average gap, weighted by the bins' sizes: ${diagram.ece} at T = ${T}.`;
}

const COLUMNS = ['probability', 'crossEntropy', 'brier', 'crossEntropyGradient', 'brierGradient'];

/** Each shown row of the worst table against its example's reference values. */
function assertWorstRows(shown, rows, firstLine, where) {
  assert.equal(shown.length, Math.min(20, rows.length), `${where}: rows shown`);
  for (const cells of shown) {
    const line = Number(cells[0]);
    const example = rows[line - firstLine];
    assert.ok(example, `${where}: line ${line} is an example`);
    const at = `${where}, line ${line}`;
    if (example.label === 'soft') assert.equal(cells[1], 'soft', `${at}: label`);
    else assertNumber(cells[1], example.label, `${at}: label`);
    assert.equal(shownNumber(cells[2]), example.predicted, `${at}: predicted`);
    COLUMNS.forEach((key, k) => assertNumber(cells[3 + k], example[key], `${at}: ${key}`));
  }
}

/** The rows (from 0) of the table, in the order shown. */
const shownRows = (shown, firstLine) => shown.map((cells) => Number(cells[0]) - firstLine);

// ---- the pasted tables ---------------------------------------------------------------------

const PASTES = [
  {
    name: 'binary with a header',
    text: 'logit,label\n2.5,1\n-1.25,0\n0.75,0\n-3,1\n4,1\n-0.5,0',
    model: { classes: 1, logits: [2.5, -1.25, 0.75, -3, 4, -0.5], labels: [1, 0, 0, 1, 1, 0] },
    firstLine: 2,
    columns: 'One logit (logit) per example, labels in label: a binary classifier, p = σ(logit).',
  },
  {
    name: 'binary without a header',
    text: '1.5,1\n-2,0\n3.25,0\n-0.75,1',
    model: { classes: 1, logits: [1.5, -2, 3.25, -0.75], labels: [1, 0, 0, 1] },
    firstLine: 1,
    columns:
      'One logit (column 1) per example, labels in column 2: a binary classifier, p = σ(logit).',
  },
  {
    name: '3 classes with a class column',
    text: 'z0,z1,z2,class\n2,0.5,-1,0\n-1,3,0,2\n0.25,0.25,1.5,2\n4,-2,1,1\n0,0,0,1',
    model: {
      classes: 3,
      logits: [2, 0.5, -1, -1, 3, 0, 0.25, 0.25, 1.5, 4, -2, 1, 0, 0, 0],
      labels: [0, 2, 2, 1, 1],
    },
    firstLine: 2,
    columns: '3 logits per example (z0 to z2), labels in class: softmax over 3 classes.',
  },
  {
    name: '3 classes with probability columns',
    text: 'z0,z1,z2,p0,p1,p2\n2,0.5,-1,0.8,0.1,0.1\n-1,3,0,0,0.5,0.5\n0.25,0.25,1.5,0.2,0.3,0.5',
    model: {
      classes: 3,
      kind: 'probability',
      logits: [2, 0.5, -1, -1, 3, 0, 0.25, 0.25, 1.5],
      labels: [0.8, 0.1, 0.1, 0, 0.5, 0.5, 0.2, 0.3, 0.5],
    },
    firstLine: 2,
    columns:
      '3 logits per example (z0 to z2), probabilities in p0, p1, p2: softmax over 3 classes.',
  },
  {
    name: 'a TSV with a soft label',
    text: 'logit\ttarget\n1.2\t1\n-0.4\t0.3\n2.2\t0\n-1.6\t0',
    model: { classes: 1, logits: [1.2, -0.4, 2.2, -1.6], labels: [1, 0.3, 0, 0] },
    firstLine: 2,
    columns: 'One logit (logit) per example, labels in target: a binary classifier, p = σ(logit).',
  },
];

const modelOf = ({ model }) => ({ kind: 'class', ...model });
const examplesOf = (model) =>
  model.kind === 'probability' ? closedFormExamples(model) : textbookExamples(model);

/** The read-outs of a pasted model at T (1 unless given) and 10 equal-width bins, against the
 *  references. */
function assertPastedReadouts(view, model, where, T = 1) {
  const { scores } = examplesOf(model);
  const n = model.labels.length / (model.kind === 'probability' ? model.classes : 1);
  assertCount(view.rows, n, `${where}: rows`);
  assertPercent(view.accuracy, scores.accuracy, `${where}: accuracy`);
  assertNumber(view.ce, scores.meanCrossEntropy, `${where}: mean CE`);
  assertNumber(view.brier, scores.meanBrier, `${where}: mean Brier`);
  const diagram = calibration(model, scoreModel(model, T), { bins: 10, binning: 'width' });
  assertNumber(view.ece, diagram.ece, `${where}: ECE`);
  assertNumber(view['split-score'], diagram.brier.score, `${where}: the event's Brier`);
}

// ---- the bundled examples ------------------------------------------------------------------

/** Every read-out of a bundled example at T = 1, against the mpmath table (and for the few
 *  figures it does not hold, the textbook reference, itself checked against mpmath). */
async function assertExample(page, name, binning) {
  await page.waitForFunction(
    ([data, bins]) => {
      const state = window.lossplay.getState();
      return state.data === data && state.binning === bins && state.t === 1;
    },
    [name, binning],
  );
  const where = `${name}, ${binning} bins`;
  const table = exampleTable(name, binning);
  const view = await readView(page);
  assertCount(view.rows, table.n, `${where}: rows`);
  assertPercent(view.accuracy, table.accuracy, `${where}: accuracy`);
  assertNumber(view.ce, table.meanCrossEntropy, `${where}: mean CE`);
  assertNumber(view.brier, table.meanBrier, `${where}: mean Brier`);
  assertNumber(view.ece, table.ece, `${where}: ECE`);
  assertNumber(view['ece-given'], table.ece, `${where}: ECE as given`);
  assertNumber(view['fitted-t'], table.temperature, `${where}: best T`);
  assertNumber(view.button, table.temperature, `${where}: the Best T button`);
  assertNumber(view['ce-before'], table.meanCrossEntropy, `${where}: CE at T = 1`);
  assertNumber(view['ce-after'], table.meanCrossEntropyAfter, `${where}: CE at the best T`);
  assertNumber(view['split-calibration'], table.calibration, `${where}: calibration`);
  assertNumber(view['split-refinement'], table.refinement, `${where}: refinement`);
  const [ceShare, brierShare] = sharePercents(view.share);
  assertNumber(ceShare, 100 * table.worst.crossEntropy, `${where}: CE share`);
  assertNumber(brierShare, 100 * table.worst.brier, `${where}: Brier share`);
  assert.match(view.share, new RegExp(`^The ${table.worst.count} examples with the largest`));
  shows`The logits are too large: dividing them by T = ${table.temperature} fits best, and mean cross-entropy goes from ${table.meanCrossEntropy} to ${table.meanCrossEntropyAfter}. The model was overconfident.`(
    view.temperature,
    `${where}: the temperature sentence`,
  );
  // What the table does not hold, from the textbook reference (checked against it).
  const model = exampleModel(name);
  const scores = scoreModel(model);
  const diagram = calibration(model, scores, { bins: table.bins, binning });
  const [count, share] = view.wrong.match(/^(\S+) \((.+)\)$/).slice(1);
  assertCount(count, scores.confidentlyWrongCount, `${where}: confidently wrong`);
  assertPercent(share, scores.confidentlyWrongCount / table.n, `${where}: confidently wrong`);
  assertNumber(view['split-score'], diagram.brier.score, `${where}: the event's Brier`);
  assertNumber(view['split-within'], diagram.brier.withinBin, `${where}: left by binning`);
  const bins = await page.$$eval('#ym-bins-body tr', (rows) =>
    rows.map((row) => [...row.cells].map((cell) => cell.textContent)),
  );
  assert.equal(bins.length, diagram.bins.length, `${where}: bins with examples`);
  diagram.bins.forEach((bin, b) => {
    const [range, binCount, confidence, outcome, gap] = bins[b];
    shows`${bin.low}–${bin.high}`(range, `${where}: bin ${b + 1}`);
    assert.equal(Number(binCount), bin.count, `${where}: bin ${b + 1} count`);
    assertNumber(confidence, bin.meanConfidence, `${where}: bin ${b + 1} confidence`);
    assertNumber(outcome, bin.meanOutcome, `${where}: bin ${b + 1} outcome`);
    // A gap of two means near 1 is good to their rounding, a few units of 2⁻⁵² (core and
    // reference alike round each confidence near 1 to a double): the digits beyond it are noise.
    const shown = shownNumber(gap);
    assert.ok(
      Math.abs(shown - bin.gap) <= 6e-4 * Math.abs(bin.gap) + 1e-15,
      `${where}: bin ${b + 1} gap: shows ${gap}, expected ${bin.gap}`,
    );
  });
  await ui.assertNoBadNumbers(page);
}

describe('your-model lab', () => {
  lab.test(
    'the two bundled examples at both binnings: every read-out against the mpmath table',
    async ({ page }) => {
      assert.deepEqual(await linkState(page), {
        data: 'breast-cancer',
        csv: null,
        label: 'auto',
        bins: 10,
        binning: 'width',
        t: 1,
        sort: 'ce',
        q: 0.7,
        r: 0.9,
      });
      await assertExample(page, 'breast-cancer', 'width');
      await screenshot(page, 'your-model-default');
      await page.check('input[name="ym-binning"][value="mass"]');
      await assertExample(page, 'breast-cancer', 'mass');
      await page.selectOption('#ym-data', 'digits');
      await assertExample(page, 'digits', 'mass');
      await page.check('input[name="ym-binning"][value="width"]');
      await assertExample(page, 'digits', 'width');
      const view = await readView(page);
      assert.equal(
        view.columns,
        '10 logits per example (z0 to z9), labels in label: softmax over 10 classes.',
      );
    },
  );

  for (const name of ['breast-cancer', 'digits']) {
    lab.test(
      `${name}: each of the four sorts puts the reference's largest first`,
      { query: `?data=${name}` },
      async ({ page }) => {
        const model = exampleModel(name);
        // The closed forms: accurate also where the textbook code's tiny values are not.
        const closed = scoreModel(model);
        const rows = referenceRows(model, closed);
        for (const [sort, measure] of Object.entries(SORTS)) {
          await page.click(`.ym-sort button[data-sort="${sort}"]`);
          await page.waitForFunction((key) => window.lossplay.getState().sort === key, sort);
          const where = `${name}, sorted by ${sort}`;
          const shown = await worstTable(page);
          const values = closed[measure];
          const order = shownRows(shown, model.firstLine);
          // The first row is the example with the largest value of the measure.
          const top = worstRows(values, 1)[0];
          assert.equal(order[0], top, `${where}: the first row is line ${top + 2}`);
          // Every row is among the reference's largest and in falling order (to its digits).
          const twentieth = values[worstRows(values)[19]];
          for (let k = 0; k < order.length; k += 1) {
            assert.ok(values[order[k]] >= twentieth * (1 - 1e-9), `${where}: row ${k + 1}`);
            if (k > 0) assert.ok(values[order[k]] <= values[order[k - 1]] * (1 + 1e-9), where);
          }
          assertWorstRows(shown, rows, model.firstLine, where);
          assert.equal(
            (await readView(page)).caption,
            `Sorted by ${SORT_WORDS[sort]}, largest first; at T = 1.`,
            `${where}: the caption`,
          );
          const pressed = await page.$$eval('.ym-sort button[aria-pressed="true"]', (buttons) =>
            buttons.map((button) => button.dataset.sort),
          );
          assert.deepEqual(pressed, [sort], `${where}: the pressed button`);
        }
      },
    );
  }

  lab.test(
    'the temperature: the slider, Best T (its ECE below T = 1 for both examples) and T = 1',
    async ({ page }) => {
      for (const name of ['breast-cancer', 'digits']) {
        await page.selectOption('#ym-data', name);
        await page.waitForFunction((data) => window.lossplay.getState().data === data, name);
        const model = exampleModel(name);
        const table = exampleTable(name);
        const eceAt = (T) =>
          calibration(model, scoreModel(model, T), { bins: 10, binning: 'width' }).ece;
        // The slider: T = 2 divides every logit by 2.
        await page.fill('#ym-t-slider', '2');
        await page.waitForFunction(() => window.lossplay.getState().t === 2);
        let view = await readView(page);
        assertNumber(view.t, 2, `${name}: T shown`);
        assertNumber(view.ece, eceAt(2), `${name}: ECE at T = 2`);
        assertNumber(view['ece-given'], table.ece, `${name}: ECE as given, unchanged`);
        assert.equal(await page.inputValue('#ym-t-field'), '2');
        // Best T: the state takes the fitted T; its ECE is below the ECE at T = 1.
        await page.click('#ym-use-fitted');
        await page.waitForFunction(
          (t) => Math.abs(window.lossplay.getState().t - t) < 1e-6 * t,
          table.temperature,
        );
        const state = await ui.getState(page);
        assert.ok(Math.abs(state.t / table.temperature - 1) < 1e-9, `${name}: best T ${state.t}`);
        view = await readView(page);
        assertNumber(view.t, table.temperature, `${name}: T shown`);
        assertNumber(view.ece, eceAt(table.temperature), `${name}: ECE at the best T`);
        assert.ok(eceAt(table.temperature) < table.ece, `${name}: the reference's ECE falls`);
        assert.ok(
          shownNumber(view.ece) < shownNumber(view['ece-given']),
          `${name}: shown ECE falls`,
        );
        reliabilityNote(model, table.temperature)(
          await page.textContent('#ym-reliability-note'),
          `${name}: the diagram's note`,
        );
        // Back to T = 1, as given.
        await page.click('#ym-use-one');
        await page.waitForFunction(() => window.lossplay.getState().t === 1);
        view = await readView(page);
        assertNumber(view.ece, table.ece, `${name}: ECE at T = 1 again`);
      }
      // The keyboard moves the slider by its step.
      await page.focus('#ym-t-slider');
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction(() => window.lossplay.getState().t === 1.01);
      await ui.assertNoBadNumbers(page);
    },
  );

  lab.test(
    'pasted tables of each shape: columns, read-outs and the worst table',
    async ({ page }) => {
      for (const pasted of PASTES) {
        await pasteAndWait(page, pasted.text);
        const model = modelOf(pasted);
        const where = pasted.name;
        const view = await readView(page);
        assert.equal(view.columns, pasted.columns, `${where}: the columns found`);
        assertPastedReadouts(view, model, where);
        const { rows } = examplesOf(model);
        const shown = await worstTable(page);
        assertWorstRows(shown, rows, pasted.firstLine, where);
        // Sorted by cross-entropy: the reference's order.
        assert.deepEqual(
          shownRows(shown, pasted.firstLine),
          worstRows(rows.map((row) => row.crossEntropy)),
          `${where}: the order`,
        );
        assert.equal(await page.isHidden('#ym-data-error'), true, `${where}: no message`);
      }
      await ui.assertNoBadNumbers(page);
      await screenshot(page, 'your-model-pasted');
    },
  );

  lab.test('a link carrying a paste reproduces the same view', async ({ page }) => {
    const pasted = PASTES[2];
    await pasteAndWait(page, pasted.text);
    await page.click('.ym-sort button[data-sort="brier-gradient"]');
    await page.fill('#ym-t-slider', '1.5');
    const query = await ui.settledQuery(page, 't=1.5');
    const params = new URLSearchParams(query);
    assert.equal(params.get('data'), 'pasted');
    assert.equal(params.get('csv'), pasted.text);
    const first = { state: await linkState(page), view: await readView(page) };
    const table = await worstTable(page);
    const second = await lab.open(query);
    assert.deepEqual(await linkState(second.page), first.state);
    assert.deepEqual(await readView(second.page), first.view);
    assert.deepEqual(await worstTable(second.page), table);
    assert.deepEqual(second.problems, []);
    await second.context.close();
    assertPastedReadouts(first.view, modelOf(pasted), 'the link', 1.5);
    const model = modelOf(pasted);
    const diagram = calibration(model, scoreModel(model, 1.5), { bins: 10, binning: 'width' });
    // ECE at T = 1.5 against the textbook reference's diagram at z / 1.5.
    const textbook = scoreExamples(
      model.logits.map((z) => z / 1.5),
      model.classes,
      model.labels,
    );
    const textbookEce = reliability(textbook.confidence, textbook.correct, { bins: 10 }).ece;
    assertNumber(first.view.ece, textbookEce, 'ECE at T = 1.5');
    assertNumber(first.view.ece, diagram.ece, 'ECE at T = 1.5');
  });

  lab.test(
    'bad input: a message, the last good data kept, and the message gone with the next good input',
    async ({ page }) => {
      const good = PASTES[0];
      await pasteAndWait(page, good.text);
      const before = await readView(page);
      const table = await worstTable(page);
      const cases = [
        ['a bad cell', 'logit,label\n2,1\nabc,0\n0.5,1', /line 3, column 1: expected a number/],
        [
          'a label 1.5 for one logit',
          'logit,label\n2,1\n-1,1.5\n0.5,1',
          /line 3\b.*must be 0 or 1 or a probability in \[0, 1\].*got 1\.5/,
        ],
        [
          'class 3 of 3 classes',
          'z0,z1,z2,class\n1,2,3,0\n1,2,3,3',
          /line 3\b.*must be a class, an integer in \[0, 2\].*got 3/,
        ],
        [
          'a logit beyond ±10⁶',
          'logit,label\n2,1\n2e6,0',
          /line 3\b.*must be a number in \[-1e6, 1e6\].*got 2000000/,
        ],
        [
          'probabilities that do not sum to 1',
          'z0,z1,z2,p0,p1,p2\n1,2,3,0.2,0.3,0.5\n1,2,3,0.5,0.5,0.5',
          /^The labels of line 3 \(labels\[3\] to labels\[5\]\) must sum to 1.*got a sum of 1\.5\.$/,
        ],
        ['an empty paste', '', /empty/],
        ['a header only', 'logit,label\n', /a header but no rows/],
        ['cells missing', 'logit,label\n2,1\n-1', /line 3: 1 cells?, expected 2/],
      ];
      for (const [what, text, pattern] of cases) {
        await paste(page, text);
        await page.waitForFunction((source) => {
          const box = document.getElementById('ym-data-error');
          return !box.hidden && new RegExp(source).test(box.textContent);
        }, pattern.source);
        const message = await page.textContent('#ym-data-error');
        assert.match(message, /\.$/, `${what}: the message ends its sentence: “${message}”`);
        assert.deepEqual(await readView(page), before, `${what}: the read-outs are kept`);
        assert.deepEqual(await worstTable(page), table, `${what}: the table is kept`);
        assert.equal((await ui.getState(page)).csv, good.text, `${what}: the state is kept`);
        assert.deepEqual(await ui.noticeTexts(page), [], `${what}: one message, by the input`);
      }
      // The next good input clears the message.
      await pasteAndWait(page, PASTES[1].text);
      await page.waitForSelector('#ym-data-error', { state: 'hidden' });
      assertPastedReadouts(await readView(page), modelOf(PASTES[1]), 'after the bad input');
      await ui.assertNoBadNumbers(page);
    },
  );

  lab.test('the label column: found by place, or the one the reader chooses', async ({ page }) => {
    // Two columns that could each be the label: by place the last is.
    const text = '0.8,1\n0.2,0\n0.6,0\n1,1\n-0.4,0';
    const first = [0.8, 0.2, 0.6, 1, -0.4];
    const second = [1, 0, 0, 1, 0];
    await pasteAndWait(page, text);
    const options = await page.$$eval('#ym-label option', (all) =>
      all.map((option) => [option.value, option.textContent]),
    );
    assert.deepEqual(options, [
      ['auto', 'found by name or place'],
      ['1', 'column 1'],
      ['2', 'column 2'],
    ]);
    assert.equal(await page.inputValue('#ym-label'), 'auto');
    let model = { classes: 1, kind: 'class', logits: first, labels: second };
    assertPastedReadouts(await readView(page), model, 'label by place');
    // Column 1 as the label makes column 2 the logits... but −0.4 is no label: a message.
    await page.selectOption('#ym-label', '1');
    await page.waitForSelector('#ym-data-error:not([hidden])');
    assert.match(await page.textContent('#ym-data-error'), /line 5\b.*got -0\.4/);
    assert.equal((await ui.getState(page)).label, 'auto', 'the last good choice is kept');
    assert.equal(await page.inputValue('#ym-label'), 'auto', 'and shown in the select');
    assertPastedReadouts(await readView(page), model, 'label by place, kept');
    // A table where either column can be the label.
    const both = '0.8,1\n0.2,0\n0.6,0\n1,1';
    await pasteAndWait(page, both);
    await page.waitForSelector('#ym-data-error', { state: 'hidden' });
    await page.selectOption('#ym-label', '1');
    await page.waitForFunction(() => window.lossplay.getState().label === 1);
    model = { classes: 1, kind: 'class', logits: [1, 0, 0, 1], labels: [0.8, 0.2, 0.6, 1] };
    const view = await readView(page);
    assert.equal(
      view.columns,
      'One logit (column 2) per example, labels in column 1: a binary classifier, p = σ(logit).',
    );
    assertPastedReadouts(view, model, 'label column 1');
    assertWorstRows(await worstTable(page), textbookExamples(model).rows, 1, 'label column 1');
    assert.match(await ui.settledQuery(page, 'label=1'), /label=1/);
    await page.selectOption('#ym-label', 'auto');
    await page.waitForFunction(() => window.lossplay.getState().label === 'auto');
    model = { classes: 1, kind: 'class', logits: [0.8, 0.2, 0.6, 1], labels: [1, 0, 0, 1] };
    assertPastedReadouts(await readView(page), model, 'label by place again');
  });

  lab.test(
    'the forecaster: expected scores and the sentence from the closed forms',
    async ({ page }) => {
      const check = async (q, r) => {
        await page.waitForFunction(
          ([belief, report]) => {
            const state = window.lossplay.getState();
            return state.q === belief && state.r === report;
          },
          [q, r],
        );
        const view = await readView(page);
        const at = expectedScores(q, r);
        const where = `q = ${q}, r = ${r}`;
        assertNumber(view.log, at.logScore, `${where}: log score`);
        assertNumber(view['brier-score'], at.brier, `${where}: Brier`);
        assertNumber(view.abs, at.absolute, `${where}: absolute error`);
        // Brier's expectation is (r − q)² + q(1 − q); the log score's is KL(q ‖ r) + H(q).
        const side =
          q > 0.5 ? 'the highest report, r → 1' : q < 0.5 ? 'the lowest report, r → 0' : null;
        const tail =
          side === null
            ? 'Absolute error costs the same for every report: it gives no reason to tell the truth, so it is not proper.'
            : `Absolute error is smallest at ${side}: it pays to exaggerate, so it is not proper.`;
        if (r === q) {
          shows`Reporting r = q = ${q}, your belief, is the cheapest report under the log score and Brier. ${tail}`(
            view.score,
            where,
          );
        } else {
          shows`Reporting r = ${r} instead of your belief q = ${q} costs ${at.extraLog} more log score and ${at.extraBrier} more Brier than the truth would. ${tail}`(
            view.score,
            where,
          );
        }
      };
      await check(0.7, 0.9);
      await ui.typeInto(page, '#ym-q-field', '0.3');
      await ui.typeInto(page, '#ym-r-field', '0.05');
      await check(0.3, 0.05);
      await ui.typeInto(page, '#ym-r-field', '0.3');
      await check(0.3, 0.3);
      await ui.typeInto(page, '#ym-q-field', '0.5');
      await ui.typeInto(page, '#ym-r-field', '0.8');
      await check(0.5, 0.8);
      await page.focus('#ym-r-slider');
      await page.keyboard.press('ArrowLeft');
      await check(0.5, 0.79);
      await page.click('button[data-scene="exaggerate"]');
      await check(0.7, 0.95);
      // r is in (0, 1): the ends are refused with a message, the state kept.
      await ui.typeInto(page, '#ym-r-field', '1');
      await page.waitForSelector('#ym-r-error:not([hidden])');
      await check(0.7, 0.95);
      await ui.assertNoBadNumbers(page);
    },
  );

  lab.test('privacy: choosing a file and pasting make no request at all', async ({ page }) => {
    await page.waitForLoadState('networkidle');
    // The browser fetches the page's icon on its own schedule, data or not: that one GET of
    // the page's own <link rel="icon"> is left aside; nothing else may leave the page.
    const icon = await page.$eval('link[rel~="icon"]', (link) => link.href);
    const requests = [];
    page.on('request', (request) => {
      if (request.url() !== icon || request.method() !== 'GET') {
        requests.push(`${request.method()} ${request.url()}`);
      }
    });
    await page.setInputFiles('#ym-file', {
      name: 'my-logits.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('logit,label\n3,1\n-2,0\n0.5,0\n'),
    });
    await page.waitForFunction(() => window.lossplay.getState().data === 'pasted');
    assertPastedReadouts(
      await readView(page),
      { classes: 1, kind: 'class', logits: [3, -2, 0.5], labels: [1, 0, 0] },
      'the chosen file',
    );
    await pasteAndWait(page, PASTES[3].text);
    await page.selectOption('#ym-data', 'digits');
    await page.waitForFunction(() => window.lossplay.getState().data === 'digits');
    assert.deepEqual(requests, [], 'no request once the page has loaded');
  });

  lab.test(
    'a 200 000-row file: its progress shown, then the reference read-outs',
    async ({ page }) => {
      const { text, model } = generatedFile(200_000);
      // Every state of the progress line, recorded in the page as it changes.
      await page.evaluate(() => {
        const line = document.getElementById('ym-progress');
        window.progressSeen = [];
        new MutationObserver(() => {
          window.progressSeen.push({ hidden: line.hidden, text: line.textContent });
        }).observe(line, { attributes: true, childList: true, characterData: true, subtree: true });
      });
      await page.setInputFiles('#ym-file', {
        name: 'large.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(text),
      });
      await page.waitForFunction(() => window.lossplay.getState().data === 'pasted', null, {
        timeout: 60000,
      });
      const seen = await page.evaluate(() => window.progressSeen);
      assert.ok(
        seen.some((s) => !s.hidden && /^Reading rows… \d+ %$/.test(s.text)),
        `the progress line showed: ${JSON.stringify(seen.slice(0, 5))}`,
      );
      await page.waitForSelector('#ym-progress', { state: 'hidden' });
      const state = await linkState(page);
      assert.equal(state.csv, null, 'a large file stays out of links');
      // The reference, from the textbook code on the same values.
      const scores = scoreExamples(model.logits, 1, model.labels);
      const fit = fitTemperature(model.logits, 1, model.labels);
      const share = worstShare(scores);
      const diagram = reliability(scores.positive, model.labels, { bins: 10 });
      const view = await readView(page);
      assertCount(view.rows, 200_000, 'rows');
      assertPercent(view.accuracy, scores.accuracy, 'accuracy');
      assertNumber(view.ce, scores.meanCrossEntropy, 'mean CE');
      assertNumber(view.brier, scores.meanBrier, 'mean Brier');
      assertNumber(view.ece, diagram.ece, 'ECE');
      assertNumber(view['split-calibration'], diagram.brier.calibration, 'calibration');
      assertNumber(view['split-refinement'], diagram.brier.refinement, 'refinement');
      assertNumber(view['fitted-t'], fit.temperature, 'best T');
      assertNumber(view['ce-after'], fit.meanCrossEntropyAfter, 'CE at the best T');
      const [ceShare, brierShare] = sharePercents(view.share);
      assert.match(view.share, /^The 2000 examples with the largest cross-entropy/);
      assertNumber(ceShare, 100 * share.crossEntropy, 'CE share');
      assertNumber(brierShare, 100 * share.brier, 'Brier share');
      await ui.assertNoBadNumbers(page);
    },
  );

  lab.phoneDarkTest('your-model-phone-dark');
});

/**
 * A binary model's held-out logits, `rows` of them, overconfident on purpose: the logit z is
 * uniform in [−6, 6] (3 decimals, as written) and the label 1 with probability σ(z/2). A seeded
 * PRNG (mulberry32), so every run reads the same file.
 */
function generatedFile(rows) {
  let seed = 32;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const logits = [];
  const labels = [];
  const lines = ['logit,label'];
  for (let i = 0; i < rows; i += 1) {
    const z = Number((12 * random() - 6).toFixed(3));
    const y = random() < 1 / (1 + Math.exp(-z / 2)) ? 1 : 0;
    logits.push(z);
    labels.push(y);
    lines.push(`${z},${y}`);
  }
  return { text: `${lines.join('\n')}\n`, model: { classes: 1, logits, labels } };
}
