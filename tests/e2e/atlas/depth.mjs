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
  // The widest and deepest ReLU networks: normal weights (scale 1) put the output logits so far
  // out that σ′ underflows and every squared-error length is 0; cross-entropy's are ~10⁷ and
  // its first epoch overflows. He weights keep the start readable, and cross-entropy's first
  // epoch drives its lengths to ~10¹⁴⁵ before the second overflows.
  at(
    '10 × 64 ReLU, normal weights: squared error all 0',
    '?depth=10&width=64&activation=relu&weights=normal',
  ),
  at(
    '10 × 64 ReLU, normal weights, one epoch: cross-entropy diverges',
    '?depth=10&width=64&activation=relu&weights=normal',
    1,
  ),
  at('10 × 64 ReLU, He weights', '?depth=10&width=64&activation=relu&weights=he'),
  at(
    '10 × 64 ReLU, He weights, one epoch: lengths near 10¹⁴⁵',
    '?depth=10&width=64&activation=relu&weights=he',
    1,
  ),
  at(
    '10 × 64 ReLU, He weights, two epochs: cross-entropy diverged at epoch 2',
    '?depth=10&width=64&activation=relu&weights=he',
    2,
  ),
  at(
    'learning rate 10⁶, ReLU: cross-entropy diverges at once',
    '?lr=1e6&activation=relu&weights=he',
    1,
  ),
  at('learning rate 10⁶, sigmoid: every unit saturates, lengths 0', '?lr=1e6', 2),
  at('learning rate 10³, ReLU: diverged, its lengths 0', '?lr=1e3&activation=relu&weights=he', 1),
  at(
    'learning rate 10⁶, one ReLU layer: lengths near 10¹⁶⁹, then diverged',
    '?lr=1e6&activation=relu&weights=he&depth=1',
    6,
  ),
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
      'layer chart summary': await page.getAttribute('#depth-layer-chart', 'aria-label'),
    },
  };
}

/** The core's race settings for a state of the lab, as its description gives them (the
 *  story's reference reads them too). */
export const settingsOf = (state) => ({
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
function verdictCheck(norms, epoch, runs) {
  const top = (run) => run[run.length - 1];
  return (text, label) => {
    const flat = text.replace(/\s+/g, ' ').trim();
    const when = epoch === 0 ? 'At the start' : `At epoch ${epoch}`;
    if (runs.ce.diverged || runs.mse.diverged) return divergedCheck(flat, when, norms, runs, label);
    // Two sentences, or one with a semicolon after a bare value (", where … is 0; in …").
    const head = flat.match(
      /^(.+?), the output layer's gradient in the cross-entropy run is (.+?)(\. In|; in)( .+)$/,
    );
    assert.ok(head, `${label}: ${flat}`);
    assert.equal(head[1], when, `${label}: when`);
    checkComparison(head[2], top(norms.ce), top(norms.mse), "the squared-error run's", label);
    const other = "the output layer's";
    if (head[3] === '; in')
      assert.match(head[2], /, where /, `${label}: ; only after a bare value`);
    const rest = `In${head[4]}`;
    const both = rest.match(/^In both runs, layer 1's gradient is (.+)\.$/);
    if (both) {
      for (const loss of ['ce', 'mse']) {
        checkComparison(both[1], norms[loss][0], top(norms[loss]), other, `${label} (${loss})`);
      }
      return;
    }
    const apart = rest.match(
      /^In the cross-entropy run, layer 1's gradient is (.+); in the squared-error run it is (.+)\.$/,
    );
    assert.ok(apart, `${label}: ${rest}`);
    assert.notEqual(apart[1], apart[2], `${label}: the same words said twice`);
    checkComparison(apart[1], norms.ce[0], top(norms.ce), other, `${label} (ce)`);
    checkComparison(apart[2], norms.mse[0], top(norms.mse), other, `${label} (mse)`);
  };
}

const RUN_NAME = { ce: 'cross-entropy', mse: 'squared-error' };

/** Why a run diverged, as the verdict must say it: the epoch the reference run broke at. */
const divergedCause = (run) =>
  `it diverged at epoch ${run.divergedEpoch} (its loss, its gradient or its weights overflowed) and stopped training`;

/** The verdict once a run diverged: which, when, and the other run's layer 1 against its
 *  output layer (neither compared when both diverged). */
function divergedCheck(flat, when, norms, runs, label) {
  if (runs.ce.diverged && runs.mse.diverged) {
    assert.equal(
      flat,
      `${when}, neither run has a gradient to compare: in the cross-entropy run ${divergedCause(runs.ce)}; in the squared-error run ${divergedCause(runs.mse)}.`,
      label,
    );
    return;
  }
  const [lost, kept] = runs.ce.diverged ? ['ce', 'mse'] : ['mse', 'ce'];
  const head = `${when}, the ${RUN_NAME[lost]} run has no gradient to compare: ${divergedCause(runs[lost])}. In the ${RUN_NAME[kept]} run, layer 1's gradient is `;
  assert.ok(flat.startsWith(head), `${label}: “${flat}” should start “${head}”`);
  assert.ok(flat.endsWith('.'), label);
  const phrase = flat.slice(head.length, -1);
  checkComparison(phrase, norms[kept][0], norms[kept].at(-1), "the output layer's", label);
}

/** A run's cell: its length, or, for a run that diverged, why it has none. */
const cell = (run, value) =>
  run.diverged ? `none (diverged at epoch ${run.divergedEpoch})` : value;

/** The layer chart's summary for screen readers: every layer's length in each run, or why a
 *  run that diverged has none. */
function summaryCheck(norms, runs) {
  return (text, label) => {
    const flat = text.replace(/\s+/g, ' ').trim();
    const found = flat.match(
      /^Gradient length per layer, from layer 1 at the input to the output layer\. Cross-entropy run: (.+)\. Squared-error run: (.+)\.$/,
    );
    assert.ok(found, `${label}: ${flat}`);
    ['ce', 'mse'].forEach((loss, k) => {
      const listed = found[k + 1];
      if (runs[loss].diverged) {
        assert.equal(listed, `none, diverged at epoch ${runs[loss].divergedEpoch}`, label);
        return;
      }
      const values = listed.split(', ');
      assert.equal(values.length, norms[loss].length, `${label} (${loss}): one per layer`);
      values.forEach((v, i) => assertShows(v, norms[loss][i], `${label} (${loss} layer ${i + 1})`));
    });
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
    verdict: verdictCheck(now, trained, race),
    'start hint': hintCheck(state, race),
    'layer chart summary': summaryCheck(now, race),
  };
  for (const loss of ['ce', 'mse']) {
    Object.assign(want, {
      [`${loss} out-start`]: start[loss].at(-1),
      [`${loss} first-start`]: start[loss][0],
      [`${loss} out-now`]: cell(race[loss], now[loss].at(-1)),
      [`${loss} first-now`]: cell(race[loss], now[loss][0]),
    });
  }
  return want;
}
