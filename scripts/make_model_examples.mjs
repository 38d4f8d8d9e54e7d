// Makes the "your model" lab's bundled examples (web/panels/your-model/examples/): the logits
// two real, small classifiers give on rows of the repository's data sets they were NOT trained
// on. Both are trained past the point of good calibration on purpose (plain full-batch gradient
// descent, no regularisation, many epochs), so the lab has an overconfident model to show:
//   breast_cancer_logits.csv  logistic regression on the 30 standardised features of
//                             data/breast_cancer.csv, header `logit,label`
//   digits_logits.csv         softmax regression on the 64 pixels of data/digits.csv scaled to
//                             [0, 1], header `z0,…,z9,label`
// Deterministic: a seeded PRNG (mulberry32) draws the 60 % training split, the weights start at
// zero and the epochs are fixed, so `node scripts/make_model_examples.mjs` rewrites the same
// files. It then prints a summary of what it wrote, read back from the files, computed by the
// plain-JS reference (tests/reference/model_scores_reference.mjs).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  parseLogitsCsv,
  scoreExamples,
  summarise,
} from '../tests/reference/model_scores_reference.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'web', 'panels', 'your-model', 'examples');

const SEED = 32; // the lab's issue number
const TRAIN_FRACTION = 0.6;
// The steps are per mean gradient. The digits' pixels are in [0, 1] and the model has 650
// weights, so a small step takes tens of thousands of epochs to overfit; a large one separates
// the training rows within a few hundred and then lets the weights grow (held-out T ≈ 3.9).
// Logits are written to round-trip, the digits' rounded to 3 decimals (a softmax only sees
// differences; every probability moves by under 0.1 %) to keep the file near 50 KB.
const BINARY = {
  file: 'breast_cancer.csv',
  out: 'breast_cancer_logits.csv',
  epochs: 10000,
  rate: 0.5,
};
const DIGITS = {
  file: 'digits.csv',
  out: 'digits_logits.csv',
  epochs: 2000,
  rate: 48,
  decimals: 3,
};

/** mulberry32: a 32-bit seeded PRNG, uniform in [0, 1). */
function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The rows of a headerless numeric CSV, the label in the last column. */
function readDataset(file) {
  const lines = readFileSync(path.join(root, 'data', file), 'utf8')
    .trim()
    .split(/\r?\n/);
  const rows = lines.map((line) => line.split(',').map(Number));
  return { x: rows.map((r) => r.slice(0, -1)), y: rows.map((r) => r[r.length - 1]) };
}

/** A seeded Fisher–Yates shuffle of 0…n−1, cut into the training rows and the held-out rows. */
function split(n, random) {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const cut = Math.round(TRAIN_FRACTION * n);
  return { train: order.slice(0, cut), heldOut: order.slice(cut) };
}

/** Standardises every feature with the training rows' mean and standard deviation. */
function standardise(x, train) {
  const d = x[0].length;
  const mu = Array.from(
    { length: d },
    (_, j) => train.reduce((s, i) => s + x[i][j], 0) / train.length,
  );
  const sd = mu.map((m, j) =>
    Math.sqrt(train.reduce((s, i) => s + (x[i][j] - m) ** 2, 0) / train.length),
  );
  return x.map((r) => r.map((v, j) => (v - mu[j]) / (sd[j] || 1)));
}

/**
 * Softmax regression (K ≥ 2) or logistic regression (K = 1: one logit, p = σ(z)) by full-batch
 * gradient descent on the mean cross-entropy from zero weights; returns the logits of a row.
 */
function train(x, y, rows, classes, { epochs, rate }) {
  const d = x[0].length;
  const width = d + 1; // the d weights of a logit, then its bias
  const w = new Float64Array(classes * width);
  const grad = new Float64Array(w.length);
  const z = new Float64Array(classes);
  const inputs = rows.map((i) => Float64Array.from([...x[i], 1]));
  const setLogits = (input) => {
    for (let k = 0; k < classes; k += 1) {
      let sum = 0;
      for (let j = 0; j < width; j += 1) sum += w[k * width + j] * input[j];
      z[k] = sum;
    }
  };
  // ∂CE/∂z, left in z: σ(z) − y for one logit, softmax(z) − onehot(y) for K (shifted by the max).
  const setResidual = (label) => {
    if (classes === 1) {
      z[0] = 1 / (1 + Math.exp(-z[0])) - label;
      return;
    }
    let top = -Infinity;
    for (let k = 0; k < classes; k += 1) top = Math.max(top, z[k]);
    let total = 0;
    for (let k = 0; k < classes; k += 1) {
      z[k] = Math.exp(z[k] - top);
      total += z[k];
    }
    for (let k = 0; k < classes; k += 1) z[k] = z[k] / total - (k === label ? 1 : 0);
  };
  for (let epoch = 0; epoch < epochs; epoch += 1) {
    grad.fill(0);
    rows.forEach((i, r) => {
      const input = inputs[r];
      setLogits(input);
      setResidual(y[i]);
      for (let k = 0; k < classes; k += 1) {
        for (let j = 0; j < width; j += 1) grad[k * width + j] += z[k] * input[j];
      }
    });
    for (let j = 0; j < w.length; j += 1) w[j] -= (rate * grad[j]) / rows.length;
  }
  return (input) => {
    setLogits(Float64Array.from([...input, 1]));
    return Array.from(z);
  };
}

/** The shortest decimal that round-trips, or rounded to `decimals` places (trailing zeros cut). */
const format = (v, decimals) => String(decimals === undefined ? v : Number(v.toFixed(decimals)));

function writeExample(name, header, heldOut, logits, y, decimals) {
  const lines = heldOut.map((i) => [...logits(i).map((v) => format(v, decimals)), y[i]].join(','));
  const text = `${[header, ...lines].join('\n')}\n`;
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, name), text);
  return text;
}

/** What a model gives on the training rows (unrounded): accuracy and mean CE. */
function fitted(logits, x, y, rows, classes) {
  const scores = scoreExamples(
    rows.flatMap((i) => logits(x[i])),
    classes,
    rows.map((i) => y[i]),
  );
  return `training accuracy ${scores.accuracy.toFixed(4)}, mean CE ${scores.meanCrossEntropy.toExponential(2)}`;
}

/** Summary of a written file, read back (the file's values are the data). */
function report(name, text, rows, settings, training) {
  const s = summarise(parseLogitsCsv(text));
  const fixed = (v) => v.toFixed(4);
  const { epochs, rate } = settings;
  console.log(
    [
      `${name} (${(text.length / 1024).toFixed(1)} KiB): ${rows.train.length} rows trained on, ${rows.heldOut.length} held out; ${epochs} epochs, step ${rate}`,
      `  ${training}`,
      `  held out: accuracy ${fixed(s.accuracy)}, mean CE ${fixed(s.meanCrossEntropy)}, mean Brier ${fixed(s.meanBrier)}`,
      `  ECE, 10 bins: equal-width ${fixed(s.equalWidth.ece)}, equal-mass ${fixed(s.equalMass.ece)}`,
      `  fitted T ${fixed(s.temperature)}${s.atLimit ? ' (at a limit)' : ''}, mean CE after it ${fixed(s.meanCrossEntropyAfter)}`,
      `  the worst 1 % (${s.worst.count} by CE) carry ${fixed(s.worst.crossEntropy)} of the CE gradient, ${s.worst.brier.toExponential(3)} of the Brier gradient`,
    ].join('\n'),
  );
}

function makeBinary() {
  const { x, y } = readDataset(BINARY.file);
  const rows = split(y.length, mulberry32(SEED));
  const z = standardise(x, rows.train);
  const logits = train(z, y, rows.train, 1, BINARY);
  const text = writeExample(BINARY.out, 'logit,label', rows.heldOut, (i) => logits(z[i]), y);
  report(BINARY.out, text, rows, BINARY, fitted(logits, z, y, rows.train, 1));
}

function makeDigits() {
  const { x, y } = readDataset(DIGITS.file);
  const rows = split(y.length, mulberry32(SEED));
  const scaled = x.map((r) => r.map((v) => v / 16));
  const logits = train(scaled, y, rows.train, 10, DIGITS);
  const header = [...Array.from({ length: 10 }, (_, k) => `z${k}`), 'label'].join(',');
  const text = writeExample(
    DIGITS.out,
    header,
    rows.heldOut,
    (i) => logits(scaled[i]),
    y,
    DIGITS.decimals,
  );
  report(DIGITS.out, text, rows, DIGITS, fitted(logits, scaled, y, rows.train, 10));
}

makeBinary();
makeDigits();
