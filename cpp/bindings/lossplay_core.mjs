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
 * Instantiates the WebAssembly core (inlined in this file; no network request).
 * @param {object} [options] Emscripten module overrides, e.g. `{ print, printErr }`.
 * @returns {Promise<Readonly<Record<keyof typeof SIGNATURES, Function>>>}
 */
export default async function createLossCore(options = {}) {
  const raw = await instantiateLossplayWasm({ ...options, wasmBinary });
  const core = {};
  for (const [name, params] of Object.entries(SIGNATURES)) {
    core[name] = wrap(name, params, raw[name]);
  }
  return Object.freeze(core);
}
