#!/usr/bin/env node
// Where the first picture's main-thread time goes: one run of an implementation of bench/grid-map on a fresh page
// under the CDP sampling profiler; prints self time by function (top 25) and by script.
//   node bench/grid-map/profile.mjs [--impl element-webgl] [--n 50000]
// (build the bench page first: node bench/grid-map/run.mjs builds bench/grid-map/.out; --build here does it too)
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { bundleBenchPage } from '../lib/harness.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const here = fileURLToPath(new URL('./', import.meta.url));
const arg = (name, d) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : d; };
const IMPL = arg('impl', 'element-webgl'), N = Number(arg('n', 50000));
if (process.argv.includes('--build'))
  await bundleBenchPage(join(here, 'page.ts'), { outdir: join(here, '.out'), splitting: true, external: ['maplibre-gl'], logLevel: 'error' });
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.json': 'application/json' };
const server = createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  const file = join(root, path);
  if (!file.startsWith(root) || !existsSync(file)) return void res.writeHead(404).end();
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  res.end(await readFile(file));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-dev-shm-usage', '--disable-gpu-rasterization'],
});
const page = await (await browser.newContext({ viewport: { width: 1000, height: 800 } })).newPage();
await page.goto(`http://127.0.0.1:${server.address().port}/bench/grid-map/index.html`);
await page.waitForFunction(() => 'bench' in window);
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
await cdp.send('Profiler.start');
const r = await page.evaluate(([impl, n]) => window.bench.run(impl, n), [IMPL, N]);
const { profile } = await cdp.send('Profiler.stop');
const dt = new Map();
for (let i = 0; i < profile.samples.length; i++) dt.set(profile.samples[i], (dt.get(profile.samples[i]) ?? 0) + profile.timeDeltas[i] / 1000);
const byFn = new Map(), byUrl = new Map();
for (const node of profile.nodes) {
  const t = dt.get(node.id) ?? 0;
  if (!t) continue;
  const cf = node.callFrame, url = cf.url.replace(/^.*\//, '');
  const key = `${cf.functionName || '(anon)'} ${url}:${cf.lineNumber + 1}`;
  byFn.set(key, (byFn.get(key) ?? 0) + t);
  byUrl.set(url || cf.functionName, (byUrl.get(url || cf.functionName) ?? 0) + t);
}
console.log(`${IMPL} ${N}: first ${Math.round(r.first)} ms, recolour ${Math.round(r.recolour)} ms (main thread profile, self ms)`);
for (const [k, v] of [...byUrl].sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log(`  ${v.toFixed(0).padStart(6)}  ${k}`);
console.log('  --');
for (const [k, v] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${v.toFixed(0).padStart(6)}  ${k}`);
await browser.close();
server.close();
