// The race's own controls besides its number fields: the data set (with the reader's CSV
// file), the activation and the start, and Play, Step and Reset.
import { raceFinished } from './race_data.js';

const stripSignature = (message) => message.replace(/^parseCsvDataset\(text\): /, '');

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
  $('race-csv').addEventListener('change', async () => {
    const file = $('race-csv').files[0];
    if (!file) return;
    const error = $('race-csv-error');
    let csv;
    try {
      csv = await file.text();
      ctx.core.parseCsvDataset(csv); // the core's message names the line and column
    } catch (problem) {
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

export function wireRaceInputs(ctx, playback) {
  const { $ } = ctx;
  wireCsv(ctx);
  for (const key of ['activation', 'init']) {
    $(`race-${key}`).addEventListener('change', () =>
      ctx.propose({ ...ctx.state(), [key]: $(`race-${key}`).value }, key),
    );
  }
  $('race-play').addEventListener('click', () => playback.toggle());
  $('race-step').addEventListener('click', () => {
    playback.pause();
    const { race } = ctx.results();
    if (!raceFinished(race, ctx.state())) {
      race.step(1);
      ctx.rerender('step');
    }
  });
  // The same settings trained again from epoch 0.
  $('race-reset').addEventListener('click', () => {
    ctx.clearErrors();
    ctx.propose({ ...ctx.state(), run: ctx.state().run + 1 }, 'reset');
  });
}
