// The training race: one model trained twice, with cross-entropy and with MSE, from the same
// weights on the same data with the same settings, drawn live. The core trains (C++ via
// core.createRace); this panel builds a race per state, drives it in time slices that leave
// every frame free to repaint (shared/epoch_playback.js), and draws, with a verdict in words (verdict.js).
import { drawBoundary } from '../../charts/boundary_plot.js';
import { readThemeColors } from '../../shared/theme.js';
import { fillRows, numberControl } from '../../shared/controls.js';
import { formatNumber } from '../../shared/number_format.js';
import { counted } from '../../shared/counted.js';
import { wireExports } from './exports.js';
import { createRacePlayback } from '../../shared/epoch_playback.js';
import { createRaceCharts } from './race_charts.js';
import { OFFERED_DATA_SETS, boundaryView, dataFor, settingsFor } from './race_data.js';
import {
  createRaceHistory,
  epochStatus,
  raceFinished,
  sameTraining,
} from '../../shared/race_history.js';
import { wireRaceInputs } from './race_inputs.js';
import { watchOnScreen } from '../../shared/on_screen.js';
import {
  CSV_LINK_NOTICE,
  DISPLAY_ONLY,
  SETTINGS,
  SYNTHETIC,
  linkNamesCsv,
  table,
} from './state.js';
import { MILESTONES, RUN_NAMES, percent, raceVerdict } from './verdict.js';
import { QUESTIONS } from './questions.js';
import { SCENES } from './scenes.js';
import { storyNumbers } from './story.js';
import { destroyChartsIn } from '../../charts/chart_setup.js';

// While a race plays, the charts and boundary maps on screen and the verdict redraw about 12
// times a second, and a frame draws them in turn only until DRAW_BUDGET_MS is spent (at least
// one): a fast machine draws all in one frame, a phone spreads them over a few instead of
// dropping frames. What is off screen waits for the pause, or for the reader to scroll to it.
const REDRAW_INTERVAL_MS = 80;
const DRAW_BUDGET_MS = 6;
const GRID = 60; // decision-boundary resolution per side
const CSV_LINK = 'race-csv-link'; // the notices key of the link-named-a-CSV notice
// Renders that only show training progress (or the theme); every other one is a new, valid
// input, which clears the race's messages.
const PROGRESS = new Set(['play', 'progress', 'started', 'paused', 'step', 'theme']);

/** Two states train the same race when they differ only in how it is shown. */
const trainsSameRace = sameTraining(table.defaults, DISPLAY_ONLY);

function startRace(core, state, data) {
  let race;
  try {
    race = core.createRace(settingsFor(state, data));
  } catch (error) {
    const reason = error.message.replace(/^createRace\(settings\): /, '');
    throw new Error(`These settings cannot start a race: ${reason}`, { cause: error });
  }
  return { race, history: createRaceHistory(race), info: race.info(), view: boundaryView(race) };
}

const dataProblem = (error) =>
  new Error(`These settings cannot start a race: ${error.message}`, { cause: error });

function compute(core, state, previous) {
  if (previous.state && trainsSameRace(previous.state, state)) return previous.results;
  let data;
  try {
    data = dataFor(state);
  } catch (error) {
    throw dataProblem(error);
  }
  if (!(data instanceof Promise)) return startRace(core, state, data);
  return data.then(
    (loaded) => startRace(core, state, loaded),
    (error) => Promise.reject(dataProblem(error)),
  );
}

/** Offers only the data sets this build ships (the widget leaves the real ones out). */
function offerShippedDataSets(select) {
  for (const option of [...select.options]) {
    if (!OFFERED_DATA_SETS.includes(option.value)) option.remove();
  }
}

function createView(ctx) {
  const { $ } = ctx;
  offerShippedDataSets($('race-data'));
  $('race-milestone-levels').textContent = MILESTONES.map(percent).join(' or ');
  const wrongSide = ctx.core.binaryPoint(-6, 1); // where the confidently-wrong preset starts
  $('race-hint-dce').textContent = formatNumber(Math.abs(wrongSide.dceDz));
  $('race-hint-dmse').textContent = formatNumber(Math.abs(wrongSide.dmseDz));
  const playback = createRacePlayback(ctx, 'race-play', () =>
    ctx.announce(
      () =>
        `${$('race-epoch').textContent}. ${$('race-status-ce').textContent} ${$('race-status-mse').textContent} ${$('race-verdict-stuck').textContent}`,
    ),
  );
  const fields = Object.entries(SETTINGS).map(([key, kind]) =>
    numberControl(ctx, { key, kind, field: `race-${key}`, error: `race-${key}-error` }),
  );
  const speed = numberControl(ctx, {
    key: 'speed',
    kind: SETTINGS.speed,
    slider: 'race-speed-slider',
    valueText: (state) => `${state.speed} epochs per second`,
  });
  wireRaceInputs(ctx, playback);
  wireExports(ctx, () => ctx.results().history.current);
  const colors = readThemeColors(ctx.host.themeElement);
  // In createRaceCharts' order: charts.update(…, k) draws canvases[k].
  const canvases = [$('race-loss-chart'), $('race-accuracy-chart'), $('race-norm-chart')];
  const [loss, accuracy, norm] = canvases;
  const charts = createRaceCharts({ loss, accuracy, norm }, colors);
  const onScreen = watchOnScreen([...canvases, $('race-boundaries')]);
  return {
    ctx,
    playback,
    controls: [...fields, speed],
    charts,
    canvases,
    colors,
    drawn: {},
    onScreen,
  };
}

function runStatus(key, run, epoch) {
  const name = RUN_NAMES[key]; // "cross-entropy" mid-sentence, "Cross-entropy" to start one
  if (run.diverged) {
    return `The ${name} run diverged at epoch ${run.divergedEpoch}: its loss stopped being a finite number, so it stopped there. Lower the learning rate.`;
  }
  const last = run.loss.length - 1;
  return `${name[0].toUpperCase()}${name.slice(1)}: loss ${formatNumber(run.loss[last])}, training accuracy ${formatNumber(100 * run.trainAccuracy[last])} %, test accuracy ${formatNumber(100 * run.testAccuracy[last])} % at epoch ${Math.min(epoch, last)}.`;
}

function renderStatus($, state, history, info, race) {
  $('race-epoch').textContent = epochStatus(race.progress(), state.epochs);
  for (const name of ['ce', 'mse']) {
    $(`race-status-${name}`).textContent = runStatus(name, history[name], history.epoch);
    $(`race-status-${name}`).classList.toggle('field-error', history[name].diverged);
  }
  // A reader's CSV may have one feature column (or one test row): counted says "1 feature".
  $('race-data-info').textContent =
    `${counted(info.trainRows, 'training row')} and ${counted(info.testRows, 'test row')}, ` +
    `${counted(info.features, 'feature')}, ${counted(info.classes, 'class', 'classes')}; ` +
    'features standardised on the training rows.';
}

/** The verdict: milestone epochs as a table, the stuck and test-accuracy sentences. */
function renderVerdict(view, history, finished) {
  const { $, doc } = view.ctx;
  const verdict = raceVerdict(history, finished);
  const rows = MILESTONES.map((level, i) => [
    percent(level),
    verdict.cells.ce[i],
    verdict.cells.mse[i],
  ]);
  const key = JSON.stringify(rows);
  if (view.drawn.milestones !== key) {
    fillRows(doc, $('race-milestones-body'), rows);
    view.drawn.milestones = key;
  }
  $('race-verdict-stuck').textContent = verdict.stuck;
  $('race-verdict-final').textContent = verdict.final;
  $('race-verdict-final').hidden = verdict.final === '';
}

/**
 * The race's own messages besides the field errors mountPanel clears: a refused CSV file,
 * why Play waited, and the notice that a link named a CSV (shown with the link's state, gone
 * with the next valid input, such as another data set).
 */
function renderMessages({ ctx }, source) {
  if (source === 'url') {
    if (linkNamesCsv(ctx.host.query)) ctx.notices.set(CSV_LINK, CSV_LINK_NOTICE);
    return;
  }
  if (PROGRESS.has(source)) return;
  for (const id of ['race-csv-error', 'race-play-message']) ctx.$(id).hidden = true;
  ctx.notices.clear(CSV_LINK);
}

function renderBoundaries(view, race, boundary) {
  const { $ } = view.ctx;
  $('race-boundaries').hidden = boundary === null;
  if (!boundary) return;
  for (const loss of ['ce', 'mse']) {
    drawBoundary($(`race-boundary-${loss}`), {
      grid: race.grid(loss, ...boundary.bounds, GRID, GRID),
      nx: GRID,
      ny: GRID,
      bounds: boundary.bounds,
      classes: boundary.classes,
      points: boundary.points,
      background: view.colors.surface,
    });
  }
}

function renderInputs(view, state, source) {
  const { $ } = view.ctx;
  for (const control of view.controls) control.render(state, source);
  $('race-data').value = state.data;
  $('race-activation').value = state.activation;
  $('race-init').value = state.init;
  $('race-synthetic-fields').hidden = !SYNTHETIC.has(state.data);
  $('race-csv-row').hidden = state.data !== 'csv';
  $('race-activation-row').hidden = state.hidden === 0;
  $('race-z-row').hidden = state.init !== 'logit';
}

/** Draws the pieces of the current redraw in turn, within DRAW_BUDGET_MS (at least one);
 *  starts the next redraw once the last one is done and REDRAW_INTERVAL_MS has passed. */
function drawWhilePlaying({ drawn, onScreen }, pieces) {
  const start = performance.now();
  if (!drawn.pending?.length) {
    if (start - (drawn.redrawAt ?? 0) < REDRAW_INTERVAL_MS) return;
    drawn.pending = [...pieces.keys()].filter((k) => {
      const { element } = pieces[k];
      return element === null || onScreen.has(element);
    });
    drawn.redrawAt = start;
    if (drawn.pending.length === 0) return;
  }
  do pieces[drawn.pending.shift()].draw();
  while (drawn.pending.length > 0 && performance.now() - start < DRAW_BUDGET_MS);
}

function render(view, state, results, source) {
  const { race, info } = results;
  if (view.drawn.race !== race) {
    view.playback.pause(); // a new race starts paused at epoch 0
    view.drawn.race = race;
  }
  if (source === 'progress') {
    // Further into an epoch that spans frames: only where training is changed.
    view.ctx.$('race-epoch').textContent = epochStatus(race.progress(), state.epochs);
    return;
  }
  const history = results.history.sync();
  // What is drawn, and where (null: text, always worth it).
  const pieces = [
    ...view.canvases.map((element, k) => ({
      element,
      draw: () => view.charts.update(history, state.epochs, k),
    })),
    {
      element: view.ctx.$('race-boundaries'),
      draw: () => renderBoundaries(view, race, results.view),
    },
    { element: null, draw: () => renderVerdict(view, history, raceFinished(race, state)) },
  ];
  if (source === 'play') drawWhilePlaying(view, pieces);
  else {
    // Every other change (a pause included) redraws everything at once.
    pieces.forEach((piece) => piece.draw());
    view.drawn.pending = [];
  }
  renderStatus(view.ctx.$, state, history, info, race);
  renderMessages(view, source);
  // Training changes no setting: a frame of play leaves the controls as they are.
  if (!PROGRESS.has(source)) renderInputs(view, state, source);
}

/** @type {import('../../shared/panel.js').PanelSpec} */
export default {
  id: 'race',
  table,
  scenes: SCENES,
  storyNumbers,
  questions: QUESTIONS,
  liveRegion: 'race-live',
  errorBox: 'race-settings-error',
  createView,
  compute,
  render,
  setColors(view, colors) {
    view.colors = colors;
    view.charts.setColors(colors);
  },
  release: (results) => results.race.dispose(),
  dispose(view, ctx) {
    // mountPanel has released the results when this runs: the pause that stops a race still
    // playing must neither draw them nor announce them.
    Object.assign(ctx, { rerender: () => {}, announce: () => {} });
    view.playback.stop();
    view.onScreen.disconnect();
    destroyChartsIn(ctx.root);
  },
  api: (ctx, view) => ({
    /** The settings (the reader's CSV text and the run counter stay inside). */
    getState() {
      // Left out before copying: the reader's data set can hold megabytes of numbers.
      const settings = { ...ctx.state() };
      delete settings.csv;
      delete settings.run;
      return structuredClone(settings);
    },
    history: () => ctx.results().history.sync(),
    /** What the charts hold (curves, their dash patterns, the milestone markers). */
    charts: () => view.charts.describe(),
    isPlaying: () => view.playback.isPlaying(),
    pause: () => view.playback.pause(),
  }),
};
