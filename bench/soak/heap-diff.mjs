#!/usr/bin/env node
// Heap investigation for the soak wall (issue 7): what, if anything, accumulates while every element polls?
//
//   node bench/soak/heap-diff.mjs                                   src build, snapshots at 60,180,300 s
//   node bench/soak/heap-diff.mjs --build dist --at 60,300,600      the shipped IIFE (minified: class names mangled)
//   node bench/soak/heap-diff.mjs --sample 30 --seconds 900 --at 0  heap time series only (no snapshots)
//   node bench/soak/heap-diff.mjs --mute-console                    console.* replaced by no-ops in the page
//   --fail-every N                 answer every Nth data request with 503 (error / stale paths, console.warn)
//   --in-page-gc                   also read usedJSHeapSize right after gc() inside the page (one task, no allocation between)
//   --shifts                       at the end, list the layout-shift sources (what moves on every poll)
//   --split                        snapshot at every sample too: self size of V8 data vs compiled code vs Blink
//   --js-flags '--no-opt --no-maglev'   V8 flags (e.g. to tell JIT-compiled code from data)
//   --out bench/results/x.json     where the time series goes (default bench/results/soak-heap.json)
//   node bench/soak/heap-diff.mjs --analyse a.heapsnapshot b.heapsnapshot [c.heapsnapshot]   offline diff
//
// Serves the same wall page as bench/soak/run.mjs (every element inside <civic-screen>, poll-interval 1, numbers
// nudged on each request). --build src (default) bundles src/ with esbuild (keepNames, so constructor names are
// readable) into $TMPDIR/civic-soak-src/; --build dist loads dist/civic-widgets.iife.js as run.mjs does.
// Every --sample seconds: forced GC (HeapProfiler.collectGarbage) and JSHeapUsedSize / DOM nodes / listeners.
// At each --at second: a heap snapshot (written to --dir, default /tmp/civic-soak-heap). Afterwards:
//   - per "type:constructor" count and self size in each snapshot and the change between the first and last;
//   - with three or more snapshots, the objects allocated between the first and second snapshot that are still
//     alive in the last one (node ids are stable within one profiling session), grouped, each group with the
//     shortest retainer path from a GC root — that is what holds the growth.
// Console messages the page logs are counted: V8's inspector keeps the arguments of the last 1,000 console messages
// alive (retainer "(Global handles) / DevTools console" in a snapshot), so a failing source that warns on every poll
// shows a small, bounded growth of strings that is the console's, not the library's (--mute-console to rule it out).
//
// Findings (2026-11-27, see the report of issue 7): over 60 → 600 s the V8 data (objects, arrays, strings, closures,
// shapes) stays flat (3.81 → 3.74 MB, src build); what grows is compiled code (5.30 → 6.00 MB: Maglev/TurboFan code
// for maplibre's render loop and the elements' update paths, levelling off), plus Blink-side DevTools Network records
// and performance-timeline buffers that are not in JSHeapUsedSize. JSHeapUsedSize read over CDP jumps ±0.5–1 MB
// between samples (the page keeps polling and drawing between the CDP GC and the read; gc() + read in one task,
// --in-page-gc, is smooth to ±0.1 MB), so compare snapshot figures or medians, never two single reads.
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';

const root = fileURLToPath(new URL('../../', import.meta.url));
const args = process.argv.slice(2);
const opt = (name, d) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : d;
};
const flag = (name) => args.includes(`--${name}`);

// ───────────────────────── snapshot parsing ─────────────────────────
function loadSnapshot(file) {
  const s = JSON.parse(readFileSync(file, 'utf8'));
  const m = s.snapshot.meta;
  const nf = m.node_fields, ef = m.edge_fields;
  const NF = nf.length, EF = ef.length;
  const nTypes = m.node_types[0], eTypes = m.edge_types[0];
  const iType = nf.indexOf('type'), iName = nf.indexOf('name'), iId = nf.indexOf('id'), iSize = nf.indexOf('self_size'), iEc = nf.indexOf('edge_count');
  const eType = ef.indexOf('type'), eName = ef.indexOf('name_or_index'), eTo = ef.indexOf('to_node');
  const nodes = s.nodes, edges = s.edges, strings = s.strings;
  const count = nodes.length / NF;
  const firstEdge = new Uint32Array(count + 1);
  for (let i = 0, e = 0; i < count; i++) {
    firstEdge[i] = e;
    e += nodes[i * NF + iEc] * EF;
    firstEdge[i + 1] = e;
  }
  const type = (i) => nTypes[nodes[i * NF + iType]];
  const name = (i) => strings[nodes[i * NF + iName]];
  const id = (i) => nodes[i * NF + iId];
  const size = (i) => nodes[i * NF + iSize];
  const key = (i) => {
    const t = type(i);
    if (t === 'object' || t === 'closure' || t === 'native' || t === 'synthetic') return `${t}:${name(i)}`;
    if (t === 'hidden' || t === 'array' || t === 'code') return `${t}:${name(i).slice(0, 60)}`;
    return t; // strings, numbers…
  };
  return { nodes, edges, strings, NF, EF, count, firstEdge, type, name, id, size, key, eTypes, eType, eName, eTo };
}

/** Self size by node type (MB): V8 data (objects, arrays, strings…), compiled code, and Blink (native) objects. */
function typeTotals(file) {
  const s = JSON.parse(readFileSync(file, 'utf8'));
  const m = s.snapshot.meta, NF = m.node_fields.length, types = m.node_types[0];
  const iType = m.node_fields.indexOf('type'), iSize = m.node_fields.indexOf('self_size');
  const t = { data: 0, code: 0, native: 0 };
  for (let i = 0; i < s.nodes.length; i += NF) {
    const ty = types[s.nodes[i + iType]];
    t[ty === 'code' ? 'code' : ty === 'native' ? 'native' : 'data'] += s.nodes[i + iSize];
  }
  for (const k in t) t[k] = +(t[k] / 1048576).toFixed(3);
  return t;
}

function aggregate(h, filter) {
  const agg = new Map();
  for (let i = 0; i < h.count; i++) {
    if (filter && !filter(i)) continue;
    const k = h.key(i);
    const a = agg.get(k) ?? { count: 0, size: 0, sample: i };
    a.count++;
    a.size += h.size(i);
    agg.set(k, a);
  }
  return agg;
}

/** Shortest path from the snapshot root to node `target` (BFS over strong edges), as readable text. */
function retainerPath(h, target) {
  // Build reverse adjacency lazily once per snapshot.
  if (!h.rev) {
    const counts = new Uint32Array(h.count + 1);
    for (let i = 0; i < h.count; i++)
      for (let e = h.firstEdge[i]; e < h.firstEdge[i + 1]; e += h.EF) counts[h.edges[e + h.eTo] / h.NF + 1]++;
    for (let i = 0; i < h.count; i++) counts[i + 1] += counts[i];
    const from = new Uint32Array(counts[h.count]), edgeAt = new Uint32Array(counts[h.count]);
    const fill = counts.slice();
    for (let i = 0; i < h.count; i++)
      for (let e = h.firstEdge[i]; e < h.firstEdge[i + 1]; e += h.EF) {
        const to = h.edges[e + h.eTo] / h.NF;
        from[fill[to]] = i;
        edgeAt[fill[to]++] = e;
      }
    // Distances from the root (node 0) over non-weak edges.
    const dist = new Int32Array(h.count).fill(-1);
    dist[0] = 0;
    const q = new Uint32Array(h.count);
    let qh = 0, qt = 0;
    q[qt++] = 0;
    while (qh < qt) {
      const i = q[qh++];
      for (let e = h.firstEdge[i]; e < h.firstEdge[i + 1]; e += h.EF) {
        if (h.eTypes[h.edges[e + h.eType]] === 'weak') continue;
        const to = h.edges[e + h.eTo] / h.NF;
        if (dist[to] < 0) {
          dist[to] = dist[i] + 1;
          q[qt++] = to;
        }
      }
    }
    h.rev = { counts, from, edgeAt, dist };
  }
  const { counts, from, edgeAt, dist } = h.rev;
  const parts = [];
  let cur = target;
  for (let guard = 0; guard < 40 && cur !== 0; guard++) {
    let best = -1, bestE = -1;
    for (let r = counts[cur]; r < counts[cur + 1]; r++) {
      const f = from[r], e = edgeAt[r];
      if (h.eTypes[h.edges[e + h.eType]] === 'weak' || dist[f] < 0) continue;
      if (best < 0 || dist[f] < dist[best]) {
        best = f;
        bestE = e;
      }
    }
    if (best < 0) {
      parts.push('(unreachable)');
      break;
    }
    const et = h.eTypes[h.edges[bestE + h.eType]];
    const en = h.edges[bestE + h.eName];
    const label = et === 'element' || et === 'hidden' ? `[${en}]` : `.${h.strings[en]}`;
    parts.push(`${label} ← ${h.key(best)}`);
    cur = best;
  }
  return `${h.key(target)} ${parts.join(' ')}`;
}

function analyse(files, out = console.log) {
  const snaps = files.map((f) => {
    out(`reading ${f}`);
    return loadSnapshot(f);
  });
  const first = snaps[0], last = snaps[snaps.length - 1];
  const aggs = snaps.map((h) => aggregate(h));
  const total = (h) => {
    let s = 0;
    for (let i = 0; i < h.count; i++) s += h.size(i);
    return s;
  };
  out(`\nTotals: ${snaps.map((h) => `${h.count} objects / ${(total(h) / 1048576).toFixed(2)} MB`).join('  →  ')}`);
  const keys = new Set([...aggs[0].keys(), ...aggs[aggs.length - 1].keys()]);
  const rows = [...keys].map((k) => {
    const per = aggs.map((a) => a.get(k) ?? { count: 0, size: 0 });
    return { k, per, dSize: per[per.length - 1].size - per[0].size, dCount: per[per.length - 1].count - per[0].count };
  });
  rows.sort((a, b) => Math.abs(b.dSize) - Math.abs(a.dSize));
  out('\nLargest changes in self size, first → last snapshot (type:constructor, count, KB per snapshot):');
  for (const r of rows.slice(0, Number(opt('top', 30))))
    out(`  ${(r.dSize >= 0 ? '+' : '') + (r.dSize / 1024).toFixed(1)} KB ${(r.dCount >= 0 ? '+' : '') + r.dCount} objs  ${r.k.slice(0, 70).padEnd(70)} ${r.per.map((p) => `${p.count}/${(p.size / 1024).toFixed(0)}K`).join(' → ')}`);

  if (snaps.length >= 3) {
    const idsA = new Set();
    for (let i = 0; i < first.count; i++) idsA.add(first.id(i));
    const mid = snaps[1];
    const idsB = new Set();
    for (let i = 0; i < mid.count; i++) if (!idsA.has(mid.id(i))) idsB.add(mid.id(i));
    const survivors = aggregate(last, (i) => idsB.has(last.id(i)));
    let sc = 0, ss = 0;
    for (const v of survivors.values()) {
      sc += v.count;
      ss += v.size;
    }
    out(`\nAllocated between snapshot 1 and 2 and still alive in snapshot ${snaps.length}: ${sc} objects, ${(ss / 1024).toFixed(1)} KB self size`);
    const top = [...survivors.entries()].sort((a, b) => b[1].size - a[1].size).slice(0, Number(opt('top-survivors', 15)));
    for (const [k, v] of top) {
      out(`  ${(v.size / 1024).toFixed(1).padStart(8)} KB ${String(v.count).padStart(6)}×  ${k.slice(0, 80)}`);
      out(`        path: ${retainerPath(last, v.sample).slice(0, 600)}`);
    }
  }
  return { rows };
}

if (flag('analyse')) {
  const files = args.filter((a) => a.endsWith('.heapsnapshot'));
  analyse(files);
  process.exit(0);
}

// ───────────────────────── the run ─────────────────────────
const { chromium } = await import('playwright-core');
const { findChrome, CHROME_ARGS } = await import('../../scripts/chrome.mjs');
const BUILD = opt('build', 'src');
const AT = opt('at', '60,180,300').split(',').map(Number).filter((x) => x > 0);
const SECONDS = Number(opt('seconds', Math.max(0, ...AT)));
const SAMPLE = Number(opt('sample', 30));
const DIR = opt('dir', '/tmp/civic-soak-heap');
const MUTE = flag('mute-console');
const SPLIT = flag('split');
const FAIL_EVERY = Number(opt('fail-every', 0));
const IN_PAGE_GC = flag('in-page-gc');
mkdirSync(DIR, { recursive: true });

let script = '/dist/civic-widgets.iife.js';
const OUT = join(tmpdir(), 'civic-soak-src'); // the src bundle, served as /__src/
let importMap = '';
if (BUILD === 'src') {
  const { build } = await import('esbuild');
  const out = OUT;
  mkdirSync(out, { recursive: true });
  const common = { bundle: true, target: 'es2020', tsconfig: join(root, 'tsconfig.json'), logLevel: 'error', keepNames: true, ignoreAnnotations: true, define: { 'import.meta.env.DEV': 'false' } };
  await build({ ...common, entryPoints: [join(root, 'src/iife.ts')], outdir: out, format: 'esm', splitting: true, external: ['maplibre-gl'] });
  // The chain graph's layout worker: new URL('./chain-graph.worker.ts', import.meta.url) next to the chunks.
  await build({ ...common, entryPoints: [join(root, 'src/components/chain-graph/chain-graph.worker.ts')], outfile: join(out, 'chain-graph.worker.ts'), format: 'esm' });
  script = '/__src/iife.js';
  importMap = `<script type="importmap">{"imports":{"maplibre-gl":"/node_modules/maplibre-gl/dist/maplibre-gl.mjs"}}</script>`;
}
const scriptTag = BUILD === 'src' ? `${importMap}<script type="module" src="${script}"></script>` : `<script src="${script}"></script>`;

let hits = 0;
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.ts': 'text/javascript', '.mjs': 'text/javascript', '.json': 'application/json', '.geojson': 'application/json' };
const jitter = (v, k) => {
  if (Array.isArray(v)) return v.map((x) => jitter(x, k));
  if (v && typeof v === 'object') {
    const o = {};
    for (const [key, x] of Object.entries(v)) o[key] = ['value', 'households', 'issuesResolved', 'volunteers'].includes(key) && typeof x === 'number' ? Math.round(x * (1 + ((k % 7) - 3) / 100)) : jitter(x, k);
    return o;
  }
  return v;
};
const MUTER = MUTE ? `<script>for (const k of ['log','info','warn','error','debug']) console[k] = () => {};</script>` : '';
const WALL = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><link rel="icon" href="data:,">
${MUTER}${scriptTag}
<style>html,body{margin:0;height:100%}civic-screen{width:100vw;height:100vh;--civic-screen-columns:480px 1fr 520px;--civic-screen-rows:1fr 1fr 300px;--civic-screen-areas:'kpi map chain' 'kpi map chain2' 'rank growth growth2'}
.kpi{grid-area:kpi}.map{grid-area:map}.chain{grid-area:chain}.chain2{grid-area:chain2}.rank{grid-area:rank}.growth{grid-area:growth}.growth2{grid-area:growth2}</style></head><body>
<civic-screen heading="soak" tour="3">
<civic-kpi-grid class="kpi" src="/soak/kpis.json" poll-interval="1" linked></civic-kpi-grid>
<civic-grid-map class="map" renderer="webgl" geometry-src="/demo/data/grids.geojson" src="/soak/grid-metrics.json" poll-interval="1"></civic-grid-map>
<civic-chain-graph class="chain" src="/soak/chains.json" chain="auto" poll-interval="1"></civic-chain-graph>
<civic-chain-graph class="chain2" src="/soak/chains.json" chain="equip" layout="radial" poll-interval="1"></civic-chain-graph>
<civic-rank-board class="rank" src="/soak/rank-communities.json" poll-interval="1" linked></civic-rank-board>
<civic-growth-chart class="growth" src="/soak/growth.json" kind="value-growth" series="gdp" poll-interval="1"></civic-growth-chart>
<civic-growth-chart class="growth2" src="/soak/growth.json" kind="compare" poll-interval="1"></civic-growth-chart>
</civic-screen></body></html>`;

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  if (url.pathname === '/wall.html') return void res.writeHead(200, { 'content-type': 'text/html' }).end(WALL);
  if (url.pathname.startsWith('/soak/')) {
    hits++;
    if (FAIL_EVERY > 0 && hits % FAIL_EVERY === 0) return void res.writeHead(503).end('busy');
    const file = join(root, 'demo/data', url.pathname.slice(6));
    if (!existsSync(file)) return void res.writeHead(404).end();
    return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(jitter(JSON.parse(readFileSync(file, 'utf8')), hits)));
  }
  const p = url.pathname.startsWith('/__src/') ? normalize(join(OUT, url.pathname.slice(7))) : normalize(join(root, decodeURIComponent(url.pathname)));
  if (!(p.startsWith(root) || p.startsWith(OUT)) || !existsSync(p)) return void res.writeHead(404).end();
  res.writeHead(200, { 'content-type': TYPES[extname(p)] ?? 'application/octet-stream' }).end(readFileSync(p));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({ executablePath: findChrome() ?? '/usr/bin/chromium', args: [...CHROME_ARGS, '--disable-accelerated-2d-canvas', '--disable-gpu-rasterization', ...(opt('js-flags') || IN_PAGE_GC ? [`--js-flags=${[opt('js-flags'), IN_PAGE_GC ? '--expose-gc' : ''].filter(Boolean).join(' ')}`] : []), ...(IN_PAGE_GC ? ['--enable-precise-memory-info'] : [])], headless: true });
const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
const consoleCounts = {};
const consoleSamples = new Map();
page.on('console', (m) => {
  consoleCounts[m.type()] = (consoleCounts[m.type()] ?? 0) + 1;
  const t = m.text().slice(0, 160);
  consoleSamples.set(t, (consoleSamples.get(t) ?? 0) + 1);
});
const errors = [];
page.on('pageerror', (e) => errors.push(e.message));
const cdp = await page.context().newCDPSession(page);
await cdp.send('Performance.enable');
await cdp.send('HeapProfiler.enable');

async function measure() {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
  const r = { heapMB: +(m.JSHeapUsedSize / 1048576).toFixed(3), nodes: m.Nodes, listeners: m.JSEventListeners };
  // gc() and the read in one task: nothing can allocate in between (needs --expose-gc, precise memory info).
  if (IN_PAGE_GC) r.inPageMB = +((await page.evaluate(() => (window.gc(), performance.memory.usedJSHeapSize))) / 1048576).toFixed(3);
  return r;
}
async function snapshot(file) {
  const chunks = [];
  const onChunk = (p) => chunks.push(p.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false, captureNumericValue: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  writeFileSync(file, chunks.join(''));
}

if (flag('shifts'))
  // Which elements move on every poll. Only names are kept (no nodes), but it still adds a little to the heap.
  await page.addInitScript(() => {
    const acc = (window.__shifts = { entries: 0, by: {} });
    const name = (n) => {
      if (!n) return '(gone)';
      const host = n.getRootNode && n.getRootNode().host;
      const cls = n.nodeType === 1 && typeof n.className === 'string' && n.className ? `.${n.className.split(' ')[0]}` : '';
      const self = n.nodeType === 1 ? `${n.localName}${n.getAttribute('part') ? `[part=${n.getAttribute('part')}]` : cls}` : n.nodeName;
      return host ? `${host.localName}${host.className ? `.${host.className.split(' ')[0]}` : ''} › ${self}` : self;
    };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        acc.entries++;
        for (const src of e.sources ?? []) {
          // Nodes inside shadow roots are not exposed (node is null): name the wall element the rect lies in.
          let k = name(src.node);
          if (!src.node) {
            const r = src.currentRect.width ? src.currentRect : src.previousRect;
            const cx = r.x + r.width / 2, cy = r.y + r.height / 2;
            const owner = [...document.querySelectorAll('civic-screen > *')].find((el) => {
              const b = el.getBoundingClientRect();
              return cx >= b.left && cx <= b.right && cy >= b.top && cy <= b.bottom;
            });
            k = `${owner ? `${owner.localName}.${owner.className}` : 'civic-screen'} › shadow node ${Math.round(r.width)}×${Math.round(r.height)} px`;
          }
          const v = (acc.by[k] = acc.by[k] ?? { n: 0, value: 0 });
          v.n++;
          v.value += e.value;
        }
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
const t0 = Date.now();
const hits0 = hits;
await page.goto(`${base}/wall.html`, { waitUntil: 'load' });
const series = [];
const files = [];
const events = [...new Set([...AT, ...Array.from({ length: Math.floor(SECONDS / SAMPLE) }, (_, i) => (i + 1) * SAMPLE)])].sort((a, b) => a - b);
for (const at of events) {
  const wait = t0 + at * 1000 - Date.now();
  if (wait > 0) await page.waitForTimeout(wait);
  const m = await measure();
  const row = { t: Math.round((Date.now() - t0) / 1000), ...m, requests: hits - hits0, console: { ...consoleCounts } };
  series.push(row);
  console.log(`t=${String(row.t).padStart(4)} s  heap ${row.heapMB.toFixed(2)} MB${row.inPageMB ? ` (in-page gc() + read: ${row.inPageMB.toFixed(2)} MB)` : ''}  nodes ${row.nodes}  listeners ${row.listeners}  requests ${row.requests}  console ${JSON.stringify(row.console)}`);
  if (AT.includes(at) || SPLIT) {
    const keep = AT.includes(at);
    const file = join(DIR, keep ? `${BUILD}${MUTE ? '-muted' : ''}-${at}s.heapsnapshot` : 'split.tmp.heapsnapshot');
    await snapshot(file);
    if (SPLIT) {
      row.split = typeTotals(file);
      // Read again after the snapshot (it finishes V8's concurrent sweeping): no unswept garbage left in the count.
      const { metrics } = await cdp.send('Performance.getMetrics');
      row.heapAfterSnapshotMB = +(metrics.find((x) => x.name === 'JSHeapUsedSize').value / 1048576).toFixed(3);
      console.log(`  snapshot self size: V8 data ${row.split.data} MB, compiled code ${row.split.code} MB, Blink ${row.split.native} MB; JSHeapUsedSize read after it ${row.heapAfterSnapshotMB} MB`);
    }
    if (keep) {
      files.push(file);
      console.log(`  snapshot → ${file}`);
    } else rmSync(file);
  }
}
if (flag('shifts')) {
  const shifts = await page.evaluate(() => window.__shifts);
  console.log(`\nlayout-shift entries: ${shifts.entries}; by source:`);
  for (const [k, v] of Object.entries(shifts.by).sort((a, b) => b[1].n - a[1].n).slice(0, 15)) console.log(`  ${v.n}×  ${k}  (sum of entry values ${v.value.toFixed(3)})`);
}
console.log(`\npage errors: ${errors.length}${errors.length ? ` (first: ${errors[0]})` : ''}`);
console.log('console messages by text (top 10):');
for (const [t, n] of [...consoleSamples.entries()].sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log(`  ${n}×  ${t}`);
await browser.close();
server.close();
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(resolve(root, opt('out', 'bench/results/soak-heap.json')), JSON.stringify({ date: new Date().toISOString(), build: BUILD, muteConsole: MUTE, at: AT, series, console: consoleCounts }, null, 2));
if (files.length >= 2) analyse(files);
