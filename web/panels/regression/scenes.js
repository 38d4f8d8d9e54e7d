// The regression lab's scenes (see web/shared/scenes.js): an outlier, near and far, how hard
// each loss then pulls on each prediction, and a Huber threshold wider than every residual.
import { scenesShowing } from '../../shared/scenes.js';

const scene = scenesShowing('rg-chart');
const gradientScene = scenesShowing('rg-gradients');

export const SCENES = Object.freeze([
  scene(
    'no-outlier',
    'Three points: the best constants of all three losses are close.',
    'no outlier',
    {
      outlierOn: false,
      delta: 1,
    },
  ),
  scene(
    'outlier',
    'One outlier: the mean (MSE) follows it; the median (MAE) hardly moves.',
    'outlier at 25',
    { outlierOn: true, outlierTarget: 25, outlierPred: 3, delta: 1 },
  ),
  scene(
    'far-outlier',
    'A farther outlier: the mean keeps following it; the median stays put.',
    'outlier at 50',
    { outlierOn: true, outlierTarget: 50, outlierPred: 3, delta: 1 },
  ),
  gradientScene(
    'outlier-pulls',
    'How hard each loss pulls on each prediction: MSE’s pull on the outlier dwarfs the rest; Huber’s stops growing once a residual passes δ.',
    'pulls, δ = 2',
    { outlierOn: true, outlierTarget: 50, outlierPred: 3, delta: 2 },
  ),
  scene(
    'huber-wide',
    'Huber with a δ wider than every residual is MSE (halved): its constant is the mean.',
    'δ = 60',
    { outlierOn: true, outlierTarget: 50, outlierPred: 3, delta: 60 },
  ),
]);
