#!/usr/bin/env node
// Benchmark for <civic-grid-map>: time to first complete picture and recolour time for 410 / 5,000 / 50,000 hex
// grids — the element (auto, webgl, canvas) vs raw maplibre-gl vs a plain d3-geo canvas draw — medians of 5 runs,
// each run in a fresh browser context (so module download/parse is included for both maplibre variants).
// Pan/zoom: for every implementation drawing with maplibre (element-webgl, element-auto when it chose WebGL, raw
// maplibre) at the --panzoom-sizes, the same page then drives the map (60 frames of panBy, an easeTo two zoom levels
// in over 2 s, 60 more frames of panBy) and records requestAnimationFrame intervals: median and p95 per run, and the
// medians of those over the runs. Results: bench/results/grid-map.json.
//
//   node bench/grid-map/run.mjs [--runs 5] [--sizes 410,5000,50000] [--panzoom-sizes 5000,50000] [--impls …]
//   … --before <git revision> [--before-files src/a.ts,src/b.ts]: a second page bundle in which those files (default
//   the WebGL renderer) are that revision's; an impl named `<impl>@before` runs there, interleaved with the rest, e.g.
//   --sizes 50000 --impls element-webgl@before,element-webgl,maplibre --panzoom-sizes '' --before HEAD
//
// Headless Chromium from /usr/bin/chromium (or $CHROME_PATH) via playwright-core; WebGL on SwiftShader, so
// maplibre's absolute numbers are pessimistic against a real GPU: compare ratios within one run.
import { createServer } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { bundleBenchPage } from '../lib/harness.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const here = fileURLToPath(new URL('./', import.meta.url));
const arg = (name, d) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : d;
};
const RUNS = Number(arg('runs', 5));
const SIZES = arg('sizes', '410,5000,50000').split(',').map(Number);
const IMPLS = arg('impls', 'element-auto,element-webgl,element-canvas,maplibre,echarts,d3-canvas,maplibre-match').split(',');

/** What each implementation is, printed with every table (the baselines are set up as an expert of each library would). */
const SETUP = {
  'element-auto': '<civic-grid-map renderer="auto">: geometry + metrics as properties, metric a then b (whenDrawn() + one frame)',
  'element-webgl': '<civic-grid-map renderer="webgl"> (maplibre-gl inside), same data',
  'element-canvas': '<civic-grid-map renderer="canvas"> (d3-geo on a 2D canvas inside), same data',
  maplibre: 'raw maplibre-gl (EXPERT set-up): values copied into each feature\'s properties, one geojson source, one fill layer with fill-color = step(["get", key]) at the 4 quantile breaks, one line layer for outlines; recolour = setPaintProperty(step(["get", "b"])), until "idle"',
  echarts: 'ECharts 6.1 (canvas renderer, animation off): registerMap(geojson), one map series (nameProperty code, emphasis/select off), piecewise visualMap at the same quantile breaks; recolour = setOption with b, until "finished"',
  'd3-canvas': 'plain d3-geo canvas: geoPath on a 2D context, one fill per grid from a quantile scale, outlines stroked 1,000 grids per path (one path of all outlines took 13-17 s to stroke at 50,000 in this Chromium)',
  'maplibre-match': 'EXTRA, not an expert set-up: raw maplibre-gl with fill-color = match(["get", "code"], …one entry per grid…)',
};
const PANZOOM_SIZES = arg('panzoom-sizes', '5000,50000').split(',').filter(Boolean).map(Number);

await mkdir(join(here, '.out'), { recursive: true });
await bundleBenchPage(join(here, 'page.ts'), { outdir: join(here, '.out'), splitting: true, external: ['maplibre-gl'], logLevel: 'error' });
const BEFORE = arg('before', '');
if (BEFORE) {
  const { execFileSync } = await import('node:child_process');
  const files = arg('before-files', 'src/components/grid-map/renderers/maplibre-renderer.ts').split(',');
  const old = new Map(files.map((f) => [join(root, f), execFileSync('git', ['show', `${BEFORE}:${f}`], { cwd: root, encoding: 'utf8' })]));
  const { dirname } = await import('node:path');
  const swap = {
    name: 'before',
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, (a) => (old.has(a.path) ? { contents: old.get(a.path), loader: 'ts', resolveDir: dirname(a.path) } : undefined));
    },
  };
  await bundleBenchPage(join(here, 'page.ts'), { outdir: join(here, '.out', 'before'), splitting: true, external: ['maplibre-gl'], logLevel: 'error', plugins: [swap] });
  for (const impl of IMPLS) if (impl.endsWith('@before')) SETUP[impl] = `${SETUP[impl.replace('@before', '')]} — with ${files.join(', ')} as at ${BEFORE}`;
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.json': 'application/json', '.css': 'text/css' };
const maplibreRequests = [];
const server = createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  if (path.endsWith('favicon.ico')) return void res.writeHead(204).end();
  const file = join(root, path);
  if (!file.startsWith(root) || !existsSync(file)) {
    res.writeHead(404).end();
    return;
  }
  if (/maplibre-gl/.test(path)) maplibreRequests.push(path);
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
  res.end(await readFile(file));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const port = server.address().port;

const launch = () => chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage',
    '--disable-accelerated-2d-canvas', '--disable-gpu-rasterization',
  ],
});
let browser = await launch();

if (process.argv.includes('--screenshots')) {
  // Visual check of the demo data: node bench/grid-map/run.mjs --screenshots → bench/grid-map/.out/demo-*.png
  const shots = [
    ['canvas', {}],
    ['webgl', {}],
    ['canvas', { focus: '500118111', metric: 'points', classification: 'thresholds', thresholds: '5,9', 'class-labels': '促进户,文明清洁户,示范文明清洁户' }],
    ['canvas', { level: 'community', lang: 'en', theme: 'dark' }],
  ];
  for (const [i, [renderer, attrs]] of shots.entries()) {
    const page = await (await browser.newContext({ viewport: { width: 1000, height: 800 } })).newPage();
    page.on('pageerror', (e) => console.error(String(e)));
    await page.goto(`http://127.0.0.1:${port}/bench/grid-map/index.html`);
    await page.waitForFunction(() => 'bench' in window);
    const r = await page.evaluate(([renderer, attrs]) => window.bench.demo(renderer, attrs), [renderer, attrs]);
    const file = join(here, '.out', `demo-${i}-${r.active}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
  }
  await browser.close();
  server.close();
  process.exit(0);
}

const median = (xs) => {
  const s = xs.slice().sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const percentile = (xs, p) => {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};

// Runs are interleaved (run 1 of every implementation, then run 2 …), so a load that changes during the bench (a
// shared machine) falls on every implementation alike rather than on whichever ran last; each sample records the
// 1-minute load average when it started.
const { loadavg: sampleLoad } = await import('node:os');
const cells = [];
for (const n of SIZES)
  for (const impl of IMPLS) {
    if (impl === 'element-canvas' && n > 50000) continue;
    cells.push({ n, impl, firsts: [], recolours: [], loads: [], pz: { panMedian: [], panP95: [], zoomMedian: [], zoomP95: [] }, active: '', mlReq: 0 });
  }
for (let i = 0; i < RUNS; i++) {
  for (const cell of cells) {
    const { n, impl, firsts, recolours, pz } = cell;
    cell.loads.push(Math.round(sampleLoad()[0] * 10) / 10);
    {
      const ctx = await browser.newContext({ viewport: { width: 1000, height: 800 } });
      const page = await ctx.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      maplibreRequests.length = 0;
      const before = impl.endsWith('@before');
      await page.goto(`http://127.0.0.1:${port}/bench/grid-map/index.html${before ? '?out=before' : ''}`);
      await page.waitForFunction(() => 'bench' in window);
      let r;
      try {
        r = await page.evaluate(([impl, n]) => window.bench.run(impl, n), [impl.replace('@before', ''), n]);
      } catch (e) {
        // A baseline that crashes its page (ECharts at 50,000 regions ran out of memory here) is reported, not fatal.
        console.error(`  ${impl} ${n}: failed — ${String(e).split('\n')[0]}`);
        await ctx.close().catch(() => undefined);
        if (!browser.isConnected()) browser = await launch();
        firsts.push(NaN);
        recolours.push(NaN);
        cell.active = 'failed';
        continue;
      }
      cell.mlReq = maplibreRequests.length;
      if (errors.length) console.error(`  ${impl} ${n}: ${errors[0]}`);
      firsts.push(r.first);
      recolours.push(r.recolour);
      cell.active = r.active;
      console.error(`  run ${i + 1} ${String(n).padStart(6)} ${impl.padEnd(15)} first ${Math.round(r.first)} ms, recolour ${Math.round(r.recolour)} ms (load ${cell.loads[i]})`);
      if (PANZOOM_SIZES.includes(n) && (impl === 'maplibre' || (impl.startsWith('element') && r.active === 'webgl'))) {
        const f = await page.evaluate(() => window.bench.panzoom());
        if (f) {
          pz.panMedian.push(median(f.pan));
          pz.panP95.push(percentile(f.pan, 95));
          pz.zoomMedian.push(median(f.zoom));
          pz.zoomP95.push(percentile(f.zoom, 95));
        }
      }
      await ctx.close();
    }
  }
}
const results = [];
for (const { n, impl, firsts, recolours, loads, pz, active, mlReq } of cells) {
  const ok = (xs) => xs.filter(Number.isFinite);
  const row = { n, impl, active, first: ok(firsts).length ? median(ok(firsts)) : NaN, recolour: ok(recolours).length ? median(ok(recolours)) : NaN, maplibreRequests: mlReq, firstAll: firsts.map(Math.round), recolourAll: recolours.map(Math.round), loadAtStart: loads };
  if (pz.panMedian.length) {
    row.panFrame = median(pz.panMedian);
    row.panFrameP95 = median(pz.panP95);
    row.zoomFrame = median(pz.zoomMedian);
    row.zoomFrameP95 = median(pz.zoomP95);
  }
  results.push(row);
  const pzText = row.panFrame ? `, pan frame ${row.panFrame.toFixed(1)}/${row.panFrameP95.toFixed(1)} ms, zoom frame ${row.zoomFrame.toFixed(1)}/${row.zoomFrameP95.toFixed(1)} ms (median/p95)` : '';
  console.error(`  ${String(n).padStart(6)} ${impl.padEnd(15)} first ${row.first.toFixed(0)} ms, recolour ${row.recolour.toFixed(0)} ms${pzText} (${active}${mlReq ? `, ${mlReq} maplibre requests` : ', maplibre not loaded'})`);
}
await browser.close();
server.close();

console.log(`\n<civic-grid-map> bench — medians of ${RUNS} interleaved runs, headless Chromium, WebGL on SwiftShader\n`);
console.log('Set-ups (every implementation times module load + data preparation + first picture, in a fresh context):');
for (const impl of IMPLS) console.log(`- ${impl}: ${SETUP[impl] ?? '?'}`);
console.log('');
console.log('| grids | implementation | renderer | first picture (ms) | recolour (ms) | vs maplibre first | vs maplibre recolour | maplibre loaded |');
console.log('|---:|---|---|---:|---:|---:|---:|---|');
for (const r of results) {
  const base = results.find((b) => b.n === r.n && b.impl === 'maplibre');
  const ratio = (a, b) => (b ? `${(a / b).toFixed(2)}×` : '');
    if (!Number.isFinite(r.first)) {
      console.log(`| ${r.n} | ${r.impl} | failed (page crashed) | | | | | |`);
      continue;
    }
  console.log(`| ${r.n} | ${r.impl} | ${r.active} | ${r.first.toFixed(0)} | ${r.recolour.toFixed(0)} | ${ratio(r.first, base?.first)} | ${ratio(r.recolour, base?.recolour)} | ${r.maplibreRequests ? 'yes' : 'no'} |`);
}
const withPz = results.filter((r) => r.panFrame !== undefined);
if (withPz.length) {
  console.log(`\nPan/zoom frame time (requestAnimationFrame intervals; medians over ${RUNS} runs of each run's median and p95)\n`);
  console.log('| grids | implementation | pan frame median (ms) | pan p95 (ms) | zoom frame median (ms) | zoom p95 (ms) | pan vs maplibre | zoom vs maplibre | goal ≤ 1.25× |');
  console.log('|---:|---|---:|---:|---:|---:|---:|---:|---|');
  for (const r of withPz) {
    const b = withPz.find((x) => x.n === r.n && x.impl === 'maplibre');
    const pr = b ? r.panFrame / b.panFrame : NaN, zr = b ? r.zoomFrame / b.zoomFrame : NaN;
    const goal = r.impl === 'maplibre' || !b ? '' : pr <= 1.25 && zr <= 1.25 ? 'met' : 'missed';
    console.log(`| ${r.n} | ${r.impl} | ${r.panFrame.toFixed(1)} | ${r.panFrameP95.toFixed(1)} | ${r.zoomFrame.toFixed(1)} | ${r.zoomFrameP95.toFixed(1)} | ${b && r !== b ? `${pr.toFixed(2)}×` : ''} | ${b && r !== b ? `${zr.toFixed(2)}×` : ''} | ${goal} |`);
  }
}
const { writeFile } = await import('node:fs/promises');
const { loadavg } = await import('node:os');
await mkdir(join(root, 'bench/results'), { recursive: true });
const OUT = BEFORE ? 'bench/results/grid-map-ab.json' : 'bench/results/grid-map.json';
await writeFile(join(root, OUT), `${JSON.stringify({ bench: 'grid-map', before: BEFORE || undefined, runs: RUNS, sizes: SIZES, panzoomSizes: PANZOOM_SIZES, environment: 'headless Chromium, WebGL on SwiftShader (software)', loadAverage: loadavg().map((x) => Math.round(x * 100) / 100), results }, null, 2)}\n`);
console.log(`wrote ${OUT}`);
