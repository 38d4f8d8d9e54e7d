// The losses-only build (lossplay_losses_wasm, for the pages that do not train): its facade
// holds the loss functions, limits and memoryBytes, and no trainer functions at all. Bundled
// here with esbuild the way scripts/build.mjs bundles the pages.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

test('the losses build has no parseCsvDataset or createRace, and the same limits', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lossplay-losses-'));
  try {
    const outfile = path.join(dir, 'losses-core.mjs');
    await esbuild.build({
      entryPoints: [path.join(root, 'cpp', 'bindings', 'lossplay_core.mjs')],
      outfile,
      bundle: true,
      format: 'esm',
      target: 'es2022',
      logLevel: 'error',
      alias: {
        'lossplay-wasm': path.join(root, 'build', 'wasm', 'lossplay_losses_wasm.mjs'),
        'lossplay-wasm-binary': path.join(root, 'build', 'wasm', 'lossplay_losses_wasm.wasm'),
      },
      loader: { '.wasm': 'binary' },
    });
    const { default: createLossCore } = await import(pathToFileURL(outfile).href);
    const core = await createLossCore();
    assert.equal('parseCsvDataset' in core, false);
    assert.equal('createRace' in core, false);
    assert.equal(core.binaryPoint(-700, 1).ce, 700);
    const { corePromise } = await import('./load_core.mjs');
    assert.deepEqual(core.limits, (await corePromise).limits);
    assert.ok(Object.isFrozen(core));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
