// The deep network lab's scenes (see web/shared/scenes.js). Each sets the network and the start,
// so it reads the same from any state; the data and the step size stay the defaults.
const BASE = { data: 'blobs', width: 16, lr: 0.5, batch: 32, seed: 1, size: 200, noise: 0.2 };
const scene = (id, title, label, state, shows = 'depth-layer-chart') => ({
  id,
  title,
  label,
  state: { ...BASE, ...state },
  shows,
});

export const SCENES = Object.freeze([
  scene(
    'sigmoid-deep',
    'Six sigmoid layers, confidently wrong: cross-entropy gives the output layer a far larger gradient than squared error, yet layer 1 gets orders of magnitude less under both.',
    'Sigmoid, 6 layers',
    { depth: 6, activation: 'sigmoid', weights: 'xavier', start: 'wrong' },
  ),
  scene(
    'sigmoid-shallow',
    'One sigmoid layer: the gradient has a single layer to cross, so layer 1 and the output layer are much closer.',
    'Sigmoid, 1 layer',
    { depth: 1, activation: 'sigmoid', weights: 'xavier', start: 'wrong' },
  ),
  scene(
    'relu-he',
    'Six ReLU layers with He weights: the layer gradients stay within about one order of magnitude of each other.',
    'ReLU + He, 6 layers',
    { depth: 6, activation: 'relu', weights: 'he', start: 'standard' },
  ),
  scene(
    'sigmoid-deep-ten-epochs',
    'Six sigmoid layers, confidently wrong, ten epochs: press Play. Cross-entropy’s loss falls to about that of a 50/50 guess and stays near it; squared error’s hardly moves.',
    'Sigmoid, 6 layers, 10 epochs',
    { depth: 6, activation: 'sigmoid', weights: 'xavier', start: 'wrong', epochs: 10 },
    'depth-loss-chart',
  ),
]);
