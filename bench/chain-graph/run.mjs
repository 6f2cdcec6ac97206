// Benchmark of <civic-chain-graph> in headless Chromium (playwright-core, never a downloaded browser).
//   node bench/chain-graph/run.mjs            full run (100 / 1,000 / 5,000 nodes), prints a table, writes bench/results/chain-graph.json
//   node bench/chain-graph/run.mjs --quick    100 and 1,000 nodes only
//   node bench/chain-graph/run.mjs --pan      only the pan/zoom frames at 5,000 nodes (real drag + wheel input)
//   node bench/chain-graph/run.mjs --readability --settle --pan --tag NAME   the issue-15 tables in one run (see below)
//   node bench/chain-graph/run.mjs --readability --cases 1000,5000t   only those readability cases
//   node bench/chain-graph/run.mjs --shot     screenshots of the demo data (tiers/force/radial, light/dark) into bench/results/
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBenchBrowser } from '../lib/harness.mjs';
import { serveChainBench } from './serve.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const shot = args.includes('--shot');

// CIVIC_CHAIN_BENCH_OUT: another build folder (two trees benched at once, e.g. a before tree, must not share one).
const { server, port } = await serveChainBench(process.env.CIVIC_CHAIN_BENCH_OUT || 'civic-chain-graph-bench');

const browser = await launchBenchBrowser();
const page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && console.log('[page]', m.text()));
page.on('pageerror', (e) => console.log('[page error]', e.message));
await page.goto(`http://127.0.0.1:${port}/`);
await page.waitForFunction(() => typeof window.element === 'function', undefined, { timeout: 180000 });

if (args.includes('--worker')) {
  for (const n of [1000, 1000]) console.log(n, JSON.stringify(await page.evaluate((k) => window.workerVsMain(k), n)));
  for (const n of [1000, 1000]) console.log(n, 'real widths', JSON.stringify(await page.evaluate((k) => window.workerVsMain(k, true), n)));
  for (let i = 0; i < 2; i++) console.log('spin', JSON.stringify(await page.evaluate(() => window.spin())));
  for (const n of [1000]) console.log('methods', n, JSON.stringify(await page.evaluate((k) => window.methodTimes(k), n)));
  await browser.close();
  server.close();
  process.exit(0);
}

// Issue 15 sections. `--readability`: crossings, label overlaps, smallest label, share shown, per layout, next to
// d3-force's default layout on the same data. `--settle`: data → settled picture painted, element vs d3-force ticked
// off screen (d3Static). `--tag NAME` writes bench/results/chain-graph-<NAME>.json. `--straight-radial`: measure
// radial links as straight lines (how the painter drew them before issue 15).
if (args.includes('--readability') || args.includes('--settle')) {
  const tag = args.includes('--tag') ? args[args.indexOf('--tag') + 1] : 'issue15';
  const res = { date: new Date().toISOString(), readability: [], settle: [] };
  if (args.includes('--readability')) {
    console.log('readability (page 1280×800 floor 12 px | wall 460×400 floor 14 px); labels placed like the element; naive = every label at 12 px zoomed with the drawing');
    console.log('case         nodes layout      crossings  overlaps(l/l,l/node) page·wall  min px page·wall  shown page·wall   leaders shown(callouts) page·wall | naive page: overlaps, min px');
    const radialLinks = args.includes('--straight-radial') ? 'straight' : 'radial';
    // 100t / 1000t / 5000t: generated with supply links that agree with the tiers (synthetic.ts `tierLinks`); the
    // default generator links a new firm to an earlier firm of any tier.
    const only = args.includes('--cases') ? args[args.indexOf('--cases') + 1].split(',') : undefined;
    for (const c of only ?? ['demo:auto', 'demo:equip', 'demo', '100', '1000', '5000', '100t', '1000t', '5000t']) {
      const r = await page.evaluate(([name, rl]) => window.readability(name, rl), [c, radialLinks]);
      res.readability.push(r);
      console.log(`${c.padEnd(12)} ${String(r.nodes).padStart(5)} ${'tiers floor'.padEnd(11)} ${String(r.tiersFloor).padStart(9)}  (no tiers drawing of this data crosses fewer: chain-graph.tiers-floor.ts)`);
      for (const kind of ['d3-default', 'tiers', 'radial', 'force']) {
        const { page: p, wall: w, naivePage: nv } = r[kind];
        const px = (v) => (v === null || v === Infinity ? '–' : v.toFixed(1));
        const pct = (x) => `${Math.round((100 * x.shown) / x.total)}%`;
        console.log(
          `${c.padEnd(12)} ${String(r.nodes).padStart(5)} ${kind.padEnd(11)} ${String(p.crossings).padStart(9)}  ${`${p.labelOverlaps}/${p.labelNodeOverlaps} · ${w.labelOverlaps}/${w.labelNodeOverlaps}`.padEnd(26)} ${`${px(p.minLabelPx)} · ${px(w.minLabelPx)}`.padEnd(17)} ${`${pct(p)} · ${pct(w)}`.padEnd(16)}  ${`${p.leadersShown}/${p.leaders}(${p.callouts}) · ${w.leadersShown}/${w.leaders}(${w.callouts})`.padEnd(32)} | ${nv.labelOverlaps}, ${px(nv.minLabelPx)}`,
        );
      }
    }
  }
  if (args.includes('--settle')) {
    console.log('settle: data → settled picture painted (one run each). d3-force static = forceSimulation(nodes) with forceLink(links).id(d => d.id), forceManyBody(), forceCenter(640, 400), all defaults (alpha 1 → alphaMin 0.001, decay ≈ 0.0228), .stop(), ticked in ≤ 24 ms slices (setTimeout between slices) until alpha < alphaMin, then links, nodes and labels drawn once on a 1280×800 canvas and one frame awaited.');
    for (const n of quick ? [100, 1000] : [100, 1000, 5000]) {
      const e = await page.evaluate((k) => window.element(k, 'force'), n);
      const d = await page.evaluate((k) => window.d3Static(k), n);
      const ticks = await page.evaluate((k) => window.ourTicks(k), n);
      const row = { n, elementMs: e.ms, elementLongestBlockMs: Math.max(e.block, e.longtask), elementTicks: ticks, d3StaticMs: d.ms, d3Ticks: d.ticks, ratio: +(e.ms / d.ms).toFixed(2) };
      res.settle.push(row);
      console.log(`force ${String(n).padStart(5)}: civic ${row.elementMs} ms (${ticks} steps, longest main-thread block ${row.elementLongestBlockMs} ms) | d3-force static ${row.d3StaticMs} ms (${row.d3Ticks} steps) | ratio ${row.ratio}×`);
    }
  }
  if (args.includes('--pan')) {
    // With --readability/--settle: the pan/zoom frames at 5,000 nodes in the same run (real drag + wheel input).
    res.pan = await page.evaluate((k) => window.pan(k), 5000);
    const p = res.pan;
    console.log(`pan/zoom 5000 nodes (canvas, radial): element work per frame median ${p.medianWorkMs} ms, worst ${p.maxWorkMs} ms (pan median ${p.panWorkMedianMs} / worst ${p.panWorkMaxMs}, zoom median ${p.zoomWorkMedianMs} / worst ${p.zoomWorkMaxMs}, after ${p.afterWorkMaxMs}); frame gaps median ${p.medianFrameMs} ms, worst ${p.maxFrameMs} ms; longest task ${p.longestTaskMs} ms`);
  }
  res.loadavg = (await import('node:os')).loadavg();
  console.log('load average (1/5/15 min) at the end:', res.loadavg.map((v) => v.toFixed(1)).join(' '));
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(join(root, `bench/results/chain-graph-${tag}.json`), JSON.stringify(res, null, 2));
  await browser.close();
  server.close();
  process.exit(0);
}

if (args.includes('--blocks')) {
  for (const n of [1000, 1000, 5000]) console.log(n, JSON.stringify(await page.evaluate((k) => window.element(k, 'force'), n)));
  await browser.close();
  server.close();
  process.exit(0);
}

if (args.includes('--pan')) {
  // Only the pan/zoom frames at 5,000 nodes (1,000 with --quick).
  const n = quick ? 1000 : 5000;
  console.log(`pan/zoom ${n} nodes (canvas):`, JSON.stringify(await page.evaluate((k) => window.pan(k), n)));
  await browser.close();
  server.close();
  process.exit(0);
}

if (args.includes('--phases')) {
  for (const n of [1000, 5000]) console.log(n, JSON.stringify(await page.evaluate((k) => window.phases(k), n)));
  await browser.close();
  server.close();
  process.exit(0);
}

if (shot) {
  const dir = join(root, 'bench/results');
  mkdirSync(dir, { recursive: true });
  await page.setViewportSize({ width: 1920, height: 1080 });
  for (const [layout, theme, lang, which, density] of [
    ['tiers', 'light', 'zh-CN', 'demo', 'default'],
    ['force', 'light', 'zh-CN', 'demo', 'default'],
    ['radial', 'dark', 'en', 'demo', 'default'],
    ['tiers', 'dark', 'zh-CN', 'demo', 'screen'],
    ['force', 'dark', 'zh-CN', '1000', 'default'],
  ]) {
    await page.evaluate(([w, l, lg, t, d]) => window.show(w, l, lg, t, d, 1900, 960), [which, layout, lang, theme, density]);
    await page.waitForTimeout(which === 'demo' ? 2500 : 10000);
    const f = join(dir, `chain-graph-${layout}-${theme}-${density}-${which}.png`);
    await page.screenshot({ path: f });
    console.log('wrote', f);
  }
  await browser.close();
  server.close();
  process.exit(0);
}

const sizes = quick ? [100, 1000] : [100, 1000, 5000];
const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const runs = quick ? 1 : 3;
const rows = [];
const results = { date: new Date().toISOString(), runs, force: {}, tiers: {}, radial: {}, pan: {} };
for (const n of sizes) {
  const el = [], raw = [], comp = [], ours = [], blocks = [], rawTicks = [];
  for (let i = 0; i < runs; i++) {
    const e = await page.evaluate((k) => window.element(k, 'force'), n);
    el.push(e.ms);
    blocks.push(Math.max(e.block, e.longtask));
    const r = await page.evaluate((k) => window.rawPerFrame(k), n);
    raw.push(r.ms);
    rawTicks.push(r.ticks);
    comp.push((await page.evaluate((k) => window.computeOnly(k, 300), n)).ms);
    ours.push((await page.evaluate((k) => window.ourComputeOnly(k), n)).ms);
  }
  const row = { n, element: median(el), elementLongestBlockMs: Math.max(...blocks), rawPerFrame: median(raw), rawTicks: median(rawTicks), computeOnly: median(comp), ourForcesComputeOnly: median(ours) };
  results.force[n] = row;
  rows.push(row);
  console.log(`force ${n}: element ${row.element} ms (longest block ${row.elementLongestBlockMs} ms) | raw d3-force per frame ${row.rawPerFrame} ms (${row.rawTicks} ticks) | compute-only ${row.computeOnly} ms | our forces compute-only ${row.ourForcesComputeOnly} ms | ratio element/compute-only ${(row.element / row.computeOnly).toFixed(2)}`);
}
for (const kind of ['tiers', 'radial']) {
  const pure = [], elem = [];
  for (let i = 0; i < runs; i++) {
    pure.push((await page.evaluate(([k, n]) => window.pureLayout(n, k), [kind, 1000])).ms);
    elem.push((await page.evaluate(([k, n]) => window.element(n, k), [kind, 1000])).ms);
  }
  results[kind] = { n: 1000, layoutFunctionMs: median(pure), elementToDrawnMs: median(elem) };
  console.log(`${kind} 1000: layout function ${median(pure)} ms, element data → drawn ${median(elem)} ms`);
}
const panN = quick ? 1000 : 5000;
results.pan = { n: panN, ...(await page.evaluate((n) => window.pan(n), panN)) };
console.log(`pan/zoom ${panN} nodes (canvas, real drag + wheel): element work per frame median ${results.pan.medianWorkMs} ms, worst ${results.pan.maxWorkMs} ms (pan worst ${results.pan.panWorkMaxMs}, zoom worst ${results.pan.zoomWorkMaxMs}); frame gaps median ${results.pan.medianFrameMs} ms, worst ${results.pan.maxFrameMs} ms`);
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, 'bench/results/chain-graph.json'), JSON.stringify(results, null, 2));
await browser.close();
server.close();
