// The modules scripts/build.mjs resolves by alias, declared for tsc (tsconfig.json): most are
// made at build time, so the web layer type-checks without a build.

/**
 * 'lossplay-core', as the build resolves it: web/site/load_core.js in a page (takes the page's
 * document), cpp/bindings/lossplay_core.mjs in the widget (takes Emscripten options). Both
 * resolve to the same core object; its full types are generated at build time
 * (dist/lossplay-core.d.ts), so the web layer sees it loosely here.
 */
declare module 'lossplay-core' {
  export type LossCore = Readonly<Record<string, any>>;
  export default function createLossCore(docOrOptions?: Document | object): Promise<LossCore>;
}

/** 'lossplay-wasm': Emscripten's module factory (build/wasm/<module>.mjs). */
declare module 'lossplay-wasm' {
  export default function instantiateLossplayWasm(options?: object): Promise<object>;
}

/** 'lossplay-wasm-file': the page's .wasm file name, a module the build writes per build. */
declare module 'lossplay-wasm-file' {
  export const WASM_FILE: string;
}

/** 'lossplay-panel-templates': the widget's markup and CSS (scripts/widget_assets.mjs). */
declare module 'lossplay-panel-templates' {
  /** Each panel's markup for the widget's shadow root, by panel id. */
  export const PANEL_TEMPLATES: Record<string, string>;
  /** The site's CSS for the widget's shadow root. */
  export const WIDGET_CSS: string;
}

/** A table a lab bundles (its examples), inlined by the build as its text (loader '.csv': 'text'). */
declare module '*.csv' {
  const text: string;
  export default text;
}
