// A page's state in its URL query. Each page declares a table of parameters
// ({key, read(text) → {ok, value} | {ok: false, message}, write(state) → text | null,
// apply(state, value) → state}); one loop reads them, one loop writes them. Reading never
// throws: unknown, repeated or malformed parameters are skipped and reported as notices.
import { quote } from './number_input.js';

export function readQuery(query, parameters, defaults) {
  const notices = [];
  let state = { ...defaults };
  const seen = new Set();
  for (const [key, text] of new URLSearchParams(query)) {
    const parameter = parameters.find((p) => p.key === key);
    if (!parameter) {
      notices.push(`Ignored the unknown link parameter “${quote(key)}”.`);
      continue;
    }
    if (seen.has(key)) {
      notices.push(`The link sets ${key} more than once; the first value is used.`);
      continue;
    }
    seen.add(key);
    const result = parameter.read(text);
    if (result.ok) {
      state = parameter.apply(state, result.value);
    } else {
      notices.push(`Ignored ${key} in the link: ${result.message}`);
    }
  }
  return { state, notices };
}

export function writeQuery(state, parameters) {
  const params = new URLSearchParams();
  for (const parameter of parameters) {
    const text = parameter.write(state);
    if (text !== null) params.set(parameter.key, text);
  }
  return `?${params}`;
}

/** A parameter that must be one of a few words. */
export function choice(key, allowed) {
  return (text) =>
    allowed.includes(text)
      ? { ok: true, value: text }
      : { ok: false, message: `${key} must be one of ${allowed.join(', ')}.` };
}

/** Reads a comma-separated list of numbers, each checked by parseOne(text). */
export function numberList(key, parseOne, { min = 1, max = 100 } = {}) {
  return (text) => {
    const parts = text.split(',');
    if (parts.length < min || parts.length > max) {
      return { ok: false, message: `${key} must list ${min} to ${max} numbers.` };
    }
    const values = [];
    for (const part of parts) {
      const parsed = parseOne(part);
      if (!parsed.ok) return { ok: false, message: parsed.message };
      values.push(parsed.value);
    }
    return { ok: true, value: values };
  };
}
