// What the training race's story must show at a step's state, from the plain-JS race of
// atlas/depth_reference.mjs (the same seeded data, split, starts and minibatch SGD) and the
// closed forms of reference.mjs, not the page's core: the start (with how many points it gives
// less than SURE for their own class), the push of each loss at the average class-1 point, and
// the first SHORT_RACE epochs of the race.
import { binaryPoint, sigmoid } from '../reference.mjs';
import { settingsOf } from '../atlas/race.mjs';
import { evaluate, referenceRace } from '../atlas/depth_reference.mjs';

const SHORT_RACE = 50;
const LEVELS = [0.9, 1]; // the milestones the race marks: 90 % and 100 % training accuracy
const SURE = 0.01; // a point given less than this for its own class is a sure mistake

const mean = (values) => values.reduce((sum, v) => sum + v, 0) / values.length;
/** σ(z)·σ(−z), the sigmoid's slope, without cancellation. */
const slope = (z) => sigmoid(z) * sigmoid(-z);

function startNumbers(race) {
  const { y } = race.split.train;
  const z = evaluate(race.start, race.split.train, 'ce').logits.map(([v]) => v);
  // The probability of the true class: σ(z) for a point labeled 1, σ(−z) for one labeled 0.
  const right = z.map((v, i) => sigmoid(y[i] === 1 ? v : -v));
  const numbers = {
    wrongStart: z.filter((v, i) => v >= 0 !== (y[i] === 1)).length,
    sureWrongStart: right.filter((p) => p < SURE).length,
    sureLevel: 100 * SURE,
  };
  // The page quotes logits only when no probability rounds to 0 or 1.
  if (!z.map(sigmoid).every((p) => p > 0 && p < 1)) return numbers;
  const ones = z.filter((_, i) => y[i] === 1);
  const zOnesMean = mean(ones);
  const push = binaryPoint(zOnesMean, 1);
  return {
    ...numbers,
    zOnesMean,
    zZerosMean: mean(z.filter((_, i) => y[i] === 0)),
    zOnesMax: Math.max(...ones),
    zMin: Math.min(...z),
    zMax: Math.max(...z),
    minSlope: Math.min(...z.map(slope)),
    pOnes: push.p,
    dce: Math.abs(push.dceDz),
    dmse: Math.abs(push.dmseDz),
    pushRatio: Math.abs(push.dceDz / push.dmseDz),
  };
}

function raceNumbers(race, trained) {
  const numbers = { trained, level: 100 * LEVELS[0] };
  for (const name of ['ce', 'mse']) {
    const accuracy = race[name].history.map((row) => row.trainAccuracy);
    const [at90, at100] = LEVELS.map((level) => accuracy.findIndex((v) => v >= level));
    if (at90 >= 0) numbers[`${name}90`] = at90;
    if (at100 >= 0) numbers[`${name}100`] = at100;
    numbers[`${name}AccuracyEnd`] = 100 * accuracy.at(-1);
  }
  if (numbers.ce90 !== undefined) {
    for (const name of ['ce', 'mse']) {
      const { history } = race[name];
      numbers[`${name}ShareAtCe90`] = (100 * history[numbers.ce90].loss) / history[0].loss;
    }
    if (numbers.mse90 !== undefined) numbers.gap90 = numbers.mse90 - numbers.ce90;
  }
  return numbers;
}

/** How many points the MSE run gets wrong, and the most it gives the true class of any. */
function mseMistakes(race) {
  const { y } = race.split.train;
  const z = evaluate(race.mse.net, race.split.train, 'mse').logits.map(([v]) => v);
  // The probability of the true class: σ(z) for a point labeled 1, σ(−z) for one labeled 0.
  const right = z.map((v, i) => sigmoid(y[i] === 1 ? v : -v));
  const wrong = right.filter((p) => p < 0.5);
  return wrong.length > 0
    ? { mseWrongEnd: wrong.length, mseWrongBestP: Math.max(...wrong) }
    : { mseWrongEnd: 0 };
}

export function expected(state) {
  const trained = Math.min(state.epochs, SHORT_RACE);
  const race = referenceRace(settingsOf(state), trained);
  return {
    trainRows: race.split.train.y.length,
    lr: state.lr,
    hidden: state.hidden,
    startAccuracy: 100 * race.ce.history[0].trainAccuracy,
    ...startNumbers(race),
    ...raceNumbers(race, trained),
    ...mseMistakes(race),
  };
}
