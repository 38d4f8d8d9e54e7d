// 'lossplay-core', as scripts/build.mjs resolves it: web/site/load_core.js in a page (takes the
// page's document), cpp/bindings/lossplay_core.mjs in the widget (takes Emscripten options).
// Both resolve to the same core object; its full types are generated at build time
// (dist/lossplay-core.d.ts), so the web layer sees it loosely here.
export type LossCore = Readonly<Record<string, any>>;
export default function createLossCore(docOrOptions?: Document | object): Promise<LossCore>;
