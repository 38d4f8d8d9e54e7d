// The dark palette of styles.css, written once under @media (prefers-color-scheme: dark), made
// to follow a chosen scheme too: a root marked data-scheme="dark" takes it whatever the system
// says, one marked data-scheme="light" never takes it, and an unmarked root follows the system.
// The page (html, for theme= in an iframe's address) and the widget (:host, for the element's
// theme attribute) are marked by their scripts; the palette itself stays in one place.
import postcss from 'postcss';

/**
 * Rewrites a parsed stylesheet in place. `root` is the selector of the element that carries
 * data-scheme and the palette (":root" for a page, ":host" in a shadow root, where the
 * selectors read ":host([data-scheme='dark'])").
 * @param {import('postcss').Root} sheet
 * @param {(condition: string) => string} rootWith  the root selector with an attribute
 *   condition, e.g. (c) => `:root${c}` or (c) => `:host(${c})`
 */
export function followChosenScheme(sheet, rootWith) {
  let darkPalette = null;
  sheet.walkAtRules('media', (rule) => {
    if (rule.params !== '(prefers-color-scheme: dark)') return;
    rule.walkRules(':root', (palette) => {
      darkPalette = palette.clone({ selector: rootWith("[data-scheme='dark']") });
      palette.selector = rootWith(":not([data-scheme='light'])");
    });
  });
  if (!darkPalette) throw new Error('styles.css has no dark palette on :root');
  darkPalette.append({ prop: 'color-scheme', value: 'dark' });
  sheet.append(
    postcss.rule({
      selector: rootWith("[data-scheme='light']"),
      nodes: [postcss.decl({ prop: 'color-scheme', value: 'light' })],
    }),
    darkPalette,
  );
  return sheet;
}
