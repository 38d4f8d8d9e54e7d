// The docs' code for other hosts (notebooks, MyST, Docusaurus, Quarto, VitePress, reveal.js) is
// copied from files that are kept and tested in the repository. Each such block, in README.md or
// docs/*.md, follows a line `<!-- snippet: PATH -->` (and the empty line Prettier puts after it)
// and must equal that file's `#region readme` … `#endregion readme` lines (the markers in any
// comment syntax, themselves left out) or, without them, the whole file (trailing newlines
// trimmed).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { DOC_FILES, readDoc, root } from './doc_files.mjs';

const SNIPPET_FOLDER = 'tests/hosts/snippets';

const MARKER = /^<!-- snippet: (\S+) -->$/;
const OPENING_FENCE = /^(`{3,}|~{3,})[^`]*$/;

/** A region marker line: `// #region readme`, `# #region readme`, `<!-- #region readme -->`,
 *  `{/* #region readme *\/}` or a bare `#region readme`. */
const regionMarker = (word) =>
  new RegExp(String.raw`^\s*(?:(?://|#|<!--|\{?/\*)\s*)?#${word} readme\s*(?:-->|\*/\}?)?\s*$`);
const REGION_START = regionMarker('region');
const REGION_END = regionMarker('endregion');

/** Every snippet marker of a Markdown text, with the fenced block that follows it (null when
 *  none does) and the line number of the marker. */
function markedBlocks(markdown) {
  const lines = markdown.split('\n');
  const blocks = [];
  lines.forEach((line, index) => {
    const marker = line.match(MARKER);
    if (!marker) return;
    const block = { path: marker[1], line: index + 1, content: null };
    // Prettier separates the comment from the fence with an empty line.
    let start = index + 1;
    while (lines[start] === '') start += 1;
    const opening = lines[start]?.match(OPENING_FENCE);
    if (opening) {
      const closing = new RegExp(`^${opening[1][0]}{${opening[1].length},}\\s*$`);
      const end = lines.findIndex((text, i) => i > start && closing.test(text));
      if (end !== -1) block.content = lines.slice(start + 1, end).join('\n');
    }
    blocks.push(block);
  });
  return blocks;
}

/** Lines without the indentation they all share (a region inside a config object). */
function dedent(lines) {
  const indents = lines.filter((line) => line.trim()).map((line) => line.match(/^ */)[0].length);
  const common = Math.min(...indents, Infinity);
  return lines.map((line) => line.slice(Number.isFinite(common) ? common : 0));
}

/** The part of a snippet file the docs show: its readme region (dedented), else all of it. */
function shownPart(text, path) {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const start = lines.findIndex((line) => REGION_START.test(line));
  if (start === -1) return { shown: lines.join('\n').replace(/\n+$/, ''), region: false };
  const end = lines.findIndex((line, i) => i > start && REGION_END.test(line));
  assert.notEqual(end, -1, `${path} has a #region readme line but no #endregion readme after it`);
  const region = dedent(lines.slice(start + 1, end)).join('\n');
  return { shown: region.replace(/^\n+|\n+$/g, ''), region: true };
}

/** Where two texts first differ, line by line, for the failure message. */
function firstDifference(inReadme, inFile) {
  const a = inReadme.split('\n');
  const b = inFile.split('\n');
  const found = a.findIndex((line, k) => line !== b[k]);
  const k = found === -1 ? a.length : found;
  return (
    `first difference at line ${k + 1} of the block: the doc has ` +
    `${JSON.stringify(a[k] ?? '(end of block)')}, the file ${JSON.stringify(b[k] ?? '(end of file)')}`
  );
}

test('region markers are found in each comment syntax', () => {
  for (const line of [
    '// #region readme',
    '# #region readme',
    '<!-- #region readme -->',
    '{/* #region readme */}',
    '  #region readme',
  ]) {
    assert.ok(REGION_START.test(line), line);
    assert.ok(REGION_END.test(line.replace('#region', '#endregion')), line);
  }
  assert.ok(!REGION_START.test('// #endregion readme'));
  assert.ok(!REGION_START.test('x = 1  // #region readme'));
  const text = 'header\n# #region readme\nshown\n  also shown\n# #endregion readme\nfooter\n';
  assert.deepEqual(shownPart(text, 'example'), { shown: 'shown\n  also shown', region: true });
  const indented = '{\n  // #region readme\n\n  a: 1,\n    b: 2,\n  // #endregion readme\n}\n';
  assert.deepEqual(shownPart(indented, 'example'), { shown: 'a: 1,\n  b: 2,', region: true });
  assert.deepEqual(shownPart('all of it\n\n', 'example'), { shown: 'all of it', region: false });
});

const blocks = DOC_FILES.flatMap((doc) =>
  markedBlocks(readDoc(doc)).map((block) => ({ ...block, where: `${doc} line ${block.line}` })),
);

test('the docs mark their snippets', () => {
  assert.ok(blocks.length > 0, 'no <!-- snippet: PATH --> line in README.md or docs/*.md');
});

for (const { path, where, content } of blocks) {
  test(`${where}: the block is ${path}`, () => {
    assert.ok(
      !path.startsWith('/') && !path.split('/').includes('..'),
      `${where}: ${path} must be a path inside the repository`,
    );
    assert.notEqual(
      content,
      null,
      `${where}: <!-- snippet: ${path} --> must be followed by a fenced code block`,
    );
    const file = new URL(path, root);
    assert.ok(existsSync(file), `${where} marks ${path}, which does not exist`);
    const { shown, region } = shownPart(readFileSync(file, 'utf8'), path);
    if (content !== shown) {
      assert.fail(
        `${where}: the block differs from ${path}` +
          `${region ? "'s #region readme" : ''}; ${firstDifference(content, shown)}. ` +
          'Copy the file into the doc, or change the file and then the doc.',
      );
    }
  });
}

test(`every file in ${SNIPPET_FOLDER}/ is shown in the docs`, () => {
  const marked = new Set(blocks.map((block) => block.path));
  const files = readdirSync(new URL(`${SNIPPET_FOLDER}/`, root)).map(
    (name) => `${SNIPPET_FOLDER}/${name}`,
  );
  assert.deepEqual(
    files.filter((path) => !marked.has(path)),
    [],
    'these snippet files have no <!-- snippet: PATH --> line in README.md or docs/*.md',
  );
});
