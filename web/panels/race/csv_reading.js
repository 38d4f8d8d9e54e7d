// Reads the reader's CSV file with the core a slice at a time, yielding to the browser between
// slices so the page keeps drawing and responding while a file of a few megabytes is read.
// Plain timers, no Worker: it works from file:// and under the pages' strict CSP alike.

const PIECE_CHARS = 16 * 1024; // one core call reads this much text (well under a millisecond)
const SLICE_MS = 12; // then more pieces until a slice has taken this long, then a yield

import { nextTask } from '../../shared/next_frame.js';

/** The end of the piece that starts at `start`, never between the two halves of a surrogate pair. */
function pieceEnd(text, start) {
  let end = Math.min(start + PIECE_CHARS, text.length);
  const last = text.charCodeAt(end - 1);
  if (end < text.length && last >= 0xd800 && last <= 0xdbff) end += 1;
  return end;
}

/**
 * The data set in `text`, as core.parseCsvDataset returns it, read in slices. Throws the core's
 * RangeError (line and column) for a bad file; returns null if `stillWanted()` turns false
 * between slices (another file was chosen).
 * @param {object} core  the wasm core (its createCsvReader)
 * @param {string} text  the file's text
 * @param {{onProgress: (fraction: number) => void, stillWanted: () => boolean}} hooks
 */
export async function readCsvInSlices(core, text, { onProgress, stillWanted }) {
  const reader = core.createCsvReader();
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
