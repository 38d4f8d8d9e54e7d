// Reads a long text through one of the core's piece readers (core.createCsvReader(),
// core.createTableReader()) a slice at a time, yielding to the browser between slices so the
// page keeps drawing and answering input while a file of many megabytes is read. Plain timers,
// no Worker: it works from file:// and under the pages' strict CSP alike.
import { nextTask } from './next_frame.js';

const PIECE_CHARS = 16 * 1024; // one core call reads this much text (well under a millisecond)
const SLICE_MS = 12; // then more pieces until a slice has taken this long, then a yield

/** The end of the piece that starts at `start`, never between the two halves of a surrogate pair. */
function pieceEnd(text, start) {
  let end = Math.min(start + PIECE_CHARS, text.length);
  const last = text.charCodeAt(end - 1);
  if (end < text.length && last >= 0xd800 && last <= 0xdbff) end += 1;
  return end;
}

/**
 * @typedef {object} PieceReader  what core.createCsvReader() and core.createTableReader() return
 * @property {(piece: string) => void} read
 * @property {() => any} finish
 * @property {() => void} dispose
 */

/**
 * What `reader.finish()` returns for the whole of `text`, read in slices. Throws the reader's
 * RangeError (line and column) for a bad text; returns null if `stillWanted()` turns false
 * between slices (another file was chosen). The reader is disposed of either way.
 * @param {PieceReader} reader  a new reader
 * @param {string} text
 * @param {{onProgress?: (fraction: number) => void, stillWanted?: () => boolean}} [hooks]
 */
export async function readInSlices(
  reader,
  text,
  { onProgress = () => {}, stillWanted = () => true } = {},
) {
  try {
    let start = 0;
    while (start < text.length) {
      const sliceStart = performance.now();
      do {
        const end = pieceEnd(text, start);
        reader.read(text.slice(start, end));
        start = end;
      } while (start < text.length && performance.now() - sliceStart < SLICE_MS);
      onProgress(start / text.length);
      await nextTask();
      if (!stillWanted()) return null;
    }
    return reader.finish();
  } finally {
    reader.dispose();
  }
}
