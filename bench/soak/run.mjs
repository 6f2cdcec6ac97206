// Soak benchmark (issue 7): does anything grow without bound over a long run?
//   node bench/soak/run.mjs                      10-minute polling wall + 500 mount/unmount cycles per element
//   node bench/soak/run.mjs --seconds 60 --cycles 50
//   node bench/soak/run.mjs --seconds 900 --warmup 120 --cycles 0
// Part 1: the wall (every element inside <civic-screen>, all polling every second; the server changes the
//         numbers on every request so each poll re-renders). Heap (after forced GC) and DOM node counts at
//         warm-up end and at the end.
// Part 2: each element mounted and removed N times with its demo data. Heap and nodes before/after, and WebGL
//         contexts created vs released — counted by wrapping getContext and WEBGL_lose_context in the page.
// Goal: flat (< 5 % growth after warm-up), no WebGL context left behind. Uses dist/civic-widgets.iife.js
// (npm run build first; bench/run.mjs does). Prints a table and writes bench/results/soak.json.
//
// What "heap" means on the wall: JSHeapUsedSize after a forced GC counts V8's code space too, and V8 keeps
// compiling (Sparkplug → Maglev → TurboFan) functions that run once a second for many minutes: in a 10-minute
// run that compiled code grows by ~0.5–1 MB (mostly maplibre's render loop) while every JS object, array, string
// and closure stays flat (bench/soak/heap-diff.mjs shows it with heap snapshots). That code is bounded by the
// program, not by the run length, so the goal is judged on "JS data": the self size of every V8 object in a heap
// snapshot except compiled code (type "code") and Blink's C++ objects (type "native", not in JSHeapUsedSize).
// Each figure is the median of three GC'd samples 5 s apart: the wall is polling while it is measured, so a
// single sample can catch a render or a response in flight. --warmup N overrides the warm-up (default 60 s).
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { findChrome, CHROME_ARGS, MISSING_MESSAGE } from '../../scripts/chrome.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const args = process.argv.slice(2);
const opt = (name, d) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : d;
};
const SECONDS = opt('seconds', 600);
const CYCLES = opt('cycles', 500);
const WARMUP = opt('warmup', Math.min(60, Math.max(5, Math.round(SECONDS / 10))));
if (!existsSync(join(root, 'dist/civic-widgets.iife.js'))) {
  console.error('bench/soak: run `npm run build` first');
  process.exit(1);
}
const chrome = findChrome();
if (!chrome) {
  console.error(MISSING_MESSAGE);
  process.exit(1);
}

// ── server: project files, plus /soak/*.json = demo data with numbers nudged on every request ──
let hits = 0;
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.json': 'application/json', '.geojson': 'application/json' };
const jitter = (v, k) => {
  if (Array.isArray(v)) return v.map((x) => jitter(x, k));
  if (v && typeof v === 'object') {
    const o = {};
    for (const [key, x] of Object.entries(v)) o[key] = ['value', 'households', 'issuesResolved', 'volunteers'].includes(key) && typeof x === 'number' ? Math.round(x * (1 + ((k % 7) - 3) / 100)) : jitter(x, k);
    return o;
  }
  return v;
};
const COUNTER = `(() => {
  const c = (window.__gl = { created: 0, released: 0 });
  const get = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
    const had = this.__civicGl;
    const ctx = get.call(this, type, ...rest);
    if (ctx && /webgl/.test(type) && !had) { this.__civicGl = true; c.created++; }
    return ctx;
  };
  for (const P of [window.WebGLRenderingContext, window.WebGL2RenderingContext]) {
    if (!P) continue;
    const ext = P.prototype.getExtension;
    P.prototype.getExtension = function (name) {
      const e = ext.call(this, name);
      if (e && name === 'WEBGL_lose_context' && !e.__civicWrapped) {
        const lose = e.loseContext.bind(e);
        e.loseContext = () => { c.released++; lose(); };
        e.__civicWrapped = true;
      }
      return e;
    };
  }
})();`;
const WALL = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script>${COUNTER}</script><script src="/dist/civic-widgets.iife.js"></script>
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
const CYCLE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script>${COUNTER}</script><script src="/dist/civic-widgets.iife.js"></script></head><body><div id="host" style="width:800px;height:500px"></div></body></html>`;

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  if (url.pathname === '/wall.html') return void res.writeHead(200, { 'content-type': 'text/html' }).end(WALL);
  if (url.pathname === '/cycle.html') return void res.writeHead(200, { 'content-type': 'text/html' }).end(CYCLE);
  if (url.pathname.startsWith('/soak/')) {
    hits++;
    const file = join(root, 'demo/data', url.pathname.slice(6));
    if (!existsSync(file)) return void res.writeHead(404).end();
    return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(jitter(JSON.parse(readFileSync(file, 'utf8')), hits)));
  }
  const p = normalize(join(root, decodeURIComponent(url.pathname)));
  if (!p.startsWith(root) || !existsSync(p)) return void res.writeHead(404).end();
  res.writeHead(200, { 'content-type': TYPES[extname(p)] ?? 'application/octet-stream' }).end(readFileSync(p));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({ executablePath: chrome, args: CHROME_ARGS, headless: true });
async function measure(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
  const gl = await page.evaluate(() => window.__gl);
  return { heapMB: +(m.JSHeapUsedSize / 1048576).toFixed(2), nodes: m.Nodes, listeners: m.JSEventListeners, glCreated: gl.created, glReleased: gl.released };
}
const pct = (a, b) => `${(((b - a) / a) * 100).toFixed(1)} %`;
const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Self size (MB) in a heap snapshot: V8 data (all but compiled code), compiled code, Blink C++ objects. */
async function heapSplit(cdp) {
  const chunks = [];
  const onChunk = (p) => chunks.push(p.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const snap = JSON.parse(chunks.join(''));
  const meta = snap.snapshot.meta;
  const NF = meta.node_fields.length, types = meta.node_types[0];
  const iType = meta.node_fields.indexOf('type'), iSize = meta.node_fields.indexOf('self_size');
  const t = { data: 0, code: 0, native: 0 };
  for (let i = 0; i < snap.nodes.length; i += NF) {
    const ty = types[snap.nodes[i + iType]];
    t[ty === 'code' ? 'code' : ty === 'native' ? 'native' : 'data'] += snap.nodes[i + iSize];
  }
  return { dataMB: +(t.data / 1048576).toFixed(3), codeMB: +(t.code / 1048576).toFixed(3), blinkMB: +(t.native / 1048576).toFixed(3) };
}

/** Three samples 5 s apart (GC, metrics, heap snapshot), each figure the median. */
async function measureWall(page, cdp) {
  const samples = [];
  for (let i = 0; i < 3; i++) {
    if (i) await page.waitForTimeout(5000);
    const m = await measure(page, cdp);
    samples.push({ ...m, ...(await heapSplit(cdp)) });
  }
  const out = { ...samples[samples.length - 1] };
  for (const k of ['heapMB', 'dataMB', 'codeMB', 'blinkMB', 'nodes', 'listeners']) out[k] = median(samples.map((x) => x[k]));
  out.samples = samples;
  return out;
}
const results = { date: new Date().toISOString(), seconds: SECONDS, cycles: CYCLES, wall: {}, cycles_: {} };

// ── part 1: the polling wall ──
{
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const tLoad = Date.now();
  await page.goto(`${base}/wall.html`, { waitUntil: 'load' });
  await page.waitForTimeout(WARMUP * 1000);
  const start = await measureWall(page, cdp);
  const t0 = Date.now();
  const hits0 = hits;
  await page.waitForTimeout(Math.max(0, SECONDS * 1000 - (Date.now() - tLoad)));
  const end = await measureWall(page, cdp);
  const growth = (end.dataMB - start.dataMB) / start.dataMB;
  results.wall = { start, end, dataGrowth: +growth.toFixed(4), goalMet: growth < 0.05, requests: hits - hits0, seconds: (Date.now() - t0) / 1000, pageErrors: errors.length };
  console.log(`\nWall: ${SECONDS} s, ${hits - hits0} data requests after ${WARMUP} s warm-up, ${errors.length} page errors (medians of 3 GC'd samples)`);
  console.log(`  JS data ${start.dataMB} MB → ${end.dataMB} MB (${pct(start.dataMB, end.dataMB)}; goal < 5 %: ${growth < 0.05 ? 'met' : 'MISSED'})`);
  console.log(`  compiled code ${start.codeMB} MB → ${end.codeMB} MB (${pct(start.codeMB, end.codeMB)}; JIT tier-up, bounded by the program)`);
  console.log(`  heap   ${start.heapMB} MB → ${end.heapMB} MB (${pct(start.heapMB, end.heapMB)}; JSHeapUsedSize: V8 heap including compiled code)`);
  console.log(`  nodes  ${start.nodes} → ${end.nodes} (${pct(start.nodes, end.nodes)})   listeners ${start.listeners} → ${end.listeners}`);
  console.log(`  WebGL contexts created ${end.glCreated}, released ${end.glReleased}`);
  await page.close();
}

// ── part 2: mount/unmount cycles ──
const data = (f) => JSON.parse(readFileSync(join(root, 'demo/data', f), 'utf8'));
const CASES = [
  ['civic-kpi-tile', { data: data('kpis.json').items[1] }],
  ['civic-kpi-grid', { data: data('kpis.json') }],
  ['civic-rank-board', { data: data('rank-communities.json') }],
  ['civic-growth-chart', { data: data('growth.json') }],
  ['civic-chain-graph', { data: data('chains.json') }],
  ['civic-grid-map', { data: data('grid-metrics.json'), geometry: data('grids.geojson'), renderer: 'canvas' }],
  ['civic-grid-map', { data: data('grid-metrics.json'), geometry: data('grids.geojson'), renderer: 'webgl' }],
  ['civic-screen', {}],
];
if (CYCLES > 0) {
  console.log(`\nMount/unmount, ${CYCLES} cycles each`);
  console.log('element'.padEnd(30), 'heap MB before → after', '  nodes before → after', '  GL created/released');
}
for (const [tag, props] of CYCLES > 0 ? CASES : []) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(`${base}/cycle.html`, { waitUntil: 'load' });
  await page.evaluate(([t, p]) => (window.__props = p), [tag, props]);
  const run = (n) =>
    page.evaluate(
      async ([t, n]) => {
        const host = document.getElementById('host');
        for (let i = 0; i < n; i++) {
          const el = document.createElement(t);
          const p = window.__props;
          if (p.renderer) el.setAttribute('renderer', p.renderer);
          if (p.geometry) el.geometry = p.geometry;
          if (p.data) el.data = p.data;
          host.append(el);
          await el.updateComplete;
          if (typeof el.whenDrawn === 'function') await Promise.race([el.whenDrawn(), new Promise((r) => setTimeout(r, 3000))]);
          else await new Promise((r) => requestAnimationFrame(() => r()));
          el.remove();
        }
        await new Promise((r) => setTimeout(r, 200));
      },
      [tag, n],
    );
  await run(Math.min(20, CYCLES)); // warm-up
  const before = await measure(page, cdp);
  await run(CYCLES);
  const after = await measure(page, cdp);
  const label = tag + (props.renderer ? ` (${props.renderer})` : '');
  results.cycles_[label] = { before, after };
  console.log(
    label.padEnd(30),
    `${before.heapMB} → ${after.heapMB} (${pct(before.heapMB, after.heapMB)})`.padEnd(24),
    `${before.nodes} → ${after.nodes}`.padEnd(22),
    `${after.glCreated}/${after.glReleased}`,
  );
  await page.close();
}

await browser.close();
server.close();
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, 'bench/results/soak.json'), JSON.stringify(results, null, 2));
