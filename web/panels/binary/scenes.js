// The binary playground's scenes, in the order a lecture walks through them (see
// web/shared/scenes.js): from a little wrong to hopelessly wrong, then right, then off the chart.
import { formatNumber } from '../../shared/number_format.js';

const scene = (id, z, title, shows = 'gradient-chart') => ({
  id,
  title,
  label: `z = ${formatNumber(z)}, y = 1`,
  state: { z, y: 1, soft: false },
  shows,
});

export const SCENES = Object.freeze([
  scene('a-little-wrong', -1, 'A little wrong: both losses push the logit up.'),
  scene('wrong', -2, 'Wrong: the MSE push is already shrinking; the cross-entropy push is not.'),
  scene('confidently-wrong', -5, 'Confidently wrong: the MSE gradient has almost vanished.'),
  scene('very-wrong', -8, 'Very confidently wrong: cross-entropy still pushes with almost 1.'),
  scene('hopeless', -15, 'Hopelessly wrong: the MSE push is too small to see on the chart.'),
  scene(
    'right-and-sure',
    8,
    'Right and sure: both losses are near 0 and stop pushing.',
    'loss-chart',
  ),
  scene(
    'far-off-the-chart',
    -700,
    'Far off the chart: cross-entropy is still computed, accurate to rounding, with no overflow.',
    'readouts-title',
  ),
]);
