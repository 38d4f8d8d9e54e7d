// The deep network lab: a network of several hidden layers trained twice, with cross-entropy
// and with squared error, from the same weights. The chart that matters is the length of each
// layer's weight gradient (core: race.layerGradientNorms), at the start and live while
// training: cross-entropy rescues the output layer from a confidently wrong start, but with
// sigmoid hidden layers the first layers still get orders of magnitude less, with either loss.
import { readThemeColors } from '../../shared/theme.js';
import { choiceControl, numberControl } from '../../shared/controls.js';
import { createRacePlayback } from '../../shared/epoch_playback.js';
import {
  createRaceHistory,
  epochStatus,
  raceFinished,
  sameTraining,
} from '../../shared/race_history.js';
import { wireSceneButtons } from '../../shared/scenes.js';
import { createLayerChart, createLossChart } from './depth_charts.js';
import { QUESTIONS } from './questions.js';
import { SCENES } from './scenes.js';
import { storyNumbers } from './story.js';
import { DISPLAY_ONLY, SETTINGS, WRONG_LOGIT, raceSettingsFor, table } from './state.js';
import { WHY, layerReadout, layerSummary, outputLayerName, startHint, verdict } from './text.js';
import { destroyChartsIn } from '../../charts/chart_setup.js';

const CHART_INTERVAL_MS = 100; // while playing, the charts follow at up to ten frames a second
// Rows × weights of the start worked out at once (a few milliseconds): the start of every
// network but the largest is there with the first drawing; larger ones follow over frames.
const START_AT_ONCE_WORK = 4e6;
const PROGRESS = new Set(['play', 'progress', 'started', 'paused', 'step', 'theme']);

const trainsSameRace = sameTraining(table.defaults, DISPLAY_ONLY);

function compute(core, state, previous) {
  if (previous.state && trainsSameRace(previous.state, state)) return previous.results;
  let race;
  try {
    // The layer norms come with every epoch's record, and the start is recorded in pieces of
    // frames (the playback's prepare), so that no setting builds or trains in one long task.
    race = core.createRace({ ...raceSettingsFor(state), layerNorms: true, deferStart: true });
  } catch (error) {
    const reason = error.message.replace(/^createRace\(settings\): /, '');
    throw new Error(`These settings cannot start training: ${reason}`, { cause: error });
  }
  race.train(START_AT_ONCE_WORK);
  let start = null;
  return {
    race,
    history: createRaceHistory(race),
    /** The start's layer norms and points, once the start is recorded (else null). */
    start() {
      if (start === null && race.progress().started) {
        start = { norms: race.startLayerNorms(), points: startSpread(race) };
      }
      return start;
    },
  };
}

/**
 * Where the start puts the training points, as the core recorded it before any training: each
 * point's class-1 probability, their range, and how many of the points labeled 1 the start
 * puts on the wrong side (p < ½).
 */
function startSpread(race) {
  const { y } = race.points().train;
  const probabilities = race.startProbabilities();
  const spread = { min: Infinity, max: -Infinity, ones: 0, onesWrong: 0 };
  for (let i = 0; i < y.length; i += 1) {
    const p = probabilities[i];
    spread.min = Math.min(spread.min, p);
    spread.max = Math.max(spread.max, p);
    if (y[i] === 1) {
      spread.ones += 1;
      if (p < 0.5) spread.onesWrong += 1;
    }
  }
  return spread;
}

function wireButtons(ctx, playback) {
  const { $ } = ctx;
  $('depth-play').addEventListener('click', () => {
    if (raceFinished(ctx.results().race, ctx.state())) {
      ctx.propose({ ...ctx.state(), epochs: ctx.state().epochs * 2 }, 'epochs');
    }
    playback.toggle();
  });
  $('depth-step').addEventListener('click', () => {
    if (playback.isPlaying()) playback.pause();
    playback.step();
  });
  $('depth-reset').addEventListener('click', () => {
    playback.pause();
    ctx.propose({ ...ctx.state(), run: ctx.state().run + 1 }, 'reset');
  });
}

function createView(ctx) {
  const { $ } = ctx;
  const playback = createRacePlayback(ctx, 'depth-play');
  wireButtons(ctx, playback);
  const colors = readThemeColors(ctx.host.themeElement);
  const fields = Object.entries(SETTINGS).map(([key, kind]) =>
    numberControl(ctx, {
      key,
      kind,
      field: `depth-${key}`,
      error: `depth-${key}-error`,
      slider: ['depth', 'width'].includes(key) ? `depth-${key}-slider` : undefined,
      valueText: (state) => `${key} ${state[key]}`,
    }),
  );
  const choices = ['data', 'activation', 'weights', 'start'].map((key) => ({
    key,
    control: choiceControl(ctx, { key, select: `depth-${key}` }),
  }));
  wireSceneButtons(
    ctx.root.querySelector('.depth-why'),
    SCENES,
    (scene) => {
      playback.pause();
      return ctx.propose({ ...ctx.state(), ...structuredClone(scene.state) }, 'show-me');
    },
    ctx.host,
  );
  return {
    ctx,
    playback,
    fields,
    choices,
    charts: {
      layers: createLayerChart($('depth-layer-chart'), colors),
      loss: createLossChart($('depth-loss-chart'), colors),
    },
    drawn: {},
  };
}

function renderTable($, state, norms, history) {
  for (const loss of ['ce', 'mse']) {
    const now = norms.now[loss];
    const start = norms.start[loss];
    $(`depth-${loss}-out-start`).textContent = layerReadout(start, start.length - 1);
    $(`depth-${loss}-first-start`).textContent = layerReadout(start, 0);
    $(`depth-${loss}-out-now`).textContent = layerReadout(now, now.length - 1, history[loss]);
    $(`depth-${loss}-first-now`).textContent = layerReadout(now, 0, history[loss]);
  }
  $('depth-output-name').textContent = outputLayerName(state.depth);
}

function renderCharts(view, state, history, norms) {
  view.charts.layers.update(norms, outputLayerName(state.depth));
  view.charts.loss.update(history, Math.max(state.epochs, history.epoch));
  view.ctx.$('depth-layer-chart').setAttribute('aria-label', layerSummary(norms, history));
}

function render(view, state, results, source) {
  const { $ } = view.ctx;
  const { race } = results;
  if (view.drawn.race !== race) {
    view.playback.pause();
    view.drawn.race = race;
  }
  if (!PROGRESS.has(source)) view.ctx.clearErrors();
  $('depth-epoch').textContent = epochStatus(race.progress(), state.epochs);
  if (source === 'progress') return; // further into an epoch that spans frames: nothing else
  $('depth-scale-row').hidden = state.weights !== 'normal';
  for (const field of view.fields) field.render(state, source);
  for (const { key, control } of view.choices) control.render(state[key]);
  const start = results.start();
  if (start === null) {
    view.playback.prepare();
    $('depth-verdict').textContent = 'Working out the start…';
    return;
  }
  const history = results.history.sync();
  // While playing, the charts follow at up to ~10 Hz.
  const now = performance.now();
  if (source === 'play' && now - (view.drawn.at ?? 0) < CHART_INTERVAL_MS) return;
  view.drawn.at = now;
  const norms = { start: start.norms, now: race.layerGradientNorms() };
  renderCharts(view, state, history, norms);
  renderTable($, state, norms, history);
  $('depth-verdict').textContent = verdict(state, norms, history);
  $('depth-why').textContent = WHY[state.activation];
  $('depth-start-hint').textContent = startHint(state, start.points, WRONG_LOGIT);
}

/** @type {import('../../shared/panel.js').PanelSpec} */
export default {
  id: 'depth',
  table,
  scenes: SCENES,
  storyNumbers,
  questions: QUESTIONS,
  liveRegion: 'depth-live',
  errorBox: 'depth-error',
  createView,
  compute,
  render,
  announce: (state, results) => {
    const start = results.start();
    return start === null
      ? 'Working out the start.'
      : verdict(
          state,
          { start: start.norms, now: results.race.layerGradientNorms() },
          results.history.sync(),
        );
  },
  setColors(view, colors) {
    view.charts.layers.setColors(colors);
    view.charts.loss.setColors(colors);
  },
  release: (results) => results.race.dispose(),
  dispose(view, ctx) {
    // mountPanel has released the results when this runs: the pause that stops a network still
    // training must not draw them.
    Object.assign(ctx, { rerender: () => {} });
    view.playback.stop();
    destroyChartsIn(ctx.root);
  },
  api: (ctx, view) => ({
    getState() {
      const settings = { ...ctx.state() };
      delete settings.run;
      return structuredClone(settings);
    },
    /** Each run's layer gradient norms now and at the start (tests). */
    layerNorms: () => ({
      start: ctx.results().start()?.norms ?? null,
      now: ctx.results().race.layerGradientNorms(),
    }),
    /** {epoch, fraction, started}: how far training is (tests). */
    progress: () => ctx.results().race.progress(),
    history: () => ctx.results().history.sync(),
    isPlaying: () => view.playback.isPlaying(),
    pause: () => view.playback.pause(),
  }),
};
