// The two real data sets, bundled as text so they work offline and from disk. The page's
// script includes them; the embeddable widget is built with race_datasets_omitted.js instead.
// Provenance and licences: data/README.md.
import breastCancer from '../../../data/breast_cancer.csv';
import digits from '../../../data/digits.csv';

export const BUNDLED_CSV = Object.freeze({ 'breast-cancer': breastCancer, digits });
