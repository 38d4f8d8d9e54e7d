// The binary playground's predict-then-check questions (see web/shared/questions.js). Each
// answer is judged from the core's numbers when the reader checks it.
import { formatNumber } from '../../shared/number_format.js';

const Z_GRID = { min: -10, max: 10, n: 2001 }; // steps of 0.01

/** The z on the grid where |dMSE/dz| is largest for y = 1, and that largest value. */
function strongestMsePush(core) {
  const curve = core.binaryCurve(1, Z_GRID.min, Z_GRID.max, Z_GRID.n);
  let best = 0;
  curve.dmseDz.forEach((value, i) => {
    if (Math.abs(value) > Math.abs(curve.dmseDz[best])) best = i;
  });
  return { z: curve.z[best], push: Math.abs(curve.dmseDz[best]) };
}

export const QUESTIONS = Object.freeze([
  {
    id: 'gradient-ratio',
    prompt:
      'The true label is y = 1 and the model says z = −6, confidently wrong. Which loss pushes z harder, and by roughly how much?',
    choices: [
      { id: 'mse', text: 'MSE, by about 10 times' },
      { id: 'same', text: 'About the same' },
      { id: 'ce-10', text: 'Cross-entropy, by about 10 times' },
      { id: 'ce-100', text: 'Cross-entropy, by more than 100 times' },
    ],
    state: { z: -6, y: 1, soft: false, logScale: true, signed: false },
    shows: 'gradient-chart',
    answer(core) {
      const point = core.binaryPoint(-6, 1);
      const ratio = Math.abs(point.dceDz) / Math.abs(point.dmseDz);
      const choice = ratio < 0.5 ? 'mse' : ratio < 2 ? 'same' : ratio < 100 ? 'ce-10' : 'ce-100';
      return {
        choice,
        why:
          `At z = −6, |dCE/dz| = ${formatNumber(Math.abs(point.dceDz))} and ` +
          `|dMSE/dz| = ${formatNumber(Math.abs(point.dmseDz))}: cross-entropy pushes ` +
          `${formatNumber(ratio)} times harder. The chart now shows it on a logarithmic axis.`,
      };
    },
  },
  {
    id: 'strongest-mse-push',
    prompt:
      'With y = 1, where does MSE push the logit hardest: where the model is most wrong, or somewhere else?',
    choices: [
      { id: 'most-wrong', text: 'At the far left, where the model is most wrong' },
      { id: 'near-half', text: 'A little left of z = 0, where the model is unsure' },
      { id: 'right', text: 'On the right, where the model is already right' },
    ],
    state: { z: -0.69, y: 1, soft: false, logScale: false, signed: false },
    shows: 'gradient-chart',
    answer(core) {
      const { z, push } = strongestMsePush(core);
      const farLeft = Math.abs(core.binaryPoint(Z_GRID.min, 1).dmseDz);
      const choice = z < -3 ? 'most-wrong' : z < 0 ? 'near-half' : 'right';
      return {
        choice,
        why:
          `|dMSE/dz| peaks at z ≈ ${formatNumber(z)} (p ≈ ${formatNumber(core.sigmoid(z))}) ` +
          `with ${formatNumber(push)}, and falls to ${formatNumber(farLeft)} at z = −10: ` +
          `the more wrong the model, the weaker MSE's push.`,
      };
    },
  },
  {
    id: 'soft-label-floor',
    prompt: 'With a soft label y = 0.7, how low can the cross-entropy go if you choose the best z?',
    choices: [
      { id: 'zero', text: 'To 0, at p = 0.7' },
      { id: 'floor', text: 'Not to 0: it bottoms out above 0, at p = 0.7' },
      { id: 'falling', text: 'It keeps falling as z grows' },
    ],
    state: { z: 0.85, y: 0.7, soft: true, logScale: false, signed: false },
    shows: 'loss-chart',
    answer(core) {
      const best = core.binaryPoint(core.logit(0.7), 0.7);
      const further = core.binaryPoint(core.logit(0.7) + 3, 0.7);
      const choice = best.ce < 1e-9 ? 'zero' : further.ce < best.ce ? 'falling' : 'floor';
      return {
        choice,
        why:
          `At p = 0.7 the cross-entropy is ${formatNumber(best.ce)}, the label's own ` +
          `entropy H(0.7); moving z further, to p = ${formatNumber(further.p)}, raises it to ` +
          `${formatNumber(further.ce)}. MSE does reach 0 there.`,
      };
    },
  },
  {
    id: 'clipped-push',
    prompt:
      'Many textbooks compute cross-entropy with p clipped to [ε, 1 − ε] to avoid ln 0. With ε = 0.001, y = 1 and z = −8, how hard does that clipped version push z?',
    choices: [
      { id: 'same', text: 'As hard as the logit form, close to 1' },
      { id: 'half', text: 'About half as hard' },
      { id: 'zero', text: 'Not at all: exactly 0' },
    ],
    state: { z: -8, y: 1, soft: false, logScale: false, signed: false, clamp: true, eps: 0.001 },
    shows: 'gradient-chart',
    answer(core) {
      const clipped = core.clampedBinaryPoint(-8, 1, 0.001);
      const exact = core.binaryPoint(-8, 1);
      const gradient = Math.abs(clipped.dceDz);
      const ratio = gradient / Math.abs(exact.dceDz);
      const choice = gradient === 0 ? 'zero' : ratio > 0.9 ? 'same' : 'half';
      return {
        choice,
        why:
          `σ(−8) = ${formatNumber(exact.p)} is below ε, so the clip holds p at 0.001 and its ` +
          `gradient is ${formatNumber(gradient)}; the logit form pushes with ` +
          `${formatNumber(Math.abs(exact.dceDz))}. The clipped curve on the chart is flat at 0 ` +
          `beyond z = ${formatNumber(core.logit(0.001))}.`,
      };
    },
  },
]);
