// Stands in for race_datasets.js in the embeddable widget, which leaves the two real data
// sets (about 380 KB) out; the race then offers (race_data.js, OFFERED_DATA_SETS) only the
// 2-D sets and the reader's own CSV.
export const BUNDLED_NAMES = Object.freeze([]);
export const bundledCsvNow = () => undefined;
export const loadBundledCsv = (name) => Promise.reject(new Error(`no ${name} data in this build`));
