// An independent reference for the "your model" lab's core functions (scoreExamples,
// reliability, fitTemperature; docs in the issue-32 spec), written from the textbook formulas in
// plain JS, not from the core's stable forms: that is the point of a second implementation.
//   K = 1 (one logit column, label y in [0, 1]): p = 1/(1 + e^−z), CE = −[y ln p + (1 − y) ln(1 − p)]
//   K ≥ 2 (K logit columns, class label c): p_k = e^{z_k} / Σ_j e^{z_j}, CE = −ln p_c
// It is checked against 50-digit mpmath values (model_examples_reference.json, made by
// make_model_examples_reference.py) on the bundled examples (web/panels/your-model/examples/),
// by tests/js/model_examples_reference.test.mjs; scripts/make_model_examples.mjs prints its
// summary of the examples with it.
//
// Where double precision fails (these are the inputs to keep it to; the bundled examples are
// far inside them, which the test checks):
//   - K = 1: 1 − p, written so, would cancel (its absolute error 2^−53 makes −ln(1 − p) of a
//     wrongly confident example off by 2^−53 / (1 − p), 4e−8 at z = 20, and +Infinity past
//     z = 36.7); here it is its textbook closed form e^−z / (1 + e^−z), to a few ulps like p.
//     Both hold for |z| ≤ 709: below −709.78 e^−z overflows (p = 0, 1 − p = NaN), above 745
//     it underflows (1 − p = 0, CE = +Infinity with y = 0). A confident right example's
//     CE −ln p rounds to 0 for z > 37 (exactly, about e^−z: below any tolerance on a mean).
//   - K ≥ 2: e^{z_k} overflows for z_k > 709 and every e^{z_k} underflows below −745 (0/0).
//   - fitTemperature probes s·z with s up to 1e3, where the textbook softmax would overflow, so
//     its derivative uses the same softmax written as p_k = 1 / Σ_j e^{s(z_j − z_k)} (an
//     overflowing term gives p_k = 0, the j = k term keeps the sum ≥ 1).

/** σ(z) = 1/(1 + e^−z), the probability of class 1. */
const sigmoid = (z) => 1 / (1 + Math.exp(-z));

/** 1 − σ(z) = e^−z / (1 + e^−z), the probability of class 0 (no cancellation near p = 1). */
const complement = (z) => Math.exp(-z) / (1 + Math.exp(-z));

/** x ln x with 0 ln 0 = 0 (a zero weight removes its term, even where ln gives −Infinity). */
const weightedLog = (weight, probability) => (weight === 0 ? 0 : weight * Math.log(probability));

/** The index of the largest entry, the lowest index on ties. */
function argmax(values) {
  let best = 0;
  for (let k = 1; k < values.length; k += 1) if (values[k] > values[best]) best = k;
  return best;
}

/** Textbook softmax: p_k = e^{z_k} / Σ_j e^{z_j}. */
function softmax(z) {
  const exps = z.map((v) => Math.exp(v));
  const total = exps.reduce((sum, v) => sum + v, 0);
  return exps.map((v) => v / total);
}

/** Row i of a row-major n × K table, as an Array. */
const row = (values, classes, i) => Array.from(values.slice(i * classes, (i + 1) * classes));

/** One binary example: z the logit, y the probability of class 1 (0/1 or soft). */
function binaryExample(z, y) {
  const p = sigmoid(z);
  const q = complement(z); // 1 − p (the header says why not written so)
  const predicted = z > 0 ? 1 : 0;
  return {
    positive: p,
    confidence: Math.max(p, q),
    correct: predicted === 1 ? y : 1 - y, // the label's probability of the predicted class
    crossEntropy: -(weightedLog(y, p) + weightedLog(1 - y, q)),
    brier: (p - y) ** 2,
    crossEntropyGradient: Math.abs(p - y), // |∂CE/∂z| = |p − y|
    brierGradient: Math.abs(2 * (p - y) * p * q), // |∂(p − y)²/∂z| = |2(p − y) p (1 − p)|
  };
}

/** One K-class example: z the K logits, c the label class. */
function multiclassExample(z, c) {
  const p = softmax(z);
  const y = p.map((_, k) => (k === c ? 1 : 0));
  const residual = p.map((pk, k) => pk - y[k]); // ∂CE/∂z_k = p_k − y_k
  const projected = residual.reduce((sum, r, k) => sum + r * p[k], 0); // Σ_k (p_k − y_k) p_k
  // ∂/∂z_j Σ_k (p_k − y_k)² = 2 p_j [(p_j − y_j) − Σ_k (p_k − y_k) p_k]
  const brierGradient = p.map((pj, j) => 2 * pj * (residual[j] - projected));
  const predicted = argmax(z);
  return {
    positive: p[predicted],
    confidence: p[predicted],
    correct: predicted === c ? 1 : 0,
    crossEntropy: -Math.log(p[c]),
    brier: residual.reduce((sum, r) => sum + r * r, 0),
    crossEntropyGradient: Math.hypot(...residual),
    brierGradient: Math.hypot(...brierGradient),
  };
}

const mean = (values) => values.reduce((sum, v) => sum + v, 0) / values.length;

/**
 * Per-example scores of n examples. logits: n·K numbers, row-major (K = classes); labels: n
 * numbers (K = 1: y in [0, 1]; K ≥ 2: a class in [0, K − 1]).
 * Returns Arrays positive (K = 1: σ(z); K ≥ 2: the top probability), confidence (top-label
 * probability), correct, crossEntropy, brier, crossEntropyGradient, brierGradient, and their
 * means meanCrossEntropy, meanBrier, accuracy.
 */
export function scoreExamples(logits, classes, labels) {
  const n = labels.length;
  if (logits.length !== n * classes) throw new RangeError('logits must have n·classes entries');
  const examples = Array.from({ length: n }, (_, i) =>
    classes === 1
      ? binaryExample(logits[i], labels[i])
      : multiclassExample(row(logits, classes, i), labels[i]),
  );
  const column = (key) => examples.map((example) => example[key]);
  const scores = Object.fromEntries(
    [
      'positive',
      'confidence',
      'correct',
      'crossEntropy',
      'brier',
      'crossEntropyGradient',
      'brierGradient',
    ].map((key) => [key, column(key)]),
  );
  return {
    ...scores,
    meanCrossEntropy: mean(scores.crossEntropy),
    meanBrier: mean(scores.brier),
    accuracy: mean(scores.correct),
  };
}

/**
 * What the reliability diagram plots, from scoreExamples' result: K = 1: confidence σ(z) (the
 * probability of class 1) against outcome y; K ≥ 2: the top softmax probability against whether
 * the argmax (lowest index on ties) is the label.
 */
export function calibrationInputs(scores, classes, labels) {
  return classes === 1
    ? { confidence: scores.positive, outcome: Array.from(labels) }
    : { confidence: scores.confidence, outcome: scores.correct };
}

/**
 * The equal-width bin of a confidence c in [0, 1]: k with k/B ≤ c < (k + 1)/B, the last bin
 * closed. The edges are the doubles k/B (IEEE division, correctly rounded), compared exactly:
 * a confidence typed as 0.7 is in [0.7, 0.8), as a reader expects, though the double 0.7 is
 * below 7/10. (⌊c·B⌋ alone can differ from this by one bin within an ulp of an edge.)
 */
export function equalWidthBin(c, bins) {
  let k = Math.min(Math.floor(c * bins), bins - 1);
  while (k > 0 && c < k / bins) k -= 1;
  while (k < bins - 1 && c >= (k + 1) / bins) k += 1;
  return k;
}

/**
 * The rows of each bin. Equal width: as equalWidthBin. Equal mass: the rows sorted by
 * confidence (ties by row order), cut into B groups of consecutive rows, the n mod B groups of
 * ⌈n/B⌉ FIRST (the lowest confidences), then the groups of ⌊n/B⌋ (numpy.array_split's
 * convention); equal confidences may fall on both sides of a cut. Empty bins are left out.
 */
function binRows(confidence, bins, equalMass) {
  const n = confidence.length;
  const groups = Array.from({ length: bins }, () => []);
  if (equalMass) {
    const order = Array.from({ length: n }, (_, i) => i).sort(
      (a, b) => confidence[a] - confidence[b] || a - b,
    );
    const base = Math.floor(n / bins);
    const bigger = n % bins;
    let start = 0;
    for (let b = 0; b < bins; b += 1) {
      const size = base + (b < bigger ? 1 : 0);
      groups[b] = order.slice(start, start + size);
      start += size;
    }
  } else {
    for (let i = 0; i < n; i += 1) groups[equalWidthBin(confidence[i], bins)].push(i);
  }
  return groups.map((rows, b) => ({ rows, b })).filter((group) => group.rows.length > 0);
}

/**
 * The reliability diagram of n forecasts (confidence in [0, 1]) of an event (outcome in [0, 1]):
 * bins { low, high, count, meanConfidence, meanOutcome } (equal width: low = k/B, high =
 * (k + 1)/B; equal mass: the lowest and highest confidence in the bin), the expected calibration
 * error ece = Σ_b (n_b/n) |ō_b − c̄_b| and the Brier split of the event:
 * score = mean (c − o)², calibration = Σ (n_b/n)(c̄_b − ō_b)², refinement = Σ (n_b/n) ō_b(1 − ō_b),
 * withinBin = score − calibration − refinement.
 */
export function reliability(confidence, outcome, { bins = 10, equalMass = false } = {}) {
  const n = confidence.length;
  const inUnit = (v) => v >= 0 && v <= 1;
  if (n === 0 || outcome.length !== n || !confidence.every(inUnit) || !outcome.every(inUnit)) {
    throw new RangeError('confidence and outcome: n ≥ 1 numbers each, all in [0, 1]');
  }
  const diagram = binRows(confidence, bins, equalMass).map(({ rows, b }) => {
    const conf = rows.map((i) => confidence[i]);
    return {
      low: equalMass ? Math.min(...conf) : b / bins,
      high: equalMass ? Math.max(...conf) : (b + 1) / bins,
      count: rows.length,
      meanConfidence: mean(conf),
      meanOutcome: mean(rows.map((i) => outcome[i])),
    };
  });
  const weighted = (f) => diagram.reduce((sum, bin) => sum + (bin.count / n) * f(bin), 0);
  const score = mean(Array.from(confidence, (c, i) => (c - outcome[i]) ** 2));
  const calibration = weighted((bin) => (bin.meanConfidence - bin.meanOutcome) ** 2);
  const refinement = weighted((bin) => bin.meanOutcome * (1 - bin.meanOutcome));
  return {
    bins: diagram,
    ece: weighted((bin) => Math.abs(bin.meanOutcome - bin.meanConfidence)),
    brier: { score, calibration, refinement, withinBin: score - calibration - refinement },
  };
}

/**
 * d/ds of mean CE(s·z): K = 1: mean (σ(s z) − y) z; K ≥ 2: mean (Σ_k p_k(s z) z_k − z_c), with
 * p_k = 1 / Σ_j e^{s(z_j − z_k)} (the header says why this form).
 */
function meanCrossEntropySlope(logits, classes, labels, s) {
  let total = 0;
  for (let i = 0; i < labels.length; i += 1) {
    if (classes === 1) {
      total += (sigmoid(s * logits[i]) - labels[i]) * logits[i];
      continue;
    }
    const z = row(logits, classes, i);
    let expected = 0;
    for (let k = 0; k < classes; k += 1) {
      const pk = 1 / z.reduce((sum, zj) => sum + Math.exp(s * (zj - z[k])), 0);
      expected += pk * z[k];
    }
    total += expected - z[labels[i]];
  }
  return total / labels.length;
}

/** The temperature's range, [1e−3, 1e3] (the core's limits). */
export const TEMPERATURE_RANGE = [1e-3, 1e3];

/**
 * The temperature T in [1e−3, 1e3] minimising mean CE(z/T), by bisection on the slope of mean
 * CE(s·z) in s = 1/T (convex in s, so the slope rises through one zero), halved until no double
 * lies between the ends: not Newton, as the core is. atLimit when the slope has one sign on the
 * whole range (the optimum is an end); all-zero logits (the slope is 0 everywhere): T = 1.
 * Returns { temperature, meanCrossEntropyBefore, meanCrossEntropyAfter, atLimit }.
 */
export function fitTemperature(logits, classes, labels) {
  const slope = (s) => meanCrossEntropySlope(logits, classes, labels, s);
  let lo = 1 / TEMPERATURE_RANGE[1];
  let hi = 1 / TEMPERATURE_RANGE[0];
  const atLo = slope(lo);
  const atHi = slope(hi);
  let s;
  let atLimit = true;
  if (atLo === 0 && atHi === 0) [s, atLimit] = [1, false];
  else if (atLo >= 0) s = lo;
  else if (atHi <= 0) s = hi;
  else {
    atLimit = false;
    for (;;) {
      const mid = lo + (hi - lo) / 2;
      if (mid <= lo || mid >= hi) break;
      if (slope(mid) < 0) lo = mid;
      else hi = mid;
    }
    s = Math.abs(slope(lo)) <= Math.abs(slope(hi)) ? lo : hi;
  }
  const scaled = Array.from(logits, (z) => z * s);
  return {
    temperature: 1 / s,
    meanCrossEntropyBefore: scoreExamples(logits, classes, labels).meanCrossEntropy,
    meanCrossEntropyAfter: scoreExamples(scaled, classes, labels).meanCrossEntropy,
    atLimit,
  };
}

/**
 * The m = ⌈n/100⌉ examples with the largest CE (ties: the earlier row) and the share of
 * Σ crossEntropyGradient and of Σ brierGradient they carry (0 when a sum is 0).
 * Returns { count, crossEntropy, brier }.
 */
export function worstShare(scores) {
  const n = scores.crossEntropy.length;
  const count = Math.ceil(n / 100);
  const worst = Array.from({ length: n }, (_, i) => i)
    .sort((a, b) => scores.crossEntropy[b] - scores.crossEntropy[a] || a - b)
    .slice(0, count);
  const share = (values) => {
    const total = values.reduce((sum, v) => sum + v, 0);
    return total === 0 ? 0 : worst.reduce((sum, i) => sum + values[i], 0) / total;
  };
  return {
    count,
    crossEntropy: share(scores.crossEntropyGradient),
    brier: share(scores.brierGradient),
  };
}

/**
 * A logits CSV as the bundled examples are written: a header (`logit,label` or `z0,…,z{K−1},label`)
 * then one row per example, the label last. Returns { classes, logits, labels }.
 */
export function parseLogitsCsv(text) {
  const lines = text.trim().split(/\r?\n/);
  const classes = lines[0].split(',').length - 1;
  const logits = [];
  const labels = [];
  for (const line of lines.slice(1)) {
    const cells = line.split(',').map(Number);
    if (cells.length !== classes + 1 || cells.some((v) => !Number.isFinite(v))) {
      throw new RangeError(`bad row: ${line}`);
    }
    logits.push(...cells.slice(0, classes));
    labels.push(cells[classes]);
  }
  return { classes, logits, labels };
}

/** Everything the reference table holds for one file, computed here. */
export function summarise({ classes, logits, labels }, bins = 10) {
  const scores = scoreExamples(logits, classes, labels);
  const { confidence, outcome } = calibrationInputs(scores, classes, labels);
  const fit = fitTemperature(logits, classes, labels);
  return {
    n: labels.length,
    classes,
    meanCrossEntropy: scores.meanCrossEntropy,
    meanBrier: scores.meanBrier,
    accuracy: scores.accuracy,
    equalWidth: reliability(confidence, outcome, { bins }),
    equalMass: reliability(confidence, outcome, { bins, equalMass: true }),
    temperature: fit.temperature,
    atLimit: fit.atLimit,
    meanCrossEntropyAfter: fit.meanCrossEntropyAfter,
    worst: worstShare(scores),
  };
}
