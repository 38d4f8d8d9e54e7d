// Where the reader's own data come in: a file chosen or dropped, or text pasted. The text is
// read by the core a slice at a time with its progress shown (web/shared/table_reading.js), so
// the page keeps responding through a million rows; a problem is shown with its line and
// column, and the lab keeps the data it had. Nothing is sent anywhere: the text stays here.
import { readTableInSlices } from '../../shared/table_reading.js';
import { nextTask } from '../../shared/next_frame.js';
import { CSV_IN_LINK } from './state.js';
import { asSentence } from './model_results.js';

const stripSignature = (message) => message.replace(/^\w+(\.\w+)?\([^)]*\): /, '');

/** Reads `text` (named `source` in messages) and proposes it as the lab's data. */
function createReading(ctx) {
  const { $ } = ctx;
  let readings = 0; // a newer file or paste replaces one still being read
  return async (text, source) => {
    const reading = ++readings;
    const stillWanted = () => reading === readings;
    const progress = $('ym-progress');
    const error = $('ym-data-error');
    progress.textContent = 'Reading rows… 0 %';
    progress.hidden = false;
    let model;
    try {
      model = await readTableInSlices(ctx.core, text, {
        onProgress: (fraction) => {
          progress.textContent = `Reading rows… ${Math.floor(100 * fraction)} %`;
        },
        stillWanted,
      });
      if (model === null) return;
      await nextTask(); // computing on it is a task of its own
      if (!stillWanted()) return;
    } catch (problem) {
      if (!stillWanted()) return;
      error.textContent = `${source}: ${asSentence(stripSignature(problem.message))} The lab keeps the data it had.`;
      error.hidden = false;
      $('ym-data').value = ctx.state().data;
      return;
    } finally {
      if (stillWanted()) progress.hidden = true;
    }
    error.hidden = true;
    // A small paste travels in links; a larger one stays on this page only.
    const csv = text.length <= CSV_IN_LINK ? text : null;
    ctx.propose({ ...ctx.state(), data: 'pasted', csv, model, label: 'auto' }, 'data');
  };
}

export function wireDataInput(ctx) {
  const { $ } = ctx;
  const read = createReading(ctx);
  $('ym-data').addEventListener('change', () => {
    const data = $('ym-data').value;
    if (data === 'pasted' && ctx.state().csv === null && ctx.state().model === null) {
      $('ym-file').click(); // nothing of the reader's yet: ask for a file
      $('ym-data').value = ctx.state().data;
      return;
    }
    $('ym-data-error').hidden = true;
    ctx.propose({ ...ctx.state(), data, label: 'auto' }, 'data');
  });
  $('ym-file').addEventListener('change', async () => {
    const file = $('ym-file').files[0];
    if (file) await read(await file.text(), file.name);
  });
  const drop = $('ym-drop');
  drop.addEventListener('dragover', (event) => {
    event.preventDefault();
    drop.classList.add('ym-dragging');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('ym-dragging'));
  drop.addEventListener('drop', async (event) => {
    event.preventDefault();
    drop.classList.remove('ym-dragging');
    const file = event.dataTransfer?.files[0];
    if (file) await read(await file.text(), file.name);
  });
  $('ym-paste-use').addEventListener('click', () =>
    read($('ym-paste-text').value, 'The pasted text'),
  );
  $('ym-label').addEventListener('change', async () => {
    const value = $('ym-label').value;
    const label = value === 'auto' ? 'auto' : Number(value);
    // A column the core refuses as the label: its message shows, and the choice goes back.
    if (!(await ctx.propose({ ...ctx.state(), label }, 'label'))) {
      $('ym-label').value = String(ctx.state().label);
    }
  });
}

/** The label-column choices for the table in use: auto, then every column by its name. */
export function renderLabelChoices(select, model, chosen) {
  const names = Array.from(
    { length: model.columns },
    (_, i) => `column ${i + 1}${model.header[i] ? ` (${model.header[i]})` : ''}`,
  );
  if (select.dataset.names !== names.join('\n')) {
    select.replaceChildren(
      new Option('found by name or place', 'auto'),
      ...names.map((name, i) => new Option(name, String(i + 1))),
    );
    select.dataset.names = names.join('\n');
  }
  select.value = String(chosen);
}
