// 'lossplay-wasm': Emscripten's module factory (build/wasm/<module>.mjs, made by the wasm build).
export default function instantiateLossplayWasm(options?: object): Promise<object>;
