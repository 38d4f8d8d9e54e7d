// Build-time page rendering: includes fragments (`<!-- include NAME -->`) and typesets every
// `<tex>…</tex>` (inline) and `<tex display>…</tex>` (display) with Temml into MathML, so the
// page ships no math library and shows its formulas before any script runs.
//
// Temml writes a few inline `style` attributes; a strict Content-Security-Policy
// (style-src 'self') forbids those, so each distinct style becomes a class in math.css.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import temml from 'temml';

// `<!-- include NAME -->`, or `<!-- include NAME page=KEY -->` to mark the link with
// data-page="KEY" as the current page (aria-current) in an included navigation.
const INCLUDE = /<!--\s*include\s+([\w.-]+)(?:\s+page=([\w-]+))?\s*-->/g;
// <tex>, <tex display>, and optionally label="…": an accessible name for the formula, for
// places such as table headers where a name is required and MathML alone does not give one.
const TEX = /<tex(\s+display)?(?:\s+label="([^"]*)")?\s*>([\s\S]*?)<\/tex\s*>/g;
const STYLE_ATTRIBUTE = /\sstyle="([^"]*)"/g;

/** A short, stable name for a style, so every page derives the same class for it. */
function hash(text) {
  let h = 0x811c9dc5; // FNV-1a, 32 bit
  for (let i = 0; i < text.length; i += 1) {
    h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  }
  return h.toString(36);
}

function decodeEntities(text) {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/**
 * @param {string} file  the page template
 * @param {{folders?: string[], fragments?: Record<string, string>}} [sources]  where included
 *   fragments are looked up after the page's own folder, and fragments made by the build
 * @returns {{html: string, css: string, formulas: number}}
 */
export function renderPage(file, { folders = [], fragments = {} } = {}) {
  const directories = [path.dirname(file), ...folders];
  const read = (name) => {
    if (Object.hasOwn(fragments, name)) return fragments[name];
    const found = directories.map((d) => path.join(d, name)).find((p) => existsSync(p));
    if (!found) throw new Error(`${file}: cannot find the included ${name}`);
    return readFileSync(found, 'utf8');
  };
  const withIncludes = readFileSync(file, 'utf8').replace(INCLUDE, (_match, name, page) => {
    const fragment = read(name).trim();
    return page
      ? fragment.replace(`data-page="${page}"`, `data-page="${page}" aria-current="page"`)
      : fragment;
  });
  let formulas = 0;
  const typeset = withIncludes.replace(TEX, (_match, display, label, tex) => {
    formulas += 1;
    // throwOnError: a typo in a formula fails the build instead of shipping raw TeX.
    const math = temml.renderToString(decodeEntities(tex.replace(/\s+/g, ' ').trim()), {
      displayMode: Boolean(display),
      throwOnError: true,
    });
    const named = label ? math.replace('<math', `<math aria-label="${label}"`) : math;
    // A display formula may scroll sideways on a phone: keyboard users must reach it too.
    return display ? named.replace('<math', '<math tabindex="0"') : named;
  });
  const classes = new Map();
  const html = typeset.replace(STYLE_ATTRIBUTE, (_match, style) => {
    if (!classes.has(style)) classes.set(style, `tml-s-${hash(style)}`);
    return ` data-tml-style="${classes.get(style)}"`;
  });
  // Attach the generated class to each element that had a style attribute.
  const classed = html.replace(
    /<(\w+)([^>]*?)\sdata-tml-style="([\w-]+)"([^>]*)>/g,
    (_match, tag, before, name, after) => {
      const attributes = `${before}${after}`;
      return /\sclass="/.test(attributes)
        ? `<${tag}${attributes.replace(/\sclass="([^"]*)"/, ` class="$1 ${name}"`)}>`
        : `<${tag}${attributes} class="${name}">`;
    },
  );
  const css = [...classes].map(([style, name]) => `.${name} { ${style} }`).join('\n');
  return { html: classed, css, formulas };
}
