// "612 times shorter", "2.1 times larger", "about as large": how one positive number compares
// with another, in words, for sentences built from the core's numbers. Never "Infinity times".
import { formatNumber } from './number_format.js';

const SAME = 1.1; // within 10 % reads as "about as large"

/**
 * @param {number} a  the number described
 * @param {number} b  the number it is compared with
 * @param {{more: string, less: string}} words  e.g. {more: 'longer', less: 'shorter'}
 */
export function timesWords(a, b, { more, less }) {
  if (a === 0 && b === 0) return `just as ${more} (both are 0)`;
  if (b === 0) return `${more}, where the other is 0`;
  if (a === 0) return `0, where the other is ${formatNumber(b)}`;
  const r = a / b;
  if (r > SAME) return `${formatNumber(r)} times ${more}`;
  if (r < 1 / SAME) return `${formatNumber(1 / r)} times ${less}`;
  return `about as ${more}`;
}
