// The likelihood lab: choose a noise model (Bernoulli, Gaussian, Laplace), move its center,
// and see that its negative log-likelihood is cross-entropy, MSE or MAE up to a scale and a
// constant, with the data drawn on the fitted distribution. Every number comes from the
// core: likelihoodPoint, likelihoodFit, likelihoodCurve, likelihoodDensity (compute.js).
import { readThemeColors } from '../../shared/theme.js';
import { choiceControl, fillRows, numberControl } from '../../shared/controls.js';
import { formatNumber } from '../../shared/number_format.js';
import { number } from '../../shared/params.js';
import { wireSceneButtons } from '../../shared/scenes.js';
import { compute } from './compute.js';
import { createDensityChart } from './density_chart.js';
import { MODELS } from './models.js';
import { createNllChart } from './nll_chart.js';
import { wirePresets } from './presets.js';
import { QUESTIONS } from './questions.js';
import { SCENES } from './scenes.js';
import { storyNumbers } from './story.js';
import { formatDistinct } from './spaced_format.js';
import { renderCharts } from './render_charts.js';
import { B_SPEC, MU_SPEC, SIGMA_SPEC, Z_SPEC, dataKind, outcomesKind, table } from './state.js';
import { announcement, bestText, centerFormat, relationText } from './text.js';
import { destroyChartsIn } from '../../charts/chart_setup.js';

const isBernoulli = (state) => state.dist === 'bernoulli';

/** The center's slider and field: μ for Gaussian and Laplace, the logit z for Bernoulli. */
function locationControl(ctx) {
  const muKind = number(MU_SPEC);
  const zKind = number(Z_SPEC);
  return numberControl(ctx, {
    kind: { parse: (text) => (isBernoulli(ctx.state()) ? zKind : muKind).parse(text) },
    slider: 'lk-location-slider',
    field: 'lk-location',
    error: 'lk-location-error',
    read: (state) => (isBernoulli(state) ? state.z : state.mu),
    write: (state, value) => ({ ...state, [isBernoulli(state) ? 'z' : 'mu']: value }),
    valueText: (state) =>
      isBernoulli(state) ? `z = ${formatNumber(state.z)}` : `μ = ${formatNumber(state.mu)}`,
  });
}

/** The spread's slider and field: σ for Gaussian, b for Laplace (Bernoulli has none). */
function scaleControl(ctx) {
  const kinds = { gaussian: number(SIGMA_SPEC), laplace: number(B_SPEC) };
  const key = (state) => (state.dist === 'laplace' ? 'b' : 'sigma');
  return numberControl(ctx, {
    kind: { parse: (text) => (kinds[ctx.state().dist] ?? kinds.gaussian).parse(text) },
    slider: 'lk-scale-slider',
    field: 'lk-scale',
    error: 'lk-scale-error',
    read: (state) => state[key(state)],
    write: (state, value) => ({ ...state, [key(state)]: value }),
    valueText: (state) =>
      `${MODELS[state.dist].spread ?? 'σ'} = ${formatNumber(state[key(state)])}`,
  });
}

function createView(ctx) {
  const { $ } = ctx;
  // The lists read back with a space after each comma; either form is accepted.
  const listControl = (key, kind, field) =>
    numberControl(ctx, {
      kind,
      field,
      error: `${field}-error`,
      read: (state) => state[key].join(', '),
      write: (state, value) => ({ ...state, [key]: value }),
    });
  const controls = [
    locationControl(ctx),
    scaleControl(ctx),
    listControl('data', dataKind, 'lk-data'),
    listControl('outcomes', outcomesKind, 'lk-outcomes'),
  ];
  const dist = choiceControl(ctx, { key: 'dist', radios: 'lk-dist' });
  const propose = (patch) => ctx.propose({ ...ctx.state(), ...patch }, 'show-me');
  wirePresets($('lk-controls'), propose);
  wireSceneButtons(
    ctx.root.querySelector('.lk-why'),
    SCENES,
    (scene) => propose(structuredClone(scene.state)),
    ctx.host,
  );
  $('lk-reset').addEventListener('click', () => ctx.reset());
  const colors = readThemeColors(ctx.host.themeElement);
  return {
    ctx,
    controls,
    dist,
    density: createDensityChart($('lk-density-chart'), colors),
    nll: createNllChart($('lk-nll-chart'), colors),
  };
}

/** Which fields and labels the chosen model has. */
function renderModelParts($, state, { range }) {
  const m = MODELS[state.dist];
  const bernoulli = isBernoulli(state);
  $('lk-data-group').hidden = bernoulli;
  $('lk-outcomes-group').hidden = !bernoulli;
  $('lk-scale-group').hidden = bernoulli;
  $('lk-no-scale').hidden = !bernoulli;
  $('lk-location-label').textContent = bernoulli ? 'Logit z' : 'Center μ';
  $('lk-scale-label').textContent = `Spread ${m.spread ?? ''}`.trim();
  const slider = $('lk-location-slider');
  slider.min = String(range.slider.lo);
  slider.max = String(range.slider.hi);
  slider.setAttribute('aria-label', bernoulli ? 'Logit z slider' : 'Center μ slider');
  $('lk-scale-slider').setAttribute('aria-label', `Spread ${m.spread ?? ''} slider`.trim());
}

/** Said when p = σ(z) has rounded to exactly 0 or 1 in double precision: the costs, which are
 * worked out from z, have not. */
const roundedP = (p) =>
  p === 0 || p === 1
    ? ' once rounded to a double; the costs are worked out from z and keep their digits'
    : '';

function renderReadouts($, state, results) {
  const { model, point } = results;
  const m = MODELS[state.dist];
  const bernoulli = isBernoulli(state);
  $('lk-location-name').textContent = bernoulli ? 'Probability of a 1, p' : 'Center μ';
  $('lk-out-location').textContent = bernoulli
    ? formatNumber(point.p)
    : centerFormat(model)(model.location);
  $('lk-out-nll').textContent = formatNumber(point.meanNll);
  $('lk-loss-name').textContent = m.lossLong;
  $('lk-out-loss').textContent = formatNumber(point.loss);
  $('lk-scale-name').textContent = bernoulli ? 'Scale' : `Scale ${m.scaleFormula}`;
  $('lk-out-scale').textContent = formatNumber(point.lossScale);
  $('lk-offset-name').textContent = bernoulli ? 'Constant' : `Constant ${m.offsetFormula}`;
  $('lk-out-offset').textContent = formatNumber(point.offset);
  $('lk-best-name').textContent = `Best ${m.location}: ${m.best}`;
  $('lk-out-best').textContent = bestText(results);
  $('lk-relation').textContent = relationText(results);
  $('lk-location-hint').textContent = bernoulli
    ? `p = 1/(1 + e⁻ᶻ) = ${formatNumber(point.p)}${roundedP(point.p)}. The field goes beyond ` +
      'the slider, such as −700.'
    : 'The field goes beyond the slider, such as 100.';
  const lossCard = $('lk-out-loss').parentElement;
  lossCard.className = `lk-loss ${m.colorKey}`;
}

function renderPoints($, doc, { model, point }) {
  const bernoulli = model.dist === 'bernoulli';
  $('lk-points-value').textContent = bernoulli ? 'label y' : 'value x';
  // A Gaussian or Laplace f is a density, which can exceed 1 (and then costs less than 0).
  $('lk-points-f').textContent = bernoulli ? 'probability ' : 'density ';
  $('lk-points-density').hidden = bernoulli;
  $('lk-points-caption').textContent =
    `Under the ${MODELS[model.dist].title} model: the costs add up to ` +
    `${formatNumber(point.totalNll)}, a mean of ${formatNumber(point.meanNll)} per ` +
    `${bernoulli ? 'label' : 'point'}.`;
  const formatX = formatDistinct(model.data); // values near 10⁶ that differ by 1 read apart
  const rows = model.data.map((x, i) => [
    `point ${i + 1}`,
    formatX(x),
    ...[point.densities[i], point.nlls[i]].map(formatNumber),
  ]);
  fillRows(doc, $('lk-points'), rows);
}

function renderSpreads($, spreads) {
  const [now, other] = spreads;
  const set = (id, value) => {
    $(id).textContent = formatNumber(value);
  };
  set('lk-why-sigma', now.sigma);
  set('lk-why-scale', now.point.lossScale);
  set('lk-why-offset', now.point.offset);
  set('lk-why-sigma-other', other.sigma);
  set('lk-why-scale-other', other.point.lossScale);
  set('lk-why-offset-other', other.point.offset);
  set('lk-why-best', now.fit.best);
  set('lk-why-best-other', other.fit.best);
}

function render(view, state, results, source) {
  const { $, doc } = view.ctx;
  view.dist.render(state.dist);
  renderModelParts($, state, results);
  for (const control of view.controls) control.render(state, source);
  renderReadouts($, state, results);
  renderCharts(view, results);
  renderPoints($, doc, results);
  renderSpreads($, results.spreads);
}

/** @type {import('../../shared/panel.js').PanelSpec} */
export default {
  id: 'likelihood',
  table,
  scenes: SCENES,
  storyNumbers,
  questions: QUESTIONS,
  liveRegion: 'lk-live',
  createView,
  compute,
  render,
  announce: (state, results) => announcement(results),
  setColors: (view, colors) => {
    view.density.setColors(colors);
    view.nll.setColors(colors);
  },
  api: (ctx, view) => ({
    /** Where the markers of each chart were drawn, for the browser tests. */
    markerPixels: () => ({
      density: view.density.chart.$operatingPixels,
      nll: view.nll.chart.$operatingPixels,
    }),
  }),
  dispose: (view, ctx) => destroyChartsIn(ctx.root),
};
