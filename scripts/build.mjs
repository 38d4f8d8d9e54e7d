// Builds what is missing or stale: the wasm core (CMake through emcmake, incremental) and the
// static site in dist/ (esbuild bundles, copied page files). Run by `npm start`, `npm test`
// and `npm run build`; each step is cheap when nothing changed.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { parseHTML } from 'linkedom';
import { renderMarkdown } from './markdown_page.mjs';
import { createTemplates, typesetPage } from './render_page.mjs';
import { slimSignaturesPlugin } from './slim_signatures.mjs';
import { PANELS } from '../web/panels/registry.js';
import { writeWidgetAssets } from './widget_assets.mjs';
import { followChosenScheme } from './scheme_css.mjs';
import postcss from 'postcss';
import { BUNDLED_FILES, DATA_GLOBAL } from '../web/panels/race/bundled_files.js';
import { WASM_BYTES_GLOBAL } from '../web/site/wasm_bytes_global.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const wasmBuild = path.join(root, 'build', 'wasm');
const dist = path.join(root, 'dist');
const web = path.join(root, 'web');
function run(command, args) {
  // Debian's Emscripten finds its JS optimizer's acorn only through NODE_PATH.
  const env = { ...process.env, NODE_PATH: '/usr/share/nodejs' };
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed with exit code ${result.status}`);
  }
}

function buildWasm() {
  // The `wasm` preset (CMakePresets.json) names Emscripten's toolchain file and build/wasm.
  if (!existsSync(path.join(wasmBuild, 'CMakeCache.txt'))) {
    run('cmake', ['--preset', 'wasm']);
  }
  run('cmake', ['--build', '--preset', 'wasm']);
}

/** Import names of the core, resolved to one of the two wasm builds (see CMakeLists.txt). */
const wasmAliases = (module) => ({
  'lossplay-wasm': path.join(wasmBuild, `${module}.mjs`),
  'lossplay-wasm-binary': path.join(wasmBuild, `${module}.wasm`),
  'lossplay-core': path.join(root, 'cpp', 'bindings', 'lossplay_core.mjs'),
  'lossplay-race-datasets': path.join(web, 'panels', 'race', 'race_datasets.js'),
});

/** The page's core loader (web/site/load_core.js) and the file it streams. */
function pageCoreAliases(wasmModule) {
  const fileModule = path.join(root, 'build', `${wasmModule}_file.js`);
  writeFileSync(fileModule, `export const WASM_FILE = '${wasmModule}.wasm';\n`);
  return {
    ...wasmAliases(wasmModule),
    'lossplay-core': path.join(web, 'site', 'load_core.js'),
    'lossplay-wasm-file': fileModule,
  };
}

/** The wasm core is inlined as bytes; a lab's small example tables (CSV) as text. */
const LOADERS = { '.wasm': 'binary', '.csv': 'text' };

/** A panel page's wasm core: pages that train get the whole core, the others the losses alone. */
const coreOf = (panel) => (panel.trainer ? 'lossplay_wasm' : 'lossplay_losses_wasm');

/** A page's classic script: classic scripts (unlike ES modules) also run when the built folder
 *  is opened from disk (file://). The wasm core is a file of its own (see load_core.js). */
async function bundleScript(entry, outfile, wasmModule) {
  await esbuild.build({
    bundle: true,
    format: 'iife',
    target: 'es2022',
    logLevel: 'error',
    ...entry,
    outfile,
    alias: pageCoreAliases(wasmModule),
    plugins: [slimSignaturesPlugin],
    loader: LOADERS,
    // LOSSPLAY_NO_MINIFY=1 keeps the names readable in a CPU profile of a page.
    minify: process.env.LOSSPLAY_NO_MINIFY !== '1',
    sourcemap: true,
  });
}

/** A core's .wasm for the pages, and the classic script with its bytes for pages opened from
 *  disk, where the .wasm cannot be fetched (web/site/load_core.js). */
function copyWasm(wasmModule) {
  const file = `${wasmModule}.wasm`;
  const bytes = readFileSync(path.join(wasmBuild, file));
  writeFileSync(path.join(dist, file), bytes);
  writeFileSync(
    path.join(dist, `${file}.js`),
    `(globalThis.${WASM_BYTES_GLOBAL} ??= {})[${JSON.stringify(file)}] = '${bytes.toString('base64')}';\n`,
  );
}

/** Each real data set as a classic script the race page loads when the set is chosen
 *  (web/panels/race/bundled_files.js). */
function writeDataScripts() {
  mkdirSync(path.join(dist, 'data'), { recursive: true });
  for (const file of Object.values(BUNDLED_FILES)) {
    const csv = readFileSync(path.join(root, 'data', file), 'utf8');
    writeFileSync(
      path.join(dist, 'data', `${file}.js`),
      `(globalThis.${DATA_GLOBAL} ??= {})[${JSON.stringify(file)}] = ${JSON.stringify(csv)};\n`,
    );
  }
}

/** A panel page's entry, made from the registry: the site starts the panel's module. Panels
 *  never import the site, so the layers run one way (site → panels → charts → shared). */
function pageEntry(panel) {
  return {
    contents: `import { startPage } from './web/site/page_bootstrap.js';
import panel from './web/panels/${panel.id}/panel.js';
startPage(panel);
`,
    resolveDir: root,
    sourcefile: `${panel.id}-page.js`,
  };
}

/** dist/styles.css: the site's styles and its stories', then each lab's own (web/panels/<id>/panel.css), in the
 *  registry's order. One stylesheet for every page, so moving between labs loads none. */
async function bundleStyles() {
  const imports = [
    path.join(web, 'site', 'styles.css'),
    path.join(web, 'site', 'story.css'),
    ...PANELS.map((panel) => path.join(web, 'panels', panel.id, 'panel.css')),
  ].filter((file) => existsSync(file));
  await esbuild.build({
    bundle: true,
    logLevel: 'error',
    stdin: {
      contents: imports.map((file) => `@import ${JSON.stringify(file)};`).join('\n'),
      loader: 'css',
      resolveDir: root,
      sourcefile: 'styles.css',
    },
    outfile: path.join(dist, 'styles.css'),
  });
  // A frame's theme= marks the page's root (data-scheme): the dark palette follows it.
  const file = path.join(dist, 'styles.css');
  const sheet = followChosenScheme(postcss.parse(readFileSync(file, 'utf8')), (c) => `:root${c}`);
  writeFileSync(file, sheet.toString());
}

async function bundle() {
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });
  await esbuild.build({
    bundle: true,
    format: 'esm',
    target: 'es2022',
    logLevel: 'warning',
    entryPoints: [path.join(root, 'cpp', 'bindings', 'lossplay_core.mjs')],
    outfile: path.join(dist, 'lossplay-core.mjs'),
    alias: wasmAliases('lossplay_wasm'),
    plugins: [slimSignaturesPlugin],
    loader: LOADERS,
    minify: true,
  });
  for (const panel of PANELS) {
    await bundleScript(
      { stdin: pageEntry(panel) },
      path.join(dist, `${panel.id}.js`),
      coreOf(panel),
    );
  }
  await bundleScript(
    { entryPoints: [path.join(web, 'embed', 'redirect.js')] },
    path.join(dist, 'embed_redirect.js'),
    'lossplay_losses_wasm',
  );
  for (const wasmModule of ['lossplay_wasm', 'lossplay_losses_wasm']) copyWasm(wasmModule);
  writeDataScripts();
  await bundleStyles();
  cpSync(path.join(web, 'site', 'favicon.svg'), path.join(dist, 'favicon.svg'));
  cpSync(path.join(web, 'examples'), path.join(dist, 'examples'), { recursive: true });
  await esbuild.build({
    entryPoints: [path.join(web, 'embed', 'iframe_resizer.js')],
    outfile: path.join(dist, 'lossplay-iframe-resizer.js'),
    bundle: true,
    format: 'iife',
    minify: true,
    logLevel: 'error',
  });
}

/** dist/lossplay-embed.js (the <loss-playground> element) and dist/lossplay-anywidget.mjs (the
 *  element for notebooks), everything inlined. */
async function bundleWidget() {
  const templates = writeWidgetAssets(root, dist);
  const options = {
    bundle: true,
    target: 'es2022',
    logLevel: 'error',
    alias: {
      ...wasmAliases('lossplay_wasm'),
      'lossplay-panel-templates': templates,
      'lossplay-race-datasets': path.join(web, 'embed', 'race_datasets_beside.js'),
    },
    plugins: [slimSignaturesPlugin],
    loader: LOADERS,
    minify: true,
  };
  await Promise.all([
    // A classic script for <script src>: the element.
    esbuild.build({
      ...options,
      format: 'iife',
      entryPoints: [path.join(web, 'embed', 'element.js')],
      outfile: path.join(dist, 'lossplay-embed.js'),
    }),
    // The ten-minute path (story.html): the element, and the steps that set its scenes.
    esbuild.build({
      ...options,
      format: 'iife',
      entryPoints: [path.join(web, 'site', 'path.js')],
      outfile: path.join(dist, 'story-path.js'),
    }),
    // An ES module for notebooks (anywidget): the element and its model binding.
    esbuild.build({
      ...options,
      format: 'esm',
      entryPoints: [path.join(web, 'embed', 'anywidget.js')],
      outfile: path.join(dist, 'lossplay-anywidget.mjs'),
    }),
  ]);
}

/** The embedding guide's text: docs/embedding.md, its title apart and the panels table (every
 *  panel's id, page and parameters, from the registry) in its marked place. */
function embeddingGuide(templates) {
  const markdown = readFileSync(path.join(root, 'docs', 'embedding.md'), 'utf8');
  const [, title, rest] = markdown.match(/^# (.+)\n([\s\S]*)$/);
  const table = templates.render('/site/partials/embed_panels', { panels: PANELS });
  return { title, html: renderMarkdown(rest).replace('<!-- panels table -->', table) };
}

/** The parts of each panel an author may hide (its elements' data-hide keys), by panel id: the
 *  Embed dialog offers these alone ("Play button" only where there is one). */
function panelParts(templates) {
  return Object.fromEntries(
    PANELS.map((panel) => {
      const html = templates.render(`/panels/${panel.id}/page`, { panel, panels: PANELS });
      const keys = new Set([...html.matchAll(/data-hide="([a-z]+)"/g)].map((found) => found[1]));
      return [panel.id, [...keys]];
    }),
  );
}

/** Every page: a template rendered, then typeset (render_page.mjs). */
function renderHtml() {
  const templates = createTemplates(web);
  const parts = panelParts(templates);
  let formulas = 0;
  const generatedCss = new Set();
  const pages = [
    ...PANELS.map((panel) => ['/site/page', { panel, panels: PANELS, parts }, panel.page]),
    ['/embed/embed', {}, 'embed.html'],
    ['/site/embedding', { panels: PANELS, guide: embeddingGuide(templates) }, 'embedding.html'],
    ['/site/path', { panels: PANELS }, 'story.html'],
  ];
  for (const [template, data, output] of pages) {
    const page = typesetPage(templates.render(template, data));
    // Temml's stylesheet only where there are formulas: elsewhere it would hold up the first
    // paint for nothing.
    const html = page.formulas > 0 ? page.html : dropMathStylesheet(page.html);
    writeFileSync(path.join(dist, output), html);
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

/** The page without the link to math.css (web/site/partials/page_head.eta). */
function dropMathStylesheet(html) {
  const { document } = parseHTML(html);
  document.querySelector('link[href="math.css"]')?.remove();
  return document.toString();
}

buildWasm();
await bundle();
await (await import('./core_api_docs.mjs')).writeCoreTypes(dist); // dist/lossplay-core.d.ts
const formulas = renderHtml();
await bundleWidget();
console.log(`build: dist/ ready, ${formulas} formulas typeset`);
