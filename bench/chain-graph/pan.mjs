// Pan/zoom at 5,000 nodes (issue 15: worst frame under 50 ms), before and after interleaved in one run. Each run is
// a fresh page (new browser context) doing window.pan(n): the radial layout of n nodes on the canvas, then a mouse
// drag of 30 moves (one per frame), 30 wheel steps (15 in, 15 out) and 10 frames at rest (page.ts). Per run: frame
// gaps (wall clock between animation frames: on a loaded machine this counts waiting for a core), the element's own
// work per frame, and from a Chromium trace the CPU of every main-thread task between the gesture's marks (the
// load-independent figure: a task of 50 ms CPU is a 50 ms frame on a quiet machine), the longest listed with what it
// ran, and the gesture's CPU on the main thread and on all other traced threads (compositing, raster). `--before DIR`: a checkout of an older commit; its src/ is built with this tree's page.ts (serve.mjs).
//   node bench/chain-graph/pan.mjs [--n 5000] [--runs 3] [--before DIR] [--min 30] [--json FILE] [--tree]
// --tree: each listed task's nested trace events of 2 ms CPU or more and its CPU-profile samples (as tasks.mjs).
import { loadavg } from 'node:os';
import { writeFileSync } from 'node:fs';
import { launchBenchBrowser, median } from '../lib/harness.mjs';
import { serveChainBench } from './serve.mjs';
import { mainTasks } from './tasks.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const n = Number(opt('--n', '5000'));
const runs = Number(opt('--runs', '3'));
const minMs = Number(opt('--min', '30'));
const before = opt('--before', '');

const slots = [{ name: 'after', ...(await serveChainBench(`civic-chain-pan-${process.pid}`)) }];
if (before) slots.unshift({ name: 'before', ...(await serveChainBench(`civic-chain-pan-before-${process.pid}`, before)) });
const browser = await launchBenchBrowser();
const once = async (slot) => {
  const context = await browser.newContext({ viewport: { width: 1300, height: 900 } });
  try {
    const page = await context.newPage();
    page.on('pageerror', (e) => console.log('[page error]', e.message));
    await page.goto(`http://127.0.0.1:${slot.port}/`);
    await page.waitForFunction(() => typeof window.pan === 'function', undefined, { timeout: 180000 });
    await browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing', 'devtools.timeline', ...(args.includes('--tree') ? ['disabled-by-default-v8.cpu_profiler'] : [])] });
    // Without the page's block monitor: its task loop fills idle time with main-thread CPU (more, the less the element does).
    const r = await page.evaluate((k) => window.pan(k, false), n);
    const trace = JSON.parse((await browser.stopTracing()).toString());
    // Tasks whose CPU exceeds their wall time are thread-clock artefacts of a loaded machine (see tasks.mjs): left out.
    const all = mainTasks(trace, 'chain-pan-start', 'chain-pan-end', minMs) ?? [];
    const tasks = all.filter((t) => t.cpu <= t.wall * 1.1 + 2);
    return { ...r, taskCpuMaxMs: Math.round(tasks[0]?.cpu ?? 0), tasksOver50: tasks.filter((t) => t.cpu > 50).length, long: tasks.filter((t) => t.cpu >= minMs), mainCpuMs: Math.round(all.reduce((a, t) => a + t.cpu, 0)), ...cpuOfThreads(trace) };
  } finally {
    await context.close();
  }
};
/**
 * CPU (ms) of every traced thread between the gesture's marks (tasks straddling a mark pro rata): the renderer's main
 * thread is in mainCpuMs; `otherCpuMs` is the rest (compositor, raster and the browser/GPU processes' compositing),
 * the cost of a frame that a busy main thread does not show.
 */
function cpuOfThreads(trace) {
  const evs = trace.traceEvents ?? trace;
  const a = evs.find((e) => e.name === 'chain-pan-start');
  const b = evs.find((e) => e.name === 'chain-pan-end');
  if (!a || !b) return { otherCpuMs: NaN };
  const main = evs.find((e) => e.name === 'thread_name' && e.pid === a.pid && e.args?.name === 'CrRendererMain');
  let o = 0;
  for (const e of evs) {
    if (e.ph !== 'X' || e.name !== 'ThreadControllerImpl::RunTask' || e.tdur === undefined || (e.pid === main.pid && e.tid === main.tid)) continue;
    const from = Math.max(e.ts, a.ts), to = Math.min(e.ts + e.dur, b.ts);
    if (to > from) o += (e.tdur / 1000) * ((to - from) / Math.max(1, e.dur));
  }
  return { otherCpuMs: Math.round(o) };
}

const out = { date: new Date().toISOString(), n, runs, slots: {} };
const res = new Map(slots.map((s) => [s.name, []]));
try {
  for (let i = 0; i < runs; i++) {
    const order = slots.map((_, j) => slots[(i + j) % slots.length]);
    for (const s of order) {
      const r = await once(s);
      res.get(s.name).push(r);
      console.log(
        `${s.name.padEnd(6)} run ${i + 1} (load ${loadavg()[0].toFixed(1)}): frames median ${r.medianFrameMs} / worst ${r.maxFrameMs} ms (pan ${r.panFrameMaxMs}, zoom ${r.zoomFrameMaxMs}, after ${r.afterFrameMaxMs}); element work median ${r.medianWorkMs} / worst ${r.maxWorkMs} ms; main-thread tasks: longest ${r.taskCpuMaxMs} ms CPU, ${r.tasksOver50} over 50 ms; gesture CPU main ${r.mainCpuMs} + other threads ${r.otherCpuMs} ms`,
      );
      for (const t of r.long) {
        const parts = [...t.parts].sort((p, q) => q[1] - p[1]).slice(0, 6).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ');
        console.log(`    task ${t.cpu.toFixed(0)} ms CPU / ${t.wall.toFixed(0)} wall at +${t.at.toFixed(0)} ms: ${parts}`);
        if (args.includes('--tree')) console.log(t.tree.slice(0, 30).join('\n'));
      }
    }
  }
  for (const s of slots) {
    const r = res.get(s.name);
    const md = (k) => median(r.map((x) => x[k]));
    const row = { frameMedian: md('medianFrameMs'), frameWorst: md('maxFrameMs'), workWorst: md('maxWorkMs'), taskCpuMax: md('taskCpuMaxMs'), tasksOver50: md('tasksOver50'), mainCpu: md('mainCpuMs'), otherCpu: md('otherCpuMs') };
    out.slots[s.name] = { ...row, all: r.map(({ long, ...x }) => x) };
    console.log(`${s.name.padEnd(6)} median of ${runs}: frame median ${row.frameMedian} ms, worst frame ${row.frameWorst} ms, element work worst ${row.workWorst} ms, longest task ${row.taskCpuMax} ms CPU, tasks over 50 ms CPU ${row.tasksOver50}, gesture CPU main ${row.mainCpu} + other threads ${row.otherCpu} ms`);
  }
  out.loadavg = loadavg();
  console.log(`load average at the end: ${out.loadavg.map((x) => x.toFixed(1)).join(' ')}`);
  if (args.includes('--json')) writeFileSync(opt('--json', ''), JSON.stringify(out, null, 2));
} finally {
  await browser.close();
  for (const s of slots) s.server.close();
}
