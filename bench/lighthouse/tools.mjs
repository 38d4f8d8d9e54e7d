// Lighthouse and the Chrome launcher, resolved from this folder's own node_modules
// (bench/lighthouse_bench.mjs installs it first and imports this module).
export { default as lighthouse } from 'lighthouse';
export * as chromeLauncher from 'chrome-launcher';
