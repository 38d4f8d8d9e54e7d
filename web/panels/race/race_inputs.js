// The race's own controls besides its number fields: the data set (with the reader's CSV
// file), the activation and the start, and Play, Step and Reset. Play and Step train only
// the settings on screen: while a field holds something that is not a valid value, or the
// core refused the settings, they say why next to Play instead of training the old ones.
import { readCsvInSlices } from './csv_reading.js';
import { nextTask } from '../../shared/next_frame.js';
import { raceFinished } from '../../shared/race_history.js';
import { SETTINGS } from './state.js';

const stripSignature = (message) => message.replace(/^csvReader\.\w+\(\w*\): /, '');

/** Reads the chosen file a slice at a time, with its progress shown; null if superseded. */
async function readChosenFile(ctx, file, stillWanted) {
  // Refused before it is read at all: its size is known, and the limit is the core's.
  const { maxBytes } = ctx.core.limits.csv;
  if (file.size > maxBytes) {
    throw new RangeError(
      `The file is too large: ${Math.floor(file.size / 1024)} KB, and the limit is ${maxBytes / 1024} KB.`,
    );
  }
  const progress = ctx.$('race-csv-progress');
  progress.textContent = 'Reading rows… 0 %';
  progress.hidden = false;
  try {
    const text = await file.text();
    return await readCsvInSlices(ctx.core, text, {
      onProgress: (fraction) => {
        progress.textContent = `Reading rows… ${Math.floor(100 * fraction)} %`;
      },
      stillWanted,
    });
  } finally {
    if (stillWanted()) progress.hidden = true;
  }
}

function wireCsv(ctx) {
  const { $ } = ctx;
  $('race-data').addEventListener('change', () => {
    const data = $('race-data').value;
    if (data === 'csv' && ctx.state().csv === null) {
      // Nothing to train on until a file is chosen; open the picker.
      $('race-csv-row').hidden = false;
      $('race-csv').click();
      return;
    }
    ctx.propose({ ...ctx.state(), data }, 'data');
  });
  // No file chosen: the select goes back to the data set in use.
  $('race-csv').addEventListener('cancel', () => {
    $('race-data').value = ctx.state().data;
  });
  let choices = 0; // a file chosen while another is still being read replaces it
  $('race-csv').addEventListener('change', async () => {
    const file = $('race-csv').files[0];
    if (!file) return;
    const error = $('race-csv-error');
    const choice = ++choices;
    let csv;
    try {
      // The core's message names the line and column of a problem.
      csv = await readChosenFile(ctx, file, () => choice === choices);
      if (csv === null) return;
      await nextTask(); // starting the race on it is a task of its own
      if (choice !== choices) return;
    } catch (problem) {
      if (choice !== choices) return; // a later file is being read: its outcome counts
      const kept = ctx.state().data;
      error.textContent = `${file.name}: ${stripSignature(problem.message)} The race keeps its previous data set (${kept}).`;
      error.hidden = false;
      $('race-data').value = kept;
      return;
    }
    error.hidden = true;
    ctx.propose({ ...ctx.state(), data: 'csv', csv }, 'csv');
  });
}

const joined = (names) =>
  names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;

/**
 * Why `verb` (Play, Step) cannot train now, or '' if it can: a number field holding text that
 * is not a valid value (its own message is shown at once), or settings the core refused.
 */
function blockedReason(ctx, verb) {
  const { $ } = ctx;
  const invalid = Object.entries(SETTINGS).filter(
    ([key, kind]) => !kind.parse($(`race-${key}`).value).ok,
  );
  if (invalid.length > 0) {
    // 'change' makes a field report its problem now rather than after the typing pause.
    for (const [key] of invalid) $(`race-${key}`).dispatchEvent(new Event('change'));
    const names = invalid.map(([, kind]) => kind.spec.name);
    const [is, it] = invalid.length === 1 ? ['is', 'it'] : ['are', 'them'];
    return `${verb} waits: ${joined(names)} ${is} not valid. Fix ${it}, or press Reset to go back to the values in use.`;
  }
  if (!$('race-settings-error').hidden) {
    return `${verb} waits: these settings cannot start a race. Change them, or press Reset to go back to the race in use.`;
  }
  return '';
}

/** Shows why training waits; returns whether it may go ahead. */
function mayTrain(ctx, verb) {
  const reason = blockedReason(ctx, verb);
  const message = ctx.$('race-play-message');
  message.textContent = reason;
  message.hidden = reason === '';
  return reason === '';
}

export function wireRaceInputs(ctx, playback) {
  const { $ } = ctx;
  wireCsv(ctx);
  for (const key of ['activation', 'init']) {
    $(`race-${key}`).addEventListener('change', () =>
      ctx.propose({ ...ctx.state(), [key]: $(`race-${key}`).value }, key),
    );
  }
  $('race-play').addEventListener('click', () => {
    if (playback.isPlaying()) playback.pause();
    else if (mayTrain(ctx, 'Play')) playback.play();
  });
  $('race-step').addEventListener('click', () => {
    if (playback.isPlaying()) playback.pause();
    const { race } = ctx.results();
    if (mayTrain(ctx, 'Step') && !raceFinished(race, ctx.state())) playback.step();
  });
  // The same settings trained again from epoch 0; every message goes.
  $('race-reset').addEventListener('click', () => {
    ctx.clearErrors();
    ctx.propose({ ...ctx.state(), run: ctx.state().run + 1 }, 'reset');
  });
}
