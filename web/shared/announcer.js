// Polite screen-reader announcements of a panel's read-outs: the text is set once the input
// has settled, not on every drag step, in a visually hidden aria-live region.
const SETTLE_MS = 600;

export function createAnnouncer(region) {
  let timer = 0;
  return {
    /** text: a function, called when the input settles, so it describes the latest state. */
    announce(text) {
      clearTimeout(timer);
      timer = setTimeout(() => {
        region.textContent = text();
      }, SETTLE_MS);
    },
    cancel: () => clearTimeout(timer),
  };
}
