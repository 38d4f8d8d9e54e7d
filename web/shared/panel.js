// The one skeleton every panel runs on: state → compute → render, one way.
//
// A panel is a declarative module (web/panels/<id>/panel.js):
//   { id, table: {parameters, defaults, normalize?},    its state and URL form (state.js)
//     liveRegion?: element id for polite announcements,
//     errorBox?: element id where a refused state's message goes (default: a notice),
//     createView(ctx) → view                  charts and controls; controls call ctx.propose
//     compute(core, state, previous) → results   every core call for a state, once; throws
//                                                (or rejects) with a message to refuse it;
//                                                previous: {state, results, source} (source:
//                                                what proposed this state)
//     render(view, state, results, source)    draws everything from (state, results)
//     announce?(state, results) → text        what screen readers hear once input settles
//     setColors?(view, colors)                the theme changed
//     release?(results)                       frees results that hold wasm memory
//     dispose?(view, ctx)                     stops what the view started (its charts too)
//     afterFirstFrame?(ctx, api)              work that can wait for the first frame
//     api?(ctx, view) → object                extra methods on the panel's public API
//     scenes?, questions?                     its scenes and predict-then-check questions
//     storyNumbers?(core, state) → {name: value}   the numbers its story quotes at a step's
//                                                state (web/shared/story.js)
//     storyGlide?: string[]                   the number fields a story's step slides to its
//                                                value rather than jumps }
//
// mountPanel owns what every panel shares: reading the first state from the host's query (a
// page's URL, a widget's attributes), validating a whole proposed state in one step (a rejected
// state never replaces the last good one; its message is cleared by the next good input or
// Reset), computing once per state, rendering, telling the host once a change settles,
// announcements, the theme, and dispose. It knows no URL, no window and no chart library: the
// host (web/site/page_bootstrap.js, web/embed/element.js) says what it needs through PanelHost.
import { createAnnouncer } from './announcer.js';
import { useCoreLimits } from './core_limits.js';
import { bindNumberField } from './number_field.js';
import { mountQuestions } from './questions.js';
import { readQuery, writeQuery, writeValues } from './params.js';
import { readThemeColors } from './theme.js';
import { keepSpaceOnSliders } from './slider_keys.js';

/**
 * What a host gives a panel in place of `window`.
 * @typedef {object} PanelHost
 * @property {string} query  the state to start from, as a query ("?z=-2&y=1"): a page's URL
 *   without its view options, or a widget's attributes
 * @property {string} [hash]  the page's fragment (#question-… opens at that question)
 * @property {(query: string) => {matches: boolean, addEventListener: Function,
 *   removeEventListener: Function}} matchMedia
 * @property {Navigator} navigator
 * @property {Element} themeElement  where the theme's custom properties are read
 * @property {(query: string) => string} [linkTo]  the address that shows a state's query (a
 *   page's "Copy link"); absent where there is no page to link to
 * @property {(settled: Settled) => void} onSettled  called once a change settles (input
 *   paused); never for the first state: a load is not a change
 */

/**
 * @typedef {object} Settled
 * @property {Record<string, unknown>} values  every parameter's typed value under its URL key
 *   (params.js writeValues: the inverse of readQuery)
 * @property {string} query  the state as a link writes it ("?z=-2&y=1")
 */

/**
 * A panel module (web/panels/<id>/panel.js); see the list at the top of this file.
 * @typedef {object} PanelSpec
 * @property {string} id
 * @property {{parameters: object[], defaults: object, normalize?: Function}} table
 * @property {string} [liveRegion]
 * @property {string} [errorBox]
 * @property {(ctx: object) => object} createView
 * @property {(core: object, state: object, previous: object) => object} compute
 * @property {(view: object, state: object, results: object, source: string) => void} render
 * @property {(state: object, results: object) => string} [announce]
 * @property {(view: object, colors: object) => void} [setColors]
 * @property {(results: object) => void} [release]
 * @property {(view: object, ctx: object) => void} [dispose]
 * @property {(ctx: object, api: object) => void} [afterFirstFrame]
 * @property {(ctx: object, view: object) => object} [api]
 * @property {readonly object[]} [scenes]
 * @property {readonly object[]} [questions]
 * @property {(core: object, state: object) => (object|Promise<object>)} [storyNumbers]
 * @property {string[]} [storyGlide]
 * @property {{control: string, values: string[]}} [benchInput]  the control the benchmark
 *   drives (an element id) and the values it types into it in turn
 */

/** How long input must pause before the host hears of the state (not every drag step). */
const SETTLE_DELAY_MS = 200;
/** Sources that are no change of the reader's or the host's: the first state, a new theme. */
const NOT_A_CHANGE = new Set(['url', 'theme']);
const REJECTED = 'rejected-state'; // the notices key of a refused state's message

/** The first state: the URL's (or a widget's attributes'), else the defaults. */
async function showFirstState(spec, { core, host, notices }, propose) {
  useCoreLimits(core.limits);
  const fromUrl = readQuery(host.query, spec.table);
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
      if (box && !box.hidden) box.hidden = true;
    },
    show(message) {
      // A box inside a hidden part (a widget's hidden extras) would keep the message unseen.
      if (!box || box.parentElement?.closest('[hidden]')) return notices.set(REJECTED, message);
      box.textContent = message;
      box.hidden = false;
      return undefined;
    },
  };
}

/** Tells the host the state once the input pauses (not on every drag step). */
function createSettleNotifier(host, spec, state) {
  let timer = 0;
  return {
    schedule() {
      clearTimeout(timer);
      timer = setTimeout(() => {
        host.onSettled({
          values: writeValues(state(), spec.table),
          query: writeQuery(state(), spec.table),
        });
      }, SETTLE_DELAY_MS);
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
    /** The state's query, as a link writes it (the Embed dialog's view). */
    query: ctx.query,
    /** Size of the wasm core's memory, for the long-session benchmark. */
    memoryBytes: () => ctx.core.memoryBytes(),
    dispose: disposeState,
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
        outcome = spec.compute(core, next, { state, results, source });
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
 * @param {PanelSpec} spec  the panel module
 * @param {{core: object, root: Document|ShadowRoot, host: PanelHost, notices: object}} env
 * @returns {Promise<object>}  the panel's public API (panelApi)
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
      if (!NOT_A_CHANGE.has(source)) settle.schedule();
    },
    onReject: (error) => errors.show(error.message),
  });
  const settle = createSettleNotifier(host, spec, held.state);
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
    query: () => writeQuery(held.state(), spec.table),
    /** Says `text()` to screen readers once the input settles (needs spec.liveRegion). */
    announce: (text) => announcer?.announce(text),
  };
  const view = spec.createView(ctx);
  const showColors = (colors) => {
    spec.setColors?.(view, colors);
    if (held.state()) ctx.rerender('theme');
  };
  const stopWatchingTheme = watchTheme(host, showColors);
  const stopKeepingSpace = keepSpaceOnSliders(root);
  const api = panelApi(spec, ctx, {
    view,
    refreshColors: () => showColors(readThemeColors(host.themeElement)),
    disposeState() {
      held.cancel();
      settle.cancel();
      announcer?.cancel();
      spec.dispose?.(view, ctx);
      stopWatchingTheme();
      stopKeepingSpace();
    },
  });
  return showFirstState(spec, { core, host, notices }, held.propose).then(() => api);
}
