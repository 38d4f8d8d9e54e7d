// Shared set-up for the browser suites: the real server (scripts/serve.mjs) on a free port and
// Debian's headless Chromium driven by playwright-core. Screenshots go to test-output/.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { once } from 'node:events';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const screenshotDir = path.join(root, 'test-output', 'screenshots');

async function freePort() {
  const server = net.createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  server.close();
  return port;
}

/** Starts scripts/serve.mjs (on dist/, or on `serveRoot`) and resolves once it listens. */
export async function startServer(serveRoot = null) {
  const port = await freePort();
  const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1' };
  if (serveRoot) env.SERVE_ROOT = serveRoot;
  const child = spawn(process.execPath, [path.join(root, 'scripts', 'serve.mjs')], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      if (String(chunk).includes('serving')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`server exited early with code ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}/`, stop: () => child.kill() };
}

/** Headless Chromium with the flags that keep it quiet on a machine without network. */
export async function launchBrowser(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}

/** A page that records console errors, page errors and requests leaving the origin. Options
 *  are the browser context's, and `initScript`, a function run in every document before its
 *  own scripts. */
export async function openPage(browser, url, { initScript, ...options } = {}) {
  const context = await browser.newContext(options);
  if (initScript) await context.addInitScript(initScript);
  const page = await context.newPage();
  const problems = [];
  const origin = new URL(url).origin;
  page.on('console', (message) => {
    // Resource failures are reported with their URL by the response listener below.
    const isResourceError = message.text().startsWith('Failed to load resource');
    if ((message.type() === 'error' || message.type() === 'warning') && !isResourceError) {
      problems.push(`console ${message.type()}: ${message.text()}`);
    }
  });
  page.on('response', (response) => {
    if (response.status() >= 400) {
      problems.push(`HTTP ${response.status()} for ${response.url()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    const requestUrl = request.url();
    if (!requestUrl.startsWith(origin) && !requestUrl.startsWith('data:')) {
      problems.push(`request left the origin: ${requestUrl}`);
    }
  });
  await page.goto(url);
  return { page, context, problems };
}

export async function screenshot(page, name) {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}
