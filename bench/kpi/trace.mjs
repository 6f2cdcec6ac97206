// What the KPI wall's long tasks are made of (issue 16): loads bench/kpi's page (element mode), records a Chromium
// trace of its updates, and for every main-thread task over --over ms of CPU time prints what it spent its CPU on
// (script by entry point, style, layout, paint …), plus the sum over all such tasks. One run; a diagnosis aid, not a
// benchmark (bench/kpi/run.mjs is the benchmark).
//   node bench/kpi/trace.mjs [--seconds 15] [--tiles 200] [--rank 25] [--over 30] [--mode element|plain|countup]
//   --save FILE   also writes the trace (JSON) for other analyses; --no-minify   readable function names in it
//   --invalidations   also counts layout invalidations by node and reason (what makes layouts start at the document)
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { serveFiles, launchBenchBrowser, bundleBenchPage } from '../lib/harness.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const out = join(tmpdir(), 'civic-kpi-trace');
mkdirSync(out, { recursive: true });
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? Number(args[i + 1]) : dflt;
};
const seconds = opt('--seconds', 15);
const tiles = opt('--tiles', 200);
const rank = opt('--rank', 25);
const over = opt('--over', 30);
const mode = args.includes('--mode') ? args[args.indexOf('--mode') + 1] : 'element';

await bundleBenchPage(join(here, 'page.ts'), { outfile: join(out, 'page.js'), minify: !args.includes('--no-minify'), conditions: ['production'] });
const { server, port } = await serveFiles((p) => (p === '/' || p === '/index.html' ? join(here, 'index.html') : p === '/page.js' ? join(out, 'page.js') : undefined));
const browser = await launchBenchBrowser();
try {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, reducedMotion: args.includes('--reduce') ? 'reduce' : 'no-preference' });
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => typeof window.startBench === 'function');
  const invalidations = args.includes('--invalidations');
  await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline', 'blink.user_timing', 'v8.execute', 'disabled-by-default-devtools.timeline.stack', ...(invalidations ? ['disabled-by-default-devtools.timeline.invalidationTracking'] : [])] });
  await page.evaluate(([s, n, r, m]) => window.startBench(s, n, r, m), [seconds, tiles, rank, mode]);
  await page.waitForFunction(() => window.benchResult !== undefined, null, { timeout: (seconds + 60) * 1000, polling: 500 });
  const raw = (await browser.stopTracing()).toString();
  if (args.includes('--save')) writeFileSync(args[args.indexOf('--save') + 1], raw);
  const evs = JSON.parse(raw).traceEvents;
  const mark = evs.find((e) => e.name === 'bench-first-update');
  const main = evs.find((e) => e.name === 'thread_name' && e.pid === mark.pid && e.args?.name === 'CrRendererMain');
  const onMain = evs.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.ts >= mark.ts);
  const tasks = onMain.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && e.tdur > over * 1000);
  const KINDS = ['FunctionCall', 'FireAnimationFrame', 'TimerFire', 'EventDispatch', 'RunMicrotasks', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'UpdateLayer', 'HitTest', 'ParseHTML', 'MajorGC', 'MinorGC', 'V8.GC_SCAVENGER', 'ScheduleStyleRecalculation', 'IntersectionObserverController::computeIntersections', 'ResizeObserver', 'FireIdleCallback'];
  const total = {};
  console.log(`${tasks.length} main-thread tasks over ${over} ms CPU while updating (${seconds} s, ${tiles} tiles, rank ${rank})`);
  for (const t of tasks) {
    const inside = onMain.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur && KINDS.includes(e.name));
    const by = {};
    for (const e of inside) {
      // Count each kind at its outermost occurrence only (a Layout inside a FunctionCall is forced: kept apart).
      const parent = inside.find((p) => p !== e && p.ts <= e.ts && p.ts + p.dur >= e.ts + e.dur && p.name === e.name);
      if (parent) continue;
      const inScript = inside.some((p) => p !== e && ['FunctionCall', 'FireAnimationFrame', 'TimerFire', 'RunMicrotasks', 'EventDispatch'].includes(p.name) && p.ts <= e.ts && p.ts + p.dur >= e.ts + e.dur);
      const k = inScript && ['UpdateLayoutTree', 'Layout'].includes(e.name) ? `forced ${e.name}` : e.name;
      by[k] = (by[k] ?? 0) + (e.tdur ?? e.dur) / 1000;
    }
    for (const [k, v] of Object.entries(by)) total[k] = (total[k] ?? 0) + v;
    // Layouts of this task: objects dirty / in the tree, and how many layout roots (contained boxes laid out alone).
    const lays = inside.filter((e) => e.name === 'Layout' && e.args?.beginData);
    if (args.includes('--layouts')) for (const e of lays) console.log(`  layout ${((e.tdur ?? e.dur) / 1000).toFixed(1)} ms: dirty ${e.args.beginData.dirtyObjects} / ${e.args.beginData.totalObjects}, partial ${e.args.beginData.partialLayout}, roots ${e.args.endData?.layoutRoots?.length ?? '?'}`);
    console.log(`task ${(t.tdur / 1000).toFixed(1)} ms CPU (${(t.dur / 1000).toFixed(1)} wall): ${Object.entries(by).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}`);
  }
  // Every task while updating, not only the long ones: CPU per second by kind (outermost events of each name).
  const span = (Math.max(...onMain.map((e) => e.ts + e.dur)) - mark.ts) / 1e6;
  const all = {};
  for (const k of ['Layerize', 'Layout', 'UpdateLayoutTree', 'Paint', 'PrePaint', 'FireAnimationFrame', 'FunctionCall', 'TimerFire', 'RunMicrotasks']) {
    const xs = onMain.filter((e) => e.name === k).sort((a, b) => a.ts - b.ts);
    let end = -1;
    let cpu = 0;
    for (const e of xs) {
      if (e.ts < end) continue; // nested in the previous one of the same name
      end = e.ts + e.dur;
      cpu += (e.tdur ?? e.dur) / 1000;
    }
    all[k] = cpu / span;
  }
  const runTasks = onMain.filter((e) => e.name === 'ThreadControllerImpl::RunTask');
  console.log(`all tasks while updating (${span.toFixed(1)} s): ${(runTasks.reduce((n, t) => n + (t.tdur ?? 0), 0) / 1000 / span).toFixed(1)} ms CPU/s; by kind (ms CPU/s): ${Object.entries(all).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}`);
  // Per painting frame (robust to the load, unlike per second): what its rendering costs, and where its layouts start
  // (at the document, or at relayout boundaries: tiles, value boxes).
  const per = (k) => {
    const xs = onMain.filter((e) => e.name === k);
    return `${k} ${(xs.reduce((n, e) => n + (e.tdur ?? e.dur), 0) / 1000 / Math.max(1, xs.length)).toFixed(2)}`;
  };
  const layouts = onMain.filter((e) => e.name === 'Layout' && e.args?.endData?.layoutRoots);
  const atDocument = layouts.filter((e) => e.args.endData.layoutRoots.some((r) => r.nodeName === '#document')).length;
  console.log(`painting frames: ${(onMain.filter((e) => e.name === 'PrePaint').length / span).toFixed(1)}/s; ms CPU each: ${['Layerize', 'PrePaint', 'Layout', 'UpdateLayoutTree'].map(per).join(', ')}; layouts from the document ${atDocument} of ${layouts.length}`);
  // Forced style and layout (read by script while the DOM was dirty), by the script frame that forced them.
  const forced = {};
  for (const e of onMain) {
    if (e.name !== 'UpdateLayoutTree' && e.name !== 'Layout') continue;
    const stack = e.args?.beginData?.stackTrace;
    if (!stack?.length) continue;
    const f = stack[0];
    const key = `${e.name} ← ${f.functionName || '(anonymous)'} ${String(f.url).split('/').pop()}:${f.lineNumber}:${f.columnNumber}`;
    forced[key] = (forced[key] ?? 0) + (e.tdur ?? e.dur) / 1000;
  }
  for (const [k, v] of Object.entries(forced).sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`forced: ${(v / span).toFixed(2)} ms CPU/s ${k}`);
  if (invalidations) {
    // What makes layouts start at the document (--invalidations): layout invalidations by node and reason.
    const inv = {};
    for (const e of evs) {
      if (e.name !== 'LayoutInvalidationTracking' || e.ts < mark.ts) continue;
      const d = e.args?.data ?? {};
      const k = `${d.nodeName ?? '?'} (${d.reason ?? '?'})`;
      inv[k] = (inv[k] ?? 0) + 1;
    }
    for (const [k, v] of Object.entries(inv).sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`layout invalidations: ${(v / span).toFixed(1)}/s ${k}`);
  }
  console.log('sum over the long tasks:', Object.entries(total).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', '));
} finally {
  await browser.close();
  server.close();
}
