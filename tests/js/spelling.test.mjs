// The built page's prose passes hunspell's US English dictionary (Debian's hunspell-en-us)
// plus the project's word list, tests/spelling/words.txt. So does docs/embedding.md, the
// embedding guide's source, read as the site renders it (scripts/markdown_page.mjs).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { renderMarkdown } from '../../scripts/markdown_page.mjs';
import { visibleProse } from '../spelling/extract_text.mjs';
import { PANELS } from '../../web/panels/registry.js';

const wordList = new URL('../spelling/words.txt', import.meta.url).pathname;

function misspelled(text) {
  // One word per line: hunspell reads long lines in fixed-size pieces and would otherwise
  // report the halves of a word that straddles two of them.
  const result = spawnSync('hunspell', ['-l', '-d', 'en_US', '-p', wordList], {
    input: text.split(/\s+/).join('\n'),
    encoding: 'utf8',
  });
  assert.equal(result.status, 0, `hunspell failed: ${result.stderr}`);
  return [...new Set(result.stdout.split('\n').filter(Boolean))];
}

test('the checker itself catches typos', () => {
  assert.deepEqual(misspelled('The sigmoid squashes teh logit.'), ['teh']);
});

// Every panel's page, and the embedding guide.
for (const page of [...PANELS.map((panel) => panel.page), 'embedding.html']) {
  test(`${page} has no misspelled words`, () => {
    const html = readFileSync(new URL(`../../dist/${page}`, import.meta.url), 'utf8');
    const prose = visibleProse(html);
    assert.ok(prose.length > 1000, 'the page has its prose');
    assert.deepEqual(misspelled(prose), []);
  });
}

test('docs/embedding.md, the embedding guide, has no misspelled words', () => {
  const markdown = readFileSync(new URL('../../docs/embedding.md', import.meta.url), 'utf8');
  const prose = visibleProse(renderMarkdown(markdown));
  assert.ok(prose.length > 1000, 'the guide has its prose');
  assert.deepEqual(misspelled(prose), []);
});
