// One core call for a state of the next-token lab, and the named quantities the page quotes
// from it (read-outs, notes, explanations and questions all read them here).
import { TARGETS } from './state.js';

/** core.tokenSequencePoint for the state: every prediction's loss, the chosen one's softmax. */
export const sequencePoint = (core, state) =>
  core.tokenSequencePoint(state.logits.flat(), TARGETS, state.position);

/** The quantities of a computed point at the state's chosen prediction. */
export function quantitiesOf(point, state) {
  const target = TARGETS[state.position];
  return {
    chosenLoss: point.losses[state.position],
    chosenProbability: point.probs[target],
    chosenGradient: point.dlossDlogits[target],
    meanLoss: point.meanLoss,
    perplexity: point.perplexity,
    contribution: point.contribution,
    meanLossWithout: point.meanLossWithout,
    perplexityWithout: point.perplexityWithout,
    perplexityFactor: point.perplexityFactor,
  };
}
