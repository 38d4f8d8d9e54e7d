// The documents the tests read for their quoted code and numbers: README.md and docs/*.md.
import { readdirSync, readFileSync } from 'node:fs';

export const root = new URL('../../', import.meta.url);

/** Paths from the repository's root. */
export const DOC_FILES = [
  'README.md',
  ...readdirSync(new URL('docs/', root))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

/** A document's text with Unix line ends. */
export const readDoc = (doc) => readFileSync(new URL(doc, root), 'utf8').replace(/\r\n/g, '\n');
