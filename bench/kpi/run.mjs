// Benchmark of <civic-kpi-grid> / <civic-kpi-tile> (issues 5, 16): N tiles whose values all change every second, with
// count-up animation on, for a given time, in headless Chromium (playwright-core + the system Chromium).
//   node bench/kpi/run.mjs                       200 tiles, 60 s (+ a 25-row rank board re-sorting every second)
//   node bench/kpi/run.mjs --seconds 20 --tiles 200 --rank 0
//   --reduce (reduced motion: no count-up), --no-baseline (element only), --no-trace (no CPU-time figures)
//   --before <dir>   also the same page built from another tree's src/ and bench/kpi/page.ts (e.g. the last commit:
//                    git archive HEAD src bench/kpi | tar -x -C /tmp/kpi-before), loaded before each load of the element:
//                    before / after interleaved in one run, so a load swing falls on both
//   --rounds N       N loads of each element page, interleaved (before, after, after, before …; default 1)
// Three page loads of the same page (with --before four or more), one after another: the element, then two baselines in plain DOM — `plain`
// (N divs whose text is set once a second: the floor of this machine under its current load) and `countup` (the
// same divs counting up in one rAF loop). Long tasks are counted with PerformanceObserver('longtask') (every task
// over 50 ms of wall-clock time: on a loaded machine a task that waits for a core grows, so read them against the
// `plain` column of the same run); a Chromium trace of the same run gives each main-thread task's CPU time, which
// the load inflates far less. Also prints layout shifts (CLS), frame intervals / dropped frames and JS heap growth
// after warm-up; writes bench/results/kpi.json. Goal: no long task over 50 ms; heap flat (< 5 % growth after warm-up).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, loadavg, tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { serveFiles, launchBenchBrowser, bundleBenchPage, percentile } from '../lib/harness.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const here = fileURLToPath(new URL('.', import.meta.url));
const out = join(tmpdir(), 'civic-kpi-bench');
mkdirSync(out, { recursive: true });
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? Number(args[i + 1]) : dflt;
};
const seconds = opt('--seconds', Number.isFinite(Number(args[0])) ? Number(args[0]) : 60);
const tiles = opt('--tiles', 200);
const rank = opt('--rank', 25);
const warmup = Math.min(10, Math.max(2, Math.round(seconds / 6)));
const reduce = args.includes('--reduce');
const withBaseline = !args.includes('--no-baseline');
const withTrace = !args.includes('--no-trace');
const beforeIdx = args.indexOf('--before');
const beforeDir = beforeIdx >= 0 ? args[beforeIdx + 1] : undefined;
const rounds = Math.max(1, opt('--rounds', 1));
const VIEWPORT = { width: 1920, height: 1080 };

await bundleBenchPage(join(here, 'page.ts'), { outfile: join(out, 'page.js'), minify: true, conditions: ['production'] });
if (beforeDir) {
  // The other tree's page, its imports resolved from this checkout's node_modules (same lit, same Chromium).
  await bundleBenchPage(join(beforeDir, 'bench/kpi/page.ts'), { outfile: join(out, 'before.js'), minify: true, conditions: ['production'], nodePaths: [join(root, 'node_modules')] });
  writeFileSync(join(out, 'before.html'), readFileSync(join(here, 'index.html'), 'utf8').replace('/page.js', '/before.js'));
}

const { server, port } = await serveFiles((pathname) => {
  if (pathname === '/' || pathname === '/index.html') return join(here, 'index.html');
  else if (pathname === '/page.js') return join(out, 'page.js');
  else if (beforeDir && pathname === '/before.html') return join(out, 'before.html');
  else if (beforeDir && pathname === '/before.js') return join(out, 'before.js');
  return undefined;
});

/**
 * Main-thread tasks of the bench page's renderer from a Chromium trace (category toplevel): each task's wall-clock
 * and CPU (thread) time, split at the page's 'bench-first-update' mark. CPU time is what the code spends; the wall
 * clock adds the time the thread waited for a core.
 */
function taskCpu(trace) {
  const evs = trace.traceEvents ?? trace;
  const mark = evs.find((e) => e.name === 'bench-first-update');
  if (!mark) return undefined;
  const main = evs.find((e) => e.name === 'thread_name' && e.pid === mark.pid && e.args?.name === 'CrRendererMain');
  if (!main) return undefined;
  const tasks = evs.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && e.tdur !== undefined);
  const sum = (xs) => {
    const cpu = xs.map((t) => t.tdur / 1000).sort((a, b) => a - b);
    const span = xs.length ? (Math.max(...xs.map((t) => t.ts + t.dur)) - Math.min(...xs.map((t) => t.ts))) / 1e6 : 0;
    return {
      tasks: xs.length,
      over50: cpu.filter((x) => x > 50).length,
      over25: cpu.filter((x) => x > 25).length,
      wallOver50: xs.filter((t) => t.dur > 50000).length,
      max: cpu.at(-1) ?? 0,
      p99: percentile(cpu, 99) || 0,
      busyPerSecond: span > 0 ? cpu.reduce((a, b) => a + b, 0) / span : 0,
    };
  };
  const gc = ['bench-gc-start', 'bench-gc-end'].map((n) => evs.find((e) => e.name === n && e.pid === mark.pid)?.ts);
  const counted = gc[0] === undefined ? tasks : tasks.filter((t) => !(t.ts + t.dur >= gc[0] && t.ts <= (gc[1] ?? Infinity)));
  return { atStart: sum(counted.filter((t) => t.ts < mark.ts)), updates: sum(counted.filter((t) => t.ts >= mark.ts)) };
}

const browser = await launchBenchBrowser();
let exitCode = 0;
try {
  const context = await browser.newContext({ viewport: VIEWPORT, reducedMotion: reduce ? 'reduce' : 'no-preference' });
  const page = await context.newPage();
  page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && console.log('[page]', m.text()));
  page.on('pageerror', (e) => console.log('[page error]', e.message));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const u = await cdp.send('Runtime.getHeapUsage');
    const m = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((x) => [x.name, x.value]));
    return { used: u.usedSize, nodes: m.Nodes, listeners: m.JSEventListeners };
  };
  const measure = async (mode, before = false) => {
    await page.goto(`http://127.0.0.1:${port}/${before ? 'before.html' : ''}`);
    await page.waitForFunction(() => typeof window.startBench === 'function');
    if (withTrace) await browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing'] });
    await page.evaluate(([s, n, rk, m]) => window.startBench(s, n, rk, m), [seconds, tiles, rank, mode]);
    await page.waitForTimeout(warmup * 1000);
    // Forced GC for the heap reading: marked, so neither the page nor the trace counts its task.
    await page.evaluate(() => performance.mark('bench-gc-start'));
    const h0 = await heap();
    await page.evaluate(() => performance.mark('bench-gc-end'));
    await page.waitForFunction(() => window.benchResult !== undefined, null, { timeout: (seconds + 60) * 1000, polling: 500 });
    const r = await page.evaluate(() => window.benchResult);
    const cpu = withTrace ? taskCpu(JSON.parse((await browser.stopTracing()).toString())) : undefined;
    const h1 = await heap();
    return { ...r, cpu, load: loadavg()[0], heap: { warm: h0, end: h1, growthPercent: ((h1.used - h0.used) / h0.used) * 100 } };
  };
  // Interleaved: before (with --before) and after in turn, then the baselines.
  const befores = [];
  const els = [];
  // The order alternates from round to round (before, after; after, before; …): the second load of a pair kept losing
  // on the shared machine whichever tree it was (session 14: five A/B runs of one change, both orders), so with an
  // even number of rounds that bias falls on both sides.
  for (let i = 0; i < rounds; i++) {
    if (beforeDir && i % 2 === 1) {
      els.push(await measure('element'));
      befores.push(await measure('element', true));
      continue;
    }
    if (beforeDir) befores.push(await measure('element', true));
    els.push(await measure('element'));
  }
  const el = els[0];
  const plain = withBaseline ? await measure('plain') : undefined;
  const base = withBaseline ? await measure('countup') : undefined;
  const mb = (b) => (b / 1048576).toFixed(2);
  const lt = (r) => `${r.longTasks.length} (longest ${(r.longTasks.length ? Math.max(...r.longTasks) : 0).toFixed(0)} ms)`;
  const fi = (r) => `${r.frameIntervals.p50.toFixed(1)} / ${r.frameIntervals.p95.toFixed(1)} / ${r.frameIntervals.max.toFixed(1)}`;
  const hp = (r) => `${mb(r.heap.warm.used)} → ${mb(r.heap.end.used)} (${r.heap.growthPercent >= 0 ? '+' : ''}${r.heap.growthPercent.toFixed(1)} %)`;
  const cols = [...els.flatMap((e, i) => (beforeDir ? [befores[i], e] : [e]))];
  const row = (name, f, goal = '') => console.log(`| ${name} | ${cols.map((c) => f(c)).join(' | ')} | ${plain ? f(plain) : '–'} | ${base ? f(base) : '–'} | ${goal} |`);
  const ltStart = (r) => `${r.longTasksAtStart.length} (longest ${(r.longTasksAtStart.length ? Math.max(...r.longTasksAtStart) : 0).toFixed(0)} ms)`;
  const ltUpd = (r) => {
    const xs = r.longTasks.slice(r.longTasksAtStart.length); // in order of start: the page's tasks first
    return `${xs.length} (longest ${(xs.length ? Math.max(...xs) : 0).toFixed(0)} ms)`;
  };
  const cpuLt = (r, k) => (r.cpu ? `${r.cpu[k].over50} (longest ${r.cpu[k].max.toFixed(0)} ms)` : '–');
  const cpuBusy = (r) => (r.cpu ? `${r.cpu.updates.busyPerSecond.toFixed(0)} ms / ${r.cpu.updates.p99.toFixed(1)} ms` : '–');
  console.log(`\n<civic-kpi-grid> bench: ${tiles} tiles in one <civic-kpi-grid>, all values changing every second for ${seconds} s, count-up ${reduce ? 'off (reduced motion)' : 'on (800 ms)'}${rank ? `, plus a ${rank}-row <civic-rank-board> re-sorting every second` : ''}`);
  console.log(`setup: headless Chromium ${browser.version()}, viewport ${VIEWPORT.width}×${VIEWPORT.height}, page bundled minified from src/ (production conditions), three loads of the same page one after another; heap read after a ${warmup} s warm-up`);
  console.log(`columns: the element; plain = ${tiles} divs whose text is set once a second (the machine's floor); count-up = the same divs counting up in one rAF loop`);
  console.log(`machine: ${cpus().length} cores, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} (wall-clock figures scale with load; compare with the plain column of the same run)`);
  if (beforeDir) console.log(`before = the page built from ${beforeDir}; after = this checkout; loads in column order, but for even rounds after before before`);
  const head = cols.map((c, i) => (beforeDir ? `${i % 2 ? 'after' : 'before'}${rounds > 1 ? ` ${(i >> 1) + 1}` : ''}` : `<civic-kpi-grid>${rounds > 1 ? ` ${i + 1}` : ''}`));
  console.log(`| measure | ${head.join(' | ')} | plain DOM (floor) | plain DOM count-up | goal |`);
  console.log(`| --- | ${head.map(() => '---:').join(' | ')} | ---: | ---: | --- |`);
  row('load average (1 min) at the end of the load', (r) => r.load.toFixed(1));
  row('updates applied', (r) => r.updates);
  row('long tasks > 50 ms (PerformanceObserver longtask), all', lt);
  row('… while updating every second', ltUpd, '0');
  row('… while the page builds', ltStart);
  row('tasks over 50 ms of main-thread CPU time (trace), while updating', (r) => cpuLt(r, 'updates'), '0');
  row('… while the page builds', (r) => cpuLt(r, 'atStart'));
  // Half the long-task threshold in CPU time: frames that become long tasks on the wall clock once the thread waits
  // for a core about as long as it runs (a loaded machine); far less noisy than the wall-clock count.
  row('tasks over 25 ms of main-thread CPU time (trace), while updating', (r) => (r.cpu ? String(r.cpu.updates.over25) : '–'));
  row('main-thread CPU per second / p99 task CPU, while updating', cpuBusy);
  const cls = (r) => (r.layoutShifts ? `${r.layoutShifts.count} (CLS ${r.layoutShifts.cls.toFixed(4)})` : '–');
  const cls0 = (r) => (r.layoutShifts ? `${r.layoutShifts.atStart} (CLS ${r.layoutShifts.clsAtStart.toFixed(4)})` : '–');
  row('layout shifts during updates (sum)', cls, '0');
  row('layout shifts while the page builds', cls0);
  row('frame interval p50 / p95 / max (ms)', fi);
  row('frames / dropped frames', (r) => `${r.frames} / ${r.frameIntervals.dropped}`);
  row('data update → every tile rendered, mean / max (ms)', (r) => `${r.updateMs.mean.toFixed(1)} / ${r.updateMs.max.toFixed(1)}`);
  row(`JS heap after ${warmup} s warm-up → end (MB, after GC)`, hp, '< 5 %');
  row('DOM nodes warm-up → end', (r) => `${r.heap.warm.nodes} → ${r.heap.end.nodes}`, 'flat');
  const r = el;
  const growth = el.heap.growthPercent;
  const updatingLong = r.longTasks.length - r.longTasksAtStart.length;
  const met = updatingLong === 0 && growth < 5;
  console.log(`\nGoal (no long task > 50 ms while updating, heap growth < 5 %): ${met ? 'MET' : 'NOT MET'}${!met && r.cpu && r.cpu.updates.over50 === 0 ? ' on the wall clock; no task used more than 50 ms of CPU (the rest is waiting for a core: see the plain column)' : ''}`);
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(
    join(root, 'bench/results/kpi.json'),
    JSON.stringify({ date: new Date().toISOString(), chromium: browser.version(), load: loadavg(), tiles, seconds, rank, reducedMotion: reduce, warmupSeconds: warmup, element: el, elementRounds: rounds > 1 ? els : undefined, before: beforeDir ? befores : undefined, plain, baseline: base, goalMet: met }, null, 2) + '\n',
  );
} catch (e) {
  console.error(e);
  exitCode = 1;
} finally {
  await browser.close();
  server.close();
}
process.exit(exitCode);
