// The race's two real data sets for the widget, as the site's race page gets them
// (race_datasets.js), but loaded from the data/ folder beside lossplay-embed.js, wherever the
// host page is: a snippet that names data="breast-cancer" trains on it. Where the widget was not
// loaded from a script file (the notebook module) they are not offered, and the race says so.
import { loadScript } from '../shared/load_script.js';
import { BUNDLED_FILES, DATA_GLOBAL } from '../panels/race/bundled_files.js';
import { SCRIPT_BASE } from './script_base.js';

export const BUNDLED_NAMES = Object.freeze(SCRIPT_BASE ? Object.keys(BUNDLED_FILES) : []);

/** The set's CSV text if it has been loaded, else undefined. */
export const bundledCsvNow = (name) => globalThis[DATA_GLOBAL]?.[BUNDLED_FILES[name]];

/** Resolves to the set's CSV text, loading its script from beside the widget's the first time. */
export async function loadBundledCsv(name, doc = document) {
  if (!SCRIPT_BASE) throw new Error(`the ${name} data travels only with lossplay-embed.js`);
  await loadScript(doc, `${SCRIPT_BASE}data/${BUNDLED_FILES[name]}.js`);
  const csv = bundledCsvNow(name);
  if (typeof csv !== 'string') throw new Error(`the ${name} data did not load`);
  return csv;
}
