// Benchmark of <civic-kpi-grid> / <civic-kpi-tile> (issue 5): N tiles whose values all change every second, with
// count-up animation on, for a given time, in headless Chromium (playwright-core + the system Chromium).
//   node bench/kpi/run.mjs                       200 tiles, 60 s (+ a 25-row rank board re-sorting every second)
//   node bench/kpi/run.mjs --seconds 20 --tiles 200 --rank 0
// Prints long tasks (> 50 ms), layout shifts (CLS), frame intervals / dropped frames and JS heap growth after warm-up; writes
// bench/results/kpi.json. Goal: no long task over 50 ms; heap flat (< 5 % growth after warm-up).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { serveFiles, launchBenchBrowser, bundleBenchPage } from '../lib/harness.mjs';

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

await bundleBenchPage(join(here, 'page.ts'), { outfile: join(out, 'page.js'), minify: true, conditions: ['production'] });

const { server, port } = await serveFiles((pathname) => {
  if (pathname === '/' || pathname === '/index.html') return join(here, 'index.html');
  else if (pathname === '/page.js') return join(out, 'page.js');
  return undefined;
});

const browser = await launchBenchBrowser();
let exitCode = 0;
try {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, reducedMotion: reduce ? 'reduce' : 'no-preference' });
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
  const measure = async (baseline) => {
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => typeof window.startBench === 'function');
    await page.evaluate(([s, n, rk, b]) => window.startBench(s, n, rk, b), [seconds, tiles, rank, baseline]);
    await page.waitForTimeout(warmup * 1000);
    const h0 = await heap();
    await page.waitForFunction(() => window.benchResult !== undefined, null, { timeout: (seconds + 60) * 1000, polling: 500 });
    const r = await page.evaluate(() => window.benchResult);
    const h1 = await heap();
    return { ...r, heap: { warm: h0, end: h1, growthPercent: ((h1.used - h0.used) / h0.used) * 100 } };
  };
  const el = await measure(false);
  const base = withBaseline ? await measure(true) : undefined;
  const mb = (b) => (b / 1048576).toFixed(2);
  const lt = (r) => `${r.longTasks.length} (longest ${(r.longTasks.length ? Math.max(...r.longTasks) : 0).toFixed(0)} ms)`;
  const fi = (r) => `${r.frameIntervals.p50.toFixed(1)} / ${r.frameIntervals.p95.toFixed(1)} / ${r.frameIntervals.max.toFixed(1)}`;
  const hp = (r) => `${mb(r.heap.warm.used)} → ${mb(r.heap.end.used)} (${r.heap.growthPercent >= 0 ? '+' : ''}${r.heap.growthPercent.toFixed(1)} %)`;
  const { loadavg, cpus } = await import('node:os');
  console.log(`\n<civic-kpi-grid> bench: ${tiles} tiles, all values changing every second for ${seconds} s, count-up ${reduce ? 'off (reduced motion)' : 'on'}${rank ? `, plus a ${rank}-row rank board re-sorting` : ''}`);
  console.log(`machine: ${cpus().length} cores, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} (figures scale with load; compare with the baseline of the same run)`);
  console.log('| measure | <civic-kpi-grid> | plain-DOM baseline | goal |');
  console.log('| --- | ---: | ---: | --- |');
  console.log(`| updates applied | ${el.updates} | ${base?.updates ?? '–'} | |`);
  console.log(`| long tasks > 50 ms | ${lt(el)} | ${base ? lt(base) : '–'} | 0 |`);
  const cls = (r) => (r.layoutShifts ? `${r.layoutShifts.count} (CLS ${r.layoutShifts.cls.toFixed(4)})` : '–');
  const cls0 = (r) => (r.layoutShifts ? `${r.layoutShifts.atStart} (CLS ${r.layoutShifts.clsAtStart.toFixed(4)})` : '–');
  console.log(`| layout shifts during updates (sum) | ${cls(el)} | ${base ? cls(base) : '–'} | 0 |`);
  console.log(`| layout shifts while the page builds | ${cls0(el)} | ${base ? cls0(base) : '–'} | |`);
  console.log(`| frame interval p50 / p95 / max (ms) | ${fi(el)} | ${base ? fi(base) : '–'} | |`);
  console.log(`| frames / dropped frames | ${el.frames} / ${el.frameIntervals.dropped} | ${base ? `${base.frames} / ${base.frameIntervals.dropped}` : '–'} | |`);
  console.log(`| data update → rendered, mean / max (ms) | ${el.updateMs.mean.toFixed(1)} / ${el.updateMs.max.toFixed(1)} | ${base ? `${base.updateMs.mean.toFixed(1)} / ${base.updateMs.max.toFixed(1)}` : '–'} | |`);
  console.log(`| JS heap after ${warmup} s warm-up → end (MB, after GC) | ${hp(el)} | ${base ? hp(base) : '–'} | < 5 % |`);
  console.log(`| DOM nodes warm-up → end | ${el.heap.warm.nodes} → ${el.heap.end.nodes} | ${base ? `${base.heap.warm.nodes} → ${base.heap.end.nodes}` : '–'} | flat |`);
  const r = el;
  const growth = el.heap.growthPercent;
  const met = r.longTasks.length === 0 && growth < 5;
  console.log(`\nGoal (no long task > 50 ms, heap growth < 5 %): ${met ? 'MET' : 'NOT MET'}`);
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(
    join(root, 'bench/results/kpi.json'),
    JSON.stringify({ date: new Date().toISOString(), tiles, seconds, rank, reducedMotion: reduce, warmupSeconds: warmup, element: el, baseline: base, goalMet: met }, null, 2) + '\n',
  );
} catch (e) {
  console.error(e);
  exitCode = 1;
} finally {
  await browser.close();
  server.close();
}
process.exit(exitCode);
