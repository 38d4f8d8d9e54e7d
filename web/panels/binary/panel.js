// The binary playground: a sigmoid classifier's logit z and label y, the loss of both
// cross-entropy and MSE against p, and their gradients against z. Every number comes from the
// core: binaryPoint for the operating point, binaryCurve for the curves.
import { readThemeColors } from '../../shared/theme.js';
import { choiceControl, numberControl } from '../../shared/controls.js';
import { formatNumber } from '../../shared/number_format.js';
import { Z_AXIS, createGradientChart } from './gradient_chart.js';
import { LOSS_AXIS_MAX, createLossChart } from './loss_chart.js';
import { renderChainRule } from './chain_rule.js';
import { fillLiveNumbers } from './live_numbers.js';
import { createPlayer } from './play_animation.js';
import { renderReadouts, verdictFor } from './readouts.js';
import { number } from '../../shared/params.js';
import { QUESTIONS } from './questions.js';
import { SCENES } from './scenes.js';
import { storyNumbers } from './story.js';
import { wireSceneButtons } from '../../shared/scenes.js';
import { EPS_SPEC, Y_SPEC, Z_SPEC, table } from './state.js';
import { destroyChartsIn } from '../../charts/chart_setup.js';

const LOSS_CURVE = { zMin: -16, zMax: 16, n: 321 }; // p from 1e-7 to 1 − 1e-7
const GRADIENT_CURVE = { zMin: Z_AXIS.min, zMax: Z_AXIS.max, n: 241 };
const SATURATION_P = 0.01; // shade where p < 0.01 or p > 0.99, i.e. p(1 − p) < 0.0099
const KEY_STEPS = {
  ArrowRight: 0.1,
  ArrowUp: 0.1,
  ArrowLeft: -0.1,
  ArrowDown: -0.1,
  PageUp: 1,
  PageDown: -1,
};
const clamp = (value, min, max) => Math.min(max, Math.max(min, value));

/** The shaded saturation zones of the gradient chart for label y, with what they mean. */
function saturationZones(core, y) {
  const low = core.logit(SATURATION_P);
  const high = core.logit(1 - SATURATION_P);
  const describe = (edgeZ) =>
    Math.abs(core.binaryPoint(edgeZ, y).dceDz) >= 0.25
      ? ['MSE gradient', 'vanishes here']
      : ['both gradients', 'small here'];
  return [
    { from: Z_AXIS.min, to: low, lines: [...describe(Z_AXIS.min), `(p < ${SATURATION_P})`] },
    { from: high, to: Z_AXIS.max, lines: [...describe(Z_AXIS.max), `(p > ${1 - SATURATION_P})`] },
  ];
}

/** The textbook clamped CE's gradient over the gradient chart's z, or null with the clamp off. */
function clampedCurve(core, state, gradient) {
  if (!state.clamp) return null;
  const dceDz = new Float64Array(gradient.z.length);
  gradient.z.forEach((z, i) => {
    dceDz[i] = core.clampedBinaryPoint(z, state.y, state.eps).dceDz;
  });
  return { z: gradient.z, dceDz };
}

function compute(core, state, previous) {
  const point = core.binaryPoint(state.z, state.y);
  // The curves depend on y alone (the clamped one on ε too): a new z reuses them.
  const sameY = previous.state?.y === state.y;
  const curves = sameY
    ? previous.results.curves
    : {
        loss: core.binaryCurve(state.y, LOSS_CURVE.zMin, LOSS_CURVE.zMax, LOSS_CURVE.n),
        gradient: core.binaryCurve(
          state.y,
          GRADIENT_CURVE.zMin,
          GRADIENT_CURVE.zMax,
          GRADIENT_CURVE.n,
        ),
        zones: saturationZones(core, state.y),
        // The least CE any p reaches for this label: H(y), 0 for a hard label.
        floor: core.softTargetPoint(0, state.y).entropy,
      };
  const sameClamp =
    sameY && previous.state.clamp === state.clamp && previous.state.eps === state.eps;
  return {
    point,
    curves,
    clamped: sameClamp ? previous.results.clamped : clampedCurve(core, state, curves.gradient),
    clampedPoint: state.clamp ? core.clampedBinaryPoint(state.z, state.y, state.eps) : null,
    chain: core.sigmoidChain(state.z, state.y),
    clampEdge: state.clamp ? core.logit(state.eps) : null,
  };
}

/** Keys on the z slider: steps of 0.1 (0.01 with Shift) and 1, Home and End. */
function zFromKey(event, z) {
  if (event.key === 'Home') return Z_AXIS.min;
  if (event.key === 'End') return Z_AXIS.max;
  if (!(event.key in KEY_STEPS)) return null;
  const fine = event.shiftKey && event.key.startsWith('Arrow');
  const step = fine ? KEY_STEPS[event.key] / 10 : KEY_STEPS[event.key];
  // From an off-axis z (typed −700) the keys start at the slider's edge.
  const next = clamp(clamp(z, Z_AXIS.min, Z_AXIS.max) + step, Z_AXIS.min, Z_AXIS.max);
  return Math.round(next * 100) / 100;
}

function createView(ctx) {
  const { $ } = ctx;
  const colors = readThemeColors(ctx.host.themeElement);
  const z = numberControl(ctx, {
    key: 'z',
    kind: number(Z_SPEC),
    slider: 'z-slider',
    field: 'z-field',
    error: 'z-error',
    valueText: (state) =>
      `z = ${formatNumber(state.z)}, p = ${formatNumber(ctx.results()?.point.p ?? NaN)}`,
  });
  const y = numberControl(ctx, {
    key: 'y',
    kind: number(Y_SPEC),
    slider: 'y-slider',
    field: 'y-field',
    error: 'y-error',
    write: (state, value) => ({ ...state, y: value, soft: true }),
  });
  z.slider.addEventListener('keydown', (event) => {
    const next = zFromKey(event, ctx.state().z);
    if (next === null) return;
    event.preventDefault();
    ctx.clearErrors();
    ctx.propose({ ...ctx.state(), z: next }, 'z-slider');
  });
  const eps = numberControl(ctx, {
    key: 'eps',
    kind: number(EPS_SPEC),
    field: 'eps-field',
    error: 'eps-error',
  });
  $('clamp').addEventListener('change', () =>
    ctx.propose({ ...ctx.state(), clamp: $('clamp').checked }, 'clamp'),
  );
  const mode = choiceControl(ctx, {
    radios: 'label-mode',
    write: (state, value) =>
      value === 'soft' ? { ...state, soft: true } : { ...state, y: Number(value), soft: false },
  });
  const player = createPlayer({
    min: Z_AXIS.min,
    max: Z_AXIS.max,
    getZ: () => ctx.state().z,
    setZ: (next) => ctx.propose({ ...ctx.state(), z: next }, 'play'),
    onChange: (playing) => {
      $('play').textContent = playing ? 'Pause' : 'Play';
      $('play').setAttribute('aria-pressed', String(playing));
    },
  });
  wireButtons(ctx, player);
  return {
    ctx,
    controls: { z, y, eps, mode },
    player,
    loss: createLossChart($('loss-chart'), colors),
    gradient: createGradientChart($('gradient-chart'), colors),
    drawn: { curves: null, clamped: null, view: null },
  };
}

function wireButtons(ctx, player) {
  const { $ } = ctx;
  $('play').addEventListener('click', () => player.toggle());
  // Any other input stops the animation.
  for (const type of ['pointerdown', 'keydown', 'input']) {
    $('playground').addEventListener(
      type,
      (event) => event.target !== $('play') && player.stop(),
      true,
    );
  }
  for (const id of ['log-scale', 'signed']) {
    const key = id === 'log-scale' ? 'logScale' : 'signed';
    $(id).addEventListener('change', () =>
      ctx.propose({ ...ctx.state(), [key]: $(id).checked }, id),
    );
  }
  $('reset').addEventListener('click', () => {
    player.stop();
    ctx.reset();
  });
  $('copy-link').addEventListener('click', async () => {
    const { linkTo, navigator } = ctx.host;
    if (!linkTo) return; // a host with no page to link to hides the button
    const link = linkTo(ctx.query());
    try {
      await navigator.clipboard.writeText(link);
      $('copy-status').textContent = 'Link copied.';
    } catch {
      $('copy-status').textContent = `Copy this link: ${link}`;
    }
  });
}

function renderCharts(view, state, { point, curves, clamped, clampedPoint }) {
  if (view.drawn.curves !== curves) {
    view.loss.setCurve(curves.loss);
    view.gradient.setCurve(curves.gradient);
    view.gradient.setZones(curves.zones);
    view.drawn.curves = curves;
  }
  if (view.drawn.clamped !== clamped) {
    view.gradient.setClampedCurve(clamped);
    view.drawn.clamped = clamped;
  }
  const chartView = `${state.logScale}/${state.signed}`;
  if (view.drawn.view !== chartView) {
    view.gradient.setView(state);
    view.drawn.view = chartView;
  }
  const ceOffScale = view.loss.setPoint(point);
  const zOffAxis = view.gradient.setPoint(state.z, point, clampedPoint);
  view.loss.render();
  view.gradient.render();
  return { ceOffScale, zOffAxis };
}

function renderNotes(ctx, state, { point, clampEdge }, { ceOffScale, zOffAxis }) {
  const { $ } = ctx;
  $('loss-chart-note').textContent = ceOffScale
    ? `CE = ${formatNumber(point.ce)} is above the axis (it stops at ${LOSS_AXIS_MAX}); the triangle on the top edge marks it.`
    : `Solid line: cross-entropy. Dashed line: MSE. Markers: the current p = ${formatNumber(point.p)}.`;
  $('gradient-chart-note').textContent = zOffAxis
    ? `z = ${formatNumber(state.z)} lies outside the axis; the triangles at the edge mark its gradients.`
    : state.logScale && state.signed
      ? 'A logarithmic axis shows magnitudes only; untick “Show sign” to use it.'
      : 'Shaded: where p(1 − p) is tiny. Solid: cross-entropy. Dashed: MSE.' +
        (state.clamp
          ? ` Dotted: the clipped CE, whose gradient is 0 beyond z = ±${formatNumber(Math.abs(clampEdge))}.`
          : '');
  const y = formatNumber(state.y);
  $('loss-chart').setAttribute(
    'aria-label',
    `Loss against p for y = ${y}: cross-entropy and MSE curves. At the current p = ${formatNumber(point.p)}, CE is ${formatNumber(point.ce)} and MSE is ${formatNumber(point.mse)}.`,
  );
  $('gradient-chart').setAttribute(
    'aria-label',
    `Gradients against z for y = ${y}. At z = ${formatNumber(state.z)}, |dCE/dz| is ${formatNumber(Math.abs(point.dceDz))} and |dMSE/dz| is ${formatNumber(Math.abs(point.dmseDz))}.`,
  );
}

function renderInputs(ctx, view, state, source) {
  const { $ } = ctx;
  const { min, max } = ctx.core.limits.race.initLogit; // the race's own limit
  const startZ = clamp(state.z, min, max);
  $('race-link').href = `race.html?init=logit&z=${startZ}&hidden=0&data=blobs`;
  // Beyond the race's limit the link starts at the limit, and says so rather than quietly.
  $('race-link').textContent =
    startZ === state.z
      ? `Train a model that starts at z = ${formatNumber(startZ)}`
      : `Train a model that starts at z = ${formatNumber(startZ)}, the nearest to ${formatNumber(state.z)} the race allows,`;
  view.controls.z.render(state, source);
  view.controls.y.render(state, source);
  view.controls.mode.render(state.soft ? 'soft' : String(state.y));
  $('soft-row').hidden = !state.soft;
  view.controls.eps.render(state, source);
  $('clamp').checked = state.clamp;
  $('eps-row').hidden = !state.clamp;
  $('eps-hint').hidden = !state.clamp;
  // A signed axis cannot be logarithmic: the box is then unticked and disabled, never a
  // ticked box that does nothing.
  $('log-scale').checked = state.logScale && !state.signed;
  $('log-scale').disabled = state.signed;
  $('signed').checked = state.signed;
}

/** @type {import('../../shared/panel.js').PanelSpec} */
export default {
  id: 'binary',
  table,
  scenes: SCENES,
  questions: QUESTIONS,
  storyNumbers,
  storyGlide: ['z'], // a story's step slides the logit to its value
  liveRegion: 'live-summary',
  createView,
  compute,
  render(view, state, results, source) {
    renderNotes(view.ctx, state, results, renderCharts(view, state, results));
    renderReadouts(view.ctx.$, state, results);
    renderChainRule(view.ctx.$, state, results.chain);
    renderInputs(view.ctx, view, state, source);
  },
  announce(state, results) {
    const { point } = results;
    return (
      `z ${formatNumber(state.z)}, y ${formatNumber(state.y)}: p ${formatNumber(point.p)}, ` +
      `CE ${formatNumber(point.ce)}, MSE ${formatNumber(point.mse)}. ${verdictFor(state, results)}`
    );
  },
  setColors(view, colors) {
    view.loss.setColors(colors);
    view.gradient.setColors(colors);
  },
  dispose(view, ctx) {
    view.player.stop();
    destroyChartsIn(ctx.root);
  },
  /** The explanations' live numbers and "Show me" buttons, once the charts are on screen. */
  afterFirstFrame(ctx, api) {
    const explanations = ctx.root.querySelector('.explanations');
    if (!explanations || explanations.hidden) return;
    fillLiveNumbers(explanations, ctx.core).then((problems) => {
      for (const problem of problems) {
        ctx.notices.show(`A number in the explanations could not be computed (${problem}).`);
      }
      explanations.dataset.liveNumbers = 'filled'; // for the browser tests
    });
    wireSceneButtons(explanations, SCENES, (scene) => api.showScene(scene.id), ctx.host);
  },
  api: (ctx, view) => ({
    show(patch) {
      view.player.stop();
      return ctx.propose({ ...ctx.state(), ...patch }, 'show-me');
    },
    /** Pixel positions of the operating-point markers, for the browser tests. */
    markerPixels: () => ({
      loss: view.loss.chart.$operatingPixels,
      gradient: view.gradient.chart.$operatingPixels,
    }),
  }),
};
