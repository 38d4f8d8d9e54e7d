// The landscape lab's predict-then-check questions (see web/shared/questions.js). Each answer
// is judged from the core's numbers when the reader checks it.
import { formatNumber as f } from '../../shared/number_format.js';
import { DATA_PRESETS, DEFAULT_VIEW } from './state.js';

const data = (name) => ({ x: [...DATA_PRESETS[name].x], y: [...DATA_PRESETS[name].y] });
const WRONG = { w: -6, b: 0, lr: 1, momentum: 0 };
const CRAWL_STEPS = 100;
const LONG_RUN = 4000;
// A wide window for the convexity question: the whole range of (w, b) the lab allows.
const WIDE = 50;

/** Share of its starting loss a descent has shed after `steps` steps. */
function shed(core, loss, steps) {
  const path = core.descentPath(data('separable'), loss, WRONG.w, WRONG.b, WRONG.lr, steps, 0);
  const last = path.loss.length - 1;
  return { share: 1 - path.loss[last] / path.loss[0], start: path.loss[0], end: path.loss[last] };
}

export const QUESTIONS = Object.freeze([
  {
    id: 'plateau-crawl',
    prompt: `Both descents start confidently wrong, at w = −6, b = 0, on the separable data, with learning rate 1. After ${CRAWL_STEPS} steps, how much of its starting loss has squared error shed?`,
    choices: [
      { id: 'most', text: 'More than half, like cross-entropy' },
      { id: 'some', text: 'Between a tenth and a half' },
      { id: 'little', text: 'Less than a tenth: it is still on the plateau' },
    ],
    state: { ...data('separable'), ...WRONG, steps: CRAWL_STEPS, view: [...DEFAULT_VIEW] },
    shows: 'ls-map-mse',
    answer(core) {
      const mse = shed(core, 'mse', CRAWL_STEPS);
      const ce = shed(core, 'ce', CRAWL_STEPS);
      const choice = mse.share > 0.5 ? 'most' : mse.share >= 0.1 ? 'some' : 'little';
      return {
        choice,
        why:
          `Squared error went from ${f(mse.start)} to ${f(mse.end)}, ${f(100 * mse.share)} % ` +
          `less; cross-entropy from ${f(ce.start)} to ${f(ce.end)}, ${f(100 * ce.share)} % less. ` +
          'Where every point is deep on the wrong side, σ hardly moves, so neither does squared error.',
      };
    },
  },
  {
    id: 'ce-curves-down',
    prompt:
      'Is there any choice of w and b, for any data, where the cross-entropy map curves downward (is not convex)?',
    choices: [
      { id: 'far', text: 'Yes, far from the data, where it flattens out' },
      { id: 'near', text: 'Yes, around its lowest point' },
      { id: 'never', text: 'Never: it is convex everywhere' },
    ],
    state: { ...data('overlapping'), ...WRONG, steps: 0, view: [-WIDE, WIDE, -WIDE, WIDE] },
    shows: 'ls-map-ce',
    answer(core) {
      const side = 120;
      const lowest = (loss) =>
        core
          .landscapeCurvature(data('overlapping'), loss, -WIDE, WIDE, -WIDE, WIDE, side, side)
          .reduce((a, b) => Math.min(a, b), Infinity);
      const ce = lowest('ce');
      const mse = lowest('mse');
      return {
        choice: ce < 0 ? 'far' : 'never',
        why:
          `Each point's cross-entropy has second derivative p(1 − p) ≥ 0 in its logit, and a sum of ` +
          `convex functions of w·x + b is convex. Over w and b from −${WIDE} to ${WIDE} on the ` +
          `overlapping data, the smallest curvature of cross-entropy is ${f(ce)}; that of ` +
          `squared error is ${f(mse)}.`,
      };
    },
  },
  {
    id: 'separable-forever',
    prompt:
      'On the separable data, where does the cross-entropy descent end up if it runs for a very long time?',
    choices: [
      { id: 'settles', text: 'It settles at a lowest point, as on any bowl' },
      { id: 'forever', text: 'w keeps growing: the loss only approaches 0, at no finite w' },
      { id: 'back', text: 'It turns around and comes back' },
    ],
    state: { ...data('separable'), ...WRONG, steps: 1000, view: [...DEFAULT_VIEW] },
    shows: 'ls-map-ce',
    answer(core) {
      const run = (name) => {
        const path = core.descentPath(data(name), 'ce', WRONG.w, WRONG.b, 1, LONG_RUN, 0);
        const mid = LONG_RUN / 2;
        return { wMid: path.w[mid], wEnd: path.w[LONG_RUN], loss: path.loss[LONG_RUN] };
      };
      const separable = run('separable');
      const mislabeled = run('mislabeled');
      const growing = separable.wEnd > separable.wMid + 0.1;
      return {
        choice: growing ? 'forever' : 'settles',
        why:
          `After ${f(LONG_RUN / 2)} steps w = ${f(separable.wMid)}, after ${f(LONG_RUN)} ` +
          `w = ${f(separable.wEnd)} with loss ${f(separable.loss)}: a steeper S-curve is always ` +
          'a little surer of every point. Add one mislabeled point and the descent settles: ' +
          `w = ${f(mislabeled.wMid)}, then ${f(mislabeled.wEnd)}.`,
      };
    },
  },
]);
