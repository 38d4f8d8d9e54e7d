// What is written from the core's signature table (cpp/bindings/core_signatures.mjs): the
// function tables of docs/core-api.md (between its "generated" markers; the prose around them
// is written by hand) and dist/lossplay-core.d.ts, the npm package's types for its core.
//
// `node scripts/core_api_docs.mjs` rewrites docs/core-api.md after a change to the table;
// scripts/build.mjs calls writeCoreTypes for the .d.ts. tests/js/core_signatures.test.mjs fails
// when either is stale. Both are formatted by prettier, as `npm run lint` checks them.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import {
  CSV_READER_METHODS,
  LOSS_FUNCTIONS,
  METHOD_TYPES,
  NAMED_TYPES,
  RACE_METHODS,
  TABLE_READER_METHODS,
  TRAINER_FUNCTIONS,
  WRAPPER_MEMBERS,
  signatureOf,
} from '../cpp/bindings/core_signatures.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CORE_API_DOC = path.join(root, 'docs', 'core-api.md');
const TABLE = 'cpp/bindings/core_signatures.mjs';

const CORE_FUNCTIONS = { ...LOSS_FUNCTIONS, ...TRAINER_FUNCTIONS, ...WRAPPER_MEMBERS };
const capitalized = (name) => name[0].toUpperCase() + name.slice(1);
/** The interface name of an object result: binaryPoint → BinaryPointResult. */
const resultName = (name) => `${capitalized(name)}Result`;

/** Every result type a row names, by its interface name: the rows' own and METHOD_TYPES. */
function resultTypes() {
  const types = { ...METHOD_TYPES };
  for (const [name, row] of Object.entries({ ...CORE_FUNCTIONS, ...RACE_METHODS })) {
    const owner = name in RACE_METHODS ? `race${capitalized(name)}` : name;
    if (typeof row.returns === 'object') types[resultName(owner)] = row.returns;
  }
  return types;
}

// ---- docs/core-api.md

/** `{ p, ce, mse }` for an object result (or one named by its interface), else the type. */
function shapeOf(returns, types) {
  const fields = typeof returns === 'object' ? returns : types[returns];
  if (!fields) return `\`${returns}\``;
  return `\`{ ${Object.keys(fields).join(', ')} }\``;
}

function markdownTable(rows, prefix = '') {
  const types = resultTypes();
  const lines = ['| function | returns |', '| --- | --- |'];
  for (const [name, row] of Object.entries(rows)) {
    const returns =
      row.returns === 'number' || row.returns === 'void' ? '' : shapeOf(row.returns, types);
    // A | inside a cell, even inside code, would end the cell.
    const text = [returns, row.doc].filter(Boolean).join(': ').replaceAll('|', '\\|');
    const only = row.trainer || name in TRAINER_FUNCTIONS ? ' (full build)' : '';
    lines.push(`| \`${prefix}${signatureOf(name, row)}\`${only} | ${text} |`);
  }
  return lines.join('\n');
}

/** The generated part of docs/core-api.md. */
export function renderTables() {
  const limits = "| `limits` | not a function: the core's input limits, a frozen object (below) |";
  return [
    `<!-- generated from ${TABLE} by node scripts/core_api_docs.mjs: edit the table, not this -->`,
    `${markdownTable(CORE_FUNCTIONS)}\n${limits}`,
    'A `Race` (from `createRace`):',
    markdownTable(RACE_METHODS, 'race.'),
    'A `CsvReader` (from `createCsvReader`):',
    markdownTable(CSV_READER_METHODS, 'csvReader.'),
    'A `TableReader` (from `createTableReader`):',
    markdownTable(TABLE_READER_METHODS, 'tableReader.'),
  ].join('\n\n');
}

const START = /<!-- generated from [^\n]* -->\n/;
const END = '<!-- end of generated tables -->';

/** The document with its generated part rewritten and formatted as prettier writes it. */
export async function updatedDoc(text) {
  const start = text.search(START);
  const end = text.indexOf(END);
  if (start === -1 || end === -1) {
    throw new Error(`${CORE_API_DOC} lacks its generated-table markers`);
  }
  const updated = `${text.slice(0, start)}${renderTables()}\n\n${text.slice(end)}`;
  const options = await prettier.resolveConfig(CORE_API_DOC);
  return prettier.format(updated, { ...options, filepath: CORE_API_DOC });
}

// ---- dist/lossplay-core.d.ts

function comment(doc) {
  return `/** ${doc.replaceAll('*/', '*\\/')} */`;
}

function typeOf(returns, name) {
  return typeof returns === 'object' ? resultName(name) : returns;
}

function member(name, row, owner = name) {
  const params = Object.entries(row.params)
    .map(([param, type]) => `${param}: ${type}`)
    .join(', ');
  return `${comment(row.doc)}\n${name}(${params}): ${typeOf(row.returns, owner)};`;
}

function interfaceOf(name, fields) {
  const body = Object.entries(fields)
    .map(([field, type]) => `${field}: ${type};`)
    .join('\n');
  return `export interface ${name} {\n${body}\n}`;
}

/** The text of dist/lossplay-core.d.ts. */
export async function renderTypes() {
  const named = Object.entries(NAMED_TYPES).map(([name, type]) => `export type ${name} = ${type};`);
  const results = Object.entries(resultTypes()).map(([name, fields]) => interfaceOf(name, fields));
  const methods = (methodRows, object) =>
    Object.entries(methodRows).map(([name, row]) =>
      member(name, row, `${object}${capitalized(name)}`),
    );
  const text = `// The types of dist/lossplay-core.mjs, generated from ${TABLE} by
// scripts/core_api_docs.mjs; docs/core-api.md explains each function.
${named.join('\n')}
${results.join('\n\n')}

/** A training race: the same model trained with cross-entropy and with MSE. */
export interface Race {
${methods(RACE_METHODS, 'race').join('\n')}
}

/** CSV text read in pieces, then finished. */
export interface CsvReader {
${methods(CSV_READER_METHODS, 'csvReader').join('\n')}
}

/** A table of numbers from CSV or TSV text read in pieces, then finished. */
export interface TableReader {
${methods(TABLE_READER_METHODS, 'tableReader').join('\n')}
}

/** What createLossCore() resolves to. */
export interface LossCore {
${Object.entries(CORE_FUNCTIONS)
  .map(([name, row]) => member(name, row))
  .join('\n')}
/** The core's input limits, frozen (docs/core-api.md, "core.limits"). */
readonly limits: Readonly<Record<string, any>>;
}

/** Instantiates the WebAssembly core (inlined in the module: no network request). */
export default function createLossCore(options?: Record<string, unknown>): Promise<Readonly<LossCore>>;
`;
  const options = await prettier.resolveConfig(CORE_API_DOC);
  return prettier.format(text, { ...options, parser: 'typescript' });
}

/** Writes dist/lossplay-core.d.ts (called by scripts/build.mjs). */
export async function writeCoreTypes(dist) {
  writeFileSync(path.join(dist, 'lossplay-core.d.ts'), await renderTypes());
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(CORE_API_DOC, await updatedDoc(readFileSync(CORE_API_DOC, 'utf8')));
  console.log(`core_api_docs: ${path.relative(root, CORE_API_DOC)} rewritten from ${TABLE}`);
}
