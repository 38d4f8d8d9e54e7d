// The core's public JS API over an instantiated wasm module, shared by the two ways of loading
// it: lossplay_core.mjs (the bytes inlined: the npm package, the widget, pages opened from
// disk) and web/site/load_core.js (the pages over http, where the .wasm streams).
//
// Wraps the embind module so that every function checks its argument count and throws the
// Error objects the bindings return (see bindings/js_types.hpp for why they are returned,
// not thrown, inside wasm), their message prefixed with the function's signature. Which
// functions exist and their parameters come from core_signatures.mjs. The resulting object
// holds only the documented functions.
import {
  CSV_READER_METHODS,
  LOSS_FUNCTIONS,
  RACE_METHODS,
  TABLE_READER_METHODS,
  TRAINER_FUNCTIONS,
  WRAPPER_MEMBERS,
  signatureOf,
} from './core_signatures.mjs';

/** `${signature}: ${message}`, as the same kind of Error. */
function prefixed(signature, error) {
  return new error.constructor(`${signature}: ${error.message}`);
}

function checkCount(signature, expected, args) {
  if (args.length !== expected) {
    throw new TypeError(`${signature} expects ${expected} argument(s), got ${args.length}`);
  }
}

/**
 * The arguments of a row whose last parameters may be left out (their names end in "?", such as
 * `settings?`), padded with undefined to the full count: an embind function takes exactly the
 * arguments it declares.
 */
function withOptional(signature, row, args) {
  const names = Object.keys(row.params);
  const required = names.filter((param) => !param.endsWith('?')).length;
  if (args.length < required || args.length > names.length) {
    const expected = required === names.length ? required : `${required} to ${names.length}`;
    throw new TypeError(`${signature} expects ${expected} argument(s), got ${args.length}`);
  }
  return [...args, ...Array(names.length - args.length).fill(undefined)];
}

function wrap(name, row, rawFunction) {
  const signature = signatureOf(name, row);
  return function lossCoreFunction(...args) {
    const result = rawFunction(...withOptional(signature, row, args));
    if (result instanceof Error) {
      throw prefixed(signature, result);
    }
    return result;
  };
}

/** "race.step(epochs)": the signature a method's errors start with. */
const methodSignature = (object, methods, name) => `${object}.${signatureOf(name, methods[name])}`;

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
    if (result instanceof Error)
      throw prefixed(methodSignature('race', RACE_METHODS, name), result);
    return result;
  }

  /** Trains both runs for `epochs` epochs; returns the epoch reached. */
  step(epochs = 1) {
    return this.#call('step', epochs);
  }

  /**
   * Goes on training for about `work` rows × weights (one training row through every weight is
   * `weights` of it; at least one row is done) and stops there or where an epoch ends. A page
   * that gives each animation frame a few pieces trains any race without a long task, and an
   * epoch trained in pieces ends exactly as `step()` would. Returns `progress()`.
   */
  train(work) {
    checkCount(methodSignature('race', RACE_METHODS, 'train'), 1, arguments);
    return this.#call('train', work);
  }

  /** {epoch, fraction, started}: epochs completed, the share of the next one done (cheap). */
  progress() {
    return this.#call('progress');
  }

  /** Each training point's class-1 probability at the start (two classes; else empty). */
  startProbabilities() {
    return this.#call('startProbabilities');
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
    checkCount(methodSignature('race', RACE_METHODS, 'historySince'), 1, arguments);
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

  /** {ce, mse}: the layer gradient norms at the start, recorded with `layerNorms: true`. */
  startLayerNorms() {
    return this.#call('startLayerNorms');
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
 * Text read in pieces, for a page that reads a large file a slice at a time and keeps drawing
 * in between: read(piece) as often as needed (a line may run on into the next piece), then
 * finish(). The first problem ends the reading. Holds wasm memory until finish() or dispose().
 * One class for both readers: createCsvReader's (`csvReader`, the race's data set) and
 * createTableReader's (`tableReader`, a table of numbers), told apart by their methods' rows.
 */
class PieceReader {
  #raw;
  #object;
  #methods;

  /**
   * @param {object} raw  the wasm reader (RawCsvReader or RawTableReader)
   * @param {string} object  its name in error messages: "csvReader", "tableReader"
   * @param {object} methods  its rows in core_signatures.mjs
   */
  constructor(raw, object, methods) {
    this.#raw = raw;
    this.#object = object;
    this.#methods = methods;
  }

  #call(name, ...args) {
    if (!this.#raw) throw new Error(`${this.#object}.${name}: this reader has finished`);
    const result = this.#raw[name](...args);
    if (result instanceof Error) {
      this.dispose(); // the first problem ends the reading
      throw prefixed(methodSignature(this.#object, this.#methods, name), result);
    }
    return result;
  }

  /** Reads the next piece of the text; a RangeError names the line and column of a problem. */
  read(piece) {
    checkCount(methodSignature(this.#object, this.#methods, 'read'), 1, arguments);
    this.#call('read', piece);
  }

  /** What the whole text read holds (the data set, the table); the reader is spent. */
  finish() {
    const result = this.#call('finish');
    this.dispose();
    return result;
  }

  dispose() {
    this.#raw?.delete();
    this.#raw = null;
  }
}

function createRace(raw, ...args) {
  const signature = signatureOf('createRace', WRAPPER_MEMBERS.createRace);
  checkCount(signature, 1, args);
  const instance = new raw.RawRace(args[0]);
  const error = instance.error();
  if (error) {
    instance.delete();
    throw prefixed(signature, error);
  }
  return new Race(instance);
}

/**
 * Temperature scaling in steps, for a page that fits a large model's logits a pass per frame:
 * step() makes one pass over the data (about 0.1 s for 10^7 logits) and returns true once the
 * fit is done; result() is then what fitTemperature returns (called earlier, it finishes the
 * search first). Holds a copy of the data in wasm memory until dispose().
 */
class TemperatureFit {
  #raw;

  constructor(raw) {
    this.#raw = raw;
  }

  #call(name) {
    if (!this.#raw) throw new Error(`temperatureFit.${name}: this fit has been disposed`);
    return this.#raw[name]();
  }

  /** One pass over the data; true once the fit is done (then further steps do nothing). */
  step() {
    checkCount('temperatureFit.step()', 0, arguments);
    return this.#call('step');
  }

  /** { temperature, meanCrossEntropyBefore, meanCrossEntropyAfter, atLimit }. */
  result() {
    checkCount('temperatureFit.result()', 0, arguments);
    return this.#call('result');
  }

  dispose() {
    this.#raw?.delete();
    this.#raw = null;
  }
}

function createTemperatureFit(raw, ...args) {
  const row = WRAPPER_MEMBERS.createTemperatureFit;
  const signature = signatureOf('createTemperatureFit', row);
  const instance = new raw.RawTemperatureFit(...withOptional(signature, row, args));
  const error = instance.error();
  if (error) {
    instance.delete();
    throw prefixed(signature, error);
  }
  return new TemperatureFit(instance);
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
 * The core object over an instantiated Emscripten module: the loss functions,
 * `createTableReader`, `createTemperatureFit`, `limits` and `memoryBytes` in every build, and `parseCsvDataset`,
 * `createRace` and `createCsvReader` only in the build with the trainer.
 * @param {(options: object) => Promise<object>} instantiate  Emscripten's module factory
 * @param {object} moduleOptions  what Emscripten needs to find the .wasm (wasmBinary or
 *   locateFile), plus any overrides such as `{ print, printErr }`
 */
export async function createCoreFrom(instantiate, moduleOptions) {
  const raw = await instantiate(moduleOptions);
  const hasTrainer = typeof raw.RawRace === 'function';
  const functions = hasTrainer ? { ...LOSS_FUNCTIONS, ...TRAINER_FUNCTIONS } : LOSS_FUNCTIONS;
  const core = {};
  for (const [name, row] of Object.entries(functions)) {
    if (typeof raw[name] !== 'function') {
      throw new Error(`createLossCore: the wasm module does not register ${name}`);
    }
    core[name] = wrap(name, row, raw[name]);
  }
  if (hasTrainer) {
    core.createRace = (...args) => createRace(raw, ...args);
    core.createCsvReader = (...args) => {
      checkCount(signatureOf('createCsvReader', WRAPPER_MEMBERS.createCsvReader), 0, args);
      return new PieceReader(new raw.RawCsvReader(), 'csvReader', CSV_READER_METHODS);
    };
  }
  core.createTableReader = (...args) => {
    checkCount(signatureOf('createTableReader', WRAPPER_MEMBERS.createTableReader), 0, args);
    return new PieceReader(new raw.RawTableReader(), 'tableReader', TABLE_READER_METHODS);
  };
  core.createTemperatureFit = (...args) => createTemperatureFit(raw, ...args);
  /** The core's input limits (docs/core-api.md, "core.limits"), frozen. */
  core.limits = deepFreeze(raw.limits());
  /** Size of the wasm linear memory in bytes (diagnostics: it only grows, never shrinks). */
  core.memoryBytes = () => raw.HEAP8.buffer.byteLength;
  return Object.freeze(core);
}
