// What the core trains for a state: the data set (generated, bundled or the reader's CSV) and
// the settings object of core.createRace.
import { BUNDLED, SYNTHETIC } from './state.js';

let bundled = null; // breast cancer and digits, loaded on first use

/** The data part of the race settings; a promise only for a bundled set not loaded yet. */
export function dataFor(state) {
  if (SYNTHETIC.has(state.data)) return { kind: state.data, size: state.size, noise: state.noise };
  if (state.data === 'csv') return { csv: state.csv };
  if (bundled) return bundledData(state.data);
  // 'lossplay-race-datasets' is web/panels/race/race_datasets.js on the site; the embeddable
  // widget leaves the two real data sets out to stay small (scripts/build.mjs).
  return import('lossplay-race-datasets').then((module) => {
    bundled = module.BUNDLED_CSV;
    return bundledData(state.data);
  });
}

function bundledData(name) {
  if (!BUNDLED.has(name) || !bundled[name]) {
    throw new Error('this embedded copy has no bundled data sets; use a 2-D set or your own CSV');
  }
  return { csv: bundled[name] };
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

/** A race is over when it reached the epochs asked for, or both runs diverged. */
export function raceFinished(race, state) {
  const diverged = race.diverged();
  return race.epoch() >= state.epochs || (diverged.ce && diverged.mse);
}
