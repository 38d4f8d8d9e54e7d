// lossplay-embed.js: the <loss-playground> custom element. One script with the wasm core and
// Chart.js inside; every panel of the site can be embedded, each widget in its own shadow DOM
// so neither the host page's styles nor the widget's leak across:
//
//   <script src="lossplay-embed.js"></script>
//   <loss-playground panel="binary" z="-2" y="1" hide="explanations,play"></loss-playground>
//
// Attributes: panel (an id of web/panels/registry.js), theme (light, dark, auto), hide
// (header, explanations, extras, play, copy, embed), background (surface, transparent: blend with the
// host page), and the panel's own state under the same names as its URL parameters. Changing
// an attribute rebuilds the widget from them. Every value is read as data; a bad one becomes a
// notice inside the widget. The site's navigation, title and Embed button are never part of
// a widget (its markup is cut from the pages' <main>).
import createLossCore from 'lossplay-core';
import { PANEL_TEMPLATES, WIDGET_CSS } from 'lossplay-panel-templates';
import { addChartTables } from '../charts/chart_tables.js';
import { createNotices } from '../shared/notices.js';
import { mountPanel } from '../shared/panel.js';
import { ALL_PARAMETER_KEYS, PANEL_IDS } from '../panels/registry.js';
import { applyHide, splitEmbedOptions, stateAttribute, THEMES } from './options.js';

const RESERVED = new Set([
  'panel',
  'theme',
  'hide',
  'background',
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
// --lossplay-background on the element itself.
const ELEMENT_CSS = `:host([background='transparent']) { --lossplay-background: transparent; }`;

let corePromise = null;
let sheet = null;

/** The panel's module, bundled in; each is loaded when a widget first shows it. */
const loadPanel = async (id) => (await import(`../panels/${id}/panel.js`)).default;

/** What a panel uses of `window`, answered for a widget: no URL, the element's own theme. */
function widgetHost(element, panelQuery, listeners) {
  return {
    location: {
      search: panelQuery,
      hash: '',
      origin: window.location.origin,
      pathname: window.location.pathname,
    },
    history: { replaceState() {} }, // a widget's state lives in its attributes, not the URL
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
  };
}

class LossPlayground extends HTMLElement {
  #generation = 0;
  #cleanups = [];

  static get observedAttributes() {
    return ['panel', 'theme', 'hide', 'background', ...Object.keys(PARAMETER_NAMES)];
  }

  connectedCallback() {
    this.#render();
  }

  disconnectedCallback() {
    this.#dispose();
  }

  attributeChangedCallback() {
    if (this.isConnected) this.#render();
  }

  /** The widget's state as a query string, from its attributes. */
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
    return `?${params}`;
  }

  #dispose() {
    this.#generation += 1;
    // The panel's dispose (one of the cleanups) destroys its charts.
    for (const cleanup of this.#cleanups.splice(0)) cleanup();
  }

  /** The widget's chrome: a notices box and the panel's markup, in the shadow root. */
  #buildShadow(panel) {
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    sheet ??= new CSSStyleSheet();
    if (sheet.cssRules.length === 0) sheet.replaceSync(`${WIDGET_CSS}\n${ELEMENT_CSS}`);
    shadow.adoptedStyleSheets = [sheet];
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
    shadow.replaceChildren(container);
    return { shadow, notices: createNotices(noticeBox) };
  }

  /** Which panel to show, and what is wrong with the element's own attributes. */
  #choosePanel() {
    const problems = [];
    const requested = this.getAttribute('panel') ?? 'binary';
    const panel = PANEL_IDS.includes(requested) ? requested : 'binary';
    if (panel !== requested) {
      problems.push(
        `There is no panel “${requested.slice(0, 24)}”; showing the binary playground.`,
      );
    }
    const theme = this.getAttribute('theme') ?? 'auto';
    if (!THEMES.includes(theme)) problems.push(`theme must be one of ${THEMES.join(', ')}.`);
    return { panel, problems };
  }

  async #render() {
    this.#dispose();
    const generation = this.#generation;
    const { panel, problems } = this.#choosePanel();
    const { shadow, notices } = this.#buildShadow(panel);
    problems.forEach((message) => notices.show(message));
    const options = splitEmbedOptions(this.#query());
    options.notices.forEach((message) => notices.show(message));
    // Site-only parts: the copy-link button and links to the site's other pages.
    applyHide(shadow, [...options.hide, 'copy', 'links']);
    const listeners = [];
    this.#cleanups.push(() => {
      for (const [list, type, handler] of listeners) list.removeEventListener(type, handler);
    });
    const host = widgetHost(this, options.panelQuery, listeners);
    corePromise ??= createLossCore();
    try {
      const [core, spec] = await Promise.all([corePromise, loadPanel(panel)]);
      if (generation !== this.#generation) return;
      const api = await mountPanel(spec, { core, root: shadow, host, notices });
      if (generation !== this.#generation) {
        api.dispose();
        return;
      }
      this.#cleanups.push(() => api.dispose());
      api.afterFirstFrame();
      addChartTables(shadow);
      this.lossplay = api;
      this.dataset.ready = 'true';
      this.dispatchEvent(new CustomEvent('lossplay-ready', { bubbles: true }));
    } catch (error) {
      notices.show(`This widget could not start: ${error.message}`);
    }
  }
}

if (!customElements.get('loss-playground')) {
  customElements.define('loss-playground', LossPlayground);
}
