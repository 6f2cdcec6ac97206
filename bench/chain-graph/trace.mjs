// Where the main thread blocks while <civic-chain-graph> lays out and paints (issue 15): a CPU profile (CDP
// Profiler, 0.5 ms samples) around window.element(n, layout) or window.pan(5000); every busy stretch of the main
// thread (consecutive non-idle samples) longer than --min ms is printed with its heaviest functions (self time) and
// its heaviest callers among our own functions (inclusive time).
//   node bench/chain-graph/trace.mjs [--n 100,5000] [--layout force] [--pan] [--min 30]
import { launchBenchBrowser } from '../lib/harness.mjs';
import { serveChainBench } from './serve.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const sizes = opt('--n', '100,5000').split(',').map(Number);
const layout = opt('--layout', 'force');
const minMs = Number(opt('--min', '30'));

const { server, port } = await serveChainBench('civic-chain-graph-trace');
const browser = await launchBenchBrowser();
const page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
page.on('pageerror', (e) => console.log('[page error]', e.message));
await page.goto(`http://127.0.0.1:${port}/`);
await page.waitForFunction(() => typeof window.element === 'function', undefined, { timeout: 180000 });
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 500 });

function report(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n) => n.callFrame.functionName || `(anon ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber})`;
  let t = profile.startTime;
  const samples = profile.samples.map((id, i) => ((t += profile.timeDeltas[i]), { id, t }));
  const idle = (s) => name(byId.get(s.id)) === '(idle)';
  // Busy stretches: consecutive non-idle samples (a gap of idle ends one).
  const stretches = [];
  let cur;
  for (let i = 0; i < samples.length; i++) {
    const s = samples[i];
    const dt = i + 1 < samples.length ? samples[i + 1].t - s.t : 0;
    if (idle(s)) {
      cur = undefined;
      continue;
    }
    if (!cur) stretches.push((cur = { t0: s.t, ms: 0, self: new Map(), incl: new Map() }));
    cur.ms += dt / 1000;
    const leaf = byId.get(s.id);
    cur.self.set(name(leaf), (cur.self.get(name(leaf)) ?? 0) + dt / 1000);
    const seen = new Set();
    for (let id = s.id; id !== undefined; id = parent.get(id)) {
      const n = byId.get(id);
      const url = n.callFrame.url;
      if (!url.includes('page.js') || seen.has(name(n))) continue;
      seen.add(name(n));
      cur.incl.set(name(n), (cur.incl.get(name(n)) ?? 0) + dt / 1000);
    }
  }
  const top = (m, k) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([f, ms]) => `${f} ${ms.toFixed(0)}`).join(', ');
  for (const s of stretches.filter((x) => x.ms >= minMs)) {
    console.log(`  busy ${s.ms.toFixed(0)} ms at +${((s.t0 - profile.startTime) / 1000).toFixed(0)} ms`);
    console.log(`    self: ${top(s.self, 8)}`);
    console.log(`    ours (incl): ${top(s.incl, 14)}`);
  }
}

if (args.includes('--compute')) {
  // Our force layout computed on the main thread (seed + all steps), 3 times each.
  for (const n of sizes) for (let i = 0; i < 3; i++) console.log(`our force compute ${n}:`, JSON.stringify(await page.evaluate((k) => window.ourComputeOnly(k), n)));
  await browser.close();
  server.close();
  process.exit(0);
}
if (args.includes('--phases')) {
  for (const n of sizes) {
    await page.evaluate(([k, l]) => window.element(k, l), [n, layout]);
    console.log(`phases ${layout} ${n}:\n` + (await page.evaluate(([k, l]) => window.phases(k, l), [n, layout])));
  }
  await browser.close();
  server.close();
  process.exit(0);
}

for (const n of sizes) {
  // One warm-up run (the first element on the page pays module and font costs once), then the profiled one.
  if (!args.includes('--cold')) await page.evaluate(([k, l]) => window.element(k, l), [n, layout]);
  await cdp.send('Profiler.start');
  const r = args.includes('--pan') ? await page.evaluate((k) => window.pan(k), n) : await page.evaluate(([k, l]) => window.element(k, l), [n, layout]);
  const { profile } = await cdp.send('Profiler.stop');
  console.log(`${args.includes('--pan') ? 'pan' : layout} ${n}:`, JSON.stringify(r));
  report(profile);
}
await browser.close();
server.close();
