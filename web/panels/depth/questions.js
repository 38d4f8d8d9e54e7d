// The deep network lab's predict-then-check questions (see web/shared/questions.js). Each
// answer is judged from the core's numbers when the reader checks it: the network is built
// with the same settings as the state the question shows, and its layer norms are read.
import { formatNumber as f } from '../../shared/number_format.js';
import { SCENES } from './scenes.js';
import { raceSettingsFor, table } from './state.js';

const sceneState = (id) => ({ ...table.defaults, ...SCENES.find((s) => s.id === id).state });
const last = (values) => values[values.length - 1];

/** Each run's layer norms at the start, for a state. */
function normsAt(core, state) {
  const race = core.createRace(raceSettingsFor(state));
  try {
    return race.layerGradientNorms();
  } finally {
    race.dispose();
  }
}

const spread = (values) => Math.max(...values) / Math.min(...values);

export const QUESTIONS = Object.freeze([
  {
    id: 'output-layer',
    prompt:
      'Six sigmoid hidden layers, output layer confidently wrong. At the start, which run’s output layer gets the larger gradient?',
    choices: [
      { id: 'ce', text: 'Cross-entropy’s, by more than 10 times' },
      { id: 'same', text: 'About the same' },
      { id: 'mse', text: 'Squared error’s, by more than 10 times' },
    ],
    state: sceneState('sigmoid-deep'),
    shows: 'depth-layer-chart',
    answer(core) {
      const norms = normsAt(core, sceneState('sigmoid-deep'));
      const ratio = last(norms.ce) / last(norms.mse);
      const choice = ratio > 10 ? 'ce' : ratio < 0.1 ? 'mse' : 'same';
      return {
        choice,
        why:
          `Output layer: ${f(last(norms.ce))} with cross-entropy, ${f(last(norms.mse))} with ` +
          `squared error, ${f(ratio)} times as much. Squared error multiplies by σ′ of the ` +
          'output, nearly 0 when the output is sure and wrong; cross-entropy does not.',
      };
    },
  },
  {
    id: 'first-layer',
    prompt:
      'Same network, cross-entropy run. How does the gradient reaching layer 1 compare with the output layer’s?',
    choices: [
      { id: 'same', text: 'About the same: cross-entropy fixed the gradient' },
      { id: 'tens', text: 'Between 10 and 100 times smaller' },
      { id: 'hundreds', text: 'More than 100 times smaller' },
    ],
    state: sceneState('sigmoid-deep'),
    shows: 'depth-layer-chart',
    answer(core) {
      const norms = normsAt(core, sceneState('sigmoid-deep'));
      const ratio = last(norms.ce) / norms.ce[0];
      const choice = ratio > 100 ? 'hundreds' : ratio > 10 ? 'tens' : 'same';
      return {
        choice,
        why:
          `Layer 1: ${f(norms.ce[0])}; output layer: ${f(last(norms.ce))}, ${f(ratio)} times ` +
          `more. In the squared-error run layer 1 gets ${f(norms.mse[0])}. The loss only ` +
          'changes what leaves the output; every sigmoid layer below shrinks it again.',
      };
    },
  },
  {
    id: 'relu-he',
    prompt:
      'Now six ReLU layers with He weights. How far apart are the largest and the smallest layer gradient in the cross-entropy run?',
    choices: [
      { id: 'close', text: 'Within about 10 times of each other' },
      { id: 'hundred', text: 'Between 10 and 1000 times apart' },
      { id: 'far', text: 'More than 1000 times apart, like the sigmoid network' },
    ],
    state: sceneState('relu-he'),
    shows: 'depth-layer-chart',
    answer(core) {
      const norms = normsAt(core, sceneState('relu-he'));
      const ratio = spread(norms.ce);
      const choice = ratio <= 15 ? 'close' : ratio <= 1000 ? 'hundred' : 'far';
      return {
        choice,
        why:
          `From ${f(Math.min(...norms.ce))} to ${f(Math.max(...norms.ce))}: ${f(ratio)} times ` +
          'apart. Active ReLU units pass the gradient on with slope 1, and He weights keep its ' +
          'size about the same from layer to layer.',
      };
    },
  },
]);
