// What every page does on load: read the embedding options, start the wasm core (performance
// mark "lossplay:core-ready"), mount the page's panel on it, mark the first complete render
// ("lossplay:first-render"), run any work that can wait for that frame, then flag the end of
// start-up (body[data-ready]) for tests. A failure becomes a notice, never a blank panel.
//
// Panels see a `host` instead of `window`: its location holds only the panel's own parameters,
// and writing the URL keeps the embedding options, so an embedded view stays embedded.
import createLossCore from 'lossplay-core'; // the core's source, bundled in by scripts/build.mjs
import { addChartTables } from '../charts/chart_tables.js';
import { applyHide, splitEmbedOptions } from '../embed/options.js';
import { wireEmbedButton } from '../embed/button.js';
import { reportHeightToParent } from '../embed/iframe_height.js';
import { createNotices } from '../shared/notices.js';
import { mountPanel } from '../shared/panel.js';
import { wirePresentMode } from './present.js';
import { nextFrame } from '../shared/next_frame.js';
import { watchStripHeight } from '../shared/scenes.js';

/** The view options a written URL keeps besides the panel's state (embed, hide, background,
 * present), so a reload shows the same view. */
function viewQuery(options) {
  const extra = new URLSearchParams();
  if (options.embed) extra.set('embed', '1');
  const userHide = options.hide.filter(
    (key) => !options.embed || (key !== 'header' && key !== 'embed'),
  );
  if (userHide.length) extra.set('hide', userHide.join(','));
  if (options.background && options.background !== 'surface') {
    extra.set('background', options.background);
  }
  if (document.documentElement.dataset.present === 'true') extra.set('present', '1');
  return extra.toString();
}

function withViewQuery(url, options) {
  const [path, hash = ''] = String(url).split('#');
  const suffix = viewQuery(options);
  const joined = suffix ? `${path}${path.includes('?') ? '&' : '?'}${suffix}` : path;
  return hash ? `${joined}#${hash}` : joined;
}

function pageHost(options) {
  return {
    location: {
      search: options.panelQuery,
      hash: window.location.hash,
      origin: window.location.origin,
      pathname: window.location.pathname,
    },
    history: {
      replaceState(state, title, url) {
        window.history.replaceState(state, title, withViewQuery(url, options));
      },
    },
    matchMedia: (query) => window.matchMedia(query),
    navigator: window.navigator,
    themeElement: document.documentElement,
  };
}

function keepTitleForScreenReaders() {
  // The visible title is gone (an embedded view); screen readers still get one.
  const title = document.createElement('h1');
  title.className = 'visually-hidden';
  title.textContent = document.querySelector('.site-header h1')?.textContent ?? document.title;
  (document.querySelector('main') ?? document.body).prepend(title);
}

/** @param {object} spec  the page's panel module (web/panels/<id>/panel.js) */
export async function startPage(spec) {
  const notices = createNotices(document.getElementById('notices'));
  const query = new URLSearchParams(window.location.search);
  const present = query.get('present') === '1';
  query.delete('present');
  const options = splitEmbedOptions(`?${query}`, spec.id);
  options.notices.forEach((message) => notices.show(message));
  applyHide(document, options.hide);
  if (options.hide.includes('header')) keepTitleForScreenReaders();
  if (options.embed) reportHeightToParent();
  let panel;
  try {
    const core = await createLossCore();
    performance.mark('lossplay:core-ready');
    panel = await mountPanel(spec, { core, root: document, host: pageHost(options), notices });
  } catch (error) {
    notices.show(`This page could not start in this browser: ${error.message}`);
    return;
  }
  document.querySelector('main')?.setAttribute('aria-busy', 'false');
  await nextFrame(() => performance.mark('lossplay:first-render'));
  panel.afterFirstFrame();
  wireEmbedButton(document, panel.query);
  watchStripHeight(document);
  wirePresentMode(document, panel, {
    start: present && !options.embed,
    // Keeps the flag in the URL, so a projected view can be linked.
    onChange: () => {
      const { pathname, search, hash } = window.location;
      // The panel's own part (the same split as on load); withViewQuery adds the view options
      // back once each, background included.
      const own = new URLSearchParams(splitEmbedOptions(search).panelQuery);
      own.delete('present');
      const ownQuery = own.toString();
      window.history.replaceState(
        null,
        '',
        withViewQuery(`${pathname}${ownQuery ? `?${ownQuery}` : ''}${hash}`, options),
      );
    },
  });
  addChartTables(document);
  window.lossplay = panel;
  requestAnimationFrame(() => {
    document.body.dataset.ready = 'true';
  });
}
