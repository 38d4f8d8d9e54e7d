// The training race's predict-then-check questions (see web/shared/questions.js). Each answer
// trains the race it asks about in the core (a few milliseconds for these small ones) and reads
// the epoch each run first reached 90 % training accuracy; the starts are described from the
// core's own start (each training point's probability, read from the race before it trains).
import { formatNumber } from '../../shared/number_format.js';
import { dataFor, settingsFor } from './race_data.js';
import { table } from './state.js';
import { MILESTONES, RUN_NAMES, firstEpochAt, percent } from './verdict.js';
import { randomStartWords, twoRates, twoRuns, wrongStartWords } from './question_text.js';

const LEVEL = MILESTONES[0];
const EPOCHS = 200;
const WRONG_START = { data: 'blobs', hidden: 0, init: 'wrong', lr: 0.5 };

/** min, max and mean of some numbers. */
function summary(values) {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return { min: Math.min(...values), max: Math.max(...values), mean };
}

/**
 * The start of the race of `patch`, before any training: each training point's logit (from
 * its class-1 probability, the race's grid at that one point), by class, how many points are
 * on the wrong side and the smallest σ′ = p(1 − p) over them.
 */
function startOf(core, patch) {
  const state = { ...table.defaults, ...patch };
  const race = core.createRace(settingsFor(state, dataFor(state)));
  try {
    const { x, y } = race.points().train;
    const logits = { ones: [], zeros: [], all: [] };
    let wrong = 0;
    let minSlope = Infinity;
    for (let i = 0; i < y.length; i += 1) {
      const [px, py] = [x[2 * i], x[2 * i + 1]];
      const p = race.grid('ce', px, px, py, py, 2, 2)[0];
      const z = core.logit(p);
      logits[y[i] === 1 ? 'ones' : 'zeros'].push(z);
      logits.all.push(z);
      if (p >= 0.5 !== (y[i] === 1)) wrong += 1;
      minSlope = Math.min(minSlope, p * (1 - p));
    }
    return {
      ones: summary(logits.ones),
      zeros: summary(logits.zeros),
      all: summary(logits.all),
      wrong,
      rows: y.length,
      minSlope,
    };
  } finally {
    race.dispose();
  }
}

/** "Cross-entropy reaches 90 % at epoch 3; MSE gets there at epoch 40." */
const bothRuns = ({ ce, mse }) =>
  twoRuns(
    { name: RUN_NAMES.ce, epoch: ce },
    { name: RUN_NAMES.mse, epoch: mse },
    percent(LEVEL),
    EPOCHS,
  );

/** Trains the race of `patch` (over the defaults) for EPOCHS; the first epoch at LEVEL per run. */
function epochsToLevel(core, patch) {
  const state = { ...table.defaults, ...patch };
  const race = core.createRace(settingsFor(state, dataFor(state)));
  try {
    race.step(EPOCHS);
    const history = race.history();
    return {
      ce: firstEpochAt(history.ce.trainAccuracy, LEVEL),
      mse: firstEpochAt(history.mse.trainAccuracy, LEVEL),
    };
  } finally {
    race.dispose();
  }
}

const orNever = (epoch) => epoch ?? Infinity;

export const QUESTIONS = Object.freeze([
  {
    id: 'wrong-start',
    prompt: `Both runs start from the same confidently wrong model (blobs, no hidden layer, each class's average point set deep on the wrong side). Which run reaches ${percent(LEVEL)} training accuracy first?`,
    choices: [
      { id: 'ce', text: 'Cross-entropy, by a wide margin' },
      { id: 'tie', text: 'Both at about the same epoch' },
      { id: 'mse', text: 'MSE' },
    ],
    state: WRONG_START,
    shows: 'race-loss-chart',
    answer(core) {
      const { ce, mse } = epochsToLevel(core, WRONG_START);
      const gap = orNever(mse) - orNever(ce);
      return {
        choice: gap > 5 ? 'ce' : gap < -5 ? 'mse' : 'tie',
        why:
          `${wrongStartWords(startOf(core, WRONG_START))} ${bothRuns({ ce, mse })} The race ` +
          'is set up; press Play to watch MSE sit on its plateau.',
      };
    },
  },
  {
    id: 'fair-start',
    prompt:
      'Same data, but now both runs start from small random weights: unsure rather than confidently wrong, though not neutral either. How far apart are the two runs?',
    choices: [
      { id: 'close', text: 'Within a few epochs of each other' },
      { id: 'ce', text: 'Cross-entropy far ahead again' },
      { id: 'mse', text: 'MSE far ahead' },
    ],
    state: { ...WRONG_START, init: 'standard' },
    shows: 'race-loss-chart',
    answer(core) {
      const { ce, mse } = epochsToLevel(core, { ...WRONG_START, init: 'standard' });
      const gap = orNever(mse) - orNever(ce);
      return {
        choice: gap > 5 ? 'ce' : gap < -5 ? 'mse' : 'close',
        why:
          `${randomStartWords(startOf(core, { ...WRONG_START, init: 'standard' }))} ` +
          `${bothRuns({ ce, mse })} Without a confident mistake to climb out of, MSE's ` +
          'gradient is not crushed by σ′(z), and the gap all but closes.',
      };
    },
  },
  {
    id: 'larger-step',
    prompt: `From the confidently wrong start, what happens to the MSE run if the learning rate is 10 times larger (${formatNumber(WRONG_START.lr * 10)} instead of ${formatNumber(WRONG_START.lr)})?`,
    choices: [
      { id: 'faster', text: 'It gets unstuck much sooner' },
      { id: 'same', text: 'Hardly any difference' },
      { id: 'never', text: 'It never gets there' },
    ],
    state: { ...WRONG_START, lr: WRONG_START.lr * 10 },
    shows: 'race-loss-chart',
    answer(core) {
      const slow = epochsToLevel(core, WRONG_START).mse;
      const fast = epochsToLevel(core, { ...WRONG_START, lr: WRONG_START.lr * 10 }).mse;
      const choice =
        fast === null ? 'never' : orNever(slow) - fast > Math.max(3, fast) ? 'faster' : 'same';
      return {
        choice,
        why:
          `${twoRates(
            RUN_NAMES.mse,
            { lr: WRONG_START.lr * 10, epoch: fast },
            { lr: WRONG_START.lr, epoch: slow },
            percent(LEVEL),
            EPOCHS,
          )} A larger step can make up for a tiny gradient on an easy problem; cross-entropy ` +
          'did not need it.',
      };
    },
  },
]);
