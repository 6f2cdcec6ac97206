// Main-thread tasks of <civic-chain-graph> from data set to settled picture (issue 15: no task over 50 ms), by CPU
// time from a Chromium trace, so a loaded machine's waiting for a core is left out (the wall-clock long-task
// observer of run.mjs counts that waiting too). Each run is window.element(n, layout) on a fresh page (cold, as a
// page's first graph) or after one warm-up run (--warm). Tasks between the page's 'chain-data-set' and
// 'chain-settled' marks are counted; every task over --min ms of CPU is listed with what it ran (top-level trace
// events inside it: script by function, style, layout, paint, GC).
//   node bench/chain-graph/tasks.mjs [--n 5000] [--layout force] [--runs 1] [--warm] [--min 50] [--tree] [--before DIR]
// --parse: only the model parse, shown graph and structured clone at each size (3 times on one page, ms).
// --save FILE: keep the trace. --tree: each listed task's nested trace events of 2 ms CPU or more.
import { loadavg } from 'node:os';
import { launchBenchBrowser } from '../lib/harness.mjs';
import { serveChainBench } from './serve.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const sizes = opt('--n', '5000').split(',').map(Number);
const layout = opt('--layout', 'force');
const runs = Number(opt('--runs', '1'));
const minMs = Number(opt('--min', '50'));
const warm = args.includes('--warm');

/** Tasks of the page's main thread between the two marks: `{ cpu, wall, parts }` sorted by CPU, longest first. */
export function mainTasks(trace, from = 'chain-data-set', to = 'chain-settled', minParts = 20) {
  const evs = trace.traceEvents ?? trace;
  const a = evs.find((e) => e.name === from);
  const b = evs.find((e) => e.name === to);
  if (!a || !b) return undefined;
  const main = evs.find((e) => e.name === 'thread_name' && e.pid === a.pid && e.args?.name === 'CrRendererMain');
  const same = (e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X';
  const tasks = evs.filter((e) => same(e) && e.name === 'ThreadControllerImpl::RunTask' && e.tdur !== undefined && e.ts + e.dur >= a.ts && e.ts <= b.ts);
  const inner = evs.filter((e) => same(e) && e.name !== 'ThreadControllerImpl::RunTask' && e.tdur !== undefined).sort((p, q) => p.ts - q.ts || q.dur - p.dur);
  const label = (e) => {
    const d = e.args?.data;
    if (e.name === 'FunctionCall' && d) return `FunctionCall ${d.functionName || '(anon)'}:${d.lineNumber ?? ''}`;
    return e.name;
  };
  // Inner events are looked at only for tasks of minParts ms CPU or more (there are tens of thousands of short ones).
  const startOf = (ts) => {
    let lo = 0, hi = inner.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (inner[mid].ts < ts) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  // CPU profile samples of the main thread (category disabled-by-default-v8.cpu_profiler): which functions a task ran.
  const prof = evs.find((e) => e.name === 'Profile' && e.pid === main.pid && e.tid === main.tid);
  const nodes = new Map();
  const samples = [];
  if (prof) {
    let ts = prof.args.data.startTime;
    for (const e of evs) {
      if (e.name !== 'ProfileChunk' || e.id !== prof.id || e.pid !== main.pid) continue;
      const cp = e.args.data.cpuProfile ?? {};
      for (const n of cp.nodes ?? []) nodes.set(n.id, n);
      const deltas = e.args.data.timeDeltas ?? [];
      (cp.samples ?? []).forEach((id, i) => samples.push({ id, ts: (ts += deltas[i] ?? 0) }));
    }
    samples.sort((p, q) => p.ts - q.ts);
  }
  const fname = (n) => `${n.callFrame.functionName || '(anon)'}:${n.callFrame.lineNumber}`;
  const sampleParts = (t) => {
    const self = new Map();
    const incl = new Map();
    for (const sm of samples) {
      if (sm.ts < t.ts || sm.ts >= t.ts + t.dur) continue;
      const leaf = nodes.get(sm.id);
      if (!leaf) continue;
      self.set(fname(leaf), (self.get(fname(leaf)) ?? 0) + 1);
      const seen = new Set();
      for (let n = leaf; n; n = nodes.get(n.parent)) {
        if (!(n.callFrame.url ?? '').includes('page.js') || seen.has(fname(n))) continue;
        seen.add(fname(n));
        incl.set(fname(n), (incl.get(fname(n)) ?? 0) + 1);
      }
    }
    const top = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([k, v]) => `${k} ${v}`).join(', ');
    return `samples self: ${top(self)}\n      ours incl: ${top(incl)}`;
  };
  // Profile nodes only name their parent through children lists in chunks: link them.
  for (const n of nodes.values()) for (const c of n.children ?? []) if (nodes.get(c)) nodes.get(c).parent = n.id;
  return tasks
    .map((t) => {
      const parts = new Map();
      const tree = [];
      if (t.tdur >= minParts * 1000) {
        // Top-level events inside the task (an event inside an earlier listed one is not listed again).
        const stack = [];
        let end = -1;
        for (let i = startOf(t.ts); i < inner.length && inner[i].ts < t.ts + t.dur; i++) {
          const e = inner[i];
          while (stack.length && e.ts >= stack.at(-1)) stack.pop();
          if (e.tdur >= 2000) tree.push(`${'  '.repeat(stack.length + 2)}${label(e)} ${(e.tdur / 1000).toFixed(1)}`);
          stack.push(e.ts + e.dur);
          if (e.ts < end) continue;
          end = e.ts + e.dur;
          parts.set(label(e), (parts.get(label(e)) ?? 0) + e.tdur / 1000);
        }
      }
      if (t.tdur >= minParts * 1000 && samples.length) tree.push(`      ${sampleParts(t)}`);
      return { cpu: t.tdur / 1000, wall: t.dur / 1000, at: (t.ts - a.ts) / 1000, parts, tree };
    })
    .sort((p, q) => q.cpu - p.cpu);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // --before DIR: a checkout of an older commit, its src/ built with this page.ts (serve.mjs); runs alternate.
  const slots = [{ name: 'after', ...(await serveChainBench('civic-chain-graph-tasks')) }];
  if (args.includes('--before')) slots.unshift({ name: 'before', ...(await serveChainBench('civic-chain-graph-tasks-before', opt('--before', ''))) });
  const { port } = slots[slots.length - 1];
  const browser = await launchBenchBrowser();
  try {
    if (args.includes('--parse')) {
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${port}/`);
      await page.waitForFunction(() => typeof window.parseTimes === 'function', undefined, { timeout: 180000 });
      for (const n of sizes) console.log(`parse ${n}:`, JSON.stringify(await page.evaluate((k) => window.parseTimes(k), n)));
      sizes.length = 0;
    }
    for (const n of sizes) {
      for (let i = 0; i < runs * slots.length; i++) {
        const slot = slots[i % slots.length];
        const context = await browser.newContext({ viewport: { width: 1300, height: 900 } });
        const page = await context.newPage();
        page.on('pageerror', (e) => console.log('[page error]', e.message));
        await page.goto(`http://127.0.0.1:${slot.port}/`);
        await page.waitForFunction(() => typeof window.element === 'function', undefined, { timeout: 180000 });
        if (warm) await page.evaluate(([k, l]) => window.element(k, l), [n, layout]);
        await browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing', 'devtools.timeline', ...(args.includes('--tree') ? ['disabled-by-default-v8.cpu_profiler'] : [])] });
        const r = await page.evaluate(([k, l]) => window.element(k, l), [n, layout]);
        const text = (await browser.stopTracing()).toString();
        if (args.includes('--save')) (await import('node:fs')).writeFileSync(opt('--save', ''), text);
        const tasks = mainTasks(JSON.parse(text), undefined, undefined, minMs);
        await context.close();
        // On a loaded machine the trace's thread clock sometimes gives a task more CPU than wall time (101 ms CPU in
        // 1 ms wall seen at load 13): such tasks are counted apart, not as long tasks.
        const real = tasks.filter((t) => t.cpu <= t.wall * 1.1 + 2);
        const over = real.filter((t) => t.cpu > 50);
        const odd = tasks.filter((t) => t.cpu > 50 && !real.includes(t)).length;
        console.log(`${slots.length > 1 ? slot.name + ' ' : ''}${layout} ${n} (${warm ? 'warm' : 'cold'} page) run ${Math.floor(i / slots.length) + 1}: settled ${r.ms} ms wall; ${tasks.length} tasks, ${over.length} over 50 ms CPU, longest ${real[0]?.cpu.toFixed(0)} ms CPU (${real[0]?.wall.toFixed(0)} ms wall)${odd ? `; ${odd} more over 50 ms CPU with CPU > wall (clock artefacts)` : ''}; longest wall-clock block ${Math.max(r.block, r.longtask)} ms`);
        for (const t of real.filter((x) => x.cpu >= minMs)) {
          const parts = [...t.parts].sort((p, q) => q[1] - p[1]).slice(0, 6).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ');
          console.log(`  task ${t.cpu.toFixed(0)} ms CPU / ${t.wall.toFixed(0)} wall at +${t.at.toFixed(0)} ms: ${parts}`);
          if (args.includes('--tree')) console.log(t.tree.slice(0, 40).join('\n'));
        }
      }
    }
    console.log(`load average at the end: ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  } finally {
    await browser.close();
    for (const s of slots) s.server.close();
  }
}
