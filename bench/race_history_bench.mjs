// What a page pays to read the race's progress every epoch, on the default blobs settings:
// the cheap reads (step(1), epoch(), diverged(), historySince(rowsHeld)) against the old
// pattern (step(1), history(), a copy of the whole history each time, so its cost grows with
// the epoch). Prints ms per epoch over epochs 1–100 and 901–1000 and their ratio; figures
// only, never asserted. `node bench/race_history_bench.mjs` after a build, or `npm run bench`.
import { pathToFileURL } from 'node:url';

const EPOCHS = 1000;
const WINDOW = 100;
const REPEATS = 5;
// The race page's defaults (blobs, 200 points, logistic regression, confidently wrong start).
const SETTINGS = {
  data: { kind: 'blobs', size: 200, noise: 0.2 },
  hidden: 0,
  activation: 'tanh',
  learningRate: 0.5,
  batchSize: 32,
  seed: 1,
  init: 'wrong',
};

/** Appends each run's new rows to the caller's plain arrays, as a chart would. */
function appendRows(held, rows) {
  for (const run of ['ce', 'mse']) {
    for (const series of ['loss', 'trainAccuracy', 'testAccuracy', 'gradientNorm']) {
      for (const value of rows[run][series]) held[run][series].push(value);
    }
  }
}

function emptyHistory() {
  const run = () => ({ loss: [], trainAccuracy: [], testAccuracy: [], gradientNorm: [] });
  return { ce: run(), mse: run() };
}

/** ms per epoch (median of REPEATS races) for the first and the last WINDOW epochs. */
function measure(core, perEpoch) {
  const first = [];
  const last = [];
  for (let r = 0; r < REPEATS; r += 1) {
    const race = core.createRace(SETTINGS);
    const state = { held: emptyHistory(), next: 0, diverged: null };
    const times = new Float64Array(EPOCHS);
    for (let e = 0; e < EPOCHS; e += 1) {
      const start = process.hrtime.bigint();
      perEpoch(race, state);
      times[e] = Number(process.hrtime.bigint() - start) / 1e6;
    }
    race.dispose();
    const mean = (from, to) => times.slice(from, to).reduce((a, b) => a + b, 0) / (to - from);
    first.push(mean(0, WINDOW));
    last.push(mean(EPOCHS - WINDOW, EPOCHS));
  }
  const median = (values) => values.sort((a, b) => a - b)[values.length >> 1];
  return { first: median(first), last: median(last) };
}

/** The page's per-epoch reads: cheap scalars, then only the rows it has not seen. */
function cheapReads(race, state) {
  race.step(1);
  const epoch = race.epoch();
  state.diverged = race.diverged();
  appendRows(state.held, race.historySince(state.next));
  state.next = epoch + 1;
}

/** The old pattern: the whole history copied out of wasm every epoch. */
function wholeHistory(race, state) {
  race.step(1);
  state.held = race.history();
}

export function measureHistoryReads(core) {
  return { cheap: measure(core, cheapReads), whole: measure(core, wholeHistory) };
}

export function printHistoryReads(figures) {
  const ms = (value) => `${value.toFixed(4)} ms`.padStart(11);
  console.log(
    `\nrace progress reads per epoch, blobs defaults, ${EPOCHS} epochs (median of ${REPEATS} races)`,
  );
  console.log(`${''.padEnd(44)}  epochs 1–100  epochs 901–1000  ratio`);
  for (const [label, f] of [
    ['step(1) + epoch() + diverged() + historySince', figures.cheap],
    ['step(1) + history() (old pattern)', figures.whole],
  ]) {
    console.log(
      `  ${label.padEnd(44)}${ms(f.first)}   ${ms(f.last)}     ${(f.last / f.first).toFixed(2)}x`,
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { default: createLossCore } = await import('../dist/lossplay-core.mjs');
  printHistoryReads(measureHistoryReads(await createLossCore()));
}
