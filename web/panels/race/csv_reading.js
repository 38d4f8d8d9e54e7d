// Reads the reader's CSV file with the core a slice at a time (web/shared/read_in_slices.js),
// so the page keeps drawing and responding while a file of a few megabytes is read.
import { readInSlices } from '../../shared/read_in_slices.js';

/**
 * The data set in `text`, as core.parseCsvDataset returns it, read in slices. Throws the core's
 * RangeError (line and column) for a bad file; returns null if `stillWanted()` turns false
 * between slices (another file was chosen).
 * @param {object} core  the wasm core (its createCsvReader)
 * @param {string} text  the file's text
 * @param {{onProgress: (fraction: number) => void, stillWanted: () => boolean}} hooks
 */
export function readCsvInSlices(core, text, hooks) {
  return readInSlices(core.createCsvReader(), text, hooks);
}
