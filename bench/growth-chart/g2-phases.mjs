// G2 s18 (issue 16): CPU per phase of the element's first render, two source trees interleaved on one page with raw
// d3 plain (as ab.mjs: order rotating, reversed every other block). Phases are temporary marks placed by hand in each
// tree's code, e.g. in growth-chart.ts `(globalThis as any).__pm && performance.mark('gcb|phase|litUpdate|s')` and
// `…|e` around super.update(): each is attributed to the chart whose measured interval holds it; medians per phase and
// of the whole first render (main-thread CPU, traced). The trees are `git archive REV src | tar -x -C DIR` copies
// with the marks added; FLAG=name sets globalThis[name] = true in the page (a switch a scratch tree may read).
// The slot matters at high load (an A/A pair differed by up to 10 % in the total): swap --before/--after once.
//   node bench/growth-chart/g2-phases.mjs --before DIR --after DIR [--rounds 12] [--runs 5] [--fresh-periods] [--settle-frames 1]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { median } from '../lib/harness.mjs';
import { openBenchPage, traced } from '../lib/bench-page.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const before = resolve(opt('--before'));
const after = resolve(opt('--after'));
const rounds = Number(opt('--rounds', 12));
const runs = Number(opt('--runs', 5));
const settle = Number(opt('--settle-frames', 1));
const out = join(tmpdir(), `g2-phases-${process.pid}`);
mkdirSync(out, { recursive: true });
const entry = join(out, 'p.ts');
writeFileSync(entry, `import ${JSON.stringify(join(here, 'page.ts'))};
import { CivicGrowthChart as B } from ${JSON.stringify(join(before, 'src/components/growth-chart/growth-chart.ts'))};
import { CivicGrowthChart as A } from ${JSON.stringify(join(after, 'src/components/growth-chart/growth-chart.ts'))};
customElements.define('gc-before', class extends B {});
customElements.define('gc-after', class extends A {});
`);
const load0 = loadavg()[0];
const { context, page, close } = await openBenchPage({ entry, html: join(here, 'index.html'), outDir: out });
try {
  if (args.includes('--fresh-periods')) await page.evaluate(() => window.benchFreshPeriods(true));
  await page.evaluate((s) => window.benchSettle(s), settle);
  const charts = [['before', 'gc-before'], ['after', 'gc-after'], ['raw', null]];
  const call = ([name, tag], n, off) => (tag ? `window.runElement(${n}, 1, ${off}, '${tag}', '${name}')` : `window.runRaw(${n}, 1, ${off})`);
  for (const c of charts) await page.evaluate(`${call(c, 3, 0)}.then(() => 0)`);
  const { events } = await traced(context, page, 'blink.user_timing', async () => {
    await page.evaluate((f) => (window.benchMarks(true), (globalThis.__pm = true), (globalThis[f] = true)), process.env.FLAG ?? '__none');
    for (let k = 0; k < rounds; k++) {
      const n = charts.length;
      for (let j = 0; j < n; j++) {
        const at = (j + k) % n;
        const c = charts[Math.floor(k / n) % 2 ? n - 1 - at : at];
        await page.evaluate(`${call(c, runs, k * 100)}.then(() => 0)`);
      }
    }
    await page.evaluate(() => (window.benchMarks(false), (globalThis.__pm = false)));
  });
  const marks = events.filter((e) => e.name.startsWith('gcb|')).sort((a, b) => a.ts - b.ts);
  const open = new Map();
  const iv = [];
  for (const e of marks) {
    const [, chart, what, edge] = e.name.split('|');
    const k = `${chart}|${what}`;
    if (edge === 's') open.set(k, e);
    else if (open.has(k)) iv.push({ k, t0: open.get(k).ts, t1: e.ts, cpu: (e.tts - open.get(k).tts) / 1000 });
  }
  const outer = iv.filter((x) => x.k.endsWith('|first') && !x.k.startsWith('phase'));
  const per = {};
  for (const o of outer) {
    const chart = o.k.split('|')[0];
    const p = (per[chart] ??= { total: [] });
    p.total.push(o.cpu);
    const sums = {};
    for (const x of iv) if (x.k.startsWith('phase|') && x.t0 >= o.t0 && x.t1 <= o.t1) sums[x.k.split('|')[1]] = (sums[x.k.split('|')[1]] ?? 0) + x.cpu;
    for (const [n, v] of Object.entries(sums)) (p[n] ??= []).push(v);
  }
  console.log(`first-render CPU medians (ms), ${rounds} rounds × ${runs}, settle ${settle}${args.includes('--fresh-periods') ? ', fresh periods' : ''}; load ${load0.toFixed(1)} → ${loadavg()[0].toFixed(1)}`);
  const names = [...new Set(Object.values(per).flatMap((p) => Object.keys(p)))];
  console.log(`| phase | ${Object.keys(per).join(' | ')} |`);
  for (const n of names) console.log(`| ${n} | ${Object.keys(per).map((c) => (per[c][n] ? median(per[c][n]).toFixed(3) : '-')).join(' | ')} |`);
  console.log(`after ÷ raw ${(median(per.after.total) / median(per.raw.total)).toFixed(3)}, before ÷ raw ${(median(per.before.total) / median(per.raw.total)).toFixed(3)}`);
} finally {
  await close();
}
