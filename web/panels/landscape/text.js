// The landscape lab's sentences, written from the core's numbers for the state on screen.
import { counted } from '../../shared/counted.js';
import { formatNumber as f } from '../../shared/number_format.js';
import { compareWords, LENGTH } from '../../shared/ratio_words.js';
import { W_SPEC } from './state.js';

const NAME = { ce: 'cross-entropy', mse: 'squared error' };
const ADJECTIVE = { ce: 'cross-entropy', mse: 'squared-error' };
// A gradient below this share of its length at the start has all but vanished: its descent has
// (nearly) reached a flat point, and the ratio of two such leftovers, however large, says
// nothing about the two landscapes.
const VANISHED = { share: 1e-3, words: 'a thousandth' };

/** How the squared-error gradient's length compares with the cross-entropy one's. */
const lengthRatio = (mse, ce, other = 'the cross-entropy one') =>
  compareWords(mse, ce, LENGTH, other);

/** How far a run's loss has come, in words. A mean loss of exactly 0 is one too small for a
 * double: every point's loss is positive at any finite w, b. */
function progress(at) {
  if (at.startLoss === 0) {
    return at.loss === 0
      ? 'has stayed at 0 (too small for a double)'
      : `has gone from 0 (too small for a double) to ${f(at.loss)}`;
  }
  const share = `${f((100 * at.loss) / at.startLoss)} % of where it began`;
  return `has gone from ${f(at.startLoss)} to ${f(at.loss)} (${share})`;
}

/** One run's clause after some steps: where its loss is, and whether it stopped early. */
function runClause(loss, at) {
  if (!at.stopped) return `${NAME[loss]} ${progress(at)}`;
  if (at.index === 0) return `${NAME[loss]} has not moved: its loss is still ${f(at.loss)}`;
  return `${NAME[loss]} stopped at step ${f(at.index)} and ${progress(at)}`;
}

/** Why a run stopped, if one did. */
function stoppedSentence(at) {
  const range = `[${f(W_SPEC().min)}, ${f(W_SPEC().max)}]`;
  return ['ce', 'mse']
    .filter((loss) => at[loss].stopped)
    .map((loss) => {
      const { index } = at[loss];
      const when =
        index === 0
          ? 'before its first step: that step'
          : `after ${counted(index, 'step')}: its next step`;
      return `The ${ADJECTIVE[loss]} descent stopped ${when} would take w or b outside ${range}, the range the lab allows.`;
    })
    .join(' ');
}

/** The gradients after some steps: a comparison, unless one or both have all but vanished. */
function gradientSentence(at) {
  const gone = (loss) => at[loss].gradNorm < VANISHED.share * at[loss].startGradNorm;
  if (gone('ce') && gone('mse')) {
    return (
      `Both gradients have all but vanished, each below ${VANISHED.words} of its length at ` +
      `the start: cross-entropy's is ${f(at.ce.gradNorm)}, squared error's ${f(at.mse.gradNorm)}.`
    );
  }
  if (gone('ce') || gone('mse')) {
    const [loss, other] = gone('ce') ? ['ce', 'mse'] : ['mse', 'ce'];
    return (
      `The ${ADJECTIVE[loss]} gradient has all but vanished: ${f(at[loss].gradNorm)}, below ` +
      `${VANISHED.words} of the ${f(at[loss].startGradNorm)} it started at. The ` +
      `${ADJECTIVE[other]} one is ${f(at[other].gradNorm)}; it started at ` +
      `${f(at[other].startGradNorm)}.`
    );
  }
  return `The squared-error gradient is now ${lengthRatio(at.mse.gradNorm, at.ce.gradNorm)}.`;
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
  const stopped = stoppedSentence(at);
  return (
    `After ${counted(state.steps, 'step')}, ${runClause('ce', ce)}; ${runClause('mse', mse)}. ` +
    `${gradientSentence(at)}${stopped ? ` ${stopped}` : ''}`
  );
}

/** The note under a map: its range of shades, the contour spacing, the concave share. */
/** A map's note while a data point is dragged: the coarse map it shows gives no figure. */
export const DRAGGING_NOTE =
  'Shaded coarsely while the point moves; its range, contour lines and figures return when you let go.';
/** A map's note in the frame after a point is let go, before its contours are drawn. */
export const SETTLING_NOTE = 'Drawing the contour lines and figures…';

export function mapNote(loss, layers, concave) {
  const shading = `Mean ${NAME[loss]} from ${f(layers.low)} (lightest) to ${f(layers.high)} (darkest); neighboring lines differ ${f(layers.ratio)}-fold.`;
  if (!concave) return shading;
  return concave.share > 0
    ? `${shading} Hatched: where it curves downward in some direction (not convex), ${f(100 * concave.share)} % of the window.`
    : `${shading} Nowhere in this window does it curve downward.`;
}

/**
 * What the data make of cross-entropy's bowl. Convex always, but it has a lowest point at a
 * finite (w, b) only when the classes overlap: when a threshold splits them the loss keeps
 * falling as the S-curve steepens, and with one label as b runs off. Points all at one x see
 * only w·x + b, so their lowest value lies along a line.
 */
export function ceBottom({ x, y }) {
  const ones = x.filter((_, k) => y[k] === 1);
  const zeros = x.filter((_, k) => y[k] === 0);
  if (zeros.length === 0) {
    return 'Every point has label 1, so it has no bottom: the loss only approaches 0 as b grows without end.';
  }
  if (ones.length === 0) {
    return 'Every point has label 0, so it has no bottom: the loss only approaches 0 as b falls without end.';
  }
  if (Math.min(...x) === Math.max(...x)) {
    return 'Every point sits at the same x, so the loss depends on w·x + b alone: its lowest value lies all along a line of (w, b), not at one point.';
  }
  const [lo1, hi1] = [Math.min(...ones), Math.max(...ones)];
  const [lo0, hi0] = [Math.min(...zeros), Math.max(...zeros)];
  if (hi0 < lo1 || hi1 < lo0) {
    return 'These classes are separable, so it has no bottom: the loss only approaches 0 as |w| grows without end, the S-curve ever steeper and every point ever surer.';
  }
  if (hi0 === lo1 || hi1 === lo0) {
    return 'One threshold separates these classes but for the points right on it, so it has no bottom: the loss keeps falling as |w| grows without end.';
  }
  return 'These classes overlap, so it also has a bottom: one lowest point, at a finite w and b.';
}

/** The live numbers of the explanation. */
export function explain($, state, { maps, at }, layers) {
  $('ls-why-ce-bottom').textContent = ceBottom(state);
  // Figures of the exact maps only: while a point is dragged they wait for it to be let go.
  const detailed = maps.stage === 'detailed';
  $('ls-why-ce-min').textContent = detailed ? f(maps.ceCurvatureMin) : '…';
  $('ls-why-concave').textContent = detailed ? `${f(100 * layers.concave.share)} %` : '…';
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
