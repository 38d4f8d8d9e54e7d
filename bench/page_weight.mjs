// Bytes a visitor downloads for the main page, gzip-compressed, split by part, compared with
// the recorded baseline (bench/page_weight_baseline.json). A part more than 10 % above its
// baseline is reported loudly and makes `npm run bench` exit non-zero.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const GROWTH_LIMIT = 1.1;

const gz = (text) => gzipSync(text, { level: 9 }).length;

function partOf(input) {
  if (input.endsWith('.wasm')) return 'wasm core';
  if (input.startsWith('build/wasm/') || input.startsWith('cpp/')) return 'core glue';
  if (input.includes('node_modules/chart.js') || input.includes('@kurkle')) return 'Chart.js';
  return 'app code';
}

/** gzip bytes per part of the main page. */
export async function measureWeight() {
  const result = await esbuild.build({
    bundle: true,
    format: 'iife',
    write: false,
    metafile: true,
    minify: true,
    logLevel: 'error',
    entryPoints: [path.join(root, 'web', 'panels', 'binary', 'main.js')],
    outfile: path.join(root, 'build', 'weight.js'),
    absWorkingDir: root,
    alias: {
      'lossplay-wasm': path.join(root, 'build', 'wasm', 'lossplay_losses_wasm.mjs'),
      'lossplay-wasm-binary': path.join(root, 'build', 'wasm', 'lossplay_losses_wasm.wasm'),
      'lossplay-core': path.join(root, 'cpp', 'bindings', 'lossplay_core.mjs'),
      'lossplay-race-datasets': path.join(root, 'web', 'panels', 'race', 'race_datasets.js'),
    },
    loader: { '.wasm': 'binary', '.csv': 'text' },
  });
  const script = result.outputFiles[0].text;
  const output = Object.values(result.metafile.outputs)[0];
  const raw = {};
  for (const [input, info] of Object.entries(output.inputs)) {
    const part = partOf(input);
    raw[part] = (raw[part] ?? 0) + info.bytesInOutput;
  }
  // Split the script's compressed size in proportion to each part's share of its raw size.
  const scriptGz = gz(script);
  const total = Object.values(raw).reduce((a, b) => a + b, 0);
  const parts = Object.fromEntries(
    Object.entries(raw).map(([part, bytes]) => [part, Math.round((scriptGz * bytes) / total)]),
  );
  parts.styles =
    gz(readFileSync(path.join(dist, 'styles.css'))) + gz(readFileSync(path.join(dist, 'math.css')));
  parts.html = gz(readFileSync(path.join(dist, 'index.html')));
  parts.total = Object.values(parts).reduce((a, b) => a + b, 0);
  return parts;
}

export function compareWithBaseline(parts) {
  const baseline = JSON.parse(
    readFileSync(path.join(root, 'bench', 'page_weight_baseline.json'), 'utf8'),
  );
  const problems = [];
  const lines = Object.entries(parts).map(([part, bytes]) => {
    const before = baseline[part];
    const ratio = before ? bytes / before : 1;
    if (ratio > GROWTH_LIMIT)
      problems.push(
        `${part} grew ${((ratio - 1) * 100).toFixed(0)} % (${before} → ${bytes} bytes)`,
      );
    return `  ${part.padEnd(12)} ${(bytes / 1024).toFixed(1).padStart(7)} KB  (baseline ${before ? (before / 1024).toFixed(1) : '—'} KB)`;
  });
  return { lines, problems };
}
