// The next-token lab's edge states: every prediction (the first and the last), all logits
// equal (every loss ln 7, perplexity 7), ties for the top, logits at the ±100 cap (p of the right
// word 1 to rounding, or 10⁻⁸⁷; every loss 200), the "confidently wrong" action below and at the
// cap, position outside its range, and the scenes. The read-outs, the gradient table and the
// explanations' numbers against next_token_reference.mjs (log-sum-exp in plain JS); every
// sentence word for word against what the state is (who ties, which way the word moves the
// mean, what the action leads to), its numbers to the digits shown. The lab has no temperature
// and a fixed sentence of five predictions, so there is no one-word sequence to open.
import assert from 'node:assert/strict';
import { assertShows } from '../reference.mjs';
import {
  CAP,
  CONFIDENT_MARGIN,
  DEFAULT_LOGITS,
  N,
  SENTENCE,
  TARGETS,
  VOCABULARY,
  confidentlyWrong,
  lossTiesTheOthers,
  nextTokenPoint,
  sameDigits,
  showsAsOne,
  topWrong,
} from './next_token_reference.mjs';

/** A query: position (from 1) and the rows given, as {prediction from 1: logits}. */
const query = (position, rows = {}) =>
  `?position=${position}${Object.entries(rows)
    .map(([n, row]) => `&logits${n}=${row.join(',')}`)
    .join('')}`;
const every = (row) => Object.fromEntries(TARGETS.map((_, n) => [n + 1, row(n)]));
const sure = (level, others) => (n) =>
  VOCABULARY.map((_, i) => (i === TARGETS[n] ? level : others));

/** act: press "confidently wrong"; the row must become what the reference says it should. */
async function pressConfidentlyWrong(page) {
  const before = await page.evaluate(() => window.lossplay.getState());
  const row = before.logits[before.position];
  const want = confidentlyWrong(row, TARGETS[before.position]);
  await page.click('#nt-wrong');
  // Every press here changes the row; wait for the state that press proposed.
  await page.waitForFunction(
    (was) => JSON.stringify(window.lossplay.getState()) !== was,
    JSON.stringify(before),
    { timeout: 5000 },
  );
  const after = await page.evaluate(() => window.lossplay.getState());
  assert.deepEqual(after.logits[after.position], want, 'the row "confidently wrong" makes');
}

const WRONG_SCENE = DEFAULT_LOGITS.map((row, n) =>
  n === N - 1 ? confidentlyWrong(row, TARGETS[n]) : row,
);

export const states = [
  { name: 'the default model, first word', query: '' },
  { name: 'second word: “sat” lowers the mean', query: query(2) },
  { name: 'third word', query: query(3) },
  { name: 'fourth word: “mat” and “rug” tie, as do “cat” and “dog”', query: query(4) },
  { name: 'the last word', query: query(5) },
  {
    name: 'all logits equal (the scene): every loss ln 7',
    query: query(
      1,
      every(() => [0, 0, 0, 0, 0, 0, 0]),
    ),
  },
  {
    name: 'all logits at +100, last word',
    query: query(
      5,
      every(() => Array(7).fill(CAP)),
    ),
  },
  {
    name: 'all logits at −100, third word',
    query: query(
      3,
      every(() => Array(7).fill(-CAP)),
    ),
  },
  {
    name: 'every right word at +100, the rest at −100: p = 1 to rounding',
    query: query(1, every(sure(CAP, -CAP))),
  },
  {
    name: 'every right word at −100, the rest at +100: every loss 200 + ln 6',
    query: query(4, every(sure(-CAP, CAP))),
  },
  {
    name: 'last word: right at −100, “rug” at +100: p = 1.4 × 10⁻⁸⁷, loss 200',
    query: query(5, { 5: [-100, -100, -100, -100, -100, -100, 100] }),
  },
  {
    name: 'the right word at the cap, then "confidently wrong"',
    query: query(1, { 1: [0, 100, 0, 0, 0, 0, 0] }),
    act: pressConfidentlyWrong,
  },
  {
    name: 'the right word at the cap, before "confidently wrong"',
    query: query(1, { 1: [0, 100, 0, 0, 0, 0, 0] }),
  },
  {
    name: 'two wrong words tied at the cap, then "confidently wrong"',
    query: query(1, { 1: [100, 50, 100, 0, 0, 0, 0] }),
    act: pressConfidentlyWrong,
  },
  {
    name: '"confidently wrong" at the last word: the scene',
    query: query(5),
    act: pressConfidentlyWrong,
  },
  {
    name: '"confidently wrong" twice at the second word',
    query: query(2),
    act: async (page) => {
      await pressConfidentlyWrong(page);
      await pressConfidentlyWrong(page);
    },
  },
  { name: 'scene: nearly perfect', query: query(1, every(sure(8, 0))) },
  { name: 'scene: sure of “rug”', query: query(5, { 5: WRONG_SCENE[N - 1] }) },
  {
    name: 'the right word ties the likeliest wrong one',
    query: query(1, { 1: [0, 3, 3, 0, 0, 0, 0] }),
  },
  { name: 'three wrong words tie at the top', query: query(2, { 2: [1, 1, 1, 5, 0, 0, 0] }) },
  {
    name: 'every wrong word ties, above the right one',
    query: query(1, { 1: [0, -3, 0, 0, 0, 0, 0] }),
  },
  {
    name: 'two wrong words apart only past the fourth digit',
    query: query(1, { 1: [-1, 2, 1.2, -1.5, -1.5, 0.5, 1.19999] }),
  },
  {
    name: 'rows shifted from −50 to 30: every loss the same, the mean unmoved',
    query: query(
      3,
      every((n) => sure(20 * n - 48, 20 * n - 50)(n)),
    ),
  },
  { name: 'position 0, out of range: the first word', query: '?position=0' },
  { name: 'position 6, out of range: the first word', query: '?position=6' },
];

const READOUTS = {
  loss: '#nt-out-loss',
  p: '#nt-out-p',
  mean: '#nt-out-mean',
  perplexity: '#nt-out-perplexity',
};
const SENTENCES = {
  context: '#nt-context',
  'loss label': '#nt-out-loss-label',
  'p label': '#nt-out-p-label',
  'mean label': '.readouts .mse dt',
  'probability note': '#nt-prob-note',
  'loss note': '#nt-loss-note',
  'perplexity sentence': '#nt-perplexity-text',
  'confidently wrong hint': '#nt-wrong-hint',
};

export async function read(page) {
  const numbers = {};
  for (const [label, selector] of Object.entries(READOUTS)) {
    numbers[label] = await page.textContent(selector);
  }
  numbers['explanation: perplexity now'] = await page.textContent('#nt-ex-perplexity');
  const live = await page.$$eval('.explanations .live[data-of-scene]', (spans) =>
    spans.map((span) => [`${span.dataset.ofScene}/${span.dataset.value}`, span.textContent]),
  );
  for (const [key, text] of live) numbers[`explanation: ${key}`] = text;
  const cells = await page.$$eval('#nt-gradient-rows tr', (rows) =>
    rows.map((row) => [...row.children].map((cell) => cell.textContent)),
  );
  cells.forEach(([, logit, p, gradient], i) => {
    Object.assign(numbers, {
      [`table ${VOCABULARY[i]}: logit`]: logit,
      [`table ${VOCABULARY[i]}: p`]: p,
      [`table ${VOCABULARY[i]}: gradient`]: gradient,
    });
  });
  const sentences = {};
  for (const [label, selector] of Object.entries(SENTENCES)) {
    sentences[label] = await page.textContent(selector);
  }
  for (const chart of ['nt-prob-chart', 'nt-loss-chart']) {
    sentences[`${chart} label`] = await page.getAttribute(`#${chart}`, 'aria-label');
  }
  return { numbers, sentences };
}

// ---- sentences: fixed words and expected numbers ----------------------------------------------

const NUMBER = '([−\\d.]+(?: × 10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)?)';
const escaped = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Parts of a sentence from a template: its text literally, each number as a number to show. */
const t = (strings, ...values) =>
  strings.flatMap((text, i) => (i < values.length ? [text, values[i]].flat() : [text]));

/** Checks a text reads exactly as `parts`, each number to the digits shown. */
const reads = (parts) => (text, label) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  const pattern = parts.map((part) => (typeof part === 'number' ? NUMBER : escaped(part)));
  const found = flat.match(new RegExp(`^${pattern.join('')}$`));
  const wanted = parts.map((part) => (typeof part === 'number' ? '#' : part)).join('');
  assert.ok(found, `${label}: “${flat}” should read “${wanted}”`);
  parts
    .filter((part) => typeof part === 'number')
    .forEach((value, k) => assertShows(found[k + 1], value, `${label}: number ${k + 1}`));
};

const quoted = (i) => `“${VOCABULARY[i]}”`;
const list = (indices) =>
  indices.length === 1
    ? quoted(indices[0])
    : `${indices.slice(0, -1).map(quoted).join(', ')} and ${quoted(indices.at(-1))}`;
const rounding = (p) => (showsAsOne(p) ? ' to rounding' : '');

function mostLowered(r, target) {
  const top = topWrong(r.gradient, target);
  const g = r.gradient[top[0]];
  if (top.length === VOCABULARY.length - 1) return t`all of them equally (gradient ${g} each)`;
  if (top.length > 1) return t`${list(top)} most, tied at gradient ${g} each`;
  const close = r.gradient
    .map((_, i) => i)
    .filter((i) => i !== target && i !== top[0] && sameDigits(r.gradient[i], g));
  const behind = close.length > 0 ? `, just ahead of ${list(close)}` : '';
  return t`${quoted(top[0])} most (gradient ${g}${behind})`;
}

function meanEffect(state, r, word) {
  if (lossTiesTheOthers(state)) {
    return t` as well, so “${word}” leaves the mean where they put it, to rounding.`;
  }
  return t`, so “${word}” ${r.change > 0 ? 'raises' : 'lowers'} the mean by ${Math.abs(r.change)}.`;
}

function wrongHint(state, target) {
  const before = state.logits[state.position];
  const after = confidentlyWrong(before, target);
  const w = nextTokenPoint({
    ...state,
    logits: state.logits.map((row, n) => (n === state.position ? after : row)),
  });
  const tied = topWrong(before, target);
  const chosen = tied[0];
  // What the action promises: nearly all the probability to the wrong word.
  assert.ok(
    w.probs[chosen] >= 1 / (1 + 6 * Math.exp(-CONFIDENT_MARGIN)) &&
      w.p <= Math.exp(-CONFIDENT_MARGIN),
  );
  const who =
    tied.length > 1
      ? `${quoted(chosen)}, tied with ${list(tied.slice(1))} as the likeliest wrong word,`
      : `${quoted(chosen)}, the likeliest wrong word,`;
  const lead = after[chosen] - Math.max(...after.filter((_, i) => i !== chosen));
  const lowered = after.map((_, i) => i).filter((i) => after[i] < before[i]);
  const room =
    lowered.length > 0
      ? t` (logits stop at ${CAP}, so ${list(lowered)} ${lowered.length === 1 ? 'comes' : 'come'} down to ${CAP - CONFIDENT_MARGIN})`
      : [];
  return t`Confidently wrong here: ${who} would get logit ${after[chosen]}, ${lead} above every other word’s${room}, and take p = ${w.probs[chosen]}${rounding(w.probs[chosen])}, leaving ${quoted(target)} p = ${w.p}${rounding(w.p)}.`;
}

function chartLabels(state, r) {
  const context = SENTENCE.slice(0, state.position + 1).join(' ');
  const words = SENTENCE.slice(1);
  const series = (names, values) =>
    names.flatMap((name, i) => [`${i ? ', ' : ''}${name} `, values[i]]);
  return {
    'nt-prob-chart label': reads(
      t`Probabilities for the word after “${context}”: ${series(VOCABULARY, r.probs)}. The right next word is ${VOCABULARY[TARGETS[state.position]]}.`,
    ),
    'nt-loss-chart label': reads(
      t`Loss −ln p at each word: ${series(words, r.losses)}; mean ${r.mean}. Chosen: ${words[state.position]}.`,
    ),
  };
}

/** The explanations quote two scenes: all logits equal, and sure of “rug” at the last word. */
function explanationNumbers() {
  const wrong = nextTokenPoint({ position: N - 1, logits: WRONG_SCENE });
  const scene = (value, number) => [`explanation: confidently-wrong/${value}`, number];
  return Object.fromEntries([
    ['explanation: knows-nothing/perplexity', VOCABULARY.length],
    scene('chosenProbability', wrong.p),
    scene('chosenLoss', wrong.loss),
    scene('meanLossWithout', wrong.meanWithout),
    scene('contribution', wrong.contribution),
    scene('meanLoss', wrong.mean),
    scene('perplexityWithout', wrong.perplexityWithout),
    scene('perplexity', wrong.perplexity),
  ]);
}

export function expected(state) {
  const r = nextTokenPoint(state);
  const target = TARGETS[state.position];
  const word = VOCABULARY[target];
  const row = state.logits[state.position];
  const table = {};
  VOCABULARY.forEach((name, i) => {
    table[`table ${name}: logit`] = row[i];
    table[`table ${name}: p`] = r.probs[i];
    table[`table ${name}: gradient`] = r.gradient[i];
  });
  const perplexity = showsAsOne(r.perplexity)
    ? 'On average the model is as unsure as a fair choice among 1 word: not unsure at all, to rounding.'
    : reads(t`On average the model is as unsure as a fair choice among ${r.perplexity} words.`);
  return {
    loss: r.loss,
    p: r.p,
    mean: r.mean,
    perplexity: r.perplexity,
    'explanation: perplexity now': r.perplexity,
    ...explanationNumbers(),
    ...table,
    context: `After “${SENTENCE.slice(0, state.position + 1).join(' ')}” the model should predict “${word}”.`,
    'loss label': `Loss at “${word}”, −ln p`,
    'p label': `Probability of “${word}”, p`,
    'mean label': `Mean loss, all ${N} words`,
    'probability note': reads(
      t`The model gives “${word}” p = ${r.p}${rounding(r.p)}. A training step raises its logit (its gradient is p − 1 = ${r.gradient[target]}) and lowers every other word’s by its own probability, ${mostLowered(r, target)}.`,
    ),
    'loss note': reads(
      t`“${word}” costs −ln p = ${r.loss}: as one of ${N} words, it makes up ${r.contribution} of the mean loss of ${r.mean}. The other ${N - 1} words average ${r.meanWithout}${meanEffect(state, r, word)} Perplexity goes from ${r.perplexityWithout} without it to ${r.perplexity} with it (× ${r.factor}).`,
    ),
    'perplexity sentence': perplexity,
    'confidently wrong hint': reads(wrongHint(state, target)),
    ...chartLabels(state, r),
  };
}
