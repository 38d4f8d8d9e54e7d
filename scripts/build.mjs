// Builds what is missing or stale: the wasm core (CMake through emcmake, incremental) and the
// static site in dist/ (esbuild bundles, copied page files). Run by `npm start`, `npm test`
// and `npm run build`; each step is cheap when nothing changed.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { renderPage } from './render_page.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const wasmBuild = path.join(root, 'build', 'wasm');
const dist = path.join(root, 'dist');
// Each page and its script (web/NAME.js, built to dist/NAME.js).
const PAGES = {
  'index.html': 'main',
  'soft-targets.html': 'soft_targets_main',
  'multiclass.html': 'multiclass_main',
  'regression.html': 'regression_main',
  'race.html': 'race_main',
};

function run(command, args) {
  // Debian's Emscripten finds its JS optimizer's acorn only through NODE_PATH.
  const env = { ...process.env, NODE_PATH: '/usr/share/nodejs' };
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed with exit code ${result.status}`);
  }
}

function buildWasm() {
  if (!existsSync(path.join(wasmBuild, 'CMakeCache.txt'))) {
    run('emcmake', ['cmake', '-S', '.', '-B', wasmBuild, '-DCMAKE_BUILD_TYPE=Release']);
  }
  run('cmake', ['--build', wasmBuild, '--parallel', '2']);
}

async function bundle() {
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });
  const common = { bundle: true, format: 'esm', target: 'es2022', logLevel: 'warning' };
  await esbuild.build({
    ...common,
    entryPoints: [path.join(root, 'cpp', 'bindings', 'lossplay_core.mjs')],
    outfile: path.join(dist, 'lossplay-core.mjs'),
    alias: {
      'lossplay-wasm': path.join(wasmBuild, 'lossplay_wasm.mjs'),
      'lossplay-wasm-binary': path.join(wasmBuild, 'lossplay_wasm.wasm'),
    },
    loader: { '.wasm': 'binary' },
    minify: true,
  });
  // One script per page; code they share (Chart.js, the form helpers) goes to chunk files.
  const pages = await esbuild.build({
    ...common,
    entryPoints: Object.fromEntries(
      Object.values(PAGES).map((script) => [script, path.join(root, 'web', `${script}.js`)]),
    ),
    outdir: dist,
    splitting: true,
    chunkNames: '[name]-[hash]', // beside the pages: './lossplay-core.mjs' must resolve
    external: ['./lossplay-core.mjs'],
    loader: { '.csv': 'text' },
    minify: true,
    sourcemap: true,
    metafile: true,
  });
  for (const file of ['styles.css', 'favicon.svg']) {
    cpSync(path.join(root, 'web', file), path.join(dist, file));
  }
  return chunksByScript(pages.metafile);
}

/** The chunk files each page script imports, so the page can preload them with it. */
function chunksByScript(metafile) {
  const chunks = {};
  for (const [output, info] of Object.entries(metafile.outputs)) {
    if (!info.entryPoint) continue;
    chunks[path.basename(output, '.js')] = info.imports
      .filter((entry) => !entry.external && entry.kind === 'import-statement')
      .map((entry) => path.basename(entry.path));
  }
  return chunks;
}

function renderHtml(chunks) {
  let formulas = 0;
  const generatedCss = new Set();
  for (const [html, script] of Object.entries(PAGES)) {
    const page = renderPage(path.join(root, 'web', html));
    // Fetch the page's chunks alongside its script instead of after the script is parsed.
    const preloads = (chunks[script] ?? [])
      .map((file) => `    <link rel="modulepreload" href="${file}" />\n`)
      .join('');
    writeFileSync(path.join(dist, html), page.html.replace('  </head>', `${preloads}  </head>`));
    formulas += page.formulas;
    page.css.split('\n').forEach((rule) => generatedCss.add(rule));
  }
  // Temml's stylesheet for locally installed math fonts, plus the classes for its styles.
  const temmlDist = path.join(root, 'node_modules', 'temml', 'dist');
  const temmlCss = readFileSync(path.join(temmlDist, 'Temml-Local.css'), 'utf8');
  writeFileSync(path.join(dist, 'math.css'), `${temmlCss}\n${[...generatedCss].join('\n')}\n`);
  cpSync(path.join(temmlDist, 'Temml.woff2'), path.join(dist, 'Temml.woff2'));
  return formulas;
}

buildWasm();
const chunks = await bundle();
const formulas = renderHtml(chunks);
console.log(`build: dist/ ready, ${formulas} formulas typeset`);
