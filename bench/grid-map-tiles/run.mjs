#!/usr/bin/env node
// Benchmark for <civic-grid-map tiles="…"> on a synthetic 1,000,000-grid vector-tile set (issue 3, "Performance"):
//   - first complete picture, from navigation start (module download, worker start, first tiles, metrics) — goal < 3 s
//   - pan/zoom frame times (requestAnimationFrame intervals) for a scripted sequence: 60 frames of panBy at the
//     first view, easeTo zoom 7 → 12 over 3 s, 60 frames of panBy at zoom 12 — median and p95 per phase
//   - a check that the first (low-zoom) view draws parents (streets/communities), not grids
// for the element (z/x/y template with metrics.json; without metrics; optionally PMTiles / TileJSON) and raw
// maplibre-gl with plain fill + line layers on the same tiles. Medians of --runs (default 3), fresh context each;
// runs are interleaved (run 1 of every implementation, then run 2 …) and each row records the load average per run.
//
//   node bench/grid-map-tiles/run.mjs [--runs 3] [--n 1000000] [--impls element,element-nometrics,maplibre]
//                                     [--no-panzoom] [--regen] [--screenshots] [--before REV]
// --before REV: also runs every implementation but raw maplibre from the element sources of git revision REV, as
// `<impl>@before` rows interleaved with the current ones (a worktree of REV in /work/wt-million-bench, removed after).
// --screenshots: PNGs of raw maplibre and the element at zoom 7.3 / 10 / 12.5 / 14 (streets, communities, grids,
// overzoomed grids) into bench/grid-map-tiles/.out/shot-*.png, then exit — a visual check of the parent outlines.
//
// The tile set is made on first use (node scripts/make-grid-tiles.mjs --synthetic N --out bench/grid-map-tiles/.out,
// ≈1 min, ≈260 MB on disk for 1,000,000 grids). Results: bench/results/grid-map-tiles.json.
// Headless Chromium, WebGL on SwiftShader: absolute times are pessimistic against a real GPU; compare ratios.
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { serveFiles, launchBenchBrowser, median, percentile, bundleBenchPage } from '../lib/harness.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const here = fileURLToPath(new URL('./', import.meta.url));
const args = process.argv.slice(2);
const opt = (name, d) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : d;
};
const RUNS = Number(opt('runs', 3));
const N = Number(opt('n', 1000000));
const IMPLS = opt('impls', 'element-main,element,element-bin,element-nometrics,maplibre').split(',');
const PANZOOM = !args.includes('--no-panzoom');
const BEFORE = opt('before', undefined);
/** The commit REV named when the bench started (HEAD moves while others commit). */
let beforeRev = BEFORE;
const outRel = 'bench/grid-map-tiles/.out';
const out = join(root, outRel);

// ── the tile set ──
const stampFile = join(out, 'tiles.json');
const current = existsSync(stampFile) ? JSON.parse(readFileSync(stampFile, 'utf8')) : null;
if (args.includes('--regen') || !current || current.features?.grids !== N || !existsSync(join(out, 'metrics.json'))) {
  console.error(`making the ${N}-grid tile set (scripts/make-grid-tiles.mjs --synthetic ${N}) …`);
  const r = spawnSync(process.execPath, [join(root, 'scripts/make-grid-tiles.mjs'), '--synthetic', String(N), '--out', out], { stdio: 'inherit', cwd: root });
  if (r.status) process.exit(r.status);
}
if (!existsSync(join(out, 'metrics.cgmb'))) {
  // A tile set made before the binary metrics file: convert its metrics.json (≈ 25 s for a million rows).
  const r = spawnSync(process.execPath, [join(root, 'scripts/make-grid-tiles.mjs'), '--metrics-binary', join(out, 'metrics.json')], { stdio: 'inherit', cwd: root });
  if (r.status) process.exit(r.status);
}
const tj = JSON.parse(readFileSync(stampFile, 'utf8'));
// decode a sample of the tiles and compare them with the PMTiles archive (verify.mjs), before timing anything
{
  const v = spawnSync(process.execPath, [join(here, 'verify.mjs'), out], { cwd: root, encoding: 'utf8' });
  console.error(v.stdout.trim().split('\n').map((l) => `  ${l}`).join('\n'));
  if (v.status) process.exit(v.status);
}

// ── the page bundle (the element from src, like bench/grid-map) ──
await bundleBenchPage(join(here, 'page.ts'), { outdir: join(out, 'bundle'), splitting: true, external: ['maplibre-gl'], logLevel: 'error' });
// The element starts its metrics worker from new URL('./metrics-worker.ts', import.meta.url): serve a bundle there
// (without it the worker fails to start and the metrics fall back to the main thread; the page reports which ran).
await bundleBenchPage(join(root, 'src/components/grid-map/metrics-worker.ts'), { outfile: join(out, 'bundle', 'metrics-worker.js'), logLevel: 'error' });

// --before REV: the same page bundled from a worktree of REV, served as .out/before.html (its own bundle directory).
if (BEFORE) {
  const wt = '/work/wt-million-bench';
  const git = (...a) => {
    const r = spawnSync('git', a, { cwd: root, encoding: 'utf8' });
    if (r.status) throw new Error(`git ${a.join(' ')}: ${r.stderr}`);
    return r.stdout.trim();
  };
  if (existsSync(wt)) git('worktree', 'remove', '--force', wt);
  beforeRev = git('rev-parse', '--short', BEFORE);
  git('worktree', 'add', '-f', '--detach', wt, beforeRev);
  try {
    symlinkSync(join(root, 'node_modules'), join(wt, 'node_modules'));
    await bundleBenchPage(join(wt, 'bench/grid-map-tiles/page.ts'), { outdir: join(out, 'bundle-before'), splitting: true, external: ['maplibre-gl'], logLevel: 'error' });
    await bundleBenchPage(join(wt, 'src/components/grid-map/metrics-worker.ts'), { outfile: join(out, 'bundle-before', 'metrics-worker.js'), logLevel: 'error' });
    // The before page reads the metrics files its own tree writes (the binary format changed: version 2 since
    // 7b8b7ee), from .out/before/ beside links to the same tiles and metrics.json.
    mkdirSync(join(out, 'before'), { recursive: true });
    for (const f of ['tiles', 'metrics.json']) if (!existsSync(join(out, 'before', f))) symlinkSync(join('..', f), join(out, 'before', f));
    const w = spawnSync(process.execPath, [join(wt, 'scripts/make-grid-tiles.mjs'), '--metrics-binary', join(out, 'metrics.json'), '--out', join(out, 'before', 'metrics.cgmb')], { stdio: 'inherit', cwd: wt });
    if (w.status) throw new Error('the before tree could not write its metrics.cgmb');
  } finally {
    git('worktree', 'remove', '--force', wt);
    git('worktree', 'prune');
  }
  writeFileSync(join(out, 'before.html'), readFileSync(join(here, 'index.html'), 'utf8').replace('./.out/bundle/page.js', './bundle-before/page.js'));
  for (const impl of IMPLS.filter((x) => !x.startsWith('maplibre'))) IMPLS.push(`${impl}@before`);
}

let tileRequests = 0;
const { server, port } = await serveFiles(
  (p) => {
    const path = normalize(decodeURIComponent(p)).replace(/^(\.\.[/\\])+/, '');
    if (path.endsWith('favicon.ico')) return undefined;
    if (path.endsWith('/metrics-worker.ts')) return join(out, path.includes('/bundle-before/') ? 'bundle-before' : 'bundle', 'metrics-worker.js');
    const file = join(root, path);
    return file.startsWith(root) ? file : undefined;
  },
  { onRequest: (p) => (p.endsWith('.pbf') || p.endsWith('.pmtiles') ? tileRequests++ : 0) },
);
const browser = await launchBenchBrowser();
const query = `base=/${outRel}&minzoom=${tj.minzoom}&maxzoom=${tj.maxzoom}&bounds=${tj.bounds.join(',')}`;

if (args.includes('--screenshots')) {
  const [w, s_, e, n] = tj.bounds;
  const c = [(w + e) / 2, (s_ + n) / 2];
  for (const impl of ['maplibre', 'element']) {
    const page = await (await browser.newContext({ viewport: { width: 1000, height: 700 } })).newPage();
    await page.goto(`http://127.0.0.1:${port}/bench/grid-map-tiles/index.html?impl=${impl}&${query}`);
    await page.waitForFunction(() => 'benchFirst' in window, null, { timeout: 120000 });
    for (const z of [7.3, 10, 12.5, 14]) {
      await page.evaluate(([c, z]) => window.bench.jump(c, z), [c, z]);
      const file = join(out, `shot-${impl}-z${z}.png`);
      await page.screenshot({ path: file });
      console.log(file);
    }
  }
  await browser.close();
  server.close();
  process.exit(0);
}

const stats = (xs) => ({ median: median(xs), p95: percentile(xs, 95), frames: xs.length });
const results = [];
let failed = false;
// Interleaved like bench/grid-map: run 1 of every implementation, then run 2 …, so a change in the shared machine's
// load falls on every implementation alike (one implementation's runs back to back took a load swing alone).
const acc = new Map(
  IMPLS.map((impl) => [impl, { firsts: [], zooms: [], requests: [], marks: [], longest: [], longCounts: [], heaps: [], store: null, phases: { pan1: [], zoom: [], pan2: [] }, zoomWalls: [], check: null, error: '', loads: [] }]),
);
for (let i = 0; i < RUNS; i++) {
  for (const impl of IMPLS) {
    const a = acc.get(impl);
    if (a.error) continue; // a failed implementation is not run again
    const { firsts, zooms, requests, marks, longest, longCounts, heaps, phases, zoomWalls } = a;
    const ctx = await browser.newContext({ viewport: { width: 1000, height: 700 } });
    const page = await ctx.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    tileRequests = 0;
    try {
      const [kind, at] = impl.split('@');
      const q = at === 'before' ? query.replace(`base=/${outRel}`, `base=/${outRel}/before`) : query;
      await page.goto(`http://127.0.0.1:${port}/bench/grid-map-tiles/${at === 'before' ? '.out/before.html' : 'index.html'}?impl=${kind}&${q}`);
      await page.waitForFunction(() => 'benchFirst' in window, null, { timeout: 120000, polling: 50 });
      const r = await page.evaluate(() => window.benchFirst);
      if (r.error) throw new Error(r.error);
      if ((kind === 'element' || kind === 'element-bin') && !(r.loads?.worker > 0 && r.loads?.main === 0)) throw new Error(`metrics not loaded in the worker: ${JSON.stringify(r.loads)}`);
      firsts.push(r.first);
      zooms.push(r.zoom);
      longest.push(r.longest);
      longCounts.push(r.longTasks);
      if (r.store) a.store = r.store;
      // Main-thread JS heap after the first view, after a full GC (the worker's heap is not counted).
      const cdp = await ctx.newCDPSession(page);
      await cdp.send('HeapProfiler.collectGarbage');
      heaps.push((await cdp.send('Runtime.getHeapUsage')).usedSize);
      await cdp.detach();
      // workerJob: the metrics worker's own time for the job (fetch, parse, one-pass validate/join/pack), from its reply.
      marks.push({ ...(r.marks ?? {}), ...((kind === 'element' || kind === 'element-bin') && r.loads?.lastMs ? { workerJob: r.loads.lastMs, ...Object.fromEntries(Object.entries(r.loads.lastStages ?? {}).map(([k, v]) => [`worker.${k}`, v])), ...Object.fromEntries(Object.entries(r.loads.lastAt ?? {}).map(([k, v]) => [`worker.${k}At`, v])) } : {}) });
      requests.push(tileRequests);
      if (i === 0) a.check = await page.evaluate(() => window.bench.check());
      if (PANZOOM) {
        const pz = await page.evaluate(() => window.bench.panzoom());
        for (const k of Object.keys(phases)) phases[k].push(pz[k]);
        zoomWalls.push(pz.zoomWall);
      }
    } catch (e) {
      a.error = String(e).split('\n')[0];
      failed = true;
    }
    if (errors.length) console.error(`  ${impl} run ${i + 1}: ${errors[0]}`);
    await ctx.close();
    a.loads.push(loadavg()[0]);
  }
}
for (const impl of IMPLS) {
  const { firsts, zooms, requests, marks, longest, longCounts, heaps, store, phases, zoomWalls, check, error, loads } = acc.get(impl);
  // per phase: median over runs of each run's median / p95
  const phase = (k) => {
    const runs = phases[k].map(stats);
    return runs.length ? { median: median(runs.map((s) => s.median)), p95: median(runs.map((s) => s.p95)), frames: median(runs.map((s) => s.frames)) } : null;
  };
  const row = {
    impl,
    runs: firsts.length,
    first: median(firsts),
    firstAll: firsts.map((x) => Math.round(x)),
    zoomAtFirst: zooms.length ? Math.round(median(zooms) * 100) / 100 : null,
    tileRequestsAtFirst: requests.length ? median(requests) : null,
    longestTaskToFirst: longest.length ? Math.round(median(longest)) : null,
    longTasksToFirst: longCounts.length ? median(longCounts) : null,
    heapAfterFirstMB: heaps.length ? Math.round(median(heaps) / 1e5) / 10 : null,
    columnStore: store ? { totalMB: Math.round(store.total / 1e5) / 10, rawColumnsMB: Math.round(store.raw / 1e5) / 10, ratio: Math.round((store.total / store.raw) * 100) / 100 } : null,
    // milestones from navigation start, medians over the runs
    marks: Object.fromEntries(Object.keys(marks[0] ?? {}).map((k) => [k, Math.round(median(marks.map((m) => m[k]).filter(Number.isFinite)))])),
    pan1: phase('pan1'),
    zoom: phase('zoom'),
    zoomWall: zoomWalls.length ? median(zoomWalls) : null,
    pan2: phase('pan2'),
    check,
    error: error || undefined,
    loadAverages: loads.map((x) => Math.round(x * 10) / 10),
  };
  results.push(row);
  const f = (s) => (s ? `${s.median.toFixed(1)}/${s.p95.toFixed(1)} ms` : '—');
  console.error(`  ${impl.padEnd(18)} first ${row.first.toFixed(0)} ms (${row.firstAll.join(', ')}; ${Object.entries(row.marks).map(([k, v]) => `${k} ${v}`).join(', ')}), zoom ${row.zoomAtFirst}, ${row.tileRequestsAtFirst} tile requests; frames med/p95 pan ${f(row.pan1)}, zoom ${f(row.zoom)}, pan@z12 ${f(row.pan2)}${error ? `  ERROR ${error}` : ''}`);
  console.error(`  ${''.padEnd(18)} main thread to first view: longest task ${row.longestTaskToFirst} ms, ${row.longTasksToFirst} tasks > 50 ms; JS heap after GC ${row.heapAfterFirstMB} MB${row.columnStore ? `; metric columns ${row.columnStore.totalMB} MB vs raw columns ${row.columnStore.rawColumnsMB} MB (${row.columnStore.ratio}×)` : ''}`);
  if (check) console.error(`  ${''.padEnd(18)} first view: ${JSON.stringify(check.counts)} rendered at zoom ${check.zoom}`);
}
await browser.close();
server.close();

const base = results.find((r) => r.impl === 'maplibre');
const ratio = (a, b) => (a && b ? `${(a / b).toFixed(2)}×` : '');
console.log(`\n<civic-grid-map> vector tiles — ${N.toLocaleString('en')} synthetic grids, medians of ${RUNS} runs, headless Chromium, WebGL on SwiftShader\n`);
console.log('set-ups: element-main = metrics.json fetched, parsed and joined on the main thread (before the metrics worker); element = the');
console.log('         same in the metrics worker, columns transferred; element-bin = metrics.cgmb (binary, no JSON) in the metrics worker;');
console.log('         element-nometrics = tiles only; maplibre = raw maplibre-gl, plain fill + line layers.');
if (BEFORE) console.log(`         <impl>@before = the same page built from the element sources of ${beforeRev}, runs interleaved with the others.`);
console.log('| implementation | first picture (ms) | goal < 3000 | vs maplibre | longest main-thread task to first view (ms) | JS heap after GC (MB) | pan frame med / p95 (ms) | zoom 7→12 frame med / p95 (ms) | pan @z12 frame med / p95 (ms) | first view: rendered features by layer |');
console.log('|---|---:|---|---:|---:|---:|---:|---:|---:|---|');
for (const r of results) {
  const fr = (s) => (s ? `${s.median.toFixed(1)} / ${s.p95.toFixed(1)}` : '—');
  const counts = r.check ? Object.entries(r.check.counts).map(([k, v]) => `${k} ${v}`).join(', ') + ` (z${r.check.zoom})` : '—';
  console.log(`| ${r.impl}${r.error ? ' (failed)' : ''} | ${Number.isFinite(r.first) ? r.first.toFixed(0) : '—'} | ${r.first < 3000 ? 'met' : 'missed'} | ${r.impl === 'maplibre' ? '' : ratio(r.first, base?.first)} | ${r.longestTaskToFirst ?? '—'} | ${r.heapAfterFirstMB ?? '—'} | ${fr(r.pan1)} | ${fr(r.zoom)} | ${fr(r.pan2)} | ${counts} |`);
}
const parentsOk = results.filter((r) => r.check).every((r) => !r.check.counts.grids && (r.check.counts.streets || r.check.counts.communities));
console.log(`\nfirst view shows parents only (no grids): ${parentsOk ? 'yes' : 'NO'}`);

mkdirSync(join(root, 'bench/results'), { recursive: true });
const resultFile = BEFORE ? 'bench/results/grid-map-tiles-ab.json' : 'bench/results/grid-map-tiles.json';
writeFileSync(
  join(root, resultFile),
  `${JSON.stringify({ bench: 'grid-map-tiles', grids: N, runs: RUNS, ...(BEFORE ? { before: beforeRev } : {}), tileset: { minzoom: tj.minzoom, maxzoom: tj.maxzoom, bounds: tj.bounds, vector_layers: tj.vector_layers.map(({ id, minzoom, maxzoom }) => ({ id, minzoom, maxzoom })) }, environment: 'headless Chromium, WebGL on SwiftShader (software)', loadAverage: loadavg().map((x) => Math.round(x * 100) / 100), parentsOnlyAtFirstView: parentsOk, results }, null, 2)}\n`,
);
console.log(`wrote ${resultFile}`);
process.exit(failed ? 1 : 0);
