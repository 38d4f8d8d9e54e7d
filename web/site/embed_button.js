// The "Embed" button and its dialog: the author picks a panel, the parts to show, whether the
// lab tells its story, the theme, the background and the starting state; both snippets (the
// <loss-playground> element and an iframe) and a live preview follow every change. By default a
// snippet is the panel alone.
import { PANELS, panelById } from '../panels/registry.js';
import { DEFAULT_THEME, EMBED_CHROME, HIDE_KEYS, stateAttribute } from '../shared/view_options.js';
import { createPreview } from './embed_preview.js';

/** Where the snippets point when the page was not served over http(s) (opened from disk). */
export const PLACEHOLDER_BASE = 'https://YOUR-SITE/lossplay/';
/** What each part an author may hide is called in the dialog. */
const PART_LABELS = {
  explanations: 'Explanations',
  extras: 'Further tables, demos and settings',
  questions: 'Questions (predict, then check)',
  play: 'Play button',
  copy: 'Copy-link button (iframe)',
};
/** The parts an author chooses (the others are never part of an embed), shown or hidden. */
export const PART_KEYS = HIDE_KEYS.filter((key) => !EMBED_CHROME.includes(key));
/** What a fresh dialog proposes: the panel alone. */
export const DEFAULT_HIDDEN = Object.freeze(['explanations', 'extras', 'questions']);
/** The iframe's height for a story: it scrolls inside its frame, which the resizer leaves alone
 *  (the page reports no height in story mode), so the frame keeps the height it is given. */
export const STORY_FRAME_HEIGHT = 720;
/** The iframe's first height, until the resizer sets it to the content's. */
const FRAME_HEIGHT = 900;

function attributeQuote(text) {
  return String(text).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** An attribute as the element snippet writes it: ` name="value"`, or the flag ` story`. */
const spellAttribute = ([name, value]) =>
  name === 'story' ? ` ${name}` : ` ${name}="${attributeQuote(value)}"`;

/** The address snippets are built on: this page's folder, or the placeholder from disk. */
export function embedBase(location) {
  return /^https?:$/.test(location.protocol) ? new URL('.', location.href).href : PLACEHOLDER_BASE;
}

/** A file of dist/ at the base, spelled as given (URL() would lower-case the placeholder). */
const at = (base, file) => `${base}${file}`;

/** The panel's own parameters in a query, in the panel's order. */
export function panelState(panel, query) {
  const params = new URLSearchParams(query);
  const keys = panelById(panel)?.table.parameters.map((p) => p.key) ?? [];
  return keys.filter((key) => params.has(key)).map((key) => [key, params.get(key)]);
}

/**
 * Both snippets, and the element's attributes, for a choice:
 * {panel, state: [key, value][], hide: string[], theme, background, story}.
 * `story` is a flag on the element (written bare, set as "" on the preview) and story=1 in the
 * frame's address.
 */
export function embedSnippets(choice, base) {
  const options = [];
  if (choice.hide.length) options.push(['hide', choice.hide.join(',')]);
  if (choice.background && choice.background !== 'surface') {
    options.push(['background', choice.background]);
  }
  const theme = choice.theme && choice.theme !== DEFAULT_THEME ? [['theme', choice.theme]] : [];
  const attributes = [
    ['panel', choice.panel],
    ...(choice.story ? [['story', '']] : []),
    ...choice.state.map(([key, value]) => [stateAttribute(key), value]),
    ...options,
    ...theme,
  ];
  const script = at(base, 'lossplay-embed.js');
  const element =
    `<script src="${attributeQuote(script)}"></script>\n` +
    `<loss-playground${attributes.map(spellAttribute).join('')}></loss-playground>`;
  const iframeQuery = new URLSearchParams([
    ['panel', choice.panel],
    ...choice.state,
    ...options,
    ...theme,
    ...(choice.story ? [['story', '1']] : []),
  ]);
  // Commas need no escaping in a query; an author reads hide=explanations,extras more easily.
  const frameSource = at(base, `embed.html?${String(iframeQuery).replaceAll('%2C', ',')}`);
  const resizer = at(base, 'lossplay-iframe-resizer.js');
  const title = `lossplay: ${panelById(choice.panel)?.title ?? choice.panel}`;
  const height = choice.story ? STORY_FRAME_HEIGHT : FRAME_HEIGHT;
  const iframe =
    `<iframe data-lossplay src="${attributeQuote(frameSource)}" title="${attributeQuote(title)}" width="100%" height="${height}" frameborder="0"></iframe>\n` +
    `<script src="${attributeQuote(resizer)}"></script>`;
  return { element, iframe, attributes };
}

/** Fills the dialog's panel list from the registry. */
function buildPanelList(doc, current) {
  doc
    .getElementById('embed-panel')
    .replaceChildren(
      ...PANELS.map((panel) => new Option(panel.title, panel.id, false, panel.id === current)),
    );
}

/**
 * The part checkboxes of `panel`: only the parts it has (partsOf, from its page's markup), each
 * ticked as before when the author switches panels, else as a fresh dialog proposes.
 */
function buildPartChoices(doc, partsOf, panel) {
  const box = doc.getElementById('embed-parts');
  const was = new Map(
    [...box.querySelectorAll('input')].map((input) => [input.value, input.checked]),
  );
  const offered = PART_KEYS.filter((key) => partsOf(panel).includes(key));
  box.replaceChildren(
    ...offered.map((key) => {
      const label = doc.createElement('label');
      const input = doc.createElement('input');
      input.type = 'checkbox';
      input.name = 'embed-show';
      input.value = key;
      input.checked = was.get(key) ?? !DEFAULT_HIDDEN.includes(key);
      label.append(input, ` ${PART_LABELS[key] ?? key}`);
      return label;
    }),
  );
}

/** The dialog's current choice. */
function readChoice(form, currentPanel, currentQuery) {
  const data = new FormData(form);
  const panel = data.get('panel');
  const stateChoice = form.querySelector('input[name="embed-state"][value="current"]');
  // Another panel than this page's has no current view to start from.
  stateChoice.disabled = panel !== currentPanel;
  const fromView = panel === currentPanel && data.get('embed-state') === 'current';
  const shown = new Set(data.getAll('embed-show'));
  return {
    panel,
    state: fromView ? panelState(panel, currentQuery()) : [],
    hide: [...form.querySelectorAll('input[name="embed-show"]')]
      .map((input) => input.value)
      .filter((key) => !shown.has(key)),
    theme: data.get('embed-theme'),
    background: data.get('embed-background'),
    story: data.get('embed-story') === '1',
  };
}

function wireCopyButtons(dialog) {
  for (const copy of dialog.querySelectorAll('[data-copy]')) {
    const status = copy.parentElement.querySelector('.embed-copy-status');
    copy.addEventListener('click', async () => {
      const field = dialog.querySelector(`#${copy.dataset.copy}`);
      field.select();
      try {
        await window.navigator.clipboard.writeText(field.value);
        status.textContent = 'Copied.';
      } catch {
        status.textContent = 'Selected: press Ctrl+C (⌘C) to copy.';
      }
    });
  }
}

/** @param {() => string} currentQuery  the page's panel state as a query, read when the
 *  dialog opens (the URL itself follows input only once it pauses) */
export function wireEmbedButton(doc, currentQuery) {
  const button = doc.getElementById('embed-button');
  const dialog = doc.getElementById('embed-dialog');
  if (!button || !dialog) return;
  const current = doc.body.dataset.panel;
  if (!panelById(current)) return;
  const form = doc.getElementById('embed-options');
  const parts = JSON.parse(dialog.dataset.parts ?? '{}');
  const partsOf = (panel) => parts[panel] ?? PART_KEYS;
  buildPanelList(doc, current);
  buildPartChoices(doc, partsOf, current);
  const base = embedBase(window.location);
  doc.getElementById('embed-placeholder-note').hidden = base !== PLACEHOLDER_BASE;
  const preview = createPreview(
    doc.getElementById('embed-preview'),
    doc.getElementById('embed-preview-height'),
  );
  const update = () => {
    const choice = readChoice(form, current, currentQuery);
    const snippets = embedSnippets(choice, base);
    doc.getElementById('embed-element').value = snippets.element;
    doc.getElementById('embed-iframe').value = snippets.iframe;
    // The frame's hint: sized to its content, or (a story) scrolling at a fixed height.
    doc.getElementById('embed-iframe-hint').hidden = choice.story;
    doc.getElementById('embed-iframe-story-hint').hidden = !choice.story;
    for (const status of dialog.querySelectorAll('.embed-copy-status')) status.textContent = '';
    if (dialog.open) preview.show(snippets.attributes);
  };
  form.addEventListener('change', (event) => {
    if (event.target.id === 'embed-panel') buildPartChoices(doc, partsOf, event.target.value);
    update();
  });
  form.addEventListener('submit', (event) => event.preventDefault());
  button.addEventListener('click', () => {
    dialog.showModal();
    update();
  });
  wireCopyButtons(dialog);
  doc.getElementById('embed-close').addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => button.focus());
}
