// @web/test-runner: component tests in real headless Chromium (Debian's, never a downloaded one),
// with real WebGL through SwiftShader. Run all: `npm run test:browser`; one file:
//   npx wtr --config test/browser/web-test-runner.config.mjs --files test/browser/kpi-tile.test.ts
import { fileURLToPath } from 'node:url';
import { readFile } from 'node:fs/promises';
import { join, normalize } from 'node:path';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { findChrome, CHROME_ARGS, MISSING_MESSAGE } from '../../scripts/chrome.mjs';
import { pushMiddleware } from './fixtures/push-server.mjs';
import { failMiddleware } from './fixtures/fail-server.mjs';

const executablePath = findChrome();
if (!executablePath) {
  console.error(MISSING_MESSAGE);
  process.exit(1);
}
const rootDir = fileURLToPath(new URL('../../', import.meta.url));

export default {
  rootDir,
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  concurrency: 1,
  concurrentBrowsers: 1,
  browserStartTimeout: 60000,
  testsStartTimeout: 120000,
  testsFinishTimeout: 1200000, // hang guard per file: a loaded machine runs the grid-map files several times slower
  // PMTiles archives are read with HTTP range requests, which the dev server's static files do not answer: serve
  // them here (206 with Content-Range), the way nginx, object storage and CDNs do.
  middleware: [
    // Live push sources: SSE endpoint, WebSocket server and a control channel (test/browser/fixtures/push-server.mjs).
    pushMiddleware,
    // Requests that answer 503 on demand: lazy chunks that cannot load (test/browser/fixtures/fail-server.mjs).
    failMiddleware,
    // `json: true` below turns .json files into JS modules for `import`; a fetch (maplibre reading a TileJSON) must
    // get the JSON itself. Module loads say Sec-Fetch-Dest: script.
    // The same URL then has two bodies, JSON and JS: the browser's HTTP cache (shared by every test file) must not hand
    // a fetch the JS a module import of that file left there (a demo data file imported by one file and fetched by a
    // later one read "var ...": malformed JSON, in a full run only).
    async (ctx, next) => {
      if (!ctx.path.endsWith('.json')) return next();
      ctx.set('Vary', 'Sec-Fetch-Dest');
      ctx.set('Cache-Control', 'no-store');
      if (ctx.get('sec-fetch-dest') === 'script') {
        await next();
        ctx.set('Vary', 'Sec-Fetch-Dest');
        ctx.set('Cache-Control', 'no-store');
        return;
      }
      const file = normalize(join(rootDir, decodeURIComponent(ctx.path)));
      if (!file.startsWith(rootDir)) return next();
      try {
        ctx.body = await readFile(file, 'utf8');
        ctx.type = 'application/json';
      } catch {
        return next();
      }
    },
    async (ctx, next) => {
      const range = /^bytes=(\d+)-(\d*)$/.exec(ctx.get('range') || '');
      if (!ctx.path.endsWith('.pmtiles')) return next();
      const file = normalize(join(rootDir, decodeURIComponent(ctx.path)));
      if (!file.startsWith(rootDir)) return next();
      let buf;
      try {
        buf = await readFile(file);
      } catch {
        return next();
      }
      ctx.set('Accept-Ranges', 'bytes');
      ctx.type = 'application/octet-stream';
      if (!range) {
        ctx.body = buf;
        return;
      }
      const start = Number(range[1]);
      const end = Math.min(buf.length - 1, range[2] ? Number(range[2]) : buf.length - 1);
      ctx.status = 206;
      ctx.set('Content-Range', `bytes ${start}-${end}/${buf.length}`);
      ctx.body = buf.subarray(start, end + 1);
    },
  ],
  plugins: [esbuildPlugin({ ts: true, json: true, target: 'es2022', tsconfig: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)) })],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath, headless: true, args: CHROME_ARGS },
    }),
  ],
  testFramework: { config: { timeout: 120000, ui: 'bdd' } },
  filterBrowserLogs: ({ type, args }) => (type === 'warn' || type === 'error') && !String(args[0]).includes('Lit is in dev mode'),
};
