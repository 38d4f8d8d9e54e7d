// The sentences under the charts and beside the read-outs, written from the core's numbers for
// the current state: what one training step does at the chosen word, and how much that one
// word weighs in the mean and the perplexity.
import { formatNumber as f } from '../../shared/number_format.js';
import { quantitiesOf } from './sequence_point.js';
import { TARGETS, VOCABULARY, nextWordOf } from './state.js';

/** The wrong word with the largest gradient: the one a training step lowers most. */
function mostPushedDown(gradient, target) {
  let strongest = -1;
  gradient.forEach((g, i) => {
    if (i !== target && (strongest < 0 || g > gradient[strongest])) strongest = i;
  });
  return strongest;
}

/** Under the probability chart: where one step of gradient descent moves the logits. */
export function probabilityNote(state, point) {
  const target = TARGETS[state.position];
  const gradient = point.dlossDlogits;
  const other = mostPushedDown(gradient, target);
  const allEqual = gradient.every((g, i) => i === target || g === gradient[other]);
  const most = allEqual
    ? `all of them equally (gradient ${f(gradient[other])} each)`
    : `“${VOCABULARY[other]}” most (gradient ${f(gradient[other])})`;
  return (
    `The model gives “${VOCABULARY[target]}” p = ${f(point.probs[target])}. A training step ` +
    `raises its logit (its gradient is p − 1 = ${f(gradient[target])}) and lowers every other ` +
    `word’s by its own probability, ${most}.`
  );
}

/** Under the loss chart: the chosen word's share of the mean and its effect on perplexity. */
export function lossNote(state, point) {
  const q = quantitiesOf(point, state);
  return (
    `“${nextWordOf(state.position)}” costs −ln p = ${f(q.chosenLoss)}: this one word adds ` +
    `${f(q.contribution)} to the mean loss of ${f(q.meanLoss)}. Perplexity goes from ` +
    `${f(q.perplexityWithout)} without it to ${f(q.perplexity)} with it ` +
    `(× ${f(q.perplexityFactor)}).`
  );
}

/** Beside the read-outs: perplexity as a number of equally likely words. */
export const perplexitySentence = (point) =>
  `On average the model is as unsure as a fair choice among ${f(point.perplexity)} words.`;

/** Rows of the gradient table: word, logit, probability, gradient of the loss. */
export function gradientRows(state, point) {
  const target = TARGETS[state.position];
  return VOCABULARY.map((word, i) => [
    i === target ? `${word} (next)` : word,
    f(state.logits[state.position][i]),
    f(point.probs[i]),
    f(point.dlossDlogits[i]),
  ]);
}
