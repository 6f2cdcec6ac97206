// Benchmark of <civic-growth-chart> against a raw d3 SVG chart and ECharts (canvas, SVG) on the same data, in the same run, in headless
// Chromium (playwright-core with the system Chromium; never a downloaded browser).
//   node bench/growth-chart/run.mjs            20 first renders + 100 updates each; prints a table,
//                                              writes bench/results/growth-chart.json
//   node bench/growth-chart/run.mjs --runs 40 --updates 200
//   node bench/growth-chart/run.mjs --baseline plain|same|both   baselines beside the element (default both): plain = the
//     issue's raw d3 / ECharts charts (bars, line, dots, tick labels); same = raw d3 / ECharts drawing the element's whole
//     first picture (legend, notes, badge, grid, axis titles, hatching, keyboard-focusable plot)
//   node bench/growth-chart/run.mjs --frame mirror|timer|static[,…]   what the other charts build before their first-render
//     timer starts (page.ts "Frame"): mirror (default) = the counterparts of the element's connected, data-less state
//     (raw-same: figure, focusable plot div, hint, width read; raw plain: nothing beyond its box; ECharts: init());
//     timer = all of it timed (the issue's earlier numbers; also --frame-in-timer); static = mirror + raw d3's SVG and
//     empty layer groups, legend and notes lists. A list runs several in one run; ratios are to the first.
//   node bench/growth-chart/run.mjs --settle-frames N   animation frames each chart waits before its timer (page.ts
//     nextFrame; default 3: the page has drawn the chart's pre-data frame; 1 = the timing before session 14)
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

// --baseline plain|same|both (default both): which baselines run beside the element (see the setups printed below).
const baseline = args.includes('--baseline') ? args[args.indexOf('--baseline') + 1] : 'both';
if (!['plain', 'same', 'both'].includes(baseline)) throw new Error('--baseline plain|same|both');
const settle = opt('--settle-frames', 3);
const frames = (args.includes('--frame-in-timer') ? 'timer' : args.includes('--frame') ? args[args.indexOf('--frame') + 1] : 'mirror').split(',');
if (!frames.length || frames.some((x) => !['mirror', 'timer', 'static'].includes(x))) throw new Error('--frame mirror|timer|static[,…]');
// per frame: result-key suffix, trace-mark suffix, row label suffix (page.ts benches())
const fx = { mirror: ['', '', ''], timer: ['Fit', '-fit', ', frame in timer'], static: ['Static', '-static', ', static frame untimed'] };

const { context, page, close } = await openBenchPage({ entry: join(here, 'page.ts'), html: join(here, 'index.html'), outDir: out, consoleErrors: true });
try {
  // Trace the page's user-timing marks: each carries the main thread's CPU clock (tts), so every measured interval
  // also gets its main-thread CPU time, which waiting for a core on a loaded machine does not inflate.
  await page.evaluate((n) => window.benchSettle(n), settle);
  // --fresh-periods: each first render on quarters no recent chart had (page.ts firstData), as for a page's first chart
  if (args.includes('--fresh-periods')) await page.evaluate(() => window.benchFreshPeriods(true));
  const { result: r, events } = await traced(context, page, 'blink.user_timing', () => page.evaluate(([n, u, b, fr]) => window.runBench(n, u, b, fr), [runs, updates, baseline, frames]));
  const cpu = cpuByMark(events);
  const cpuOf = (chart) => {
    const c = cpu[chart] ?? { first: [], update: [] };
    return { firstMedian: median(c.first), updateMean: c.update.reduce((a, b) => a + b, 0) / (c.update.length || NaN), n: [c.first.length, c.update.length] };
  };
  // [result key, trace mark name, row label]
  const others = [
    ['raw', 'raw', 'raw d3 SVG, plain (bars-only)'],
    ['echartsCanvas', 'echarts-canvas', 'ECharts 6.1.0 canvas, plain'],
    ['echartsSvg', 'echarts-svg', 'ECharts 6.1.0 SVG, plain'],
    ['rawSame', 'raw-same', 'raw d3 SVG + HTML, same picture'],
    ['echartsCanvasSame', 'echarts-canvas-same', 'ECharts 6.1.0 canvas, same picture'],
    ['echartsSvgSame', 'echarts-svg-same', 'ECharts 6.1.0 SVG, same picture'],
  ];
  const all = [
    ['element', 'element', '<civic-growth-chart kind="value-growth">'],
    ...frames.flatMap((fr) => others.map(([k, m, name]) => [k + fx[fr][0], m + fx[fr][1], name + fx[fr][2]])),
  ].filter(([k]) => r[k]);
  r.cpu = Object.fromEntries(all.map(([k, m]) => [k, cpuOf(m)]));
  const f = (v) => v.toFixed(2);
  const f0 = fx[frames[0]][0]; // ratio columns: to the first frame's raw d3 charts
  const ref = r[`raw${f0}`] ? `raw${f0}` : `rawSame${f0}`; // the plain raw d3 chart when it ran
  const refSame = r[`rawSame${f0}`] ? `rawSame${f0}` : undefined;
  console.log(`\n<civic-growth-chart> bench: 40 periods, bars + growth line on a 2nd axis; ${runs} first renders, ${updates} updates, one run; reduced motion: ${r.reducedMotion}; baselines: ${baseline}; ${args.includes('--fresh-periods') ? 'first renders on fresh periods (--fresh-periods)' : 'every first render on 2013Q1–2022Q4'}; timers start ${settle} frame(s) after each chart's pre-data state; load average ${loadAtStart.toFixed(1)}`);
  console.log(`Setups (each in a 960 px wide box, data → drawn with layout forced; update = new data into the drawn chart; ${r.rounds} rounds, the order of the charts rotating):`);
  console.log(`  frame (${frames.join(', ')}; ratios to ${frames[0]}): each chart may build before its timer starts the same kind of thing, its container`);
  console.log('    and static, data-independent structure as the page holds it before data. The element: connected and rendered');
  console.log('    without data (figure, header, plot div with role/describedby/listeners and its size observed, keyboard hint, a');
  console.log('    "暂无数据" block; no SVG, legend, notes or badge). mirror: raw-same builds the counterparts (figure, focusable plot');
  console.log('    div + key handler, hint; width read, box observed), raw plain none (its box is its container), ECharts init()s;');
  console.log('    their SVG, layers, legend, notes and setOption are timed. timer (--frame-in-timer, earlier numbers): raw');
  console.log('    constructors and echarts.init timed. static: mirror + raw d3 SVG, pattern, empty layer groups, legend/notes lists.');
  console.log('  element: the built element from src (minified), empty element already on the page; first = `el.data = …` until');
  console.log('    whenDrawn() (or updateComplete) resolves and layout is forced; includes parsing/validating the payload. Its first');
  console.log('    picture: "示例数据" badge; focusable plot (role group, roledescription, keyboard hint); SVG with hatch pattern,');
  console.log('    gridlines, tick labels on both y axes + axis titles (axes aligned at 0), 40 hatched bars (latest outlined), line,');
  console.log('    40 hollow dots, zero line, 10 year labels, "最新" mark; HTML legend (1 series <button>, illustrative note); notes.');
  if (r.raw) {
    console.log('  raw d3 SVG, plain (the issue\'s original baseline): d3-selection + d3-scale + d3-shape, one draw(): box size read');
    console.log('    (first, then its SVG goes in; before session 15 after, a forced layout of the half-built chart: ab.mjs --late-raw),');
    console.log('    band + 2 linear scales, tick labels on both axes and x, 40 rects, line path, 40 circles (no grid, axis titles,');
    console.log('    zero line, legend, notes, badge, hatching, keyboard or a11y).');
    console.log('  ECharts plain: echarts/core with BarChart, LineChart, GridComponent (+ Legend/Title registered, unused) and the');
    console.log('    renderer; first = setOption() (synchronous paint; init() + setOption() in frame timer), animation: false, 2 value');
    console.log('    y axes, category x axis.');
  }
  if (r.rawSame) {
    console.log('  raw d3, same picture (raw-same.ts): everything the element\'s first picture shows, listed above, as an expert writes');
    console.log('    it: static parts built once in the constructor, one join per layer, one page stylesheet; legend entries are');
    console.log('    <button aria-pressed> (click toggles the series), plot div focusable with role/roledescription/describedby and');
    console.log('    an arrow-key handler; box width read once before building (one ResizeObserver redraws on resize), plot 256 px');
    console.log('    high; first = draw() (constructor + draw() in frame timer; see frame above) in a 960 px box, layout forced.');
    console.log('  ECharts same picture (echarts-same.ts): the plain option + legend (one entry for both series), 3 titles (badge,');
    console.log('    illustrative note, basis note), axis names, explicit min/max aligning 0, decal hatching, latest bar outlined with');
    console.log('    a "最新" label, year labels, hollow symbols; 960 × 331 px box (the element\'s height). No keyboard navigation.');
  }
  const refNote = (k) => (k.startsWith('rawSame') ? 'raw d3 same picture' : 'raw d3 plain');
  const cols = [ref, refSame].filter((k, i, a) => k && a.indexOf(k) === i);
  const head = cols.map((k) => `first ÷ ${refNote(k)} | update ÷ ${refNote(k)}`).join(' | ');
  console.log('Wall time (ms):');
  console.log(`| chart | first render median | first render mean | update mean | update median | ${head} |`);
  console.log(`| --- | ---: | ---: | ---: | ---: |${' ---: | ---: |'.repeat(cols.length)}`);
  for (const [k, , name] of all) {
    const x = r[k];
    const ratios = cols.map((c) => `${(x.firstMedian / r[c].firstMedian).toFixed(2)}× | ${(x.updateMean / r[c].updateMean).toFixed(2)}×`).join(' | ');
    console.log(`| ${name} | ${f(x.firstMedian)} | ${f(x.firstMean)} | ${f(x.updateMean)} | ${f(x.updateMedian)} | ${ratios} |`);
  }
  console.log('Main-thread CPU time (ms, thread clock of the traced marks; same intervals):');
  console.log(`| chart | first render median | update mean | ${head} |`);
  console.log(`| --- | ---: | ---: |${' ---: | ---: |'.repeat(cols.length)}`);
  for (const [k, , name] of all) {
    const c = r.cpu[k];
    const ratios = cols.map((b) => `${(c.firstMedian / r.cpu[b].firstMedian).toFixed(2)}× | ${(c.updateMean / r.cpu[b].updateMean).toFixed(2)}×`).join(' | ');
    console.log(`| ${name} | ${f(c.firstMedian)} | ${f(c.updateMean)} | ${ratios} |`);
  }
  console.log(`\nbars / dots drawn: ${all.filter(([k]) => !k.startsWith('echarts')).map(([k, , name]) => `${name.split(',')[0].replace(/<civic-growth-chart.*/, 'element')}${k.startsWith('rawSame') ? ' same' : ''} ${r[k].counts.bars} / ${r[k].counts.dots}`).join(', ')}`);
  const goals = (label, k, ek) => {
    if (!r[`echartsCanvas${ek}`]) ek = ek.replace('Static', ''); // frame static: ECharts as in mirror (when it ran)
    const ec = r[`echartsCanvas${ek}`] ? [r[`echartsCanvas${ek}`], r[`echartsSvg${ek}`], r.cpu[`echartsCanvas${ek}`], r.cpu[`echartsSvg${ek}`]] : [{ firstMedian: NaN }, { firstMedian: NaN }, { firstMedian: NaN }, { firstMedian: NaN }];
    const ratio = r.element.firstMedian / r[k].firstMedian;
    const updRatio = r.element.updateMean / r[k].updateMean;
    const fastest = Math.min(ec[0].firstMedian, ec[1].firstMedian);
    console.log(`vs ${label}: first render ${ratio.toFixed(2)}× raw d3 (goal ≤ 1.5×) ${ratio <= 1.5 ? 'MET' : 'NOT MET'}; vs the faster ECharts ${(r.element.firstMedian / fastest).toFixed(2)}× (goal < 1) ${r.element.firstMedian < fastest ? 'MET' : 'NOT MET'}; update mean ${updRatio.toFixed(2)}× raw d3 (goal ≤ 1.3×) ${updRatio <= 1.3 ? 'MET' : 'NOT MET'}`);
    const cf = r.cpu.element.firstMedian / r.cpu[k].firstMedian;
    const cu = r.cpu.element.updateMean / r.cpu[k].updateMean;
    const cfe = r.cpu.element.firstMedian / Math.min(ec[2].firstMedian, ec[3].firstMedian);
    console.log(`  CPU: first render ${cf.toFixed(2)}× raw d3 ${cf <= 1.5 ? 'MET' : 'NOT MET'}, ${cfe.toFixed(2)}× the faster ECharts ${cfe < 1 ? 'MET' : 'NOT MET'}; update ${cu.toFixed(2)}× raw d3 ${cu <= 1.3 ? 'MET' : 'NOT MET'}`);
    return { ratio, updRatio, cpuFirst: cf, cpuUpdate: cu };
  };
  const byFrame = {};
  for (const fr of frames) {
    const s = fx[fr][0];
    byFrame[fr] = {
      plain: r[`raw${s}`] ? goals(`the plain baselines (the issue's), frame ${fr}`, `raw${s}`, s) : undefined,
      same: r[`rawSame${s}`] ? goals(`the same-picture baselines, frame ${fr}`, `rawSame${s}`, `Same${s}`) : undefined,
    };
  }
  const { plain: goalsPlain, same: goalsSame } = byFrame[frames[0]];
  const ratio = goalsPlain?.ratio ?? goalsSame.ratio;
  const updRatio = goalsPlain?.updRatio ?? goalsSame.updRatio;
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(join(root, 'bench/results/growth-chart.json'), JSON.stringify({ date: new Date().toISOString(), loadAverage: { start: loadAtStart, end: loadavg()[0] }, runs, updates, baseline, frames, settleFrames: settle, ...r, ratio, updateRatio: updRatio, goals: { plain: goalsPlain, same: goalsSame }, goalsByFrame: byFrame }, null, 2) + '\n');
} finally {
  await close();
}
