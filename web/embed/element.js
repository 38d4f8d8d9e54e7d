// lossplay-embed.js: the <loss-playground> custom element. One script with the wasm core and
// Chart.js inside; every panel of the site can be embedded, each widget in its own shadow DOM
// so neither the host page's styles nor the widget's leak across:
//
//   <script src="lossplay-embed.js"></script>
//   <loss-playground panel="binary" z="-2" y="1" hide="explanations,play"></loss-playground>
//
// Attributes: panel (an id of web/panels/registry.js), theme (inherit, the default: the host
// page's look; auto: the reader's system; light; dark), hide (the HIDE_KEYS of options.js),
// background (surface, transparent: blend with the host page), loading (lazy, the default:
// start near the viewport; eager: start at once), story (a flag: the lab's story beside its
// pinned figure, web/shared/story.js), scene (an id of the panel's scenes.js: that scene,
// narrowed to the card it is about, for a figure beside an author's own text), and the panel's
// own state under the same
// names as its URL parameters. Every value is read as data; a bad one becomes a notice inside
// the widget.
//
// A guest on someone else's page: a widget starts when it first comes near the viewport (a
// slide hidden at load, the tenth figure of a chapter), all widgets share one wasm core,
// attribute changes are gathered and applied once per frame — in place, over the state the
// reader has reached; only a new `panel` or `hide` builds the widget again (going on from that
// state when the panel stays, as when the element is moved in the page) — and a widget off
// screen applies them when it comes back. The state that settles after a change (not on load)
// is announced as a `lossplay-change` event, {panel, values, query}: every parameter's typed
// value under its URL name, and the same as text (what the anywidget module writes back).
// A host script may add notices of its own (the notebook module's, about a trait it could not
// use) with element.setHostNotice(key, message), and clear one with a null message; they stay
// through rebuilds of the widget.
// First: it reads the address of this script while the script runs.
import './script_base.js';
import createLossCore from 'lossplay-core';
import { PANEL_TEMPLATES, WIDGET_CSS } from 'lossplay-panel-templates';
import { addChartTables } from '../charts/chart_tables.js';
import { nextFrame } from '../shared/next_frame.js';
import { createNotices } from '../shared/notices.js';
import { mountPanel, parameterNotice, showQueryNotices } from '../shared/panel.js';
import { arrangeStory, markSceneCard, startStory, stepState } from '../shared/story.js';
import { readQuery, withDefault, writeQuery } from '../shared/params.js';
import {
  applyHide,
  ELEMENT_ATTRIBUTES,
  GLOBAL_ATTRIBUTES,
  OPTION_ATTRIBUTES,
  splitViewOptions,
  stateAttribute,
  DEFAULT_THEME,
  THEMES,
} from '../shared/view_options.js';
import { ALL_PARAMETER_KEYS, PANEL_IDS } from '../panels/registry.js';
import { keepKeysInControls, observeVisibility, releaseRadios } from './guest.js';
import { hostScheme, watchHostScheme } from './host_scheme.js';

// Attributes that are neither options nor panel state.
const RESERVED = new Set([
  ...OPTION_ATTRIBUTES,
  ...ELEMENT_ATTRIBUTES,
  ...GLOBAL_ATTRIBUTES,
  'class',
  'style',
  'id',
  'title',
  'lang',
  'dir',
  'slot',
]);
// Attribute names are lower-case; some URL parameters are not (outlierPred), and `hidden` is
// written param-hidden (see stateAttribute).
const PARAMETER_NAMES = Object.fromEntries(
  ALL_PARAMETER_KEYS.map((key) => [stateAttribute(key), key]),
);
// background="transparent" clears the surface that the Embed section of styles.css gives the
// host (background: var(--lossplay-background, var(--bg))); a host page may also set
// --lossplay-background on the element itself. Until it starts, a widget keeps a place about
// the height of a panel, so the page does not jump as widgets start while the reader scrolls.
// A host's inherited text styles stop at the widget (a slide deck centres its text).
const ELEMENT_CSS = `:host([background='transparent']) { --lossplay-background: transparent; }
.widget { text-align: start; }
.waiting { min-height: 28rem; }`;
const OPTION_NOTICE = 'widget-options';
const ATTRIBUTE_NOTICE = 'widget-attributes'; // what the panel says of attributes together
const UPDATE_NOTICE = 'widget-update';
const SCENE_NOTICE = 'widget-scene';

let corePromise = null;
let sheet = null;
let firstRenderMarked = false; // one mark per page, for the benchmark

/** The panel's module, bundled in; each is loaded when a widget first shows it. */
/** A panel's module (its spec) by id. */
export const loadPanel = async (id) => (await import(`../panels/${id}/panel.js`)).default;

/** The one wasm core every widget of the page shares (and the ten-minute path's numbers). */
export function sharedCore() {
  corePromise ??= createLossCore();
  return corePromise;
}

/** The widget as its panel's host (web/shared/panel.js PanelHost): its attributes are the
 *  first state, its own `theme` the palette, and a settled state becomes an event, not a URL.
 *  @returns {import('../shared/panel.js').PanelHost} */
function widgetHost(element, panelQuery, listeners, onSettled) {
  return {
    query: panelQuery,
    matchMedia: (query) => {
      const list = window.matchMedia(query);
      return {
        get matches() {
          return list.matches;
        },
        addEventListener: (type, handler) => {
          list.addEventListener(type, handler);
          listeners.push([list, type, handler]);
        },
        removeEventListener: (type, handler) => list.removeEventListener(type, handler),
      };
    },
    navigator: window.navigator,
    themeElement: element,
    onSettled,
  };
}

/** The widget's shadow root with its styles, made once per element. */
function widgetShadow(element) {
  if (element.shadowRoot) return element.shadowRoot;
  const shadow = element.attachShadow({ mode: 'open' });
  sheet ??= new CSSStyleSheet();
  if (sheet.cssRules.length === 0) sheet.replaceSync(`${WIDGET_CSS}\n${ELEMENT_CSS}`);
  shadow.adoptedStyleSheets = [sheet];
  keepKeysInControls(shadow);
  return shadow;
}

/** The widget's chrome: a notices box and the panel's markup. */
function buildWidget(shadow, panel) {
  const container = document.createElement('div');
  container.className = 'widget';
  const noticeBox = document.createElement('div');
  noticeBox.id = 'notices';
  noticeBox.className = 'notices';
  noticeBox.setAttribute('role', 'status');
  noticeBox.setAttribute('aria-live', 'polite');
  const body = document.createElement('div');
  body.innerHTML = PANEL_TEMPLATES[panel]; // markup built from the site's own pages
  container.append(noticeBox, ...body.childNodes);
  releaseRadios(shadow);
  shadow.replaceChildren(container);
  return createNotices(noticeBox);
}

class LossPlayground extends HTMLElement {
  /** The panel on show: {panel, api, notices, cleanups}; null before it starts. */
  #mounted = null;
  #generation = 0;
  /** Attributes changed since the last update, applied together on the next frame. */
  #changed = new Set();
  #frame = 0;
  #updating = false;
  #visible = false;
  #stopObserving = null;
  /** Stops following the host page's look (theme="inherit"); null when not following it. */
  #stopScheme = null;
  /** The state of the panel last disposed, {panel, query}: a widget built again for the same
   *  panel (moved in the page, or a new hide) goes on from it. */
  #kept = null;
  /** The host's own notices, by key (setHostNotice). */
  #hostNotices = new Map();

  static get observedAttributes() {
    return [...OPTION_ATTRIBUTES, ...ELEMENT_ATTRIBUTES, ...Object.keys(PARAMETER_NAMES)];
  }

  connectedCallback() {
    const shadow = widgetShadow(this);
    if (!this.#mounted && !shadow.firstChild) {
      const waiting = document.createElement('div');
      waiting.className = 'waiting';
      shadow.replaceChildren(waiting);
    }
    this.#changed.add('panel');
    this.#stopObserving = observeVisibility(this, (visible) => {
      this.#visible = visible;
      this.#schedule();
    });
  }

  disconnectedCallback() {
    this.#stopObserving?.();
    this.#followScheme(null);
    this.#visible = false;
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    this.#dispose();
    releaseRadios(this.shadowRoot);
    this.shadowRoot?.replaceChildren();
  }

  /** Shows the host's notice for `key` in the widget's notices, replacing the one shown for
   *  it before; a null message clears it.
   *  @param {string} key
   *  @param {string | null} message */
  setHostNotice(key, message) {
    if (message === null) this.#hostNotices.delete(key);
    else this.#hostNotices.set(key, message);
    this.#showHostNotice(this.#mounted?.notices, key, message);
  }

  #showHostNotice(notices, key, message) {
    if (!notices) return;
    if (message === null) notices.clear(`host:${key}`);
    else notices.set(`host:${key}`, message);
  }

  // Setting an attribute to the value it already has applies it again: the host's way to put
  // back a value the reader has moved away from.
  attributeChangedCallback(name) {
    this.#changed.add(name);
    this.#schedule();
  }

  /** Applies the changed attributes on the next frame, once the widget is near the viewport. */
  #schedule() {
    if (!this.isConnected || this.#changed.size === 0) return;
    if (!this.#visible && this.getAttribute('loading') !== 'eager') return;
    if (this.#frame || this.#updating) return; // #settled schedules what changes meanwhile
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      const changed = [...this.#changed];
      this.#changed.clear();
      this.#updating = true;
      this.#update(changed).then(
        () => this.#settled(true),
        (error) => {
          this.#mounted?.notices.set(
            UPDATE_NOTICE,
            `This widget could not update: ${error.message}`,
          );
          this.#settled(false);
        },
      );
    });
  }

  #settled(ok) {
    this.#updating = false;
    if (ok && this.#mounted?.api) this.dataset.ready = 'true';
    this.#schedule();
  }

  async #update(changed) {
    const panel = this.#panelChoice().panel;
    const parameters = changed.filter(
      (name) => !OPTION_ATTRIBUTES.includes(name) && !ELEMENT_ATTRIBUTES.includes(name),
    );
    // A new panel, or parts shown again that need their late work (the explanations' numbers),
    // or the story or scene changed: built again, from the state reached if the panel stays.
    const rebuild = ['hide', ...ELEMENT_ATTRIBUTES].some((name) => changed.includes(name));
    if (!this.#mounted?.api || this.#mounted.panel !== panel || rebuild) {
      const kept = this.#keptQuery(panel);
      await this.#mount(kept);
      if (kept && parameters.length > 0 && this.#mounted?.api) {
        await this.#applyParameters(parameters);
      }
      return;
    }
    const { api, notices } = this.#mounted;
    this.#showOptionNotices(notices, this.#options());
    if (changed.includes('theme')) {
      this.#followScheme(this.#theme());
      api.refreshColors();
    }
    if (parameters.length > 0) await this.#applyParameters(parameters);
  }

  /** The state of this panel to go on from, as a query: the live one's, or the one kept when
   *  it was last disposed; null for a panel shown for the first time. */
  #keptQuery(panel) {
    this.#keep();
    return this.#kept?.panel === panel ? this.#kept.query : null;
  }

  #keep() {
    const api = this.#mounted?.api;
    if (api)
      this.#kept = { panel: this.#mounted.panel, query: writeQuery(api.getState(), api.table) };
  }

  /** Changed state attributes, read together (some are checked against each other: a
   *  landscape's x and y, a multi-class widget's logits and names) over the state the reader
   *  has reached; a removed one goes back to its default. A notice about one attribute is
   *  cleared by its next good value. */
  async #applyParameters(names) {
    const { api, notices } = this.#mounted;
    let base = api.getState();
    const query = new URLSearchParams();
    for (const name of names) {
      const key = PARAMETER_NAMES[name] ?? name;
      notices.clear(parameterNotice(key));
      const text = this.getAttribute(name);
      if (text === null) base = withDefault(base, api.table, key);
      else query.append(key, text);
    }
    const read = readQuery(query, api.table, base);
    showQueryNotices(notices, read, ATTRIBUTE_NOTICE);
    await api.propose(read.state, 'attributes');
  }

  /** Which panel to show, and what is wrong with the element's own attributes. */
  #panelChoice() {
    const requested = this.getAttribute('panel') ?? 'binary';
    const panel = PANEL_IDS.includes(requested) ? requested : 'binary';
    const problems = [];
    if (panel !== requested) {
      problems.push(
        `There is no panel “${requested.slice(0, 24)}”; showing the binary playground.`,
      );
    }
    const theme = this.getAttribute('theme') ?? DEFAULT_THEME;
    if (!THEMES.includes(theme)) problems.push(`theme must be one of ${THEMES.join(', ')}.`);
    return { panel, problems };
  }

  /** The theme attribute, or the default (inherit) for none or a wrong one. */
  #theme() {
    const theme = this.getAttribute('theme') ?? DEFAULT_THEME;
    return THEMES.includes(theme) ? theme : DEFAULT_THEME;
  }

  /**
   * Marks the element with the scheme its palette follows (data-scheme, read by the widget's
   * styles): the one `theme` names, the host page's look for inherit (followed as the page
   * changes it), none for auto (the reader's system decides); null stops following.
   */
  #followScheme(theme) {
    this.#stopScheme?.();
    this.#stopScheme = null;
    const mark = (scheme) => {
      if (scheme) this.dataset.scheme = scheme;
      else delete this.dataset.scheme;
    };
    if (theme === 'inherit') {
      mark(hostScheme(this));
      this.#stopScheme = watchHostScheme(this, (scheme) => {
        mark(scheme);
        this.#mounted?.api?.refreshColors();
      });
    } else if (theme) {
      mark(theme === 'auto' ? null : theme);
    }
  }

  /** The widget's state attributes as a query string, and its hide and background. */
  #query() {
    const params = new URLSearchParams();
    for (const { name, value } of this.attributes) {
      if (RESERVED.has(name) || name.startsWith('aria-') || name.startsWith('data-')) continue;
      params.append(PARAMETER_NAMES[name] ?? name, value);
    }
    for (const option of ['hide', 'background']) {
      const value = this.getAttribute(option);
      if (value !== null) params.set(option, value);
    }
    if (this.hasAttribute('story')) params.set('story', '1');
    return `?${params}`;
  }

  #options() {
    return splitViewOptions(this.#query());
  }

  /** Site-only parts stay hidden whatever `hide` says: the copy-link button and the links to
   *  the site's other pages. */
  #hiddenParts(options) {
    return [...options.hide, 'copy', 'links'];
  }

  /** The notices about panel, theme, hide and background, replaced as one group. */
  #showOptionNotices(notices, options) {
    const messages = [...this.#panelChoice().problems, ...options.notices];
    if (messages.length === 0) notices.clear(OPTION_NOTICE);
    else notices.set(OPTION_NOTICE, messages.join(' '));
  }

  #dispose() {
    this.#keep();
    this.#generation += 1;
    // The panel's dispose (one of the cleanups) destroys its charts. A cleanup that fails is
    // reported (as an uncaught error would be) without stopping the others, so that the widget
    // is still taken down whole and a new panel can start in its place.
    for (const cleanup of this.#mounted?.cleanups.splice(0) ?? []) {
      try {
        cleanup();
      } catch (error) {
        reportError(error);
      }
    }
    this.#mounted = null;
    this.lossplay = undefined;
  }

  /** Builds the widget from all its attributes, or from `keptQuery` (the state of the same
   *  panel, when it is built again) with the options of its attributes. */
  async #mount(keptQuery = null) {
    this.#dispose();
    const generation = this.#generation;
    const { panel } = this.#panelChoice();
    const shadow = this.shadowRoot;
    const notices = buildWidget(shadow, panel);
    const options = this.#options();
    this.#showOptionNotices(notices, options);
    for (const [key, message] of this.#hostNotices) this.#showHostNotice(notices, key, message);
    applyHide(shadow, this.#hiddenParts(options));
    delete this.dataset.story;
    const storyLayout = options.story ? arrangeStory(shadow, this) : null;
    const listeners = [];
    const cleanups = [
      () => {
        for (const [list, type, handler] of listeners) list.removeEventListener(type, handler);
      },
    ];
    this.#mounted = { panel, api: null, notices, cleanups };
    this.#followScheme(this.#theme()); // before the panel reads its colours
    const search = keptQuery ?? options.panelQuery;
    const host = widgetHost(this, search, listeners, (settled) => this.#announce(panel, settled));
    try {
      const [core, spec] = await Promise.all([sharedCore(), loadPanel(panel)]);
      if (generation !== this.#generation) return;
      const api = await mountPanel(spec, { core, root: shadow, host, notices });
      if (generation !== this.#generation) {
        api.dispose();
        return;
      }
      cleanups.push(() => api.dispose());
      this.#mounted.api = api;
      this.lossplay = api;
      // The charts reach the screen first; the rest waits a frame.
      await nextFrame();
      if (generation !== this.#generation) return;
      if (!firstRenderMarked) performance.mark('lossplay:widget-first-render');
      firstRenderMarked = true;
      api.afterFirstFrame();
      addChartTables(shadow);
      if (storyLayout) {
        const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
        const story = await startStory(storyLayout, { spec, api, core, reducedMotion });
        cleanups.push(story.dispose);
        if (generation !== this.#generation) return;
      } else if (this.hasAttribute('scene')) {
        await this.#showSceneFigure(spec, api, notices);
      }
      this.dataset.ready = 'true';
      this.dispatchEvent(new CustomEvent('lossplay-ready', { bubbles: true }));
    } catch (error) {
      if (generation === this.#generation) {
        notices.show(`This widget could not start: ${error.message}`);
      }
    }
  }

  /** The `scene` attribute: the panel set to that scene of its scenes.js (over the defaults)
   *  and narrowed to the one card the scene is about, as a figure beside an author's text. */
  async #showSceneFigure(spec, api, notices) {
    const id = this.getAttribute('scene');
    const scene = api.scenes.find((one) => one.id === id);
    if (!scene) {
      const ids = api.scenes.map((one) => one.id).join(', ');
      notices.set(SCENE_NOTICE, `There is no scene “${id.slice(0, 32)}” here; use one of ${ids}.`);
      return;
    }
    notices.clear(SCENE_NOTICE);
    this.dataset.story = 'true';
    markSceneCard(this.shadowRoot, scene);
    await api.propose(stepState(spec.table, scene), 'show-me');
  }

  /** Tells the host page the state that settled (after the reader's input, or a change the
   *  host made): every parameter's typed value under its URL name, and as text, also those a
   *  link would leave out, so that a host can mirror all of them. */
  #announce(panel, { values }) {
    const api = this.#mounted?.api;
    if (!api || this.#mounted.panel !== panel) return;
    const query = writeQuery(api.getState(), api.table, { every: true });
    this.dispatchEvent(
      new CustomEvent('lossplay-change', { bubbles: true, detail: { panel, values, query } }),
    );
  }
}

if (!customElements.get('loss-playground')) {
  customElements.define('loss-playground', LossPlayground);
}
