// Options every panel understands besides its own state, whether it runs as a page, in an
// iframe (embed.html → page?embed=1) or as the <loss-playground> element:
//   embed=1        hide the site's navigation and title, and report the height to the parent
//   hide=a,b       hide parts: header, explanations, play, copy, embed
//   panel=…        (element and embed.html only) which panel to show
export const HIDE_KEYS = Object.freeze(['header', 'explanations', 'play', 'copy', 'embed']);
const OWN_KEYS = new Set(['embed', 'hide', 'panel', 'theme']);

/**
 * Splits a query into the panel's own part and these options; unknown hide keys are reported.
 * @returns {{panelQuery: string, embed: boolean, hide: string[], notices: string[]}}
 */
export function splitEmbedOptions(query) {
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
  const panel = params.get('panel');
  if (panel !== null) {
    notices.push(`There is no panel “${panel.slice(0, 24)}”; showing this one instead.`);
  }
  const embed = params.get('embed') === '1';
  // In a frame the site's navigation, title and Embed button have no place.
  const chrome = embed ? ['header', 'embed'] : [];
  return { panelQuery: `?${own}`, embed, hide: [...hide, ...chrome], notices };
}

/** Hides the marked parts of a page or widget (elements with data-hide="key"). */
export function applyHide(root, hide) {
  for (const key of hide) {
    for (const element of root.querySelectorAll(`[data-hide="${key}"]`)) element.hidden = true;
  }
}
