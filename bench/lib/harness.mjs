// Shared by the element benchmarks: a tiny static server on 127.0.0.1 and the benchmark Chromium.
import { createServer } from 'node:http';
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { findChrome, CHROME_ARGS } from '../../scripts/chrome.mjs';

const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.ts': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.geojson': 'application/json',
  '.pbf': 'application/x-protobuf',
  '.mvt': 'application/vnd.mapbox-vector-tile',
  '.pmtiles': 'application/octet-stream',
};

/**
 * Serves the file `route(pathname)` returns (404 when it returns nothing or the file is missing).
 * Single byte ranges (`Range: bytes=a-b`, as PMTiles readers send) are answered with 206. `onRequest(pathname)`,
 * when given, sees every request (benchmarks count module or tile requests with it).
 */
export async function serveFiles(route, { onRequest } = {}) {
  const server = createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    onRequest?.(pathname);
    const file = route(pathname);
    if (!file && pathname === '/favicon.ico') return void res.writeHead(204).end();
    if (!file || !existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end();
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
    if (range) {
      const size = statSync(file).size;
      let start = range[1] === '' ? Math.max(0, size - Number(range[2])) : Number(range[1]);
      let end = range[1] === '' || range[2] === '' ? size - 1 : Math.min(size - 1, Number(range[2]));
      if (start >= size || start > end) return void res.writeHead(416, { 'content-range': `bytes */${size}` }).end();
      const buf = Buffer.alloc(end - start + 1);
      const fd = openSync(file, 'r');
      readSync(fd, buf, 0, buf.length, start);
      closeSync(fd);
      res.writeHead(206, { 'content-type': type, 'content-range': `bytes ${start}-${end}/${size}`, 'accept-ranges': 'bytes', 'content-length': buf.length });
      return void res.end(buf);
    }
    res.writeHead(200, { 'content-type': type, 'accept-ranges': 'bytes' });
    res.end(readFileSync(file));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { server, port: server.address().port };
}

/**
 * Headless Debian Chromium with the TOOLCHAIN flags; 2D canvas stays on the CPU so a benchmark measures the
 * code, not software-emulated GPU rasterisation.
 */
export function launchBenchBrowser() {
  return chromium.launch({
    executablePath: findChrome() ?? '/usr/bin/chromium',
    headless: true,
    args: [...CHROME_ARGS, '--disable-accelerated-2d-canvas', '--disable-gpu-rasterization'],
  });
}

/** Median and percentile helpers shared by the benchmarks. */
export const median = (xs) => {
  if (!xs.length) return NaN;
  const s = xs.slice().sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
export const percentile = (xs, p) => {
  if (!xs.length) return NaN;
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Bundles a benchmark page (the elements from src, as .ts) with the options every bench shares; `extra` adds or
 * overrides (outfile / outdir, splitting, minify, external, conditions). `ignoreAnnotations`: package.json's
 * sideEffects lists *.define.js, and the .ts sources must not be dropped.
 */
export function bundleBenchPage(entry, extra) {
  return build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    target: 'es2020',
    tsconfig: `${root}tsconfig.json`,
    define: { 'import.meta.env.DEV': 'false' },
    logLevel: 'warning',
    ignoreAnnotations: true,
    ...extra,
  });
}
