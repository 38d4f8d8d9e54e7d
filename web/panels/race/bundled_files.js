// The real data sets the race page can train (data/README.md), each built into a classic script
// of its own (dist/data/<file>.js, by scripts/build.mjs) that the page loads only when the data
// set is chosen: together they are ~380 KB that most visits never use.
export const BUNDLED_FILES = Object.freeze({
  'breast-cancer': 'breast_cancer.csv',
  digits: 'digits.csv',
});

/** The global each data script fills in: {[file]: csv text}. */
export const DATA_GLOBAL = 'lossplayData';
