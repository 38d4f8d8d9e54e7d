// The view options: what every panel understands besides its own state, whether it runs as a
// page, in an iframe (embed.html → page?embed=1) or as the <loss-playground> element. Both
// hosts (web/site and web/embed) read them here; the panel itself never sees them.
//   embed=1                 hide the site's navigation and title, and report the height to
//                           the parent
//   hide=a,b                hide parts: header, explanations, extras (a lab's further tables,
//                           demos and settings), questions (predict, then check), play, copy,
//                           embed
//   theme=inherit|auto|light|dark
//                           the palette: inherit (the default) takes the host page's light or
//                           dark look, auto the reader's system setting; in an iframe's
//                           address, inherit needs lossplay-iframe-resizer.js on the host page
//                           (else the frame follows the system)
//   background=surface|transparent
//                           the widget's own surface, or none, so it blends with the host page
//                           (sets --lossplay-background, see the Embed section of styles.css)
//   panel=…                 (element and embed.html only) which panel to show
//   present=1               (page only) present mode: one panel fills the screen
//   story=1                 the lab's story: its explanation in steps beside the pinned
//                           figure (web/shared/story.js); the element's `story` attribute
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
export const THEMES = Object.freeze(['inherit', 'auto', 'light', 'dark']);
export const DEFAULT_THEME = 'inherit';
export const BACKGROUNDS = Object.freeze(['surface', 'transparent']);
const OWN_KEYS = new Set(['embed', 'hide', 'panel', 'theme', 'background', 'present', 'story']);
/** The element's attributes that are options, not panel state (loading: element only). */
export const OPTION_ATTRIBUTES = Object.freeze(['panel', 'theme', 'hide', 'background', 'loading']);
/** The element's own attributes, neither a link's options nor panel state: `story` (a flag,
 *  present or absent like HTML's boolean attributes) and `scene` (an id of its scenes.js). */
export const ELEMENT_ATTRIBUTES = Object.freeze(['story', 'scene']);
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
 * @param {string} query
 * @param {string|null} [ownPanel]
 * @returns {ViewOptions}
 */
export function splitViewOptions(query, ownPanel = null) {
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
  const theme = params.get('theme') ?? DEFAULT_THEME;
  if (!THEMES.includes(theme)) notices.push(`theme must be one of ${THEMES.join(', ')}.`);
  const embed = params.get('embed') === '1';
  // In a frame the site's navigation, title and Embed button have no place.
  const chrome = embed ? EMBED_CHROME : [];
  const present = params.get('present') === '1';
  return {
    panelQuery: `?${own}`,
    embed,
    present,
    story: params.get('story') === '1',
    hide: [...hide, ...chrome],
    background,
    theme: THEMES.includes(theme) ? theme : DEFAULT_THEME,
    notices,
  };
}

/**
 * @typedef {object} ViewOptions
 * @property {string} panelQuery  the panel's own part of the query, e.g. "?z=-2"
 * @property {boolean} embed  shown in a frame
 * @property {boolean} present  present mode
 * @property {boolean} story  the lab's story beside its figure
 * @property {string[]} hide  the parts hidden (an embedded view adds EMBED_CHROME)
 * @property {string} background  one of BACKGROUNDS
 * @property {string} theme  one of THEMES
 * @property {string[]} notices  what is wrong with the options
 */

/** The view options as a query, without the leading "?" ("" for none), so that a written URL
 *  keeps them and a reload shows the same view. */
export function writeViewQuery({ embed, hide, background, theme, present, story }) {
  const query = new URLSearchParams();
  if (embed) query.set('embed', '1');
  // An embedded view hides its chrome by itself: only what the author chose is written.
  const chosen = hide.filter((key) => !embed || !EMBED_CHROME.includes(key));
  if (chosen.length) query.set('hide', chosen.join(','));
  if (background && background !== 'surface') query.set('background', background);
  if (theme && theme !== DEFAULT_THEME) query.set('theme', theme);
  if (present) query.set('present', '1');
  if (story) query.set('story', '1');
  return query.toString().replaceAll('%2C', ',');
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
