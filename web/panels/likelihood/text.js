// The likelihood lab's sentences, written from the core's results: the read-out of the best
// center, the relation line, the notes under both charts and the announcement. Every number
// in them is a core result passed through formatNumber.
import { formatNumber as f } from '../../shared/number_format.js';
import { MODELS } from './models.js';

/** The best center as a read-out: "3.7", "any μ from 2 to 4" (an interval, as the regression
 * lab writes one), "z → +∞ (none finite)". */
export function bestText({ fit }) {
  if (!fit.attained) return `z → ${fit.best > 0 ? '+∞' : '−∞'} (none finite)`;
  if (fit.low !== fit.high) return `any μ from ${f(fit.low)} to ${f(fit.high)}`;
  return f(fit.best);
}

/** "Mean NLL 2.668 = 0.125 × MSE 8.45 + 1.612 (13.34 over 5 points)." */
export function relationText({ model, point }) {
  const { loss } = MODELS[model.dist];
  const n = model.data.length;
  return (
    `Mean NLL ${f(point.meanNll)} = ${f(point.lossScale)} × ${loss} ${f(point.loss)} + ` +
    `${f(point.offset)} (${f(point.totalNll)} in total over ${n} points).`
  );
}

/** The NLL chart's legend: the band and the dashed loss, with the live scale and constant. */
export function curveLabels({ model, point }) {
  const { loss } = MODELS[model.dist];
  return model.dist === 'bernoulli'
    ? ['mean NLL', `mean ${loss} (scale ${f(point.lossScale)}, constant ${f(point.offset)})`]
    : ['mean NLL', `${f(point.lossScale)} × ${loss} + ${f(point.offset)}`];
}

function bernoulliNllNote({ point, fit, bestP }) {
  const lead =
    `Band: the mean NLL. Dashed: the mean cross-entropy with scale ${f(point.lossScale)} and ` +
    `constant ${f(point.offset)}, the same numbers exactly.`;
  if (!fit.attained) {
    const side = fit.best > 0 ? 'grows' : 'falls';
    return (
      `${lead} All ${fit.n} labels are ${fit.ones ? 1 : 0}: the NLL keeps dropping toward 0 as z ` +
      `${side}, so no finite z is best, and a model fitted to these labels would push z on ` +
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
    `Band: the mean NLL. Dashed: ${f(point.lossScale)} × ${m.loss} + ${f(point.offset)}, that ` +
    `is ${m.loss} × ${m.scaleFormula} + ${m.offsetFormula} with ${m.spread} = ` +
    `${f(model.scale)}. They are one curve, so they are lowest at the same place:`;
  if (fit.low !== fit.high) {
    return (
      `${lead} all along μ = ${f(fit.low)} to ${f(fit.high)}. With an even count every ` +
      'point between the two middle values is a median; the page marks both ends.'
    );
  }
  return `${lead} μ = ${f(fit.best)}, ${m.best} of the data.`;
}

/** The note under the density chart. */
export function densityNote({ model, point, fit }) {
  if (model.dist === 'bernoulli') {
    return (
      `Filled bars: the model's probabilities, with p = ${f(point.p)} for a 1. Outlined: the ` +
      `share of each label in the data (${fit.ones} of ${fit.n} are 1). The NLL is smallest ` +
      'when the two match.'
    );
  }
  const lowest = point.densities.indexOf(Math.min(...point.densities));
  return (
    'Dots: the data, each at the height of its density; the triangle marks the center. The ' +
    `lowest dot, x = ${f(model.data[lowest])}, is the one the model finds least likely: it ` +
    `costs −ln f = ${f(point.nlls[lowest])} of the NLL.`
  );
}

/** What screen readers hear once the input settles. */
export function announcement({ model, point, fit }) {
  const m = MODELS[model.dist];
  return (
    `${m.title}, ${m.location} = ${f(model.location)}: mean NLL ${f(point.meanNll)}, ` +
    `${m.loss} ${f(point.loss)}; best ${m.location} ${bestText({ fit })}.`
  );
}
