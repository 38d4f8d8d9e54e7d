// The training race's edge states: each run's status (loss, training and test accuracy, the
// epoch), the data's summary, the milestone table and the verdict's sentences against the
// plain-JS model of the race (depth_reference.mjs: the same seeded data, split, starts and
// minibatch SGD, written from their description, and the real CSV files read here). Epochs
// are trained through the page's own controls (Step one epoch, or Play to the end) and the
// reference trains as many.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { assertShows } from '../reference.mjs';
import { referenceRace } from './depth_reference.mjs';

const CSV = {
  'breast-cancer': readFileSync(
    new URL('../../../data/breast_cancer.csv', import.meta.url),
    'utf8',
  ),
  digits: readFileSync(new URL('../../../data/digits.csv', import.meta.url), 'utf8'),
};
const LEVELS = [0.9, 1]; // the milestones the verdict and the table name (90 % and 100 %)

let trained = 0; // epochs the current state's act trained (the atlas opens states in turn)

/** A state opened by its URL, then `steps` clicks on Step one epoch, or Play to the end. */
const at = (name, query, steps = 0) => ({
  name,
  query,
  async act(page) {
    if (steps === 'end') {
      await page.click('#race-play');
      await page.waitForFunction(() => !window.lossplay.isPlaying(), null, { timeout: 30000 });
      trained = await page.evaluate(() => window.lossplay.history().epoch);
      return;
    }
    trained = steps;
    for (let k = 0; k < steps; k += 1) {
      await page.click('#race-step');
      await page.waitForFunction((n) => window.lossplay.history().epoch === n, k + 1);
    }
  },
});

export const states = [
  at('the default: blobs, confidently wrong, epoch 0', ''),
  at('the random start', '?init=standard'),
  at('every example at z = −8', '?init=logit&z=-8'),
  at('every example at the largest logit, 50', '?init=logit&z=50'),
  at('every example at the smallest logit, −50', '?init=logit&z=-50'),
  at('XOR with 8 ReLU units, random start', '?data=xor&hidden=8&activation=relu&init=standard'),
  at('circles with 16 tanh units', '?data=circles&hidden=16&init=standard'),
  at('spiral with the most hidden units, 64', '?data=spiral&hidden=64&init=standard'),
  at('breast cancer, confidently wrong', '?data=breast-cancer'),
  at('digits: ten classes, confidently wrong', '?data=digits'),
  at('a tiny learning rate, two epochs', '?lr=1e-9', 2),
  at('three epochs of the default race, mid-way', '', 3),
  at('the end of a five-epoch race', '?epochs=5', 'end'),
  at('the end of a one-epoch race from a random start', '?epochs=1&init=standard', 'end'),
  at(
    'a learning rate that blows the cross-entropy run up',
    '?data=spiral&hidden=8&activation=relu&lr=100000&batch=4&init=standard&epochs=8&speed=200',
    'end',
  ),
  at('the fewest points, no noise, batch 1', '?size=20&noise=0&batch=1', 2),
  at('the whole training set as one batch', '?batch=4096&init=standard', 1),
];

const STATUS =
  /^(Cross-entropy|MSE): loss (\S+(?: × 10\S+)?), training accuracy (\S+) %, test accuracy (\S+) % at epoch (\d+)\.$/;

export async function read(page) {
  const text = async (id) => (await page.textContent(`#${id}`)).replace(/\s+/g, ' ').trim();
  const numbers = {};
  const sentences = {
    epoch: await text('race-epoch'),
    'data summary': await text('race-data-info'),
    stuck: await text('race-verdict-stuck'),
  };
  for (const run of ['ce', 'mse']) {
    const status = await text(`race-status-${run}`);
    sentences[`${run} status`] = status;
    const found = status.match(STATUS);
    if (found) {
      [numbers[`${run} loss`], numbers[`${run} training %`], numbers[`${run} test %`]] =
        found.slice(2, 5);
      numbers[`${run} epoch`] = found[5];
    }
  }
  if (!(await page.isHidden('#race-verdict-final'))) {
    sentences.final = await text('race-verdict-final');
  }
  const rows = await page.$$eval('#race-milestones-body tr', (trs) =>
    trs.map((tr) => [...tr.cells].map((cell) => cell.textContent.trim())),
  );
  for (const [level, ce, mse] of rows) {
    sentences[`${level} ce`] = ce;
    sentences[`${level} mse`] = mse;
  }
  return { numbers, sentences };
}

const epochsWord = (n) => `${n} epoch${n === 1 ? '' : 's'}`;
const NAMES = { ce: 'cross-entropy', mse: 'MSE' };
const capital = (text) => text[0].toUpperCase() + text.slice(1);

/** The core's race settings for a state of the lab (the story's reference reads them too). */
export function settingsOf(state) {
  const data =
    state.data in CSV
      ? { csv: CSV[state.data] }
      : { kind: state.data, size: state.size, noise: state.noise };
  return {
    data,
    hidden: state.hidden,
    activation: state.activation,
    learningRate: state.lr,
    batchSize: state.batch,
    seed: state.seed,
    init: state.init,
    initLogit: state.z,
  };
}

/** The first epoch at or above `level` in a run's finite history, or null. */
const firstAt = (run, level) => {
  const index = run.history.findIndex((row) => row.trainAccuracy >= level);
  return index < 0 ? null : index;
};

function statusOf(run, name, epoch, want) {
  if (run.diverged) {
    want[`${run.loss} status`] =
      `The ${name} run diverged at epoch ${run.divergedEpoch}: its loss stopped being a finite number, so it stopped there. Lower the learning rate.`;
    return;
  }
  const last = run.history.at(-1);
  const shown = Math.min(epoch, run.history.length - 1);
  Object.assign(want, {
    [`${run.loss} loss`]: last.loss,
    [`${run.loss} training %`]: 100 * last.trainAccuracy,
    [`${run.loss} test %`]: 100 * last.testAccuracy,
    [`${run.loss} epoch`]: shown,
    [`${run.loss} status`]: new RegExp(`^${capital(name)}: loss .* at epoch ${shown}\\.$`),
  });
}

/** The verdict's stuck sentence: which run reached 90 % first, and when, as the history says. */
function stuckCheck(race, finished, epoch) {
  const [ce, mse] = [firstAt(race.ce, 0.9), firstAt(race.mse, 0.9)];
  return (text, label) => {
    if (ce === null && mse === null) {
      assert.equal(
        text,
        finished
          ? `Neither run reached 90 % training accuracy in ${epochsWord(epoch)}.`
          : 'Neither run has reached 90 % training accuracy yet.',
        label,
      );
      return;
    }
    if (ce === mse) {
      assert.equal(text, `Both runs reached 90 % training accuracy at epoch ${ce}.`, label);
      return;
    }
    const fast = mse === null || (ce !== null && ce < mse) ? 'ce' : 'mse';
    const slow = fast === 'ce' ? 'mse' : 'ce';
    const at = fast === 'ce' ? ce : mse;
    const slowAt = fast === 'ce' ? mse : ce;
    assert.match(text, new RegExp(`\\b${NAMES[fast]}\\b.*\\bepoch ${at}\\b`, 'i'), label);
    if (slowAt !== null) {
      assert.match(text, new RegExp(`for ${epochsWord(slowAt - at)} after`), label);
      assert.match(text, new RegExp(`\\(epoch ${at} to epoch ${slowAt}\\)\\.$`), label);
    } else if (race[slow].diverged) {
      assert.match(text, new RegExp(`diverged at epoch ${race[slow].divergedEpoch}`), label);
    } else if (epoch > at) {
      assert.match(text, new RegExp(`\\b${epochsWord(epoch - at)} (after|since)`), label);
    }
  };
}

/** The test accuracies' sentence, shown once trained and while neither run diverged. */
function finalCheck(race, finished, epoch) {
  const [ce, mse] = [race.ce.history.at(-1).testAccuracy, race.mse.history.at(-1).testAccuracy];
  return (text, label) => {
    if (ce === mse) {
      assert.match(text, new RegExp(`^Both ${finished ? 'end' : 'are'} at (\\S+) % test accuracy`));
      assertShows(text.match(/at (\S+) %/)[1], 100 * ce, label);
      return;
    }
    const found = text.match(
      /^(.+), test accuracy is (\S+) % for cross-entropy and (\S+) % for MSE\.$/,
    );
    assert.ok(found, `${label}: ${text}`);
    assert.equal(found[1], finished ? `At epoch ${epoch}` : 'Now', label);
    assertShows(found[2], 100 * ce, `${label}: cross-entropy`);
    assertShows(found[3], 100 * mse, `${label}: MSE`);
  };
}

/** "epoch 12", "never: it diverged at epoch 4", "never in 5 epochs" or "not yet". */
function milestoneCell(run, level, finished, epoch) {
  const first = firstAt(run, level);
  if (first !== null) return `epoch ${first}`;
  if (run.diverged) return `never: it diverged at epoch ${run.divergedEpoch}`;
  return finished ? `never in ${epochsWord(epoch)}` : 'not yet';
}

export function expected(state) {
  const race = referenceRace(settingsOf(state), trained);
  const finished = trained >= state.epochs || (race.ce.diverged && race.mse.diverged);
  const { train, test, features, classes } = race.split;
  const count = (n, noun, plural = `${noun}s`) => `${n} ${n === 1 ? noun : plural}`;
  const want = {
    epoch: `Epoch ${trained} of ${state.epochs}`,
    'data summary':
      `${count(train.y.length, 'training row')} and ${count(test.y.length, 'test row')}, ` +
      `${count(features, 'feature')}, ${count(classes, 'class', 'classes')}; features ` +
      'standardised on the training rows.',
    stuck: stuckCheck(race, finished, trained),
  };
  statusOf(race.ce, 'cross-entropy', trained, want);
  statusOf(race.mse, 'MSE', trained, want);
  if (!race.ce.diverged && !race.mse.diverged && trained > 0) {
    want.final = finalCheck(race, finished, trained);
  }
  for (const level of LEVELS) {
    for (const run of ['ce', 'mse']) {
      want[`${100 * level} % ${run}`] = milestoneCell(race[run], level, finished, trained);
    }
  }
  return want;
}
