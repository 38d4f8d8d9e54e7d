// The folder the page benchmarks serve: a built site (dist/, or another build given with
// `--compare`) with the floor page added (bench/floor/: Chart.js and one line chart, the least
// a page with a chart can cost), so both load from the same server in the same run.
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { PANELS } from '../web/panels/registry.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const FLOOR_PAGE = 'floor.html';

/** Every page of the site: one per panel, then the embedding guide. */
export const SITE_PAGES = Object.freeze([...PANELS.map((panel) => panel.page), 'embedding.html']);

/** The pages that draw a panel, with the wasm core each loads. */
export const PANEL_PAGES = Object.freeze(
  PANELS.map((panel) => ({
    id: panel.id,
    page: panel.page,
    wasm: panel.trainer ? 'lossplay_wasm.wasm' : 'lossplay_losses_wasm.wasm',
  })),
);

/** Copies `distDir` to build/bench-site/<name> and adds the floor page; returns its path. */
export async function prepareBenchSite(name, distDir) {
  const site = path.join(root, 'build', 'bench-site', name);
  rmSync(site, { recursive: true, force: true });
  mkdirSync(path.dirname(site), { recursive: true });
  cpSync(distDir, site, { recursive: true });
  const floor = path.join(root, 'bench', 'floor');
  cpSync(path.join(floor, 'floor.html'), path.join(site, FLOOR_PAGE));
  cpSync(path.join(floor, 'floor.css'), path.join(site, 'floor.css'));
  await esbuild.build({
    bundle: true,
    format: 'iife',
    target: 'es2022',
    minify: true,
    logLevel: 'error',
    entryPoints: [path.join(floor, 'floor.js')],
    outfile: path.join(site, 'floor.js'),
  });
  return site;
}
