// The landscape lab's scenes (see web/shared/scenes.js). Each sets the data, the start, the
// step size and how far both descents have gone, so it reads the same from any state.
import { DATA_PRESETS, DEFAULT_VIEW } from './state.js';

const data = (name) => ({ x: [...DATA_PRESETS[name].x], y: [...DATA_PRESETS[name].y] });
const scene = (id, title, label, state, shows = 'ls-map-mse') => ({
  id,
  title,
  label,
  state: { lr: 1, momentum: 0, view: [...DEFAULT_VIEW], ...state },
  shows,
});

export const SCENES = Object.freeze([
  scene(
    'start',
    'The start, w = −6, b = 0, before any step: the S-curve faces the wrong way, so every point is on the wrong side.',
    'Wrong start, no steps',
    { ...data('separable'), w: -6, b: 0, steps: 0 },
  ),
  scene(
    'wrong-start',
    'Confidently wrong at w = −6: cross-entropy walks straight down its bowl while squared error crawls across its plateau.',
    'Wrong start, 100 steps',
    { ...data('separable'), w: -6, b: 0, steps: 100 },
  ),
  scene(
    'good-start',
    'Start on the right side, w = 2: both descents move off. Squared error is flat wherever the model is sure, right or wrong, but here the sure points are already right and the unsure ones near the boundary still give it a slope.',
    'Right side, 100 steps',
    { ...data('separable'), w: 2, b: 0, steps: 100 },
  ),
  scene(
    'mislabeled',
    'One point labeled against the rest: cross-entropy now has a lowest point at a finite w instead of sliding on forever.',
    'Mislabeled point, 300 steps',
    { ...data('mislabeled'), w: -6, b: 0, steps: 300 },
    'ls-map-ce',
  ),
  scene(
    'momentum',
    'Momentum 0.9 from the same wrong start: squared error gathers speed on the plateau and leaves it far sooner than without momentum, while cross-entropy shoots far out along its valley.',
    'Momentum 0.9, 150 steps',
    // Cross-entropy's path reaches w ≈ 37: a window wide enough to see it.
    { ...data('separable'), w: -6, b: 0, momentum: 0.9, steps: 150, view: [-10, 40, -25, 25] },
  ),
]);
