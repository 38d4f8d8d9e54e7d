// An esbuild plugin that bundles the core's signature table (cpp/bindings/core_signatures.mjs)
// as the wrapper uses it: each function's and method's parameter names, and nothing of the
// result types, sentences and example calls that the docs, the .d.ts and the tests read. Those
// were ~5 KB gzip in every page's script. The table stays the one source: the slim module is
// made from it at build time.
import * as table from '../cpp/bindings/core_signatures.mjs';

const TABLES = [
  'LOSS_FUNCTIONS',
  'TRAINER_FUNCTIONS',
  'RACE_METHODS',
  'CSV_READER_METHODS',
  'TABLE_READER_METHODS',
  'WRAPPER_MEMBERS',
];

/** The slim module's source: the same exports, each row only its `params`. */
export function slimSignatures() {
  const rows = (name) =>
    Object.fromEntries(
      Object.entries(table[name]).map(([key, row]) => [key, { params: row.params }]),
    );
  const exports = TABLES.map((name) => `export const ${name} = ${JSON.stringify(rows(name))};`);
  return `${exports.join('\n')}\nexport ${table.signatureOf.toString()}\n`;
}

export const slimSignaturesPlugin = {
  name: 'slim-core-signatures',
  setup(build) {
    build.onResolve({ filter: /\/core_signatures\.mjs$/ }, () => ({
      path: 'core-signatures',
      namespace: 'slim-signatures',
    }));
    build.onLoad({ filter: /.*/, namespace: 'slim-signatures' }, () => ({
      contents: slimSignatures(),
      loader: 'js',
    }));
  },
};
