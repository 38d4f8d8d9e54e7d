// A race's training history, kept in JS and grown by the rows trained since the last read
// (race.historySince), so that each epoch costs the same however long the race has run.
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
