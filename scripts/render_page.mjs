// Build-time page rendering, in two steps:
//   1. Templates (Eta): a page is a template with parameterised partials and loops. A lab's page
//      is web/site/page.eta — the layout and <head>, filled from its registry row — around the
//      lab's own web/panels/<id>/lede.eta and page.eta; shared pieces (the number field, the
//      navigation, the questions) are partials under web/site/partials/.
//   2. DOM transforms on the parsed page (linkedom): every <tex>…</tex> (inline) and
//      <tex display>…</tex> (display) is typeset with Temml into MathML, so the page ships no
//      math library and shows its formulas before any script runs. Temml writes a few inline
//      `style` attributes, which a strict Content-Security-Policy (style-src 'self') forbids:
//      each distinct style becomes a class in math.css.
import { Eta } from 'eta';
import { parseHTML } from 'linkedom';
import temml from 'temml';

/** A short, stable name for a style, so every page derives the same class for it. */
function hash(text) {
  let h = 0x811c9dc5; // FNV-1a, 32 bit
  for (let i = 0; i < text.length; i += 1) {
    h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/** The template engine over `views` (web/): names such as '/site/page' or '/panels/x/page'.
 *  An included partial sees its includer's data under its own (Eta merges them): a partial
 *  gets every parameter it reads from its include, null where it has none. */
export function createTemplates(views) {
  // autoEscape: a value written with <%= %> is text; <%~ %> is for markup we made ourselves.
  const eta = new Eta({ views, autoEscape: true, cache: true });
  return { render: (name, data) => eta.render(name, data) };
}

/** A <tex> element's formula as MathML markup. */
function typeset(tex) {
  // throwOnError: a typo in a formula fails the build instead of shipping raw TeX.
  return temml.renderToString(tex.textContent.replace(/\s+/g, ' ').trim(), {
    displayMode: tex.hasAttribute('display'),
    throwOnError: true,
  });
}

/**
 * Typesets a page's formulas and moves Temml's inline styles into classes.
 * @param {string} html  a whole page, or a fragment
 * @returns {{html: string, css: string, formulas: number}}
 */
export function typesetPage(html) {
  const { document } = parseHTML(html);
  const texs = [...document.querySelectorAll('tex')];
  for (const tex of texs) {
    const holder = document.createElement('template');
    holder.innerHTML = typeset(tex);
    const math = holder.content.firstElementChild;
    // label="…": an accessible name where one is required (a table header) and MathML alone
    // does not give one.
    const label = tex.getAttribute('label');
    if (label) math.setAttribute('aria-label', label);
    // A display formula may scroll sideways on a phone: keyboard users must reach it too.
    if (tex.hasAttribute('display')) math.setAttribute('tabindex', '0');
    tex.replaceWith(math);
  }
  // A code block may scroll sideways too (the embedding guide's snippets).
  for (const pre of document.querySelectorAll('pre:not([tabindex])')) {
    pre.setAttribute('tabindex', '0');
  }
  const classes = new Map();
  for (const styled of document.querySelectorAll('math [style], math[style]')) {
    const style = styled.getAttribute('style');
    if (!classes.has(style)) classes.set(style, `tml-s-${hash(style)}`);
    styled.classList.add(classes.get(style));
    styled.removeAttribute('style');
  }
  const css = [...classes].map(([style, name]) => `.${name} { ${style} }`).join('\n');
  return { html: document.toString(), css, formulas: texs.length };
}
