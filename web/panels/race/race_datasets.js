// The two real data sets, as the site's race page gets them: a classic script per set, loaded
// the first time the set is chosen (bundled_files.js), which works offline and from disk alike.
// The embeddable widget loads them from beside its script (web/embed/race_datasets_beside.js).
// Provenance and licences: data/README.md.
import { loadScript } from '../../shared/load_script.js';
import { BUNDLED_FILES, DATA_GLOBAL } from './bundled_files.js';

export const BUNDLED_NAMES = Object.freeze(Object.keys(BUNDLED_FILES));

/** The set's CSV text if it has been loaded, else undefined. */
export const bundledCsvNow = (name) => globalThis[DATA_GLOBAL]?.[BUNDLED_FILES[name]];

/** Resolves to the set's CSV text, loading its script the first time. */
export async function loadBundledCsv(name, doc = document) {
  await loadScript(doc, `data/${BUNDLED_FILES[name]}.js`);
  const csv = bundledCsvNow(name);
  if (typeof csv !== 'string') throw new Error(`the ${name} data did not load`);
  return csv;
}
