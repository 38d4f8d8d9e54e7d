// The public JS API of the loss core: `const core = await createLossCore()`, with the .wasm
// bytes inlined, so it makes no request (the npm package, the embeddable widget, and pages
// opened from disk, where nothing can be fetched).
import instantiateLossplayWasm from 'lossplay-wasm';
// Handing the bytes to Emscripten as `wasmBinary` means it never fetches anything: Emscripten's
// own SINGLE_FILE mode fetch()es a data: URL first, which a strict Content-Security-Policy (no
// connect-src data:) reports as a violation.
import wasmBinary from 'lossplay-wasm-binary';
import { createCoreFrom } from './core_api.mjs';

/**
 * Instantiates the WebAssembly core (inlined in this file; no network request).
 *
 * The object holds the loss functions, `limits` and `memoryBytes` in every build, and
 * `parseCsvDataset` and `createRace` only in the build with the trainer (dist/lossplay-core.mjs
 * and the race page): test for `core.createRace` rather than calling it blind.
 * @param {object} [options] Emscripten module overrides, e.g. `{ print, printErr }`.
 * @returns {Promise<Readonly<Record<string, Function | object>>>}
 */
export default function createLossCore(options = {}) {
  // locateFile: Emscripten otherwise resolves the .wasm path against import.meta.url, which a
  // classic-script bundle does not have; the bytes are inlined anyway.
  return createCoreFrom(instantiateLossplayWasm, {
    locateFile: (file) => file,
    ...options,
    wasmBinary,
  });
}
