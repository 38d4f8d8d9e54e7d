// Human-readable numbers: about four significant digits, scientific notation for very small
// or very large magnitudes, and a proper minus sign. Never prints NaN or Infinity.

const MINUS = '\u2212';

/**
 * @param {number} value
 * @returns {string} e.g. "0.1192", "6.693e−3", "9.860e−305", "−8", "> 1.8e308"
 */
export function formatNumber(value) {
  if (Number.isNaN(value)) {
    return '\u2014'; // a dash, never "NaN"
  }
  if (!Number.isFinite(value)) {
    return value > 0 ? '> 1.8e308' : `< ${MINUS}1.8e308`;
  }
  if (value === 0) {
    return '0';
  }
  const magnitude = Math.abs(value);
  const text =
    magnitude >= 1e-3 && magnitude < 1e5
      ? String(Number(value.toPrecision(4)))
      : value.toExponential(3).replace('e+', 'e');
  return text.replaceAll('-', MINUS);
}
