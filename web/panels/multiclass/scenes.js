// The multi-class lab's scenes (see web/shared/scenes.js): three classes, sure and right, sure and
// wrong, the two common mistakes, then logits too large for the textbook softmax.
const scene = (id, title, label, logits, mistake = 'none', shows = 'mc-grad-chart') => ({
  id,
  title,
  label,
  state: { logits, targetClass: 0, targetProbs: null, mistake },
  shows,
});

export const SCENES = Object.freeze([
  scene(
    'three-classes',
    'Three classes: the softmax turns the logits into probabilities that add up to 1.',
    'logits 2, 0.5, −1',
    [2, 0.5, -1],
    'none',
    'mc-prob-chart',
  ),
  scene(
    'sure-and-right',
    'Sure and right: both losses are small, and both gradients are nearly 0.',
    'logits 4, 0, −1',
    [4, 0, -1],
  ),
  scene(
    'sure-and-wrong',
    'Sure and wrong: cross-entropy pushes the true class up hard; MSE barely moves it.',
    'logits −2, 5, 0',
    [-2, 5, 0],
  ),
  scene(
    'softmax-twice',
    'Softmax applied twice: the loss sees flattened probabilities and pushes too little.',
    'softmax twice',
    [-2, 5, 0],
    'twice',
  ),
  scene(
    'probabilities-as-logits',
    'Probabilities passed as logits: the loss sees different numbers from the model’s.',
    'probabilities as logits',
    [-2, 5, 0],
    'probs',
  ),
  scene(
    'huge-logits',
    'Logits near 1000: the textbook softmax overflows; log-sum-exp gives the probabilities of 2, 1, 0.',
    'logits 1000, 999, 998',
    [1000, 999, 998],
    'none',
    'mc-prob-chart',
  ),
]);
