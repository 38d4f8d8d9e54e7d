// Options every panel understands besides its own state, whether it runs as a page, in an
// iframe (embed.html → page?embed=1) or as the <loss-playground> element:
//   embed=1                 hide the site's navigation and title, and report the height to
//                           the parent
//   hide=a,b                hide parts: header, explanations, extras (a lab's further tables,
//                           demos and settings), questions (predict, then check), play, copy,
//                           embed
//   theme=auto|light|dark   (element only) the palette; auto follows the reader's system
//   background=surface|transparent
//                           the widget's own surface, or none, so it blends with the host page
//                           (sets --lossplay-background, see the Embed section of styles.css)
//   panel=…                 (element and embed.html only) which panel to show
export const HIDE_KEYS = Object.freeze([
  'header',
  'explanations',
  'extras',
  'questions',
  'play',
  'copy',
  'embed',
]);
/** Parts no embedded view shows, whatever `hide` says: the site's title and navigation, and
 *  the Embed button. */
export const EMBED_CHROME = Object.freeze(['header', 'embed']);
export const THEMES = Object.freeze(['auto', 'light', 'dark']);
export const BACKGROUNDS = Object.freeze(['surface', 'transparent']);
const OWN_KEYS = new Set(['embed', 'hide', 'panel', 'theme', 'background']);
/** The element's attributes that are options, not panel state (loading: element only). */
export const OPTION_ATTRIBUTES = Object.freeze(['panel', 'theme', 'hide', 'background', 'loading']);
// Attributes HTML already gives every element a meaning: the race's `hidden` (hidden units)
// as an attribute would hide the widget itself.
export const GLOBAL_ATTRIBUTES = new Set(['hidden', 'inert', 'popover', 'tabindex', 'role', 'is']);

/** The element's attribute for a panel parameter: lower case (outlierPred → outlierpred), and
 *  `param-` before a name HTML already uses (hidden → param-hidden). */
export function stateAttribute(key) {
  const name = key.toLowerCase();
  return GLOBAL_ATTRIBUTES.has(name) ? `param-${name}` : name;
}

/** What is wrong with a link's `panel` values on the page of panel `ownPanel` (embed.html
 *  keeps them all when it opens that page): another panel, or one given more than once. */
function panelNotices(panels, ownPanel) {
  const notices = [];
  if (ownPanel === null) return notices; // a caller that only wants the view options
  if (panels.length > 0 && panels[0] !== ownPanel) {
    notices.push(`There is no panel “${panels[0].slice(0, 24)}”; showing this one instead.`);
  }
  if (panels.length > 1) {
    notices.push('The link sets panel more than once; the first value is used.');
  }
  return notices;
}

/**
 * Splits a query into the panel's own part and these options; unknown hide keys and
 * backgrounds, and a `panel` that is not `ownPanel` (the page's), are reported.
 * @returns {{panelQuery: string, embed: boolean, hide: string[], background: string,
 *   notices: string[]}}
 */
export function splitEmbedOptions(query, ownPanel = null) {
  const params = new URLSearchParams(query);
  const own = new URLSearchParams();
  const notices = [];
  for (const [key, value] of params) {
    if (!OWN_KEYS.has(key)) own.append(key, value);
  }
  const hide = [];
  for (const key of (params.get('hide') ?? '').split(',').filter(Boolean)) {
    if (HIDE_KEYS.includes(key)) hide.push(key);
    else notices.push(`Ignored “${key.slice(0, 24)}” in hide: use ${HIDE_KEYS.join(', ')}.`);
  }
  notices.push(...panelNotices(params.getAll('panel'), ownPanel));
  const requested = params.get('background') ?? 'surface';
  const background = BACKGROUNDS.includes(requested) ? requested : 'surface';
  if (background !== requested) {
    notices.push(`background must be one of ${BACKGROUNDS.join(', ')}.`);
  }
  const embed = params.get('embed') === '1';
  // In a frame the site's navigation, title and Embed button have no place.
  const chrome = embed ? EMBED_CHROME : [];
  return { panelQuery: `?${own}`, embed, hide: [...hide, ...chrome], background, notices };
}

/** Hides the marked parts of a page or widget (elements with data-hide="key"). */
export function applyHide(root, hide) {
  for (const key of hide) {
    for (const element of root.querySelectorAll(`[data-hide="${key}"]`)) element.hidden = true;
  }
}

/** Marks a page shown in a frame (embed=1) for the embedded view's styles: its layout, sized
 *  by the column rather than the window, and its background. */
export function markEmbeddedPage(rootElement, { background }) {
  rootElement.dataset.embedded = 'true';
  if (background === 'transparent') rootElement.dataset.background = 'transparent';
}
