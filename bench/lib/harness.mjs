// Shared by the element benchmarks: a tiny static server on 127.0.0.1 and the benchmark Chromium.
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { chromium } from 'playwright-core';
import { findChrome, CHROME_ARGS } from '../../scripts/chrome.mjs';

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.ts': 'text/javascript', '.json': 'application/json', '.geojson': 'application/json' };

/** Serves the file `route(pathname)` returns (404 when it returns nothing or the file is missing). */
export async function serveFiles(route) {
  const server = createServer((req, res) => {
    const file = route(new URL(req.url ?? '/', 'http://x').pathname);
    if (!file || !existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
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
