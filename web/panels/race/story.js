// The numbers the training race's story quotes (web/shared/story.js), at a step's state, from a
// race the core builds with the lab's settings: the training points and the learning rate;
// where the start puts the points (each class's mean logit, the class-1 point nearest the
// boundary, the range of the logits, how many points are on the wrong side and how many it gives
// less than SURE for their own class, the smallest sigmoid slope p(1 − p), the training
// accuracy); the push each loss gives the average class-1 point; and a short race, the first
// SHORT_RACE epochs of what Play trains (a few milliseconds for these small models): the first
// epoch each run reached 90 % and 100 % training accuracy, each loss as a share of its start
// when cross-entropy reached 90 %, and where each run stands at the end, with how many points
// the MSE run still gets wrong and how sure it is of them.
import { dataFor, settingsFor } from './race_data.js';
import { MILESTONES, firstEpochAt } from './verdict.js';

/** The story trains this many epochs of a race at most. */
const SHORT_RACE = 50;

/** A point the start gives less than this for its own class is a sure mistake. */
const SURE = 0.01;

const mean = (values) => values.reduce((sum, v) => sum + v, 0) / values.length;
const last = (values) => values[values.length - 1];

/** Each training point's class-1 probability now, in the run of `loss` (two features). */
function probabilities(race, loss) {
  const { x } = race.points().train;
  return Array.from({ length: x.length / 2 }, (_, i) => {
    const [px, py] = [x[2 * i], x[2 * i + 1]];
    return race.grid(loss, px, px, py, py, 2, 2)[0];
  });
}

/** Where the start puts the training points; their logits only where every probability is
 *  strictly between 0 and 1 (a start sure enough to round one to 0 or 1 has none to quote). */
function startNumbers(core, race, y) {
  const p = Array.from(race.startProbabilities());
  const right = p.map((v, i) => (y[i] === 1 ? v : 1 - v));
  const numbers = {
    wrongStart: p.filter((v, i) => v >= 0.5 !== (y[i] === 1)).length,
    sureWrongStart: right.filter((v) => v < SURE).length,
    sureLevel: 100 * SURE,
  };
  if (!p.every((v) => v > 0 && v < 1)) return numbers;
  const z = p.map((v) => core.logit(v));
  const ones = z.filter((_, i) => y[i] === 1);
  const zOnesMean = mean(ones);
  const push = core.binaryPoint(zOnesMean, 1);
  return {
    ...numbers,
    zOnesMean,
    zZerosMean: mean(z.filter((_, i) => y[i] === 0)),
    zOnesMax: Math.max(...ones),
    zMin: Math.min(...z),
    zMax: Math.max(...z),
    minSlope: Math.min(...p.map((v) => v * (1 - v))),
    pOnes: push.p,
    dce: Math.abs(push.dceDz),
    dmse: Math.abs(push.dmseDz),
    pushRatio: push.ratio,
  };
}

/** The MSE run's mistakes now: how many, and the largest probability it gives the true class
 *  of any of them (how unconfident its least confident mistake is). */
function mseMistakes(race, y) {
  const right = probabilities(race, 'mse').map((p, i) => (y[i] === 1 ? p : 1 - p));
  const wrong = right.filter((p) => p < 0.5);
  return wrong.length > 0
    ? { mseWrongEnd: wrong.length, mseWrongBestP: Math.max(...wrong) }
    : { mseWrongEnd: 0 };
}

/** The short race: milestones, loss shares and where each run ends. */
function raceNumbers(race) {
  const history = race.history();
  const numbers = { trained: history.epoch, level: 100 * MILESTONES[0] };
  for (const name of ['ce', 'mse']) {
    const run = history[name];
    const [at90, at100] = MILESTONES.map((level) => firstEpochAt(run.trainAccuracy, level));
    // An epoch only for a run that got there: a story that quoted one that did not would fail.
    if (at90 !== null) numbers[`${name}90`] = at90;
    if (at100 !== null) numbers[`${name}100`] = at100;
    numbers[`${name}AccuracyEnd`] = 100 * last(run.trainAccuracy);
  }
  if (numbers.ce90 !== undefined) {
    for (const name of ['ce', 'mse']) {
      const { loss } = history[name];
      numbers[`${name}ShareAtCe90`] = (100 * loss[numbers.ce90]) / loss[0];
    }
    if (numbers.mse90 !== undefined) numbers.gap90 = numbers.mse90 - numbers.ce90;
  }
  return numbers;
}

/** @param {object} core  @param {object} state  the race's state (state.js) */
export async function storyNumbers(core, state) {
  const race = core.createRace(settingsFor(state, await dataFor(state)));
  try {
    const info = race.info();
    const { y } = race.points().train;
    const numbers = {
      trainRows: info.trainRows,
      lr: state.lr,
      hidden: state.hidden,
      startAccuracy: 100 * race.history().ce.trainAccuracy[0],
      ...startNumbers(core, race, y),
    };
    race.step(Math.min(state.epochs, SHORT_RACE));
    return { ...numbers, ...raceNumbers(race), ...mseMistakes(race, y) };
  } finally {
    race.dispose();
  }
}
