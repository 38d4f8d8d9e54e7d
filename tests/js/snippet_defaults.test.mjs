// Every snippet an author copies — the example host pages, the embedding guide, the README,
// the host-site snippets, the notebook class — starts from what the Embed dialog proposes: the
// panel alone (DEFAULT_HIDDEN hidden). A snippet that hid only the explanations made each
// widget of a chapter about three times taller than the dialog's.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { DEFAULT_HIDDEN } from '../../web/site/embed_button.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const inFolder = (folder) =>
  readdirSync(path.join(root, folder)).map((name) => path.join(folder, name));
const FILES = [
  ...inFolder('web/examples').filter((file) => file.endsWith('.html')),
  'docs/embedding.md',
  'README.md',
  ...inFolder('tests/hosts/snippets'),
  'tests/hosts/reveal/deck.html',
  'tests/hosts/vitepress/element.md',
  'tests/hosts/vitepress/iframe.md',
];

/** Every place a file says which parts to hide, with what it hides (null: says nothing). */
function hideChoices(text) {
  const found = [];
  for (const [tag] of text.matchAll(/<loss-playground\b[^>]*>/g)) {
    found.push({ where: tag, hide: tag.match(/\shide="([^"]*)"/)?.[1] ?? null });
  }
  for (const [url] of text.matchAll(/embed\.html\?[^"'\s)]*/g)) {
    const query = url.replaceAll('&amp;', '&');
    found.push({ where: url, hide: query.match(/[?&]hide=([^&"']*)/)?.[1] ?? null });
  }
  for (const [json, hide] of text.matchAll(/"hide": "([^"]*)"/g)) found.push({ where: json, hide });
  for (const [trait, hide] of text.matchAll(/hide = traitlets\.Unicode\("([^"]*)"\)/g)) {
    found.push({ where: trait, hide });
  }
  return found;
}

test('every snippet hides at least what the Embed dialog hides by default', () => {
  let checked = 0;
  for (const file of FILES) {
    for (const { where, hide } of hideChoices(readFileSync(path.join(root, file), 'utf8'))) {
      // The element named in prose, or a placeholder ("embed.html?panel=…"), is no snippet.
      if (where === '<loss-playground>' || /…|\$\{/.test(where)) continue;
      const hidden = (hide ?? '').split(',');
      for (const part of DEFAULT_HIDDEN) {
        assert.ok(hidden.includes(part), `${file}: ${where} shows ${part}`);
      }
      checked += 1;
    }
  }
  assert.ok(checked >= 20, `found ${checked} snippets`);
});

test('the notebook class has a hide trait with the dialog’s default', () => {
  for (const file of ['README.md', 'docs/embedding.md', 'tests/hosts/snippets/jupyter_widget.py']) {
    const text = readFileSync(path.join(root, file), 'utf8');
    assert.match(
      text,
      new RegExp(`hide = traitlets\\.Unicode\\("${DEFAULT_HIDDEN.join(',')}"\\)`),
      file,
    );
  }
});
