// What the deep network lab's story must show at a step's state, from the plain-JS network and
// race of atlas/depth_reference.mjs and the closed forms of reference.mjs (not the page's core):
// the start's probabilities, each run's layer gradient lengths at the start, and the short
// race the story quotes when the state asks for SHORT_RACE epochs or fewer.
import { binaryPoint, sigmoid } from '../reference.mjs';
import { settingsOf } from '../atlas/depth.mjs';
import { evaluate, layerNorms, referenceRace } from '../atlas/depth_reference.mjs';

const SHORT_RACE = 10;

function runNumbers(name, norms) {
  const factors = norms.slice(1).map((value, k) => value / norms[k]);
  return {
    [`${name}Out`]: norms.at(-1),
    [`${name}First`]: norms[0],
    [`${name}Drop`]: norms.at(-1) / norms[0],
    [`${name}StepMin`]: Math.min(...factors),
    [`${name}StepMax`]: Math.max(...factors),
    [`${name}Spread`]: Math.max(...norms) / Math.min(...norms),
  };
}

function shortRace(race, epochs) {
  const numbers = { trained: epochs };
  for (const name of ['ce', 'mse']) {
    const { history } = race[name];
    Object.assign(numbers, {
      [`${name}LossStart`]: history[0].loss,
      [`${name}LossEnd`]: history.at(-1).loss,
      [`${name}LossShare`]: history.at(-1).loss / history[0].loss,
      [`${name}AccuracyEnd`]: 100 * history.at(-1).trainAccuracy,
    });
  }
  return numbers;
}

export function expected(state) {
  const short = state.epochs <= SHORT_RACE;
  const race = referenceRace(settingsOf(state), short ? state.epochs : 0);
  const { train } = race.split;
  const p = evaluate(race.start, train, 'ce').logits.map(([z]) => sigmoid(z));
  const norms = {
    ce: layerNorms(race.start, train, 'ce'),
    mse: layerNorms(race.start, train, 'mse'),
  };
  const numbers = {
    depth: state.depth,
    width: state.width,
    outputLayer: state.depth + 1,
    trainRows: train.y.length,
    ones: train.y.filter((label) => label === 1).length,
    pStart: p.reduce((sum, v) => sum + v, 0) / p.length,
    coinFlip: binaryPoint(0, 1).ce,
    ...runNumbers('ce', norms.ce),
    ...runNumbers('mse', norms.mse),
    outRatio: norms.ce.at(-1) / norms.mse.at(-1),
    firstRatio: norms.ce[0] / norms.mse[0],
  };
  return short ? { ...numbers, ...shortRace(race, state.epochs) } : numbers;
}
