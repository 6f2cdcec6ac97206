// Before/after run of the growth chart bench on one page: an older checkout's element (defined as
// <civic-growth-chart-before>), this checkout's element and the raw d3 chart, interleaved in rounds (the order rotates
// each round, reversed every other block of rounds so that no chart always follows the same one), so a loaded
// machine's swings fall on all three alike. Main-thread CPU time from traced user-timing marks (as run.mjs), wall time
// beside it. Resolution: A/A runs (the same sources in both slots, load 16-28) differed by up to ~12 % in first-render
// median within one run, so a single run does not resolve smaller changes; --control adds this checkout's element a
// second time (a subclass under its own tag, like 'before') as a same-run yardstick of that spread. Two raw d3 rows:
// raw (the issue's plain baseline) and raw-same (raw-same.ts, the element's whole first picture); ratios to both.
//   git worktree add -f /work/wt-before <commit> && ln -s "$PWD/node_modules" /work/wt-before/node_modules
//   node bench/growth-chart/ab.mjs --before /work/wt-before [--rounds 8] [--runs 5] [--updates 25] [--control] [--settle-frames 3] [--late-raw] [--fresh-periods]
// --fresh-periods: each first render gets quarters no recent chart had (page.ts firstData), so nothing the element keeps
// per period axis is found again, as for a page's first chart; without it all first renders share 2013Q1–2022Q4.
// --settle-frames N[,M…]: animation frames each chart waits before its timer (page.ts nextFrame; default 3, so the page
// has drawn the chart's pre-data frame; 1 = the timing before session 14, when that drawing ran during the interval);
// a list runs every chart at each value in the same rounds, a row per value (`after@1`), ratios to raw at that value.
// --frame mirror|timer|static[,…] (default mirror; --frame-in-timer = timer, the earlier numbers): what the raw d3 charts
// build before their first-render timer (page.ts "Frame": mirror = the counterparts of the element's connected,
// data-less state); a list adds raw rows per frame (raw-fit, raw-same-fit, raw-static, …); ratios are to the first.
// --runs / --updates are per round and chart; the table also goes to bench/results/growth-chart-ab.json. Remove the worktree afterwards (git worktree remove, git worktree prune).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { median } from '../lib/harness.mjs';
import { openBenchPage, traced, cpuByMark } from '../lib/bench-page.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const out = join(tmpdir(), `civic-growth-chart-ab-${process.pid}`); // per run: two helpers may run it at once
mkdirSync(out, { recursive: true });
const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const before = opt('--before');
if (!before) throw new Error('--before <checkout of the older commit> is required');
const rounds = Number(opt('--rounds', 8));
const runs = Number(opt('--runs', 5));
const updates = Number(opt('--updates', 25));
const load0 = loadavg()[0];
// --control: this checkout's element a second time, defined like the older one (see the header).
const control = args.includes('--control');
// --late-raw: also the plain raw d3 chart as it was before session 15 (page.ts RawChart lateRead: its box read after
// its SVG went in, which forced a layout of the half-built chart), a row `raw-late` beside today's `raw`.
const lateRaw = args.includes('--late-raw');
const settles = String(opt('--settle-frames', 3)).split(',').map(Number);
const multi = settles.length > 1;
const frames = (args.includes('--frame-in-timer') ? 'timer' : opt('--frame', 'mirror')).split(',');
if (frames.some((x) => !['mirror', 'timer', 'static'].includes(x))) throw new Error('--frame mirror|timer|static[,…]');
const sfx = { mirror: '', timer: '-fit', static: '-static' };
const [rawRef, sameRef] = [`raw${sfx[frames[0]]}`, `raw-same${sfx[frames[0]]}`];

// The page: bench/growth-chart/page.ts (raw d3 + this checkout's element) plus the older element under its own tag.
const entry = join(out, 'ab-page.ts');
writeFileSync(
  entry,
  `import ${JSON.stringify(join(here, 'page.ts'))};
import { CivicGrowthChart as Before } from ${JSON.stringify(resolve(before, 'src/components/growth-chart/growth-chart.ts'))};
customElements.define('civic-growth-chart-before', class extends Before {});
${control ? `import { CivicGrowthChart as After } from ${JSON.stringify(join(here, '../../src/components/growth-chart/growth-chart.ts'))};
customElements.define('civic-growth-chart-control', class extends After {});` : ''}
`,
);
const { context, page, close } = await openBenchPage({ entry, html: join(here, 'index.html'), outDir: out });
const fresh = args.includes('--fresh-periods');
try {
  if (fresh) await page.evaluate(() => window.benchFreshPeriods(true));
  const base = [
    ...frames.flatMap((fr) => [
      [`raw${sfx[fr]}`, (n, u, off) => `window.runRaw(${n}, ${u}, ${off}, 'plain', '${fr}')`],
      [`raw-same${sfx[fr]}`, (n, u, off) => `window.runRaw(${n}, ${u}, ${off}, 'same', '${fr}')`],
      ...(lateRaw ? [[`raw-late${sfx[fr]}`, (n, u, off) => `window.runRaw(${n}, ${u}, ${off}, 'plain-late', '${fr}')`]] : []),
    ]),
    ['before', (n, u, off) => `window.runElement(${n}, ${u}, ${off}, 'civic-growth-chart-before', 'before')`],
    ['after', (n, u, off) => `window.runElement(${n}, ${u}, ${off}, 'civic-growth-chart', 'after')`],
    ...(control ? [['control', (n, u, off) => `window.runElement(${n}, ${u}, ${off}, 'civic-growth-chart-control', 'control')`]] : []),
  ];
  // each chart at each settle value: the page's marks get the row's suffix (`@3`)
  const sx = (st) => (multi ? `@${st}` : '');
  const charts = settles.flatMap((st) => base.map(([n, call]) => [n + sx(st), (...a) => `(window.benchSettle(${st}, '${sx(st)}'), ${call(...a)})`]));
  // warm-up, unmarked
  for (const [, call] of charts) await page.evaluate(`${call(3, 10, 0)}.then(() => 0)`);
  const wall = Object.fromEntries(charts.map(([n]) => [n, { first: [], update: [] }]));
  const { events } = await traced(context, page, 'blink.user_timing', async () => {
    await page.evaluate(() => window.benchMarks(true));
    for (let k = 0; k < rounds; k++) {
      for (let j = 0; j < charts.length; j++) {
        // Rotated, and every other block of rotations reversed: a plain rotation always runs each chart right after the
        // same other one (its garbage, timers and observers fall on it); with it, the 'after' slot measured slower on
        // first render in five runs where it ran the same code as 'before' or only CSS changes (5-15 %).
        const n = charts.length;
        const at = (j + k) % n;
        const [name, call] = charts[Math.floor(k / n) % 2 ? n - 1 - at : at];
        const r = await page.evaluate(`${call(runs, updates, k * 100)}.then((r) => ({ first: r.first, upd: r.upd }))`);
        wall[name].first.push(...r.first);
        wall[name].update.push(...r.upd);
      }
    }
    await page.evaluate(() => window.benchMarks(false));
  });
  const cpu = cpuByMark(events);
  const mean = (a) => a.reduce((p, q) => p + q, 0) / a.length;
  const f = (v) => v.toFixed(2);
  const c = (n) => cpu[n] ?? { first: [NaN], update: [NaN] };
  console.log(`growth chart before/after, one page, ${rounds} rounds × (${runs} first renders + ${updates} updates) per chart, order rotating (reversed every other block); ${fresh ? 'first renders on fresh periods (--fresh-periods); ' : 'every first render on 2013Q1–2022Q4; '}timers start ${settles.join(' / ')} frame(s) after each chart's pre-data state; load average ${load0.toFixed(1)} → ${loadavg()[0].toFixed(1)}`);
  console.log(`before = ${before}`);
  console.log(`frame (${frames.join(', ')}; ratios to ${frames[0]}): what each chart builds before its first-render timer starts, the same kind of`);
  console.log('thing for all (page.ts "Frame"): the element is connected without data (figure, header, plot div, hint, "暂无数据"; no SVG);');
  console.log('mirror: raw-same builds the counterparts (figure, focusable plot div, hint, width read), raw plain none; -fit rows (timer):');
  console.log('constructors timed (earlier numbers); -static rows: + raw d3 SVG, empty layer groups, legend and notes lists untimed');
  console.log('raw = raw d3 plain (the issue\'s baseline: bars, line, dots, tick labels); raw-same = raw d3 drawing the element\'s whole');
  console.log('first picture (raw-same.ts: + badge, gridlines, axis titles, zero-aligned axes, hatching, zero line, year labels, "最新",');
  console.log('HTML legend with a <button> per series and the illustrative note, notes list, focusable plot with keyboard hint)');
  console.log('| chart | CPU first median | CPU update mean | first ÷ raw | update ÷ raw | first ÷ raw-same | update ÷ raw-same | wall first median | wall update mean |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  const rows = {};
  for (const [n] of charts) {
    const cf = median(c(n).first);
    const cu = mean(c(n).update);
    const at = n.includes('@') ? n.slice(n.indexOf('@')) : ''; // ratios to the raw charts at the same settle value
    const [rf, ru, sf, su] = [median(c(rawRef + at).first), mean(c(rawRef + at).update), median(c(sameRef + at).first), mean(c(sameRef + at).update)];
    rows[n] = { cpuFirstMedian: cf, cpuUpdateMean: cu, firstRatio: cf / rf, updateRatio: cu / ru, firstRatioSame: cf / sf, updateRatioSame: cu / su, wallFirstMedian: median(wall[n].first), wallUpdateMean: mean(wall[n].update), n: [c(n).first.length, c(n).update.length] };
    console.log(`| ${n} | ${f(cf)} | ${f(cu)} | ${f(cf / rf)}× | ${f(cu / ru)}× | ${f(cf / sf)}× | ${f(cu / su)}× | ${f(median(wall[n].first))} | ${f(mean(wall[n].update))} |`);
  }
  const root = fileURLToPath(new URL('../../', import.meta.url));
  // Which sources each side ran: the commit of each checkout, and whether its src/ had uncommitted changes.
  const rev = (dir) => {
    try {
      const head = execFileSync('git', ['-C', dir, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
      const dirty = execFileSync('git', ['-C', dir, 'status', '--porcelain', '--', 'src'], { encoding: 'utf8' }).trim() !== '';
      return `${head}${dirty ? ' + uncommitted src changes' : ''}`;
    } catch {
      return 'unknown';
    }
  };
  const sources = { before: rev(before), after: rev(root) };
  console.log(`sources: before ${sources.before}, after ${sources.after}${control ? ' (control: the after sources under another tag)' : ''}`);
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(join(root, 'bench/results/growth-chart-ab.json'), JSON.stringify({ date: new Date().toISOString(), loadAverage: { start: load0, end: loadavg()[0] }, before, sources, frames, settleFrames: settles, rounds, runs, updates, rows }, null, 2) + '\n');
} finally {
  await close();
}
