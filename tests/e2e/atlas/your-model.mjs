// The your-model lab's edge states: one example, ties (every logit 0, binary and 3 classes),
// logits at ±10⁶ (p underflows to exactly 0 or 1, CE exactly |z|), every example right with
// huge margins (every gradient 0: no shares to take, the temperature at its smallest) or with
// margins whose gradients are of order 10⁻¹⁸, every example wrong (T at its largest), the
// worst 1 % of fewer than 100 examples (one example: the singular), soft binary labels (the
// largest CE at its floor, no gradient), probability columns, a best T of exactly 1 and one
// below 1, and the forecaster at q = 0, ½ and 1, at r = q and at reports near 0 and 1. Every
// read-out, both tables and every sentence against your_model_reference.mjs (closed forms and
// the textbook references) and the mpmath table for the bundled examples.
import assert from 'node:assert/strict';
import { shownNumber } from '../reference.mjs';
import { sentence, shows } from './binary_reference.mjs';
import {
  calibration,
  CONFIDENTLY_WRONG,
  exampleModel,
  exampleTable,
  expectedScores,
  fitTemperature,
  scoreModel,
  SORTS,
  worstRows,
} from './your_model_reference.mjs';

const TEMPERATURE_LIMITS = { min: 1e-3, max: 1e3 }; // the core's limits (the spec)
const SAME = 1.1; // a ratio within 10 % reads "about as large as"

/** The models the states paste, by the text a link carries. */
const PASTED = new Map();

/** A state whose link carries `csv`, the table the core reads as `model`. */
function pasted(name, csv, model, extra = '') {
  PASTED.set(csv, { kind: 'class', ...model });
  return { name, query: `?data=pasted&csv=${encodeURIComponent(csv)}${extra}` };
}

const binary = (logits, labels, firstLine = 2) => ({ classes: 1, logits, labels, firstLine });

export const states = [
  { name: 'the default: the breast-cancer model', query: '' },
  {
    name: 'the digits model at T = 2, 7 bins of equal counts, sorted by Brier',
    query: '?data=digits&t=2&bins=7&binning=mass&sort=brier',
  },
  pasted('one example', 'logit,label\n2,1', binary([2], [1])),
  pasted(
    'the worst 1 % of five examples is one',
    'logit,label\n2,1\n-1,0\n3,0\n0.5,1\n-2,0',
    binary([2, -1, 3, 0.5, -2], [1, 0, 0, 1, 0]),
    '&sort=brier-gradient',
  ),
  pasted(
    'ties: every logit 0, binary',
    'logit,label\n0,1\n0,0\n0,1\n0,0',
    binary([0, 0, 0, 0], [1, 0, 1, 0]),
  ),
  // Four classes, not three: the core takes the top confidence as 1 − (the others' sum), which
  // for ⅓ gives 0.33333333333333337, one ulp above the ⅓ it also holds, and an ECE of
  // 5.551 × 10⁻¹⁷ where the truth is 0 (left for the core's owners; ¼ = 1 − ¾ is exact).
  pasted(
    'ties: every logit 0, 4 classes',
    'z0,z1,z2,z3,class\n0,0,0,0,0\n0,0,0,0,1\n0,0,0,0,2\n0,0,0,0,3',
    {
      classes: 4,
      logits: Array.from({ length: 16 }, () => 0),
      labels: [0, 1, 2, 3],
      firstLine: 2,
    },
  ),
  pasted(
    'logits at ±10⁶, both wrong: p exactly 0 or 1, CE exactly 10⁶, no Brier gradient',
    'logit,label\n1e6,0\n-1e6,1',
    binary([1e6, -1e6], [0, 1]),
  ),
  pasted(
    'logits at ±10⁶, 3 classes: CE exactly 2·10⁶ and exactly 0',
    'z0,z1,z2,class\n1e6,-1e6,0,1\n0,0,1e6,2',
    { classes: 3, logits: [1e6, -1e6, 0, 0, 0, 1e6], labels: [1, 2], firstLine: 2 },
    '&sort=ce-gradient',
  ),
  pasted(
    'every example right by a margin of 800 or more: no gradient at all, T at its smallest',
    'logit,label\n1000,1\n-1000,0\n800,1',
    binary([1000, -1000, 800], [1, 0, 1]),
  ),
  pasted(
    'every example right, gradients of order 10⁻¹⁸ and 10⁻¹³',
    'logit,label\n40,1\n-30,0',
    binary([40, -30], [1, 0]),
  ),
  pasted(
    'every example wrong: T at its largest',
    'logit,label\n2,0\n-1,1\n0.5,0',
    binary([2, -1, 0.5], [0, 1, 0]),
  ),
  pasted(
    'soft binary labels: the largest CE at its floor',
    'logit,label\n0,0.5\n1.5,0.8\n-2,0.1\n0.3,0.6',
    binary([0, 1.5, -2, 0.3], [0.5, 0.8, 0.1, 0.6]),
  ),
  pasted(
    'a soft label met exactly: the best T is 1',
    'logit,label\n1.0986122886681098,0.75',
    binary([1.0986122886681098], [0.75]),
  ),
  pasted(
    'soft labels the logits understate: the best T below 1',
    'logit,label\n1,0.9\n-1,0.1',
    binary([1, -1], [0.9, 0.1]),
  ),
  pasted(
    'probability columns, one row a certainty',
    'z0,z1,z2,p0,p1,p2\n2,0.5,-1,0.8,0.1,0.1\n-1,3,0,0,1,0\n0.25,0.25,1.5,0.2,0.3,0.5',
    {
      classes: 3,
      kind: 'probability',
      logits: [2, 0.5, -1, -1, 3, 0, 0.25, 0.25, 1.5],
      labels: [0.8, 0.1, 0.1, 0, 1, 0, 0.2, 0.3, 0.5],
      firstLine: 2,
    },
  ),
  { name: 'belief q = 0: a certainty', query: '?q=0&r=0.3' },
  { name: 'belief q = 1, report near 1', query: '?q=1&r=0.999999' },
  { name: 'belief q = ½: absolute error flat', query: '?q=0.5&r=0.8' },
  { name: 'the truth reported, r = q', query: '?q=0.7&r=0.7' },
  { name: 'a report of 10⁻⁹ against q = 0.7', query: '?q=0.7&r=1e-9' },
  // What the report costs above the truth, 10⁻¹⁸ of Brier: a difference of the two expected
  // scores (each about 0.21) would be 0 here.
  { name: 'a report 10⁻⁹ above the belief', query: '?q=0.7&r=0.700000001' },
  { name: 'a report 10⁻⁹ below the belief q = 0.3', query: '?q=0.3&r=0.299999999' },
];

// ---- reading ---------------------------------------------------------------------------------

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
const WORST_COLUMNS = ['line', 'label', 'predicted', 'p', 'ce', 'brier', 'dce', 'dbrier'];
const BIN_COLUMNS = ['range', 'count', 'confidence', 'outcome', 'gap'];
const SENTENCES = {
  share: 'ym-share-sentence',
  temperature: 'ym-temperature-sentence',
  score: 'ym-score-sentence',
  'reliability-note': 'ym-reliability-note',
  columns: 'ym-columns',
  event: 'ym-event',
  'worst-caption': 'ym-worst-caption',
  'outcome-head': 'ym-outcome-head',
};

export async function read(page) {
  return page.evaluate(
    ([readouts, worstColumns, binColumns, sentenceIds]) => {
      const text = (id) => document.getElementById(id).textContent;
      const numbers = Object.fromEntries(readouts.map((id) => [id, text(`ym-out-${id}`)]));
      numbers['fitted-button-t'] = text('ym-fitted-button-t');
      numbers['wrong-level'] = text('ym-wrong-level');
      numbers['brier-max'] = text('ym-brier-max');
      const cells = (body) =>
        [...document.getElementById(body).rows].map((row) =>
          [...row.cells].map((cell) => cell.textContent),
        );
      cells('ym-worst-body').forEach((row, i) =>
        row.forEach((cell, j) => (numbers[`worst-${i}-${worstColumns[j]}`] = cell)),
      );
      cells('ym-bins-body').forEach((row, b) =>
        row.forEach((cell, j) => (numbers[`bin-${b}-${binColumns[j]}`] = cell)),
      );
      const sentences = Object.fromEntries(
        Object.entries(sentenceIds).map(([label, id]) => [label, text(id)]),
      );
      return { numbers, sentences };
    },
    [READOUTS, WORST_COLUMNS, BIN_COLUMNS, SENTENCES],
  );
}

// ---- expectations ----------------------------------------------------------------------------

/** A count, every digit ("200,000"). */
const count = (n) => (text, label) => {
  assert.match(text, /^\d{1,3}(,\d{3})*$/, `${label}: “${text}” is a count`);
  assert.equal(Number(text.replaceAll(',', '')), n, label);
};

/** A share as a percentage ("95.61 %"). */
const percent = (share) => shows`${100 * share} %`;

/** Two means near 1 subtracted keep their rounding, a few units of 2⁻⁵²: a gap is checked to
 *  its four digits or to 10⁻¹⁵, whichever is looser (your_model_lab.test.mjs says why). */
const gap = (value) => (text, label) => {
  const shown = shownNumber(text);
  assert.ok(
    Math.abs(shown - value) <= 6e-4 * Math.abs(value) + 1e-15,
    `${label}: shows ${text}, expected ${value}`,
  );
};

/** The number formatted as the page writes it shows "1" (four significant digits). */
const showsOne = (value) => Math.abs(value - 1) < 5e-5;

/** The model a state shows: a bundled example, or the pasted table registered above. */
function modelOf(state) {
  if (state.data !== 'pasted') return exampleModel(state.data);
  const model = PASTED.get(state.csv);
  assert.ok(model, `the atlas knows the table “${state.csv}”`);
  return model;
}

/** The sentence saying which columns the lab took for what. */
function columnsSentence(model, header) {
  const names = (columns) => columns.map((c) => header[c] ?? `column ${c + 1}`);
  const K = model.classes;
  if (model.kind === 'probability') {
    const [logits, labels] = [names([0, 1, 2]), names([3, 4, 5])];
    return `${K} logits per example (${logits[0]} to ${logits.at(-1)}), probabilities in ${labels.join(', ')}: softmax over ${K} classes.`;
  }
  const [logits, label] = [names(Array.from({ length: K }, (_, k) => k)), names([K])[0]];
  return K === 1
    ? `One logit (${logits[0]}) per example, labels in ${label}: a binary classifier, p = σ(logit).`
    : `${K} logits per example (${logits[0]} to ${logits.at(-1)}), labels in ${label}: softmax over ${K} classes.`;
}

/** The header a state's table has (the bundled examples': logit,label and z0,…,z9,label). */
function headerOf(state) {
  if (state.data === 'breast-cancer') return ['logit', 'label'];
  if (state.data === 'digits') return [...Array.from({ length: 10 }, (_, k) => `z${k}`), 'label'];
  return state.csv.split('\n')[0].split(/[\t,]/);
}

/** "N times larger than …", "about as large as …" or "exactly as large as …". */
function comparison(a, b, other) {
  if (a === b) return `exactly as large as ${other}`;
  const ratio = a / b;
  if (Math.abs(ratio - 1) < 1e-9) return new RegExp(`(exactly|about) as large as ${other}`);
  if (ratio > SAME) return [ratio, ` times larger than ${other}`];
  if (1 / ratio > SAME) return [1 / ratio, ` times smaller than ${other}`];
  return `about as large as ${other}`;
}

/** The share sentence: who the worst 1 % are, what they carry, and how the shares compare. */
function shareSentence(scores) {
  const { count: m, crossEntropy: ce, brier } = scores.worstShare;
  const n = scores.n;
  const one = m === 1;
  const who = one
    ? [
        `The example with the largest cross-entropy (the 1 % most confidently wrong of `,
        n,
        ` ${n === 1 ? 'example' : 'examples'} rounds up to one) carries `,
      ]
    : [
        'The ',
        m,
        ' examples with the largest cross-entropy (the 1 % most confidently wrong) carry ',
      ];
  const their = one ? 'its' : 'their';
  const pulls = (values) => values.some((v) => v > 0);
  if (!pulls(scores.crossEntropyGradient)) {
    return sentence(
      who,
      'no gradient at all: every example is already predicted exactly, so neither loss pulls on any.',
    );
  }
  if (!pulls(scores.brierGradient)) {
    return sentence(
      who,
      100 * ce,
      " % of the total cross-entropy gradient; the Brier gradient is 0 on every example, as the model's probabilities round to exactly 0 or 1 where it is off, so Brier does not pull at all.",
    );
  }
  const shares = [
    who,
    100 * ce,
    ' % of the total cross-entropy gradient and ',
    100 * brier,
    ' % of the total Brier gradient: ',
  ];
  if (ce === 0 && brier === 0) {
    return sentence(
      shares,
      `${their} cross-entropy is all ${their} soft ${one ? "label's" : "labels'"} own uncertainty, which no gradient removes, so both losses pull only on other examples.`,
    );
  }
  if (ce === 0 || brier === 0) {
    return sentence(
      shares,
      `${brier === 0 ? 'Brier' : 'cross-entropy'} pulls only on other examples.`,
    );
  }
  return sentence(
    shares,
    `under cross-entropy ${their} share is `,
    comparison(ce, brier, `${their} share of the Brier gradient`),
    '.',
  );
}

/** The temperature sentence: at a limit, at 1, above or below 1. */
function temperatureSentence({ temperature: T, atLimit, before, after }) {
  const change = ['mean cross-entropy goes from ', before, ' to ', after];
  if (atLimit) {
    return T < 1
      ? sentence(
          'Cross-entropy keeps falling as T shrinks to the smallest allowed, ',
          TEMPERATURE_LIMITS.min,
          ': the model separates the classes perfectly, so sharper is always better here (',
          change,
          ').',
        )
      : sentence(
          'Cross-entropy keeps falling as T grows to the largest allowed, ',
          TEMPERATURE_LIMITS.max,
          ': the logits carry no usable signal, and the flatter the probabilities the better (',
          change,
          ').',
        );
  }
  if (showsOne(T)) {
    return sentence(
      'The best temperature is T = ',
      1,
      ': the logits are already at the right scale (',
      change,
      ').',
    );
  }
  return T > 1
    ? sentence(
        'The logits are too large: dividing them by T = ',
        T,
        ' fits best, and ',
        change,
        '. The model was overconfident.',
      )
    : sentence(
        'The logits are too small: dividing them by T = ',
        T,
        ' (that is, multiplying them by ',
        1 / T,
        ') fits best, and ',
        change,
        '. The model was underconfident.',
      );
}

/** The forecaster's sentence at belief q and report r. */
function scoreSentence(q, r) {
  if (q === 0 || q === 1) {
    return shows`With q = ${q} the outcome is certain: the log score, Brier and absolute error all fall toward 0 as r approaches ${q}, so here even absolute error rewards the truth. Only a belief strictly between 0 and 1 shows them apart.`;
  }
  const tail =
    q === 0.5
      ? 'Absolute error costs the same for every report: it gives no reason to tell the truth, so it is not proper.'
      : `Absolute error is smallest at ${q > 0.5 ? 'the highest report, r → 1' : 'the lowest report, r → 0'}: it pays to exaggerate, so it is not proper.`;
  if (r === q) {
    return shows`Reporting r = q = ${q}, your belief, is the cheapest report under the log score and Brier. ${tail}`;
  }
  const { extraLog, extraBrier } = expectedScores(q, r);
  return shows`Reporting r = ${r} instead of your belief q = ${q} costs ${extraLog} more log score and ${extraBrier} more Brier than the truth would. ${tail}`;
}

/** The diagram's note: its bins with examples, below the diagonal, and the ECE at T. */
function reliabilityNote(model, diagram, T) {
  const bins = diagram.bins.length;
  const below =
    model.classes === 1
      ? 'Below the diagonal, class 1 came up less often than the model said it would;'
      : 'Below the diagonal, the top class was right less often than the model was sure;';
  return shows`${bins} ${bins === 1 ? 'bin' : 'bins'} with examples. ${below} the expected calibration error (ECE) is the average gap, weighted by the bins' sizes: ${diagram.ece} at T = ${T}.`;
}

const SORT_WORDS = {
  ce: 'cross-entropy',
  brier: 'Brier score',
  'ce-gradient': "the size of cross-entropy's gradient",
  'brier-gradient': "the size of the Brier score's gradient",
};

/** The fitted temperature: the mpmath table's for a bundled example, else the bisection's. */
function fitOf(state, model) {
  if (state.data !== 'pasted') {
    const table = exampleTable(state.data);
    return {
      temperature: table.temperature,
      atLimit: false,
      before: table.meanCrossEntropy,
      after: table.meanCrossEntropyAfter,
    };
  }
  const fit = fitTemperature(model);
  return {
    temperature: fit.temperature,
    atLimit: fit.atLimit,
    before: fit.meanCrossEntropyBefore,
    after: fit.meanCrossEntropyAfter,
  };
}

export function expected(state) {
  const model = modelOf(state);
  const given = scoreModel(model);
  const atT = state.t === 1 ? given : scoreModel(model, state.t);
  const binning = { bins: state.bins, binning: state.binning };
  const diagram = calibration(model, atT, binning);
  const givenDiagram = calibration(model, given, binning);
  const fit = fitOf(state, model);
  const forecast = expectedScores(state.q, state.r);
  const n = given.n;
  const want = {
    rows: count(n),
    accuracy: percent(given.accuracy),
    ce: given.meanCrossEntropy,
    brier: given.meanBrier,
    wrong: (text, label) => {
      const [wrong, share] = text.match(/^(\S+) \((.+)\)$/).slice(1);
      count(given.confidentlyWrongCount)(wrong, label);
      percent(given.confidentlyWrongCount / n)(share, label);
    },
    'wrong-level': percent(CONFIDENTLY_WRONG),
    'brier-max': model.classes === 1 ? 1 : 2,
    t: state.t,
    ece: diagram.ece,
    'ece-given': givenDiagram.ece,
    'fitted-t': fit.temperature,
    'fitted-button-t': fit.temperature,
    'ce-before': fit.before,
    'ce-after': fit.after,
    'split-score': diagram.brier.score,
    'split-calibration': diagram.brier.calibration,
    'split-refinement': diagram.brier.refinement,
    'split-within': diagram.brier.withinBin,
    log: forecast.logScore,
    'brier-score': forecast.brier,
    abs: forecast.absolute,
    share: shareSentence(given),
    temperature: temperatureSentence(fit),
    score: scoreSentence(state.q, state.r),
    'reliability-note': reliabilityNote(model, diagram, state.t),
    columns: columnsSentence(model, headerOf(state)),
    event:
      model.classes === 1
        ? 'The diagram is about class 1: across, the probability of class 1 the model gave; up, how often it was class 1.'
        : 'The diagram is about the top class: across, the probability the model gave its top class; up, how often the top class was right.',
    'worst-caption': `Sorted by ${SORT_WORDS[state.sort]}, largest first; at T = 1.`,
    'outcome-head': model.classes === 1 ? 'how often class 1' : 'how often right',
  };
  // The worst table, at T = 1: the rows with the largest value of the sort's measure.
  worstRows(given[SORTS[state.sort]]).forEach((row, i) => {
    const cells = {
      line: model.firstLine + row,
      label: model.kind === 'probability' ? 'soft' : model.labels[row],
      predicted: given.predicted[row],
      p: given.probability[row],
      ce: given.crossEntropy[row],
      brier: given.brier[row],
      dce: given.crossEntropyGradient[row],
      dbrier: given.brierGradient[row],
    };
    for (const column of WORST_COLUMNS) want[`worst-${i}-${column}`] = cells[column];
  });
  diagram.bins.forEach((bin, b) => {
    want[`bin-${b}-range`] = shows`${bin.low}–${bin.high}`;
    want[`bin-${b}-count`] = bin.count;
    want[`bin-${b}-confidence`] = bin.meanConfidence;
    want[`bin-${b}-outcome`] = bin.meanOutcome;
    want[`bin-${b}-gap`] = gap(bin.gap);
  });
  return want;
}
