// What every page does on load: read the embedding options, start the wasm core, start the
// page's panel with it, mark the first complete render (performance mark
// "lossplay:first-render"), run any work that can wait for that frame, then flag the end of
// start-up (body[data-ready]) for tests. A failure becomes a notice, never a blank panel.
//
// Panels see a `host` instead of `window`: its location holds only the panel's own parameters,
// and writing the URL keeps the embedding options, so an embedded view stays embedded.
import createLossCore from 'lossplay-core'; // the core's source, bundled in by scripts/build.mjs
import { addChartTables } from './chart_tables.js';
import { applyHide, splitEmbedOptions } from './embed_options.js';
import { wireEmbedButton } from './embed_button.js';
import { createNotices } from './notices.js';
import { reportHeightToParent } from './iframe_height.js';

function pageHost(options) {
  const extra = new URLSearchParams();
  if (options.embed) extra.set('embed', '1');
  const userHide = options.hide.filter(
    (key) => !options.embed || (key !== 'header' && key !== 'embed'),
  );
  if (userHide.length) extra.set('hide', userHide.join(','));
  const suffix = extra.toString();
  return {
    location: {
      search: options.panelQuery,
      hash: window.location.hash,
      origin: window.location.origin,
      pathname: window.location.pathname,
    },
    history: {
      replaceState(state, title, url) {
        const [path, hash = ''] = String(url).split('#');
        const joined = suffix ? `${path}${path.includes('?') ? '&' : '?'}${suffix}` : path;
        window.history.replaceState(state, title, hash ? `${joined}#${hash}` : joined);
      },
    },
    matchMedia: (query) => window.matchMedia(query),
    navigator: window.navigator,
    themeElement: document.documentElement,
  };
}

/**
 * @param {(corePromise: Promise<object>, notices: object, host: object) => Promise<object>} start
 *   builds the panel and returns its API (exposed as window.lossplay for tests)
 * @param {(panel: object, core: object, notices: object) => void} [afterFirstFrame]
 */
export async function startPage(start, afterFirstFrame) {
  const notices = createNotices(document.getElementById('notices'));
  const options = splitEmbedOptions(window.location.search);
  options.notices.forEach((message) => notices.show(message));
  applyHide(document, options.hide);
  if (options.hide.includes('header')) {
    // The visible title is gone (an embedded view); screen readers still get one.
    const title = document.createElement('h1');
    title.className = 'visually-hidden';
    title.textContent = document.querySelector('.site-header h1')?.textContent ?? document.title;
    (document.querySelector('main') ?? document.body).prepend(title);
  }
  if (options.embed) reportHeightToParent();
  const corePromise = createLossCore();
  let panel;
  try {
    panel = await start(corePromise, notices, pageHost(options));
  } catch (error) {
    notices.show(`This page could not start in this browser: ${error.message}`);
    return;
  }
  await new Promise((resolve) => {
    requestAnimationFrame(() => {
      performance.mark('lossplay:first-render');
      setTimeout(resolve, 0);
    });
  });
  afterFirstFrame?.(panel, await corePromise, notices);
  wireEmbedButton(document);
  addChartTables(document);
  window.lossplay = panel;
  requestAnimationFrame(() => {
    document.body.dataset.ready = 'true';
  });
}
