// A page's first graph (issue 15, cold settle): window.element(n, 'force') and window.d3Static(n) each as the first
// thing a fresh page does (a new browser context per run: nothing compiled, no worker, no font measured yet), runs
// alternating element / d3 so a load swing falls on both. d3Static is d3-force ticked off screen to alphaMin in
// ≤ 24 ms slices, then drawn once (run.mjs --settle); here it is cold too, not after the element warmed d3-force.
// Besides wall time each run is traced: CPU of the page's threads (main thread, and the layout worker where there is
// one) from data set to settled picture, so waiting for a core on a loaded machine is left out; `critical` is main
// thread CPU plus the worker's, the work a quiet two-core machine would do one after the other at most.
// `--before DIR`: a checkout of an older commit (a git worktree with node_modules linked) whose element (its src/,
// built with this tree's page.ts) runs in the same rounds, interleaved (before, after, d3 in each round; the order
// rotates every round). The element runs without the page's block monitor: its idle-time task loop is main-thread
// CPU that d3Static does not have (about 600 ms at 1,000 nodes while the worker lays out).
//   node bench/chain-graph/cold.mjs [--n 100] [--runs 3] [--layout force] [--before DIR] [--json FILE]
import { loadavg } from 'node:os';
import { writeFileSync } from 'node:fs';
import { launchBenchBrowser, median } from '../lib/harness.mjs';
import { serveChainBench } from './serve.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const sizes = opt('--n', '100').split(',').map(Number);
const runs = Number(opt('--runs', '3'));
const before = opt('--before', '');
// --layout tiers|radial: the element's layout (default force); d3-force static is the same either way.
const layout = opt('--layout', 'force');

/** CPU (ms) of the page's threads between the 'chain-data-set' and 'chain-settled' marks: `{ main, other }`. */
function cpuBetween(trace) {
  const evs = trace.traceEvents ?? trace;
  const a = evs.find((e) => e.name === 'chain-data-set');
  const b = evs.find((e) => e.name === 'chain-settled');
  if (!a || !b) return { main: NaN, other: NaN };
  const main = evs.find((e) => e.name === 'thread_name' && e.pid === a.pid && e.args?.name === 'CrRendererMain');
  let m = 0, o = 0;
  for (const e of evs) {
    if (e.pid !== a.pid || e.ph !== 'X' || e.name !== 'ThreadControllerImpl::RunTask' || e.tdur === undefined) continue;
    // The part of the task inside the window (tasks straddling a mark count pro rata).
    const from = Math.max(e.ts, a.ts), to = Math.min(e.ts + e.dur, b.ts);
    if (to <= from) continue;
    const cpu = (e.tdur / 1000) * ((to - from) / Math.max(1, e.dur));
    if (e.tid === main.tid) m += cpu;
    else o += cpu;
  }
  return { main: Math.round(m), other: Math.round(o) };
}

const slots = [];
{
  const { server, port } = await serveChainBench(`civic-chain-cold-${process.pid}`);
  slots.push({ name: 'civic', port, server, fn: 'element' });
  slots.push({ name: 'd3-force static', port, server: undefined, fn: 'd3Static' });
  if (before) {
    // The before tree's src/ built with this tree's page.ts (serve.mjs), so both run the same page functions.
    const b = await serveChainBench(`civic-chain-cold-before-${process.pid}`, before);
    slots.unshift({ name: 'civic before', port: b.port, server: b.server, fn: 'element' });
  }
}
const browser = await launchBenchBrowser();
const once = async (slot, n) => {
  const context = await browser.newContext({ viewport: { width: 1300, height: 900 } });
  try {
    const page = await context.newPage();
    page.on('pageerror', (e) => console.log('[page error]', e.message));
    await page.goto(`http://127.0.0.1:${slot.port}/`);
    await page.waitForFunction(() => typeof window.element === 'function', undefined, { timeout: 180000 });
    await browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing'] });
    // The element without the page's block monitor (d3Static has none): its idle-time task loop is CPU too.
    const r = await page.evaluate(([f, k, l]) => window[f](k, l, false), [slot.fn, n, layout]);
    const cpu = cpuBetween(JSON.parse((await browser.stopTracing()).toString()));
    return { ms: r.ms, ...cpu };
  } finally {
    await context.close();
  }
};
const out = { date: new Date().toISOString(), runs, sizes: {} };
try {
  for (const n of sizes) {
    const res = new Map(slots.map((s) => [s.name, []]));
    for (let i = 0; i < runs; i++) {
      const order = slots.map((_, j) => slots[(i + j) % slots.length]);
      for (const s of order) res.get(s.name).push(await once(s, n));
      console.log(`${n} nodes, round ${i + 1} (load ${loadavg()[0].toFixed(1)}): ` + slots.map((s) => { const r = res.get(s.name).at(-1); return `${s.name} ${r.ms} ms wall, CPU ${r.main} main + ${r.other} other`; }).join(' | '));
    }
    const d3 = res.get('d3-force static');
    const md = (xs, k) => median(xs.map((x) => x[k]));
    const d3wall = md(d3, 'ms'), d3cpu = md(d3, 'main') + md(d3, 'other');
    out.sizes[n] = {};
    for (const s of slots) {
      const r = res.get(s.name);
      const row = { wall: md(r, 'ms'), main: md(r, 'main'), other: md(r, 'other') };
      out.sizes[n][s.name] = { ...row, all: r };
      console.log(`  ${n} nodes, median of ${runs}, ${s.name.padEnd(16)}: wall ${String(row.wall).padStart(5)} ms (÷ d3 ${(row.wall / d3wall).toFixed(2)}×) | CPU main ${row.main} + other ${row.other} ms (÷ d3 ${((row.main + row.other) / d3cpu).toFixed(2)}×)`);
    }
  }
  out.loadavg = loadavg();
  console.log(`load average at the end: ${out.loadavg.map((x) => x.toFixed(1)).join(' ')}`);
  if (args.includes('--json')) writeFileSync(opt('--json', ''), JSON.stringify(out, null, 2));
} finally {
  await browser.close();
  for (const s of slots) s.server?.close();
}
