// A plain-JS model of what the race and the deep network lab train, written from their
// description (not from the page's core): the seeded generator (SplitMix64 with Box–Muller
// normals), the 2-D data sets, the 70/30 split with standardisation on the training rows, the
// weight initialisations and the starts, the forward pass, backpropagation of each loss, the
// layer gradient norms and plain minibatch SGD. The atlases compare what the pages show with it.
//
// Seeding, as the core documents it: the data set and its split each draw from a fresh
// generator seeded with `seed`; the weights from a third; epoch e's batch order from one seeded
// with seed XOR (0x5851F42D4C957F2D · e mod 2⁶⁴).
import { binaryPoint, multiclassPoint, sigmoid } from '../reference.mjs';

const MASK = (1n << 64n) - 1n;

/** SplitMix64 over BigInt, with uniform, below(n) and Box–Muller normal draws. */
export function generator(seed) {
  let state = BigInt(seed) & MASK;
  const next = () => {
    state = (state + 0x9e3779b97f4a7c15n) & MASK;
    let z = state;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK;
    return z ^ (z >> 31n);
  };
  const uniform = () => Number(next() >> 11n) * 2 ** -53;
  return {
    uniform,
    below: (n) => Math.floor(uniform() * n),
    normal() {
      const u = 1 - uniform();
      const v = uniform();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
  };
}

/** One 2-D point of each kind, label alternating 0, 1, 0, … */
const POINT = {
  blobs(r, label, noise) {
    const centre = label === 1 ? 1.5 : -1.5;
    const a = centre + (0.5 + noise) * r.normal();
    return [a, centre + (0.5 + noise) * r.normal()];
  },
  xor(r, label, noise) {
    const sx = r.uniform() < 0.5 ? -1 : 1;
    const sy = label === 1 ? sx : -sx;
    const a = sx * (0.3 + 2 * r.uniform()) + noise * r.normal();
    return [a, sy * (0.3 + 2 * r.uniform()) + noise * r.normal()];
  },
  circles(r, label, noise) {
    const radius = label === 1 ? 2 * r.uniform() : 3 + r.uniform();
    const angle = 2 * Math.PI * r.uniform();
    const a = radius * Math.cos(angle) + noise * r.normal();
    return [a, radius * Math.sin(angle) + noise * r.normal()];
  },
  spiral(r, label, noise) {
    const t = 0.25 + 3 * r.uniform();
    const angle = 1.75 * t * Math.PI + (label === 1 ? Math.PI : 0);
    const a = t * Math.cos(angle) + noise * r.normal();
    return [a, t * Math.sin(angle) + noise * r.normal()];
  },
};

/** {features, classes, x: number[][], y: number[]} of a generated set. */
export function syntheticData(kind, size, noise, seed) {
  const r = generator(seed);
  const x = [];
  const y = [];
  for (let i = 0; i < size; i += 1) {
    x.push(POINT[kind](r, i % 2, noise));
    y.push(i % 2);
  }
  return { features: 2, classes: 2, x, y };
}

/** A CSV of numeric columns, the label last (numbers, classes in numeric order). */
export function csvData(text) {
  const rows = text
    .trim()
    .split(/\r?\n/)
    .map((line) => line.split(',').map(Number));
  const labels = [...new Set(rows.map((row) => row.at(-1)))].sort((a, b) => a - b);
  return {
    features: rows[0].length - 1,
    classes: labels.length,
    x: rows.map((row) => row.slice(0, -1)),
    y: rows.map((row) => labels.indexOf(row.at(-1))),
  };
}

/** The seeded 70/30 split, features standardised with the training rows' mean and sd. */
export function splitData(data, seed) {
  const n = data.y.length;
  const order = [...Array(n).keys()];
  const r = generator(seed);
  for (let i = n - 1; i > 0; i -= 1) {
    const j = r.below(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const testRows = Math.min(Math.max(Math.round(0.3 * n), 1), n - 1);
  const take = (from, to) => ({
    x: order.slice(from, to).map((i) => [...data.x[i]]),
    y: order.slice(from, to).map((i) => data.y[i]),
  });
  const train = take(testRows, n);
  const test = take(0, testRows);
  for (let j = 0; j < data.features; j += 1) {
    const column = train.x.map((row) => row[j]);
    const mean = column.reduce((a, b) => a + b, 0) / column.length;
    const variance = column.reduce((a, v) => a + (v - mean) ** 2, 0) / column.length;
    const scale = variance > 0 ? 1 / Math.sqrt(variance) : 1;
    for (const row of [...train.x, ...test.x]) row[j] = (row[j] - mean) * scale;
  }
  return { features: data.features, classes: data.classes, train, test };
}

const ACTIVATE = {
  tanh: Math.tanh,
  relu: (v) => Math.max(v, 0),
  sigmoid,
};
const SLOPE = {
  tanh: (h) => 1 - h * h,
  relu: (h) => (h > 0 ? 1 : 0),
  sigmoid: (h) => h * (1 - h),
};

/** Σ a_i b_i in the core's order (four partial sums), so long sums round the same way. */
function dot(a, b) {
  const s = [0, 0, 0, 0];
  let i = 0;
  for (; i + 4 <= a.length; i += 4) for (let k = 0; k < 4; k += 1) s[k] += a[i + k] * b[i + k];
  for (; i < a.length; i += 1) s[0] += a[i] * b[i];
  return s[0] + s[1] + (s[2] + s[3]);
}

function standardDeviation(scheme, activation, scale, fanIn, fanOut) {
  if (scheme === 'normal') return scale;
  if (scheme === 'xavier') return Math.sqrt(2 / (fanIn + fanOut));
  if (scheme === 'he') return Math.sqrt(2 / fanIn);
  return Math.sqrt((activation === 'relu' ? 2 : 1) / fanIn); // 'default'
}

/** Layers [{w: number[][] (fanOut rows), b: number[]}] from the input up, drawn by `scheme`. */
function initialLayers(shape, settings) {
  const sizes = [shape.inputs, ...Array(shape.depth).fill(shape.hidden), shape.outputs];
  const r = generator(settings.seed);
  const layers = [];
  for (let l = 0; l + 1 < sizes.length; l += 1) {
    const [fanIn, fanOut] = [sizes[l], sizes[l + 1]];
    const sd = standardDeviation(
      settings.weights,
      shape.activation,
      settings.weightScale,
      fanIn,
      fanOut,
    );
    const w = Array.from({ length: fanOut }, () =>
      Array.from({ length: fanIn }, () => sd * r.normal()),
    );
    layers.push({ w, b: Array(fanOut).fill(0) });
  }
  return layers;
}

/** Every hidden layer's activations and the logits of one input. */
export function forward(net, input) {
  const acts = [];
  let a = input;
  net.layers.forEach((layer, l) => {
    const top = l === net.layers.length - 1;
    const f = top ? (v) => v : ACTIVATE[net.activation];
    a = layer.w.map((row, j) => f(layer.b[j] + dot(row, a)));
    if (!top) acts.push(a);
  });
  return { acts, logits: a };
}

/** What the output layer sees: the last hidden layer's activations, or the input. */
const features = (net, input) => forward(net, input).acts.at(-1) ?? input;

/** The core's confidently wrong start: each class's mean feature vector at logit ∓6 (2 classes)
 *  or, for K classes, each row pointing away from its class's offset from the centre. */
function setConfidentlyWrong(net, train, classes) {
  const top = net.layers.at(-1);
  const width = top.w[0].length;
  const sums = Array.from({ length: classes }, () => Array(width).fill(0));
  const counts = Array(classes).fill(0);
  train.x.forEach((row, i) => {
    features(net, row).forEach((v, j) => (sums[train.y[i]][j] += v));
    counts[train.y[i]] += 1;
  });
  const means = sums.map((sum, c) => sum.map((v) => v / Math.max(counts[c], 1)));
  const squared = (v) => v.reduce((a, x) => a + x * x, 0);
  const aim = (k, direction, centre, logit) => {
    const scale = -logit / Math.max(squared(direction), 1e-12);
    top.w[k] = direction.map((d) => scale * d);
    top.b[k] = -top.w[k].reduce((a, w, j) => a + w * centre[j], 0);
  };
  if (classes === 2) {
    const d = means[1].map((v, j) => v - means[0][j]);
    aim(
      0,
      d,
      means[0].map((v, j) => 0.5 * (v + means[1][j])),
      12,
    );
    return;
  }
  const centre = means[0].map((_, j) => means.reduce((a, m) => a + m[j] / classes, 0));
  for (let k = 0; k < classes; k += 1) {
    aim(
      k,
      means[k].map((v, j) => v - centre[j]),
      centre,
      6,
    );
  }
}

/**
 * The network a race starts from. settings: {hidden, depth, activation, weights, weightScale,
 * seed, init: standard|wrong|logit|bias, initLogit}; split from splitData.
 */
export function startNetwork(split, settings) {
  const hidden = settings.hidden ?? 0;
  const shape = {
    inputs: split.features,
    hidden,
    depth: hidden === 0 ? 0 : (settings.depth ?? 1),
    outputs: split.classes === 2 ? 1 : split.classes,
    activation: settings.activation ?? 'tanh',
  };
  const net = {
    activation: shape.activation,
    layers: initialLayers(shape, { weights: 'default', weightScale: 1, ...settings }),
  };
  const top = net.layers.at(-1);
  if (settings.init === 'wrong') setConfidentlyWrong(net, split.train, split.classes);
  if (settings.init === 'logit') top.w[0].fill(0);
  if (settings.init === 'logit' || settings.init === 'bias') top.b[0] = settings.initLogit;
  return net;
}

/** One example's loss and ∂loss/∂logits under `loss` ('ce' | 'mse'). */
function outputLoss(logits, label, loss) {
  if (logits.length === 1) {
    const point = binaryPoint(logits[0], label);
    return loss === 'ce'
      ? { value: point.ce, gradient: [point.dceDz] }
      : { value: point.mse, gradient: [point.dmseDz] };
  }
  const point = multiclassPoint(logits, label);
  return loss === 'ce'
    ? { value: point.ce, gradient: point.dceDlogits }
    : { value: point.mse, gradient: point.dmseDlogits };
}

/** Mean loss over `rows` of `part` and its gradient, layer by layer ({w, b} like the net's). */
export function lossAndGradient(net, part, rows, loss) {
  const grad = net.layers.map((layer) => ({
    w: layer.w.map((row) => row.map(() => 0)),
    b: layer.b.map(() => 0),
  }));
  let total = 0;
  for (const i of rows) {
    const { acts, logits } = forward(net, part.x[i]);
    const out = outputLoss(logits, part.y[i], loss);
    total += out.value;
    let delta = out.gradient;
    for (let l = net.layers.length - 1; l >= 0; l -= 1) {
      const input = l === 0 ? part.x[i] : acts[l - 1];
      delta.forEach((d, k) => {
        input.forEach((v, j) => (grad[l].w[k][j] += d * v));
        grad[l].b[k] += d;
      });
      if (l === 0) break;
      const w = net.layers[l].w;
      const slope = SLOPE[net.activation];
      delta = input.map((h, j) => delta.reduce((a, d, k) => a + w[k][j] * d, 0) * slope(h));
    }
  }
  for (const layer of grad) {
    layer.w = layer.w.map((row) => row.map((v) => v / rows.length));
    layer.b = layer.b.map((v) => v / rows.length);
  }
  return { loss: total / rows.length, grad };
}

/** ‖v‖₂ as m·‖v/m‖₂ (m = max |v_i|), so tiny entries do not underflow when squared. */
function norm(values) {
  const m = Math.max(...values.map(Math.abs));
  if (m === 0 || !Number.isFinite(m)) return m;
  return m * Math.sqrt(values.reduce((a, v) => a + (v / m) ** 2, 0));
}

/** Each layer's weight-gradient length over the whole training set, layer 1 first. */
export function layerNorms(net, train, loss) {
  const rows = [...train.y.keys()];
  return lossAndGradient(net, train, rows, loss).grad.map((layer) => norm(layer.w.flat()));
}

const predicted = (logits) =>
  logits.length === 1 ? (logits[0] >= 0 ? 1 : 0) : logits.indexOf(Math.max(...logits));

/** {loss, accuracy} of a net on a part, and each row's logits. */
export function evaluate(net, part, loss) {
  let total = 0;
  let correct = 0;
  const logits = part.x.map((row, i) => {
    const out = forward(net, row).logits;
    total += outputLoss(out, part.y[i], loss).value;
    if (predicted(out) === part.y[i]) correct += 1;
    return out;
  });
  return { loss: total / part.y.length, accuracy: correct / part.y.length, logits };
}

const copy = (net) => ({ ...net, layers: structuredClone(net.layers) });

/** Epoch `epoch`'s shared batch order. */
function batchOrder(n, seed, epoch) {
  const mixed = (BigInt(seed) ^ ((0x5851f42d4c957f2dn * BigInt(epoch)) & MASK)) & MASK;
  const r = generator(mixed);
  const order = [...Array(n).keys()];
  for (let i = n - 1; i > 0; i -= 1) {
    const j = r.below(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

function record(net, split, loss, gradientNorm) {
  const train = evaluate(net, split.train, loss);
  const test = evaluate(net, split.test, loss);
  return {
    loss: train.loss,
    trainAccuracy: train.accuracy,
    testAccuracy: test.accuracy,
    gradientNorm,
  };
}

/** One epoch of minibatch SGD on a run; marks it diverged (history kept finite) as the core does. */
function trainEpoch(run, split, settings, epoch) {
  const order = batchOrder(split.train.y.length, settings.seed, epoch);
  let normSum = 0;
  let batches = 0;
  for (let start = 0; start < order.length; start += settings.batchSize) {
    const batch = order.slice(start, start + settings.batchSize);
    const { grad } = lossAndGradient(run.net, split.train, batch, run.loss);
    let squared = 0;
    run.net.layers.forEach((layer, l) => {
      layer.w.forEach((row, k) =>
        row.forEach((_, j) => {
          row[j] -= settings.learningRate * grad[l].w[k][j];
          squared += grad[l].w[k][j] ** 2;
        }),
      );
      layer.b.forEach((_, k) => {
        layer.b[k] -= settings.learningRate * grad[l].b[k];
        squared += grad[l].b[k] ** 2;
      });
    });
    normSum += Math.sqrt(squared);
    batches += 1;
  }
  const row = record(run.net, split, run.loss, normSum / batches);
  const finite = run.net.layers.every((layer) =>
    [...layer.w.flat(), ...layer.b].every(Number.isFinite),
  );
  if (!Number.isFinite(row.loss) || !Number.isFinite(row.gradientNorm) || !finite) {
    run.diverged = true;
    run.divergedEpoch = epoch;
  } else run.history.push(row);
}

/**
 * The race of `settings` (the core's createRace settings, data {kind, size, noise} or {csv})
 * trained for `epochs`: {split, start, ce: run, mse: run}, a run being {net, loss, history,
 * diverged, divergedEpoch}.
 */
export function referenceRace(settings, epochs = 0) {
  const s = { learningRate: 0.5, batchSize: 32, seed: 1, ...settings };
  const data = s.data.csv
    ? csvData(s.data.csv)
    : syntheticData(s.data.kind, s.data.size, s.data.noise, s.seed);
  const split = splitData(data, s.seed);
  const start = startNetwork(split, s);
  const runs = {};
  for (const loss of ['ce', 'mse']) {
    const run = { net: copy(start), loss, history: [], diverged: false, divergedEpoch: 0 };
    run.history.push(record(run.net, split, loss, 0));
    runs[loss] = run;
  }
  for (let epoch = 1; epoch <= epochs; epoch += 1) {
    for (const run of Object.values(runs)) if (!run.diverged) trainEpoch(run, split, s, epoch);
  }
  return { split, start, ...runs };
}
