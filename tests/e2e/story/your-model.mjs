// What the your-model story must show at a step's state, never from the page's core: the
// bundled example's figures from the 50-digit mpmath table (model_examples_reference.json: its
// size, the worst 1 %'s shares, the mean cross-entropy, the best T and the cross-entropy
// there, the ECE at T = 1 and 10 bins), the ECE at any other T or binning from the textbook
// reference (tests/e2e/atlas/your_model_reference.mjs), and the forecaster's expected scores
// from their closed forms.
import {
  calibration,
  exampleModel,
  exampleTable,
  expectedScores,
  scoreModel,
} from '../atlas/your_model_reference.mjs';

/** The ECE of a bundled example's diagram at the state's T, bins and binning. */
function eceAt(state, T) {
  const table = exampleTable(state.data, state.binning);
  if (T === 1 && state.bins === table.bins) return table.ece;
  const model = exampleModel(state.data);
  return calibration(model, scoreModel(model, T), state).ece;
}

export function expected(state) {
  const table = exampleTable(state.data, state.binning);
  const report = expectedScores(state.q, state.r);
  return {
    rows: table.n,
    worstCount: table.worst.count,
    ceShare: 100 * table.worst.crossEntropy,
    brierShare: 100 * table.worst.brier,
    meanCe: table.meanCrossEntropy,
    ece: eceAt(state, state.t),
    eceGiven: eceAt(state, 1),
    fittedT: table.temperature,
    ceAfter: table.meanCrossEntropyAfter,
    logAtReport: report.logScore,
    absoluteAtReport: report.absolute,
  };
}
