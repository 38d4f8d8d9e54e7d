// How a page gets its wasm core. Over http(s) the .wasm is a file of its own, compiled while it
// downloads (WebAssembly.instantiateStreaming, allowed by 'wasm-unsafe-eval'): no base64 text a
// third larger in the page's script, nothing for the JS parser. A page opened from disk cannot
// fetch, so there the bytes come from a classic script next to the .wasm (`<file>.js`), which
// the page adds only then. The npm package and the widget inline the bytes instead
// (cpp/bindings/lossplay_core.mjs).
import instantiateLossplayWasm from 'lossplay-wasm';
import { createCoreFrom } from '../../cpp/bindings/core_api.mjs';
import { WASM_FILE } from 'lossplay-wasm-file';
import { loadScript } from '../shared/load_script.js';
import { WASM_BYTES_GLOBAL } from './wasm_bytes_global.js';

async function bytesFromScript(doc, url) {
  await loadScript(doc, `${url}.js`);
  const base64 = globalThis[WASM_BYTES_GLOBAL]?.[WASM_FILE];
  if (typeof base64 !== 'string') throw new Error(`${url}.js did not hold the core`);
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

/** The page's core, as `createLossCore()` in lossplay_core.mjs returns it. */
export default async function createLossCore(doc = document) {
  const url = new URL(WASM_FILE, doc.baseURI).href;
  const options = { locateFile: () => url };
  if (doc.location.protocol === 'file:') options.wasmBinary = await bytesFromScript(doc, url);
  return createCoreFrom(instantiateLossplayWasm, options);
}
