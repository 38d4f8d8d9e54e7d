// The core's public JS API over an instantiated wasm module, shared by the two ways of loading
// it: lossplay_core.mjs (the bytes inlined: the npm package, the widget, pages opened from
// disk) and web/site/load_core.js (the pages over http, where the .wasm streams).
//
// Wraps the embind module so that every function checks its argument count and throws the
// Error objects the bindings return (see bindings/js_types.hpp for why they are returned,
// not thrown, inside wasm). The resulting object holds only the documented functions.

/** Public functions of both builds and their parameter names, as documented in README.md. */
const LOSS_SIGNATURES = {
  sigmoid: ['z'],
  logit: ['p'],
  binaryPoint: ['z', 'y'],
  binaryCurve: ['y', 'zMin', 'zMax', 'n'],
  clampedBinaryPoint: ['z', 'y', 'epsilon'],
  sigmoidChain: ['z', 'y'],
  countDescentSteps: ['z0', 'y', 'loss', 'learningRate', 'zTarget', 'maxSteps'],
  softmax: ['logits'],
  multiclassPoint: ['logits', 'target'],
  regressionLosses: ['pred', 'target', 'delta'],
  softTargetPoint: ['z', 't'],
  softTargetPointAtP: ['p', 't'],
  softmaxTwicePoint: ['logits', 'target'],
  naiveSoftmax: ['logits'],
  fitConstant: ['targets', 'delta'],
  constantLossCurve: ['targets', 'delta', 'cMin', 'cMax', 'n'],
  likelihoodPoint: ['dist', 'data', 'location', 'scale'],
  likelihoodFit: ['dist', 'data', 'scale'],
  likelihoodCurve: ['dist', 'data', 'scale', 'lo', 'hi', 'n'],
  likelihoodDensity: ['dist', 'location', 'scale', 'xMin', 'xMax', 'n'],
  tokenSequencePoint: ['logits', 'targets', 'position'],
  landscape: ['data', 'loss', 'wMin', 'wMax', 'bMin', 'bMax', 'nw', 'nb'],
  landscapeCurvature: ['data', 'loss', 'wMin', 'wMax', 'bMin', 'bMax', 'nw', 'nb'],
  landscapeHessian: ['data', 'loss', 'w', 'b'],
  descentPath: ['data', 'loss', 'w0', 'b0', 'learningRate', 'steps', 'momentum'],
};

/** Functions of the full build only (the one with the trainer; see cpp/bindings/CMakeLists.txt). */
const TRAINER_SIGNATURES = {
  parseCsvDataset: ['text'],
};

function wrap(name, params, rawFunction) {
  const signature = `${name}(${params.join(', ')})`;
  return function lossCoreFunction(...args) {
    if (args.length !== params.length) {
      throw new TypeError(`${signature} expects ${params.length} argument(s), got ${args.length}`);
    }
    const result = rawFunction(...args);
    if (result instanceof Error) {
      throw result;
    }
    return result;
  };
}

/**
 * A training race: the same model trained with cross-entropy and with MSE. Holds wasm memory:
 * call dispose() when done with it.
 */
class Race {
  #raw;

  constructor(raw) {
    this.#raw = raw;
  }

  #call(name, ...args) {
    if (!this.#raw) throw new Error(`race.${name}: this race has been disposed`);
    const result = this.#raw[name](...args);
    if (result instanceof Error) throw result;
    return result;
  }

  /** Trains both runs for `epochs` epochs; returns the epoch reached. */
  step(epochs = 1) {
    return this.#call('step', epochs);
  }

  /** The number of epochs trained so far (cheap: nothing is copied). */
  epoch() {
    return this.#call('epoch');
  }

  /** {ce, mse}: whether each run has diverged (cheap: nothing is copied). */
  diverged() {
    return this.#call('diverged');
  }

  /**
   * {epoch, ce, mse}: each run's whole history, one row per epoch from epoch 0 (before
   * training): Float64Arrays loss, trainAccuracy, testAccuracy, gradientNorm, and diverged,
   * divergedEpoch. A run that diverged has no rows from its divergedEpoch on.
   */
  history() {
    return this.#call('history');
  }

  /**
   * As history(), with only the rows of epochs >= fromEpoch, an integer in [0, epoch() + 1]:
   * a caller that has rows 0 … k − 1 appends historySince(k). Costs the new rows only.
   */
  historySince(fromEpoch) {
    if (arguments.length !== 1) {
      throw new TypeError(
        `race.historySince(fromEpoch) expects 1 argument(s), got ${arguments.length}`,
      );
    }
    return this.#call('historySince', fromEpoch);
  }

  /**
   * {trainRows, testRows, features, classes, depth, weights, weightScale}: depth is the number
   * of hidden layers in use (0 without hidden units), weights the initialisation's name.
   */
  info() {
    return this.#call('info');
  }

  /**
   * {ce, mse}: for each run at its current weights, the Frobenius norm of the gradient of its
   * own mean training loss with respect to each layer's weight matrix, as a Float64Array from
   * the first hidden layer to the output layer (depth + 1 numbers; 1 for logistic regression).
   * One pass over the training set.
   */
  layerGradientNorms() {
    return this.#call('layerGradientNorms');
  }

  /** Standardised 2-D points {train: {x, y}, test: {x, y}} (two-feature data only). */
  points() {
    return this.#call('points');
  }

  /** Class-1 probability (two classes) or predicted class over an nx × ny grid. */
  grid(loss, x0, x1, y0, y1, nx, ny) {
    return this.#call('grid', loss, x0, x1, y0, y1, nx, ny);
  }

  dispose() {
    this.#raw?.delete();
    this.#raw = null;
  }
}

/**
 * CSV text read in pieces, for a page that reads a large file a slice at a time and keeps
 * drawing in between: read(piece) as often as needed (a line may run on into the next piece),
 * then finish(). Holds wasm memory until finish() or dispose().
 */
class CsvReader {
  #raw;

  constructor(raw) {
    this.#raw = raw;
  }

  #call(name, ...args) {
    if (!this.#raw) throw new Error(`csvReader.${name}: this reader has finished`);
    const result = this.#raw[name](...args);
    if (result instanceof Error) {
      this.dispose(); // the first problem ends the reading
      throw result;
    }
    return result;
  }

  /** Reads the next piece of the text; a RangeError names the line and column of a problem. */
  read(piece) {
    if (arguments.length !== 1) {
      throw new TypeError(`csvReader.read(piece) expects 1 argument(s), got ${arguments.length}`);
    }
    this.#call('read', piece);
  }

  /** The data set, as parseCsvDataset(text) returns it for the whole text; the reader is spent. */
  finish() {
    const dataset = this.#call('finish');
    this.dispose();
    return dataset;
  }

  dispose() {
    this.#raw?.delete();
    this.#raw = null;
  }
}

function createRace(raw, settings) {
  if (arguments.length !== 2) {
    throw new TypeError(
      'createRace(settings) expects 1 argument(s), got ' + (arguments.length - 1),
    );
  }
  const instance = new raw.RawRace(settings);
  const error = instance.error();
  if (error) {
    instance.delete();
    throw error;
  }
  return new Race(instance);
}

/** A frozen copy of a plain object tree. */
function deepFreeze(value) {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/**
 * The core object over an instantiated Emscripten module: the loss functions, `limits` and
 * `memoryBytes` in every build, and `parseCsvDataset`, `createRace` and `createCsvReader` only
 * in the build with the trainer.
 * @param {(options: object) => Promise<object>} instantiate  Emscripten's module factory
 * @param {object} moduleOptions  what Emscripten needs to find the .wasm (wasmBinary or
 *   locateFile), plus any overrides such as `{ print, printErr }`
 */
export async function createCoreFrom(instantiate, moduleOptions) {
  const raw = await instantiate(moduleOptions);
  const hasTrainer = typeof raw.RawRace === 'function';
  const signatures = hasTrainer ? { ...LOSS_SIGNATURES, ...TRAINER_SIGNATURES } : LOSS_SIGNATURES;
  const core = {};
  for (const [name, params] of Object.entries(signatures)) {
    if (typeof raw[name] !== 'function') {
      throw new Error(`createLossCore: the wasm module does not register ${name}`);
    }
    core[name] = wrap(name, params, raw[name]);
  }
  if (hasTrainer) {
    core.createRace = (...args) => createRace(raw, ...args);
    core.createCsvReader = (...args) => {
      if (args.length !== 0) {
        throw new TypeError(`createCsvReader() expects 0 argument(s), got ${args.length}`);
      }
      return new CsvReader(new raw.RawCsvReader());
    };
  }
  /** The core's input limits (see README, "core.limits"), frozen. */
  core.limits = deepFreeze(raw.limits());
  /** Size of the wasm linear memory in bytes (diagnostics: it only grows, never shrinks). */
  core.memoryBytes = () => raw.HEAP8.buffer.byteLength;
  return Object.freeze(core);
}
