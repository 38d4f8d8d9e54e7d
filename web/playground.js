// Wiring of the binary playground: one state object, rendered from. Inputs propose a new
// state; the core's binaryPoint judges it (a rejected state never replaces the last good
// one); render() then draws everything from the state and the core's numbers.
import { LOSS_AXIS_MAX, createLossChart } from './loss_chart.js';
import { Z_AXIS, createGradientChart } from './gradient_chart.js';
import { readThemeColors } from './chart_setup.js';
import { formatNumber } from './number_format.js';
import { bindNumberField } from './number_field.js';
import { createPlayer } from './play_animation.js';
import {
  DEFAULT_STATE,
  Y_SPEC,
  Z_SPEC,
  queryFromState,
  stateFromQuery,
} from './playground_state.js';
import { createReadouts } from './readouts.js';
import { createNotices } from './notices.js';

const LOSS_CURVE = { zMin: -16, zMax: 16, n: 321 }; // p from 1e-7 to 1 − 1e-7
const GRADIENT_CURVE = { zMin: Z_AXIS.min, zMax: Z_AXIS.max, n: 241 };
const SATURATION_P = 0.01; // shade where p < 0.01 or p > 0.99, i.e. p(1 − p) < 0.0099
const URL_DELAY_MS = 200;
const KEY_STEPS = {
  ArrowRight: 0.1,
  ArrowUp: 0.1,
  ArrowLeft: -0.1,
  ArrowDown: -0.1,
  PageUp: 1,
  PageDown: -1,
};

const clamp = (value, min, max) => Math.min(max, Math.max(min, value));

/**
 * Builds the playground. The charts are created while the wasm core is still compiling;
 * the first render waits for it.
 * @param {Promise<object>} corePromise  resolves to the createLossCore() API
 */
export async function startPlayground(corePromise, doc = document, win = window) {
  const $ = (id) => doc.getElementById(id);
  const el = {
    main: $('playground'),
    zSlider: $('z-slider'),
    zField: $('z-field'),
    zError: $('z-error'),
    softRow: $('soft-row'),
    ySlider: $('y-slider'),
    yField: $('y-field'),
    yError: $('y-error'),
    modes: [...doc.querySelectorAll('input[name="label-mode"]')],
    play: $('play'),
    reset: $('reset'),
    copyLink: $('copy-link'),
    copyStatus: $('copy-status'),
    raceLink: $('race-link'),
    logScale: $('log-scale'),
    signed: $('signed'),
    lossCanvas: $('loss-chart'),
    gradientCanvas: $('gradient-chart'),
    lossNote: $('loss-chart-note'),
    gradientNote: $('gradient-chart-note'),
  };
  const notices = createNotices($('notices'));
  const readouts = createReadouts(doc);
  let colors = readThemeColors(win.themeElement);
  const lossChart = createLossChart(el.lossCanvas, colors);
  const gradientChart = createGradientChart(el.gradientCanvas, colors);

  const core = await corePromise;
  const fromUrl = stateFromQuery(win.location.search);
  fromUrl.notices.forEach((message) => notices.show(message));
  let state = null;
  let curveLabel = null;
  let viewKey = null;
  let urlTimer = 0;

  // ---- rendering -------------------------------------------------------------------------

  function saturationZones(y) {
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

  function renderCharts(point) {
    if (curveLabel !== state.y) {
      const { zMin, zMax, n } = LOSS_CURVE;
      lossChart.setCurve(core.binaryCurve(state.y, zMin, zMax, n));
      gradientChart.setCurve(
        core.binaryCurve(state.y, GRADIENT_CURVE.zMin, GRADIENT_CURVE.zMax, GRADIENT_CURVE.n),
      );
      gradientChart.setZones(saturationZones(state.y));
      curveLabel = state.y;
    }
    const nextView = `${state.logScale}/${state.signed}`;
    if (viewKey !== nextView) {
      gradientChart.setView(state);
      viewKey = nextView;
    }
    const ceOffScale = lossChart.setPoint(point);
    const zOffAxis = gradientChart.setPoint(state.z, point);
    lossChart.render();
    gradientChart.render();

    const y = formatNumber(state.y);
    el.lossNote.textContent = ceOffScale
      ? `CE = ${formatNumber(point.ce)} is above the axis (it stops at ${LOSS_AXIS_MAX}); the triangle on the top edge marks it.`
      : `Solid line: cross-entropy. Dashed line: MSE. Markers: the current p = ${formatNumber(point.p)}.`;
    el.gradientNote.textContent = zOffAxis
      ? `z = ${formatNumber(state.z)} lies outside the axis; the triangles at the edge mark its gradients.`
      : state.logScale && state.signed
        ? 'A logarithmic axis shows magnitudes only; untick “Show sign” to use it.'
        : 'Shaded: where p(1 − p) is tiny. Solid: cross-entropy. Dashed: MSE.';
    el.lossCanvas.setAttribute(
      'aria-label',
      `Loss against p for y = ${y}: cross-entropy and MSE curves. At the current p = ${formatNumber(point.p)}, CE is ${formatNumber(point.ce)} and MSE is ${formatNumber(point.mse)}.`,
    );
    el.gradientCanvas.setAttribute(
      'aria-label',
      `Gradients against z for y = ${y}. At z = ${formatNumber(state.z)}, |dCE/dz| is ${formatNumber(Math.abs(point.dceDz))} and |dMSE/dz| is ${formatNumber(Math.abs(point.dmseDz))}.`,
    );
  }

  function renderInputs(point, source) {
    // The race can start every example at a logit in [−50, 50]; past that, at its edge.
    const startZ = clamp(state.z, -50, 50);
    el.raceLink.href = `race.html?init=logit&z=${startZ}&hidden=0&data=blobs`;
    el.raceLink.textContent = `Train a model that starts at z = ${formatNumber(startZ)}`;
    el.zSlider.value = String(clamp(state.z, Z_AXIS.min, Z_AXIS.max));
    el.zSlider.setAttribute(
      'aria-valuetext',
      `z = ${formatNumber(state.z)}, p = ${formatNumber(point.p)}`,
    );
    if (source !== 'z-field') el.zField.value = String(state.z);
    const mode = state.soft ? 'soft' : String(state.y);
    for (const radio of el.modes) radio.checked = radio.value === mode;
    el.softRow.hidden = !state.soft;
    el.ySlider.value = String(state.y);
    el.ySlider.setAttribute('aria-valuetext', `y = ${formatNumber(state.y)}`);
    if (source !== 'y-field') el.yField.value = String(state.y);
    el.logScale.checked = state.logScale;
    el.logScale.disabled = state.signed;
    el.signed.checked = state.signed;
  }

  function render(point, source) {
    renderCharts(point);
    readouts.render(state, point);
    renderInputs(point, source);
  }

  function scheduleUrlUpdate() {
    clearTimeout(urlTimer);
    urlTimer = setTimeout(() => {
      win.history.replaceState(null, '', `${queryFromState(state)}${win.location.hash}`);
    }, URL_DELAY_MS);
  }

  /** Proposes a state. The core rejects what it cannot compute; the last good state stays. */
  function commit(next, source) {
    let point;
    try {
      point = core.binaryPoint(next.z, next.y);
    } catch (error) {
      notices.show(error.message);
      return false;
    }
    state = next;
    render(point, source);
    scheduleUrlUpdate();
    return true;
  }

  // ---- fields --------------------------------------------------------------------------

  const zField = bindNumberField({
    field: el.zField,
    errorBox: el.zError,
    spec: Z_SPEC,
    onValue: (z) => commit({ ...state, z }, 'z-field'),
  });
  const yField = bindNumberField({
    field: el.yField,
    errorBox: el.yError,
    spec: Y_SPEC,
    onValue: (y) => commit({ ...state, y, soft: true }, 'y-field'),
  });
  const clearZError = zField.clearError;
  const clearYError = yField.clearError;

  // ---- controls --------------------------------------------------------------------------

  const player = createPlayer({
    min: Z_AXIS.min,
    max: Z_AXIS.max,
    getZ: () => state.z,
    setZ: (z) => commit({ ...state, z }, 'play'),
    onChange: (playing) => {
      el.play.textContent = playing ? 'Pause' : 'Play';
      el.play.setAttribute('aria-pressed', String(playing));
    },
  });
  el.play.addEventListener('click', () => player.toggle());
  // Any other input stops the animation.
  for (const type of ['pointerdown', 'keydown', 'input']) {
    el.main.addEventListener(
      type,
      (event) => {
        if (event.target !== el.play) player.stop();
      },
      true,
    );
  }

  el.zSlider.addEventListener('input', () => {
    clearZError();
    commit({ ...state, z: Number(el.zSlider.value) }, 'z-slider');
  });
  el.zSlider.addEventListener('keydown', (event) => {
    let z = null;
    if (event.key in KEY_STEPS) {
      const step =
        event.shiftKey && event.key.startsWith('Arrow')
          ? KEY_STEPS[event.key] / 10
          : KEY_STEPS[event.key];
      // From an off-axis z (typed −700) the keys start at the slider's edge.
      z = clamp(state.z, Z_AXIS.min, Z_AXIS.max) + step;
    } else if (event.key === 'Home') {
      z = Z_AXIS.min;
    } else if (event.key === 'End') {
      z = Z_AXIS.max;
    }
    if (z === null) return;
    event.preventDefault();
    clearZError();
    commit({ ...state, z: Math.round(clamp(z, Z_AXIS.min, Z_AXIS.max) * 100) / 100 }, 'z-slider');
  });

  for (const radio of el.modes) {
    radio.addEventListener('change', () => {
      if (!radio.checked) return;
      clearYError();
      if (radio.value === 'soft') {
        commit({ ...state, soft: true }, 'mode');
      } else {
        commit({ ...state, y: Number(radio.value), soft: false }, 'mode');
      }
    });
  }
  el.ySlider.addEventListener('input', () => {
    clearYError();
    commit({ ...state, y: Number(el.ySlider.value), soft: true }, 'y-slider');
  });
  el.logScale.addEventListener('change', () =>
    commit({ ...state, logScale: el.logScale.checked }, 'log-scale'),
  );
  el.signed.addEventListener('change', () =>
    commit({ ...state, signed: el.signed.checked }, 'signed'),
  );
  el.reset.addEventListener('click', () => {
    player.stop();
    clearZError();
    clearYError();
    commit({ ...DEFAULT_STATE }, 'reset');
  });
  el.copyLink.addEventListener('click', async () => {
    const link = `${win.location.origin}${win.location.pathname}${queryFromState(state)}`;
    try {
      await win.navigator.clipboard.writeText(link);
      el.copyStatus.textContent = 'Link copied.';
    } catch {
      el.copyStatus.textContent = `Copy this link: ${link}`;
    }
  });

  win.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
    colors = readThemeColors(win.themeElement);
    lossChart.setColors(colors);
    gradientChart.setColors(colors);
    commit(state, 'theme');
  });

  if (!commit(fromUrl.state, 'url')) {
    commit({ ...DEFAULT_STATE }, 'url');
  }
  el.main.setAttribute('aria-busy', 'false');
  return {
    getState: () => ({ ...state }),
    /** Size of the wasm core's memory, for the long-session benchmark. */
    memoryBytes: () => core.memoryBytes(),
    /** Stops anything still running (the play animation), for a widget being rebuilt. */
    dispose() {
      player.stop();
    },
    /** Sets part of the state from outside (the explanations' "Show me" buttons). */
    show(patch) {
      player.stop();
      clearZError();
      clearYError();
      return commit({ ...state, ...patch }, 'show-me');
    },
    /** Pixel positions of the operating-point markers, for the browser tests. */
    markerPixels: () => ({
      loss: lossChart.chart.$operatingPixels,
      gradient: gradientChart.chart.$operatingPixels,
    }),
  };
}
