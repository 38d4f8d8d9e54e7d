// Draws the likelihood lab's two charts from one state's results, with their aria-labels and
// the notes under them: the fitted distribution with the data, and the NLL with the loss
// mapped onto it.
import { formatNumber as f } from '../../shared/number_format.js';
import { counted } from '../../shared/counted.js';
import { MODELS } from './models.js';
import { formatDistinct, formatGrid } from './spaced_format.js';
import { centerFormat, curveLabels, densityNote, nllNote } from './text.js';

/** Markers of the best center: a cross (one at each end of an interval), or an arrow at the
 * axis's edge when the best logit is infinite. */
function bestMarkers({ fit, curve }, colorKey) {
  if (!fit.attained) {
    const last = curve.location.length - 1;
    const end = fit.best > 0 ? last : 0;
    return [
      {
        x: curve.location[end],
        y: curve.meanNll[end],
        colorKey,
        style: 'triangle',
        rotation: fit.best > 0 ? 90 : -90,
      },
    ];
  }
  const ends = fit.low === fit.high ? [fit.best] : [fit.low, fit.high];
  return ends.map((x) => ({
    x,
    y: fit.leastMeanNll,
    colorKey,
    style: 'crossRot',
    rotation: 0,
    radius: 10,
  }));
}

function renderDensity(view, results) {
  const { model, point, fit, density } = results;
  const m = MODELS[model.dist];
  const canvas = view.ctx.$('lk-density-chart');
  if (model.dist === 'bernoulli') {
    view.density.setBars(
      [`y = 0 (${fit.zeros} of ${fit.n})`, `y = 1 (${fit.ones} of ${fit.n})`],
      density.density,
      [fit.shareOfZeros, fit.shareOfOnes],
      m.colorKey,
    );
    canvas.setAttribute(
      'aria-label',
      `Bernoulli model with p = ${f(point.p)}: P(y = 0) = ${f(density.density[0])}, ` +
        `P(y = 1) = ${f(density.density[1])}; the data hold ${counted(fit.ones, 'one')} and ` +
        `${counted(fit.zeros, 'zero')}.`,
    );
  } else {
    view.density.setCurve(density, model.data, point.densities, model.location, m.colorKey);
    const fx = formatDistinct(model.data);
    const dots = model.data.map((x, i) => `${fx(x)} at ${f(point.densities[i])}`).join(', ');
    canvas.setAttribute(
      'aria-label',
      `${m.title} density with ${m.location} = ${centerFormat(model)(model.location)} and ` +
        `${m.spread} = ${f(model.scale)}; the data at their densities: ${dots}.`,
    );
  }
  view.density.render();
  view.ctx.$('lk-density-note').textContent = densityNote(results);
}

function renderNll(view, results) {
  const { model, point, curve } = results;
  const m = MODELS[model.dist];
  const bernoulli = model.dist === 'bernoulli';
  const { location } = curve;
  const formatX = formatGrid(location[0], location[location.length - 1], location.length);
  view.nll.setCurve(curve, {
    labels: curveLabels(results),
    xTitle: bernoulli ? 'logit z' : 'center μ',
    titleOf: (x) => `${m.location} = ${formatX(x)}`,
    formatX,
    colorKey: m.colorKey,
  });
  view.nll.setPoints(
    { location: model.location, meanNll: point.meanNll, mappedLoss: point.mappedLoss },
    bestMarkers(results, m.colorKey),
  );
  view.nll.render();
  view.ctx
    .$('lk-nll-chart')
    .setAttribute(
      'aria-label',
      `Mean NLL and ${curveLabels(results)[1]} against ${m.location}, one curve. At ` +
        `${m.location} = ${centerFormat(model)(model.location)} both are ${f(point.meanNll)}.`,
    );
  view.ctx.$('lk-nll-note').textContent = nllNote(results);
}

export function renderCharts(view, results) {
  renderDensity(view, results);
  renderNll(view, results);
}
