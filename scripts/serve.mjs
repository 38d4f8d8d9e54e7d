// Serves the built site (dist/) on http://localhost:PORT (default 8080) with the same strict
// Content-Security-Policy the page declares, so what works here works under that policy, and
// compressed (brotli or gzip, as the browser asks) as any static host serves it, so what loads
// here is what a reader downloads.
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import compression from 'compression';
import sirv from 'sirv';

// SERVE_ROOT: another built folder (the benchmark serves dist/ with its floor page added).
const root =
  process.env.SERVE_ROOT ??
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? 'localhost';

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

const serveStatic = sirv(root, {
  dev: true, // always serve the current build, no stale caching
  setHeaders(response) {
    response.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    response.setHeader('X-Content-Type-Options', 'nosniff');
  },
});

const compress = compression();

const server = http.createServer((request, response) => {
  compress(request, response, () =>
    serveStatic(request, response, () => {
      response.statusCode = 404;
      response.setHeader('Content-Type', 'text/plain; charset=utf-8');
      response.end('Not found');
    }),
  );
});

server.on('error', (error) => {
  console.error(`serve: cannot listen on ${host}:${port}: ${error.message} (set PORT=...)`);
  process.exit(1);
});
server.listen(port, host, () => {
  console.log(
    `lossplay: serving ${path.relative(process.cwd(), root) || '.'} on http://${host}:${port}/ (Ctrl+C to stop)`,
  );
});
