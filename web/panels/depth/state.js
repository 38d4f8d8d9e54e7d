// The deep network lab's settings and their URL form, e.g.
//   ?data=blobs&depth=6&width=16&activation=sigmoid&weights=xavier&start=wrong&lr=0.5
// A network of `depth` hidden layers of `width` units, trained twice (cross-entropy, squared
// error) from the same weights on the race's 2-D data. The core's limits bound what it trains;
// the width starts at 4 here (a layer of 1–3 units says little about vanishing gradients), and
// epochs and speed are the page's own.
import { raceLimit } from '../../shared/core_limits.js';
import { integer, number, oneOf, param } from '../../shared/params.js';

export const DATA_SETS = Object.freeze(['blobs', 'xor', 'circles', 'spiral']);
export const ACTIVATIONS = Object.freeze(['sigmoid', 'tanh', 'relu']);
export const WEIGHTS = Object.freeze(['normal', 'xavier', 'he']);
export const STARTS = Object.freeze(['wrong', 'standard']);
// The wrong start: random weights kept, the output's bias set to this logit (the race's 'bias'
// preset), so every point starts at this logit plus what the kept output weights add (the
// page's hint quotes the start's p from the core) and the class-1 half is confidently wrong,
// while every layer still passes a gradient back.
export const WRONG_LOGIT = -8;
const MIN_WIDTH = 4;

const EPOCHS = { name: 'the number of epochs', min: 1, max: 2000, example: '100' };
const SPEED = { name: 'the speed', min: 1, max: 200, example: '10' };

/** The lab's number settings: URL key → kind (the form's field ids are depth-<key>). */
export const SETTINGS = {
  depth: integer(raceLimit('depth', { name: 'the depth', example: '6' })),
  width: integer(() => ({
    ...raceLimit('hidden', { name: 'the width', example: '16' })(),
    min: MIN_WIDTH,
  })),
  scale: number(raceLimit('weightScale', { name: 'the weight scale', example: '1' })),
  size: integer(raceLimit('size', { name: 'the number of points', example: '200' })),
  noise: number(raceLimit('noise', { name: 'the noise', example: '0.2' })),
  lr: number(raceLimit('learningRate', { name: 'the learning rate', example: '0.5' })),
  batch: integer(raceLimit('batchSize', { name: 'the batch size', example: '32' })),
  seed: integer(raceLimit('seed', { name: 'the seed', example: '1' })),
  epochs: integer(EPOCHS),
  speed: integer(SPEED),
};

/** Settings that only change how the runs are shown, not what is trained. */
export const DISPLAY_ONLY = new Set(['epochs', 'speed']);

export const table = {
  parameters: [
    param('data', oneOf('data', DATA_SETS)),
    param('depth', SETTINGS.depth),
    param('width', SETTINGS.width),
    param('activation', oneOf('activation', ACTIVATIONS)),
    param('weights', oneOf('weights', WEIGHTS)),
    param('scale', SETTINGS.scale, { when: (state) => state.weights === 'normal' }),
    param('start', oneOf('start', STARTS)),
    ...['size', 'noise', 'lr', 'batch', 'seed', 'epochs', 'speed'].map((key) =>
      param(key, SETTINGS[key]),
    ),
  ],
  defaults: Object.freeze({
    data: 'blobs',
    depth: 6,
    width: 16,
    activation: 'sigmoid',
    weights: 'xavier',
    scale: 1,
    start: 'wrong',
    size: 200,
    noise: 0.2,
    lr: 0.5,
    batch: 32,
    seed: 1,
    epochs: 100,
    speed: 10,
    run: 0, // bumped by Reset: the same settings, trained again from epoch 0
  }),
};

/** The settings object of core.createRace for a state. */
export const raceSettingsFor = (state) => ({
  data: { kind: state.data, size: state.size, noise: state.noise },
  hidden: state.width,
  depth: state.depth,
  activation: state.activation,
  weights: state.weights,
  weightScale: state.scale,
  learningRate: state.lr,
  batchSize: state.batch,
  seed: state.seed,
  init: state.start === 'wrong' ? 'bias' : 'standard',
  initLogit: WRONG_LOGIT,
});

/** The controls the benchmark drives on this lab's page (web/panels/registry.js `bench`). */
export const bench = [
  // A new width: a new pair of networks and their layer norms.
  { control: '#depth-width-slider' },
];
