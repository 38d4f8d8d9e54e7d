// 'lossplay-wasm-file': the page's .wasm file name, a module scripts/build.mjs writes per build.
export const WASM_FILE: string;
