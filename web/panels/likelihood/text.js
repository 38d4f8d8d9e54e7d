// The likelihood lab's sentences, written from the core's results: the read-out of the best
// center, the relation line, the notes under both charts and the announcement. Every number
// in them is a core result passed through formatNumber.
import { addedTerm, counted } from '../../shared/counted.js';
import { formatNumber as f } from '../../shared/number_format.js';
import { MODELS } from './models.js';
import { formatDistinct } from './spaced_format.js';

/** What one datum is called: a label (Bernoulli) or a point. */
const datum = (dist) => (dist === 'bernoulli' ? 'label' : 'point');

/** How a center μ is written: with enough digits to tell the data and μ apart (999998, not
 * 1.000 × 10⁶, beside data one apart near 10⁶); a logit z as any number. */
export const centerFormat = (model) =>
  model.dist === 'bernoulli' ? f : formatDistinct([...model.data, model.location]);

/** The best center as a read-out: "3.7", "any μ from 2 to 4" (an interval, as the regression
 * lab writes one), "z → +∞ (none finite)". */
export function bestText({ model, fit }) {
  const c = centerFormat(model);
  if (!fit.attained) return `z → ${fit.best > 0 ? '+∞' : '−∞'} (none finite)`;
  if (fit.low !== fit.high) return `any μ from ${c(fit.low)} to ${c(fit.high)}`;
  return c(fit.best);
}

/** "Mean NLL 2.668 = 0.125 × MSE 8.45 + 1.612 (13.34 in total over 5 points)." */
export function relationText({ model, point }) {
  const { loss } = MODELS[model.dist];
  const n = model.data.length;
  return (
    `Mean NLL ${f(point.meanNll)} = ${f(point.lossScale)} × ${loss} ${f(point.loss)} ` +
    `${addedTerm(point.offset)} (${f(point.totalNll)} in total over ` +
    `${counted(n, datum(model.dist))}).`
  );
}

/** The NLL chart's legend: the band and the dashed loss, with the live scale and constant. */
export function curveLabels({ model, point }) {
  const { loss } = MODELS[model.dist];
  return model.dist === 'bernoulli'
    ? ['mean NLL', `mean ${loss} (scale ${f(point.lossScale)}, constant ${f(point.offset)})`]
    : ['mean NLL', `${f(point.lossScale)} × ${loss} ${addedTerm(point.offset)}`];
}

function bernoulliNllNote({ point, fit, bestP }) {
  const lead =
    `Band: the mean NLL. Dashed: the mean cross-entropy with scale ${f(point.lossScale)} and ` +
    `constant ${f(point.offset)}, the same numbers exactly.`;
  if (!fit.attained) {
    const side = fit.best > 0 ? 'grows' : 'falls';
    const [which, these] =
      fit.n === 1
        ? ['The only label is', 'this label']
        : [`All ${counted(fit.n, 'label')} are`, 'these labels'];
    return (
      `${lead} ${which} ${fit.ones ? 1 : 0}: the NLL keeps dropping toward 0 as z ` +
      `${side}, so no finite z is best, and a model fitted to ${these} would push z on ` +
      'without end.'
    );
  }
  return (
    `${lead} Both are lowest at z = ${f(fit.best)}, where p = ${f(bestP)} is the share of ` +
    `ones (${fit.ones} of ${fit.n}).`
  );
}

/** The note under the NLL chart: what the dashed curve is, with live numbers, and where both
 * are lowest. */
export function nllNote(results) {
  const { model, point, fit } = results;
  if (model.dist === 'bernoulli') return bernoulliNllNote(results);
  const m = MODELS[model.dist];
  const lead =
    `Band: the mean NLL. Dashed: ${f(point.lossScale)} × ${m.loss} ` +
    `${addedTerm(point.offset)}, that is ${m.loss} × ${m.scaleFormula} + ${m.offsetFormula} ` +
    `with ${m.spread} = ${f(model.scale)}. They are one curve, so they are lowest at the ` +
    'same place:';
  const c = centerFormat(model);
  if (fit.low !== fit.high) {
    return (
      `${lead} all along μ = ${c(fit.low)} to ${c(fit.high)}. With an even count every ` +
      'point between the two middle values is a median; the page marks both ends.'
    );
  }
  return `${lead} μ = ${c(fit.best)}, ${m.best} of the data.`;
}

/** "x = 1", "x = 1 and x = 5", "x = 1, x = 5 and x = 9". */
function listOf(values, format) {
  const named = values.map((x) => `x = ${format(x)}`);
  return named.length === 1 ? named[0] : `${named.slice(0, -1).join(', ')} and ${named.at(-1)}`;
}

/** Which data the model finds least likely: those of the largest cost −ln f, read from the
 * costs themselves. A density that underflows to 0 ties with every other 0, and its dot sits on
 * the axis with theirs, but its cost, worked out from the logarithm, still tells them apart. */
function leastLikelyText({ model, point }) {
  const most = Math.max(...point.nlls);
  const costliest = [...new Set(model.data.filter((x, i) => point.nlls[i] === most))];
  const every = point.nlls.every((cost) => cost === most);
  const underflow = point.densities[point.nlls.indexOf(most)] === 0;
  const lead = every
    ? `Every point costs the same, −ln f = ${f(most)}, so the model finds none less likely ` +
      'than another.'
    : `The model finds ${listOf(costliest, formatDistinct(model.data))} least likely: ` +
      `${costliest.length === 1 ? 'it costs' : 'each costs'} −ln f = ${f(most)}, the most of ` +
      'any point.';
  if (!underflow) return lead;
  const several = every || costliest.length > 1;
  return several
    ? `${lead} Those densities are too small for a double and show as 0; the costs come from ` +
        'the logarithm directly, so they keep their digits.'
    : `${lead} That density is too small for a double and shows as 0; the cost comes from the ` +
        'logarithm directly, so it keeps its digits.';
}

/** The note under the density chart. */
export function densityNote(results) {
  const { model, point, fit } = results;
  if (model.dist === 'bernoulli') {
    return (
      `Filled bars: the model's probabilities, with p = ${f(point.p)} for a 1. Outlined: the ` +
      `share of each label in the data (${counted(fit.ones, 'one')} and ` +
      `${counted(fit.zeros, 'zero')}). The NLL is smallest when the two match.`
    );
  }
  return (
    'Dots: the data, each at the height of its density; the triangle marks the center. ' +
    leastLikelyText(results)
  );
}

/** What screen readers hear once the input settles. */
export function announcement({ model, point, fit }) {
  const m = MODELS[model.dist];
  return (
    `${m.title}, ${m.location} = ${centerFormat(model)(model.location)}: mean NLL ` +
    `${f(point.meanNll)}, ${m.loss} ${f(point.loss)}; best ${m.location} ` +
    `${bestText({ model, fit })}.`
  );
}
