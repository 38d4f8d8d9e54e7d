// What the next-token lab's story must show at a step's state, from the plain-JS reference of
// tests/e2e/atlas/next_token_reference.mjs (not the page's core): each word's loss as
// ln(1 + Σ e^(z_i − z_t)), the softmax, its gradient, the mean, the perplexities, and the
// likeliest wrong word's lead over the next highest logit, with that next word.
import {
  N,
  SENTENCE,
  TARGETS,
  VOCABULARY,
  nextTokenPoint,
} from '../atlas/next_token_reference.mjs';

export function expected(state) {
  const point = nextTokenPoint(state);
  const row = state.logits[state.position];
  const numbers = {
    vocabulary: VOCABULARY.length,
    words: N,
    loss: point.loss,
    p: point.p,
    meanLoss: point.mean,
    perplexity: point.perplexity,
    contribution: point.contribution,
    meanLossWithout: point.meanWithout,
    perplexityWithout: point.perplexityWithout,
  };
  VOCABULARY.forEach((word, i) => {
    numbers[`logit_${word}`] = row[i];
    numbers[`p_${word}`] = point.probs[i];
    numbers[`grad_${word}`] = point.gradient[i];
  });
  SENTENCE.slice(1).forEach((word, n) => {
    numbers[`loss_${word}`] = point.losses[n];
  });
  // The likeliest wrong word's lead over the runner-up among all the others.
  const sorted = row.filter((_, i) => i !== TARGETS[state.position]).sort((a, b) => b - a);
  const best = sorted[0];
  const others = [...row];
  others.splice(row.indexOf(best), 1);
  numbers.lead = best - Math.max(...others);
  // The word with the next highest logit: the first in a stable sort by logit, high to low,
  // that is not the likeliest wrong word.
  const order = VOCABULARY.map((_, i) => i).sort((a, b) => row[b] - row[a]);
  const top = order.find((i) => i !== TARGETS[state.position]);
  numbers.runnerUp = VOCABULARY[order.find((i) => i !== top)];
  return numbers;
}
