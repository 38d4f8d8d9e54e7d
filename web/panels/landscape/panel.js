// The landscape lab: mean cross-entropy and mean squared error of p = σ(w·x + b) over (w, b),
// side by side, with gradient descent run on both from one start. Every number comes from the
// core: the maps (core.landscape), where MSE is not convex (core.landscapeCurvature), the
// paths (core.descentPath).
import { CE_DASH, destroyChartsIn, MSE_DASH } from '../../charts/chart_setup.js';
import { readThemeColors } from '../../shared/theme.js';
import { createCurveChart } from '../../charts/curve_chart.js';
import { roundCeiling } from '../../charts/round_bounds.js';
import { numberControl } from '../../shared/controls.js';
import { counted } from '../../shared/counted.js';
import { formatNumber as f } from '../../shared/number_format.js';
import { number } from '../../shared/params.js';
import { wireSceneButtons } from '../../shared/scenes.js';
import { LOSSES, compute } from './compute.js';
import { createDataStrip } from './data_strip.js';
import { createLandscapeMap } from './map_canvas.js';
import { concaveRegion, lossLayers } from './map_layers.js';
import { createPlayback } from './playback.js';
import { QUESTIONS } from './questions.js';
import { SCENES } from './scenes.js';
import { storyNumbers } from './story.js';
import {
  B_SPEC,
  DATA_PRESETS,
  DEFAULT_VIEW,
  LR_SPEC,
  MOMENTUM_SPEC,
  POINT_COUNT,
  STEPS_SPEC,
  W_SPEC,
  table,
  xKind,
  yKind,
} from './state.js';
import { DRAGGING_NOTE, SETTLING_NOTE, explain, mapNote, verdict } from './text.js';
import { fitView, zoomView } from './view_window.js';

const NUDGE = 0.02; // a key press moves the start by 2 % of the window
const LOSS_COLOR = { ce: 'ce', mse: 'mse' };

/**
 * Refuses, in the reader's words, a state the lab cannot show: the core's own message names its
 * function and arguments, which mean nothing to someone moving a point or pressing a key. The
 * strip's edits meet the count first (at least one point; no more than a link can carry, so
 * the page's link always reopens what it shows); every other value is read back through its
 * parameter's kind, as a link would be.
 */
function checkState(state) {
  if (state.x.length !== state.y.length) {
    throw new RangeError(
      `The data list ${state.x.length} positions x and ${state.y.length} labels; give each point one of each, such as x = -1, 1 with labels 0, 1.`,
    );
  }
  if (state.x.length < POINT_COUNT.min) {
    throw new RangeError(
      `The fit needs at least ${counted(POINT_COUNT.min, 'point')}, so the last one stays: add another point before removing it.`,
    );
  }
  if (state.x.length > POINT_COUNT.max) {
    throw new RangeError(
      `The data hold at most ${counted(POINT_COUNT.max, 'point')}, as many as a link can carry: remove one before adding another.`,
    );
  }
  for (const { key, kind } of table.parameters) {
    const read = kind.parse(kind.format(state[key]));
    if (!read.ok) throw new RangeError(read.message);
  }
}

const DATA_KINDS = { x: xKind, y: yKind };

/**
 * The x or the y list as a text field. x and y pair up, so an edit takes the other list from
 * its field as it reads now: typing new positions and then new labels of another length works
 * in either order, with no mismatched state in between being shown.
 */
function dataControl(ctx, key, other) {
  const pending = (state) => {
    const parsed = DATA_KINDS[other].parse(ctx.$(`ls-${other}`).value);
    return parsed.ok ? parsed.value : state[other];
  };
  return numberControl(ctx, {
    key,
    kind: DATA_KINDS[key],
    field: `ls-${key}`,
    error: `ls-${key}-error`,
    write: (state, value) => ({ ...state, [key]: value, [other]: pending(state) }),
  });
}

function createControls(ctx) {
  const control = (key, kind, id) =>
    numberControl(ctx, {
      key,
      kind,
      slider: `ls-${id}-slider`,
      field: `ls-${id}`,
      error: `ls-${id}-error`,
    });
  const startAt = (state, patch) => ({ ...state, ...patch, steps: 0 });
  return [
    numberControl(ctx, {
      key: 'w',
      kind: number(W_SPEC),
      slider: 'ls-w-slider',
      field: 'ls-w',
      error: 'ls-w-error',
      write: (state, w) => startAt(state, { w }),
    }),
    numberControl(ctx, {
      key: 'b',
      kind: number(B_SPEC),
      slider: 'ls-b-slider',
      field: 'ls-b',
      error: 'ls-b-error',
      write: (state, b) => startAt(state, { b }),
    }),
    control('lr', number(LR_SPEC), 'lr'),
    control('momentum', number(MOMENTUM_SPEC), 'momentum'),
    dataControl(ctx, 'x', 'y'),
    dataControl(ctx, 'y', 'x'),
  ];
}

/** Edits of the data from the strip: each a whole new state. */
function stripHooks(ctx) {
  const edit = (change, source = 'ls-strip') => {
    const state = ctx.state();
    const x = [...state.x];
    const y = [...state.y];
    change(x, y);
    ctx.clearErrors();
    return ctx.propose({ ...state, x, y }, source);
  };
  return {
    // A point under a finger: coarse maps while it moves ('ls-drag'), exact ones once let go.
    onMove: (i, value, label, dragging = false) =>
      edit(
        (x, y) => {
          x[i] = value;
          y[i] = label;
        },
        dragging ? 'ls-drag' : 'ls-strip',
      ),
    onSettle: () =>
      ctx.results()?.maps.stage === 'coarse' && ctx.propose({ ...ctx.state() }, 'ls-settle'),
    onToggle: (i) =>
      edit((x, y) => {
        y[i] = 1 - y[i];
      }),
    onAdd: (value, label) =>
      edit((x, y) => {
        x.push(value);
        y.push(label);
      }),
    onRemove: (i) =>
      edit((x, y) => {
        x.splice(i, 1);
        y.splice(i, 1);
      }),
  };
}

/**
 * The start after an arrow key: `by` further, stopping at the window's edge (the window lies
 * within the core's limits, so a key never leaves them). A start outside the window (a link may
 * put it there) may move back toward it but no further out.
 */
function keyStep(value, by, low, high) {
  const moved = Number((value + by).toFixed(2));
  return Math.min(Math.max(moved, Math.min(low, value)), Math.max(high, value));
}

function mapHooks(ctx) {
  const propose = (patch, source) => ctx.propose({ ...ctx.state(), ...patch }, source);
  return {
    onPick: (w, b) =>
      propose({ w: Number(w.toFixed(2)), b: Number(b.toFixed(2)), steps: 0 }, 'map'),
    onView: (view) => propose({ view: fitView(view) }, 'map'),
    onZoom: (factor, at) => propose({ view: zoomView(ctx.state().view, factor, at) }, 'map'),
    onKey(key, shift) {
      const { view, w, b } = ctx.state();
      const dw = (view[1] - view[0]) * NUDGE * (shift ? 5 : 1);
      const db = (view[3] - view[2]) * NUDGE * (shift ? 5 : 1);
      const moves = {
        ArrowLeft: [-dw, 0],
        ArrowRight: [dw, 0],
        ArrowUp: [0, db],
        ArrowDown: [0, -db],
      };
      if (key in moves) {
        const [mw, mb] = moves[key];
        const next = {
          w: keyStep(w, mw, view[0], view[1]),
          b: keyStep(b, mb, view[2], view[3]),
        };
        if (next.w !== w || next.b !== b) propose({ ...next, steps: 0 }, 'map');
        return true;
      }
      if (key === '+' || key === '=' || key === '-') {
        propose({ view: zoomView(view, key === '-' ? 2 : 0.5, [w, b]) }, 'map');
        return true;
      }
      return false;
    },
  };
}

function createStepsChart(canvas, colors) {
  const chart = createCurveChart(canvas, colors, {
    series: [
      { label: 'cross-entropy run', colorKey: 'ce', dash: CE_DASH },
      { label: 'squared-error run', colorKey: 'mse', dash: MSE_DASH },
    ],
    xTitle: 'step',
    yTitle: 'loss ÷ loss at the start',
    titleOf: (step) => `step ${f(step)}`,
  });
  // Linear from 0: "still at 95 % of where it began" reads at a glance.
  Object.assign(chart.options.scales.y, { min: 0 });
  Object.assign(chart.options.scales.x, { min: 0 });
  return chart;
}

function wireButtons(ctx, view) {
  const { $ } = ctx;
  const propose = (patch, source) => ctx.propose({ ...ctx.state(), ...patch }, source);
  $('ls-play').addEventListener('click', () => view.playback.toggle());
  $('ls-step').addEventListener('click', () => {
    view.playback.pause();
    // The last step a link may hold is the last Step takes (as Play stops there).
    propose({ steps: Math.min(ctx.state().steps + 1, STEPS_SPEC().max) }, 'step');
  });
  $('ls-rewind').addEventListener('click', () => {
    view.playback.pause();
    propose({ steps: 0 }, 'rewind');
  });
  const zoom = (factor) => {
    const { view: window, w, b } = ctx.state();
    propose({ view: zoomView(window, factor, [w, b]) }, 'zoom');
  };
  $('ls-zoom-in').addEventListener('click', () => zoom(0.5));
  $('ls-zoom-out').addEventListener('click', () => zoom(2));
  $('ls-zoom-reset').addEventListener('click', () => propose({ view: [...DEFAULT_VIEW] }, 'zoom'));
  $('ls-reset').addEventListener('click', () => {
    view.playback.pause();
    ctx.reset();
  });
  for (const button of $('ls-presets').querySelectorAll('[data-preset]')) {
    button.addEventListener('click', () => {
      const data = DATA_PRESETS[button.dataset.preset];
      view.playback.pause();
      propose({ x: [...data.x], y: [...data.y], steps: 0 }, 'preset');
    });
  }
}

function createView(ctx) {
  const { $ } = ctx;
  const colors = readThemeColors(ctx.host.themeElement);
  const hooks = mapHooks(ctx);
  const view = {
    ctx,
    colors,
    controls: createControls(ctx),
    strip: createDataStrip($('ls-strip'), stripHooks(ctx)),
    maps: {
      ce: createLandscapeMap($('ls-map-ce'), hooks),
      mse: createLandscapeMap($('ls-map-mse'), hooks),
    },
    stepsChart: createStepsChart($('ls-steps-chart'), colors),
    layers: null,
  };
  view.playback = createPlayback(ctx, (playing) => {
    $('ls-play').textContent = playing ? 'Pause' : 'Play';
    $('ls-play').setAttribute('aria-pressed', String(playing));
  });
  wireButtons(ctx, view);
  wireSceneButtons(
    ctx.root.querySelector('.ls-why'),
    SCENES,
    (scene) => {
      view.playback.pause();
      return ctx.propose({ ...ctx.state(), ...structuredClone(scene.state) }, 'show-me');
    },
    ctx.host,
  );
  return view;
}

/** Shading, contours and the concave region of the current maps, made once per maps. */
function layersOf(view, maps) {
  if (view.layers?.maps !== maps) {
    const detailed = maps.stage === 'detailed';
    view.layers = {
      maps,
      ce: lossLayers(maps.ce, maps.side, detailed),
      mse: lossLayers(maps.mse, maps.side, detailed),
      concave: detailed ? concaveRegion(maps.mseCurvature) : null,
    };
  }
  return view.layers;
}

function renderMaps(view, state, results) {
  const { $ } = view.ctx;
  const layers = layersOf(view, results.maps);
  for (const loss of LOSSES) {
    const at = results.at[loss];
    view.maps[loss].draw({
      view: state.view,
      side: results.maps.side,
      layers: layers[loss],
      concave: loss === 'mse' ? layers.concave : null,
      path: results.paths[loss],
      index: at.index,
      colors: view.colors,
      color: view.colors[LOSS_COLOR[loss]],
    });
    const { stage } = results.maps;
    let note = stage === 'coarse' ? DRAGGING_NOTE : SETTLING_NOTE;
    if (stage === 'detailed') {
      note = mapNote(loss, layers[loss], loss === 'mse' ? layers.concave : null);
    }
    $(`ls-map-${loss}-note`).textContent = note;
    $(`ls-map-${loss}`).setAttribute(
      'aria-label',
      `${note} Start at w = ${f(state.w)}, b = ${f(state.b)}; after ${counted(at.index, 'step')} the descent is at w = ${f(at.w)}, b = ${f(at.b)}, loss ${f(at.loss)}.`,
    );
  }
  return layers;
}

function renderStepsChart(view, results) {
  const { ce, mse } = results.paths;
  const last = Math.max(results.at.ce.index, results.at.mse.index);
  const xs = Array.from({ length: last + 1 }, (_, k) => k);
  const ratio = (path, at) =>
    Array.from({ length: at.index + 1 }, (_, k) => path.loss[k] / path.loss[0]);
  const series = [ratio(ce, results.at.ce), ratio(mse, results.at.mse)];
  view.stepsChart.setSeries(xs, series);
  // Bounds the chart sets itself, in round steps, keep its layout while a drag reshapes the
  // curves (an axis that followed each curve's top would lay the chart out on every move).
  view.stepsChart.options.scales.x.max = Math.max(10, last);
  view.stepsChart.options.scales.y.max = roundCeiling(series.flat());
  view.stepsChart.render();
}

function renderReadouts($, results) {
  for (const loss of LOSSES) {
    const at = results.at[loss];
    $(`ls-${loss}-steps`).textContent = at.stopped ? `${f(at.index)} (stopped)` : f(at.index);
    $(`ls-${loss}-start`).textContent = f(at.startLoss);
    $(`ls-${loss}-loss`).textContent = f(at.loss);
    $(`ls-${loss}-grad`).textContent = f(at.gradNorm);
    $(`ls-${loss}-wb`).textContent = `${f(at.w)}, ${f(at.b)}`;
  }
}

function render(view, state, results, source) {
  const { $, core } = view.ctx;
  const model = (at) => ({ probability: (x) => core.sigmoid(at.w * x + at.b) });
  // The maps read their canvases' size first: before the strip's DOM changes, that read
  // costs no layout.
  const layers = renderMaps(view, state, results);
  renderStepsChart(view, results);
  view.strip.render({ x: state.x, y: state.y }, [model(results.at.ce), model(results.at.mse)]);
  renderReadouts($, results);
  $('ls-steps-out').textContent = `Step ${f(state.steps)}`;
  $('ls-verdict').textContent = verdict(state, results);
  explain($, state, results, layers);
  // The start sliders span the window the maps show.
  for (const [id, low, high] of [
    ['ls-w-slider', state.view[0], state.view[1]],
    ['ls-b-slider', state.view[2], state.view[3]],
  ]) {
    $(id).min = String(low);
    $(id).max = String(high);
  }
  for (const control of view.controls) control.render(state, source);
  if (results.maps.stage === 'shaded') detailNextFrame(view);
}

/** The frame after a point is let go: the curvature maps, contours, hatching and figures for
 *  the exact maps just shown (unless something else has been drawn since). */
function detailNextFrame(view) {
  const win = view.ctx.doc.defaultView;
  if (view.detailFrame || !win) return;
  view.detailFrame = win.requestAnimationFrame(() => {
    view.detailFrame = 0;
    const { ctx } = view;
    if (ctx.results()?.maps.stage === 'shaded') ctx.propose({ ...ctx.state() }, 'ls-detail');
  });
}

/** @type {import('../../shared/panel.js').PanelSpec} */
export default {
  id: 'landscape',
  table,
  scenes: SCENES,
  storyNumbers,
  questions: QUESTIONS,
  liveRegion: 'ls-live',
  errorBox: 'ls-error',
  createView,
  compute(core, state, previous) {
    checkState(state);
    return compute(core, state, previous);
  },
  render,
  announce: (state, results) => verdict(state, results),
  setColors(view, colors) {
    Object.assign(view.colors, colors);
    view.stepsChart.setColors(colors);
  },
  dispose(view, ctx) {
    if (view.detailFrame) ctx.doc.defaultView?.cancelAnimationFrame(view.detailFrame);
    view.playback.pause();
    view.strip.dispose();
    for (const loss of LOSSES) view.maps[loss].dispose();
    destroyChartsIn(ctx.root);
  },
  api: (ctx, view) => ({
    /** The head of each path on its map, in CSS pixels (tests). */
    headPixels: () => ({ ce: view.maps.ce.headPixels(), mse: view.maps.mse.headPixels() }),
    /** Where (w, b) sits on a map, in CSS pixels (tests click there). */
    mapPixel: (loss, w, b) => view.maps[loss].pixelOf(w, b),
    isPlaying: () => view.playback.isPlaying(),
    /** Cells per side of the maps drawn: coarse while a point is dragged (tests). */
    mapSide: () => ctx.results().maps.side,
    /** What the maps drawn hold: 'coarse', 'shaded' (the frame a point is let go), 'detailed'. */
    mapStage: () => ctx.results().maps.stage,
  }),
};
