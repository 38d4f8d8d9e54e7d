// The one skeleton every panel runs on: state → compute → render, one way.
//
// A panel is a declarative module (web/panels/<id>/panel.js):
//   { id, table: {parameters, defaults, normalize?},    its state and URL form (state.js)
//     liveRegion?: element id for polite announcements,
//     errorBox?: element id where a refused state's message goes (default: a notice),
//     createView(ctx) → view                  charts and controls; controls call ctx.propose
//     compute(core, state, previous) → results   every core call for a state, once; throws
//                                                (or rejects) with a message to refuse it
//     render(view, state, results, source)    draws everything from (state, results)
//     announce?(state, results) → text        what screen readers hear once input settles
//     setColors?(view, colors)                the theme changed
//     release?(results)                       frees results that hold wasm memory
//     dispose?(view)                          stops what the view started
//     afterFirstFrame?(ctx, api)              work that can wait for the first frame
//     api?(ctx, view) → object                extra methods on the panel's public API }
//
// mountPanel owns what every panel shares: reading the state from the URL (or a widget's
// attributes), validating a whole proposed state in one step (a rejected state never replaces
// the last good one; its message is cleared by the next good input or Reset), computing once
// per state, rendering, the debounced URL write, announcements, the theme, and dispose.
import { Chart, readThemeColors } from '../charts/chart_setup.js';
import { createAnnouncer } from './announcer.js';
import { useCoreLimits } from './core_limits.js';
import { bindNumberField } from './number_field.js';
import { readQuery, writeQuery } from './params.js';

const URL_DELAY_MS = 200;
const REJECTED = 'rejected-state';

/**
 * @param {object} spec  the panel module
 * @param {{core: object, root: Document|ShadowRoot, host: object, notices: object}} env
 *   host: the page's window, or what a widget offers in its place (location, history,
 *   matchMedia, navigator, themeElement)
 */
export function mountPanel(spec, { core, root, host, notices }) {
  const doc = root.ownerDocument ?? root;
  const fields = [];
  const cleanups = [];
  let state = null;
  let results = null;
  let proposals = 0;
  let urlTimer = 0;
  const announcer = spec.liveRegion ? createAnnouncer(root.getElementById(spec.liveRegion)) : null;

  const ctx = {
    core,
    root,
    doc,
    host,
    notices,
    $: (id) => root.getElementById(id),
    state: () => state,
    results: () => results,
    propose,
    /** Redraws the current state without computing it again (the race while it plays). */
    rerender: (source) => spec.render(view, state, results, source),
    reset: () => propose(structuredClone(spec.table.defaults), 'reset'),
    /** A text field whose valid values propose states; its error is cleared with the others. */
    bindField(options) {
      const field = bindNumberField(options);
      fields.push(field);
      return field;
    },
    clearErrors,
    /** Registers something to undo on dispose (a listener, a timer). */
    onDispose: (cleanup) => cleanups.push(cleanup),
    query: () => writeQuery(state, spec.table),
    /** Says `text()` to screen readers once the input settles (needs spec.liveRegion). */
    announce: (text) => announcer?.announce(text),
  };

  const errorBox = spec.errorBox ? root.getElementById(spec.errorBox) : null;

  function clearErrors() {
    for (const field of fields) field.clearError();
    notices.clear(REJECTED);
    if (errorBox) errorBox.hidden = true;
  }

  function accept(next, computed, source) {
    if (results && computed !== results) spec.release?.(results);
    state = next;
    results = computed;
    if (source !== 'theme') clearErrors();
    spec.render(view, state, results, source);
    if (announcer && spec.announce) announcer.announce(() => spec.announce(state, results));
    clearTimeout(urlTimer);
    urlTimer = setTimeout(() => {
      host.history.replaceState(null, '', `${ctx.query()}${host.location.hash ?? ''}`);
    }, URL_DELAY_MS);
    return true;
  }

  function reject(error) {
    if (errorBox) {
      errorBox.textContent = error.message;
      errorBox.hidden = false;
    } else {
      notices.set(REJECTED, error.message);
    }
    return false;
  }

  /**
   * Proposes a whole state. Returns true once it is shown, false if it was refused (a promise
   * of either for a panel whose compute is asynchronous).
   */
  function propose(next, source) {
    const proposal = (proposals += 1);
    let outcome;
    try {
      outcome = spec.compute(core, next, { state, results });
    } catch (error) {
      return reject(error);
    }
    if (typeof outcome?.then !== 'function') return accept(next, outcome, source);
    return outcome.then(
      (computed) => {
        if (proposal === proposals) return accept(next, computed, source);
        if (computed !== results) spec.release?.(computed);
        return false;
      },
      (error) => (proposal === proposals ? reject(error) : false),
    );
  }

  const view = spec.createView(ctx);

  const scheme = host.matchMedia('(prefers-color-scheme: dark)');
  const onScheme = () => {
    spec.setColors?.(view, readThemeColors(host.themeElement));
    if (state) spec.render(view, state, results, 'theme');
  };
  scheme.addEventListener('change', onScheme);
  cleanups.push(() => scheme.removeEventListener?.('change', onScheme));

  const api = {
    getState: () => structuredClone(state),
    /** Sets part of the state from outside (the explanations' "Show me" buttons). */
    show: (patch) => propose({ ...state, ...patch }, 'show-me'),
    reset: ctx.reset,
    /** Size of the wasm core's memory, for the long-session benchmark. */
    memoryBytes: () => core.memoryBytes(),
    dispose() {
      proposals += 1; // drops a computation still on its way
      clearTimeout(urlTimer);
      spec.dispose?.(view);
      for (const cleanup of cleanups.splice(0)) cleanup();
      if (results) spec.release?.(results);
      results = null;
      for (const canvas of root.querySelectorAll('canvas')) Chart.getChart(canvas)?.destroy();
    },
    /** Work that can wait until the first frame is on screen (the explanations). */
    afterFirstFrame: () => spec.afterFirstFrame?.(ctx, api),
    ...spec.api?.(ctx, view),
  };

  useCoreLimits(core.limits);
  const fromUrl = readQuery(host.location.search, spec.table);
  fromUrl.notices.forEach((message) => notices.show(message));
  const started = async () => {
    if (await propose(fromUrl.state, 'url')) return api;
    await propose(structuredClone(spec.table.defaults), 'url');
    return api;
  };
  return started();
}
