// Benchmark page for <civic-chain-graph>; bundled by run.mjs with esbuild and driven by playwright-core.
import '../../src/components/chain-graph/chain-graph.define.js';
import type { CivicChainGraph } from '../../src/components/chain-graph/chain-graph.js';
import { forceCenter, forceLink, forceManyBody, forceSimulation, type SimulationNodeDatum } from 'd3-force';
import { adjacency, filterChainData, parseChainData } from '../../src/components/chain-graph/chain-graph.model.js';
import { createForceLayout, defaultRadius, estimateTextWidth, forceLayout, radialLayout, resultFromPositions, tiersLayout, type LayoutResult } from '../../src/components/chain-graph/chain-graph.layout.js';
import { measureDrawn, measureNaive, type LinkStyle, type MeasureInput, type MeasureNode } from '../../src/components/chain-graph/chain-graph.readability.js';
import type { ChainData, Point } from '../../src/components/chain-graph/chain-graph.types.js';
import { tiersFloor } from '../../src/components/chain-graph/chain-graph.tiers-floor.js';
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
  return { ms: Math.round(performance.now() - t0), ticks: run.ticked };
}

async function mount(attrs: Record<string, string>): Promise<CivicChainGraph> {
  document.querySelectorAll('civic-chain-graph').forEach((e) => e.remove());
  const el = document.createElement('civic-chain-graph') as CivicChainGraph;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.style.cssText = `width:${W}px;--civic-chain-graph-height:${H}px`;
  document.body.appendChild(el);
  return el;
}

/**
 * Element: from assigning data to a settled, drawn picture (layout done and one frame painted). `monitor` false: no
 * block monitor (its task loop runs whenever the main thread is idle — tens of thousands of tasks while a worker lays
 * out 1,000 nodes — so it adds main-thread CPU that grows with wall time; cold.mjs counts CPU and turns it off).
 */
async function element(n: number, layout: string, monitor = true): Promise<Record<string, number | string>> {
  const data = syntheticChains(n);
  const el = await mount({ layout, renderer: 'auto' });
  await frame();
  await new Promise((r) => setTimeout(r, 300)); // let the mount settle before measuring
  const mon = monitor ? blockMonitor() : { stop: () => ({ gap: NaN, longtask: NaN, longtasks: '' }) };
  performance.mark('chain-data-set');
  const t0 = performance.now();
  el.data = data;
  // The settled picture (a large one is drawn in slices over several frames since issue 15): whenDrawn() when the
  // element has it (layout computed, glide finished, painted), then one frame so it is on screen, as d3Static awaits
  // one frame after drawing. (Until this session: polling `computing` and the glide every 5 ms, then two frames.)
  const drawn = (el as unknown as { whenDrawn?: () => Promise<void> }).whenDrawn;
  if (drawn) await drawn.call(el);
  else {
    await el.updateComplete;
    const glide = () => (el as unknown as { layoutCtl?: { anim: number }; anim?: number }).layoutCtl?.anim ?? (el as unknown as { anim: number }).anim;
    while (el.computing || glide() !== 0) await new Promise((r) => setTimeout(r, 5));
    await el.updateComplete;
    await frame();
  }
  await frame();
  const ms = performance.now() - t0;
  performance.mark('chain-settled');
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

/**
 * Pan and zoom at `n` nodes (radial, canvas) with real input: a mouse drag from the empty corner of the stage (30
 * moves, one per frame), then 30 wheel steps (15 in, 15 out) over the middle, then 10 frames at rest. Per frame: the
 * gap between two animation frames (16.7 ms when the element keeps up; on a loaded machine mostly waiting for a core)
 * and the element's work in it (input handlers + its animation-frame callbacks). Only public API and DOM events: the
 * element settles through whenDrawn() when it has one.
 */
async function pan(n: number, monitor = true): Promise<Record<string, number>> {
  const el = await mount({ layout: 'radial' });
  el.data = syntheticChains(n);
  const drawn = (el as unknown as { whenDrawn?: () => Promise<void> }).whenDrawn;
  if (drawn) await drawn.call(el);
  else {
    // Before the split (issue 15): no whenDrawn(), the glide was the element's `anim`.
    await el.updateComplete;
    while (el.computing || (el as unknown as { anim: number }).anim !== 0) await new Promise((r) => setTimeout(r, 5));
  }
  await frame();
  await frame();
  const stage = el.shadowRoot!.querySelector('[part="stage"]') as HTMLElement;
  const r = stage.getBoundingClientRect();
  // `monitor` false: no block monitor (its idle-time task loop is main-thread CPU; pan.mjs counts CPU from a trace).
  const mon = monitor ? blockMonitor() : { stop: () => ({ gap: NaN, longtask: NaN, longtasks: '' }) };
  // The element's own work per frame: input handlers plus its animation-frame callbacks (wall time inside them). On
  // a loaded machine the gaps between frames mostly measure waiting for a core; this measures the code.
  let work = 0;
  const realRaf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (cb: FrameRequestCallback) =>
    realRaf((t) => {
      const t0 = performance.now();
      try {
        cb(t);
      } finally {
        work += performance.now() - t0;
      }
    });
  const timed = (target: EventTarget, e: Event) => {
    const t0 = performance.now();
    target.dispatchEvent(e);
    work += performance.now() - t0;
  };
  const gaps: number[] = [];
  const works: number[] = [];
  let last = await frame();
  const tick = async () => {
    const w = work;
    const t = await frame();
    // `frame()` itself goes through the wrapper: its own callback is negligible.
    works.push(work - w);
    work = 0;
    gaps.push(t - last);
    last = t;
  };
  const at = (x: number, y: number) => ({ bubbles: true, composed: true, cancelable: true, view: window, clientX: x, clientY: y, button: 0 });
  const x0 = r.x + 6, y0 = r.y + 6;
  const steps = 30;
  work = 0;
  // The gesture's span, for traces (pan.mjs counts the main-thread tasks between these marks).
  performance.mark('chain-pan-start');
  timed(stage, new MouseEvent('mousedown', at(x0, y0)));
  for (let i = 1; i <= steps; i++) {
    timed(window, new MouseEvent('mousemove', at(x0 + 8 * i, y0 + 4 * i)));
    await tick();
  }
  timed(window, new MouseEvent('mouseup', at(x0 + 8 * steps, y0 + 4 * steps)));
  const panGaps = gaps.splice(0), panWork = works.splice(0);
  for (let i = 0; i < steps; i++) {
    timed(stage, new WheelEvent('wheel', { ...at(r.x + r.width / 2, r.y + r.height / 2), deltaY: i < steps / 2 ? -60 : 60, deltaMode: 0 }));
    await tick();
  }
  const zoomGaps = gaps.splice(0), zoomWork = works.splice(0);
  // Frames after the gesture (d3-zoom ends a wheel gesture after 150 ms; the settled picture is drawn then).
  for (let i = 0; i < 10; i++) await tick();
  performance.mark('chain-pan-end');
  const after = gaps.splice(0), afterWork = works.splice(0);
  window.requestAnimationFrame = realRaf;
  const b = mon.stop();
  const stat = (xs: number[]) => {
    const s = xs.slice().sort((p, q) => p - q);
    return { median: Math.round(s[Math.floor(s.length / 2)] * 10) / 10, max: Math.round(s[s.length - 1] * 10) / 10 };
  };
  const all = stat([...panGaps, ...zoomGaps, ...after]);
  const allWork = stat([...panWork, ...zoomWork, ...afterWork]);
  return {
    medianFrameMs: all.median,
    maxFrameMs: all.max,
    medianWorkMs: allWork.median,
    maxWorkMs: allWork.max,
    panWorkMedianMs: stat(panWork).median,
    panWorkMaxMs: stat(panWork).max,
    zoomWorkMedianMs: stat(zoomWork).median,
    zoomWorkMaxMs: stat(zoomWork).max,
    afterWorkMaxMs: stat(afterWork).max,
    panFrameMaxMs: stat(panGaps).max,
    zoomFrameMaxMs: stat(zoomGaps).max,
    afterFrameMaxMs: stat(after).max,
    longestTaskMs: b.longtask,
  };
}

// The functions run.mjs calls (their window assignment was lost in f8dc805, so run.mjs waited for window.element forever).
Object.assign(window, { rawPerFrame, computeOnly, ourComputeOnly, element, pureLayout, pan });

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
  performance.mark('chain-data-set');
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
  performance.mark('chain-settled');
  canvas.remove();
  return { ms: Math.round(ms), ticks };
}

/**
 * Ticks our force layout runs for n nodes (its own schedule): run to its stop rule (`settle`) up to 1,000 nodes; above,
 * the most it may run (the runs there use all of them: 100 of 100 at 5,000 nodes).
 */
function ourTicks(n: number): number {
  const run = createForceLayout(parseChainData(syntheticChains(n)).value!, { seed: 1, ticks: undefined });
  if (n > 1000) return run.total;
  run.step(run.total);
  return run.ticked;
}

let demoRaw: unknown;
async function caseData(name: string): Promise<ChainData> {
  if (name.startsWith('demo')) {
    demoRaw ??= await (await fetch('/demo/data/chains.json')).json();
    const d = parseChainData(demoRaw).value!;
    const chain = name.split(':')[1];
    return chain ? filterChainData(d, { chain }) : d;
  }
  // '1000t': the generator with supply links that agree with the tiers (`tierLinks`), beside the default cases.
  if (name.endsWith('t')) return parseChainData(syntheticChains(Number(name.slice(0, -1)), { tierLinks: true })).value!;
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
  // Chain names are drawn (and placed first) like the element's, in its default language (zh-CN).
  const chains = d.chains.map((c) => ({ id: c.id, name: c.name }));
  // The least crossings any tiers drawing of this data can have (chain-graph.tiers-floor.ts).
  const out: Record<string, unknown> = { case: name, nodes: d.nodes.length, links: d.links.length, tiersFloor: tiersFloor(d) };
  // Tiers are stretched to the stage's aspect by the element (width / height rounded to 0.25): laid out per view.
  const aspect = (w: number, h: number) => Math.round((w / h) * 4) / 4;
  const layouts: [string, (view: { width: number; height: number }) => LayoutResult, LinkStyle][] = [
    ['d3-default', () => d3Default(d), 'straight'],
    ['tiers', (v) => tiersLayout(d, { aspect: aspect(v.width, v.height) }), 'tiers'],
    ['radial', () => radialLayout(d), radialLinks],
    ['force', () => forceLayout(d, { seed: 1 }), 'straight'],
  ];
  const pageView = { width: 1280, height: 800, minScreenPx: 12 }, wallView = { width: 460, height: 400, minScreenPx: 14 };
  for (const [kind, run, linkStyle] of layouts) {
    const input = (r: LayoutResult): MeasureInput => {
      const centres = new Map<string, Point>();
      for (const [c, l] of leaders) if (r.positions.has(l)) centres.set(c, r.positions.get(l)!);
      return { nodes: mNodes, links: d.links, positions: r.positions, bounds: r.bounds, labelSide: r.labelSide, linkStyle, centres, chains };
    };
    const rp = run(pageView);
    const rw = kind === 'tiers' ? run(wallView) : rp;
    const page = measureDrawn(input(rp), pageView);
    const wall = measureDrawn(input(rw), wallView);
    const naive = measureNaive(input(rp), pageView);
    out[kind] = { page, wall, naivePage: naive };
  }
  return out;
}
Object.assign(window, { d3Static, ourTicks, readability });

// ── Where the time of element(n) goes (trace.mjs --phases): timestamps of the layout controller, worker messages,
// painter calls and Lit updates, relative to the data assignment, by wrapping prototypes (no source changes). ──
import { ChainLayoutController } from '../../src/components/chain-graph/chain-graph.layout-controller.js';
import { ChainPainter } from '../../src/components/chain-graph/chain-graph.painter.js';
async function phases(n: number, layout: string): Promise<string> {
  const log: string[] = [];
  let t0 = 0;
  const wrap = (proto: Record<string, unknown>, name: string) => {
    const orig = proto[name] as (...a: unknown[]) => unknown;
    proto[name] = function (this: unknown, ...a: unknown[]) {
      const s = performance.now();
      try {
        return orig.apply(this, a);
      } finally {
        const e = performance.now();
        if (t0) log.push(`${name} @${Math.round(s - t0)} ${Math.round(e - s)}ms`);
      }
    };
    return () => (proto[name] = orig);
  };
  const el = await mount({ layout, renderer: 'auto' });
  const undo = [
    wrap(ChainLayoutController.prototype as unknown as Record<string, unknown>, 'run'),
    wrap(ChainLayoutController.prototype as unknown as Record<string, unknown>, 'finish'),
    wrap(ChainPainter.prototype as unknown as Record<string, unknown>, 'drawCanvas'),
    wrap(ChainPainter.prototype as unknown as Record<string, unknown>, 'svg'),
    wrap(ChainPainter.prototype as unknown as Record<string, unknown>, 'place'),
    wrap(Object.getPrototypeOf(el) as Record<string, unknown>, 'performUpdate'),
    wrap(Object.getPrototypeOf(el) as Record<string, unknown>, 'willUpdate'),
    wrap(Worker.prototype as unknown as Record<string, unknown>, 'postMessage'),
  ];
  const ctl = (el as unknown as { layoutCtl: { worker?: Worker } }).layoutCtl;
  await frame();
  await new Promise((r) => setTimeout(r, 300));
  const data = syntheticChains(n);
  t0 = performance.now();
  el.data = data;
  const w = ctl.worker;
  w?.addEventListener('message', (e) => log.push(`worker message ${(e.data as { type: string }).type} @${Math.round(performance.now() - t0)}`));
  await (el as unknown as { whenDrawn: () => Promise<void> }).whenDrawn();
  log.push(`whenDrawn @${Math.round(performance.now() - t0)}`);
  await frame();
  log.push(`frame @${Math.round(performance.now() - t0)}`);
  undo.forEach((u) => u());
  return log.join('\n');
}
Object.assign(window, { phases });

// ── What the task that sets the data costs (tasks.mjs --parse): the model parse and the shown graph, cold then warm. ──
import { shownGraph } from '../../src/components/chain-graph/chain-graph.parts.js';
function parseTimes(n: number): Record<string, number>[] {
  const out: Record<string, number>[] = [];
  for (let i = 0; i < 3; i++) {
    const g = syntheticChains(n);
    const t0 = performance.now();
    const d = parseChainData(g).value!;
    const t1 = performance.now();
    shownGraph(d, { chain: '', hiddenTypes: new Set(), hiddenKinds: new Set() }, undefined);
    const t2 = performance.now();
    structuredClone(d);
    const t3 = performance.now();
    out.push({ parse: Math.round(t1 - t0), shown: Math.round(t2 - t1), clone: Math.round(t3 - t2) });
  }
  return out;
}
Object.assign(window, { parseTimes });
