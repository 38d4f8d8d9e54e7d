// scripts/markdown_page.mjs renders the docs the site serves (docs/embedding.md). The expected
// anchors are GitHub's, as its renderer spells them for the same headings, so that a link into
// a section works on GitHub and on the site alike.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderMarkdown, slugOf } from '../../scripts/markdown_page.mjs';

test("headings get GitHub's ids, repeats numbered", () => {
  const html = renderMarkdown('# The `hide` option & more\n\n## Options\n\n## Options\n');
  assert.match(html, /<h1 id="the-hide-option--more">The <code>hide<\/code> option &amp; more/);
  assert.match(html, /<h2 id="options">Options<\/h2>/);
  assert.match(html, /<h2 id="options-1">Options<\/h2>/);
  assert.equal(slugOf('Docusaurus (MDX)'), 'docusaurus-mdx');
  assert.equal(slugOf('Jupyter, JupyterLab, Colab, marimo'), 'jupyter-jupyterlab-colab-marimo');
});

test('tables are GitHub-flavoured, code is escaped, comments pass through', () => {
  const html = renderMarkdown(
    '| a | b |\n| --- | --- |\n| `x` | 1 |\n\n```html\n<script>alert(1)</script>\n```\n\n<!-- panels table -->\n',
  );
  assert.match(html, /<table>[^]*<th>a<\/th>[^]*<td><code>x<\/code><\/td>/);
  assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.ok(!html.includes('<script>'));
  assert.ok(html.includes('<!-- panels table -->'));
});
