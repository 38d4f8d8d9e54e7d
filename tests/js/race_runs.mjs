// Races run to compare: a fresh race with some settings, trained for some epochs, read back.

/** The loss per epoch of `run` ('ce' or 'mse') after `epochs` epochs of a fresh race. */
export function raceLosses(core, settings, epochs, run = 'ce') {
  const race = core.createRace(settings);
  try {
    race.step(epochs);
    return [...race.history()[run].loss];
  } finally {
    race.dispose();
  }
}
