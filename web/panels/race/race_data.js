// What the core trains for a state: the data set (generated, bundled or the reader's CSV) and
// the settings object of core.createRace.
// 'lossplay-race-datasets' is web/panels/race/race_datasets.js on the site; the embeddable
// widget loads the two real data sets from beside its script, and leaves them out where it has
// none (web/embed/race_datasets_beside.js, chosen by scripts/build.mjs).
import { BUNDLED_NAMES, bundledCsvNow, loadBundledCsv } from 'lossplay-race-datasets';
import { BUNDLED, DATA_SETS, SYNTHETIC } from './state.js';

/** The data sets this build can train: every one but the bundled sets it leaves out. */
export const OFFERED_DATA_SETS = Object.freeze(
  DATA_SETS.filter((name) => !BUNDLED.has(name) || BUNDLED_NAMES.includes(name)),
);

/** The data part of the race settings for a state; a promise of it while a bundled set's CSV is
 *  still to be loaded. */
export function dataFor(state) {
  if (SYNTHETIC.has(state.data)) return { kind: state.data, size: state.size, noise: state.noise };
  if (state.data === 'csv') return { dataset: state.csv };
  if (!OFFERED_DATA_SETS.includes(state.data)) {
    throw new Error(
      `this embedded copy has no ${state.data} data (it travels only with lossplay-embed.js); use a 2-D set or your own CSV`,
    );
  }
  const csv = bundledCsvNow(state.data);
  return csv === undefined ? loadBundledCsv(state.data).then((text) => ({ csv: text })) : { csv };
}

export const settingsFor = (state, data) => ({
  data,
  hidden: state.hidden,
  activation: state.activation,
  learningRate: state.lr,
  batchSize: state.batch,
  seed: state.seed,
  init: state.init,
  initLogit: state.z,
});

/** Standardised points and plot bounds for two-feature data; null otherwise. */
export function boundaryView(race) {
  const info = race.info();
  if (info.features !== 2) return null;
  const points = race.points();
  const all = [...points.train.x, ...points.test.x];
  const xs = all.filter((_, i) => i % 2 === 0);
  const ys = all.filter((_, i) => i % 2 === 1);
  const pad = 0.4;
  return {
    points,
    classes: info.classes,
    bounds: [
      Math.min(...xs) - pad,
      Math.max(...xs) + pad,
      Math.min(...ys) - pad,
      Math.max(...ys) + pad,
    ],
  };
}
