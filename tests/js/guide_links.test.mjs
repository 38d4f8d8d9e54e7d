// The embedding guide is published on the site (docs/embedding.md becomes dist/embedding.html),
// where an author cannot open the repository: so it names no README and no path of the
// repository's sources, and every relative link in it, as written and as built, leads to a
// file that is in dist/ after the build. Its snippet markers (HTML comments, not shown) and
// its code blocks may name the files they are copied from.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { renderMarkdown } from '../../scripts/markdown_page.mjs';

const root = new URL('../../', import.meta.url);
const guide = readFileSync(new URL('docs/embedding.md', root), 'utf8');
const built = readFileSync(new URL('dist/embedding.html', root), 'utf8');

// Folders of the repository that are not on the site (dist/ is the site itself).
const SOURCE_FOLDERS = ['docs', 'tests', 'web', 'scripts', 'cpp', 'cmake', 'bench', 'build'];

/** The guide's HTML as the site renders it, without its code and comments: what it says. */
function proseHtml(html) {
  return html
    .replace(/<!--[^]*?-->/g, ' ')
    .replace(/<pre[^>]*>[^]*?<\/pre>/g, ' ')
    .replace(/<code>([^<]*)<\/code>/g, '$1');
}

/** Every href and src of an HTML text that points into the site itself (not a scheme, not an
 *  anchor on the same page), without its query and fragment. */
function relativeTargets(html) {
  return [...html.matchAll(/\b(?:href|src)="([^"]+)"/g)]
    .map((found) => found[1])
    .filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith('#'))
    .map((target) => target.replace(/[?#].*$/, ''));
}

test('the checks catch a README, a source path and a link to a file that is not built', () => {
  const html = renderMarkdown(
    'See the README and `tests/hosts/`, or [the labs](labs.html).\n\n<!-- snippet: tests/x -->\n',
  );
  const prose = proseHtml(html);
  assert.match(prose, /readme/i);
  assert.match(prose, /\btests\//);
  assert.doesNotMatch(prose, /snippet/);
  assert.deepEqual(relativeTargets(html), ['labs.html']);
  assert.equal(existsSync(new URL('dist/labs.html', root)), false);
});

test('the guide mentions no README', () => {
  assert.doesNotMatch(proseHtml(renderMarkdown(guide)), /readme/i);
  assert.doesNotMatch(proseHtml(built), /readme/i);
});

test('the guide names no folder of the repository that the site does not have', () => {
  const prose = proseHtml(renderMarkdown(guide));
  for (const folder of SOURCE_FOLDERS) {
    const named = prose.match(new RegExp(String.raw`(?<![\w/.-])${folder}/[\w./-]*`));
    assert.equal(named, null, `the guide names ${named?.[0]}, which is not on the site`);
  }
});

test('every relative link of the guide leads to a file in dist/', () => {
  const written = relativeTargets(renderMarkdown(guide));
  assert.ok(written.length > 0, 'the guide links to pages of the site');
  for (const target of new Set([...written, ...relativeTargets(built)])) {
    const file = new URL(`dist/${decodeURI(target)}`, root);
    assert.ok(existsSync(file), `${target} is linked from the guide but not in dist/`);
  }
});
