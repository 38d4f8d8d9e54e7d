// The sentences under the charts and beside the read-outs, written from the core's numbers for
// the current state: what one training step does at the chosen word, what that one word makes
// up of the mean and how it moves the mean and the perplexity, and what "confidently wrong"
// would do. Ties are told as ties, never as one word that wins.
import { counted } from '../../shared/counted.js';
import { formatNumber as f } from '../../shared/number_format.js';
import { likeliestWrong } from './scenes.js';
import { quantitiesOf } from './sequence_point.js';
import { POSITIONS, TARGETS, VOCABULARY, nextWordOf } from './state.js';

const quoted = (i) => `“${VOCABULARY[i]}”`;

/** “mat”, or “mat” and “rug”, or “the”, “dog” and “rug”. */
function wordList(indices) {
  const words = indices.map(quoted);
  return words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** p as shown, said to be rounded where it reads as 1 (the right word's p − 1 is not 0). */
const shownProbability = (p) => (f(p) === f(1) ? `${f(p)} to rounding` : f(p));

/** Which wrong words a training step lowers most: the one, the tied ones, or all of them. */
function mostLowered(gradient, target) {
  const top = likeliestWrong(gradient, target);
  const shown = f(gradient[top[0]]);
  if (top.length === VOCABULARY.length - 1) return `all of them equally (gradient ${shown} each)`;
  if (top.length > 1) return `${wordList(top)} most, tied at gradient ${shown} each`;
  // A runner-up that differs only past the digits shown would read as a tie in the table.
  const close = Array.from(gradient, (_, i) => i).filter(
    (i) => i !== target && i !== top[0] && f(gradient[i]) === shown,
  );
  const behind = close.length > 0 ? `, just ahead of ${wordList(close)}` : '';
  return `${quoted(top[0])} most (gradient ${shown}${behind})`;
}

/** Under the probability chart: where one step of gradient descent moves the logits. */
export function probabilityNote(state, point) {
  const target = TARGETS[state.position];
  const gradient = point.dlossDlogits;
  return (
    `The model gives ${quoted(target)} p = ${shownProbability(point.probs[target])}. A ` +
    `training step raises its logit (its gradient is p − 1 = ${f(gradient[target])}) and ` +
    `lowers every other word’s by its own probability, ${mostLowered(gradient, target)}.`
  );
}

// Two losses this close are equal as far as the mean can tell: summing N values rounds each
// partial sum, so the mean of the others carries up to about N units in the last place.
const MEAN_ROUNDING = POSITIONS * Number.EPSILON;

/** How the chosen word moves the mean: by (its loss − the others' mean) / N, or not at all. */
function meanEffect(q, word) {
  const others = `The other ${counted(POSITIONS - 1, 'word')} average ${f(q.meanLossWithout)}`;
  const gap = q.chosenLoss - q.meanLossWithout;
  if (Math.abs(gap) <= MEAN_ROUNDING * Math.max(q.chosenLoss, q.meanLossWithout)) {
    return `${others} as well, so “${word}” leaves the mean where they put it, to rounding.`;
  }
  const change = gap / POSITIONS;
  return `${others}, so “${word}” ${change > 0 ? 'raises' : 'lowers'} the mean by ${f(Math.abs(change))}.`;
}

/** Under the loss chart: what the chosen word makes up of the mean, and what it changes. */
export function lossNote(state, point) {
  const q = quantitiesOf(point, state);
  const word = nextWordOf(state.position);
  return (
    `“${word}” costs −ln p = ${f(q.chosenLoss)}: as one of ${counted(POSITIONS, 'word')}, it ` +
    `makes up ${f(q.contribution)} of the mean loss of ${f(q.meanLoss)}. ` +
    `${meanEffect(q, word)} Perplexity goes from ${f(q.perplexityWithout)} without it to ` +
    `${f(q.perplexity)} with it (× ${f(q.perplexityFactor)}).`
  );
}

/** Beside the read-outs: perplexity as a number of equally likely words. */
export function perplexitySentence(point) {
  // Counted as it reads: a perplexity shown as 1 is "1 word", whatever lies past the digits.
  const one = f(point.perplexity) === f(1);
  const choice = `a fair choice among ${counted(one ? 1 : point.perplexity, 'word')}`;
  return one
    ? `On average the model is as unsure as ${choice}: not unsure at all, to rounding.`
    : `On average the model is as unsure as ${choice}.`;
}

/**
 * Under the "confidently wrong" button: what it would do here, read from the state it leads to
 * (`wrong`: its chosen row and the core's point for it).
 */
export function wrongHint(state, wrong) {
  const target = TARGETS[state.position];
  const before = state.logits[state.position];
  const tied = likeliestWrong(before, target);
  const [chosen] = tied;
  const who =
    tied.length > 1
      ? `${quoted(chosen)}, tied with ${wordList(tied.slice(1))} as the likeliest wrong word,`
      : `${quoted(chosen)}, the likeliest wrong word,`;
  const { row, point } = wrong;
  const lead = row[chosen] - Math.max(...row.filter((_, i) => i !== chosen));
  const lowered = row.map((_, i) => i).filter((i) => row[i] < before[i]);
  const room =
    lowered.length > 0
      ? ` (logits stop at ${f(row[chosen])}, so ${wordList(lowered)} ` +
        `${lowered.length === 1 ? 'comes' : 'come'} down to ${f(row[lowered[0]])})`
      : '';
  return (
    `Confidently wrong here: ${who} would get logit ${f(row[chosen])}, ${f(lead)} above every ` +
    `other word’s${room}, and take p = ${shownProbability(point.probs[chosen])}, leaving ` +
    `${quoted(target)} p = ${shownProbability(point.probs[target])}.`
  );
}

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
