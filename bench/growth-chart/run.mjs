// Benchmark of <civic-growth-chart> against a raw d3 SVG chart and ECharts (canvas, SVG) on the same data, in the same run, in headless
// Chromium (playwright-core with the system Chromium; never a downloaded browser).
//   node bench/growth-chart/run.mjs            20 first renders + 100 updates each; prints a table,
//                                              writes bench/results/growth-chart.json
//   node bench/growth-chart/run.mjs --runs 40 --updates 200
// Goal (issue 16): first render ≤ 1.5× raw d3 and faster than ECharts; update mean ≤ 1.3× raw d3 (ratios within one run).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { median } from '../lib/harness.mjs';
import { openBenchPage, traced, cpuByMark } from '../lib/bench-page.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const here = fileURLToPath(new URL('.', import.meta.url));
const out = join(tmpdir(), 'civic-growth-chart-bench');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? Number(args[i + 1]) : dflt;
};
const loadAtStart = loadavg()[0]; // 1-minute load average (2 shared cores): ratios hold within a run, absolute times do not
const runs = opt('--runs', 20);
const updates = opt('--updates', 100);

const { context, page, close } = await openBenchPage({ entry: join(here, 'page.ts'), html: join(here, 'index.html'), outDir: out, consoleErrors: true });
try {
  // Trace the page's user-timing marks: each carries the main thread's CPU clock (tts), so every measured interval
  // also gets its main-thread CPU time, which waiting for a core on a loaded machine does not inflate.
  const { result: r, events } = await traced(context, page, 'blink.user_timing', () => page.evaluate(([n, u]) => window.runBench(n, u), [runs, updates]));
  const cpu = cpuByMark(events);
  const cpuOf = (chart) => {
    const c = cpu[chart] ?? { first: [], update: [] };
    return { firstMedian: median(c.first), updateMean: c.update.reduce((a, b) => a + b, 0) / (c.update.length || NaN), n: [c.first.length, c.update.length] };
  };
  r.cpu = { element: cpuOf('element'), raw: cpuOf('raw'), echartsCanvas: cpuOf('echarts-canvas'), echartsSvg: cpuOf('echarts-svg') };
  const f = (v) => v.toFixed(2);
  const ratio = r.element.firstMedian / r.raw.firstMedian;
  const updRatio = r.element.updateMean / r.raw.updateMean;
  const rows = [
    ['<civic-growth-chart kind="value-growth">', r.element, r.cpu.element],
    ['raw d3 SVG', r.raw, r.cpu.raw],
    ['ECharts 6.1.0 canvas', r.echartsCanvas, r.cpu.echartsCanvas],
    ['ECharts 6.1.0 SVG', r.echartsSvg, r.cpu.echartsSvg],
  ];
  console.log(`\n<civic-growth-chart> bench: 40 periods, bars + growth line on a 2nd axis; ${runs} first renders, ${updates} updates, one run; reduced motion: ${r.reducedMotion}`);
  console.log(`Setups (each in a 960 px wide box, data → drawn with layout forced; update = new data into the drawn chart; ${r.rounds} rounds alternate the charts):`);
  console.log('  element: the built element from src (minified), empty element already on the page; first = `el.data = …` until');
  console.log('    whenDrawn() (or updateComplete) resolves and layout is forced; includes parsing/validating the payload.');
  console.log('  raw d3 SVG: d3-selection + d3-scale + d3-shape, one draw(): box size read, band + 2 linear scales, tick labels');
  console.log('    on both axes and x, 40 rects, line path, 40 circles (no grid, legend, table, tooltip or a11y).');
  console.log('  ECharts canvas / SVG: echarts/core with BarChart, LineChart, GridComponent and the renderer; first = init() +');
  console.log('    setOption() (synchronous paint), animation: false, 2 value y axes, category x axis (every 4th label).');
  console.log('Wall time (ms):');
  console.log('| chart | first render median | first render mean | update mean | update median | first ÷ raw d3 | update ÷ raw d3 |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const [name, x] of rows) console.log(`| ${name} | ${f(x.firstMedian)} | ${f(x.firstMean)} | ${f(x.updateMean)} | ${f(x.updateMedian)} | ${(x.firstMedian / r.raw.firstMedian).toFixed(2)}× | ${(x.updateMean / r.raw.updateMean).toFixed(2)}× |`);
  console.log('Main-thread CPU time (ms, thread clock of the traced marks; same intervals):');
  console.log('| chart | first render median | update mean | first ÷ raw d3 | update ÷ raw d3 |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const [name, , c] of rows) console.log(`| ${name} | ${f(c.firstMedian)} | ${f(c.updateMean)} | ${(c.firstMedian / r.cpu.raw.firstMedian).toFixed(2)}× | ${(c.updateMean / r.cpu.raw.updateMean).toFixed(2)}× |`);
  console.log(`\nbars / dots drawn: element ${r.element.counts.bars} / ${r.element.counts.dots}, raw d3 ${r.raw.counts.bars} / ${r.raw.counts.dots}`);
  const fastest = Math.min(r.echartsCanvas.firstMedian, r.echartsSvg.firstMedian);
  console.log(`first render: ${ratio.toFixed(2)}× raw d3 (goal ≤ 1.5×) ${ratio <= 1.5 ? 'MET' : 'NOT MET'}; vs the faster ECharts ${(r.element.firstMedian / fastest).toFixed(2)}× (goal < 1) ${r.element.firstMedian < fastest ? 'MET' : 'NOT MET'}`);
  console.log(`update mean: ${updRatio.toFixed(2)}× raw d3 (goal ≤ 1.3×) ${updRatio <= 1.3 ? 'MET' : 'NOT MET'}`);
  const cf = r.cpu.element.firstMedian / r.cpu.raw.firstMedian;
  const cu = r.cpu.element.updateMean / r.cpu.raw.updateMean;
  const cfe = r.cpu.element.firstMedian / Math.min(r.cpu.echartsCanvas.firstMedian, r.cpu.echartsSvg.firstMedian);
  console.log(`CPU: first render ${cf.toFixed(2)}× raw d3 ${cf <= 1.5 ? 'MET' : 'NOT MET'}, ${cfe.toFixed(2)}× the faster ECharts ${cfe < 1 ? 'MET' : 'NOT MET'}; update ${cu.toFixed(2)}× raw d3 ${cu <= 1.3 ? 'MET' : 'NOT MET'}`);
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(join(root, 'bench/results/growth-chart.json'), JSON.stringify({ date: new Date().toISOString(), loadAverage: { start: loadAtStart, end: loadavg()[0] }, runs, updates, ...r, ratio, updateRatio: updRatio }, null, 2) + '\n');
} finally {
  await close();
}
