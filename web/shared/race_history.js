// A race's training history, kept in JS and grown by the rows trained since the last read
// (race.historySince), so that each epoch costs the same however long the race has run; and
// the two questions every panel that trains a race asks (the training race, the deep network
// lab): is it over, and does a new state train the same race.
const COLUMNS = ['loss', 'trainAccuracy', 'testAccuracy', 'gradientNorm'];

const emptyRun = () => ({
  ...Object.fromEntries(COLUMNS.map((column) => [column, []])),
  diverged: false,
  divergedEpoch: 0,
});

export function createRaceHistory(race) {
  const history = { epoch: 0, ce: emptyRun(), mse: emptyRun() };
  let read = 0; // rows of each run already copied

  return {
    /** Copies the rows trained since the last call; returns the whole history. */
    sync() {
      const fresh = race.historySince(read);
      history.epoch = fresh.epoch;
      for (const name of ['ce', 'mse']) {
        const run = history[name];
        for (const column of COLUMNS) {
          for (const value of fresh[name][column]) run[column].push(value);
        }
        run.diverged = fresh[name].diverged;
        run.divergedEpoch = fresh[name].divergedEpoch;
      }
      read = fresh.epoch + 1;
      return history;
    },
    get current() {
      return history;
    },
  };
}

/**
 * Where training is, in words: "Epoch 3 of 100", "… · 40 % into epoch 4" while an epoch is
 * trained over several frames, and how far the start is while it is worked out.
 */
export function epochStatus(progress, epochs) {
  if (!progress.started)
    return `Working out the start: ${Math.floor(progress.fraction * 100)}\u00a0%`;
  const done = `Epoch ${progress.epoch} of ${epochs}`;
  const percent = Math.floor(progress.fraction * 100);
  // No-break spaces: "40 %" and "epoch 4" never break across lines.
  return percent > 0 ? `${done} · ${percent}\u00a0% into epoch\u00a0${progress.epoch + 1}` : done;
}

/** A race is over when it reached the epochs asked for, or both runs diverged. */
export function raceFinished(race, state) {
  const diverged = race.diverged();
  return race.epoch() >= state.epochs || (diverged.ce && diverged.mse);
}

/**
 * Whether two states train the same race: they differ only in settings that change how it is
 * shown (`displayOnly`), among the keys of `defaults`. The first may be null (no race yet).
 */
export const sameTraining = (defaults, displayOnly) => (a, b) =>
  a !== null && Object.keys(defaults).every((key) => displayOnly.has(key) || a[key] === b[key]);
