// Reads a table of numbers (CSV or TSV text, such as a model's logits and labels) with the core
// a slice at a time, so that the page keeps drawing while a large file is read. The format and
// the errors: core.createTableReader() in docs/core-api.md.
import { readInSlices } from './read_in_slices.js';

/**
 * @typedef {object} Table  what the core's tableReader.finish() returns
 * @property {string[]} header  the columns' names; [] when line 1 is data
 * @property {number} columns
 * @property {number} rows
 * @property {Float64Array} values  rows × columns, row-major
 * @property {number} firstLine  the file's line of data row 1 (0 without rows)
 */

/**
 * The table in `text`, read in slices. Throws the core's RangeError (line and column) for a bad
 * file; returns null if `stillWanted()` turns false between slices (another file was chosen).
 * @param {{createTableReader: () => import('./read_in_slices.js').PieceReader}} core  the wasm core
 * @param {string} text  the file's text
 * @param {{onProgress?: (fraction: number) => void, stillWanted?: () => boolean}} [hooks]
 * @returns {Promise<Table | null>}
 */
export function readTableInSlices(core, text, hooks = {}) {
  return readInSlices(core.createTableReader(), text, hooks);
}
