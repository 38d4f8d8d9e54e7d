// "612 times shorter than the cross-entropy one", "about as long as the cross-entropy one": how
// one non-negative number compares with another, as a whole comparison a sentence can end on.
// Reads as English for every pair: equal, within 10 %, one or both 0, a ratio that underflows
// or overflows a double, and values that are themselves beyond a double. Never "Infinity times".
import { formatNumber } from './number_format.js';

const SAME = 1.1; // within 10 % reads as "about as long"

/** The adjectives of a comparison: more/less are comparatives, same the plain adjective. */
export const LENGTH = { more: 'longer', less: 'shorter', same: 'long' };
export const SIZE = { more: 'larger', less: 'smaller', same: 'large' };

/** "612 times", or "more than 1.8 × 10³⁰⁸ times" when the ratio itself is beyond a double. */
const times = (ratio) =>
  Number.isFinite(ratio)
    ? `${formatNumber(ratio)} times`
    : `more than ${formatNumber(Number.MAX_VALUE)} times`;

/**
 * @param {number} a  the number described (≥ 0)
 * @param {number} b  the number it is compared with (≥ 0)
 * @param {{more: string, less: string, same: string}} words  LENGTH or SIZE
 * @param {string} other  what b is, as a noun phrase: "the cross-entropy one"
 * @returns {string} a phrase that completes "The squared-error gradient is …"
 */
export function compareWords(a, b, { more, less, same }, other) {
  if (a === b) return a === 0 ? `0, as is ${other}` : `exactly as ${same} as ${other}`;
  if (a === 0 || b === 0 || !Number.isFinite(a) || !Number.isFinite(b)) {
    return `${formatNumber(a)}, where ${other} is ${formatNumber(b)}`;
  }
  // Both finite and positive; the ratio (or its inverse) may still leave the doubles.
  const ratio = a / b;
  const inverse = b / a;
  if (ratio > SAME) return `${times(ratio)} ${more} than ${other}`;
  if (inverse > SAME) return `${times(inverse)} ${less} than ${other}`;
  return `about as ${same} as ${other}`;
}
