// Every function of the core's public JS API, written once: its parameters and their types,
// what it returns (the field names and types of a result object), in which build it exists,
// one sentence for the reader, and a valid call.
//
// Read by core_api.mjs (which functions to expose, their argument counts, the name an error
// starts with), by scripts/core_api_docs.mjs (the table of docs/core-api.md and
// dist/lossplay-core.d.ts), and by tests/js/core_signatures.test.mjs, which calls every function
// with its `example` and checks the result against `returns` and the wasm module's registrations
// against this table. A new function is one row here and one `emscripten::function` line.
//
// Types are TypeScript's. A `returns` object lists the result's fields; a field whose name ends
// in `?` is present only sometimes (its `doc` says when).

/** Named types the rows below use, as declared in the .d.ts. */
export const NAMED_TYPES = {
  NumberArray: 'readonly number[] | Float64Array',
  BinaryLossName: "'ce' | 'mse'",
  Distribution: "'bernoulli' | 'gaussian' | 'laplace'",
  LandscapeData: '{ x: NumberArray | ArrayLike<number>; y: NumberArray | ArrayLike<number> }',
  Interval: '{ low: number; high: number }',
  CsvDataset: '{ features: number; classes: number; x: NumberArray; y: NumberArray }',
  RaceSettings:
    '{ data: { kind?: string; size?: number; noise?: number } | { csv: string } | ' +
    '{ dataset: CsvDataset }; hidden?: number; depth?: number; activation?: string; ' +
    'weights?: string; weightScale?: number; learningRate?: number; batchSize?: number; ' +
    'seed?: number; init?: string; initLogit?: number; layerNorms?: boolean; ' +
    'deferStart?: boolean }',
  NumberLimit: "{ min: number; max: number; integer: boolean; open?: 'min' }",
  LabelKind: "'class' | 'probability'",
  ModelSettings: '{ labelKind?: LabelKind; temperature?: number }',
  LabelKindSettings: '{ labelKind?: LabelKind }',
  ReliabilitySettings: '{ bins?: number; equalMass?: boolean }',
  HistogramSettings: '{ bins: number; min?: number; max?: number; log?: boolean }',
  TemperatureFit: '{ step(): boolean; result(): FitTemperatureResult; dispose(): void }',
};

const F64 = 'Float64Array';

/** The parameters of a landscape map: the data, the loss, and an nw × nb grid over (w, b). */
const LANDSCAPE_GRID = {
  data: 'LandscapeData',
  loss: 'BinaryLossName',
  wMin: 'number',
  wMax: 'number',
  bMin: 'number',
  bMax: 'number',
  nw: 'number',
  nb: 'number',
};

/** Functions of both builds (the full one and the losses alone). */
export const LOSS_FUNCTIONS = {
  sigmoid: {
    params: { z: 'number' },
    returns: 'number',
    doc: '`σ(z)`',
    example: [0],
  },
  logit: {
    params: { p: 'number' },
    returns: 'number',
    doc: '`ln(p / (1 − p))`, for `p ∈ (0, 1)`',
    example: [0.5],
  },
  binaryPoint: {
    params: { z: 'number', y: 'number' },
    returns: {
      p: 'number',
      ce: 'number',
      mse: 'number',
      dceDz: 'number',
      dmseDz: 'number',
      ratio: 'number',
    },
    doc: 'the binary losses, their gradients and `ratio = |dceDz| / |dmseDz|` (formulas below)',
    example: [-8, 1],
  },
  binaryCurve: {
    params: { y: 'number', zMin: 'number', zMax: 'number', n: 'number' },
    returns: { z: F64, p: F64, ce: F64, mse: F64, dceDz: F64, dmseDz: F64 },
    doc: '`n` points, `z` evenly spaced from `zMin` to `zMax` inclusive',
    example: [1, -4, 4, 5],
  },
  clampedBinaryPoint: {
    params: { z: 'number', y: 'number', epsilon: 'number' },
    returns: { p: 'number', ce: 'number', dceDz: 'number', clamped: 'boolean' },
    doc:
      'the naive CE with `p` clamped to `[ε, 1 − ε]`, `ε ∈ [1e−16, 0.5]`, kept to show what ' +
      'clamping hides (gradient 0 where it is active)',
    example: [-20, 1, 1e-7],
  },
  sigmoidChain: {
    params: { z: 'number', y: 'number' },
    returns: {
      p: 'number',
      dpDz: 'number',
      dceDp: 'number',
      dmseDp: 'number',
      dceDz: 'number',
      dmseDz: 'number',
    },
    doc:
      "the chain rule's factors through σ; `dceDp = (p − y)/(p(1 − p))` is ±Infinity where the " +
      'true value exceeds the largest double (|z| ≳ 709), which is why `dceDz` is computed ' +
      'as `p − y` directly',
    example: [2, 0],
  },
  countDescentSteps: {
    params: {
      z0: 'number',
      y: 'number',
      loss: 'BinaryLossName',
      learningRate: 'number',
      zTarget: 'number',
      maxSteps: 'number',
    },
    returns: { steps: 'number', reached: 'boolean', z: 'number' },
    doc:
      'steps of `z ← z − learningRate·dL/dz` from `z0` until `z` reaches `zTarget`, at most ' +
      '`maxSteps` (≤ 10⁷); `learningRate ∈ (0, 100]`',
    example: [-4, 1, 'ce', 1, 0, 1000],
  },
  softmax: {
    params: { logits: 'NumberArray' },
    returns: F64,
    doc: 'the probabilities',
    example: [[1, 2, 3]],
  },
  multiclassPoint: {
    params: { logits: 'NumberArray', target: 'number | NumberArray' },
    returns: { probs: F64, ce: 'number', mse: 'number', dceDlogits: F64, dmseDlogits: F64 },
    doc: '`target` is a class index or a probability vector of length K',
    example: [[1, 2, 3], 0],
  },
  regressionLosses: {
    params: { pred: 'NumberArray', target: 'NumberArray', delta: 'number' },
    returns: { mse: 'number', mae: 'number', huber: 'number', dmse: F64, dmae: F64, dhuber: F64 },
    doc: 'mean losses and their gradients w.r.t. each prediction',
    example: [[1, 2], [0, 4], 1],
  },
  softTargetPoint: {
    params: { z: 'number', t: 'number' },
    returns: {
      p: 'number',
      bce: 'number',
      mse: 'number',
      entropy: 'number',
      kl: 'number',
      dbceDz: 'number',
      dmseDz: 'number',
    },
    doc:
      'BCE against a soft target split into `H(t)` and `KL(t ‖ p)` (computed directly: within ' +
      '1e−8 relative even by the minimum)',
    example: [0.5, 0.7],
  },
  softTargetPointAtP: {
    params: { p: 'number', t: 'number' },
    returns: 'SoftTargetPointResult',
    doc:
      'as `softTargetPoint` at a given `p ∈ (0, 1)` (gradients still w.r.t. `z = logit(p)`); ' +
      'at `p = t`, `mse` and `kl` are exactly 0',
    example: [0.25, 0.7],
  },
  softmaxTwicePoint: {
    params: { logits: 'NumberArray', target: 'number | NumberArray' },
    returns: 'MulticlassPointResult',
    doc:
      'as `multiclassPoint`, for the "softmax twice" mistake: losses of `softmax(softmax(z))`, ' +
      'gradients w.r.t. `z` through both',
    example: [
      [1, 2, 3],
      [0.2, 0.3, 0.5],
    ],
  },
  naiveSoftmax: {
    params: { logits: 'NumberArray' },
    returns: { exponentials: F64, sum: 'number', probs: F64 },
    doc:
      'the unshifted textbook softmax for the stability demo; `sum` is `Infinity` on overflow, ' +
      '0 on underflow (`probs` NaN then)',
    example: [[1, 800]],
  },
  fitConstant: {
    params: { targets: 'NumberArray', delta: 'number' },
    returns: {
      mean: 'number',
      median: 'number',
      huber: 'number',
      maeMinimizers: 'Interval',
      huberMinimizers: 'Interval',
    },
    doc:
      'best constants for MSE, MAE, Huber(δ); `…Minimizers` are `{ low, high }`, `median`, ' +
      '`huber` their midpoints',
    example: [[1, 2, 10, 11], 1],
  },
  constantLossCurve: {
    params: {
      targets: 'NumberArray',
      delta: 'number',
      cMin: 'number',
      cMax: 'number',
      n: 'number',
    },
    returns: { c: F64, mse: F64, mae: F64, huber: F64 },
    doc: 'each mean loss of predicting `c` for every target, at `n` points',
    example: [[1, 2, 10], 1, 0, 12, 7],
  },
  likelihoodPoint: {
    params: { dist: 'Distribution', data: 'NumberArray', location: 'number', scale: 'number' },
    returns: {
      totalNll: 'number',
      meanNll: 'number',
      loss: 'number',
      lossScale: 'number',
      offset: 'number',
      mappedLoss: 'number',
      densities: F64,
      nlls: F64,
      'p?': 'number',
    },
    doc:
      'the NLL, the matching mean loss and `meanNll = lossScale·loss + offset`; `densities` and ' +
      '`nlls` are `f(xᵢ)` and `−ln f(xᵢ)` per datum; `p = σ(location)` for Bernoulli only',
    example: ['bernoulli', [0, 1, 1], 0.5, 1],
  },
  likelihoodFit: {
    params: { dist: 'Distribution', data: 'NumberArray', scale: 'number' },
    returns: {
      best: 'number',
      low: 'number',
      high: 'number',
      attained: 'boolean',
      leastMeanNll: 'number',
      'ones?': 'number',
      'zeros?': 'number',
      'n?': 'number',
      'shareOfOnes?': 'number',
      'shareOfZeros?': 'number',
    },
    doc:
      'the mean, the median (`[low, high]` when n is even), `logit(k/n)` (±Infinity when every ' +
      'label agrees); the counts and shares for Bernoulli only',
    example: ['bernoulli', [0, 1, 1], 1],
  },
  likelihoodCurve: {
    params: {
      dist: 'Distribution',
      data: 'NumberArray',
      scale: 'number',
      lo: 'number',
      hi: 'number',
      n: 'number',
    },
    returns: { location: F64, meanNll: F64, loss: F64, mappedLoss: F64 },
    doc: 'at `n` locations from `lo` to `hi` (`n` × the number of data at most 10⁸)',
    example: ['gaussian', [1, 2, 4], 1, -2, 6, 9],
  },
  likelihoodDensity: {
    params: {
      dist: 'Distribution',
      location: 'number',
      scale: 'number',
      xMin: 'number',
      xMax: 'number',
      n: 'number',
    },
    returns: { x: F64, density: F64 },
    doc: 'the density (the pmf for Bernoulli: `1 − p` at 0, `p` at 1, 0 elsewhere) at `n` points',
    example: ['laplace', 0, 1, -3, 3, 7],
  },
  tokenSequencePoint: {
    params: { logits: 'NumberArray', targets: 'NumberArray', position: 'number' },
    returns: {
      losses: F64,
      meanLoss: 'number',
      perplexity: 'number',
      probs: F64,
      dlossDlogits: F64,
      contribution: 'number',
      meanLossWithout: 'number',
      perplexityWithout: 'number',
      perplexityFactor: 'number',
    },
    doc: 'next-token CE (formulas below); `logits` row-major, one row of V per position',
    example: [[1, 2, 0, 3, 1, 0], [1, 0], 0],
  },
  landscape: {
    params: LANDSCAPE_GRID,
    returns: F64,
    doc:
      '`nw·nb` mean losses of `p = σ(w·x + b)` on `data` (`y` 0 or 1), row-major with `w` ' +
      'fastest: `[j·nw + i]` is at `w_i = wMin + i·(wMax − wMin)/(nw − 1)`, `b_j` likewise',
    example: [{ x: [-1, 1], y: [0, 1] }, 'ce', -2, 2, -1, 1, 3, 2],
  },
  landscapeCurvature: {
    params: LANDSCAPE_GRID,
    returns: F64,
    doc:
      "the same grid of the Hessian's smallest eigenvalue: negative where the loss is not " +
      'convex (MSE on a plateau; never CE)',
    example: [{ x: [-1, 1], y: [0, 1] }, 'mse', -2, 2, -1, 1, 3, 2],
  },
  landscapeHessian: {
    params: { data: 'LandscapeData', loss: 'BinaryLossName', w: 'number', b: 'number' },
    returns: { hww: 'number', hwb: 'number', hbb: 'number' },
    doc: 'the analytic Hessian of the mean loss w.r.t. `(w, b)`',
    example: [{ x: [-1, 1], y: [0, 1] }, 'ce', 1, 0],
  },
  descentPath: {
    params: {
      data: 'LandscapeData',
      loss: 'BinaryLossName',
      w0: 'number',
      b0: 'number',
      learningRate: 'number',
      steps: 'number',
      momentum: 'number',
    },
    returns: { w: F64, b: F64, loss: F64, gradNorm: F64, steps: 'number', stopped: 'boolean' },
    doc:
      'heavy-ball descent `v ← βv − η∇L`, `θ ← θ + v` (`momentum` β = 0 is plain descent), ' +
      'arrays with entry 0 the start; a step that would leave `[−50, 50]²` ends the path ' +
      'there: `stopped` is true and the arrays hold `steps + 1` entries, fewer than asked',
    example: [{ x: [-1, 1], y: [0, 1] }, 'ce', 0, 0, 1, 5, 0],
  },
  scoreExamples: {
    params: {
      logits: 'NumberArray',
      classes: 'number',
      labels: 'NumberArray',
      'settings?': 'ModelSettings',
    },
    returns: {
      probability: F64,
      positive: F64,
      confidence: F64,
      predicted: F64,
      correct: F64,
      crossEntropy: F64,
      brier: F64,
      crossEntropyGradient: F64,
      brierGradient: F64,
      confidentlyWrong: F64,
      meanCrossEntropy: 'number',
      meanBrier: 'number',
      accuracy: 'number',
      confidentlyWrongCount: 'number',
      worstShare: 'WorstShare',
    },
    doc:
      "each example of a model's output scored: `logits` n·K row-major (K = `classes`; 1 for one " +
      'binary logit), `labels` n or n·K, the logits divided by `temperature` (default 1); see ' +
      '"A model\'s scores" below',
    example: [[2, -1, 0.5, 3], 1, [1, 0, 0, 0.8], { temperature: 1.5 }],
  },
  reliability: {
    params: {
      confidence: 'NumberArray',
      outcome: 'NumberArray',
      'settings?': 'ReliabilitySettings',
    },
    returns: 'Reliability',
    doc:
      'the reliability diagram of forecasts `confidence` (in [0, 1]) of an event with outcomes ' +
      '`outcome` (in [0, 1]): `bins` (default 10) equally wide, or with `equalMass: true` of ' +
      'equal counts; empty bins left out; `ece` and the Brier split (see "A model\'s scores")',
    example: [[0.1, 0.8, 0.2, 0.9, 1], [0, 1, 1, 1, 0], { bins: 2 }],
  },
  fitTemperature: {
    params: {
      logits: 'NumberArray',
      classes: 'number',
      labels: 'NumberArray',
      'settings?': 'LabelKindSettings',
    },
    returns: {
      temperature: 'number',
      meanCrossEntropyBefore: 'number',
      meanCrossEntropyAfter: 'number',
      atLimit: 'boolean',
    },
    doc:
      "the T in [1e−3, 1e3] that minimises `scoreExamples`' `meanCrossEntropy` (to 1e−12 " +
      'relative); `atLimit` when the optimum is an end (separable data: T = 1e−3); all-equal ' +
      'logits in every row: T = 1',
    example: [[4, -3, 6, 2, -5, 3, -1, 5], 1, [1, 0, 0, 1, 1, 1, 0, 1], { labelKind: 'class' }],
  },
  histogram: {
    params: { values: 'NumberArray', settings: 'HistogramSettings' },
    returns: { edges: F64, counts: F64, below: 'number', above: 'number' },
    doc:
      '`bins` (1 to 200) equal bins `[edges[k], edges[k + 1])` (the last closed) from `min` to ' +
      "`max` (default: the data's ends), equal in log10 with `log: true` (then values ≤ 0 count " +
      'as `below`)',
    example: [[0.1, 0.5, 2, 7, 0], { bins: 4, min: 0.01, max: 10, log: true }],
  },
  expectedScore: {
    params: { q: 'number', r: 'number' },
    returns: { logScore: 'number', brier: 'number', absolute: 'number' },
    doc:
      'the score a forecaster who believes `q` (in [0, 1]) expects for reporting `r` (in ' +
      '(0, 1)): log score and Brier score (both least at `r = q`) and absolute error',
    example: [0.7, 0.4],
  },
  expectedScoreCurves: {
    params: { q: 'number', n: 'number' },
    returns: { r: F64, logScore: F64, brier: F64, absolute: F64 },
    doc: 'as `expectedScore` at the `n` reports `r = (i + 0.5)/n` (n from 1 to 100000)',
    example: [0.7, 5],
  },
};

/** Functions of the full build only (the one with the trainer: dist/lossplay-core.mjs). */
export const TRAINER_FUNCTIONS = {
  parseCsvDataset: {
    params: { text: 'string' },
    returns: {
      rows: 'number',
      features: 'number',
      classes: 'number',
      classNames: 'string[]',
      x: F64,
      y: F64,
    },
    doc:
      '`x` row-major, `y` class indices; a RangeError names the line and column of the first ' +
      'problem',
    example: ['a,label\n' + Array.from({ length: 10 }, (_, i) => `${i},${i % 2}`).join('\n')],
  },
};

/**
 * Methods of the objects the full build's createRace and createCsvReader return (written in
 * core_api.mjs; the wasm classes behind them are RawRace and RawCsvReader).
 */
export const RACE_METHODS = {
  step: {
    params: { 'epochs?': 'number' },
    returns: 'number',
    doc:
      'trains both runs for `epochs` epochs (default 1; at most as many as fit in 1.6e8 ' +
      'training rows × weights, always one); returns the epoch reached',
  },
  train: {
    params: { work: 'number' },
    returns: 'RaceProgress',
    doc:
      'goes on training for about `work` rows × weights (in `[1, 1.6e8]`; at least one row) and ' +
      'stops there or where an epoch ends: a page trains any race in pieces of a frame, and the ' +
      'pieces end exactly where `step()` would; returns `progress()`',
  },
  progress: {
    params: {},
    returns: 'RaceProgress',
    doc:
      'epochs completed, the share `fraction` of the next one done, and whether the start ' +
      '(the record of epoch 0) is `started`',
  },
  startProbabilities: {
    params: {},
    returns: F64,
    doc: "each training point's class-1 probability at the start (two classes; else empty)",
  },
  epoch: { params: {}, returns: 'number', doc: 'the number of epochs trained so far' },
  diverged: {
    params: {},
    returns: { ce: 'boolean', mse: 'boolean' },
    doc: 'whether each run has diverged',
  },
  history: {
    params: {},
    returns: { epoch: 'number', ce: 'RunHistory', mse: 'RunHistory' },
    doc:
      "each run's rows from epoch 0 (before training); a run that diverged has no rows from " +
      'its `divergedEpoch` on',
  },
  historySince: {
    params: { fromEpoch: 'number' },
    returns: 'RaceHistoryResult',
    doc:
      'as `history()`, only the rows of epochs ≥ `fromEpoch`, an integer in `[0, epoch() + 1]`: ' +
      'a caller holding rows 0 … k − 1 appends `historySince(k)`',
  },
  info: {
    params: {},
    returns: {
      trainRows: 'number',
      testRows: 'number',
      features: 'number',
      classes: 'number',
      depth: 'number',
      weights: 'string',
      weightScale: 'number',
    },
    doc: '`depth` the hidden layers in use (0 without hidden units), `weights` the initialisation',
  },
  layerGradientNorms: {
    params: {},
    returns: { ce: F64, mse: F64 },
    doc:
      "each run's ‖∂L/∂W‖ per weight matrix at its current weights, from the first hidden " +
      'layer to the output layer (`depth + 1` numbers): one pass over the training rows, or ' +
      'none with `layerNorms: true`, which records them with every epoch (then they are those ' +
      'of the last epoch completed, empty before the start)',
  },
  startLayerNorms: {
    params: {},
    returns: { ce: F64, mse: F64 },
    doc:
      'as `layerGradientNorms()`, at the start: recorded with `layerNorms: true` (empty ' +
      'otherwise, and before the start)',
  },
  points: {
    params: {},
    returns: { train: 'LabelledPoints', test: 'LabelledPoints' },
    doc: 'the standardised points and their labels (two-feature data only)',
  },
  grid: {
    params: {
      loss: 'BinaryLossName',
      x0: 'number',
      x1: 'number',
      y0: 'number',
      y1: 'number',
      nx: 'number',
      ny: 'number',
    },
    returns: F64,
    doc:
      'class-1 probability (two classes) or the predicted class over an `nx × ny` grid ' +
      '(`nx × ny` × weights at most 10⁸)',
  },
  dispose: { params: {}, returns: 'void', doc: 'frees the wasm memory the race holds' },
};

/** Methods of the object createCsvReader returns. */
export const CSV_READER_METHODS = {
  read: {
    params: { piece: 'string' },
    returns: 'void',
    doc: 'reads the next piece (a line may run on into the next one)',
  },
  finish: {
    params: {},
    returns: 'ParseCsvDatasetResult',
    doc: 'the data set, as `parseCsvDataset` returns it for the whole text; the reader is spent',
  },
  dispose: { params: {}, returns: 'void', doc: 'frees the wasm memory the reader holds' },
};

/** Methods of the object createTableReader returns (the wasm class behind it: RawTableReader). */
export const TABLE_READER_METHODS = {
  read: {
    params: { piece: 'string' },
    returns: 'void',
    doc:
      'reads the next piece (a line may run on into the next one); a RangeError names the line ' +
      'and column of the first problem and ends the reading',
  },
  finish: {
    params: {},
    returns: 'Table',
    doc:
      '`values` row-major (`rows × columns`), `header` the names (`[]` when line 1 is data), ' +
      '`firstLine` the line of data row 1 (0 without rows); the reader is spent',
  },
  dispose: { params: {}, returns: 'void', doc: 'frees the wasm memory the reader holds' },
};

/** Result types the methods above name. */
export const METHOD_TYPES = {
  RunHistory: {
    loss: F64,
    trainAccuracy: F64,
    testAccuracy: F64,
    gradientNorm: F64,
    diverged: 'boolean',
    divergedEpoch: 'number',
  },
  LabelledPoints: { x: F64, y: F64 },
  RaceProgress: { epoch: 'number', fraction: 'number', started: 'boolean' },
  WorstShare: { count: 'number', crossEntropy: 'number', brier: 'number' },
  ReliabilityBin: {
    low: 'number',
    high: 'number',
    count: 'number',
    meanConfidence: 'number',
    meanOutcome: 'number',
  },
  BrierSplit: {
    score: 'number',
    calibration: 'number',
    refinement: 'number',
    withinBin: 'number',
  },
  Reliability: { bins: 'ReliabilityBin[]', ece: 'number', brier: 'BrierSplit' },
  Table: {
    header: 'string[]',
    columns: 'number',
    rows: 'number',
    values: F64,
    firstLine: 'number',
  },
};

/** The core's members that the wrapper adds itself (core_api.mjs), full build marked. */
export const WRAPPER_MEMBERS = {
  createRace: {
    params: { settings: 'RaceSettings' },
    returns: 'Race',
    trainer: true,
    doc:
      'settings `{ data: {kind, size, noise} | {csv} | {dataset}, hidden, ' +
      'depth, activation, weights, weightScale, learningRate, batchSize, seed, init, initLogit, ' +
      'layerNorms, deferStart }`: `layerNorms: true` records the layer gradient norms with ' +
      'each epoch, `deferStart: true` leaves the record of epoch 0 to the first `train` or `step`',
  },
  createCsvReader: {
    params: {},
    returns: 'CsvReader',
    trainer: true,
    doc: 'for a large text read in slices: `read(piece)` as often as needed, then ' + '`finish()`',
  },
  createTableReader: {
    params: {},
    returns: 'TableReader',
    doc:
      'a table of numbers from CSV or TSV text read in slices: `read(piece)` as often as ' +
      'needed, then `finish()` (the format: below the tables)',
  },
  createTemperatureFit: {
    params: {
      logits: 'NumberArray',
      classes: 'number',
      labels: 'NumberArray',
      'settings?': 'LabelKindSettings',
    },
    returns: 'TemperatureFit',
    doc:
      '`fitTemperature` a pass at a time (a pass over 10⁷ logits takes about 0.1 s): `step()` ' +
      "makes one and returns true once the fit is done, `result()` is `fitTemperature`'s " +
      '(finishing the search first if needed), `dispose()` frees the copy of the data',
  },
  memoryBytes: {
    params: {},
    returns: 'number',
    doc: 'the size of the wasm linear memory in bytes (diagnostics; it grows, never shrinks)',
  },
};

/** The signature an error message starts with: "binaryPoint(z, y)". */
export function signatureOf(name, row) {
  return `${name}(${Object.keys(row.params)
    .map((param) => param.replace(/\?$/, ''))
    .join(', ')})`;
}
