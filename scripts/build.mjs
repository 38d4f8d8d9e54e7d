// Builds what is missing or stale: the wasm core (CMake through emcmake, incremental) and the
// static site in dist/ (esbuild bundles, copied page files). Run by `npm start`, `npm test`
// and `npm run build`; each step is cheap when nothing changed.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { renderPage } from './render_page.mjs';
import { writeWidgetAssets } from './widget_assets.mjs';

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
  'embed.html': 'embed_redirect',
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

/** Import names of the core, resolved to one of the two wasm builds (see CMakeLists.txt). */
const wasmAliases = (module) => ({
  'lossplay-wasm': path.join(wasmBuild, `${module}.mjs`),
  'lossplay-wasm-binary': path.join(wasmBuild, `${module}.wasm`),
  'lossplay-core': path.join(root, 'cpp', 'bindings', 'lossplay_core.mjs'),
  'lossplay-race-datasets': path.join(root, 'web', 'race_datasets.js'),
});
// Pages that train get the whole core; the others the losses alone.
const PAGES_WITH_TRAINER = new Set(['race_main']);

async function bundle() {
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });
  const common = { bundle: true, format: 'esm', target: 'es2022', logLevel: 'warning' };
  await esbuild.build({
    ...common,
    entryPoints: [path.join(root, 'cpp', 'bindings', 'lossplay_core.mjs')],
    outfile: path.join(dist, 'lossplay-core.mjs'),
    alias: wasmAliases('lossplay_wasm'),
    loader: { '.wasm': 'binary' },
    minify: true,
  });
  // One classic script per page with everything it needs, the wasm core included: classic
  // scripts (unlike ES modules) also run when the built folder is opened from disk (file://).
  for (const script of Object.values(PAGES)) {
    const module = PAGES_WITH_TRAINER.has(script) ? 'lossplay_wasm' : 'lossplay_losses_wasm';
    await esbuild.build({
      bundle: true,
      format: 'iife',
      target: 'es2022',
      logLevel: 'error',
      entryPoints: [path.join(root, 'web', `${script}.js`)],
      outfile: path.join(dist, `${script}.js`),
      alias: wasmAliases(module),
      loader: { '.wasm': 'binary', '.csv': 'text' },
      minify: true,
      sourcemap: true,
    });
  }
  for (const file of ['styles.css', 'favicon.svg']) {
    cpSync(path.join(root, 'web', file), path.join(dist, file));
  }
  cpSync(path.join(root, 'web', 'examples'), path.join(dist, 'examples'), { recursive: true });
  await esbuild.build({
    entryPoints: [path.join(root, 'web', 'iframe_resizer.js')],
    outfile: path.join(dist, 'lossplay-iframe-resizer.js'),
    minify: true,
    logLevel: 'error',
  });
}

/** dist/lossplay-embed.js: the <loss-playground> element, everything inlined. */
async function bundleWidget() {
  const templates = writeWidgetAssets(root, dist);
  await esbuild.build({
    bundle: true,
    format: 'iife',
    target: 'es2022',
    logLevel: 'error',
    entryPoints: [path.join(root, 'web', 'embed_element.js')],
    outfile: path.join(dist, 'lossplay-embed.js'),
    alias: {
      ...wasmAliases('lossplay_wasm'),
      'lossplay-panel-templates': templates,
      'lossplay-race-datasets': path.join(root, 'web', 'race_datasets_omitted.js'),
    },
    loader: { '.wasm': 'binary', '.csv': 'text' },
    minify: true,
  });
}

function renderHtml() {
  let formulas = 0;
  const generatedCss = new Set();
  for (const html of Object.keys(PAGES)) {
    const page = renderPage(path.join(root, 'web', html));
    writeFileSync(path.join(dist, html), page.html);
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
await bundle();
const formulas = renderHtml();
await bundleWidget();
console.log(`build: dist/ ready, ${formulas} formulas typeset`);
