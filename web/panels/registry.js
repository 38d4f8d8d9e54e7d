// The one list of panels. Build scripts, the site's navigation, the widget, the embed dialog,
// the element's attributes, the docs and the tests all read it. Everything else of a panel
// lives in its folder web/panels/<id>/ (docs/adding-a-lab.md): panel.js, state.js, lede.eta and
// page.eta (its page, inside the layout web/site/page.eta), panel.css, about.md and its own
// charts; only its state table (pure data and parsers, no DOM) is listed here.
//   id       the panel's name in `panel=` and its folder's name
//   page     the built page (dist/<page>); its script is dist/<id>.js
//   title    its name in the navigation and the embed dialog
//   heading, pageTitle, description   its page's <h1>, <title> and meta description
//   trainer  whether it needs the core with the training race (the larger wasm build)
//   table    its parameters and defaults (the URL query, the widget's attributes)
//   bench    the controls the benchmark drives on its page (its state.js `bench`): each a
//            `control` (a selector) stepped with the arrow keys on the page opened with
//            `query`; `event` is where the time is taken (default input), `focus` where the keys
//            go when it is not the control, `name` the line's name when a lab has several;
//            `longSession` marks the slider the long-session memory benchmark moves
import * as binary from './binary/state.js';
import * as depth from './depth/state.js';
import * as landscape from './landscape/state.js';
import * as likelihood from './likelihood/state.js';
import * as multiclass from './multiclass/state.js';
import * as nextToken from './next-token/state.js';
import * as race from './race/state.js';
import * as regression from './regression/state.js';
import * as softTargets from './soft-targets/state.js';
import * as yourModel from './your-model/state.js';

export const PANELS = Object.freeze([
  {
    id: 'binary',
    page: 'index.html',
    title: 'Binary playground',
    heading: 'Cross-entropy vs mean squared error for a sigmoid classifier',
    pageTitle: 'lossplay — why classifiers use cross-entropy, not MSE',
    description:
      "Move a sigmoid classifier's logit and watch the MSE gradient vanish when the model is confidently wrong, while the cross-entropy gradient stays strong.",
    trainer: false,
    table: binary.table,
    bench: binary.bench,
  },
  {
    id: 'soft-targets',
    page: 'soft-targets.html',
    title: 'Soft targets',
    heading: 'Soft targets: cross-entropy vs squared error when the target is between 0 and 1',
    pageTitle: 'lossplay — soft targets: BCE vs MSE when the target is between 0 and 1',
    description:
      "Binary cross-entropy and squared error for targets between 0 and 1: both are smallest at p = t, but BCE's minimum is the target's entropy and its cost is asymmetric.",
    trainer: false,
    table: softTargets.table,
    bench: softTargets.bench,
  },
  {
    id: 'multiclass',
    page: 'multiclass.html',
    title: 'Multi-class',
    heading: 'Multi-class: softmax with cross-entropy vs mean squared error',
    pageTitle: 'lossplay — multi-class: softmax with cross-entropy vs MSE',
    description:
      'Softmax probabilities, cross-entropy and MSE for up to ten classes, two common mistakes as toggles, and why log-sum-exp survives logits like 1000.',
    trainer: false,
    table: multiclass.table,
    bench: multiclass.bench,
  },
  {
    id: 'next-token',
    page: 'next-token.html',
    title: 'Next token',
    heading: 'Next token: the loss a language model learns from',
    pageTitle: 'lossplay — next token: cross-entropy in a language model',
    description:
      'A language model predicting the next word of a sentence: softmax over a small vocabulary, the loss −ln p at each word, its mean, the perplexity, and why one confident mistake dominates them.',
    trainer: false,
    table: nextToken.table,
    bench: nextToken.bench,
  },
  {
    id: 'regression',
    page: 'regression.html',
    title: 'Regression',
    heading: 'Regression: squared, absolute and Huber loss, with an outlier',
    pageTitle: 'lossplay — regression: MSE vs MAE vs Huber, with an outlier',
    description:
      "Squared, absolute and Huber loss on a small data set with one outlier you can drag: their gradients, and the best constant under each loss: the mean, the median, and the point where Huber's clipped errors balance.",
    trainer: false,
    table: regression.table,
    bench: regression.bench,
  },
  {
    id: 'likelihood',
    page: 'likelihood.html',
    title: 'Likelihood',
    heading: 'Likelihood: every loss is a negative log-likelihood',
    pageTitle: 'lossplay — likelihood: every loss is a negative log-likelihood',
    description:
      'Pick a noise model (Bernoulli, Gaussian or Laplace) and see that its negative log-likelihood is cross-entropy, squared error or absolute error, up to a scale and a constant, with the data and the fitted distribution drawn.',
    trainer: false,
    table: likelihood.table,
    bench: likelihood.bench,
  },
  {
    id: 'landscape',
    page: 'landscape.html',
    title: 'Loss landscape',
    heading: 'Loss landscape: a bowl and a plateau',
    pageTitle: 'lossplay — loss landscape: a bowl for cross-entropy, a plateau for MSE',
    description:
      'The mean cross-entropy and the mean squared error of a one-feature logistic model over its two weights, side by side, with the region where MSE is not convex shaded and gradient descent run on both from the same start.',
    trainer: false,
    table: landscape.table,
    bench: landscape.bench,
  },
  {
    id: 'race',
    page: 'race.html',
    title: 'Training race',
    heading: 'Training race: cross-entropy vs mean squared error',
    pageTitle: 'lossplay — training race: cross-entropy vs MSE, side by side',
    description:
      'The same model trained twice, with cross-entropy and with MSE, from the same weights on the same data: watch the MSE run stall when it starts confidently wrong.',
    trainer: true,
    table: race.table,
    bench: race.bench,
  },
  {
    id: 'depth',
    page: 'depth.html',
    title: 'Deep network',
    heading: 'Deep network: where the gradient goes',
    pageTitle: 'lossplay — deep network: cross-entropy fixes the output layer, not the depth',
    description:
      'The gradient reaching each layer of a deep network, trained with cross-entropy and with squared error from the same weights: cross-entropy rescues the output layer, but sigmoid layers still starve the first ones; ReLU with He initialization does not.',
    trainer: true,
    table: depth.table,
    bench: depth.bench,
  },
  {
    id: 'your-model',
    page: 'your-model.html',
    title: 'Your model',
    heading: "Your model: every example's loss and gradient, and its calibration",
    pageTitle: 'lossplay — your own model: per-example cross-entropy, calibration and temperature',
    description:
      "Paste the logits your classifier produced and the labels: each example's cross-entropy and Brier score and their gradients, which examples each loss pulls on, a reliability diagram, the best temperature, and why only proper scores pay for honesty. Nothing leaves the browser.",
    trainer: false,
    table: yourModel.table,
    bench: yourModel.bench,
  },
]);

export const PANEL_IDS = Object.freeze(PANELS.map((panel) => panel.id));

/** The panel with this id, or undefined. */
export const panelById = (id) => PANELS.find((panel) => panel.id === id);

/** Every parameter key of every panel (the widget's attributes are these, lower-cased). */
export const ALL_PARAMETER_KEYS = Object.freeze([
  ...new Set(PANELS.flatMap((panel) => panel.table.parameters.map((p) => p.key))),
]);
