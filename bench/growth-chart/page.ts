// Bench page: <civic-growth-chart> vs a raw d3 SVG chart and ECharts (canvas and SVG renderers), bars + growth line on
// a second axis, same data, same run. All measured from "data set" to "drawn" (DOM built or canvas painted, style and
// layout forced), size measurement included; updates without transitions (the runner emulates
// prefers-reduced-motion: reduce; ECharts gets animation: false). ECharts is imported here only (dev dependency).
// Two raw d3 baselines and two ECharts options: 'plain' (RawChart below, echartsOption: bars, line, dots and tick
// labels only, the original baseline) and 'same' (raw-same.ts, echarts-same.ts: the element's whole first
// picture, legend, notes, badge, grid, zero line and keyboard-focusable plot included).
// Frame (what each chart may build before its timer starts: the same kind of thing for all, its container and static,
// data-independent structure as the page holds it before data arrives). The element is connected and rendered without
// data first: <figure>, header (slots, spacer), the plot div (role group, roledescription, describedby, listeners, its
// size observed), the keyboard hint and a "暂无数据" status block; no SVG, legend, notes or badge (src/components/
// growth-chart/growth-chart.ts render() with no model). 'mirror' (default) gives each other chart exactly the
// counterparts: raw-same builds its figure, focusable plot div with key handler and hint, reads its width and observes
// its box before the timer; raw plain has no counterpart (no figure, plot div or hint: its box is its container);
// ECharts is init()ed on its box (an ECharts page inits before data too; setOption stays timed). 'timer' (run.mjs
// --frame-in-timer, the earlier numbers): raw constructors and echarts.init inside the timed interval. 'static'
// (more than the element gets): raw charts also build their SVG, pattern, empty layer groups, badge, legend and notes
// lists before the timer; ECharts as 'mirror'.
import { select, type Selection } from 'd3-selection';
import { scaleBand, scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent } from 'echarts/components';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import '../../src/components/growth-chart/growth-chart.define.js';
import type { CivicGrowthChart } from '../../src/components/growth-chart/growth-chart.js';
import { RawSameChart } from './raw-same.js';
import { echartsSameOption } from './echarts-same.js';

interface Pt {
  period: string;
  value: number;
  growth: number;
  illustrative: boolean;
}

/** 40 quarters of illustrative data (deterministic), from the quarter `q0` after 1900Q1 (default 2013Q1). */
function makeData(seed: number, q0 = 4 * (2013 - 1900)): Pt[] {
  let s = seed;
  const rnd = () => ((s = (s * 16807) % 2147483647) / 2147483647);
  return Array.from({ length: 40 }, (_, i) => ({
    period: `${1900 + Math.floor((q0 + i) / 4)}Q${((q0 + i) % 4) + 1}`,
    value: Math.round((150 + i * 4 + rnd() * 60) * 10) / 10,
    growth: Math.round((rnd() * 16 - 4) * 10) / 10,
    illustrative: true,
  }));
}
// --fresh-periods (ab.mjs, run.mjs): every first render on the page gets 40 quarters starting where no recent chart's
// started (1900Q1, 1901Q4, 1903Q3, … seven quarters on each time; 1,160 starts fit the years the element accepts,
// 1900–2199), so the period axes the element keeps (the last 32, with their labels and frames) miss, as for a page's
// first chart. Parsed period strings still repeat (40-quarter windows overlap), as a polled payload's do. Without it,
// every first render has 2013Q1–2022Q4, like a wall of charts over the same quarters. Updates keep 2013–2022 either way.
let freshPeriods = false;
let freshCount = 0;
const firstData = (seed: number): Pt[] => (freshPeriods ? makeData(seed, (freshCount++ * 7) % 1160) : makeData(seed));
(window as unknown as { benchFreshPeriods: (on: boolean) => void }).benchFreshPeriods = (on: boolean) => void (freshPeriods = on);
const series = (pts: Pt[]) => ({ id: 'gdp', name: '地区生产总值（示例）', unit: '亿元', basis: 'period', points: pts });
const payload = (pts: Pt[]) => ({ series: [series(pts)] });

// ── raw d3 chart: what a hand-written dashboard chart does ──
type G = Selection<SVGGElement, unknown, null, undefined>;
class RawChart {
  private svg!: Selection<SVGSVGElement, unknown, null, undefined>;
  private gBars!: G;
  private gLine!: G;
  private gLeft!: G;
  private gRight!: G;
  private gX!: G;
  /**
   * `skeleton`: the SVG and its empty layer groups now (frame 'static'), else with the first draw(). `lateRead`: the
   * box size read after the first draw() has put in the SVG and its groups (the baseline before session 15, kept as
   * ab.mjs's `raw-late` row): that read lays out a half-built chart, a forced layout an expert does not write.
   */
  constructor(
    private host: HTMLElement,
    skeleton = false,
    private lateRead = false,
  ) {
    if (skeleton) this.build();
  }
  private build(): void {
    this.svg = select(this.host).append('svg');
    this.gLeft = this.svg.append('g');
    this.gRight = this.svg.append('g');
    this.gBars = this.svg.append('g');
    this.gLine = this.svg.append('g');
    this.gX = this.svg.append('g');
  }
  draw(data: Pt[]): void {
    if (!this.svg && this.lateRead) this.build();
    // the box first, then the DOM (as raw-same.ts): no forced layout of a half-built chart
    const { width, height } = this.host.getBoundingClientRect();
    if (!this.svg) this.build();
    const m = { t: 24, r: 36, b: 36, l: 44 };
    this.svg.attr('width', width).attr('height', height);
    const x = scaleBand<string>().domain(data.map((d) => d.period)).range([m.l, width - m.r]).paddingInner(0.25).paddingOuter(0.15);
    const yv = scaleLinear().domain([0, Math.max(...data.map((d) => d.value))]).nice().range([height - m.b, m.t]);
    const gExt = [Math.min(0, ...data.map((d) => d.growth)), Math.max(0, ...data.map((d) => d.growth))];
    const yg = scaleLinear().domain(gExt).nice().range([height - m.b, m.t]);
    this.gLeft
      .selectAll('text')
      .data(yv.ticks(5))
      .join('text')
      .attr('x', m.l - 6)
      .attr('y', (d) => yv(d))
      .attr('text-anchor', 'end')
      .text((d) => String(d));
    this.gRight
      .selectAll('text')
      .data(yg.ticks(5))
      .join('text')
      .attr('x', width - m.r + 6)
      .attr('y', (d) => yg(d))
      .text((d) => String(d));
    this.gX
      .selectAll('text')
      .data(data.filter((_, i) => i % 4 === 0))
      .join('text')
      .attr('x', (d) => (x(d.period) ?? 0) + x.bandwidth() / 2)
      .attr('y', height - m.b + 14)
      .attr('text-anchor', 'middle')
      .text((d) => d.period);
    this.gBars
      .selectAll('rect')
      .data(data, (d) => (d as Pt).period)
      .join('rect')
      .attr('fill', '#0072b2')
      .attr('x', (d) => x(d.period) ?? 0)
      .attr('width', x.bandwidth())
      .attr('y', (d) => yv(d.value))
      .attr('height', (d) => yv(0) - yv(d.value));
    const path = line<Pt>()
      .x((d) => (x(d.period) ?? 0) + x.bandwidth() / 2)
      .y((d) => yg(d.growth));
    this.gLine.selectAll('path').data([data]).join('path').attr('fill', 'none').attr('stroke', '#1f2933').attr('d', path);
    this.gLine
      .selectAll('circle')
      .data(data, (d) => (d as Pt).period)
      .join('circle')
      .attr('r', 3)
      .attr('cx', (d) => (x(d.period) ?? 0) + x.bandwidth() / 2)
      .attr('cy', (d) => yg(d.growth));
  }
}

// Legend and Title are for the same-picture option only (registered for both: a page with a legend registers them).
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TitleComponent, CanvasRenderer, SVGRenderer]);

/** ECharts as its docs set up a bar + line dual-axis chart: category x axis, value y axes left and right. */
function echartsOption(data: Pt[]) {
  return {
    animation: false,
    grid: { left: 44, right: 36, top: 24, bottom: 36 },
    xAxis: { type: 'category', data: data.map((d) => d.period), axisLabel: { interval: 3 } },
    yAxis: [{ type: 'value' }, { type: 'value', splitLine: { show: false } }],
    series: [
      { type: 'bar', data: data.map((d) => d.value), itemStyle: { color: '#0072b2' } },
      { type: 'line', yAxisIndex: 1, data: data.map((d) => d.growth), symbol: 'circle', symbolSize: 6, lineStyle: { color: '#1f2933' }, itemStyle: { color: '#1f2933' } },
    ],
  };
}

type Baseline = 'plain' | 'same';
/** See "Frame" at the top: what a chart builds before its first-render timer starts. */
export type Frame = 'mirror' | 'timer' | 'static';
const frameMark = { mirror: '', timer: '-fit', static: '-static' } as const;
async function benchEcharts(renderer: 'canvas' | 'svg', runs: number, updates: number, offset = 0, baseline: Baseline = 'plain', frame: Frame = 'mirror'): Promise<Result> {
  const name = `echarts-${renderer}${baseline === 'same' ? '-same' : ''}${frameMark[frame]}`;
  const cls = baseline === 'same' ? 'raw tall' : 'raw';
  const option = baseline === 'same' ? (d: Pt[]) => echartsSameOption(series(d)) : echartsOption;
  const first: number[] = [];
  for (let i = 0; i < runs; i++) {
    const box = document.createElement('div');
    box.className = cls;
    document.body.append(box);
    const c0 = frame === 'timer' ? undefined : echarts.init(box, undefined, { renderer }); // reads the box's size
    await nextFrame();
    const data = firstData(offset + i + 1);
    mark(name, 'first', 's');
    const t0 = now();
    const c = c0 ?? echarts.init(box, undefined, { renderer });
    c.setOption(option(data)); // lays out and paints synchronously (no lazyUpdate)
    forceLayout();
    first.push(now() - t0);
    mark(name, 'first', 'e');
    c.dispose();
    box.remove();
  }
  const box = document.createElement('div');
  box.className = cls;
  document.body.append(box);
  const c = echarts.init(box, undefined, { renderer });
  c.setOption(option(makeData(1)));
  await nextFrame();
  const upd: number[] = [];
  for (let i = 0; i < updates; i++) {
    const data = makeData(1000 + offset + i);
    mark(name, 'update', 's');
    const t0 = now();
    c.setOption(option(data));
    forceLayout();
    upd.push(now() - t0);
    mark(name, 'update', 'e');
  }
  const counts = renderer === 'svg' ? { bars: box.querySelectorAll('path').length, dots: 0 } : { bars: 40, dots: 40 };
  c.dispose();
  box.remove();
  return { first, upd, counts };
}

/**
 * User-timing marks around every measured interval: the runner traces them and reads each mark's thread clock, so
 * it can report main-thread CPU time next to wall time (on a loaded machine wall time includes waiting for a core).
 */
let measuring = false;
const mark = (chart: string, what: 'first' | 'update', edge: 's' | 'e') => {
  if (measuring) performance.mark(`gcb|${chart}${markSuffix}|${what}|${edge}`);
};

const forceLayout = () => document.body.getBoundingClientRect().height;
const now = () => performance.now();
const median = (a: number[]) => {
  const s = a.slice().sort((p, q) => p - q);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const mean = (a: number[]) => a.reduce((p, q) => p + q, 0) / a.length;
/**
 * Until the page has drawn what it holds: `settleFrames` animation frames, then a task. Chromium draws a frame (GPU
 * process) while the main thread runs the next one: after one frame, the drawing of a chart's pre-data state (the
 * element's "暂无数据" block, raw-same's figure; raw plain shows nothing) ran inside its timed interval, as wall time
 * above CPU time on 2 cores (trace.mjs --threads). 3 (default since session 14) lets it finish; 1 = the earlier timing.
 */
let settleFrames = 3;
/** Appended to every mark's chart name (ab.mjs runs each chart at several settle values, a row per value). */
let markSuffix = '';
const nextFrame = () =>
  new Promise<void>((r) => {
    let n = settleFrames;
    const step = () => (--n > 0 ? requestAnimationFrame(step) : setTimeout(r, 0));
    requestAnimationFrame(step);
  });

/**
 * `baseline`: 'plain' = RawChart (bars, line, dots, tick labels), 'same' = RawSameChart (the element's whole first
 * picture), 'plain-late' = RawChart reading its box after putting in its SVG (the plain baseline before session 15).
 */
async function benchRaw(runs: number, updates: number, offset = 0, baseline: Baseline | 'plain-late' = 'plain', frame: Frame = 'mirror'): Promise<Result> {
  const same = baseline === 'same';
  const name = (same ? 'raw-same' : baseline === 'plain-late' ? 'raw-late' : 'raw') + frameMark[frame];
  const make = (box: HTMLElement) => {
    if (!same) return new RawChart(box, frame === 'static', baseline === 'plain-late');
    const c = new RawSameChart(box, frame === 'static');
    return { draw: (d: Pt[]) => c.draw([series(d)]) };
  };
  const first: number[] = [];
  for (let i = 0; i < runs; i++) {
    const box = document.createElement('div');
    box.className = same ? 'box' : 'raw';
    document.body.append(box);
    const c0 = frame === 'timer' ? undefined : make(box); // the frame, before data (see "Frame" at the top)
    await nextFrame();
    const data = firstData(offset + i + 1);
    mark(name, 'first', 's');
    const t0 = now();
    const c = c0 ?? make(box);
    c.draw(data);
    forceLayout();
    first.push(now() - t0);
    mark(name, 'first', 'e');
    box.remove();
  }
  const box = document.createElement('div');
  box.className = same ? 'box' : 'raw';
  document.body.append(box);
  const c = make(box);
  c.draw(makeData(1));
  await nextFrame();
  const upd: number[] = [];
  for (let i = 0; i < updates; i++) {
    const data = makeData(1000 + offset + i);
    mark(name, 'update', 's');
    const t0 = now();
    c.draw(data);
    forceLayout();
    upd.push(now() - t0);
    mark(name, 'update', 'e');
  }
  const counts = { bars: box.querySelectorAll(same ? 'g.bars rect' : 'rect').length, dots: box.querySelectorAll('circle').length };
  box.remove();
  return { first, upd, counts };
}

/** Until the picture is drawn: whenDrawn() when the element has it, else every Lit update that was asked for. */
async function drawn(el: CivicGrowthChart): Promise<void> {
  const w = (el as unknown as { whenDrawn?: () => Promise<void> }).whenDrawn;
  if (typeof w === 'function') await w.call(el);
  while (!(await el.updateComplete)) {
    // a further update was requested (e.g. measure, then draw): it belongs to the first picture
  }
}

/** `tag`/`chart`: another build of the element defined under its own tag (bench/growth-chart/ab.mjs), its marks' name. */
async function benchElement(runs: number, updates: number, offset = 0, tag = 'civic-growth-chart', chart = 'element'): Promise<Result> {
  const first: number[] = [];
  for (let i = 0; i < runs; i++) {
    const box = document.createElement('div');
    box.className = 'box';
    const el = document.createElement(tag) as CivicGrowthChart;
    box.append(el);
    document.body.append(box);
    await el.updateComplete; // the empty element is on the page, like the raw chart's container
    await nextFrame();
    const data = payload(firstData(offset + i + 1));
    mark(chart, 'first', 's');
    const t0 = now();
    el.data = data;
    await drawn(el);
    forceLayout();
    first.push(now() - t0);
    mark(chart, 'first', 'e');
    if (!el.shadowRoot!.querySelector('g.marks rect.bar')) throw new Error('element did not draw');
    box.remove();
  }
  const box = document.createElement('div');
  box.className = 'box';
  const el = document.createElement(tag) as CivicGrowthChart;
  box.append(el);
  document.body.append(box);
  el.data = payload(makeData(1));
  await el.updateComplete;
  await nextFrame();
  await el.updateComplete;
  const upd: number[] = [];
  for (let i = 0; i < updates; i++) {
    const data = payload(makeData(1000 + offset + i));
    mark(chart, 'update', 's');
    const t0 = now();
    el.data = data;
    await drawn(el);
    forceLayout();
    upd.push(now() - t0);
    mark(chart, 'update', 'e');
  }
  const root = el.shadowRoot!;
  const counts = { bars: root.querySelectorAll('g.marks rect.bar').length, dots: root.querySelectorAll('g.marks circle.dot').length };
  box.remove();
  return { first, upd, counts };
}

interface Result {
  first: number[];
  upd: number[];
  counts: { bars: number; dots: number };
}
const summary = (parts: Result[]) => {
  const first = parts.flatMap((r) => r.first);
  const upd = parts.flatMap((r) => r.upd);
  return { firstMedian: median(first), firstMean: mean(first), updateMean: mean(upd), updateMedian: median(upd), counts: parts[parts.length - 1].counts, updates: upd.map((v) => Math.round(v * 10) / 10), firsts: first.map((v) => Math.round(v * 10) / 10) };
};

declare global {
  interface Window {
    runBench: (runs: number, updates: number, baseline?: 'plain' | 'same' | 'both', frames?: Frame[]) => Promise<unknown>;
  }
}

/**
 * The charts measured by runBench: the element and, per frame and baseline, raw d3 and ECharts (canvas, SVG; not for
 * 'static', where ECharts is as in 'mirror'). Keys: raw, rawSame, echartsCanvas(Same), echartsSvg(Same), + 'Fit' for
 * frame 'timer', 'Static' for 'static'.
 */
const benches = (baseline: 'plain' | 'same' | 'both', frames: Frame[]) => {
  const sets: [string, (r: number, u: number, off: number) => Promise<Result>][] = [['element', (r, u, off) => benchElement(r, u, off)]];
  for (const fr of frames) {
    const y = { mirror: '', timer: 'Fit', static: 'Static' }[fr];
    for (const b of ['plain', 'same'] as const) {
      if (baseline !== 'both' && baseline !== b) continue;
      const x = (b === 'same' ? 'Same' : '') + y;
      sets.push([`raw${x}`, (r, u, off) => benchRaw(r, u, off, b, fr)]);
      if (fr === 'static') continue;
      sets.push([`echartsCanvas${x}`, (r, u, off) => benchEcharts('canvas', r, u, off, b, fr)]);
      sets.push([`echartsSvg${x}`, (r, u, off) => benchEcharts('svg', r, u, off, b, fr)]);
    }
  }
  return sets;
};

window.runBench = async (runs: number, updates: number, baseline: 'plain' | 'same' | 'both' = 'both', frames: Frame[] = ['mirror']) => {
  // warm-up (JIT, style sheets, fonts) for all, then the measured passes in rounds that alternate the charts (5 first
  // renders and 25 updates of each per round), so a change in the machine's load falls on all of them alike
  const sets = benches(baseline, frames);
  for (const [, run] of sets) await run(3, 10, 0);
  measuring = true;
  const parts: Record<string, Result[]> = Object.fromEntries(sets.map(([n]) => [n, []]));
  const rounds = Math.max(1, Math.ceil(runs / 5), Math.ceil(updates / 25));
  for (let k = 0; k < rounds; k++) {
    const r = Math.floor(((k + 1) * runs) / rounds) - Math.floor((k * runs) / rounds);
    const u = Math.floor(((k + 1) * updates) / rounds) - Math.floor((k * updates) / rounds);
    const off = k * 100;
    // the order rotates each round, so no chart always runs right after the same other one
    for (let j = 0; j < sets.length; j++) {
      const [n, run] = sets[(j + k) % sets.length];
      parts[n].push(await run(r, u, off));
    }
  }
  return { ...Object.fromEntries(sets.map(([n]) => [n, summary(parts[n])])), rounds, reducedMotion: matchMedia('(prefers-reduced-motion: reduce)').matches };
};

/** For profiling: the element alone. */
(window as unknown as { runElement: typeof benchElement }).runElement = benchElement;
/** For profiling: a raw d3 chart alone (baseline 'plain': same marks; 'same': the element's whole first picture). */
(window as unknown as { runRaw: typeof benchRaw }).runRaw = benchRaw;
/** For profiling: user-timing marks on (or off) outside runBench, so a profile can be cut to the measured intervals. */
(window as unknown as { benchMarks: (on: boolean) => void }).benchMarks = (on: boolean) => void (measuring = on);
/** Animation frames waited before each timer (see nextFrame); the runners' --settle-frames. */
(window as unknown as { benchSettle: (frames: number, suffix?: string) => void }).benchSettle = (frames: number, suffix = '') => {
  settleFrames = Math.max(1, Math.round(frames));
  markSuffix = suffix;
};
