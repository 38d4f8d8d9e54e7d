// The numbers the next-token lab's story quotes (web/shared/story.js), at a step's state, all
// from the core's tokenSequencePoint: the size of the vocabulary, each word's logit, probability
// and gradient at the chosen prediction (logit_mat, p_mat, grad_mat, …), each sentence word's
// loss (loss_cat, …), the mean loss, the perplexity, and what the chosen word makes up of them
// (its share of the mean, the other words' mean and the perplexity without it). `lead` is how
// far the likeliest wrong word's logit stands above the next highest logit, and `runnerUp` is
// the word with that next highest logit.
import { quantitiesOf, sequencePoint } from './sequence_point.js';
import { SENTENCE, TARGETS, VOCABULARY } from './state.js';

/** @param {object} core  @param {{position: number, logits: number[][]}} state */
export function storyNumbers(core, state) {
  const point = sequencePoint(core, state);
  const q = quantitiesOf(point, state);
  const row = state.logits[state.position];
  const target = TARGETS[state.position];
  const numbers = {
    vocabulary: point.probs.length,
    words: point.losses.length,
    loss: q.chosenLoss,
    p: q.chosenProbability,
    meanLoss: q.meanLoss,
    perplexity: q.perplexity,
    contribution: q.contribution,
    meanLossWithout: q.meanLossWithout,
    perplexityWithout: q.perplexityWithout,
  };
  VOCABULARY.forEach((word, i) => {
    numbers[`logit_${word}`] = row[i];
    numbers[`p_${word}`] = point.probs[i];
    numbers[`grad_${word}`] = point.dlossDlogits[i];
  });
  // The sentence's predicted words ("cat" … "mat"), each with its loss.
  SENTENCE.slice(1).forEach((word, n) => {
    numbers[`loss_${word}`] = point.losses[n];
  });
  const wrong = row.map((_, i) => i).filter((i) => i !== target);
  const top = wrong.reduce((best, i) => (row[i] > row[best] ? i : best));
  const rest = row.map((_, i) => i).filter((i) => i !== top);
  const next = rest.reduce((best, i) => (row[i] > row[best] ? i : best));
  numbers.lead = row[top] - row[next];
  numbers.runnerUp = VOCABULARY[next];
  return numbers;
}
