// The training race: one model trained twice, with cross-entropy and with MSE, from the same
// weights on the same data with the same settings, drawn live. The core trains (C++ via
// core.createRace); this module only drives it, in time slices that leave every frame free
// to repaint, and draws.
import { createAnnouncer } from './announcer.js';
import { readThemeColors } from './chart_setup.js';
import { drawBoundary } from './boundary_plot.js';
import { bindNumberField } from './number_field.js';
import { formatNumber } from './number_format.js';
import { createRaceCharts } from './race_charts.js';
import {
  DEFAULT_RACE_STATE,
  SYNTHETIC,
  parseSetting,
  queryFromRaceState,
  raceStateFromQuery,
} from './race_state.js';

const FRAME_BUDGET_MS = 6; // training time per animation frame; the rest is for drawing
const CHART_INTERVAL_MS = 33; // while playing, the learning curves redraw at most ~30 times a second
const GRID = 60; // decision-boundary resolution per side
const URL_DELAY_MS = 200;
const NUMBER_FIELDS = ['size', 'noise', 'hidden', 'lr', 'batch', 'epochs', 'seed', 'z', 'speed'];

export async function startRaceLab(corePromise, notices, doc = document, win = window) {
  const $ = (id) => doc.getElementById(id);
  let colors = readThemeColors(win.themeElement);
  const charts = createRaceCharts(
    { loss: $('race-loss-chart'), accuracy: $('race-accuracy-chart'), norm: $('race-norm-chart') },
    colors,
  );
  const core = await corePromise;
  const wrongSide = core.binaryPoint(-6, 1); // where the confidently-wrong preset starts
  $('race-hint-dce').textContent = formatNumber(Math.abs(wrongSide.dceDz));
  $('race-hint-dmse').textContent = formatNumber(Math.abs(wrongSide.dmseDz));
  const fromUrl = raceStateFromQuery(win.location.search);
  fromUrl.notices.forEach((message) => notices.show(message));

  let state = null;
  let race = null;
  let csvText = null; // the user's own file, when chosen
  let bundled = null; // breast cancer and digits, loaded on first use
  let playing = false;
  let frame = 0;
  let lastTime = 0;
  let epochsDue = 0;
  let urlTimer = 0;
  let view = null; // 2-D plot bounds and points, fixed for a race
  const announcer = createAnnouncer($('race-live'));

  // ---- building a race -------------------------------------------------------------------

  async function dataFor(next) {
    if (SYNTHETIC.has(next.data)) return { kind: next.data, size: next.size, noise: next.noise };
    if (next.data === 'csv') return { csv: csvText };
    // 'lossplay-race-datasets' is web/race_datasets.js on the site; the embeddable widget
    // leaves the two real data sets out to stay small (scripts/build.mjs).
    bundled ??= (await import('lossplay-race-datasets')).BUNDLED_CSV;
    if (!bundled[next.data]) {
      throw new Error('this embedded copy has no bundled data sets; use a 2-D set or your own CSV');
    }
    return { csv: bundled[next.data] };
  }

  function settingsFor(next, data) {
    return {
      data,
      hidden: next.hidden,
      activation: next.activation,
      learningRate: next.lr,
      batchSize: next.batch,
      seed: next.seed,
      init: next.init,
      initLogit: next.z,
    };
  }

  /** Builds a race for a proposed state; on failure keeps the current one and says why. */
  async function rebuild(next, source) {
    let created;
    try {
      created = core.createRace(settingsFor(next, await dataFor(next)));
      // (dataFor throws for a data set this build does not carry; the message says so.)
    } catch (error) {
      showSettingsError(error.message.replace(/^createRace\(settings\): /, ''));
      return false;
    }
    pause();
    race?.dispose();
    race = created;
    state = next;
    $('race-settings-error').hidden = true;
    prepareView();
    render(source);
    scheduleUrl();
    return true;
  }

  function showSettingsError(message) {
    $('race-settings-error').textContent = `These settings cannot start a race: ${message}`;
    $('race-settings-error').hidden = false;
  }

  function prepareView() {
    const info = race.info();
    $('race-boundaries').hidden = info.features !== 2;
    if (info.features !== 2) {
      view = null;
      return;
    }
    const points = race.points();
    const all = [...points.train.x, ...points.test.x];
    const xs = all.filter((_, i) => i % 2 === 0);
    const ys = all.filter((_, i) => i % 2 === 1);
    const pad = 0.4;
    view = {
      points,
      classes: info.classes,
      bounds: [
        Math.min(...xs) - pad,
        Math.max(...xs) + pad,
        Math.min(...ys) - pad,
        Math.max(...ys) + pad,
      ],
    };
  }

  // ---- drawing -----------------------------------------------------------------------------

  function runStatus(name, run, epoch) {
    if (run.diverged) {
      return `The ${name} run diverged at epoch ${run.divergedEpoch}: its loss stopped being a finite number, so it stopped there. Lower the learning rate.`;
    }
    const last = run.loss.length - 1;
    return `${name}: loss ${formatNumber(run.loss[last])}, training accuracy ${formatNumber(100 * run.trainAccuracy[last])} %, test accuracy ${formatNumber(100 * run.testAccuracy[last])} % at epoch ${Math.min(epoch, last)}.`;
  }

  let chartsDrawnAt = 0;

  function render(source) {
    const history = race.history();
    // Redrawing three charts costs more than a frame on slow machines; while a race plays they
    // follow at up to ~30 Hz, and every other change redraws them at once.
    const now = performance.now();
    if (source !== 'play' || now - chartsDrawnAt >= CHART_INTERVAL_MS || finished()) {
      charts.update(history, state.epochs);
      chartsDrawnAt = now;
    }
    const info = race.info();
    $('race-epoch').textContent = `Epoch ${history.epoch} of ${state.epochs}`;
    $('race-status-ce').textContent = runStatus('Cross-entropy', history.ce, history.epoch);
    $('race-status-mse').textContent = runStatus('MSE', history.mse, history.epoch);
    $('race-status-ce').classList.toggle('field-error', history.ce.diverged);
    $('race-status-mse').classList.toggle('field-error', history.mse.diverged);
    $('race-data-info').textContent =
      `${info.trainRows} training and ${info.testRows} test rows, ${info.features} features, ` +
      `${info.classes} classes; features standardised on the training rows.`;
    if (view) {
      for (const loss of ['ce', 'mse']) {
        drawBoundary($(`race-boundary-${loss}`), {
          grid: race.grid(loss, ...view.bounds, GRID, GRID),
          nx: GRID,
          ny: GRID,
          bounds: view.bounds,
          classes: view.classes,
          points: view.points,
          background: colors.surface,
        });
      }
    }
    renderInputs(source);
  }

  function renderInputs(source) {
    for (const key of NUMBER_FIELDS) {
      if (source !== key) $(`race-${key}`).value = String(state[key]);
    }
    $('race-data').value = state.data;
    $('race-activation').value = state.activation;
    $('race-init').value = state.init;
    $('race-synthetic-fields').hidden = !SYNTHETIC.has(state.data);
    $('race-csv-row').hidden = state.data !== 'csv';
    $('race-activation-row').hidden = state.hidden === 0;
    $('race-z-row').hidden = state.init !== 'logit';
    $('race-speed-slider').value = String(Math.min(200, state.speed));
    $('race-speed-slider').setAttribute('aria-valuetext', `${state.speed} epochs per second`);
  }

  function scheduleUrl() {
    clearTimeout(urlTimer);
    urlTimer = setTimeout(() => {
      win.history.replaceState(null, '', `${queryFromRaceState(state)}${win.location.hash}`);
    }, URL_DELAY_MS);
  }

  // ---- playing -----------------------------------------------------------------------------

  const finished = () => {
    const history = race.history();
    return history.epoch >= state.epochs || (history.ce.diverged && history.mse.diverged);
  };

  function tick(now) {
    if (!playing) return;
    const seconds = lastTime ? Math.min(0.25, (now - lastTime) / 1000) : 0;
    lastTime = now;
    epochsDue += seconds * state.speed;
    const start = performance.now();
    let trained = false;
    while (epochsDue >= 1 && !finished() && performance.now() - start < FRAME_BUDGET_MS) {
      race.step(1);
      epochsDue -= 1;
      trained = true;
    }
    if (trained) render('play');
    if (finished()) {
      pause();
      return;
    }
    frame = requestAnimationFrame(tick);
  }

  function play() {
    if (playing || finished()) return;
    playing = true;
    lastTime = 0;
    epochsDue = 1; // the first frame trains at once
    $('race-play').textContent = 'Pause';
    $('race-play').setAttribute('aria-pressed', 'true');
    frame = requestAnimationFrame(tick);
  }

  function pause() {
    if (playing && race) {
      announcer.announce(
        () =>
          `${$('race-epoch').textContent}. ${$('race-status-ce').textContent} ${$('race-status-mse').textContent}`,
      );
    }
    playing = false;
    cancelAnimationFrame(frame);
    $('race-play').textContent = 'Play';
    $('race-play').setAttribute('aria-pressed', 'false');
  }

  // ---- controls ----------------------------------------------------------------------------

  const fields = NUMBER_FIELDS.map((key) =>
    bindNumberField({
      field: $(`race-${key}`),
      errorBox: $(`race-${key}-error`),
      parse: (text) => parseSetting(key, text),
      onValue: (value) => {
        if (key === 'speed') {
          state = { ...state, speed: value };
          renderInputs(key);
          scheduleUrl();
        } else if (key === 'epochs') {
          state = { ...state, epochs: value };
          render(key);
          scheduleUrl();
        } else {
          rebuild({ ...state, [key]: value }, key);
        }
      },
    }),
  );

  $('race-speed-slider').addEventListener('input', () => {
    fields[NUMBER_FIELDS.indexOf('speed')].clearError();
    state = { ...state, speed: Number($('race-speed-slider').value) };
    renderInputs('speed-slider');
    scheduleUrl();
  });
  $('race-data').addEventListener('change', () => {
    const data = $('race-data').value;
    if (data === 'csv' && csvText === null) {
      // Nothing to train on until a file is chosen; open the picker.
      $('race-csv-row').hidden = false;
      $('race-csv').click();
      return;
    }
    rebuild({ ...state, data }, 'data');
  });
  $('race-csv').addEventListener('change', async () => {
    const file = $('race-csv').files[0];
    if (!file) return;
    const error = $('race-csv-error');
    let text;
    try {
      text = await file.text();
      core.parseCsvDataset(text); // the core's message names the line and column
    } catch (problem) {
      error.textContent = `${file.name}: ${problem.message.replace(/^parseCsvDataset\(text\): /, '')}`;
      error.hidden = false;
      $('race-data').value = state.data;
      return;
    }
    error.hidden = true;
    const previous = csvText;
    csvText = text;
    if (!(await rebuild({ ...state, data: 'csv' }, 'csv'))) csvText = previous;
  });
  for (const key of ['activation', 'init']) {
    $(`race-${key}`).addEventListener('change', () =>
      rebuild({ ...state, [key]: $(`race-${key}`).value }, key),
    );
  }
  $('race-play').addEventListener('click', () => (playing ? pause() : play()));
  $('race-step').addEventListener('click', () => {
    pause();
    if (!finished()) {
      race.step(1);
      render('step');
    }
  });
  $('race-reset').addEventListener('click', () => rebuild(state, 'reset'));
  $('race-export-csv').addEventListener('click', () => exportCurves());
  for (const button of doc.querySelectorAll('[data-export-png]')) {
    button.addEventListener('click', () => exportPng(button.dataset.exportPng));
  }
  win.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
    colors = readThemeColors(win.themeElement);
    charts.setColors(colors);
    render('theme');
  });

  function download(blob, name) {
    const link = doc.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = name;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 0);
  }

  function exportCurves() {
    const history = race.history();
    const columns = ['loss', 'trainAccuracy', 'testAccuracy', 'gradientNorm'];
    const header = ['epoch', ...columns.map((c) => `ce_${c}`), ...columns.map((c) => `mse_${c}`)];
    const lines = [header.join(',')];
    const epochs = Math.max(history.ce.loss.length, history.mse.loss.length);
    for (let e = 0; e < epochs; e += 1) {
      const cells = [e];
      for (const run of [history.ce, history.mse]) {
        for (const c of columns) cells.push(e < run[c].length ? String(run[c][e]) : '');
      }
      lines.push(cells.join(','));
    }
    download(new Blob([`${lines.join('\n')}\n`], { type: 'text/csv' }), 'lossplay-race.csv');
  }

  function exportPng(id) {
    $(id).toBlob((blob) => download(blob, `lossplay-${id}.png`), 'image/png');
  }

  if (!(await rebuild(fromUrl.state, 'url'))) await rebuild({ ...DEFAULT_RACE_STATE }, 'url');
  return {
    getState: () => ({ ...state }),
    history: () => race.history(),
    isPlaying: () => playing,
    pause,
    /** Stops training and frees the race's wasm memory, for a widget being rebuilt. */
    dispose() {
      pause();
      race?.dispose();
      race = null;
    },
  };
}
