// The public JS API of the loss core: `const core = await createLossCore()`.
//
// Wraps the embind module so that every function checks its argument count and throws the
// Error objects the bindings return (see lossplay_bindings.cpp for why they are returned,
// not thrown, inside wasm). The resulting object holds only the documented functions.
import instantiateLossplayWasm from 'lossplay-wasm';
// The .wasm bytes, inlined by the bundler. Handing them to Emscripten as `wasmBinary` means it
// never fetches anything: Emscripten's own SINGLE_FILE mode fetch()es a data: URL first, which
// a strict Content-Security-Policy (no connect-src data:) reports as a violation.
import wasmBinary from 'lossplay-wasm-binary';

/** Public functions and their parameter names, as documented in README.md. */
const SIGNATURES = {
  sigmoid: ['z'],
  logit: ['p'],
  binaryPoint: ['z', 'y'],
  binaryCurve: ['y', 'zMin', 'zMax', 'n'],
  clampedBinaryPoint: ['z', 'y', 'epsilon'],
  softmax: ['logits'],
  multiclassPoint: ['logits', 'target'],
  regressionLosses: ['pred', 'target', 'delta'],
  softTargetPoint: ['z', 't'],
  softmaxTwicePoint: ['logits', 'target'],
  naiveSoftmax: ['logits'],
  fitConstant: ['targets', 'delta'],
  constantLossCurve: ['targets', 'delta', 'cMin', 'cMax', 'n'],
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

  /** {epoch, ce, mse}: per-epoch loss, trainAccuracy, testAccuracy, gradientNorm, diverged. */
  history() {
    return this.#call('history');
  }

  /** {trainRows, testRows, features, classes} */
  info() {
    return this.#call('info');
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

function createRace(raw, settings) {
  if (arguments.length !== 2) {
    throw new TypeError(
      'createRace(settings) expects 1 argument(s), got ' + (arguments.length - 1),
    );
  }
  if (!raw.RawRace) {
    throw new Error(
      'createRace(settings): this build of the core has no trainer (use dist/lossplay-core.mjs)',
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

/**
 * Instantiates the WebAssembly core (inlined in this file; no network request).
 * @param {object} [options] Emscripten module overrides, e.g. `{ print, printErr }`.
 * @returns {Promise<Readonly<Record<keyof typeof SIGNATURES, Function>>>}
 */
export default async function createLossCore(options = {}) {
  // locateFile: Emscripten otherwise resolves the .wasm path against import.meta.url, which a
  // classic-script bundle (pages opened from disk) does not have; the bytes are inlined anyway.
  const raw = await instantiateLossplayWasm({ locateFile: (file) => file, ...options, wasmBinary });
  const core = {};
  for (const [name, params] of Object.entries(SIGNATURES)) {
    core[name] = wrap(name, params, raw[name]);
  }
  core.createRace = (...args) => createRace(raw, ...args);
  /** Size of the wasm linear memory in bytes (diagnostics: it only grows, never shrinks). */
  core.memoryBytes = () => raw.HEAP8.buffer.byteLength;
  return Object.freeze(core);
}
