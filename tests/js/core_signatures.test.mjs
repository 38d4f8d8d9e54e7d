// The signature table (cpp/bindings/core_signatures.mjs) against what it describes: the
// functions each wasm build registers (names and argument counts, read from embind), the
// results they return (every function called with its example: field names and types), the
// core object createLossCore builds, and what is generated from the table (docs/core-api.md and
// dist/lossplay-core.d.ts), which must not be stale.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import {
  CSV_READER_METHODS,
  LOSS_FUNCTIONS,
  METHOD_TYPES,
  NAMED_TYPES,
  RACE_METHODS,
  TABLE_READER_METHODS,
  TRAINER_FUNCTIONS,
  WRAPPER_MEMBERS,
} from '../../cpp/bindings/core_signatures.mjs';
import { CORE_API_DOC, renderTypes, updatedDoc } from '../../scripts/core_api_docs.mjs';
import { corePromise } from './load_core.mjs';

const root = new URL('../../', import.meta.url);

/** The raw embind module of one wasm build, as build/wasm holds it. */
async function rawModule(name) {
  const { default: instantiate } = await import(new URL(`build/wasm/${name}.mjs`, root));
  const wasmBinary = readFileSync(new URL(`build/wasm/${name}.wasm`, root));
  return instantiate({ wasmBinary, locateFile: (file) => file });
}

/** name → argument count of every free function the module registers with embind. */
function registeredFunctions(raw) {
  const out = {};
  for (const [name, value] of Object.entries(raw)) {
    if (
      typeof value === 'function' &&
      Object.hasOwn(value, 'argCount') &&
      !value.prototype?.delete
    ) {
      out[name] = value.argCount;
    }
  }
  return out;
}

const counts = (rows) =>
  Object.fromEntries(
    Object.entries(rows).map(([name, row]) => [name, Object.keys(row.params).length]),
  );

for (const [build, rows] of [
  ['lossplay_wasm', { ...LOSS_FUNCTIONS, ...TRAINER_FUNCTIONS }],
  ['lossplay_losses_wasm', LOSS_FUNCTIONS],
]) {
  test(`${build} registers exactly the table's functions, with its argument counts`, async () => {
    const registered = registeredFunctions(await rawModule(build));
    // limits is a function inside wasm; core_api.mjs turns it into the frozen core.limits.
    assert.deepEqual(registered, { ...counts(rows), limits: 0 });
  });
}

/** Whether `value` has the TypeScript type `type` (the types the table uses). */
function check(value, type, where) {
  if (type.endsWith('[]')) {
    assert.ok(Array.isArray(value), `${where} should be an array`);
    value.forEach((entry, i) => check(entry, type.slice(0, -2), `${where}[${i}]`));
  } else if (type === 'Float64Array') {
    assert.ok(value instanceof Float64Array, `${where} should be a Float64Array`);
  } else if (['number', 'boolean', 'string'].includes(type)) {
    assert.equal(typeof value, type, `${where} should be a ${type}`);
  } else if (type === 'Interval') {
    checkFields(value, { low: 'number', high: 'number' }, where);
  } else {
    const fields = METHOD_TYPES[type] ?? resultFields(type);
    assert.ok(fields, `${where}: the table names a type ${type} that it does not declare`);
    checkFields(value, fields, where);
  }
}

/** The fields of a result named by its interface, e.g. SoftTargetPointResult. */
function resultFields(type) {
  const name = type.replace(/Result$/, '');
  const key = name[0].toLowerCase() + name.slice(1);
  const row = LOSS_FUNCTIONS[key] ?? TRAINER_FUNCTIONS[key];
  return typeof row?.returns === 'object' ? row.returns : undefined;
}

function checkFields(value, fields, where) {
  assert.equal(typeof value, 'object', `${where} should be an object`);
  const required = Object.keys(fields).filter((field) => !field.endsWith('?'));
  const allowed = Object.keys(fields).map((field) => field.replace(/\?$/, ''));
  for (const field of required) assert.ok(field in value, `${where} lacks ${field}`);
  for (const field of Object.keys(value)) {
    assert.ok(allowed.includes(field), `${where} has ${field}, which the table does not list`);
  }
  for (const [field, type] of Object.entries(fields)) {
    const key = field.replace(/\?$/, '');
    if (key in value) check(value[key], type, `${where}.${key}`);
  }
}

function checkResult(result, returns, where) {
  if (typeof returns === 'object') checkFields(result, returns, where);
  else check(result, returns, where);
}

test('every function returns what the table says, called with its example', async () => {
  const core = await corePromise;
  for (const [name, row] of Object.entries({ ...LOSS_FUNCTIONS, ...TRAINER_FUNCTIONS })) {
    assert.equal(row.example.length, Object.keys(row.params).length, `${name}'s example`);
    checkResult(core[name](...row.example), row.returns, name);
  }
});

test("the optional fields appear where the docs say (Bernoulli's p and counts)", async () => {
  const core = await corePromise;
  assert.ok('p' in core.likelihoodPoint('bernoulli', [0, 1], 0, 1));
  assert.ok(!('p' in core.likelihoodPoint('gaussian', [0, 1], 0, 1)));
  assert.equal(core.likelihoodFit('bernoulli', [0, 1, 1], 1).ones, 2);
  assert.ok(!('ones' in core.likelihoodFit('laplace', [0, 1, 1], 1)));
});

test("the core object holds the table's functions, its wrapper members and limits", async () => {
  const core = await corePromise;
  const expected = [
    ...Object.keys(LOSS_FUNCTIONS),
    ...Object.keys(TRAINER_FUNCTIONS),
    ...Object.keys(WRAPPER_MEMBERS),
    'limits',
  ];
  assert.deepEqual(Object.keys(core).sort(), expected.sort());
});

test("a race's and a CSV reader's methods return what the table says", async () => {
  const core = await corePromise;
  const race = core.createRace({ data: { kind: 'blobs', size: 40 }, hidden: 2 });
  race.step(2);
  const args = { historySince: [1], grid: ['ce', -1, 1, -1, 1, 2, 2], step: [1], train: [5e4] };
  for (const [name, row] of Object.entries(RACE_METHODS)) {
    assert.equal(typeof race[name], 'function', `race.${name}`);
    if (name === 'dispose') continue;
    const returns =
      row.returns === 'RaceHistoryResult' ? RACE_METHODS.history.returns : row.returns;
    checkResult(race[name](...(args[name] ?? [])), returns, `race.${name}`);
  }
  race.dispose();
  const reader = core.createCsvReader();
  for (const name of Object.keys(CSV_READER_METHODS)) {
    assert.equal(typeof reader[name], 'function', `csvReader.${name}`);
  }
  reader.read(TRAINER_FUNCTIONS.parseCsvDataset.example[0]);
  checkResult(reader.finish(), TRAINER_FUNCTIONS.parseCsvDataset.returns, 'csvReader.finish');
});

test("a table reader's methods return what the table says", async () => {
  const core = await corePromise;
  const reader = core.createTableReader();
  for (const name of Object.keys(TABLE_READER_METHODS)) {
    assert.equal(typeof reader[name], 'function', `tableReader.${name}`);
  }
  assert.equal(reader.read('logit,label\n-1.5,0\n2,1\n'), undefined);
  checkResult(reader.finish(), TABLE_READER_METHODS.finish.returns, 'tableReader.finish');
  const failing = core.createTableReader();
  assert.throws(() => failing.read('a,b\n1,x\n'), {
    name: 'RangeError',
    message:
      'tableReader.read(piece): line 2, column 2: expected a number such as 0.25 or -1.5e3, ' +
      'got "x"',
  });
});

test('an error names the signature written in the table', async () => {
  const core = await corePromise;
  assert.throws(() => core.likelihoodCurve('gaussian', [1], 1, 2, 1, 5), {
    name: 'RangeError',
    message: /^likelihoodCurve\(dist, data, scale, lo, hi, n\): lo must be below hi/,
  });
  assert.throws(() => core.createRace({ data: { kind: 'rings' } }), {
    name: 'RangeError',
    message: /^createRace\(settings\): data.kind must be/,
  });
});

test('docs/core-api.md shows the tables generated from the current table', async () => {
  const text = readFileSync(CORE_API_DOC, 'utf8');
  assert.equal(
    text,
    await updatedDoc(text),
    'docs/core-api.md is stale: run node scripts/core_api_docs.mjs',
  );
});

test('the staleness check sees a changed row (it can fail)', async () => {
  const text = readFileSync(CORE_API_DOC, 'utf8');
  const edited = text.replace('`binaryPoint(z, y)`', '`binaryPoint(z)`');
  assert.notEqual(edited, text);
  assert.notEqual(edited, await updatedDoc(edited));
});

test('dist/lossplay-core.d.ts is the one generated from the table, and package.json points to it', async () => {
  const file = new URL('dist/lossplay-core.d.ts', root);
  assert.ok(existsSync(file), 'dist/lossplay-core.d.ts is missing: run node scripts/build.mjs');
  assert.equal(
    readFileSync(file, 'utf8'),
    await renderTypes(),
    'stale: run node scripts/build.mjs',
  );
  const manifest = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
  assert.equal(manifest.types, './dist/lossplay-core.d.ts');
  for (const entry of ['.', './core']) {
    assert.deepEqual(manifest.exports[entry], {
      types: './dist/lossplay-core.d.ts',
      default: './dist/lossplay-core.mjs',
    });
  }
});

test('every type the table names is declared in the .d.ts', async () => {
  const types = await renderTypes();
  const declared = new Set(
    [...types.matchAll(/export (?:type|interface) (\w+)/g)].map((m) => m[1]),
  );
  for (const name of Object.keys(NAMED_TYPES)) assert.ok(declared.has(name), name);
  const rows = {
    ...LOSS_FUNCTIONS,
    ...TRAINER_FUNCTIONS,
    ...WRAPPER_MEMBERS,
    ...RACE_METHODS,
    ...TABLE_READER_METHODS,
  };
  const named = Object.values(rows).flatMap((row) => [
    ...Object.values(row.params),
    ...(typeof row.returns === 'string' ? [row.returns] : Object.values(row.returns)),
  ]);
  const builtIn = /^(number|boolean|string|void|Float64Array)(\[\])?$/;
  for (const type of named.flatMap((t) => t.split(' | '))) {
    if (!builtIn.test(type)) assert.ok(declared.has(type), type);
  }
});
