// Bench page: N KPI tiles in one <civic-kpi-grid>, all values changing every second (count-up on), while a
// PerformanceObserver records long tasks ('longtask', > 50 ms) and layout shifts, and a rAF loop records frame
// intervals. The same page runs two baselines on the same machine in the same run: `plain` (N divs whose text is
// set once a second: the machine's floor) and `countup` (the same divs counting up in one rAF loop, as hand-written
// DOM code would). Driven by bench/kpi/run.mjs.
import '../../src/components/kpi-grid/kpi-grid.define.js';
import '../../src/components/rank-board/rank-board.define.js';
import type { CivicKpiGrid } from '../../src/components/kpi-grid/kpi-grid.js';
import type { CivicKpiTile } from '../../src/components/kpi-tile/kpi-tile.js';
import type { CivicRankBoard } from '../../src/components/rank-board/rank-board.js';

const UNITS = ['人', '个', '亿元', '%', '所', '名'];

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type BenchMode = 'element' | 'plain' | 'countup';

interface Result {
  mode: BenchMode;
  tiles: number;
  seconds: number;
  updates: number;
  longTasks: number[];
  /** Long tasks that started before the first update (the page being built), included in longTasks. */
  longTasksAtStart: number[];
  layoutShifts: { count: number; cls: number; atStart: number; clsAtStart: number };
  frames: number;
  frameIntervals: { p50: number; p95: number; p99: number; max: number; over50: number; dropped: number };
  updateMs: { mean: number; max: number };
}

declare global {
  interface Window {
    startBench(seconds: number, tiles: number, rank: number, mode?: BenchMode): void;
    benchResult?: Result;
  }
}

/**
 * Baselines for the same machine and run: plain divs in a CSS grid showing the same formatted figures. `countup`:
 * with the same 800 ms count-up driven by one rAF loop — what hand-written DOM code would cost. `plain`: the text
 * is set once a second and nothing else — the floor of this machine under its current load (a long task here is
 * the machine, not the code). Compare ratios.
 */
function startBaseline(host: HTMLElement, values: number[], countUp: boolean): () => void {
  const nf = new Intl.NumberFormat('zh-CN', { notation: 'compact', maximumFractionDigits: 1 });
  host.style.cssText = 'display:grid;grid-template-columns:repeat(auto-fit,minmax(176px,1fr));gap:16px';
  const cells = values.map((v, i) => {
    const d = document.createElement('div');
    d.style.cssText = 'border:1px solid #ccc;padding:16px;font:700 48px sans-serif;white-space:nowrap;overflow:hidden';
    const l = document.createElement('div');
    l.style.font = '14px sans-serif';
    l.textContent = `指标${i + 1}（示例）`;
    const n = document.createElement('span');
    n.textContent = nf.format(v);
    d.append(l, n);
    host.append(d);
    return { n, from: v, to: v };
  });
  let start = 0;
  let raf = 0;
  const frame = (t: number) => {
    const k = Math.min(1, (t - start) / 800);
    const e = 1 - Math.pow(1 - k, 3);
    for (const c of cells) c.n.textContent = nf.format(Math.round(c.from + (c.to - c.from) * e));
    if (k < 1) raf = requestAnimationFrame(frame);
  };
  return () => {
    cells.forEach((c, i) => {
      c.from = c.to;
      c.to = values[i]!;
    });
    if (!countUp) {
      for (const c of cells) c.n.textContent = nf.format(c.to);
      return;
    }
    cancelAnimationFrame(raf);
    start = performance.now();
    raf = requestAnimationFrame(frame);
  };
}

window.startBench = (seconds: number, tiles: number, rankRows: number, mode: BenchMode = 'element') => {
  const baseline = mode !== 'element';
  const rnd = prng(42);
  const host = document.getElementById('host')!;
  const values = Array.from({ length: tiles }, () => Math.round(rnd() * 200000));
  const make = () => ({
    title: '压力测试（示例）',
    illustrative: true,
    groups: [{ id: 'a', label: '甲组' }, { id: 'b', label: '乙组' }],
    items: values.map((v, i) => ({
      id: `k${i}`,
      label: `指标${i + 1}（示例）`,
      value: UNITS[i % UNITS.length] === '%' ? (v % 1000) / 10 : v,
      unit: UNITS[i % UNITS.length],
      previous: Math.round(v * (0.9 + rnd() * 0.2)),
      deltaLabel: i % 2 ? '同比' : '环比',
      group: i % 2 ? 'a' : 'b',
    })),
  });
  const grid = document.createElement('civic-kpi-grid') as CivicKpiGrid;
  let baseUpdate: (() => void) | undefined;
  if (baseline) baseUpdate = startBaseline(host, values, mode === 'countup');
  else {
    grid.style.display = 'block';
    grid.live = 'off';
    grid.data = make();
    host.append(grid);
  }
  let board: CivicRankBoard | undefined;
  const rankData = () => ({ title: '排行（示例）', unit: '件', illustrative: true, rows: values.slice(0, rankRows).map((v, i) => ({ id: `r${i}`, name: `社区${i + 1}（示例）`, value: v })) });
  if (rankRows > 0 && !baseline) {
    board = document.createElement('civic-rank-board') as CivicRankBoard;
    board.interval = 1;
    board.rowsVisible = 8;
    board.data = rankData();
    host.prepend(board);
  }

  let firstUpdate = Infinity;
  // Long tasks (the Long Tasks API: every main-thread task over 50 ms, wall-clock duration), from before the
  // elements' first render on; those that start before the first update are the page being built.
  // The runner's forced GC for its heap reading (between marks bench-gc-start / bench-gc-end) is not counted.
  const tasks: { start: number; duration: number }[] = [];
  const po = new PerformanceObserver((list) => list.getEntries().forEach((e) => tasks.push({ start: e.startTime, duration: e.duration })));
  po.observe({ type: 'longtask' });
  // Layout shifts (the Layout Instability API, as CLS counts them: not within 500 ms of input).
  // Shifts before the first update are the page being built (elements appearing), not updates.
  const shifts: number[] = [];
  const startShifts: number[] = [];
  const ls = new PerformanceObserver((list) =>
    list.getEntries().forEach((e) => {
      const x = e as PerformanceEntry & { value: number; hadRecentInput: boolean };
      if (!x.hadRecentInput) (x.startTime < firstUpdate ? startShifts : shifts).push(x.value);
    }),
  );
  ls.observe({ type: 'layout-shift' });

  const intervals: number[] = [];
  let last = 0;
  let running = true;
  const frame = (t: number) => {
    if (last) intervals.push(t - last);
    last = t;
    if (running) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);

  const updateTimes: number[] = [];
  let updates = 0;
  // The updates start once the wall is built (its first picture drawn): on a loaded machine building 200 tiles takes
  // more than the first second, and its work (and layout shifts as rows fill in) is the page building, not updating.
  let timer: ReturnType<typeof setInterval> | undefined;
  const built = baseline ? Promise.resolve() : Promise.all([grid.whenDrawn(), board?.whenDrawn()]);
  void built.then(() => (timer = setInterval(async () => {
    for (let i = 0; i < values.length; i++) values[i] = Math.max(0, Math.round(values[i]! * (0.97 + rnd() * 0.06)));
    const t0 = performance.now();
    if (firstUpdate === Infinity) {
      firstUpdate = t0;
      // For the trace (bench/kpi/run.mjs splits CPU time per task at this mark).
      performance.mark('bench-first-update');
    }
    if (baseUpdate) baseUpdate();
    else {
      grid.data = make();
      if (board) board.data = rankData();
      // Until every tile shows its new figure (a tile's update may come a few frames after the grid's).
      await grid.updateComplete;
      await Promise.all(Array.from(grid.shadowRoot!.querySelectorAll<CivicKpiTile>('civic-kpi-tile'), (t) => t.updateComplete));
    }
    updateTimes.push(performance.now() - t0);
    updates++;
  }, 1000)));

  setTimeout(() => {
    running = false;
    clearInterval(timer);
    po.disconnect();
    ls.disconnect();
    const sorted = intervals.slice().sort((a, b) => a - b);
    const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
    const median = q(0.5);
    const gcStart = performance.getEntriesByName('bench-gc-start').map((e) => e.startTime);
    const gcEnd = performance.getEntriesByName('bench-gc-end').map((e) => e.startTime);
    const counted = tasks.filter((t) => !gcStart.some((a, i) => t.start + t.duration >= a && t.start <= (gcEnd[i] ?? Infinity)));
    const longTasks = counted.map((t) => t.duration);
    const longTasksAtStart = counted.filter((t) => t.start < firstUpdate).map((t) => t.duration);
    window.benchResult = {
      mode,
      tiles,
      seconds,
      updates,
      longTasks,
      longTasksAtStart,
      layoutShifts: { count: shifts.length, cls: shifts.reduce((x, y) => x + y, 0), atStart: startShifts.length, clsAtStart: startShifts.reduce((x, y) => x + y, 0) },
      frames: intervals.length,
      frameIntervals: {
        p50: median,
        p95: q(0.95),
        p99: q(0.99),
        max: sorted[sorted.length - 1] ?? 0,
        over50: intervals.filter((d) => d > 50).length,
        // a frame interval of k × the median means k − 1 frames were dropped
        dropped: intervals.reduce((n, d) => n + Math.max(0, Math.round(d / median) - 1), 0),
      },
      updateMs: { mean: updateTimes.reduce((a, b) => a + b, 0) / Math.max(1, updateTimes.length), max: Math.max(0, ...updateTimes) },
    };
  }, seconds * 1000);
};
