// The two real data sets, bundled as text so they work offline and from disk; this module is
// loaded only when one of them is chosen. Provenance and licences: data/README.md.
import breastCancer from '../../../data/breast_cancer.csv';
import digits from '../../../data/digits.csv';

export const BUNDLED_CSV = Object.freeze({ 'breast-cancer': breastCancer, digits });
