// The training race's predict-then-check questions (see web/shared/questions.js). Each answer
// trains the race it asks about in the core (a few milliseconds for these small ones) and reads
// the epoch each run first reached 90 % training accuracy.
import { formatNumber } from '../../shared/number_format.js';
import { dataFor, settingsFor } from './race_data.js';
import { table } from './state.js';
import { MILESTONES, firstEpochAt, percent } from './verdict.js';

const LEVEL = MILESTONES[0];
const EPOCHS = 200;
const WRONG_START = { data: 'blobs', hidden: 0, init: 'wrong', z: -8, lr: 0.5 };

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

const reached = (epoch) => (epoch === null ? `not within ${EPOCHS} epochs` : `at epoch ${epoch}`);
const orNever = (epoch) => epoch ?? Infinity;

export const QUESTIONS = Object.freeze([
  {
    id: 'wrong-start',
    prompt: `Both runs start from the same confidently wrong model (blobs, no hidden layer, every point scored z = −8 on the wrong side). Which run reaches ${percent(LEVEL)} training accuracy first?`,
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
          `Cross-entropy gets there ${reached(ce)}, MSE ${reached(mse)}. The race is set up; ` +
          `press Play to watch MSE sit on its plateau.`,
      };
    },
  },
  {
    id: 'fair-start',
    prompt:
      'Same data, but now both runs start from small random weights, neither right nor wrong. How far apart are the two runs?',
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
          `Cross-entropy reaches ${percent(LEVEL)} ${reached(ce)}, MSE ${reached(mse)}. ` +
          `Without a confident mistake to climb out of, MSE's gradient is not crushed by ` +
          `σ′(z), and the gap all but closes.`,
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
          `MSE reaches ${percent(LEVEL)} ${reached(fast)} at learning rate ` +
          `${formatNumber(WRONG_START.lr * 10)}, against ${reached(slow)} at ` +
          `${formatNumber(WRONG_START.lr)}. A larger step can make up for a tiny gradient on ` +
          `an easy problem; cross-entropy did not need it.`,
      };
    },
  },
]);
