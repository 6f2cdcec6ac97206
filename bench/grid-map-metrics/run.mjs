#!/usr/bin/env node
// Million-row metrics: main-thread parse (today's tiles path) vs the metrics worker into transferable columns.
//   node bench/grid-map-metrics/run.mjs [--n 1000000]
// Writes bench/grid-map-metrics/.out/metrics.json (illustrative, ~45 MB for 10⁶ rows) on first use. One fresh
// context per measurement; headless Chromium; compare within one run.
import { existsSync, mkdirSync, writeFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveFiles, launchBenchBrowser, bundleBenchPage } from '../lib/harness.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const here = fileURLToPath(new URL('./', import.meta.url));
const i = process.argv.indexOf('--n');
const N = i > 0 ? Number(process.argv[i + 1]) : 1_000_000;
const out = join(here, '.out');
mkdirSync(out, { recursive: true });
const file = join(out, `metrics-${N}.json`);
if (!existsSync(file)) {
  // Same shape as scripts/make-grid-tiles.mjs --synthetic: 15-digit grid codes under 12-digit communities.
  const rows = [];
  let s = 42;
  const rnd = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 4294967296);
  for (let k = 0; k < N; k++) {
    const code = `500118${String(Math.floor(k / 2000)).padStart(3, '0')}${String(Math.floor(k / 100) % 20).padStart(3, '0')}${String(k % 100).padStart(3, '0')}`;
    rows.push({ code, households: Math.round(rnd() * 500), population: Math.round(rnd() * 1500), points: Math.round(rnd() * 12) });
  }
  writeFileSync(file, JSON.stringify({ illustrative: true, metrics: [{ key: 'households', label: '户数', aggregate: 'sum' }, { key: 'population', label: '人口', aggregate: 'sum' }, { key: 'points', label: '积分', aggregate: 'mean' }], rows }));
}
await bundleBenchPage(join(here, 'page.ts'), { outdir: out, logLevel: 'error' });
await bundleBenchPage(join(root, 'src/components/grid-map/metrics-worker.ts'), { outdir: out, logLevel: 'error' });
writeFileSync(join(out, 'index.html'), '<!doctype html><meta charset="utf-8"><script type="module" src="./page.js"></script>');
const { server, port } = await serveFiles((p) => join(root, p));
const browser = await launchBenchBrowser();
console.log(`metrics: ${N.toLocaleString('en')} rows, 3 metrics, ${(statSync(file).size / 1e6).toFixed(1)} MB JSON`);
console.log('set-ups: main = fetch + JSON.parse + parseMetrics + tileValues on the main thread (the tiles path today);');
console.log('         worker = the same parse + join in metrics-worker.ts, packed columns transferred, wrapped by columnValues');
for (const impl of ['main', 'worker']) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(`http://127.0.0.1:${port}/bench/grid-map-metrics/.out/index.html`);
  await page.waitForFunction(() => 'bench' in window);
  const r = await page.evaluate(([impl, url]) => window.bench[impl](url), [impl, `/bench/grid-map-metrics/.out/metrics-${N}.json`]);
  const mem = r.bytes ? `, store ${(r.bytes.total / 1e6).toFixed(1)} MB vs raw columns ${(r.bytes.raw / 1e6).toFixed(1)} MB (${(r.bytes.total / r.bytes.raw).toFixed(2)}×)` : '';
  console.log(`${impl.padEnd(7)} values usable after ${Math.round(r.ms)} ms${r.workerMs ? ` (worker ${Math.round(r.workerMs)} ms)` : ''}, longest main-thread frame ${Math.round(r.longestFrame)} ms, ${r.slots} slots, sample ${r.sample}${mem}`);
  await ctx.close();
}
await browser.close();
server.close();
