// Words around numbers that English bends: "1 step" but "20 steps", "+ 5.989" but "− 5.989".
import { formatNumber } from './number_format.js';

/**
 * "1 point", "12 points", "0 points".
 * @param {number} count
 * @param {string} singular
 * @param {string} [plural]  when it is not singular + "s" ("1 class", "3 classes")
 */
export function counted(count, singular, plural = `${singular}s`) {
  // By what the reader sees: a count shown as "1" (1.00001 rounded) reads "1 word".
  const shown = formatNumber(count);
  return `${shown} ${shown === '1' ? singular : plural}`;
}

/** A term added to a sum in a formula: "+ 5.989", "− 5.989" (never "+ −5.989"), "+ 0". */
export const addedTerm = (value) =>
  value < 0 ? `\u2212 ${formatNumber(-value)}` : `+ ${formatNumber(value)}`;
