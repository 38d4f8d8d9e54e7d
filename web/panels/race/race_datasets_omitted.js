// Stands in for race_datasets.js in the embeddable widget, which leaves the two real data
// sets (about 380 KB) out; the race then offers the 2-D sets and the user's own CSV.
export const BUNDLED_CSV = Object.freeze({});
