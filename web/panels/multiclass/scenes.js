// The multi-class lab's scenes (see web/shared/scenes.js): sure and right, sure and wrong, then
// the two common mistakes.
const scene = (id, title, label, logits, mistake = 'none', shows = 'mc-grad-chart') => ({
  id,
  title,
  label,
  state: { logits, targetClass: 0, targetProbs: null, mistake },
  shows,
});

export const SCENES = Object.freeze([
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
]);
