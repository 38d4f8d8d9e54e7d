// The numbers the deep network lab's story quotes (web/shared/story.js), at a step's state, all
// from a race the core builds with the lab's settings: the network's shape; where the start
// puts the training points (their mean class-1 probability, how many are labeled 1); each
// run's gradient length at layer 1 and at the output layer, the ratios between them, the
// smallest and largest factor by which the gradient shrinks from one layer to the next, and
// the spread between the largest and the smallest layer; the cross-entropy of a 50/50 guess;
// and, for a state that asks for a short race (SHORT_RACE epochs or fewer), each run's
// training loss and accuracy at its end, trained here as Play would train it.
import { raceSettingsFor } from './state.js';

/** A race of at most this many epochs is trained here (about 15 ms for six sigmoid layers). */
const SHORT_RACE = 10;

const last = (values) => values[values.length - 1];

/** Each factor by which the gradient shrinks from one layer to the one below it. */
const shrinkFactors = (norms) => norms.slice(1).map((value, k) => value / norms[k]);

/** The story's numbers for each run ('ce' or 'mse') from its layer norms. */
function runNumbers(name, values) {
  const norms = Array.from(values);
  const factors = shrinkFactors(norms);
  return {
    [`${name}Out`]: last(norms),
    [`${name}First`]: norms[0],
    [`${name}Drop`]: last(norms) / norms[0],
    [`${name}StepMin`]: Math.min(...factors),
    [`${name}StepMax`]: Math.max(...factors),
    [`${name}Spread`]: Math.max(...norms) / Math.min(...norms),
  };
}

/** Each run's loss and training accuracy (in %) after a short race. */
function shortRace(race, epochs) {
  race.step(epochs);
  const history = race.history();
  const numbers = { trained: history.epoch };
  for (const name of ['ce', 'mse']) {
    const run = history[name];
    Object.assign(numbers, {
      [`${name}LossStart`]: run.loss[0],
      [`${name}LossEnd`]: last(run.loss),
      [`${name}LossShare`]: last(run.loss) / run.loss[0],
      [`${name}AccuracyEnd`]: 100 * last(run.trainAccuracy),
    });
  }
  return numbers;
}

/** @param {object} core  @param {object} state  the lab's state (state.js) */
export function storyNumbers(core, state) {
  const race = core.createRace(raceSettingsFor(state));
  try {
    const info = race.info();
    const { y } = race.points().train;
    const start = Array.from(race.startProbabilities());
    const norms = race.layerGradientNorms();
    const numbers = {
      depth: info.depth,
      width: state.width,
      outputLayer: info.depth + 1,
      trainRows: info.trainRows,
      ones: y.filter((label) => label === 1).length,
      pStart: start.reduce((sum, p) => sum + p, 0) / start.length,
      coinFlip: core.binaryPoint(0, 1).ce,
      ...runNumbers('ce', norms.ce),
      ...runNumbers('mse', norms.mse),
      outRatio: last(norms.ce) / last(norms.mse),
      firstRatio: norms.ce[0] / norms.mse[0],
    };
    return state.epochs <= SHORT_RACE ? { ...numbers, ...shortRace(race, state.epochs) } : numbers;
  } finally {
    race.dispose();
  }
}
