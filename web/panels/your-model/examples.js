// The bundled examples: held-out logits of two small, deliberately overconfident models trained
// on the repository's data sets by scripts/make_model_examples.mjs (examples/README.md says
// which model, which split and how they were trained). Inlined as text by the build.
import breastCancer from './examples/breast_cancer_logits.csv';
import digits from './examples/digits_logits.csv';

export const EXAMPLES = Object.freeze({
  'breast-cancer': {
    text: breastCancer,
    title: 'logistic regression on the breast-cancer data (2 classes)',
  },
  digits: { text: digits, title: 'softmax regression on the digits data (10 classes)' },
});
