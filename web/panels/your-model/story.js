// The numbers the your-model story quotes, computed by the core at a step's state.
import { compute } from './model_results.js';

export async function storyNumbers(core, state) {
  const results = await compute(core, state, {});
  const { given, fit } = results.data;
  return {
    rows: results.data.model.rows,
    worstCount: given.worstShare.count,
    ceShare: 100 * given.worstShare.crossEntropy,
    brierShare: 100 * given.worstShare.brier,
    meanCe: given.meanCrossEntropy,
    ece: results.reliability.ece,
    eceGiven: results.givenReliability.ece,
    fittedT: fit.temperature,
    ceAfter: fit.meanCrossEntropyAfter,
    logAtReport: results.report.logScore,
    absoluteAtReport: results.report.absolute,
  };
}
