// The landscape lab's sentences, written from the core's numbers for the state on screen.
import { formatNumber as f } from '../../shared/number_format.js';
import { compareWords, LENGTH } from '../../shared/ratio_words.js';
import { W_SPEC } from './state.js';

const NAME = { ce: 'cross-entropy', mse: 'squared error' };

/** How the squared-error gradient's length compares with the cross-entropy one's. */
const lengthRatio = (mse, ce, other = 'the cross-entropy one') =>
  compareWords(mse, ce, LENGTH, other);

/** How much of its starting loss a run has shed, in words. */
function progress(at) {
  const share = at.loss / at.startLoss;
  return `from ${f(at.startLoss)} to ${f(at.loss)} (${f(100 * share)} % of where it began)`;
}

/** The sentence under the read-outs: where each descent stands. */
export function verdict(state, { at }) {
  const { ce, mse } = at;
  if (state.steps === 0) {
    return (
      `Both descents start at w = ${f(state.w)}, b = ${f(state.b)}: cross-entropy ${f(ce.loss)}, ` +
      `squared error ${f(mse.loss)}. The squared-error gradient there is ` +
      `${lengthRatio(mse.gradNorm, ce.gradNorm)}. Press Play or Step.`
    );
  }
  const stopped = [ce, mse]
    .map((one, k) =>
      one.stopped
        ? `The ${NAME[['ce', 'mse'][k]]} descent stopped after ${f(one.index)} steps: its next step would take w or b outside [${f(W_SPEC().min)}, ${f(W_SPEC().max)}], the range the lab allows.`
        : '',
    )
    .filter(Boolean)
    .join(' ');
  return (
    `After ${f(state.steps)} steps, cross-entropy has gone ${progress(ce)}; squared error ` +
    `${progress(mse)}. The squared-error gradient is now ` +
    `${lengthRatio(mse.gradNorm, ce.gradNorm)}.${stopped ? ` ${stopped}` : ''}`
  );
}

/** The note under a map: its range of shades, the contour spacing, the concave share. */
export function mapNote(loss, layers, concave) {
  const shading = `Mean ${NAME[loss]} from ${f(layers.low)} (lightest) to ${f(layers.high)} (darkest); neighboring lines differ ${f(layers.ratio)}-fold.`;
  if (!concave) return shading;
  return concave.share > 0
    ? `${shading} Hatched: where it curves downward in some direction (not convex), ${f(100 * concave.share)} % of the window.`
    : `${shading} Nowhere in this window does it curve downward.`;
}

/** The live numbers of the explanation. */
export function explain($, state, { maps, at }, layers) {
  $('ls-why-ce-min').textContent = f(maps.ceCurvatureMin);
  $('ls-why-concave').textContent = `${f(100 * layers.concave.share)} %`;
  $('ls-why-w').textContent = f(state.w);
  $('ls-why-b').textContent = f(state.b);
  $('ls-why-ce-grad').textContent = f(at.ce.startGradNorm);
  $('ls-why-mse-grad').textContent = f(at.mse.startGradNorm);
  $('ls-why-ratio').textContent = lengthRatio(
    at.mse.startGradNorm,
    at.ce.startGradNorm,
    'a cross-entropy step',
  );
}
