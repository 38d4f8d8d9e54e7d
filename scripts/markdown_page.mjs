// Markdown to HTML for the docs the site also serves (docs/embedding.md becomes
// dist/embedding.html): GitHub-flavoured tables, and an id on every heading spelled as GitHub
// spells it, so that an anchor into a section works on both. The text is our own, so raw HTML
// in it (comments such as a generated table's place) passes through; code is always escaped.
import { Marked } from 'marked';

const ENTITIES = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/**
 * GitHub's anchor for a heading's text: lower case, every character that is not a letter, a
 * digit, a space, `-` or `_` dropped, spaces to hyphens ("The `hide` option" → "the-hide-option").
 */
export function slugOf(text) {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M} _-]/gu, '')
    .replace(/ /g, '-');
}

/** The heading renderer: a repeated slug gets -1, -2, … as on GitHub. */
function headingWithId(seen) {
  return function heading({ tokens, depth }) {
    const html = this.parser.parseInline(tokens);
    const plain = this.parser
      .parseInline(tokens, this.parser.textRenderer)
      .replace(/&(amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity]);
    const slug = slugOf(plain);
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    const id = count === 0 ? slug : `${slug}-${count}`;
    return `<h${depth} id="${id}">${html}</h${depth}>\n`;
  };
}

/** The HTML of a Markdown text (a fragment: no <html>, <head> or <body>). */
export function renderMarkdown(text) {
  const marked = new Marked({
    gfm: true,
    async: false,
    renderer: { heading: headingWithId(new Map()) },
  });
  return marked.parse(text);
}
