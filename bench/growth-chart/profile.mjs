// Where the growth chart's update (or first render) spends its script time, at a finer grain than trace.mjs: a V8 CPU
// profile (CDP Profiler, 50 µs sampling) of U updates of the element and U of the raw d3 chart on one page, each
// profiled on its own; prints self and inclusive time per function, per update, for both.
//   node bench/growth-chart/profile.mjs [--updates 300] [--runs 0] [--minify] [--top 40] [--focus layoutFrame]
// --runs N profiles N first renders too (in the same profile as the updates). Names are the page's own (unminified
// unless --minify). Sampled times are wall-clock samples of the main thread: compare within one run.
import { join } from 'node:path';
import { tmpdir, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { openBenchPage } from '../lib/bench-page.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const out = join(tmpdir(), 'civic-growth-chart-profile');
const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : dflt);
const updates = opt('--updates', 300);
const runs = opt('--runs', 0);
const top = opt('--top', 40);
// --focus NAME: also the inclusive time of the functions called under NAME (by function name, minified or not).
const focus = args.includes('--focus') ? args[args.indexOf('--focus') + 1] : undefined;

const { context, page, close } = await openBenchPage({ entry: join(here, 'page.ts'), html: join(here, 'index.html'), outDir: out, minify: args.includes('--minify') });
try {
  await page.evaluate(async () => {
    await window.runRaw(3, 20);
    await window.runElement(3, 20);
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  console.log(`load average ${loadavg()[0].toFixed(1)}; ${updates} updates${runs ? ` and ${runs} first renders` : ""} each, per ${updates ? "update" : "first render"} (ms of samples)`);
  for (const [name, fn] of [
    ['raw d3', 'runRaw'],
    ['element', 'runElement'],
  ]) {
    await cdp.send('Profiler.start');
    await page.evaluate(([f, n, u]) => window[f](n, u), [fn, runs, updates]);
    const { profile } = await cdp.send('Profiler.stop');
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const nameOf = (n) => `${n.callFrame.functionName || '(anon)'}${n.callFrame.url ? `:${n.callFrame.lineNumber + 1}` : ''}`;
    const self = new Map();
    const incl = new Map();
    const under = new Map();
    let busy = 0;
    for (let i = 0; i < profile.samples.length; i++) {
      const dt = profile.timeDeltas[i + 1] ?? 0;
      let n = nodes.get(profile.samples[i]);
      const leaf = nameOf(n);
      if (leaf === '(idle)' || leaf === '(program)') continue;
      busy += dt;
      self.set(leaf, (self.get(leaf) ?? 0) + dt);
      const seen = new Set();
      const chain = [];
      for (; n; n = nodes.get(parent.get(n.id))) {
        const k = nameOf(n);
        chain.push(n);
        if (seen.has(k)) continue;
        seen.add(k);
        incl.set(k, (incl.get(k) ?? 0) + dt);
      }
      const at = focus ? chain.findIndex((c) => c.callFrame.functionName === focus) : -1;
      if (at >= 0) {
        const seenUnder = new Set();
        for (const c of chain.slice(0, at + 1)) {
          const k = nameOf(c);
          if (seenUnder.has(k)) continue;
          seenUnder.add(k);
          under.set(k, (under.get(k) ?? 0) + dt);
        }
      }
    }
    const per = (us) => (us / 1000 / (updates || runs)).toFixed(3); // per update, or per first render with --updates 0
    console.log(`\n${name}: ${per(busy)} ms sampled (not idle) per update`);
    console.log('  self:\n' + [...self].sort((a, b) => b[1] - a[1]).slice(0, top).map(([f, us]) => `    ${per(us)} ${f}`).join('\n'));
    if (under.size) console.log(`  under ${focus}:\n` + [...under].sort((a, b) => b[1] - a[1]).slice(0, top).map(([f, us]) => `    ${per(us)} ${f}`).join('\n'));
    console.log('  inclusive:\n' + [...incl].sort((a, b) => b[1] - a[1]).slice(0, top).map(([f, us]) => `    ${per(us)} ${f}`).join('\n'));
  }
} finally {
  await close();
}
