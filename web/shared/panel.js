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
//     api?(ctx, view) → object                extra methods on the panel's public API
//     scenes?, questions?                     its scenes and predict-then-check questions }
//
// mountPanel owns what every panel shares: reading the state from the URL (or a widget's
// attributes), validating a whole proposed state in one step (a rejected state never replaces
// the last good one; its message is cleared by the next good input or Reset), computing once
// per state, rendering, the debounced URL write, announcements, the theme, and dispose.
import { Chart, readThemeColors } from '../charts/chart_setup.js';
import { createAnnouncer } from './announcer.js';
import { useCoreLimits } from './core_limits.js';
import { bindNumberField } from './number_field.js';
import { mountQuestions } from './questions.js';
import { readQuery, writeQuery } from './params.js';

const URL_DELAY_MS = 200;
const REJECTED = 'rejected-state'; // the notices key of a refused state's message

/** The first state: the URL's (or a widget's attributes'), else the defaults. */
async function showFirstState(spec, { core, host, notices }, propose) {
  useCoreLimits(core.limits);
  const fromUrl = readQuery(host.location.search, spec.table);
  showQueryNotices(notices, fromUrl);
  if (!(await propose(fromUrl.state, 'url'))) {
    await propose(structuredClone(spec.table.defaults), 'url');
  }
}

/** A read query's notices; one about a parameter is keyed by it, so that the next value of the
 *  parameter (a widget's attribute) replaces or clears it. The others are added, or with
 *  `groupKey` shown together under it, replacing the group's previous ones. */
export function showQueryNotices(notices, { notices: messages, noticeKeys }, groupKey = null) {
  const others = [];
  messages.forEach((message, i) => {
    if (noticeKeys[i] !== undefined) notices.set(parameterNotice(noticeKeys[i]), message);
    else others.push(message);
  });
  if (groupKey === null) others.forEach((message) => notices.show(message));
  else if (others.length > 0) notices.set(groupKey, others.join(' '));
  else notices.clear(groupKey);
}

export const parameterNotice = (key) => `parameter:${key}`;

/** Field errors and a refused state's message (in spec.errorBox, else a notice). */
function createPanelErrors(root, spec, notices) {
  const fields = [];
  const box = spec.errorBox ? root.getElementById(spec.errorBox) : null;
  return {
    add(field) {
      fields.push(field);
      return field;
    },
    /** Clears every message: the next good input or Reset. */
    clear() {
      for (const field of fields) field.clearError();
      notices.clear(REJECTED);
      if (box) box.hidden = true;
    },
    show(message) {
      if (!box) return notices.set(REJECTED, message);
      box.textContent = message;
      box.hidden = false;
      return undefined;
    },
  };
}

/** Writes the state's query into the URL once the input pauses (not on every drag step). */
function createUrlWriter(host, query) {
  let timer = 0;
  return {
    query,
    schedule() {
      clearTimeout(timer);
      timer = setTimeout(() => {
        host.history.replaceState(null, '', `${query()}${host.location.hash ?? ''}`);
      }, URL_DELAY_MS);
    },
    cancel: () => clearTimeout(timer),
  };
}

/** Calls onChange(colors) when the reader's colour scheme changes; returns the cleanup. */
function watchTheme(host, onChange) {
  const scheme = host.matchMedia('(prefers-color-scheme: dark)');
  const listener = () => onChange(readThemeColors(host.themeElement));
  scheme.addEventListener('change', listener);
  return () => scheme.removeEventListener?.('change', listener);
}

/** The panel's public API (window.lossplay on a page, element.lossplay in a widget). */
function panelApi(spec, ctx, { view, refreshColors, disposeState }) {
  const api = {
    getState: () => structuredClone(ctx.state()),
    /** Sets part of the state from outside. */
    show: (patch) => ctx.propose({ ...ctx.state(), ...patch }, 'show-me'),
    /** The panel's scenes ("Show me" buttons, present mode), in order (web/shared/scenes.js). */
    scenes: spec.scenes ?? [],
    /** Shows the scene with this id; resolves to whether it was accepted. */
    showScene: async (id) => {
      const scene = api.scenes.find((one) => one.id === id);
      return scene ? api.show(structuredClone(scene.state)) : false;
    },
    reset: ctx.reset,
    /** Proposes a whole state (a widget's changed attributes); resolves to whether it is shown. */
    propose: async (state, source) => ctx.propose(state, source),
    /** Reads the theme's colours again (a widget's theme attribute changed). */
    refreshColors,
    /** The panel's parameters and defaults (its state.js table). */
    table: spec.table,
    /** The state's query, as the URL gets it once input pauses (the Embed dialog's view). */
    query: ctx.query,
    /** Size of the wasm core's memory, for the long-session benchmark. */
    memoryBytes: () => ctx.core.memoryBytes(),
    dispose() {
      disposeState();
      for (const canvas of ctx.root.querySelectorAll('canvas')) Chart.getChart(canvas)?.destroy();
    },
    /** Work that can wait until the first frame is on screen (explanations, questions). */
    afterFirstFrame() {
      spec.afterFirstFrame?.(ctx, api);
      mountQuestions(ctx.root, spec.questions, { core: ctx.core, show: api.show, host: ctx.host });
    },
    ...spec.api?.(ctx, view),
  };
  return api;
}

/**
 * The state and its results, and how a proposed state becomes them: computed once, accepted
 * (then `onAccept(source)`) or refused (then `onReject(error)`); a computation still on its way
 * when a newer one starts, or after cancel(), is dropped.
 */
function createStateHolder(spec, core, { onAccept, onReject }) {
  let state = null;
  let results = null;
  let proposals = 0;

  function accept(next, computed, source) {
    if (results && computed !== results) spec.release?.(results);
    state = next;
    results = computed;
    onAccept(source);
    return true;
  }

  const reject = (error) => {
    onReject(error);
    return false;
  };

  return {
    state: () => state,
    results: () => results,
    /**
     * Proposes a whole state. Returns true once it is shown, false if it was refused (a
     * promise of either for a panel whose compute is asynchronous).
     */
    propose(next, source) {
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
    },
    /** Drops any computation on its way and frees the results. */
    cancel() {
      proposals += 1;
      if (results) spec.release?.(results);
      results = null;
    },
  };
}

/**
 * @param {object} spec  the panel module
 * @param {{core: object, root: Document|ShadowRoot, host: object, notices: object}} env
 *   host: the page's window, or what a widget offers in its place (location, history,
 *   matchMedia, navigator, themeElement)
 */
export function mountPanel(spec, { core, root, host, notices }) {
  const errors = createPanelErrors(root, spec, notices);
  const announcer = spec.liveRegion ? createAnnouncer(root.getElementById(spec.liveRegion)) : null;
  const held = createStateHolder(spec, core, {
    onAccept(source) {
      const [state, results] = [held.state(), held.results()];
      if (source !== 'theme') errors.clear();
      spec.render(view, state, results, source);
      if (announcer && spec.announce) announcer.announce(() => spec.announce(state, results));
      url.schedule();
    },
    onReject: (error) => errors.show(error.message),
  });
  const url = createUrlWriter(host, () => writeQuery(held.state(), spec.table));
  const ctx = {
    core,
    root,
    doc: root.ownerDocument ?? root,
    host,
    notices,
    $: (id) => root.getElementById(id),
    state: held.state,
    results: held.results,
    propose: held.propose,
    /** Redraws the current state without computing it again (the race while it plays). */
    rerender: (source) => spec.render(view, held.state(), held.results(), source),
    reset: () => held.propose(structuredClone(spec.table.defaults), 'reset'),
    /** A text field whose valid values propose states; its error is cleared with the others. */
    bindField: (options) => errors.add(bindNumberField(options)),
    clearErrors: errors.clear,
    query: url.query,
    /** Says `text()` to screen readers once the input settles (needs spec.liveRegion). */
    announce: (text) => announcer?.announce(text),
  };
  const view = spec.createView(ctx);
  const showColors = (colors) => {
    spec.setColors?.(view, colors);
    if (held.state()) ctx.rerender('theme');
  };
  const stopWatchingTheme = watchTheme(host, showColors);
  const api = panelApi(spec, ctx, {
    view,
    refreshColors: () => showColors(readThemeColors(host.themeElement)),
    disposeState() {
      held.cancel();
      url.cancel();
      announcer?.cancel();
      spec.dispose?.(view);
      stopWatchingTheme();
    },
  });
  return showFirstState(spec, { core, host, notices }, held.propose).then(() => api);
}
