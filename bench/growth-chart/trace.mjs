// Where the growth chart's first render and update spend their time, next to the raw d3 chart's (issue 16): a
// Chromium trace (devtools.timeline) of N first renders and U updates of each, cut to the bench's measured intervals
// (its user-timing marks); prints the main thread's self time per trace event (style recalculation, layout, script,
// microtasks…) per interval, averaged, for both charts side by side.
// With --selectors: also Blink's CSS selector statistics (the DevTools "selector stats"), the costliest selectors in the
// element's intervals. With --lean: only the user-timing marks (and --profile's samples) are traced, not
// devtools.timeline, whose probes (a stack trace per setTimeout, style invalidation tracking) inflate script time: use
// it to read temporary gcb|phase|<name>|s/e marks placed in the element's code (CPU per phase) without that overhead.
// With --threads: the CPU other threads spent during the intervals (the browser's, the GPU process's: a chart's wall
// time above its main-thread CPU time is the main thread waiting for a core those threads hold, not idle waiting).
// --settle-frames N as in run.mjs (page.ts nextFrame, default 3).
//   node bench/growth-chart/trace.mjs [--runs 12] [--updates 40] [--selectors] [--lean] [--same] [--objects] [--profile [--top 45]] [--threads] [--fresh-periods]
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { openBenchPage, traced } from '../lib/bench-page.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const out = join(tmpdir(), `civic-growth-chart-trace-${process.pid}`); // per run: two helpers may run it at once
const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : dflt);
const runs = opt('--runs', 12);
const updates = opt('--updates', 40);
const selectorStats = args.includes('--selectors');
const profile = args.includes('--profile');
// --same: also raw-same (raw d3 drawing the element's whole first picture, raw-same.ts) in its own columns.
const same = args.includes('--same');
const threads = args.includes('--threads');

const { context, page, close } = await openBenchPage({ entry: join(here, 'page.ts'), html: join(here, 'index.html'), outDir: out, minify: !args.includes('--no-minify') });
try {
  await page.evaluate((n) => window.benchSettle(n), opt('--settle-frames', 3));
  // --fresh-periods: each first render on quarters no recent chart had (page.ts firstData), as ab.mjs / run.mjs
  if (args.includes('--fresh-periods')) await page.evaluate(() => window.benchFreshPeriods(true));
  // warm-up, untraced
  await page.evaluate(async () => {
    await window.runRaw(3, 10);
    await window.runElement(3, 10);
  });
  const categories = `${args.includes('--lean') ? '' : 'devtools.timeline,'}blink.user_timing,v8.execute${selectorStats ? ',disabled-by-default-blink.debug' : ''}${profile ? ',disabled-by-default-v8.cpu_profiler' : ''}${threads ? ',toplevel,__metadata' : ''}`;
  const { events } = await traced(context, page, categories, () =>
    page.evaluate(
      async ([n, u, same]) => {
        window.benchMarks(true);
        globalThis.__pm = true;
        await window.runRaw(n, u);
        if (same) await window.runRaw(n, u, 0, 'same');
        await window.runElement(n, u);
        window.benchMarks(false);
        globalThis.__pm = false;
      },
      [runs, updates, same],
    ),
  );

  // The renderer main thread: the one that holds the marks.
  const marks = events.filter((e) => e.name.startsWith('gcb|'));
  const tid = marks[0]?.tid;
  const pid = marks[0]?.pid;
  const intervals = [];
  const open = new Map();
  for (const e of marks.sort((a, b) => a.ts - b.ts)) {
    const [, chart, what, edge] = e.name.split('|');
    const k = `${chart}|${what}`;
    if (edge === 's') open.set(k, e.ts);
    else if (open.has(k)) intervals.push({ k, t0: open.get(k), t1: e.ts, cpu: e.tts - open.get(`${k}|tts`) });
    if (edge === 's') open.set(`${k}|tts`, e.tts);
  }
  // Complete events on the main thread, self time (children subtracted).
  const xs = events.filter((e) => e.ph === 'X' && e.tid === tid && e.pid === pid && e.dur > 0).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const self = [];
  const stack = [];
  for (const e of xs) {
    while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= e.ts) stack.pop();
    // Self time on the thread's CPU clock where the event has one (a loaded machine inflates wall time, not this).
    const cpu = e.tdur ?? e.dur;
    const rec = { name: e.name, ts: e.ts, dur: e.dur, self: cpu, top: stack.length === 0 };
    if (stack.length) stack[stack.length - 1].rec.self -= cpu;
    stack.push({ ts: e.ts, dur: e.dur, rec });
    self.push(rec);
  }
  const sums = {};
  const counts = {};
  for (const iv of intervals) {
    const s = (sums[iv.k] ??= {});
    counts[iv.k] = (counts[iv.k] ?? 0) + 1;
    s['(interval wall)'] = (s['(interval wall)'] ?? 0) + (iv.t1 - iv.t0);
    s['(interval CPU)'] = (s['(interval CPU)'] ?? 0) + (iv.cpu || 0);
    for (const r of self) if (r.ts >= iv.t0 && r.ts < iv.t1) s[r.name] = (s[r.name] ?? 0) + r.self;
    // Main-thread tasks the interval spans (a wait for another task shows as idle: wall not covered by any task).
    let covered = 0;
    let tasks = 0;
    for (const r of self) {
      if (!r.top || r.ts >= iv.t1 || r.ts + r.dur <= iv.t0) continue;
      tasks++;
      covered += Math.min(iv.t1, r.ts + r.dur) - Math.max(iv.t0, r.ts);
    }
    s['(idle: between tasks)'] = (s['(idle: between tasks)'] ?? 0) + (iv.t1 - iv.t0 - covered);
    s['(tasks spanned, count×1000)'] = (s['(tasks spanned, count×1000)'] ?? 0) + tasks * 1000;
  }
  const keys = ['raw|first', 'raw-same|first', 'element|first', 'raw|update', 'raw-same|update', 'element|update'].filter((k) => counts[k]);
  // Other marked intervals (temporary gcb|phase|<name>|s/e marks placed in the element's code while profiling it),
  // by the measured interval they fall in.
  const phases = new Map();
  for (const iv of intervals.filter((x) => x.k.startsWith('phase|'))) {
    const outer = intervals.find((o) => keys.includes(o.k) && iv.t0 >= o.t0 && iv.t1 <= o.t1);
    if (!outer) continue;
    const k = `${outer.k} ${iv.k.slice(6)}`;
    const ph = phases.get(k) ?? { us: 0, n: 0 };
    ph.us += iv.cpu || 0;
    ph.n++;
    phases.set(k, ph);
  }
  for (const [k, { us, n }] of phases) console.log(`${k}: ${(n / counts[k.split(' ')[0]]).toFixed(2)}× per interval, CPU ${(us / 1000 / counts[k.split(' ')[0]]).toFixed(3)} ms per interval`);
  const names = [...new Set(keys.flatMap((k) => Object.keys(sums[k])))].sort((a, b) => (sums['element|first']?.[b] ?? 0) - (sums['element|first']?.[a] ?? 0));
  console.log(`self time per interval, ms of the main thread's CPU clock (mean of ${runs} first renders / ${updates} updates)`);
  console.log(`| event | ${keys.join(' | ')} |`);
  console.log(`| --- | ${keys.map(() => '---:').join(' | ')} |`);
  for (const n of names) {
    const vals = keys.map((k) => (sums[k][n] ?? 0) / 1000 / counts[k]);
    if (Math.max(...vals) < 0.05) continue;
    console.log(`| ${n} | ${vals.map((v) => v.toFixed(2)).join(' | ')} |`);
  }
  if (threads) otherThreads(events, intervals, keys, counts, pid, tid);
  if (args.includes('--objects')) {
    // Elements restyled and objects laid out per interval (UpdateLayoutTree elementCount, Layout dirtyObjects).
    for (const k of keys) {
      const ivs = intervals.filter((iv) => iv.k === k);
      let styled = 0;
      let laid = 0;
      let total = 0;
      for (const e of events) {
        if (e.tid !== tid || !ivs.some((iv) => e.ts >= iv.t0 && e.ts < iv.t1)) continue;
        if (e.name === 'UpdateLayoutTree') styled += e.args?.elementCount ?? 0;
        if (e.name === 'Layout' && e.ph === 'X') {
          laid += e.args?.beginData?.dirtyObjects ?? 0;
          total += e.args?.beginData?.totalObjects ?? 0;
        }
      }
      console.log(`${k}: ${(styled / counts[k]).toFixed(0)} elements restyled, ${(laid / counts[k]).toFixed(0)} of ${(total / counts[k]).toFixed(0)} layout objects dirty`);
    }
  }
  if (profile) {
    // V8 CPU profile samples (ProfileChunk events, same clock as the marks) inside the intervals: self time per
    // function and inclusive time of the page's own functions (minified names: build the page without --minify to read them).
    const nodes = new Map();
    const samples = [];
    const prof = events.find((e) => e.name === 'Profile' && e.tid === tid);
    let t = prof?.args?.data?.startTime ?? 0;
    for (const e of events.filter((x) => x.name === 'ProfileChunk' && x.id === prof?.id).sort((p, q) => p.ts - q.ts)) {
      const d = e.args?.data;
      for (const n of d?.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
      const ids = d?.cpuProfile?.samples ?? [];
      const deltas = d?.timeDeltas ?? [];
      for (let i = 0; i < ids.length; i++) samples.push({ id: ids[i], t: (t += deltas[i]) });
    }
    for (const k of keys) {
      const ivs = intervals.filter((iv) => iv.k === k);
      const self = new Map();
      const incl = new Map();
      let total = 0;
      for (let i = 0; i + 1 < samples.length; i++) {
        const s = samples[i];
        if (!ivs.some((iv) => s.t >= iv.t0 && s.t < iv.t1)) continue;
        const dt = samples[i + 1].t - s.t;
        total += dt;
        const nameOf = (n) => `${n.callFrame.functionName || '(anon)'}${n.callFrame.url ? ` ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}` : ''}`;
        const leaf = nodes.get(s.id);
        if (!leaf) continue;
        self.set(nameOf(leaf), (self.get(nameOf(leaf)) ?? 0) + dt);
        const seen = new Set();
        for (let n = leaf; n; n = nodes.get(n.parent)) {
          const nm = nameOf(n);
          if (seen.has(nm)) continue;
          seen.add(nm);
          incl.set(nm, (incl.get(nm) ?? 0) + dt);
        }
      }
      const c = counts[k];
      console.log(`\n${k}: sampled ${(total / 1000 / c).toFixed(2)} ms per interval`);
      console.log('  self: ' + [...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([f, us]) => `${f} ${(us / 1000 / c).toFixed(2)}`).join('\n        '));
      console.log('  incl: ' + [...incl].sort((a, b) => b[1] - a[1]).slice(0, opt('--top', 45)).map(([f, us]) => `${f} ${(us / 1000 / c).toFixed(2)}`).join('\n        '));
    }
  }
  if (selectorStats) {
    // SelectorStats events: per style recalculation, each selector's time, attempts and matches.
    for (const k of keys) {
      const ivs = intervals.filter((iv) => iv.k === k);
      const per = new Map();
      for (const e of events) {
        const list = e.name === 'SelectorStats' ? e.args?.selector_stats?.selector_timings : undefined;
        if (!list || !ivs.some((iv) => e.ts >= iv.t0 && e.ts < iv.t1)) continue;
        for (const t of list) {
          const r = per.get(t.selector) ?? { us: 0, attempts: 0, matches: 0, rejects: 0 };
          r.us += t['elapsed (us)'] ?? 0;
          r.attempts += t.match_attempts ?? 0;
          r.matches += t.match_count ?? 0;
          r.rejects += t.fast_reject_count ?? 0;
          per.set(t.selector, r);
        }
      }
      const all = [...per.values()].reduce((a, r) => ({ us: a.us + r.us, attempts: a.attempts + r.attempts, matches: a.matches + r.matches }), { us: 0, attempts: 0, matches: 0 });
      console.log(`\n${k}: selectors, per interval: ${(all.us / 1000 / counts[k]).toFixed(2)} ms matching, ${(all.attempts / counts[k]).toFixed(0)} attempts, ${(all.matches / counts[k]).toFixed(0)} matches`);
      for (const [sel, r] of [...per].sort((a, b) => b[1].attempts - a[1].attempts).slice(0, 25)) {
        console.log(`  ${(r.attempts / counts[k]).toFixed(0).padStart(6)} attempts ${(r.matches / counts[k]).toFixed(0).padStart(5)} matches ${(r.us / counts[k]).toFixed(0).padStart(5)} us  ${sel.slice(0, 90)}`);
      }
    }
  }
} finally {
  await close();
}

/**
 * CPU of every other thread (renderer, GPU, browser processes) inside the measured intervals: its top-level events'
 * thread time, scaled by the part of each event that falls inside an interval; per interval, by thread.
 */
function otherThreads(events, intervals, keys, counts, pid, tid) {
  const names = new Map(events.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args?.name ?? '?']));
  const proc = new Map();
  for (const [k, n] of names) if (n === 'CrGpuMain' || n === 'CrBrowserMain') proc.set(k.split(':')[0], n === 'CrGpuMain' ? 'gpu' : 'browser');
  const label = (p, t) => `${p === pid ? 'renderer' : proc.get(String(p)) ?? `pid ${p}`} ${names.get(`${p}:${t}`) ?? t}`;
  // top-level events per thread (not nested in another event of the same thread)
  const byThread = new Map();
  for (const e of events) if (e.ph === 'X' && e.dur > 0 && !(e.pid === pid && e.tid === tid)) (byThread.get(`${e.pid}:${e.tid}`) ?? byThread.set(`${e.pid}:${e.tid}`, []).get(`${e.pid}:${e.tid}`)).push(e);
  const rows = new Map();
  for (const [k, xs] of byThread) {
    xs.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    let end = -Infinity;
    for (const e of xs) {
      if (e.ts < end) continue;
      end = e.ts + e.dur;
      for (const iv of intervals) {
        if (!keys.includes(iv.k)) continue;
        const o = Math.min(iv.t1, e.ts + e.dur) - Math.max(iv.t0, e.ts);
        if (o <= 0) continue;
        const [p, t] = k.split(':').map(Number);
        const r = rows.get(label(p, t)) ?? rows.set(label(p, t), {}).get(label(p, t));
        r[iv.k] = (r[iv.k] ?? 0) + (o * (e.tdur ?? e.dur)) / e.dur;
      }
    }
  }
  console.log('\nother threads\' CPU inside the intervals, ms per interval (top-level events\' thread time, the part inside)');
  console.log(`| thread | ${keys.join(' | ')} |`);
  console.log(`| --- | ${keys.map(() => '---:').join(' | ')} |`);
  const total = Object.fromEntries(keys.map((k) => [k, 0]));
  for (const [n, r] of [...rows].sort((a, b) => (b[1]['element|first'] ?? 0) - (a[1]['element|first'] ?? 0))) {
    const v = keys.map((k) => (r[k] ?? 0) / 1000 / counts[k]);
    keys.forEach((k, i) => (total[k] += v[i]));
    if (Math.max(...v) >= 0.02) console.log(`| ${n} | ${v.map((x) => x.toFixed(2)).join(' | ')} |`);
  }
  console.log(`| (all other threads) | ${keys.map((k) => total[k].toFixed(2)).join(' | ')} |`);
}
