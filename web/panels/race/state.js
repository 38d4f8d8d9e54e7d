// The training race's settings and their URL form, e.g.
//   ?data=blobs&size=200&noise=0.2&hidden=0&activation=tanh&lr=0.5&batch=32&epochs=200
//    &seed=1&init=wrong&z=-8&speed=20
// The core's limits bound what it trains (size, noise, hidden, lr, batch, seed, z); epochs and
// speed are the page's own. A user's own CSV file cannot travel in a link; such a link falls
// back to the default data.
import { raceLimit } from '../../shared/core_limits.js';
import { integer, number, oneOf, param } from '../../shared/params.js';

export const DATA_SETS = Object.freeze([
  'blobs',
  'xor',
  'circles',
  'spiral',
  'breast-cancer',
  'digits',
  'csv',
]);
export const SYNTHETIC = new Set(['blobs', 'xor', 'circles', 'spiral']);
export const BUNDLED = new Set(['breast-cancer', 'digits']);

const EPOCHS = { name: 'the number of epochs', min: 1, max: 5000, example: '200' };
const SPEED = { name: 'the speed', min: 1, max: 500, example: '20' };

/** The race's number settings: URL key → kind (the form's field ids are race-<key>). */
export const SETTINGS = {
  size: integer(raceLimit('size', { name: 'the number of points', example: '200' })),
  noise: number(raceLimit('noise', { name: 'the noise', example: '0.2' })),
  hidden: integer(raceLimit('hidden', { name: 'the hidden width', example: '16' })),
  lr: number(raceLimit('learningRate', { name: 'the learning rate', example: '0.5' })),
  batch: integer(raceLimit('batchSize', { name: 'the batch size', example: '32' })),
  epochs: integer(EPOCHS),
  seed: integer(raceLimit('seed', { name: 'the seed', example: '1' })),
  z: number(raceLimit('initLogit', { name: 'the starting logit z', example: '-8' })),
  speed: integer(SPEED),
};

/** Settings that only change how a race is shown, not what is trained. */
export const DISPLAY_ONLY = new Set(['epochs', 'speed']);

/** Said (as a notice the panel clears once another data set loads) when a link names a CSV. */
export const CSV_LINK_NOTICE =
  'This link was made with a CSV file of its own, which a link cannot carry; showing the blobs instead.';

/** Whether a link (or a widget's attributes) asked for the reader's own CSV file. */
export const linkNamesCsv = (query) => new URLSearchParams(query).get('data') === 'csv';

function normalize(state, notices) {
  if (state.data !== 'csv') return { state, notices };
  return { state: { ...state, data: 'blobs' }, notices };
}

export const table = {
  parameters: [
    param('data', oneOf('data', DATA_SETS)),
    ...['size', 'noise', 'hidden'].map((key) => param(key, SETTINGS[key])),
    param('activation', oneOf('activation', ['tanh', 'relu'])),
    ...['lr', 'batch', 'epochs', 'seed'].map((key) => param(key, SETTINGS[key])),
    param('init', oneOf('init', ['standard', 'wrong', 'logit'])),
    ...['z', 'speed'].map((key) => param(key, SETTINGS[key])),
  ],
  defaults: Object.freeze({
    data: 'blobs',
    size: 200,
    noise: 0.2,
    hidden: 0,
    activation: 'tanh',
    lr: 0.5,
    batch: 32,
    epochs: 200,
    seed: 1,
    init: 'wrong',
    z: -8,
    speed: 20,
    csv: null, // the reader's own file, as the core read it (data = csv); never in a link
    run: 0, // bumped by Reset: the same settings, trained again from epoch 0
  }),
  normalize,
};

/** The controls the benchmark drives on this lab's page (web/panels/registry.js `bench`). */
export const bench = [
  // A new speed: the status, verdict, charts and boundary maps drawn again.
  { control: '#race-speed-slider' },
];
