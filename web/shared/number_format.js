// Human-readable numbers: about four significant digits, plain decimals for moderate
// magnitudes, "6.118 × 10⁻⁷" (not "6.118e-7") for very small or very large ones, and a proper
// minus sign. Never prints NaN or Infinity.

const MINUS = '\u2212';
const SUPERSCRIPT = {
  '-': '\u207B',
  0: '⁰',
  1: '¹',
  2: '²',
  3: '³',
  4: '⁴',
  5: '⁵',
  6: '⁶',
  7: '⁷',
  8: '⁸',
  9: '⁹',
};

/** 10 to an integer power, written the way a textbook writes it: "10⁻⁷". */
export const powerOfTen = (exponent) =>
  `10${[...String(exponent)].map((c) => SUPERSCRIPT[c]).join('')}`;

function scientific(value) {
  const [mantissa, exponent] = value.toExponential(3).split('e');
  return `${mantissa} × ${powerOfTen(Number(exponent))}`;
}

/**
 * @param {number} value
 * @returns {string} e.g. "0.1192", "6.693 × 10⁻³", "11014", "−8", "> 1.8 × 10³⁰⁸"
 */
export function formatNumber(value) {
  if (Number.isNaN(value)) {
    return '\u2014'; // a dash, never "NaN"
  }
  if (!Number.isFinite(value)) {
    return value > 0 ? `> 1.8 × ${powerOfTen(308)}` : `< ${MINUS}1.8 × ${powerOfTen(308)}`;
  }
  if (value === 0) {
    return '0';
  }
  const magnitude = Math.abs(value);
  let text;
  if (magnitude >= 1e-3 && magnitude < 1e3) text = String(Number(value.toPrecision(4)));
  // Whole numbers up to 10⁵ keep every digit: "11014", not a misleading "11010".
  else if (magnitude >= 1e3 && magnitude < 1e5) text = String(Math.round(value));
  else text = scientific(value);
  return text.replaceAll('-', MINUS);
}

/** A log-axis tick: "1", "0.01", "10⁻⁴" on powers of ten, nothing in between. */
export function powerOfTenTick(value) {
  const exponent = Math.round(Math.log10(value));
  if (Math.abs(value / 10 ** exponent - 1) > 1e-9) return '';
  return exponent >= -3 && exponent < 5 ? formatNumber(value) : powerOfTen(exponent);
}
