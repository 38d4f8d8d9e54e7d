// Every core call for one state of the likelihood lab, made once: the NLL and the loss at the
// current center, the best center, the curves against the center, the fitted density on a grid,
// and the same data at a second spread (for the sentence about what the spread changes). What
// depends only on the model and its data is reused while just the center moves.
import { modelOf } from './state.js';

const CURVE_POINTS = 401;
const DENSITY_POINTS = 401; // across the whole x-axis
const PEAK_POINTS = 161; // again within ±5 spreads of the center, so a narrow peak is not missed
const AXIS_SPREADS = 4; // the x-axis runs this many spreads beyond the data and the center
const LOGIT_VIEW = 6; // Bernoulli: z from −6 to 6 (p from 0.0025 to 0.9975), wider if needed

const clampTo = (value, { min, max }) => Math.min(max, Math.max(min, value));

/**
 * The center's axis: the slider's range (from the data alone, so it stays put while the slider
 * moves) and the curve's range (that, widened to a center typed outside it).
 */
export function locationRange(model, fit, limit) {
  let [lo, hi] = [-LOGIT_VIEW, LOGIT_VIEW];
  if (model.dist !== 'bernoulli') {
    const [low, high] = [Math.min(...model.data), Math.max(...model.data)];
    const pad = Math.max(1, 0.15 * (high - low));
    [lo, hi] = [Math.floor(low - pad), Math.ceil(high + pad)];
  } else if (fit.attained) {
    [lo, hi] = [Math.min(lo, Math.floor(fit.best - 1)), Math.max(hi, Math.ceil(fit.best + 1))];
  }
  const slider = { lo: clampTo(lo, limit), hi: clampTo(hi, limit) };
  const pad = 0.1 * (slider.hi - slider.lo);
  const curve = {
    lo: clampTo(Math.min(slider.lo, Math.floor(model.location - pad)), limit),
    hi: clampTo(Math.max(slider.hi, Math.ceil(model.location + pad)), limit),
  };
  return { slider, curve };
}

/** f(x) on a grid for drawing: a coarse grid over the axis merged with a fine one at the peak. */
function densityGrid(core, model) {
  const { dist, location, scale, data } = model;
  if (dist === 'bernoulli') return core.likelihoodDensity(dist, location, scale, 0, 1, 2);
  const lo = Math.min(location, ...data) - AXIS_SPREADS * scale;
  const hi = Math.max(location, ...data) + AXIS_SPREADS * scale;
  const coarse = core.likelihoodDensity(dist, location, scale, lo, hi, DENSITY_POINTS);
  const [peakLo, peakHi] = [Math.max(lo, location - 5 * scale), Math.min(hi, location + 5 * scale)];
  const fine = core.likelihoodDensity(dist, location, scale, peakLo, peakHi, PEAK_POINTS);
  const points = [...coarse.x.keys()]
    .map((i) => [coarse.x[i], coarse.density[i]])
    .concat([...fine.x.keys()].map((i) => [fine.x[i], fine.density[i]]))
    .sort((a, b) => a[0] - b[0]);
  return { x: points.map((p) => p[0]), density: points.map((p) => p[1]) };
}

/** The Gaussian model of these data at the state's σ and at a second σ (double, or half when
 * double is out of range): the scale and constant change, the best μ does not. */
function spreadComparison(core, state) {
  const { max } = core.limits.likelihood.scale;
  const spreads = [state.sigma, state.sigma * 2 <= max ? state.sigma * 2 : state.sigma / 2];
  return spreads.map((sigma) => {
    const fit = core.likelihoodFit('gaussian', state.data, sigma);
    return { sigma, fit, point: core.likelihoodPoint('gaussian', state.data, fit.best, sigma) };
  });
}

const sameList = (a, b) => a.length === b.length && a.every((v, i) => v === b[i]);
const sameData = (a, b) => a.dist === b.dist && a.scale === b.scale && sameList(a.data, b.data);

export function compute(core, state, previous) {
  const model = modelOf(state);
  const before = previous.results;
  const reuse = before && sameData(before.model, model);
  const fit = reuse ? before.fit : core.likelihoodFit(model.dist, model.data, model.scale);
  const range = locationRange(model, fit, core.limits.likelihood.location);
  const sameCurve =
    reuse && before.range.curve.lo === range.curve.lo && before.range.curve.hi === range.curve.hi;
  const { lo, hi } = range.curve;
  const curve = sameCurve
    ? before.curve
    : core.likelihoodCurve(model.dist, model.data, model.scale, lo, hi, CURVE_POINTS);
  const spreads =
    before && sameList(before.state.data, state.data) && before.state.sigma === state.sigma
      ? before.spreads
      : spreadComparison(core, state);
  return {
    state,
    model,
    point: core.likelihoodPoint(model.dist, model.data, model.location, model.scale),
    fit,
    bestP: model.dist === 'bernoulli' && fit.attained ? core.sigmoid(fit.best) : null,
    range,
    curve,
    density: densityGrid(core, model),
    spreads,
  };
}
