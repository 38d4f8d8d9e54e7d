// The npm package: `npm pack` yields a tarball that, installed into an empty folder with an
// empty npm cache and no network (as on a new machine), gives Node the core
// (import 'lossplay/core') and pages the widget (lossplay/embed). That only works because the
// package has no runtime dependencies: Chart.js and the wasm are bundled into dist/.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { launchBrowser } from './browser_harness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
let work;

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  assert.equal(result.status, 0, `${command} ${args.join(' ')}:\n${result.stderr}`);
  return result.stdout;
}

before(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'lossplay-pack-'));
  const emptyCache = path.join(work, 'empty-npm-cache'); // removed with work
  run('npm', ['pack', '--pack-destination', work, '--loglevel=error'], root);
  const tarball = readdirSync(work).find((file) => file.endsWith('.tgz'));
  const consumer = path.join(work, 'consumer');
  run('mkdir', ['-p', consumer], work);
  writeFileSync(
    path.join(consumer, 'package.json'),
    '{"name": "consumer", "private": true, "type": "module"}\n',
  );
  run(
    'npm',
    [
      'install',
      '--offline',
      '--cache',
      emptyCache,
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      path.join(work, tarball),
    ],
    consumer,
  );
});

after(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

test('package.json declares no runtime dependencies', () => {
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
    assert.equal(manifest[field], undefined, `package.json has ${field}`);
  }
});

test('the tarball holds the built site and no source maps or sources', () => {
  const listing = run(
    'tar',
    [
      '-tzf',
      path.join(
        work,
        readdirSync(work).find((f) => f.endsWith('.tgz')),
      ),
    ],
    work,
  );
  for (const file of [
    'dist/lossplay-core.mjs',
    'dist/lossplay-embed.js',
    'dist/lossplay-anywidget.mjs',
    'dist/lossplay-iframe-resizer.js',
    'dist/index.html',
    'LICENSE',
    'README.md',
  ]) {
    assert.match(listing, new RegExp(`package/${file.replace('.', '\\.')}`), file);
  }
  assert.doesNotMatch(listing, /\.map\n|package\/cpp\/|package\/web\//);
});

test('Node imports the installed core by its package name', () => {
  const script = `import createLossCore from 'lossplay/core';
const core = await createLossCore();
console.log(JSON.stringify([core.binaryPoint(-700, 1).ce, typeof core.createRace]));`;
  writeFileSync(path.join(work, 'consumer', 'use.mjs'), script);
  const output = run(process.execPath, ['use.mjs'], path.join(work, 'consumer'));
  assert.deepEqual(JSON.parse(output), [700, 'function']);
});

test('a page runs the installed widget script', async () => {
  const consumer = path.join(work, 'consumer');
  writeFileSync(
    path.join(consumer, 'page.html'),
    '<!doctype html><script src="node_modules/lossplay/dist/lossplay-embed.js"></script><loss-playground panel="soft-targets" t="0.6"></loss-playground>',
  );
  const browser = await launchBrowser();
  const page = await browser.newPage();
  await page.goto(pathToFileURL(path.join(consumer, 'page.html')).href);
  await page.waitForSelector('loss-playground[data-ready="true"]', { timeout: 20000 });
  const t = await page.evaluate(
    () => document.querySelector('loss-playground').lossplay.getState().t,
  );
  assert.equal(t, 0.6);
  await browser.close();
});
