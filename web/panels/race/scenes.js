// The training race's scenes (see web/shared/scenes.js): each sets up a race; Play runs it.
import { scenesShowing } from '../../shared/scenes.js';

const scene = scenesShowing('race-loss-chart');

export const SCENES = Object.freeze([
  scene(
    'wrong-start',
    'A confidently wrong start: press Play and watch which run gets unstuck first.',
    'blobs, wrong start',
    { data: 'blobs', hidden: 0, init: 'wrong' },
  ),
  scene(
    'fair-start',
    'A fair, random start: press Play and compare how fast the two runs learn.',
    'blobs, random start',
    { data: 'blobs', hidden: 0, init: 'standard' },
  ),
  scene(
    'circles-hidden-layer',
    'Circles need a hidden layer: press Play and watch the decision regions bend.',
    'circles, 16 hidden units',
    { data: 'circles', hidden: 16, init: 'standard' },
  ),
  {
    ...scene(
      'circles-wrong-start',
      'Circles and a hidden layer, confidently wrong: press Play. Cross-entropy soon gets every training point right; MSE leaves a ring of points sure and wrong.',
      'circles, 16 hidden units, wrong start',
      { data: 'circles', hidden: 16, init: 'wrong' },
    ),
    shows: 'race-accuracy-chart',
  },
]);
