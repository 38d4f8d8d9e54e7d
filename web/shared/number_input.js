// Turns what a person typed (or a URL parameter) into a number, or into a message that says
// what is wrong. Strict on purpose: "0x10", "1_000", "NaN" and "Infinity" are not numbers here.
// The core reads CSV cells by the same grammar (cpp/core/decimal_number.hpp);
// tests/js/number_grammar.test.mjs checks that the two agree.

const NUMBER_PATTERN = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const MAX_SHOWN = 24;

/** The text as it can be quoted back safely in a message (shortened, one line). */
export function quote(text) {
  const oneLine = String(text).replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_SHOWN ? `${oneLine.slice(0, MAX_SHOWN)}…` : oneLine;
}

/** A value that a field with these bounds accepts, for error messages. */
export function exampleOf(spec) {
  if (spec.example !== undefined) return spec.example;
  const low = spec.min ?? 0;
  const high = spec.max ?? low + 1;
  const mid = spec.integer ? Math.round(low + Math.min(high - low, 10) / 2) : (low + high) / 2;
  return String(Number(mid.toPrecision(2)));
}

/**
 * @param {string} text
 * @param {{name: string, min?: number, max?: number, open?: boolean, openMin?: boolean,
 *          example?: string}} spec  bounds, if any; inclusive unless `open` (then min and max
 *   themselves are rejected) or `openMin` (min alone is rejected)
 * @returns {{ok: true, value: number} | {ok: false, message: string}}
 */
export function parseNumber(text, spec) {
  // Accept the typographic minus sign the page itself prints.
  const cleaned = String(text)
    .trim()
    .replace(/\u2212/g, '-');
  if (cleaned === '') {
    return { ok: false, message: `Enter a number for ${spec.name}.` };
  }
  if (!NUMBER_PATTERN.test(cleaned)) {
    const example =
      spec.min === undefined
        ? `like −2, 0.5 or 1e-3`
        : `as a number between ${spec.min} and ${spec.max}, such as ${exampleOf(spec)}`;
    return {
      ok: false,
      message: `“${quote(text)}” is not a number. Write ${spec.name} ${example}.`,
    };
  }
  const value = Number(cleaned);
  if (!Number.isFinite(value)) {
    return {
      ok: false,
      message: `${quote(text)} is too large: ${spec.name} must be below 1.8e308 in size.`,
    };
  }
  const openMin = spec.open || spec.openMin;
  const below = spec.min !== undefined && (openMin ? value <= spec.min : value < spec.min);
  const above = spec.max !== undefined && (spec.open ? value >= spec.max : value > spec.max);
  if (below || above) {
    const range = spec.open
      ? `strictly between ${spec.min} and ${spec.max}`
      : spec.openMin
        ? `above ${spec.min} and at most ${spec.max}`
        : `between ${spec.min} and ${spec.max}`;
    return {
      ok: false,
      message: `${spec.name} must be ${range} (got ${quote(text)}), such as ${exampleOf(spec)}.`,
    };
  }
  return { ok: true, value: Object.is(value, -0) ? 0 : value };
}
