// The likelihood lab's scenes (see web/shared/scenes.js): a first guess on the density, each
// model at its best location, a doubled σ, the outlier moved far out under both, a wider σ, and
// the two Bernoulli cases. A scene sets the
// whole model (distribution, data, location, scale) so it reads the same from any state.
const DATA = Object.freeze([1, 2, 2.5, 4, 9]);
const FAR = Object.freeze([1, 2, 2.5, 4, 50]);
const OUTCOMES = Object.freeze([1, 1, 0, 1, 1, 1, 0, 1]);

const scene = (id, title, label, state, shows = 'lk-nll-chart') => ({
  id,
  title,
  label,
  state,
  shows,
});

export const SCENES = Object.freeze([
  scene(
    'gaussian-guess',
    'A first guess, μ = 3: each point sits at the height of the bell; the far point at 9 is deep in its tail.',
    'Gaussian density, μ = 3',
    { dist: 'gaussian', data: [...DATA], mu: 3, sigma: 2 },
    'lk-density-chart',
  ),
  scene(
    'gaussian-mean',
    'Gaussian noise, μ at the mean: the NLL and the scaled MSE are one curve, lowest right here.',
    'Gaussian, μ = 3.7',
    { dist: 'gaussian', data: [...DATA], mu: 3.7, sigma: 2 },
  ),
  scene(
    'gaussian-double-sigma',
    'Double σ to 4: a smaller scale and a larger constant make the NLL curve flatter; its lowest point stays at the mean.',
    'Gaussian, σ = 4',
    { dist: 'gaussian', data: [...DATA], mu: 3.7, sigma: 4 },
  ),
  scene(
    'laplace-median',
    'Laplace noise, μ at the median: the NLL is the scaled MAE, lowest at the middle value.',
    'Laplace, μ = 2.5',
    { dist: 'laplace', data: [...DATA], mu: 2.5, b: 2 },
  ),
  scene(
    'laplace-far-outlier',
    'Move the outlier from 9 to 50: under Laplace noise the best μ, the median, does not move.',
    'Laplace, outlier at 50',
    { dist: 'laplace', data: [...FAR], mu: 2.5, b: 2 },
  ),
  scene(
    'gaussian-far-outlier',
    'The same move under Gaussian noise: the best μ, the mean, follows the outlier.',
    'Gaussian, outlier at 50',
    { dist: 'gaussian', data: [...FAR], mu: 11.9, sigma: 2 },
  ),
  scene(
    'gaussian-wide',
    'A wider σ: a flatter density, a smaller scale and a larger constant; the best μ stays put.',
    'Gaussian, σ = 6',
    { dist: 'gaussian', data: [...DATA], mu: 3.7, sigma: 6 },
    'lk-density-chart',
  ),
  scene(
    'bernoulli',
    'Labels 0 and 1: the Bernoulli NLL is the cross-entropy itself, no scale, no constant.',
    'Bernoulli, z = 0',
    { dist: 'bernoulli', outcomes: [...OUTCOMES], z: 0 },
  ),
  scene(
    'bernoulli-agree',
    'Every label is 1: the NLL keeps falling as z grows, and no finite z is best.',
    'Bernoulli, all ones',
    { dist: 'bernoulli', outcomes: [1, 1, 1, 1, 1], z: 3 },
  ),
]);
