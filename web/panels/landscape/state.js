// The landscape lab's state and its URL form:
//   ?x=-2.4,-1.7,…&y=0,0,…&w=-6&b=0&lr=1&momentum=0&steps=40&view=-10,10,-10,10
// The data (x and its labels y), the start (w, b) both descents leave from, their learning
// rate and momentum, how many steps have been taken (so a link shows a path part way), and the
// window of (w, b) the maps show. The ranges come from the core (core.limits.landscape).
import { landscapeLimit } from '../../shared/core_limits.js';
import { parseNumber, quote } from '../../shared/number_input.js';
import { integer, commaList, number, param } from '../../shared/params.js';

// A short list, so that a link stays readable and the strip stays uncluttered.
export const POINT_COUNT = Object.freeze({ min: 1, max: 40 });

export const X_SPEC = landscapeLimit('x', { name: 'each x', example: '1.5' });
export const W_SPEC = landscapeLimit('w', { name: 'w', example: '-6' });
export const B_SPEC = landscapeLimit('b', { name: 'b', example: '0' });
export const LR_SPEC = landscapeLimit('learningRate', { name: 'learning rate', example: '1' });
export const MOMENTUM_SPEC = landscapeLimit('momentum', { name: 'momentum', example: '0.9' });
export const STEPS_SPEC = landscapeLimit('steps', { name: 'steps', example: '100' });
const LABEL_NAME = 'each label';

export const xKind = commaList(X_SPEC, POINT_COUNT, {
  items: 'positions',
  example: '-2, -1, 1, 2',
  rule: () => `${X_SPEC().name} between ${X_SPEC().min} and ${X_SPEC().max}`,
  parseEntry: (part) => parseNumber(part, X_SPEC()),
});

/** A label is 0 or 1 and nothing else. */
function parseLabel(part) {
  const parsed = parseNumber(part, { name: LABEL_NAME });
  if (parsed.ok && (parsed.value === 0 || parsed.value === 1)) return parsed;
  const got = part.trim() === '' ? 'nothing' : `“${quote(part)}”`;
  return { ok: false, message: `${LABEL_NAME} must be 0 or 1, got ${got}.` };
}

export const yKind = commaList(() => ({ name: LABEL_NAME }), POINT_COUNT, {
  items: 'labels',
  example: '0, 0, 1, 1',
  rule: () => `${LABEL_NAME} 0 or 1`,
  parseEntry: parseLabel,
});

/** The window of the maps: wMin, wMax, bMin, bMax, each side non-empty. */
export const viewKind = {
  parse(text) {
    const parts = String(text).split(',');
    const example = '-10, 10, -10, 10';
    if (parts.length !== 4) {
      return {
        ok: false,
        message: `List four numbers, wMin, wMax, bMin, bMax, separated by commas, such as ${example}.`,
      };
    }
    const values = [];
    for (const [i, part] of parts.entries()) {
      const parsed = parseNumber(part, i < 2 ? W_SPEC() : B_SPEC());
      if (!parsed.ok) return parsed;
      values.push(parsed.value);
    }
    if (!(values[0] < values[1] && values[2] < values[3])) {
      return {
        ok: false,
        message: `The window needs wMin < wMax and bMin < bMax, such as ${example}.`,
      };
    }
    return { ok: true, value: values };
  },
  format: (values) => values.map((v) => Number(v.toPrecision(6))).join(','),
};

// Ten points that one threshold separates: CE has no finite minimum on them (the fit can
// always get surer), and w = −6 starts every point on the wrong side.
const SEPARABLE = {
  x: [-2.4, -1.9, -1.5, -1.1, -0.6, 0.5, 0.9, 1.4, 1.8, 2.3],
  y: [0, 0, 0, 0, 0, 1, 1, 1, 1, 1],
};

export const DATA_PRESETS = Object.freeze({
  separable: SEPARABLE,
  overlapping: {
    x: [-2.2, -1.6, -1.0, -0.5, 0.2, 0.8, -0.8, -0.1, 0.5, 1.1, 1.7, 2.4],
    y: [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1],
  },
  mislabeled: {
    x: [...SEPARABLE.x, -2.0],
    y: [...SEPARABLE.y, 1],
  },
});

export const DEFAULT_VIEW = Object.freeze([-10, 10, -10, 10]);

const sameList = (a, b) => a.length === b.length && a.every((v, i) => v === b[i]);

/** x and y must pair up; a link with lists of different lengths keeps the defaults' data. */
function normalize(state, notices) {
  if (state.x.length === state.y.length) return { state, notices };
  notices.push(
    `Ignored x and y in the link: they list ${state.x.length} positions and ${state.y.length} labels; each point needs one of each.`,
  );
  return { state: { ...state, x: [...SEPARABLE.x], y: [...SEPARABLE.y] }, notices };
}

export const table = {
  parameters: [
    param('x', xKind),
    param('y', yKind),
    param('w', number(W_SPEC)),
    param('b', number(B_SPEC)),
    param('lr', number(LR_SPEC)),
    param('momentum', number(MOMENTUM_SPEC), { omitDefault: true }),
    param('steps', integer(STEPS_SPEC), { omitDefault: true }),
    param('view', viewKind, { when: (state) => !sameList(state.view, DEFAULT_VIEW) }),
  ],
  defaults: Object.freeze({
    x: [...SEPARABLE.x],
    y: [...SEPARABLE.y],
    w: -6,
    b: 0,
    lr: 1,
    momentum: 0,
    steps: 0,
    view: [...DEFAULT_VIEW],
  }),
  normalize,
};

/** The data as the core takes it. */
export const dataOf = (state) => ({ x: state.x, y: state.y });

/** The controls the benchmark drives on this lab's page (web/panels/registry.js `bench`). */
export const bench = [
  // A new start: both descent paths again, the maps kept.
  { query: '?steps=100', control: '#ls-w-slider' },
  // A data point moved: both 200 × 200 maps, MSE's curvature, contours and paths again.
  {
    name: 'landscape point',
    query: '?steps=100',
    control: '#ls-strip',
    focus: '#ls-strip circle',
    event: 'keydown',
    // Plain ←/→ go from point to point; Shift moves the point.
    keys: ['Shift+ArrowRight', 'Shift+ArrowLeft'],
  },
];
