// Adds a classic script to the page and resolves once it has run: how a page loads what it
// needs later (its wasm bytes from disk, a data set when it is chosen) in a way that works both
// over http and from file://, where nothing can be fetched, under the strict CSP (script-src
// 'self').
const loads = new Map(); // one load per script address, shared by every caller

/** @returns {Promise<void>} */
export function loadScript(doc, src) {
  const url = new URL(src, doc.baseURI).href;
  if (!loads.has(url)) {
    loads.set(
      url,
      new Promise((resolve, reject) => {
        const script = doc.createElement('script');
        script.src = url;
        script.onload = () => resolve();
        script.onerror = () => {
          loads.delete(url); // a later attempt tries again
          reject(new Error(`could not load ${src}`));
        };
        doc.head.append(script);
      }),
    );
  }
  return loads.get(url);
}
