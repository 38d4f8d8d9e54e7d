// The your-model lab's state and its URL form, e.g.
//   ?data=digits&label=auto&bins=10&binning=mass&t=1.8&sort=ce&q=0.7&r=0.9
// The data are one of the bundled examples or the reader's own (`pasted`). A small paste
// travels in the link itself (`csv`, at most CSV_IN_LINK characters); a larger file or paste
// cannot, and a link made with one falls back to the first example, saying so.
import { modelLimit } from '../../shared/core_limits.js';
import { integer, number, oneOf, param } from '../../shared/params.js';

/** The bundled examples (examples/README.md), by the data set their model was trained on. */
export const EXAMPLE_NAMES = Object.freeze(['breast-cancer', 'digits']);
export const DATA_CHOICES = Object.freeze([...EXAMPLE_NAMES, 'pasted']);
export const BINNINGS = Object.freeze(['width', 'mass']);
/** What the table of the worst examples is sorted by: each loss and each gradient. */
export const SORT_KEYS = Object.freeze({
  ce: 'crossEntropy',
  brier: 'brier',
  'ce-gradient': 'crossEntropyGradient',
  'brier-gradient': 'brierGradient',
});

/** The longest pasted text a link carries (a few dozen rows); longer ones stay out of links. */
export const CSV_IN_LINK = 2000;

export const BINS_SPEC = { name: 'the number of bins', min: 2, max: 50, example: '10' };
export const T_SPEC = modelLimit('temperature', { name: 'the temperature T', example: '1.5' });
export const Q_SPEC = { name: 'the belief q', min: 0, max: 1, example: '0.7' };
export const R_SPEC = { name: 'the report r', min: 0, max: 1, open: true, example: '0.9' };
export const LABEL_SPEC = { name: 'the label column', min: 1, max: 1001, example: '2' };

/** The text of a small paste, as a link carries it. */
const csvText = {
  describe: { kind: 'text', values: `a pasted table, 1 to ${CSV_IN_LINK} characters` },
  parse: (text) =>
    text.length <= CSV_IN_LINK && text.trim() !== ''
      ? { ok: true, value: text }
      : { ok: false, message: `a pasted table in a link has 1 to ${CSV_IN_LINK} characters.` },
  format: (text) => text,
};

/** `auto` (the page finds the label column from its name or place) or a column number. */
const labelColumn = {
  describe: {
    kind: 'text',
    values: `\`auto\` or a column number in [${LABEL_SPEC.min}, ${LABEL_SPEC.max}]`,
  },
  parse(text) {
    if (text === 'auto') return { ok: true, value: 'auto' };
    const parsed = integer(LABEL_SPEC).parse(text);
    return parsed.ok
      ? parsed
      : { ok: false, message: `the label column is auto or a column number, such as 2.` };
  },
  format: (value) => String(value),
};

/** Said when a link asked for the reader's own data but does not carry it. */
export const NO_DATA_IN_LINK =
  'This link was made with data of its own, too large for a link to carry; showing the first example instead.';

function normalize(state, notices) {
  if (state.data !== 'pasted' || state.csv !== null) return { state, notices };
  return { state: { ...state, data: EXAMPLE_NAMES[0] }, notices: [...notices, NO_DATA_IN_LINK] };
}

export const table = {
  parameters: [
    param('data', oneOf('data', DATA_CHOICES)),
    param('csv', csvText, {
      when: (state) => state.data === 'pasted' && (state.csv?.length ?? Infinity) <= CSV_IN_LINK,
    }),
    param('label', labelColumn, { omitDefault: true }),
    param('bins', integer(BINS_SPEC)),
    param('binning', oneOf('binning', BINNINGS)),
    param('t', number(T_SPEC)),
    param('sort', oneOf('sort', Object.keys(SORT_KEYS))),
    param('q', number(Q_SPEC)),
    param('r', number(R_SPEC)),
  ],
  defaults: Object.freeze({
    data: EXAMPLE_NAMES[0],
    csv: null, // a small paste's text (data = pasted), the form a link carries
    model: null, // the reader's own table as the core read it (data = pasted); never in a link
    label: 'auto',
    bins: 10,
    binning: 'width',
    t: 1,
    sort: 'ce',
    q: 0.7,
    r: 0.9,
  }),
  normalize,
};

/** The controls the benchmark drives on this lab's page (web/panels/registry.js `bench`). */
export const bench = [
  { control: '#ym-t-slider', name: 'temperature', longSession: true },
  { control: '#ym-r-slider', name: 'proper scores' },
];
