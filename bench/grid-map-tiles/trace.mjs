#!/usr/bin/env node
// Where the first view's time goes on the main thread, for one implementation of bench/grid-map-tiles (issue 14):
// a Chromium trace (devtools.timeline + V8 CPU profile) from navigation to `benchFirst`, then
//   - milestones from navigation start: module requests (page, tiles renderer, maplibre, its worker), the first and last
//     tile request, worker starts, the page's own marks;
//   - every main-thread task over --min ms (default 40) with its start, wall and CPU time and its costliest functions
//     (CPU profile samples inside it, self and inclusive);
//   - the main thread's busy CPU time until the first view.
// Uses the page bundle bench/grid-map-tiles/run.mjs builds (run it once first).
//   node bench/grid-map-tiles/trace.mjs [--impl element-bin] [--min 40] [--top 8] [--panzoom]
// --panzoom: trace run.mjs's pan/zoom sequence (bench.panzoom()) after the first view instead: CPU per thread and the
// main thread's costliest functions over the whole sequence (frame intervals as run.mjs reports them).
import { existsSync, readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadavg } from 'node:os';
import { serveFiles, launchBenchBrowser, bundleBenchPage } from '../lib/harness.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const here = fileURLToPath(new URL('./', import.meta.url));
const args = process.argv.slice(2);
const opt = (name, d) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : d);
const impl = opt('impl', 'element-bin');
const MIN = Number(opt('min', 40));
const TOP = Number(opt('top', 8));
const outRel = 'bench/grid-map-tiles/.out';
const out = join(root, outRel);
if (!existsSync(join(out, 'tiles.json'))) throw new Error('no tile set: run bench/grid-map-tiles/run.mjs once first');
const tj = JSON.parse(readFileSync(join(out, 'tiles.json'), 'utf8'));
if (!args.includes('--no-build')) {
  await bundleBenchPage(join(here, 'page.ts'), { outdir: join(out, 'bundle'), splitting: true, external: ['maplibre-gl'], logLevel: 'error' });
  await bundleBenchPage(join(root, 'src/components/grid-map/metrics-worker.ts'), { outfile: join(out, 'bundle', 'metrics-worker.js'), logLevel: 'error' });
}
const { server, port } = await serveFiles((p) => {
  const path = normalize(decodeURIComponent(p)).replace(/^(\.\.[/\\])+/, '');
  if (path.endsWith('/metrics-worker.ts')) return join(out, 'bundle', 'metrics-worker.js');
  const file = join(root, path);
  return file.startsWith(root) ? file : undefined;
});
const browser = await launchBenchBrowser();
const load0 = loadavg()[0];
const ctx = await browser.newContext({ viewport: { width: 1000, height: 700 } });
const page = await ctx.newPage();
const cdp = await ctx.newCDPSession(page);
const events = [];
cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
const PANZOOM = args.includes('--panzoom');
const startTrace = () =>
  cdp.send('Tracing.start', {
    categories: 'devtools.timeline,blink.user_timing,v8.execute,v8,disabled-by-default-v8.cpu_profiler,disabled-by-default-devtools.timeline,loading',
    transferMode: 'ReportEvents',
  });
if (!PANZOOM) await startTrace();
await page.goto(`http://127.0.0.1:${port}/bench/grid-map-tiles/index.html?impl=${impl}&base=/${outRel}&minzoom=${tj.minzoom}&maxzoom=${tj.maxzoom}&bounds=${tj.bounds.join(',')}`);
await page.waitForFunction(() => 'benchFirst' in window, null, { timeout: 180000, polling: 50 });
const first = await page.evaluate(() => window.benchFirst);
let pz;
if (PANZOOM) {
  await startTrace();
  await page.evaluate(() => performance.mark('civic-panzoom-start'));
  pz = await page.evaluate(() => window.bench.panzoom());
  await page.evaluate(() => performance.mark('civic-panzoom-end'));
}
await cdp.send('Tracing.end');
await done;
await browser.close();
server.close();
if (PANZOOM) {
  const med = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  const main = events.find((e) => e.name === 'civic-panzoom-start') ?? events.find((e) => e.name === 'TracingStartedInBrowser');
  const end = events.find((e) => e.name === 'civic-panzoom-end');
  const pid = main.pid;
  const a = main.ts, b = end?.ts ?? Infinity;
  const mainTid = events.find((e) => e.name === 'thread_name' && e.pid === pid && e.args?.name === 'CrRendererMain')?.tid;
  const names = new Map(events.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args?.name]));
  const procs = new Map(events.filter((e) => e.name === 'process_name').map((e) => [e.pid, e.args?.name]));
  const per = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || !['RunTask', 'ThreadControllerImpl::RunTask', 'WorkerThread::Task', 'ThreadPool_RunTask'].includes(e.name) || e.ts < a || e.ts >= b) continue;
    const k = `${e.pid}:${e.tid}`;
    per.set(k, (per.get(k) ?? 0) + (e.tdur ?? 0));
  }
  console.log(`${impl}: pan/zoom sequence ${((b - a) / 1000).toFixed(0)} ms (load average ${load0.toFixed(1)} → ${loadavg()[0].toFixed(1)}); frame medians pan ${med(pz.pan1).toFixed(1)}, zoom ${med(pz.zoom).toFixed(1)} (${pz.zoom.length} frames), pan@z12 ${med(pz.pan2).toFixed(1)} ms`);
  console.log('CPU per thread (ms): ' + [...per].sort((x, y) => y[1] - x[1]).filter(([, us]) => us > 20000).map(([k, us]) => `${procs.get(Number(k.split(':')[0])) ?? '?'}/${names.get(k) ?? k} ${(us / 1000).toFixed(0)}`).join(', '));
  const prof = events.find((e) => e.name === 'Profile' && e.pid === pid && e.tid === mainTid);
  const nodes = new Map();
  const samples = [];
  let st = prof?.args?.data?.startTime ?? 0;
  for (const e of events.filter((x) => x.name === 'ProfileChunk' && x.id === prof?.id && x.pid === pid).sort((p, q) => p.ts - q.ts)) {
    for (const n of e.args?.data?.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
    const ids = e.args?.data?.cpuProfile?.samples ?? [];
    const deltas = e.args?.data?.timeDeltas ?? [];
    for (let i = 0; i < ids.length; i++) samples.push({ id: ids[i], t: (st += deltas[i]) });
  }
  const nm = (n) => `${n.callFrame.functionName || '(anon)'}${n.callFrame.url ? ` ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}` : ''}`;
  const self = new Map(), incl = new Map();
  for (let i = 0; i + 1 < samples.length; i++) {
    const dt = samples[i + 1].t - samples[i].t;
    const leaf = nodes.get(samples[i].id);
    if (!leaf || ['(idle)', '(program)', '(root)'].includes(leaf.callFrame.functionName)) continue;
    self.set(nm(leaf), (self.get(nm(leaf)) ?? 0) + dt);
    const seen = new Set();
    for (let n = leaf; n; n = nodes.get(n.parent)) if (!seen.has(nm(n))) seen.add(nm(n)), incl.set(nm(n), (incl.get(nm(n)) ?? 0) + dt);
  }
  const fmt = (m) => [...m].sort((x, y) => y[1] - x[1]).slice(0, TOP).map(([f, us]) => `${(us / 1000).toFixed(0)} ${f}`).join(' | ');
  console.log(`main thread, sampled ms:\n  self: ${fmt(self)}\n  incl: ${fmt(incl)}`);
  process.exit(0);
}

// The renderer's main thread: CrRendererMain of the page's process.
const threadName = new Map(events.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args?.name]));
const nav = events.find((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL?.includes('index.html')) ?? events.find((e) => e.name === 'navigationStart');
const pid = nav.pid;
const tid = nav.tid;
const t0 = nav.ts;
const ms = (ts) => (ts - t0) / 1000;
const tEnd = t0 + first.first * 1000;

// milestones
const lines = [];
const reqs = events.filter((e) => e.name === 'ResourceSendRequest').map((e) => ({ t: ms(e.ts), url: e.args?.data?.url ?? '' }));
const firstReq = (re) => reqs.find((r) => re.test(r.url));
for (const [label, re] of [
  ['page bundle', /bundle\/page\.js/],
  ['tiles renderer chunk', /tiles-renderer/],
  ['maplibre-gl.mjs', /maplibre-gl\.mjs/],
  ['maplibre worker', /maplibre-gl-worker/],
  ['metrics worker', /metrics-worker/],
  ['metrics file', /metrics\.(json|cgmb)/],
]) {
  const r = firstReq(re);
  if (r) lines.push([r.t, `request ${label}`]);
}
const tiles = reqs.filter((r) => /\.pbf|\.pmtiles/.test(r.url));
if (tiles.length) lines.push([tiles[0].t, `first tile request (${tiles.length} until the end)`], [tiles[tiles.length - 1].t, 'last tile request']);
const recv = events.filter((e) => e.name === 'ResourceFinish').map((e) => ({ t: ms(e.ts), id: e.args?.data?.requestId }));
for (const [k, v] of Object.entries(first.marks ?? {})) lines.push([v, `mark ${k}`]);
lines.push([first.first, 'benchFirst (first view)']);
for (const e of events.filter((e) => e.name === 'thread_name' && /Worker/i.test(e.args?.name ?? ''))) void e;
const workerStarts = events.filter((e) => e.name === 'ScheduleScriptEvaluation' || e.name === 'EvaluateScript').filter((e) => e.pid === pid && e.tid !== tid);
for (const e of workerStarts.slice(0, 8)) lines.push([ms(e.ts), `script in ${threadName.get(`${e.pid}:${e.tid}`) ?? e.tid}: ${(e.args?.data?.url ?? '').split('/').pop()}`]);
lines.sort((a, b) => a[0] - b[0]);
console.log(`${impl}: first view ${first.first.toFixed(0)} ms from navigation start (load average ${load0.toFixed(1)} → ${loadavg()[0].toFixed(1)})`);
for (const [t, l] of lines) console.log(`  ${t.toFixed(0).padStart(6)} ms  ${l}`);

// CPU profile samples of the main thread
const nodes = new Map();
const samples = [];
// --profile-thread <tid>: read that thread's profile instead (e.g. the metrics worker's, from the worker line below).
const metricsTid = events.find((e) => e.pid === pid && e.tid !== tid && /metrics-worker/.test(e.args?.data?.url ?? ''))?.tid;
const profTid = !args.includes('--profile-thread') ? tid : opt('profile-thread') === 'metrics' ? metricsTid : Number(opt('profile-thread'));
const prof = events.find((e) => e.name === 'Profile' && e.pid === pid && e.tid === profTid);
let st = prof?.args?.data?.startTime ?? 0;
for (const e of events.filter((x) => x.name === 'ProfileChunk' && x.id === prof?.id && x.pid === pid).sort((p, q) => p.ts - q.ts)) {
  const d = e.args?.data;
  for (const n of d?.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
  const ids = d?.cpuProfile?.samples ?? [];
  const deltas = d?.timeDeltas ?? [];
  for (let i = 0; i < ids.length; i++) samples.push({ id: ids[i], t: (st += deltas[i]) });
}
const nameOf = (n) => `${n.callFrame.functionName || '(anon)'}${n.callFrame.url ? ` ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}` : ''}`;
function topFunctions(a, b) {
  const self = new Map();
  const incl = new Map();
  for (let i = 0; i + 1 < samples.length; i++) {
    const s = samples[i];
    if (s.t < a || s.t >= b) continue;
    const dt = samples[i + 1].t - s.t;
    const leaf = nodes.get(s.id);
    if (!leaf || ['(idle)', '(program)', '(root)'].includes(leaf.callFrame.functionName)) continue;
    self.set(nameOf(leaf), (self.get(nameOf(leaf)) ?? 0) + dt);
    const seen = new Set();
    for (let n = leaf; n; n = nodes.get(n.parent)) {
      const nm = nameOf(n);
      if (seen.has(nm) || nm === '(root)') continue;
      seen.add(nm);
      incl.set(nm, (incl.get(nm) ?? 0) + dt);
    }
  }
  const fmt = (m) => [...m].sort((x, y) => y[1] - x[1]).slice(0, TOP).map(([f, us]) => `${(us / 1000).toFixed(0)} ${f}`).join(' | ');
  return { self: fmt(self), incl: fmt(incl) };
}

// main-thread tasks
const tasks = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && e.ts >= t0 && e.ts < tEnd);
let busy = 0;
let busyCpu = 0;
for (const e of tasks) (busy += e.dur), (busyCpu += e.tdur ?? e.dur);
console.log(`\nmain thread until the first view: ${(busy / 1000).toFixed(0)} ms in tasks (CPU ${(busyCpu / 1000).toFixed(0)} ms) of ${first.first.toFixed(0)} ms`);
// CPU per thread until the first view (top-level tasks' thread time): the workers and the GPU process compete with
// the main thread for the machine's cores.
const perThread = new Map();
for (const e of events) {
  if (e.ph !== 'X' || !(e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask' || e.name === 'WorkerThread::Task' || e.name === 'ThreadPool_RunTask') || e.ts < t0 || e.ts >= tEnd) continue;
  const k = `${e.pid}:${e.tid}`;
  perThread.set(k, (perThread.get(k) ?? 0) + (e.tdur ?? 0));
}
const procName = new Map(events.filter((e) => e.name === 'process_name').map((e) => [e.pid, e.args?.name]));
console.log('CPU per thread to the first view (ms): ' + [...perThread].sort((a, b) => b[1] - a[1]).filter(([, us]) => us > 20000).map(([k, us]) => `${procName.get(Number(k.split(':')[0])) ?? '?'}/${threadName.get(k) ?? k} ${(us / 1000).toFixed(0)}`).join(', '));
// The page's workers (metrics, maplibre): first task, tasks over MIN ms (start, wall / CPU, what ran).
for (const k of perThread.keys()) {
  if (!/Worker/.test(threadName.get(k) ?? '') || Number(k.split(':')[0]) !== pid) continue;
  const wt = events.filter((e) => `${e.pid}:${e.tid}` === k && e.ph === 'X' && e.ts >= t0 && e.ts < tEnd).sort((a, b) => a.ts - b.ts);
  const top = wt.filter((e) => e.name === 'WorkerThread::Task' || e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask');
  const scripts = wt.filter((e) => /EvaluateScript|v8.evaluateModule|FunctionCall/.test(e.name) && e.args?.data?.url).map((e) => e.args.data.url.split('/').pop());
  console.log(`worker ${k} (${[...new Set(scripts)].slice(0, 2).join(', ')}): first task ${top.length ? ms(top[0].ts).toFixed(0) : '—'} ms; ` + top.filter((e) => e.dur >= MIN * 1000).map((e) => `${ms(e.ts).toFixed(0)}: ${(e.dur / 1000).toFixed(0)}/${((e.tdur ?? 0) / 1000).toFixed(0)}`).join(', '));
  // --worker-events: the worker's first events over 2 ms (what its start waits for).
  if (args.includes('--worker-events')) for (const e of wt.filter((x) => x.dur > 2000).slice(0, 30)) console.log(`    ${ms(e.ts).toFixed(0)} ${e.name} ${(e.dur / 1000).toFixed(0)}/${((e.tdur ?? 0) / 1000).toFixed(0)} ${e.args?.data?.url?.split('/').pop() ?? ''}`);
}
if (profTid !== tid || args.includes('--summary')) {
  // The main thread: until the first view only (after it the element classifies the levels not on screen).
  const f = profTid === tid ? topFunctions(t0, tEnd) : topFunctions(0, Infinity);
  console.log(`thread ${profTid} ${profTid === tid ? 'until the first view' : 'to the end of the trace'}, sampled ms:\n  self: ${f.self}\n  incl: ${f.incl}`);
}
console.log(`tasks over ${MIN} ms (start, wall / CPU ms; the costliest functions, ms sampled, self then inclusive):`);
const inner = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.ts >= t0 && e.ts < tEnd && e.dur > MIN * 500 && e.name !== 'RunTask' && e.name !== 'ThreadControllerImpl::RunTask');
for (const e of tasks.filter((x) => x.dur >= MIN * 1000)) {
  const kinds = inner.filter((x) => x.ts >= e.ts && x.ts < e.ts + e.dur).slice(0, 4).map((x) => `${x.name}${x.args?.data?.url ? `(${x.args.data.url.split('/').pop()})` : x.args?.data?.functionName ? `(${x.args.data.functionName})` : ''} ${(x.dur / 1000).toFixed(0)}`);
  const f = topFunctions(e.ts, e.ts + e.dur);
  console.log(`  ${ms(e.ts).toFixed(0).padStart(6)} ms  ${(e.dur / 1000).toFixed(0)} / ${((e.tdur ?? e.dur) / 1000).toFixed(0)}  [${kinds.join(', ')}]`);
  console.log(`           self: ${f.self}`);
  console.log(`           incl: ${f.incl}`);
}
