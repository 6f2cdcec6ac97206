// Benchmark page for <civic-chain-graph>; bundled by run.mjs with esbuild and driven by playwright-core.
import '../../src/components/chain-graph/chain-graph.define.js';
import type { CivicChainGraph } from '../../src/components/chain-graph/chain-graph.js';
import { forceCenter, forceLink, forceManyBody, forceSimulation, type SimulationNodeDatum } from 'd3-force';
import { adjacency, filterChainData, parseChainData } from '../../src/components/chain-graph/chain-graph.model.js';
import { createForceLayout, defaultRadius, estimateTextWidth, forceLayout, radialLayout, resultFromPositions, tiersLayout, type LayoutResult } from '../../src/components/chain-graph/chain-graph.layout.js';
import { measureDrawn, measureNaive, type LinkStyle, type MeasureInput, type MeasureNode } from '../../src/components/chain-graph/chain-graph.readability.js';
import type { ChainData, Point } from '../../src/components/chain-graph/chain-graph.types.js';
import { syntheticChains } from '../../test/fixtures/chain-graph/synthetic.js';

const W = 1280, H = 800;

/** Longest main-thread block while `fn` runs: gaps between 0-delay message-channel tasks and long tasks. */
function blockMonitor() {
  let longest = 0;
  let last = performance.now();
  let on = true;
  const ch = new MessageChannel();
  ch.port1.onmessage = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (on) setTimeout(() => ch.port2.postMessage(0), 0);
  };
  ch.port2.postMessage(0);
  let lt = 0;
  const all: number[] = [];
  const po =
    typeof PerformanceObserver !== 'undefined'
      ? new PerformanceObserver((l) =>
          l.getEntries().forEach((e) => {
            lt = Math.max(lt, e.duration);
            all.push(Math.round(e.duration));
          }),
        )
      : undefined;
  try {
    po?.observe({ type: 'longtask', buffered: false });
  } catch {
    /* not supported */
  }
  return {
    stop: () => {
      on = false;
      po?.disconnect();
      return { gap: Math.round(longest), longtask: Math.round(lt), longtasks: all.join(' ') };
    },
  };
}

const frame = () => new Promise<number>((r) => requestAnimationFrame(r));

interface N extends SimulationNodeDatum {
  id: string;
}

/** (a) raw d3-force: default forces, one tick per animation frame, canvas redraw each tick, until the simulation ends. */
async function rawPerFrame(n: number): Promise<Record<string, number>> {
  const g = syntheticChains(n);
  const canvas = document.createElement('canvas');
  canvas.width = W;
  canvas.height = H;
  document.body.appendChild(canvas);
  const ctx = canvas.getContext('2d')!;
  const nodes: N[] = g.nodes.map((d) => ({ id: d.id as string }));
  const links = g.links.map((l) => ({ source: l.source, target: l.target }));
  const mon = blockMonitor();
  const t0 = performance.now();
  let ticks = 0;
  let maxFrame = 0;
  await new Promise<void>((resolve) => {
    const sim = forceSimulation(nodes)
      .force('link', forceLink<N, { source: string; target: string }>(links).id((d) => d.id))
      .force('charge', forceManyBody())
      .force('center', forceCenter(W / 2, H / 2))
      .on('tick', () => {
        const f0 = performance.now();
        ticks++;
        ctx.clearRect(0, 0, W, H);
        ctx.beginPath();
        for (const l of links as unknown as { source: N; target: N }[]) {
          ctx.moveTo(l.source.x!, l.source.y!);
          ctx.lineTo(l.target.x!, l.target.y!);
        }
        ctx.strokeStyle = '#999';
        ctx.stroke();
        ctx.beginPath();
        for (const d of nodes) {
          ctx.moveTo(d.x! + 4, d.y!);
          ctx.arc(d.x!, d.y!, 4, 0, 2 * Math.PI);
        }
        ctx.fillStyle = '#0072b2';
        ctx.fill();
        maxFrame = Math.max(maxFrame, performance.now() - f0);
      })
      .on('end', () => resolve());
    void sim;
  });
  const ms = performance.now() - t0;
  canvas.remove();
  const b = mon.stop();
  return { ms: Math.round(ms), ticks, maxTickFrameMs: Math.round(maxFrame), block: b.gap };
}

/** (b) the same d3-force simulation computing the same number of ticks, no drawing. */
function computeOnly(n: number, ticks = 300): Record<string, number> {
  const g = syntheticChains(n);
  const nodes: N[] = g.nodes.map((d) => ({ id: d.id as string }));
  const links = g.links.map((l) => ({ source: l.source, target: l.target }));
  const t0 = performance.now();
  forceSimulation(nodes)
    .force('link', forceLink<N, { source: string; target: string }>(links).id((d) => d.id))
    .force('charge', forceManyBody())
    .force('center', forceCenter(W / 2, H / 2))
    .stop()
    .tick(ticks);
  return { ms: Math.round(performance.now() - t0), ticks };
}

/** Our force layout (its forces: link, charge, cluster x/y, label collision), compute only. */
function ourComputeOnly(n: number): Record<string, number> {
  const d = parseChainData(syntheticChains(n)).value!;
  const t0 = performance.now();
  const run = createForceLayout(d, { seed: 1 });
  run.step(run.total);
  return { ms: Math.round(performance.now() - t0), ticks: run.total };
}

async function mount(attrs: Record<string, string>): Promise<CivicChainGraph> {
  document.querySelectorAll('civic-chain-graph').forEach((e) => e.remove());
  const el = document.createElement('civic-chain-graph') as CivicChainGraph;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.style.cssText = `width:${W}px;--civic-chain-graph-height:${H}px`;
  document.body.appendChild(el);
  return el;
}

/** Element: from assigning data to a settled, drawn picture (layout done and one frame painted). */
async function element(n: number, layout: string): Promise<Record<string, number | string>> {
  const data = syntheticChains(n);
  const el = await mount({ layout, renderer: 'auto' });
  await frame();
  await new Promise((r) => setTimeout(r, 300)); // let the mount settle before measuring
  const mon = blockMonitor();
  const t0 = performance.now();
  el.data = data;
  await el.updateComplete;
  while (el.computing || (el as unknown as { anim: number }).anim !== 0) await new Promise((r) => setTimeout(r, 5));
  await el.updateComplete;
  await frame();
  await frame();
  const ms = performance.now() - t0;
  const b = mon.stop();
  return { ms: Math.round(ms), block: b.gap, longtask: b.longtask, longtasks: b.longtasks, renderer: el.activeRenderer === 'canvas' ? 1 : 0 };
}

/** Pure layout function time (tiers / radial). */
function pureLayout(n: number, kind: 'tiers' | 'radial'): Record<string, number> {
  const d = parseChainData(syntheticChains(n)).value!;
  const t0 = performance.now();
  if (kind === 'tiers') tiersLayout(d);
  else radialLayout(d);
  return { ms: Math.round(performance.now() - t0) };
}

/** Panning the element at `n` nodes: frame durations while the view is translated once per frame. */
async function pan(n: number): Promise<Record<string, number>> {
  const el = await mount({ layout: 'radial' });
  el.data = syntheticChains(n);
  await el.updateComplete;
  while (el.computing) await new Promise((r) => setTimeout(r, 5));
  await frame();
  const any = el as unknown as { drawCanvas(): void; zt: { translate(x: number, y: number): unknown }; setTransform(t: unknown): void };
  const times: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t0 = performance.now();
    any.setTransform(any.zt.translate(3, 2));
    any.drawCanvas();
    times.push(performance.now() - t0);
    await frame();
  }
  times.sort((a, b) => a - b);
  return { medianFrameMs: Math.round(times[15] * 10) / 10, maxFrameMs: Math.round(times[29] * 10) / 10 };
}

async function show(which: string, layout: string, lang: string, theme: string, density = 'default', w = W, h = H): Promise<void> {
  const el = await mount({ layout, lang, theme, density });
  el.style.cssText = `width:${w}px;--civic-chain-graph-height:${h}px`;
  el.src = which === 'demo' ? '/demo/data/chains.json' : '';
  if (which !== 'demo') el.data = syntheticChains(Number(which));
}

Object.assign(window, { rawPerFrame, computeOnly, ourComputeOnly, element, pureLayout, pan, show });

/** Where the synchronous work goes when data is assigned (diagnostics). */
async function phases(n: number): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  let t = performance.now();
  const raw = syntheticChains(n);
  out.generate = performance.now() - t;
  t = performance.now();
  const d = parseChainData(raw).value!;
  out.parse = performance.now() - t;
  t = performance.now();
  const run = createForceLayout(d, { seed: 1 });
  out.createForce = performance.now() - t;
  t = performance.now();
  run.step(1);
  out.firstTick = performance.now() - t;
  t = performance.now();
  run.step(10);
  out.tenTicks = performance.now() - t;
  const el = await mount({ layout: 'radial' });
  t = performance.now();
  el.data = raw;
  await el.updateComplete;
  out.elementFirstUpdate = performance.now() - t;
  while (el.computing) await new Promise((r) => setTimeout(r, 5));
  await frame();
  const any = el as unknown as { drawCanvas(): void; requestUpdate(): void; updateComplete: Promise<unknown> };
  t = performance.now();
  any.drawCanvas();
  out.drawCanvas = performance.now() - t;
  t = performance.now();
  any.requestUpdate();
  await any.updateComplete;
  out.rerender = performance.now() - t;
  for (const k of Object.keys(out)) out[k] = Math.round(out[k] * 10) / 10;
  return out;
}
Object.assign(window, { phases });

/** The same force job on the main thread and in a fresh module worker, timed back to back. */
async function workerVsMain(n: number, real = false): Promise<Record<string, number>> {
  const d = parseChainData(syntheticChains(n)).value!;
  const widths: Record<string, number> = {};
  if (real) {
    const el = await mount({});
    (el as unknown as { fontFamily: string }).fontFamily = getComputedStyle(el).fontFamily;
    const measure = (el as unknown as { measure(t: string): number }).measure;
    for (const node of d.nodes) widths[node.name] = measure(node.name);
  }
  const t0 = performance.now();
  const run = createForceLayout(d, { seed: 1 });
  run.step(run.total);
  const main = performance.now() - t0;
  const w = new Worker(new URL('./chain-graph.worker.ts', import.meta.url), { type: 'module' });
  const t1 = performance.now();
  await new Promise<void>((resolve) => {
    w.onmessage = (e) => e.data.type === 'done' && resolve();
    w.postMessage({ job: 1, kind: 'force', data: d, seed: 1, pins: {}, lang: 'zh-CN', widths });
  });
  const worker = performance.now() - t1;
  const t2 = performance.now();
  await new Promise<void>((resolve) => {
    w.onmessage = (e) => e.data.type === 'done' && resolve();
    w.postMessage({ job: 2, kind: 'force', data: d, seed: 1, pins: {}, lang: 'zh-CN', widths });
  });
  const workerWarm = performance.now() - t2;
  w.terminate();
  return { main: Math.round(main), worker: Math.round(worker), workerWarm: Math.round(workerWarm) };
}
Object.assign(window, { workerVsMain });

/** Pure JS loop on the main thread and in a Blob worker: tells thread scheduling apart from layout code. */
async function spin(): Promise<Record<string, number>> {
  const body = 'let s = 0; for (let i = 0; i < 3e8; i++) s = (s + i * 7) % 1000003; return s;';
  // eslint-disable-next-line no-new-func
  const f = new Function(body) as () => number;
  const t0 = performance.now();
  f();
  const main = performance.now() - t0;
  const url = URL.createObjectURL(new Blob([`onmessage = () => { const t = performance.now(); (function(){${body}})(); postMessage(performance.now() - t); };`], { type: 'text/javascript' }));
  const w = new Worker(url);
  const worker = await new Promise<number>((r) => {
    w.onmessage = (e) => r(e.data);
    w.postMessage(0);
  });
  w.terminate();
  return { main: Math.round(main), worker: Math.round(worker) };
}
Object.assign(window, { spin });

/** Longest run of each element method on the main thread while a force layout of n nodes goes from data to drawn. */
async function methodTimes(n: number, layout = 'force'): Promise<Record<string, number>> {
  const el = await mount({ layout });
  await frame();
  const times: Record<string, number> = {};
  const anyEl = el as unknown as Record<string, (...a: unknown[]) => unknown>;
  for (const m of ['willUpdate', 'update', 'updated', 'drawCanvas', 'setTarget', 'runInWorker', 'computeLayout']) {
    const orig = anyEl[m].bind(el);
    anyEl[m] = (...a: unknown[]) => {
      const t = performance.now();
      const r = orig(...a);
      times[m] = Math.max(times[m] ?? 0, Math.round(performance.now() - t));
      times[m + 'Calls'] = (times[m + 'Calls'] ?? 0) + 1;
      return r;
    };
  }
  const data = syntheticChains(n);
  const t0 = performance.now();
  el.data = data;
  await el.updateComplete;
  while (el.computing) await new Promise((r) => setTimeout(r, 5));
  times.total = Math.round(performance.now() - t0);
  await frame();
  await frame();
  return times;
}
Object.assign(window, { methodTimes });

// ── Issue 15: readability next to d3-force's default layout, and d3-force computed off screen (the speed floor) ──

/**
 * The speed baseline: d3-force with its default forces (link, many-body charge, centre; default alpha 1, alphaMin
 * 0.001, alphaDecay ≈ 0.0228, so 300 ticks), ticked off screen in slices of at most 24 ms (yielding a task between
 * slices) until alpha < alphaMin, then drawn once on a canvas (links, nodes, labels) and one frame painted.
 */
async function d3Static(n: number): Promise<Record<string, number>> {
  const g = syntheticChains(n);
  const canvas = document.createElement('canvas');
  canvas.width = W;
  canvas.height = H;
  document.body.appendChild(canvas);
  const ctx = canvas.getContext('2d')!;
  await frame();
  const t0 = performance.now();
  const nodes: (N & { name: string })[] = g.nodes.map((d) => ({ id: d.id as string, name: d.name as string }));
  const links = g.links.map((l) => ({ source: l.source, target: l.target }));
  const sim = forceSimulation(nodes)
    .force('link', forceLink<N, { source: string; target: string }>(links).id((d) => d.id))
    .force('charge', forceManyBody())
    .force('center', forceCenter(W / 2, H / 2))
    .stop();
  let ticks = 0;
  while (sim.alpha() >= sim.alphaMin()) {
    const s = performance.now();
    while (sim.alpha() >= sim.alphaMin() && performance.now() - s < 24) {
      sim.tick();
      ticks++;
    }
    await new Promise((r) => setTimeout(r, 0));
  }
  ctx.clearRect(0, 0, W, H);
  ctx.beginPath();
  for (const l of links as unknown as { source: N; target: N }[]) {
    ctx.moveTo(l.source.x!, l.source.y!);
    ctx.lineTo(l.target.x!, l.target.y!);
  }
  ctx.strokeStyle = '#999';
  ctx.stroke();
  ctx.beginPath();
  for (const d of nodes) {
    ctx.moveTo(d.x! + 4, d.y!);
    ctx.arc(d.x!, d.y!, 4, 0, 2 * Math.PI);
  }
  ctx.fillStyle = '#0072b2';
  ctx.fill();
  ctx.font = '12px sans-serif';
  ctx.fillStyle = '#222';
  for (const d of nodes) ctx.fillText(d.name, d.x!, d.y! + 16);
  await frame();
  const ms = performance.now() - t0;
  canvas.remove();
  return { ms: Math.round(ms), ticks };
}

/** Ticks our force layout runs for n nodes (its own schedule). */
function ourTicks(n: number): number {
  return createForceLayout(parseChainData(syntheticChains(n)).value!, { seed: 1, ticks: undefined }).total;
}

let demoRaw: unknown;
async function caseData(name: string): Promise<ChainData> {
  if (name.startsWith('demo')) {
    demoRaw ??= await (await fetch('/demo/data/chains.json')).json();
    const d = parseChainData(demoRaw).value!;
    const chain = name.split(':')[1];
    return chain ? filterChainData(d, { chain }) : d;
  }
  return parseChainData(syntheticChains(Number(name))).value!;
}

/** d3-force's default layout of the same data (forces as d3Static, run to alphaMin), as a layout result. */
function d3Default(d: ChainData): LayoutResult {
  const nodes: N[] = d.nodes.map((x) => ({ id: x.id }));
  const links = d.links.map((l) => ({ source: l.source, target: l.target }));
  forceSimulation(nodes)
    .force('link', forceLink<N, { source: string; target: string }>(links).id((x) => x.id))
    .force('charge', forceManyBody())
    .force('center', forceCenter(0, 0))
    .stop()
    .tick(300);
  return resultFromPositions(d, new Map(nodes.map((x) => [x.id, { x: x.x!, y: x.y! }])), {}, 'below');
}

/**
 * Readability of every layout of one case in two views (a page: 1280×800, floor 12 px; a wall tile under
 * <civic-screen>: 460×400 at scale 1, floor 14 px). `radialLinks`: how radial links are drawn ('straight' before
 * issue 15, 'radial' curves after).
 */
async function readability(name: string, radialLinks: 'straight' | 'radial' = 'radial'): Promise<Record<string, unknown>> {
  const d = await caseData(name);
  const adj = adjacency(d.links);
  const mNodes: MeasureNode[] = d.nodes.map((n) => {
    let value = 0;
    for (const v of Object.values(n.attrs)) if (Number.isFinite(v) && v > value) value = v;
    return { id: n.id, type: n.type, home: n.home, r: defaultRadius(n), w: estimateTextWidth(n.name), degree: (adj.get(n.id) ?? []).length, value };
  });
  const leaders = new Map(d.chains.map((c) => [c.id, c.leader]));
  const out: Record<string, unknown> = { case: name, nodes: d.nodes.length, links: d.links.length };
  const layouts: [string, () => LayoutResult, LinkStyle][] = [
    ['d3-default', () => d3Default(d), 'straight'],
    ['tiers', () => tiersLayout(d), 'tiers'],
    ['radial', () => radialLayout(d), radialLinks],
    ['force', () => forceLayout(d, { seed: 1 }), 'straight'],
  ];
  for (const [kind, run, linkStyle] of layouts) {
    const r = run();
    const centres = new Map<string, Point>();
    for (const [c, l] of leaders) if (r.positions.has(l)) centres.set(c, r.positions.get(l)!);
    const m: MeasureInput = { nodes: mNodes, links: d.links, positions: r.positions, bounds: r.bounds, labelSide: r.labelSide, linkStyle, centres };
    const page = measureDrawn(m, { width: 1280, height: 800, minScreenPx: 12 });
    const wall = measureDrawn(m, { width: 460, height: 400, minScreenPx: 14 });
    const naive = measureNaive(m, { width: 1280, height: 800, minScreenPx: 12 });
    out[kind] = { page, wall, naivePage: naive };
  }
  return out;
}
Object.assign(window, { d3Static, ourTicks, readability });
