// Builds the host sites of tests/hosts/ into build/hosts/, from the built lossplay site (dist/):
//   build/hosts/vitepress/  a real VitePress build, with dist/ under its public/lossplay/, so the
//                           element script and the iframe route are served by the host itself;
//   build/hosts/reveal/     the reveal.js deck, reveal.js's dist files and lossplay-embed.js.
// VitePress and reveal.js are this folder's own packages (package.json here), installed on
// first use: nothing else needs them, and they would be most of the root's install.
// The sources in tests/hosts/ are never written to: VitePress builds from a scratch copy in
// build/hosts-work/, whose node_modules links to this folder's (the config imports 'vitepress').
// Run it alone with `node tests/hosts/build_hosts.mjs`; the browser suite calls buildHosts().
import { cpSync, existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensurePackages } from '../../scripts/ensure_packages.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const dist = path.join(root, 'dist');
export const hostsDir = path.join(root, 'build', 'hosts');
const workDir = path.join(root, 'build', 'hosts-work');

// Before anything imports them: a fresh clone has not installed this folder yet.
ensurePackages(here);
const { build } = await import('vitepress');
const { default: vitepressConfig } = await import('./vitepress/.vitepress/config.mjs');

/** The VitePress site's base: where the server must serve build/hosts/vitepress/. */
export const VITEPRESS_BASE = vitepressConfig.base;

const fresh = (dir) => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
};
// Source maps are not needed by the hosts and are most of dist/'s size.
const withoutMaps = (source) => !source.endsWith('.map');

/** Runs `work` without VitePress's progress lines ("✓ rendering pages..."); the rest passes. */
async function withoutProgress(work) {
  const write = process.stderr.write;
  // A mark (coloured or not) and a task: "✓ building client + server bundles...".
  const progress = /^\S{1,12} [\w +]+\.\.\.\n?$/;
  process.stderr.write = function (chunk, ...rest) {
    return progress.test(String(chunk)) || write.call(this, chunk, ...rest);
  };
  try {
    return await work();
  } finally {
    process.stderr.write = write;
  }
}

async function buildVitePress() {
  const source = path.join(workDir, 'vitepress');
  cpSync(path.join(here, 'vitepress'), source, { recursive: true });
  cpSync(dist, path.join(source, 'public', 'lossplay'), { recursive: true, filter: withoutMaps });
  await withoutProgress(() =>
    build(source, {
      outDir: path.join(hostsDir, 'vitepress'),
      // Warnings and errors only: no "build complete in 3.2s".
      onAfterConfigResolve(siteConfig) {
        siteConfig.logger = { ...siteConfig.logger, info() {} };
      },
    }),
  );
}

function buildReveal() {
  const out = path.join(hostsDir, 'reveal');
  const revealDist = path.dirname(fileURLToPath(import.meta.resolve('reveal.js')));
  mkdirSync(out, { recursive: true });
  cpSync(path.join(here, 'reveal', 'deck.html'), path.join(out, 'deck.html'));
  for (const file of ['reveal.js', 'reveal.css', 'reset.css', 'theme']) {
    cpSync(path.join(revealDist, file), path.join(out, 'reveal', file), { recursive: true });
  }
  cpSync(path.join(dist, 'lossplay-embed.js'), path.join(out, 'lossplay-embed.js'));
}

export async function buildHosts() {
  if (!existsSync(path.join(dist, 'lossplay-embed.js'))) {
    throw new Error('dist/ is not built: run `node scripts/build.mjs` first');
  }
  fresh(hostsDir);
  fresh(workDir);
  symlinkSync(path.join(here, 'node_modules'), path.join(workDir, 'node_modules'), 'dir');
  try {
    buildReveal();
    await buildVitePress();
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
  return hostsDir;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = await buildHosts();
  console.log(`host sites built in ${path.relative(process.cwd(), out) || '.'}`);
}
