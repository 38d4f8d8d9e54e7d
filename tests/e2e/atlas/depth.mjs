// The deep network lab's edge states: the table of layer-gradient lengths, the verdict and the
// start's hint against a plain-JS forward and backward pass of the same network
// (depth_reference.mjs: the core's seeding and initialisations, written from their
// description), trained through the page's own Step button where a state needs epochs. The
// verdict's comparisons are read back as ratios and checked against the reference's; the
// hint's range of p and its count of points on the wrong side against the reference's start.
import assert from 'node:assert/strict';
import { assertShows, sigmoid } from '../reference.mjs';
import { evaluate, layerNorms, referenceRace } from './depth_reference.mjs';

const WRONG_LOGIT = -8; // the lab's wrong start: the output's bias (the race's 'bias' preset)

let trained = 0; // epochs the current state's act stepped (the atlas opens states in turn)

/** A state opened by its URL, then `steps` clicks on Step one epoch; `more` drives the rest. */
const at = (name, query, steps = 0, more = async () => {}) => ({
  name,
  query,
  async act(page) {
    await more(page);
    trained = steps;
    for (let k = 0; k < steps; k += 1) {
      await page.click('#depth-step');
      await page.waitForFunction((n) => window.lossplay.history().epoch === n, k + 1);
    }
  },
});

/** What each scene sets that tells it apart (web/panels/depth/scenes.js, read as a reader
 *  would from its button's label). */
const SCENE_SHAPE = {
  'sigmoid-deep': { depth: 6, activation: 'sigmoid' },
  'sigmoid-shallow': { depth: 1, activation: 'sigmoid' },
  'relu-he': { depth: 6, activation: 'relu' },
};

/** A scene's Show me button, pressed after the state opened; waits for its network. */
const scene = (id) => async (page) => {
  await page.click(`.show-me[data-scene="${id}"]`);
  await page.waitForFunction(({ depth, activation }) => {
    const state = window.lossplay.getState();
    const name = document.getElementById('depth-output-name').textContent;
    return (
      state.depth === depth && state.activation === activation && name === `${depth + 1} (output)`
    );
  }, SCENE_SHAPE[id]);
};

export const states = [
  at('the default: six sigmoid layers, wrong start', ''),
  at('one hidden layer', '?depth=1'),
  at('the most layers, sigmoid', '?depth=10'),
  at('the fewest units per layer', '?width=4'),
  at('the most units per layer', '?width=64&depth=3'),
  at('tanh', '?activation=tanh'),
  at('ReLU, He weights, random start', '?activation=relu&weights=he&start=standard'),
  at('normal weights, the default scale', '?weights=normal'),
  at('normal weights, a tiny scale: layer 1 underflows to 0', '?weights=normal&scale=1e-40'),
  at('normal weights, the largest scale', '?weights=normal&scale=10'),
  at('He weights with sigmoid units', '?weights=he'),
  at('the random start', '?start=standard'),
  at('XOR', '?data=xor'),
  at('circles', '?data=circles'),
  at('spiral', '?data=spiral&start=standard&activation=tanh'),
  at(
    'ReLU with tiny normal weights on circles: ratios near 1',
    '?depth=4&width=8&activation=relu&weights=normal&scale=0.1&start=wrong&data=circles',
  ),
  at(
    'ten sigmoid layers of tiny weights: both layer-1 gradients 0',
    '?depth=10&width=4&weights=normal&scale=1e-35',
  ),
  at('the fewest points, no noise, seed 0', '?size=20&noise=0&seed=0'),
  at('three epochs stepped', '', 3),
  at('one epoch at a tiny learning rate', '?lr=1e-6', 1),
  at('one epoch at batch size 1, ReLU', '?activation=relu&weights=he&batch=1&depth=2', 1),
  at('two epochs, one sigmoid layer', '?depth=1&lr=5', 2),
  at('scene: six sigmoid layers', '?depth=2&activation=tanh', 0, scene('sigmoid-deep')),
  at('scene: one sigmoid layer', '?activation=relu', 0, scene('sigmoid-shallow')),
  at('scene: ReLU and He', '', 0, scene('relu-he')),
];

const CELLS = ['out-start', 'first-start', 'out-now', 'first-now'];

export async function read(page) {
  const numbers = {};
  for (const loss of ['ce', 'mse']) {
    for (const cell of CELLS) {
      numbers[`${loss} ${cell}`] = await page.textContent(`#depth-${loss}-${cell}`);
    }
  }
  return {
    numbers,
    sentences: {
      epoch: await page.textContent('#depth-epoch'),
      'output layer name': await page.textContent('#depth-output-name'),
      verdict: await page.textContent('#depth-verdict'),
      'start hint': await page.textContent('#depth-start-hint'),
    },
  };
}

/** The core's race settings for a state of the lab, as its description gives them. */
const settingsOf = (state) => ({
  data: { kind: state.data, size: state.size, noise: state.noise },
  hidden: state.width,
  depth: state.depth,
  activation: state.activation,
  weights: state.weights,
  weightScale: state.scale,
  learningRate: state.lr,
  batchSize: state.batch,
  seed: state.seed,
  init: state.start === 'wrong' ? 'bias' : 'standard',
  initLogit: WRONG_LOGIT,
});

const NUMBER = String.raw`[−\d.]+(?: × 10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)?`;

/**
 * Checks one comparison phrase ("612 times smaller than X", "about as large as X", "0, where
 * X is 3", …) against a and b, the numbers it compares, by what each wording means.
 */
function checkComparison(phrase, a, b, other, label) {
  const rest = phrase.trim();
  const times = rest.match(new RegExp(`^(${NUMBER}) times (larger|smaller) than ${other}$`));
  if (times) {
    assert.equal(times[2], a > b ? 'larger' : 'smaller', `${label}: direction`);
    assertShows(times[1], a > b ? a / b : b / a, `${label}: ratio`);
    assert.ok(Math.max(a / b, b / a) > 1.1 * (1 - 6e-4), `${label}: far enough apart to say so`);
    return;
  }
  if (rest === `about as large as ${other}`) {
    assert.ok(
      a > 0 && b > 0 && Math.max(a / b, b / a) <= 1.1 * (1 + 1e-9),
      `${label}: ${a} ~ ${b}`,
    );
    return;
  }
  if (rest === `exactly as large as ${other}`) return assert.equal(a, b, label);
  if (rest === `0, as is ${other}`) return assert.ok(a === 0 && b === 0, label);
  const bare = rest.match(new RegExp(`^(${NUMBER}), where ${other} is (${NUMBER})$`));
  assert.ok(bare, `${label}: “${rest}” is no comparison this lab makes`);
  assert.ok(a === 0 || b === 0, `${label}: a bare value only when one side is 0`);
  assertShows(bare[1], a, `${label}: value`);
  assertShows(bare[2], b, `${label}: the other value`);
}

/** The verdict: the output layers by loss, then layer 1 against the output in each run, said
 *  once when both runs' comparisons read the same. */
function verdictCheck(norms, epoch) {
  const top = (run) => run[run.length - 1];
  return (text, label) => {
    const flat = text.replace(/\s+/g, ' ').trim();
    const when = epoch === 0 ? 'At the start' : `At epoch ${epoch}`;
    const head = flat.match(
      /^(.+?), the output layer's gradient in the cross-entropy run is (.+?)\. (In .+)$/,
    );
    assert.ok(head, `${label}: ${flat}`);
    assert.equal(head[1], when, `${label}: when`);
    checkComparison(head[2], top(norms.ce), top(norms.mse), "the squared-error run's", label);
    const other = "the output layer's";
    const both = head[3].match(/^In both runs, layer 1's gradient is (.+)\.$/);
    if (both) {
      for (const loss of ['ce', 'mse']) {
        checkComparison(both[1], norms[loss][0], top(norms[loss]), other, `${label} (${loss})`);
      }
      return;
    }
    const apart = head[3].match(
      /^In the cross-entropy run, layer 1's gradient is (.+); in the squared-error run it is (.+)\.$/,
    );
    assert.ok(apart, `${label}: ${head[3]}`);
    assert.notEqual(apart[1], apart[2], `${label}: the same words said twice`);
    checkComparison(apart[1], norms.ce[0], top(norms.ce), other, `${label} (ce)`);
    checkComparison(apart[2], norms.mse[0], top(norms.mse), other, `${label} (mse)`);
  };
}

/** The hint: where the reference start puts the training points and how many labeled 1 start
 *  on the wrong side (p < ½). */
function hintCheck(state, race) {
  const train = race.split.train;
  const p = evaluate(race.start, train, 'ce').logits.map(([z]) => sigmoid(z));
  const ones = train.y.filter((label) => label === 1).length;
  const wrong = p.filter((value, i) => train.y[i] === 1 && value < 0.5).length;
  return (text, label) => {
    const flat = text.replace(/\s+/g, ' ').trim();
    const how =
      state.start === 'wrong'
        ? `With the output's bias at −8 and the random weights kept`
        : "With random weights and the output's bias at 0";
    assert.ok(flat.startsWith(`${how}, the training points start `), `${label}: ${flat}`);
    const range = flat.match(new RegExp(`start between p = (${NUMBER}) and (${NUMBER}):`));
    const single = flat.match(new RegExp(`start at p = (${NUMBER}):`));
    assert.ok(range || single, `${label}: ${flat}`);
    if (range) {
      assertShows(range[1], Math.min(...p), `${label}: lowest p`);
      assertShows(range[2], Math.max(...p), `${label}: highest p`);
    } else {
      assertShows(single[1], Math.min(...p), `${label}: lowest p`);
      assertShows(single[1], Math.max(...p), `${label}: highest p`);
    }
    const side =
      wrong === ones
        ? `every one of the ${ones} points labeled 1 starts on the wrong side.`
        : `${wrong} of the ${ones} points labeled 1 ${wrong === 1 ? 'starts' : 'start'} on the wrong side.`;
    assert.ok(flat.endsWith(side), `${label}: “${flat}” should end “${side}”`);
  };
}

export function expected(state) {
  const race = referenceRace(settingsOf(state), trained);
  const start = {
    ce: layerNorms(race.start, race.split.train, 'ce'),
    mse: layerNorms(race.start, race.split.train, 'mse'),
  };
  const now = {
    ce: layerNorms(race.ce.net, race.split.train, 'ce'),
    mse: layerNorms(race.mse.net, race.split.train, 'mse'),
  };
  const want = {
    epoch: `Epoch ${trained} of ${state.epochs}`,
    'output layer name': `${state.depth + 1} (output)`,
    verdict: verdictCheck(now, trained),
    'start hint': hintCheck(state, race),
  };
  for (const loss of ['ce', 'mse']) {
    Object.assign(want, {
      [`${loss} out-start`]: start[loss].at(-1),
      [`${loss} first-start`]: start[loss][0],
      [`${loss} out-now`]: now[loss].at(-1),
      [`${loss} first-now`]: now[loss][0],
    });
  }
  return want;
}
