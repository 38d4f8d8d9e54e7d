// Installs a folder's npm packages from its own package-lock.json (`npm ci --prefix <folder>`)
// when its node_modules is missing or older than the lock, and does nothing otherwise.
// The root folder holds what the app and most suites need; the big tools that one command uses
// have a folder of their own, installed by that command on demand, so the root install stays
// small: Lighthouse in bench/lighthouse/ (npm run bench), the host-site builders VitePress and
// reveal.js in tests/hosts/ (the host-sites suite).
//   node scripts/ensure_packages.mjs [folder…]     (default: the repository's root)
// Only Node's own modules here: scripts/setup.sh runs it before anything is installed.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Whether `folder`'s node_modules is missing or older than its package-lock.json. */
export function needsInstall(folder) {
  // npm ci writes node_modules/.package-lock.json last: its age is the install's.
  const installed = path.join(folder, 'node_modules', '.package-lock.json');
  const lock = path.join(folder, 'package-lock.json');
  return !existsSync(installed) || statSync(lock).mtimeMs > statSync(installed).mtimeMs;
}

/** Runs `npm ci` in `folder` if it needs it; returns whether it did. Throws if npm fails. */
export function ensurePackages(folder = root) {
  if (!needsInstall(folder)) return false;
  const name = path.relative(root, folder) || 'the root';
  // On stderr: stdout may be a test runner's report (the host-sites suite installs its folder).
  console.error(`setup: npm ci in ${name}`);
  const started = Date.now();
  const npm = spawnSync(
    'npm',
    ['ci', '--prefix', folder, '--no-audit', '--no-fund', '--loglevel=error'],
    { stdio: ['ignore', process.stderr, process.stderr] },
  );
  if (npm.status !== 0) {
    throw new Error(`npm ci in ${name} failed (${npm.error?.message ?? `exit ${npm.status}`})`);
  }
  console.error(`setup: npm ci in ${name} took ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const folders = process.argv.slice(2);
  for (const folder of folders.length ? folders : [root]) ensurePackages(path.resolve(folder));
}
