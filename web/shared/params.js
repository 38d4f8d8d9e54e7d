// Parameter kinds and a panel's state in a query string (a page's URL or a widget's
// attributes). A panel declares one table of parameters, each a URL key with a kind; parsing,
// writing and the error messages all derive from the kind, and one loop reads a query while one
// loop writes it (as tensorflow/playground's typed PROPS table). Reading never throws: unknown,
// repeated or malformed parameters are skipped and reported as notices.
import { exampleOf, parseNumber, quote } from './number_input.js';

/**
 * A number within spec's bounds ({name, min, max, open, openMin, integer, example}). `spec` may
 * be a function returning it, for bounds that come from the core (see core_limits.js).
 */
export function number(spec) {
  const specOf = typeof spec === 'function' ? spec : () => spec;
  return {
    get spec() {
      return specOf();
    },
    parse(text) {
      const current = specOf();
      const parsed = parseNumber(text, current);
      if (parsed.ok && current.integer && !Number.isInteger(parsed.value)) {
        return {
          ok: false,
          message: `${current.name} must be a whole number, such as ${exampleOf(current)}.`,
        };
      }
      return parsed;
    },
    format: (value) => String(value),
  };
}

/** A whole number in spec's bounds. */
export const integer = (spec) =>
  number(
    typeof spec === 'function' ? () => ({ ...spec(), integer: true }) : { ...spec, integer: true },
  );

/**
 * A comma-separated list of `count` (or `min` to `max`) numbers of the same spec; `items` names
 * them in messages ("logits").
 * @param {object} spec  each number's spec, as number(spec) takes it
 * @param {{count?: number, min?: number, max?: number, items?: string}} size
 */
export function numbers(spec, { count, min = count, max = count, items }) {
  return {
    spec,
    parse(text) {
      const parts = String(text).split(',');
      if (parts.length < min || parts.length > max) {
        const size = min === max ? `${min}` : `${min} to ${max}`;
        return {
          ok: false,
          message: `List ${size} ${items ?? `numbers for ${spec.name}`}, separated by commas.`,
        };
      }
      const values = [];
      for (const part of parts) {
        const parsed = parseNumber(part, spec);
        if (!parsed.ok) return parsed;
        values.push(parsed.value);
      }
      return { ok: true, value: values };
    },
    format: (values) => values.join(','),
  };
}

/**
 * A comma-separated list of count.min to count.max entries, each read by `parseEntry(part)`;
 * `specOf()` names an entry in messages.
 */
export function commaList(specOf, count, { items, example, rule, parseEntry }) {
  return {
    get spec() {
      return specOf();
    },
    parse(text) {
      const parts = String(text).split(',');
      const wrongCount = {
        ok: false,
        message: `List ${count.min} to ${count.max} ${items}, separated by commas, such as ${example}: ${rule()}.`,
      };
      if (parts.length > count.max) return wrongCount;
      // Each entry first: "“abc” is not a number" helps more than "list 2 numbers".
      const values = [];
      for (const [i, part] of parts.entries()) {
        const parsed = parseEntry(part);
        if (!parsed.ok) return { ok: false, message: `Entry ${i + 1}: ${parsed.message}` };
        values.push(parsed.value);
      }
      return values.length < count.min ? wrongCount : { ok: true, value: values };
    },
    format: (values) => values.join(','),
  };
}

/** One of a few words. */
export function oneOf(name, values) {
  return {
    values,
    parse: (text) =>
      values.includes(text)
        ? { ok: true, value: text }
        : { ok: false, message: `${name} must be one of ${values.join(', ')}.` },
    format: (value) => value,
  };
}

/** A boolean written as one of two words (`on` for true). */
export function flag(name, on, off) {
  const words = oneOf(name, [off, on]);
  return {
    parse: (text) => {
      const parsed = words.parse(text);
      return parsed.ok ? { ok: true, value: parsed.value === on } : parsed;
    },
    format: (value) => (value ? on : off),
  };
}

/**
 * A row of a parameter table: URL `key`, its `kind`, and optionally the state `field` it sets
 * (default: the key), `omitDefault` (not written while equal to the default), `when(state)`
 * (written only while true) and `implies` (a patch applied with the value on reading).
 */
export const param = (key, kind, options = {}) => ({ key, kind, field: key, ...options });

function applyParameter(state, parameter, value) {
  if (parameter.apply) return parameter.apply(state, value);
  return { ...state, ...parameter.implies, [parameter.field]: value };
}

/**
 * @param {string | URLSearchParams} query  "?z=-2&y=1", or its parameters
 * @param {{parameters: object[], defaults: object, normalize?: Function}} table
 * @param {object} [base]  the state the query changes (default: the table's defaults)
 * @returns {{state: object, notices: string[], noticeKeys: (string|undefined)[]}}
 *   noticeKeys[i] names the parameter notices[i] is about, when it is about one (a notice keyed
 *   so can be replaced or cleared when that parameter changes)
 */
export function readQuery(query, { parameters, defaults, normalize }, base = defaults) {
  const notices = [];
  const noticeKeys = [];
  const report = (message, key) => {
    notices.push(message);
    noticeKeys.push(key);
  };
  let state = structuredClone(base);
  const seen = new Set();
  for (const [key, text] of new URLSearchParams(query)) {
    const parameter = parameters.find((p) => p.key === key);
    if (!parameter) {
      report(`Ignored the unknown link parameter “${quote(key)}”.`, key);
      continue;
    }
    if (seen.has(key)) {
      report(`The link sets ${key} more than once; the first value is used.`);
      continue;
    }
    seen.add(key);
    const result = parameter.kind.parse(text);
    if (result.ok) {
      state = applyParameter(state, parameter, result.value);
    } else {
      report(`Ignored ${key} in the link: ${result.message}`, key);
    }
  }
  const read = normalize ? normalize(state, notices) : { state, notices };
  return { ...read, noticeKeys };
}

/**
 * The query string for a state, e.g. "?z=-2&y=1". `every`: every parameter with a value, also
 * those a link leaves out (at their default, or not in use: a host mirroring all of them).
 */
export function writeQuery(state, { parameters, defaults }, { every = false } = {}) {
  const params = new URLSearchParams();
  for (const parameter of parameters) {
    if (!every && parameter.when && !parameter.when(state)) continue;
    const value = parameter.write ? parameter.write(state) : state[parameter.field];
    if (value === null || value === undefined) continue;
    if (!every && parameter.omitDefault && value === defaults[parameter.field]) continue;
    params.set(parameter.key, parameter.write ? value : parameter.kind.format(value));
  }
  return `?${params}`;
}

/**
 * Every parameter in use, with its typed value, under its URL key ({z: -2, y: 1, axis: false}),
 * defaults included: what a host mirrors. The inverse of readQuery: the query these values
 * write reads back to the same state.
 */
export function writeValues(state, { parameters }) {
  const values = {};
  for (const parameter of parameters) {
    // Not in use (eps without the clamped CE): as a value it would switch its use on.
    if (parameter.when && !parameter.when(state)) continue;
    // A parameter written from several fields (parameter.write) is typed by reading its text.
    const read = parameter.write ? parameter.kind.parse(parameter.write(state)) : null;
    const value = read ? (read.ok ? read.value : undefined) : state[parameter.field];
    if (value !== null && value !== undefined) values[parameter.key] = structuredClone(value);
  }
  return values;
}

/** The state with parameter `key` back at its default (an attribute removed), nothing else. */
export function withDefault(state, { parameters, defaults }, key) {
  const parameter = parameters.find((one) => one.key === key);
  if (!parameter) return state;
  // Some parameters are read into a field of their own (multi-class names → pendingNames).
  const field = parameter.field in defaults ? parameter.field : key;
  if (!(field in defaults)) return state;
  return { ...state, [field]: structuredClone(defaults[field]) };
}
