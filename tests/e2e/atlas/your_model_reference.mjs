// Plain-JS expectations for the your-model lab's suites (its lab test, its atlas, its story),
// never from the page's core or its formatter:
//   - each example's scores from the closed forms, written to hold at every logit the lab
//     accepts (|z| ≤ 10⁶): the binary CE as (1 − y)·softplus(z) + y·softplus(−z), 1 − p as
//     σ(−z), K classes by log-sum-exp, and p_c − 1 of the label class as −Σ_{k≠c} p_k;
//     tests/reference/model_scores_reference.mjs has the textbook forms, for |z| ≤ 709 only;
//   - the reliability diagram, its Brier split, the worst-1 % shares and the temperature (by
//     bisection on the slope in 1/T) from model_scores_reference.mjs, checked against mpmath
//     by tests/js/model_examples_reference.test.mjs;
//   - the forecaster's expected scores at belief q and report r (closed forms).
// A model here is { classes, kind: 'class' | 'probability', logits, labels, firstLine }, the
// logits row-major n × K, the labels n (class) or n × K (probability rows).
import { readFileSync } from 'node:fs';
import { sigmoid } from '../reference.mjs';
import { binaryCe, softTargetAt } from './binary_reference.mjs';
import {
  equalWidthBin,
  fitTemperature as textbookTemperature,
  parseLogitsCsv,
  reliability as textbookReliability,
  TEMPERATURE_RANGE,
  worstShare,
} from '../../reference/model_scores_reference.mjs';

/** The level at which a wrong example counts as confidently wrong (the spec's 0.9). */
export const CONFIDENTLY_WRONG = 0.9;
/** The lab's worst table: its twenty rows. */
export const WORST_ROWS = 20;

const sum = (values) => values.reduce((total, v) => total + v, 0);

/** The index of the largest entry, the lowest index on ties. */
function argmax(values) {
  let best = 0;
  for (let k = 1; k < values.length; k += 1) if (values[k] > values[best]) best = k;
  return best;
}

/** One binary example: logit z, y the probability of class 1 (0/1 or soft). */
function binaryExample(z, y) {
  const p = sigmoid(z);
  const q = sigmoid(-z); // 1 − p, without cancellation
  const residual = y === 1 ? -q : y === 0 ? p : p - y; // ∂CE/∂z = p − y
  const predicted = z > 0 ? 1 : 0;
  const labelClass = y > 0.5 ? 1 : 0; // a soft label's larger class, 0 on a tie
  return {
    probability: y === 1 ? p : y === 0 ? q : y * p + (1 - y) * q,
    positive: p,
    negative: q,
    confidence: Math.max(p, q),
    doubt: Math.min(p, q),
    predicted,
    correct: predicted === 1 ? y : 1 - y,
    labelClass,
    crossEntropy: binaryCe(z, y),
    brier: residual * residual,
    crossEntropyGradient: Math.abs(residual),
    brierGradient: Math.abs(2 * residual * p * q),
  };
}

/** One K-class example: z its K logits, y its label row (one-hot for a class). */
function multiclassExample(z, y, hard) {
  const m = Math.max(...z);
  const lse = m + Math.log(sum(z.map((v) => Math.exp(v - m))));
  const logp = z.map((v) => v - lse);
  const p = logp.map(Math.exp);
  const c = argmax(y);
  // p − y; for a class label its own entry as −Σ_{k≠c} p_k (1 − p_c would cancel).
  const others = sum(p.filter((_, k) => k !== c));
  const residual = p.map((pk, k) => (hard && k === c ? -others : pk - y[k]));
  // Σ_k (p_k − y_k) p_k; for a class label the label's own term −(1 − p_c)·p_c kept apart.
  const projected = sum(residual.map((r, k) => r * p[k]));
  const brierGradient = p.map((pj, j) => {
    if (!hard) return 2 * pj * (residual[j] - projected);
    // r_c − S = −ε² − Σ_{k≠c} p_k² (ε = 1 − p_c), written without the cancellation.
    const square = sum(p.map((pk, k) => (k === c ? 0 : pk * pk)));
    if (j === c) return 2 * pj * (-(others * others) - square);
    return 2 * pj * (pj + others * p[c] - square);
  });
  const predicted = argmax(z);
  return {
    probability: sum(y.map((yk, k) => yk * p[k])),
    positive: p[predicted],
    negative: sum(p.filter((_, k) => k !== predicted)),
    confidence: p[predicted],
    doubt: sum(p.filter((_, k) => k !== predicted)),
    predicted,
    correct: y[predicted],
    labelClass: c,
    crossEntropy: -sum(y.map((yk, k) => (yk === 0 ? 0 : yk * logp[k]))),
    brier: sum(residual.map((r) => r * r)),
    crossEntropyGradient: Math.hypot(...residual),
    brierGradient: Math.hypot(...brierGradient),
  };
}

/** Row i of the labels as a probability row (one-hot for a class). */
function labelRow(model, i) {
  const { classes, kind, labels } = model;
  if (kind === 'probability') return Array.from(labels.slice(i * classes, (i + 1) * classes));
  return Array.from({ length: classes }, (_, k) => (k === labels[i] ? 1 : 0));
}

const KEYS = [
  'probability',
  'positive',
  'negative',
  'confidence',
  'doubt',
  'predicted',
  'correct',
  'crossEntropy',
  'brier',
  'crossEntropyGradient',
  'brierGradient',
];

/**
 * Every example of `model` scored at temperature T (the logits divided by it), as the lab's
 * core should: one array per measure (the KEYS; `negative` is 1 − positive and `doubt`
 * 1 − confidence, each summed from the small probabilities, without cancellation), their
 * means, the confidently wrong and the worst-1 % shares.
 */
export function scoreModel(model, T = 1) {
  const { classes, logits, labels } = model;
  const n = classes === 1 ? logits.length : logits.length / classes;
  const examples = Array.from({ length: n }, (_, i) => {
    if (classes === 1) return binaryExample(logits[i] / T, labels[i]);
    const z = Array.from(logits.slice(i * classes, (i + 1) * classes), (v) => v / T);
    return multiclassExample(z, labelRow(model, i), model.kind !== 'probability');
  });
  const scores = Object.fromEntries(KEYS.map((key) => [key, examples.map((e) => e[key])]));
  const wrong = examples.map((e) =>
    e.predicted !== e.labelClass && e.confidence >= CONFIDENTLY_WRONG ? 1 : 0,
  );
  return {
    ...scores,
    n,
    meanCrossEntropy: sum(scores.crossEntropy) / n,
    meanBrier: sum(scores.brier) / n,
    accuracy: sum(scores.correct) / n,
    confidentlyWrongCount: sum(wrong),
    worstShare: worstShare(scores),
  };
}

/** The reliability diagram's event: class 1 for one logit, "the top class is right" for K;
 *  `complement` is 1 − confidence without cancellation. */
export function calibrationEvent(model, scores) {
  return model.classes === 1
    ? {
        confidence: scores.positive,
        complement: scores.negative,
        outcome: Array.from(model.labels),
      }
    : { confidence: scores.confidence, complement: scores.doubt, outcome: scores.correct };
}

/** The exact mean where every value is the same (a plain sum / n can miss it by an ulp). */
const mean = (values) =>
  values.every((v) => v === values[0]) ? values[0] : sum(values) / values.length;

/** The rows of each non-empty bin, as the spec cuts them (the reference's rules). */
function binMembers(confidence, bins, equalMass) {
  const n = confidence.length;
  const groups = Array.from({ length: bins }, () => []);
  if (equalMass) {
    const order = Array.from({ length: n }, (_, i) => i).sort(
      (a, b) => confidence[a] - confidence[b] || a - b,
    );
    let start = 0;
    for (let b = 0; b < bins; b += 1) {
      const size = Math.floor(n / bins) + (b < n % bins ? 1 : 0);
      groups[b] = order.slice(start, start + size);
      start += size;
    }
  } else {
    confidence.forEach((c, i) => groups[equalWidthBin(c, bins)].push(i));
  }
  return groups.filter((rows) => rows.length > 0);
}

/**
 * The reliability diagram of the model's event at `scores`: model_scores_reference's bins, ECE
 * and Brier split, and the split's rest (withinBin) by its own identity,
 * Σ_b (n_b/n)[Var_b(c) − 2 Cov_b(c, o) + mean_b(o(o − 1))], which is exactly 0 when the
 * forecasts in each bin are equal and the outcomes 0 or 1 (score − calibration − refinement
 * leaves a rounding residue there). Each bin also gets its `gap`, mean(o − c), with o − c
 * written as (o − 1) + (1 − c) where c is near 1: ō − c̄ of two means near 1 keeps few digits.
 */
export function calibration(model, scores, { bins, binning }) {
  const { confidence, complement, outcome } = calibrationEvent(model, scores);
  const equalMass = binning === 'mass';
  const diagram = textbookReliability(confidence, outcome, { bins, equalMass });
  const n = confidence.length;
  const members = binMembers(confidence, bins, equalMass);
  members.forEach((rows, b) => {
    const gaps = rows.map((i) =>
      confidence[i] > 0.5 ? outcome[i] - 1 + complement[i] : outcome[i] - confidence[i],
    );
    diagram.bins[b].gap = sum(gaps) / rows.length;
  });
  let withinBin = 0;
  for (const rows of members) {
    const c = rows.map((i) => confidence[i]);
    const o = rows.map((i) => outcome[i]);
    const [cBar, oBar] = [mean(c), mean(o)];
    const variance = sum(c.map((v) => (v - cBar) ** 2)) / rows.length;
    const covariance = sum(c.map((v, k) => (v - cBar) * (o[k] - oBar))) / rows.length;
    const hard = sum(o.map((v) => v * (v - 1))) / rows.length;
    withinBin += (rows.length / n) * (variance - 2 * covariance + hard);
  }
  return { ...diagram, brier: { ...diagram.brier, withinBin } };
}

/** d/ds mean CE(s·z) for probability rows: mean (Σ_k p_k(s z) z_k − Σ_k y_k z_k). */
function probabilitySlope(model, s) {
  const { classes, logits } = model;
  const n = logits.length / classes;
  let total = 0;
  for (let i = 0; i < n; i += 1) {
    const z = Array.from(logits.slice(i * classes, (i + 1) * classes));
    const y = labelRow(model, i);
    // p_k = 1 / Σ_j e^{s(z_j − z_k)}: an overflowing term gives 0, never 0/0.
    const p = z.map((zk) => 1 / sum(z.map((zj) => Math.exp(s * (zj - zk)))));
    total += sum(z.map((zk, k) => (p[k] - y[k]) * zk));
  }
  return total / n;
}

/** The reference's bisection on the slope in s = 1/T, for probability rows. */
function probabilityTemperature(model) {
  const slope = (s) => probabilitySlope(model, s);
  let lo = 1 / TEMPERATURE_RANGE[1];
  let hi = 1 / TEMPERATURE_RANGE[0];
  const [atLo, atHi] = [slope(lo), slope(hi)];
  if (atLo === 0 && atHi === 0) return { temperature: 1, atLimit: false };
  if (atLo >= 0) return { temperature: 1 / lo, atLimit: true };
  if (atHi <= 0) return { temperature: 1 / hi, atLimit: true };
  for (;;) {
    const mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) break;
    if (slope(mid) < 0) lo = mid;
    else hi = mid;
  }
  const s = Math.abs(slope(lo)) <= Math.abs(slope(hi)) ? lo : hi;
  return { temperature: 1 / s, atLimit: false };
}

/**
 * The T in [10⁻³, 10³] minimising mean CE(z/T), with mean CE before and after: T and atLimit
 * from the references' bisections, the means from scoreModel (finite at any logit).
 */
export function fitTemperature(model) {
  const { temperature, atLimit } =
    model.kind === 'probability'
      ? probabilityTemperature(model)
      : textbookTemperature(model.logits, model.classes, model.labels);
  return {
    temperature,
    atLimit,
    meanCrossEntropyBefore: scoreModel(model).meanCrossEntropy,
    meanCrossEntropyAfter: scoreModel(model, temperature).meanCrossEntropy,
  };
}

/** The rows (from 0) with the largest `values`, largest first, ties by row: the worst table. */
export function worstRows(values, count = WORST_ROWS) {
  return Array.from(values.keys())
    .sort((i, j) => values[j] - values[i] || i - j)
    .slice(0, count);
}

/** The table's sort keys and the measure each sorts by. */
export const SORTS = {
  ce: 'crossEntropy',
  brier: 'brier',
  'ce-gradient': 'crossEntropyGradient',
  'brier-gradient': 'brierGradient',
};

// ---- the forecaster ------------------------------------------------------------------------

/**
 * What a forecaster with belief q expects to pay for report r: the log score
 * −[q ln r + (1 − q) ln(1 − r)], Brier q(1 − r)² + (1 − q)r², absolute error
 * q(1 − r) + (1 − q)r; and what r costs above the truth r = q: KL(q ‖ r) and (r − q)².
 */
export function expectedScores(q, r) {
  const log = -((q === 0 ? 0 : q * Math.log(r)) + (q === 1 ? 0 : (1 - q) * Math.log1p(-r)));
  return {
    logScore: log,
    brier: q * (1 - r) ** 2 + (1 - q) * r ** 2,
    absolute: q * (1 - r) + (1 - q) * r,
    // KL(q ‖ r), also for r near q, where the two logarithms cancel (binary_reference.mjs).
    extraLog: softTargetAt(r, q).kl,
    extraBrier: (r - q) ** 2,
  };
}

// ---- the bundled examples ------------------------------------------------------------------

const EXAMPLE_FILES = { 'breast-cancer': 'breast_cancer_logits.csv', digits: 'digits_logits.csv' };
const examplesDir = new URL('../../../web/panels/your-model/examples/', import.meta.url);
const mpmath = JSON.parse(
  readFileSync(new URL('../../reference/model_examples_reference.json', import.meta.url), 'utf8'),
);

/** A bundled example as a model (its header is line 1, so data row 1 is line 2). */
export function exampleModel(name) {
  const text = readFileSync(new URL(EXAMPLE_FILES[name], examplesDir), 'utf8');
  const { classes, logits, labels } = parseLogitsCsv(text);
  return { classes, kind: 'class', logits, labels, firstLine: 2 };
}

/**
 * The 50-digit mpmath values of a bundled example (tests/reference/model_examples_reference.json,
 * made by make_model_examples_reference.py), as numbers; `binning` picks the diagram's figures.
 */
export function exampleTable(name, binning = 'width') {
  const entry = mpmath.files[EXAMPLE_FILES[name]];
  const bins = entry[binning === 'mass' ? 'equalMass' : 'equalWidth'];
  return {
    bins: mpmath.bins,
    n: entry.n,
    classes: entry.classes,
    meanCrossEntropy: Number(entry.meanCrossEntropy),
    meanBrier: Number(entry.meanBrier),
    accuracy: Number(entry.accuracy),
    ece: Number(bins.ece),
    calibration: Number(bins.calibration),
    refinement: Number(bins.refinement),
    temperature: Number(entry.temperature),
    meanCrossEntropyAfter: Number(entry.meanCrossEntropyAfter),
    worst: {
      count: entry.worst.count,
      crossEntropy: Number(entry.worst.crossEntropy),
      brier: Number(entry.worst.brier),
    },
  };
}
