// What a sentence built from numbers must never read like: "about as longer", "1 steps",
// "+ −5.989", "0, where the other is 3 than …", a NaN. Each rule is a pattern with the reason
// it is wrong; grammarProblems lists the rules a text breaks, with the words that break them.
// Used on every generated sentence of the edge-state atlas and on the phrase builders' tables.

const PLURAL_NOUNS =
  'steps|points|labels|words|epochs|classes|tokens|values|layers|times|cells|examples|' +
  'outcomes|rows|runs|units|ones|zeros|logits|targets|data points|observations|seconds';

export const RULES = [
  {
    why: 'a comparative after "as" ("about as longer")',
    pattern:
      /\bas (longer|shorter|larger|smaller|higher|lower|bigger|steeper|flatter|greater|wider|narrower)\b/i,
  },
  {
    why: 'a comparative after "times more/less" ("times more smaller")',
    pattern: /\btimes (more|less) \w+er\b/i,
  },
  {
    why: 'one with a plural noun ("1 steps")',
    pattern: new RegExp(`(?<![\\d.,])1 (${PLURAL_NOUNS})\\b`),
  },
  { why: '"all" of one ("All 1 labels")', pattern: /\ball 1\b/i },
  { why: 'a plus before a minus ("+ −5.989")', pattern: /\+\s*[\u2212-]\s*\d/ },
  { why: 'two minus signs in a row ("− −2")', pattern: /[\u2212-]\s+[\u2212-]\s*\d/ },
  {
    why: 'a comparison left open after a bare value ("is 0, where the other is 3 than")',
    // Within one sentence: a full stop ends it, a decimal point ("2.073") does not.
    pattern: /, where (?:[^;.]|\.\d)* than\b/,
  },
  {
    why: 'a "than" comparing nothing ("is 3 than")',
    pattern: /\bis [\d\u2212.,]+( × 10[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+)? than\b/,
  },
  { why: 'a number that is not one', pattern: /\b(NaN|Infinity|undefined|null)\b|\[object/ },
  { why: 'a word twice in a row', pattern: /\b([a-z]{2,}) \1\b/i },
  { why: 'a space before punctuation', pattern: /\S ([,;:.!?])(\s|$)/ },
  { why: 'punctuation twice (",," or "..")', pattern: /([,;.])\1(?!\.)/ },
  {
    why: 'a sentence that starts in lower case',
    pattern: /(?<!\b(e\.g|i\.e|etc|vs|cf))[.!?] [a-z]/,
  },
];

/**
 * @param {string} text  one or more sentences, whitespace as on the page
 * @returns {{why: string, words: string}[]}  every rule the text breaks
 */
export function grammarProblems(text) {
  const flat = text.replace(/\s+/g, ' ').trim();
  return RULES.flatMap(({ why, pattern }) => {
    const found = flat.match(pattern);
    if (!found) return [];
    const at = found.index ?? 0;
    return [{ why, words: flat.slice(Math.max(0, at - 30), at + found[0].length + 30) }];
  });
}
