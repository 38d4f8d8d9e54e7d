// The address of the folder lossplay-embed.js was loaded from, read while the script runs (the
// only moment document.currentScript names it): files that travel with the script — the race's
// data sets in data/ — are loaded from beside it. null when there is no such script (the
// notebook module, loaded as an ES module by its host).
const script = document.currentScript;

export const SCRIPT_BASE =
  script instanceof HTMLScriptElement && script.src ? new URL('.', script.src).href : null;
