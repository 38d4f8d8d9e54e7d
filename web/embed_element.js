// lossplay-embed.js: the <loss-playground> custom element. One script with the wasm core and
// Chart.js inside; every panel of the site can be embedded, each widget in its own shadow DOM
// so neither the host page's styles nor the widget's leak across:
//
//   <script src="lossplay-embed.js"></script>
//   <loss-playground panel="binary" z="-2" y="1" hide="explanations,play"></loss-playground>
//
// Attributes: panel (binary, soft-targets, multiclass, regression, race), theme (light, dark,
// auto), hide (header, explanations, play, copy, embed), and the panel's own state under the
// same names as its URL parameters. Changing an attribute rebuilds the widget from them.
// Every value is read as data; a bad one becomes a notice inside the widget.
import createLossCore from 'lossplay-core';
import { PANEL_TEMPLATES, WIDGET_CSS } from 'lossplay-panel-templates';
import { Chart } from './chart_setup.js';
import { addChartTables } from './chart_tables.js';
import { applyHide, PANELS, splitEmbedOptions } from './embed_options.js';
import { fillLiveNumbers } from './live_numbers.js';
import { startMulticlassLab } from './multiclass_lab.js';
import { createNotices } from './notices.js';
import { startPlayground } from './playground.js';
import { startRaceLab } from './race_lab.js';
import { startRegressionLab } from './regression_lab.js';
import { wireShowMeButtons } from './show_me.js';
import { startSoftTargetsLab } from './soft_targets_lab.js';

const RESERVED = new Set([
  'panel',
  'theme',
  'hide',
  'class',
  'style',
  'id',
  'title',
  'lang',
  'dir',
  'slot',
]);
// Attribute names are lower-case; these URL parameters are not.
const PARAMETER_NAMES = { outlierpred: 'outlierPred' };
const THEMES = ['auto', 'light', 'dark'];

let corePromise = null;
let sheet = null;

const STARTERS = {
  binary: async (core, notices, doc, host, root) => {
    const playground = await startPlayground(core, doc, host);
    const explanations = root.querySelector('.explanations');
    if (explanations && !explanations.hidden) {
      for (const problem of fillLiveNumbers(explanations, await core)) notices.show(problem);
      wireShowMeButtons(explanations, playground, host);
    }
    return playground;
  },
  'soft-targets': (core, notices, doc, host) => startSoftTargetsLab(core, notices, doc, host),
  multiclass: (core, notices, doc, host) => startMulticlassLab(core, notices, doc, host),
  regression: (core, notices, doc, host) => startRegressionLab(core, notices, doc, host),
  race: (core, notices, doc, host) => startRaceLab(core, notices, doc, host),
};

/** What the panel code uses of `document`, answered by the widget's shadow root. */
function shadowDocument(shadow) {
  return {
    getElementById: (id) => shadow.getElementById(id),
    querySelector: (selector) => shadow.querySelector(selector),
    querySelectorAll: (selector) => shadow.querySelectorAll(selector),
    createElement: (tag) => document.createElement(tag),
    get activeElement() {
      return shadow.activeElement;
    },
  };
}

class LossPlayground extends HTMLElement {
  #generation = 0;
  #cleanups = [];

  static get observedAttributes() {
    return [
      'panel',
      'theme',
      'hide',
      'z',
      'y',
      'labels',
      'axis',
      'gradient',
      't',
      'p',
      'rows',
      'logits',
      'names',
      'target',
      'mistake',
      'demo',
      'targets',
      'preds',
      'delta',
      'outlier',
      'outlierpred',
      'data',
      'size',
      'noise',
      'hidden',
      'activation',
      'lr',
      'batch',
      'epochs',
      'seed',
      'init',
      'speed',
    ];
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
    const hide = this.getAttribute('hide');
    if (hide !== null) params.set('hide', hide);
    return `?${params}`;
  }

  #dispose() {
    this.#generation += 1;
    for (const cleanup of this.#cleanups.splice(0)) cleanup();
    for (const canvas of this.shadowRoot?.querySelectorAll('canvas') ?? []) {
      Chart.getChart(canvas)?.destroy();
    }
  }

  async #render() {
    this.#dispose();
    const generation = this.#generation;
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    sheet ??= new CSSStyleSheet();
    if (sheet.cssRules.length === 0) sheet.replaceSync(WIDGET_CSS);
    shadow.adoptedStyleSheets = [sheet];

    const problems = [];
    const requested = this.getAttribute('panel') ?? 'binary';
    const panel = Object.hasOwn(PANELS, requested) ? requested : 'binary';
    if (panel !== requested)
      problems.push(
        `There is no panel “${requested.slice(0, 24)}”; showing the binary playground.`,
      );
    const theme = this.getAttribute('theme') ?? 'auto';
    if (!THEMES.includes(theme)) problems.push(`theme must be one of ${THEMES.join(', ')}.`);

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

    const notices = createNotices(noticeBox);
    problems.forEach((message) => notices.show(message));
    const options = splitEmbedOptions(this.#query());
    options.notices.forEach((message) => notices.show(message));
    // Site-only parts: the copy-link button and links to the site's other pages.
    applyHide(shadow, [...options.hide, 'copy', 'links']);

    const listeners = [];
    this.#cleanups.push(() => {
      for (const [list, handler] of listeners) list.removeEventListener('change', handler);
    });
    const host = {
      location: {
        search: options.panelQuery,
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
            listeners.push([list, handler]);
          },
        };
      },
      navigator: window.navigator,
      themeElement: this,
    };
    corePromise ??= createLossCore();
    try {
      const api = await STARTERS[panel](corePromise, notices, shadowDocument(shadow), host, shadow);
      if (generation !== this.#generation) {
        api?.dispose?.();
        return;
      }
      this.#cleanups.push(() => api?.dispose?.());
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
