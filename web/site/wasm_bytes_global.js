// The global that a page opened from disk fills with its core's bytes: the build writes
// `<core>.wasm.js` setting it, web/site/load_core.js reads it.
export const WASM_BYTES_GLOBAL = 'lossplayWasmBytes';
