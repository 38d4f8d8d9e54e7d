// What every page does on load: read the view options, start the wasm core (performance mark
// "lossplay:core-ready"), mount the page's panel on it, mark the first complete render
// ("lossplay:first-render"), run any work that can wait for that frame, then flag the end of
// start-up (body[data-ready]) for tests. A failure becomes a notice, never a blank panel.
//
// The page is the panel's host (web/shared/panel.js PanelHost): it hands the panel the URL's
// own part of the query, and composes its address from the panel's settled query and the view
// options (embed, hide, background, present) — only once the reader changes something: a load
// is not a change, so the address a reader opened stays as typed.
import createLossCore from 'lossplay-core'; // the core's source, bundled in by scripts/build.mjs
import { addChartTables } from '../charts/chart_tables.js';
import { createNotices } from '../shared/notices.js';
import { mountPanel } from '../shared/panel.js';
import { nextFrame } from '../shared/next_frame.js';
import { watchStripHeight } from '../shared/scenes.js';
import { writeQuery } from '../shared/params.js';
import { arrangeStory, startStory, stepState } from '../shared/story.js';
import { applyHide, splitViewOptions, writeViewQuery } from '../shared/view_options.js';
import { applyPageScheme } from './page_scheme.js';
import { wireEmbedButton } from './embed_button.js';
import { reportHeightToParent } from './iframe_height.js';
import { wirePresentMode } from './present.js';

/** The page's address for a panel query and the view options, keeping the fragment. */
function pageAddress(panelQuery, options) {
  const own = new URLSearchParams(panelQuery).toString();
  const view = writeViewQuery(options);
  const query = [own, view].filter(Boolean).join('&');
  return `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`;
}

/** @returns {import('../shared/panel.js').PanelHost} */
function pageHost(options) {
  return {
    query: options.panelQuery,
    hash: window.location.hash,
    matchMedia: (query) => window.matchMedia(query),
    navigator: window.navigator,
    themeElement: document.documentElement,
    linkTo: (query) => `${window.location.origin}${window.location.pathname}${query}`,
    onSettled: ({ query }) => {
      options.panelQuery = query;
      window.history.replaceState(null, '', pageAddress(query, options));
    },
  };
}

function keepTitleForScreenReaders() {
  // The visible title is gone (an embedded view); screen readers still get one.
  const title = document.createElement('h1');
  title.className = 'visually-hidden';
  title.textContent = document.querySelector('.site-header h1')?.textContent ?? document.title;
  (document.querySelector('main') ?? document.body).prepend(title);
}

/** The view options of the page's URL; what is wrong with them becomes notices. */
function readViewOptions(spec, notices) {
  const options = splitViewOptions(window.location.search, spec.id);
  options.notices.forEach((message) => notices.show(message));
  applyHide(document, options.hide);
  if (options.hide.includes('header')) keepTitleForScreenReaders();
  if (options.embed) reportHeightToParent(options);
  return options;
}

/** Ends every step with a link to the full lab at the step's state (not in a frame, where the
 *  story keeps the reader). */
function linkStepsToLab(layout, spec, options) {
  if (options.embed) return;
  for (const step of layout.querySelectorAll('.story-step')) {
    const scene = spec.scenes?.find((one) => one.id === step.dataset.scene);
    if (!scene) continue;
    const link = document.createElement('a');
    link.className = 'story-open';
    link.href = `${window.location.pathname}${writeQuery(stepState(spec.table, scene), spec.table)}`;
    link.textContent = 'Explore this in the full lab';
    const line = document.createElement('p');
    line.append(link);
    step.append(line);
  }
}

/** The lab's story (story=1): its numbers, then the steps following the reader's scrolling. */
async function startPageStory(layout, { spec, panel, core, notices, options }) {
  const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  // Leaving the story keeps the state the figure shows.
  const leave = layout.querySelector('.story-leave');
  leave?.addEventListener('click', () => {
    leave.setAttribute('href', `${window.location.pathname}${panel.query()}`);
  });
  linkStepsToLab(layout, spec, options);
  try {
    await startStory(layout, { spec, api: panel, core, reducedMotion });
  } catch (error) {
    notices.show(`The story could not start: ${error.message}`);
  }
}

/** @param {import('../shared/panel.js').PanelSpec} spec  the page's panel module */
export async function startPage(spec) {
  const notices = createNotices(document.getElementById('notices'));
  const options = readViewOptions(spec, notices);
  let panel;
  applyPageScheme(options, () => panel?.refreshColors());
  const storyLayout = options.story ? arrangeStory(document, document.documentElement) : null;
  let core;
  try {
    core = await createLossCore();
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
  if (storyLayout) await startPageStory(storyLayout, { spec, panel, core, notices, options });
  wirePresentMode(document, panel, {
    start: options.present && !options.embed && !storyLayout,
    // Keeps the flag in the URL, so a projected view can be linked; the panel's part of the
    // address stays as it is (as typed, until the reader changes something).
    onChange: (presenting) => {
      options.present = presenting;
      const current = splitViewOptions(window.location.search).panelQuery;
      window.history.replaceState(null, '', pageAddress(current, options));
    },
  });
  addChartTables(document);
  window.lossplay = panel;
  requestAnimationFrame(() => {
    document.body.dataset.ready = 'true';
  });
}
