// The landscape lab's edge states: one point (at x = 3, 10 and 0), points that share one x or
// one label, two identical points of opposite label, separable, touching and overlapping data,
// w and b at the ends of their range, learning rates tiny and huge, a descent that stops
// before its first step, steps 0, 1 and 300, gradients that underflow or vanish, gradient
// ratios near 1, 0 and ∞, a wide window where squared error underflows, and the four scenes.
// Every read-out, every map note and the explanation's numbers against the plain-JS reference
// in landscape_reference.mjs (losses and gradients from the definitions, the descent as a
// loop, the Hessian's smallest eigenvalue from the pairwise determinant, the hatched share
// decided exactly on the map's grid), and the sentences against what the numbers say.
import { shownNumber } from '../reference.mjs';
import assert from 'node:assert/strict';
import {
  LIMIT,
  below,
  concaveShare,
  dataShape,
  descend,
  mapRange,
  sentence,
  smallestCeCurvature,
  words,
} from './landscape_reference.mjs';

const OVERLAPPING =
  'x=-2.2,-1.6,-1,-0.5,0.2,0.8,-0.8,-0.1,0.5,1.1,1.7,2.4&y=0,0,0,0,0,0,1,1,1,1,1,1';
const scene = (id) => ({
  name: `the scene “${id}”`,
  query: '',
  act: (page) => page.evaluate((which) => window.lossplay.showScene(which), id),
});

/** Keys pressed on an element of the page (a map, a point of the strip); the state they leave
 *  is the one checked. A press the lab refuses must leave its message in the reader's words. */
const keys =
  (selector, presses, refusal = /^$/) =>
  async (page) => {
    await page.locator(selector).first().focus();
    for (const key of presses) await page.keyboard.press(key);
    const refused = await page.$eval('#ls-error', (box) => (box.hidden ? '' : box.textContent));
    assert.doesNotMatch(refused, /\w+\([^)]*\):|descentPath|landscape\w*\(|data\.x/, refused);
    assert.match(refused, refusal, `the refusal: “${refused}”`);
  };

// As many points as a link carries (POINT_COUNT in web/panels/landscape/state.js): x from −3.9
// to 3.9, labeled by sign with every third label flipped.
const MOST_X = Array.from({ length: 40 }, (_, i) => Number((-3.9 + 0.2 * i).toFixed(1)));
const MOST_Y = MOST_X.map((x, i) => (x > 0 ? 1 : 0) ^ (i % 3 === 0 ? 1 : 0));

export const states = [
  { name: 'the default: confidently wrong at w = −6', query: '' },
  { name: 'one point at x = 3: rank-one Hessians', query: '?x=3&y=0&w=-6&b=0&lr=1' },
  { name: 'one point at x = 10, label 1', query: '?x=10&y=1&w=-6&b=0&lr=1&steps=1' },
  { name: 'one point at x = 0: w does nothing', query: '?x=0&y=1&w=-6&b=0&lr=1&steps=40' },
  { name: 'three equal points, one label', query: '?x=1.5,1.5,1.5&y=1,1,1&w=2&b=-1&steps=10' },
  {
    name: 'two identical points of opposite label at z = 0: both gradients 0',
    query: '?x=2,2&y=0,1&w=0&b=0&steps=5',
  },
  {
    name: 'points at one x with both labels: a line of lowest points',
    query: '?x=2,2,2&y=0,1,1&w=1&b=0&steps=20',
  },
  { name: 'one label 0, two x', query: '?x=-1,2&y=0,0&w=0.5&b=0' },
  {
    name: 'touching classes: a 0 and a 1 at x = 0',
    query: '?x=-1.5,0,0,1&y=0,0,1,1&w=-1&b=0.5&steps=50',
  },
  { name: 'separable data, one step', query: '?steps=1' },
  { name: 'separable data, 300 steps', query: '?steps=300' },
  {
    name: 'overlapping data near the CE bottom: the ratio near 1',
    query: `?${OVERLAPPING}&w=1.4&b=-0.1&lr=1`,
  },
  {
    name: 'overlapping data after 300 steps: both gradients all but vanished',
    query: `?${OVERLAPPING}&w=1.4&b=-0.1&lr=1&steps=300`,
  },
  {
    name: 'at the CE bottom: squared error’s gradient a million times longer',
    query: `?${OVERLAPPING}&w=1.293365&b=-0.03982574`,
  },
  { name: 'w = −50: squared error’s gradient 10¹¹ times shorter', query: '?w=-50&b=0' },
  {
    name: 'w = b = 50 on one point at x = 10: the squared-error gradient underflows to 0',
    query: '?x=10&y=1&w=50&b=50&lr=1',
  },
  {
    name: 'w = b = 50 on one point at x = 10, 5 steps: squared error stays at 0',
    query: '?x=10&y=1&w=50&b=50&lr=1&steps=5',
  },
  { name: 'w = b = −50 on the separable data', query: '?w=-50&b=-50&steps=3' },
  {
    name: 'the whole range of w and b as the window',
    query: '?x=10&y=1&w=0&b=0&view=-50,50,-50,50',
  },
  { name: 'a tiny learning rate', query: '?lr=1e-9&steps=10' },
  {
    name: 'learning rate 100: cross-entropy stops before its first step',
    query: '?w=-6&b=0&lr=100&steps=20',
  },
  {
    name: 'momentum 0.999 and learning rate 100: both stop',
    query: '?w=-6&b=0&lr=100&momentum=0.999&steps=60',
  },
  {
    name: 'arrow keys past the corner of the limits: the start stops at w = 50, b = −50',
    query: '?w=49.5&b=-49.5&view=30,50,-50,-30&steps=20',
    act: keys('#ls-map-ce', [
      'ArrowRight',
      'ArrowRight',
      'Shift+ArrowRight',
      'ArrowDown',
      'ArrowDown',
    ]),
  },
  {
    name: 'the last point: Delete is refused and the point kept',
    query: '?x=2.5&y=0&w=1&b=0&steps=3',
    act: keys('#ls-strip circle', ['Delete'], /needs at least 1 point\b/),
  },
  {
    name: 'the most points a link carries: Insert is refused',
    query: `?x=${MOST_X.join(',')}&y=${MOST_Y.join(',')}&w=1&b=0.5&steps=30`,
    act: keys('#ls-strip circle', ['Insert'], /at most 40 points, as many as a link can carry/),
  },
  scene('wrong-start'),
  scene('good-start'),
  scene('mislabeled'),
  scene('momentum'),
];

const READOUTS = ['steps', 'start', 'loss', 'grad'];
const WHY = ['ce-min', 'w', 'b', 'ce-grad', 'mse-grad'];

export async function read(page) {
  const text = (selector) => page.textContent(selector);
  const numbers = {};
  for (const loss of ['ce', 'mse']) {
    for (const row of READOUTS) numbers[`${loss}-${row}`] = await text(`#ls-${loss}-${row}`);
    const [w, b] = (await text(`#ls-${loss}-wb`)).split(', ');
    Object.assign(numbers, { [`${loss}-w`]: w, [`${loss}-b`]: b });
  }
  for (const id of WHY) numbers[`why-${id}`] = await text(`#ls-why-${id}`);
  numbers['why-concave'] = (await text('#ls-why-concave')).replace(/ %$/, '');
  numbers.step = (await text('#ls-steps-out')).replace(/^Step /, '');
  const sentences = {
    verdict: await text('#ls-verdict'),
    'why-ratio': await text('#ls-why-ratio'),
    'why-ce-bottom': await text('#ls-why-ce-bottom'),
  };
  for (const loss of ['ce', 'mse']) {
    sentences[`${loss}-note`] = await text(`#ls-map-${loss}-note`);
    sentences[`${loss}-label`] = await page.getAttribute(`#ls-map-${loss}`, 'aria-label');
  }
  return { numbers, sentences };
}

// ---- expectations ----------------------------------------------------------------------

// A gradient left at the rounding of its terms (the descent has reached a flat point): below
// this share of its start it is noise, checked only to be that small.
const NOISE = 1e-12;
const VANISHED = 1e-3; // below a thousandth of its start: "all but vanished"
const SAME = 1.1; // within 10 %: "about as long as"
const NAME = { ce: 'cross-entropy', mse: 'squared error' };
const ADJECTIVE = { ce: 'cross-entropy', mse: 'squared-error' };

const stepsWord = (n) => (n === 1 ? '1 step' : `${n} steps`);

/** A gradient length as a read-out: the number, or at rounding level a check of its size. */
const gradientShown = (value, start) =>
  value < NOISE * start
    ? (text, label) => assert.ok(Math.abs(shownNumber(text)) < NOISE * start, `${label}: ${text}`)
    : value;

/** A gradient length in a sentence. */
const gradientIn = (value, start) => (value < NOISE * start ? below(NOISE * start) : value);

/** "612 times shorter than X" and its edges, for a ≥ 0 against b ≥ 0 (parts of a sentence). */
function comparison(a, b, other) {
  if (a === b) return [a === 0 ? `0, as is ${other}` : `exactly as long as ${other}`];
  if (a === 0 || b === 0) return words`${a}, where ${other} is ${b}`;
  const times = (ratio) => (Number.isFinite(ratio) ? ratio : /more than 1\.798 × 10³⁰⁸/);
  if (a / b > SAME) return words`${times(a / b)} times longer than ${other}`;
  if (b / a > SAME) return words`${times(b / a)} times shorter than ${other}`;
  return [`about as long as ${other}`];
}

/** One run's clause after some steps. */
function runWords(loss, at) {
  const progress =
    at.startLoss === 0
      ? ['has stayed at 0 (too small for a double)']
      : words`has gone from ${at.startLoss} to ${at.loss} (${(100 * at.loss) / at.startLoss} % of where it began)`;
  if (!at.stopped) return [`${NAME[loss]} `, progress];
  if (at.index === 0) return words`${NAME[loss]} has not moved: its loss is still ${at.loss}`;
  return [words`${NAME[loss]} stopped at step ${at.index} and `, progress];
}

/** The gradients' sentence after some steps. */
function gradientWords(runs) {
  const { ce, mse } = runs;
  const gone = (at) => at.gradNorm < VANISHED * at.startGradNorm;
  if (gone(ce) && gone(mse)) {
    return words`Both gradients have all but vanished, each below a thousandth of its length at the start: cross-entropy's is ${gradientIn(ce.gradNorm, ce.startGradNorm)}, squared error's ${gradientIn(mse.gradNorm, mse.startGradNorm)}.`;
  }
  if (gone(ce) || gone(mse)) {
    const [loss, other] = gone(ce) ? ['ce', 'mse'] : ['mse', 'ce'];
    const at = runs[loss];
    return words`The ${ADJECTIVE[loss]} gradient has all but vanished: ${gradientIn(at.gradNorm, at.startGradNorm)}, below a thousandth of the ${at.startGradNorm} it started at. The ${ADJECTIVE[other]} one is ${runs[other].gradNorm}; it started at ${runs[other].startGradNorm}.`;
  }
  return [
    'The squared-error gradient is now ',
    comparison(mse.gradNorm, ce.gradNorm, 'the cross-entropy one'),
    '.',
  ];
}

/** The verdict, from the reference's runs. */
function verdictWords(state, runs) {
  const { ce, mse } = runs;
  if (state.steps === 0) {
    return [
      words`Both descents start at w = ${state.w}, b = ${state.b}: cross-entropy ${ce.loss}, squared error ${mse.loss}. The squared-error gradient there is `,
      comparison(mse.gradNorm, ce.gradNorm, 'the cross-entropy one'),
      '. Press Play or Step.',
    ];
  }
  const stops = ['ce', 'mse']
    .filter((loss) => runs[loss].stopped)
    .map((loss) => {
      const { index } = runs[loss];
      const when =
        index === 0
          ? 'before its first step: that step'
          : `after ${stepsWord(index)}: its next step`;
      return ` The ${ADJECTIVE[loss]} descent stopped ${when} would take w or b outside [−${LIMIT}, ${LIMIT}], the range the lab allows.`;
    });
  return [
    `After ${stepsWord(state.steps)}, `,
    runWords('ce', ce),
    '; ',
    runWords('mse', mse),
    '. ',
    gradientWords(runs),
    stops,
  ];
}

function ceBottom(data) {
  return {
    'one-label':
      data.y[0] === 1
        ? 'Every point has label 1, so it has no bottom: the loss only approaches 0 as b grows without end.'
        : 'Every point has label 0, so it has no bottom: the loss only approaches 0 as b falls without end.',
    'one-x':
      'Every point sits at the same x, so the loss depends on w·x + b alone: its lowest value lies all along a line of (w, b), not at one point.',
    separable:
      'These classes are separable, so it has no bottom: the loss only approaches 0 as |w| grows without end, the S-curve ever steeper and every point ever surer.',
    touching:
      'One threshold separates these classes but for the points right on it, so it has no bottom: the loss keeps falling as |w| grows without end.',
    overlapping:
      'These classes overlap, so it also has a bottom: one lowest point, at a finite w and b.',
  }[dataShape(data)];
}

/** Each map's note and label, and the hatched share. */
function mapSentences(state, runs) {
  const out = {};
  const share = concaveShare(state, state.view);
  for (const loss of ['ce', 'mse']) {
    const { low, high } = mapRange(state, loss, state.view);
    // Nine contour lines between the lowest and the highest at equal ratios of the loss
    // (the lowest as the smallest double when it is 0): ten equal steps of its logarithm.
    const ratio = Math.exp((Math.log(high) - Math.log(Math.max(low, Number.MIN_VALUE))) / 10);
    const note = [
      words`Mean ${NAME[loss]} from ${low} (lightest) to ${high} (darkest); neighboring lines differ ${ratio}-fold.`,
    ];
    if (loss === 'mse') {
      note.push(
        share > 0
          ? words` Hatched: where it curves downward in some direction (not convex), ${100 * share} % of the window.`
          : ' Nowhere in this window does it curve downward.',
      );
    }
    const at = runs[loss];
    out[`${loss}-note`] = sentence(note);
    out[`${loss}-label`] = sentence(
      note,
      words` Start at w = ${state.w}, b = ${state.b}; after ${stepsWord(at.index)} the descent is at w = ${at.w}, b = ${at.b}, loss ${at.loss}.`,
    );
  }
  return { sentences: out, share };
}

export function expected(state) {
  const setting = { w: state.w, b: state.b, lr: state.lr, momentum: state.momentum };
  const runs = {
    ce: descend(state, 'ce', setting, state.steps),
    mse: descend(state, 'mse', setting, state.steps),
  };
  const want = {};
  for (const loss of ['ce', 'mse']) {
    const at = runs[loss];
    Object.assign(want, {
      [`${loss}-steps`]: at.stopped ? `${at.index} (stopped)` : at.index,
      [`${loss}-start`]: at.startLoss,
      [`${loss}-loss`]: at.loss,
      [`${loss}-grad`]: gradientShown(at.gradNorm, at.startGradNorm),
      [`${loss}-w`]: at.w,
      [`${loss}-b`]: at.b,
    });
  }
  const maps = mapSentences(state, runs);
  return {
    ...want,
    step: state.steps,
    'why-ce-min': smallestCeCurvature(state, state.view),
    'why-concave': 100 * maps.share,
    'why-w': state.w,
    'why-b': state.b,
    'why-ce-grad': runs.ce.startGradNorm,
    'why-mse-grad': runs.mse.startGradNorm,
    'why-ratio': sentence(
      comparison(runs.mse.startGradNorm, runs.ce.startGradNorm, 'a cross-entropy step'),
    ),
    'why-ce-bottom': ceBottom(state),
    verdict: sentence(verdictWords(state, runs)),
    ...maps.sentences,
  };
}
