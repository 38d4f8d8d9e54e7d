// An independent plain-JS reference for the next-token lab (never its core or its own JS): the
// sentence and vocabulary written out again, each word's loss as ln(1 + Σ e^(z_i − z_t)), each word's
// cross-entropy, their mean, the chosen word's share and the real change it makes to the mean,
// the perplexities, softmax − one-hot with the right word's entry summed from the others (so it
// keeps its digits when p rounds to 1), and what "confidently wrong" is specified to do: the
// first of the likeliest wrong words CONFIDENT_MARGIN above every other logit, under the cap.

const sum = (values) => values.reduce((a, b) => a + b, 0);

export const SENTENCE = ['the', 'cat', 'sat', 'on', 'the', 'mat'];
export const VOCABULARY = ['the', 'cat', 'dog', 'sat', 'on', 'mat', 'rug'];
export const TARGETS = SENTENCE.slice(1).map((word) => VOCABULARY.indexOf(word));
export const N = TARGETS.length;
export const CAP = 100; // a logit lies in [−100, 100] (the core's tokenLogit limit)
export const CONFIDENT_MARGIN = 6; // the lead "confidently wrong" gives (its hint says so)

/**
 * −ln softmax(row)[t] = ln Σ_i e^(z_i − z_t) = ln(1 + Σ_{i≠t} e^(z_i − z_t)), shifted by the
 * right word's logit (not the largest, as the core does): with logits in [−100, 100] every
 * exponent is at most 200, so nothing overflows, and log1p keeps a loss of 10⁻⁸⁷ whole.
 */
export function wordLoss(row, t) {
  return Math.log1p(sum(row.filter((_, i) => i !== t).map((z) => Math.exp(z - row[t]))));
}

/** Everything the lab shows about one state {position, logits}. */
export function nextTokenPoint({ position, logits }) {
  const losses = logits.map((row, n) => wordLoss(row, TARGETS[n]));
  const row = logits[position];
  const target = TARGETS[position];
  // p_i = e^(z_i − lse), and lse = z_t + loss_t.
  const probs = row.map((z) => Math.exp(z - row[target] - losses[position]));
  const rest = sum(probs.filter((_, i) => i !== target));
  const gradient = probs.map((p, i) => (i === target ? -rest : p));
  const loss = losses[position];
  const mean = sum(losses) / N;
  const meanWithout = sum(losses.filter((_, n) => n !== position)) / (N - 1);
  const change = (loss - meanWithout) / N; // mean − mean without = (loss − mean without) / N
  return {
    losses,
    probs,
    gradient,
    loss,
    p: probs[target],
    mean,
    perplexity: Math.exp(mean),
    contribution: loss / N,
    meanWithout,
    perplexityWithout: Math.exp(meanWithout),
    change,
    factor: Math.exp(change),
  };
}

/**
 * Whether the chosen word's loss equals the other words' mean in exact arithmetic: here, when
 * every row is the chosen row up to a shift and an order of its wrong words (the loss depends
 * only on the gaps z_i − z_target), which is how the atlas's tie states are built.
 */
export function lossTiesTheOthers({ position, logits }) {
  const gaps = (row, n) =>
    row
      .map((z) => z - row[TARGETS[n]])
      .sort((a, b) => a - b)
      .join();
  const chosen = gaps(logits[position], position);
  return logits.every((row, n) => gaps(row, n) === chosen);
}

/** The wrong words whose value in `values` is the largest among the wrong words. */
export function topWrong(values, target) {
  const wrong = values.map((_, i) => i).filter((i) => i !== target);
  const top = Math.max(...wrong.map((i) => values[i]));
  return wrong.filter((i) => values[i] === top);
}

/** The row "confidently wrong" is specified to make: see the header. */
export function confidentlyWrong(row, target) {
  const [wrong] = topWrong(row, target);
  const lead = Math.max(...row) + CONFIDENT_MARGIN;
  if (lead <= CAP) return row.map((z, i) => (i === wrong ? lead : z));
  return row.map((z, i) => (i === wrong ? CAP : Math.min(z, CAP - CONFIDENT_MARGIN)));
}

/** The value shows as 1 at four significant digits (so the page adds "to rounding"). */
export const showsAsOne = (value) => Number(value.toPrecision(4)) === 1;
/** Two values that show the same four significant digits. */
export const sameDigits = (a, b) => a.toPrecision(4) === b.toPrecision(4);

// The lab's built-in model (input data, as the lab's state table lists it): its scenes start
// from it.
//                       the   cat  dog  sat   on   mat  rug
export const DEFAULT_LOGITS = [
  [-1.0, 2.0, 1.2, -1.5, -1.5, 0.5, 0.3],
  [-0.5, -1.5, -1.5, 2.5, 1.0, -1.0, -1.5],
  [0.5, -1.5, -1.5, -2.0, 3.0, -1.0, -1.5],
  [3.0, -1.0, -1.0, -2.0, -1.5, 0.5, 0.5],
  [-1.5, 0.5, 0.3, -2.0, -2.0, 2.0, 1.2],
];
