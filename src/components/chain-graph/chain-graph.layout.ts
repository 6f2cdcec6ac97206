/**
 * Pure layouts for <civic-chain-graph>: `force` (d3-force) and `radial` here, `tiers` in chain-graph.tiers.ts (re-exported).
 * Every layout is deterministic for the same data, options and seed; pinned nodes keep their positions.
 */
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type Simulation, type SimulationLinkDatum, type SimulationNodeDatum } from 'd3-force';
import type { ChainData, ChainLayout, LinkKind, Point } from './chain-graph.types.js';
import { adjacency } from './chain-graph.model.js';
import { orderRadial, type RadialOptions } from './chain-graph.order.js';

import type { LabelSide } from './chain-graph.geometry.js';
import { TYPE_RANK, applyPins, boundsOf, byHome, sizeNodes, type LayoutOptions, type LayoutResult, type Sized } from './chain-graph.layout-base.js';
import { tiersLayout } from './chain-graph.tiers.js';

export { curveControl, radialLinkGeometry, radialRings } from './chain-graph.order.js';
export { defaultRadius, estimateTextWidth, radiusByAttribute, type LabelSide } from './chain-graph.geometry.js';

export type { LayoutOptions, LayoutResult, MeasureText } from './chain-graph.layout-base.js';
export { nodeBox } from './chain-graph.layout-base.js';
export { countCrossings, tierColumns, tiersLayout } from './chain-graph.tiers.js';

export interface ForceOptions extends LayoutOptions, RadialOptions {
  /** Seed of the random source (initial positions and d3-force jiggle). Default 1. */
  seed?: number;
  /**
   * Most ticks to run (alpha decays to 0.001 by the last one). Default 100 from the warm start (the radial seed is
   * already ordered and planar for trees, so it needs a third of d3-force's 300 ticks; the `settle` rule usually
   * stops it after about half of them); 300, or 200 from 1,000 nodes, from random positions.
   */
  ticks?: number;
  /**
   * Start from the radial layout (deterministic; ordered, so links are short and a tree has no crossings) with
   * alpha 0.3 instead of random positions with alpha 1, so fewer ticks reach a settled picture. Default true.
   */
  warmStart?: boolean;
  /**
   * Warm start: scale of the radial picture around each leader (default: shrunk to the chain's cluster radius, never
   * grown) and the starting alpha (default 0.3).
   */
  warmScale?: number;
  warmAlpha?: number;
  /** Collision between nodes (label-wide discs); default true. */
  collide?: boolean;
  /** Pull towards the chain's centre (forceX/forceY strength); default 0.06. */
  cluster?: number;
  /** Parks and service teams linked into several chains float between them (no pull to their home); default true. */
  bridges?: boolean;
  /**
   * Share of the half label width the collision disc covers (default from the warm start: 0.7 up to 300 nodes, 0
   * — node discs only — above, where most labels are dropped anyway; 1 from random positions): the full label
   * width pushes a planar seed into folds; labels that still collide are dropped by the placer.
   */
  collideLabel?: number;
  /**
   * Room kept free for each chain leader's name, below it where the placer tries it first (issue 15): the other
   * nodes of its chain are pushed out of a box this many times the name's size at the design size (the fit
   * zooms a picture out, so the name is drawn larger than in layout units); 0: none. Default 1.3.
   */
  leaderRoom?: number;
  /**
   * Stop rule (issue 15): the run ends early once no node has moved more than this many layout px per tick for
   * SETTLED_TICKS ticks in a row (max over nodes of |velocity| after the tick). Default 0.5 from the warm start (the
   * radial seed settles in about half the ticks: 49 of 100 at 100 nodes), 0 (all ticks) from random positions.
   */
  settle?: number;
}

/** Consecutive ticks under the `settle` speed before a run stops early. */
export const SETTLED_TICKS = 3;

/**
 * A force keeping a box below each leader free of the other nodes of its chain (and of nodes whose chain has no
 * leader; other chains keep to their own clusters): a node inside (with its radius and 2 px) is pushed out
 * sideways or down, whichever is nearer. Only the leader's chain is tested: a tick costs O(nodes), not
 * O(nodes × chains).
 */
function leaderRoom(nodes: readonly ForceNode[], leaders: ReadonlySet<string>, lh: number, scale: number): ((alpha: number) => void) & { initialize?: () => void } {
  const byHome = new Map<string, ForceNode[]>();
  const lead: ForceNode[] = [];
  for (const n of nodes) {
    if (leaders.has(n.id)) lead.push(n);
    else (byHome.get(n.home) ?? byHome.set(n.home, []).get(n.home)!).push(n);
  }
  const strays = nodes.filter((n) => !leaders.has(n.id) && !lead.some((l) => l.home === n.home));
  return () => {
    for (const l of lead) {
      const lx = l.x ?? 0, ly = l.y ?? 0;
      const half = (l.w * scale) / 2 + 4, top = ly + l.r + 2, bottom = top + lh * scale;
      for (const group of [byHome.get(l.home) ?? [], strays])
        for (const n of group) {
          const x = n.x ?? 0, y = n.y ?? 0, pad = n.r + 2;
          if (x <= lx - half - pad || x >= lx + half + pad || y <= top - pad || y >= bottom + pad) continue;
          // The nearest way out: left, right or down (never up, onto the leader).
          const left = x - (lx - half - pad), right = lx + half + pad - x, down = bottom + pad - y;
          const m = Math.min(left, right, down);
          if (m === down) n.vy = (n.vy ?? 0) + down * 0.5;
          else if (m === left) n.vx = (n.vx ?? 0) - left * 0.5;
          else n.vx = (n.vx ?? 0) + right * 0.5;
        }
    }
  };
}

const LINK_DISTANCE: Record<LinkKind, number> = { supply: 60, alliance: 80, 'party-link': 26, service: 70, 'located-in': 90 };

// ── force ──

/** Small deterministic PRNG (LCG, same constants as d3-force's), returning [0, 1). */
export function lcg(seed: number): () => number {
  let s = (Math.floor(seed) >>> 0) || 1;
  return () => ((s = (1664525 * s + 1013904223) % 4294967296) / 4294967296);
}

export interface ForceNode extends SimulationNodeDatum {
  id: string;
  home: string;
  r: number;
  w: number;
}

export interface ForceRun {
  simulation: Simulation<ForceNode, SimulationLinkDatum<ForceNode>>;
  nodes: ForceNode[];
  /** Ticks still to run. */
  remaining: number;
  total: number;
  /** Ticks run so far. */
  ticked: number;
  /** Runs up to `n` ticks; returns true when all ticks are done or the nodes have settled (`settle`). */
  step(n: number): boolean;
  result(): LayoutResult;
}

/** Centre of each chain's cluster: chains on a horizontal line, spaced by their size. */
function clusterCentres(data: ChainData, sized: Map<string, Sized>, radii?: Map<string, number>): Map<string, Point> {
  const groups = byHome(data);
  const centres = new Map<string, Point>();
  let x = 0;
  let prevR = 0;
  let first = true;
  for (const [home, nodes] of groups) {
    let area = 0;
    for (const n of nodes) {
      const s = sized.get(n.id)!;
      const rr = Math.max(s.r, s.w / 2) + 8;
      area += Math.PI * rr * rr;
    }
    const R = Math.sqrt(area / Math.PI) * 1.3 + 40;
    x = first ? 0 : x + prevR + R + 60;
    first = false;
    centres.set(home, { x, y: 0 });
    radii?.set(home, R);
    prevR = R;
  }
  return centres;
}

/**
 * Prepares a `force` layout without running it: one cluster per chain (forceX/forceY towards the chain centre),
 * leaders anchored at their centre, collision radius from label width, seeded initial positions and random
 * source, pinned nodes fixed. Call `step(n)` to tick (time-sliced callers) or use `forceLayout`.
 */
export function createForceLayout(data: ChainData, o: ForceOptions = {}): ForceRun {
  const lh = o.lineHeight ?? 16;
  const sized = sizeNodes(data.nodes, o);
  const radii = new Map<string, number>();
  const centres = clusterCentres(data, sized, radii);
  const rand = lcg(o.seed ?? 1);
  const leaders = new Set(data.chains.map((c) => c.leader));
  const warm = o.warmStart !== false;
  // Warm start: each chain's radial picture, shrunk and moved so its leader sits on the cluster centre.
  const start = new Map<string, Point>();
  if (warm) {
    // A seed only: the full ordering (crossing counts, local search) for small graphs, two sweeps for large ones.
    const small = data.nodes.length <= 300;
    const radial = radialLayout(data, { ...o, pins: undefined, measure: small, sweeps: small ? undefined : 2 });
    const leaderOf = new Map(data.chains.map((c) => [c.id, c.leader]));
    // Each chain's radial picture is shrunk (never grown) to its cluster's radius unless warmScale says otherwise:
    // a uniform scale keeps the seed's order (and planarity), the forces then only relax it locally.
    const extent = new Map<string, number>();
    for (const n of data.nodes) {
      const p = radial.positions.get(n.id), lp = radial.positions.get(leaderOf.get(n.home) ?? '');
      if (p && lp) extent.set(n.home, Math.max(extent.get(n.home) ?? 1, Math.hypot(p.x - lp.x, p.y - lp.y)));
    }
    for (const n of data.nodes) {
      const ws = o.warmScale ?? Math.min(1, (radii.get(n.home) ?? Infinity) / (extent.get(n.home) ?? 1));
      const p = radial.positions.get(n.id);
      const lp = radial.positions.get(leaderOf.get(n.home) ?? '');
      const c = centres.get(n.home) ?? { x: 0, y: 0 };
      if (p && lp) start.set(n.id, { x: c.x + (p.x - lp.x) * ws + (rand() - 0.5), y: c.y + (p.y - lp.y) * ws + (rand() - 0.5) });
    }
  }
  // Bridges: nodes linked into more than one chain (a park shared by two alliances) are not held to their home
  // cluster and start at the mean of their neighbours, so their links do not cut across a cluster.
  const homeOf = new Map(data.nodes.map((n) => [n.id, n.home]));
  const bridges = new Set<string>();
  if (data.chains.length > 1 && (o.bridges ?? true)) {
    const homes = new Map<string, Set<string>>();
    for (const l of data.links) {
      const ha = homeOf.get(l.source), hb = homeOf.get(l.target);
      if (ha === undefined || hb === undefined) continue;
      (homes.get(l.source) ?? homes.set(l.source, new Set()).get(l.source)!).add(hb);
      (homes.get(l.target) ?? homes.set(l.target, new Set()).get(l.target)!).add(ha);
    }
    for (const n of data.nodes) if (!leaders.has(n.id) && (n.type === 'park' || n.type === 'service-team') && (homes.get(n.id)?.size ?? 0) > 1) bridges.add(n.id);
    if (warm)
      for (const id of bridges) {
        let sx = 0, sy = 0, c = 0;
        for (const l of data.links) {
          const m = l.source === id ? l.target : l.target === id ? l.source : undefined;
          const p = m !== undefined && !bridges.has(m) ? start.get(m) : undefined;
          if (p) (sx += p.x), (sy += p.y), c++;
        }
        if (c > 0) start.set(id, { x: sx / c, y: sy / c });
      }
  }
  const nodes: ForceNode[] = data.nodes.map((n) => {
    const s = sized.get(n.id)!;
    const c = centres.get(n.home) ?? { x: 0, y: 0 };
    const a = rand() * 2 * Math.PI;
    const d = Math.sqrt(rand()) * 150;
    const p0 = start.get(n.id) ?? { x: c.x + Math.cos(a) * d, y: c.y + Math.sin(a) * d };
    const fn: ForceNode = { id: n.id, home: n.home, r: s.r, w: s.w, x: p0.x, y: p0.y };
    if (leaders.has(n.id) && n.home && centres.has(n.home)) {
      fn.fx = c.x;
      fn.fy = c.y;
    }
    const pin = o.pins?.[n.id];
    if (pin && Number.isFinite(pin.x) && Number.isFinite(pin.y)) {
      fn.fx = fn.x = pin.x;
      fn.fy = fn.y = pin.y;
    }
    return fn;
  });
  const index = new Map(nodes.map((n) => [n.id, n]));
  const links = data.links
    .filter((l) => index.has(l.source) && index.has(l.target))
    .map((l) => ({ source: l.source, target: l.target, kind: l.kind }));
  const big = nodes.length > 1500;
  const simulation = forceSimulation<ForceNode>(nodes)
    .randomSource(lcg((o.seed ?? 1) + 7919))
    .force(
      'link',
      forceLink<ForceNode, SimulationLinkDatum<ForceNode> & { kind: LinkKind }>(links)
        .id((d) => d.id)
        .distance((l) => LINK_DISTANCE[l.kind] ?? 60),
    )
    // Barnes–Hut theta 1.2 up to 300 nodes too (issue 15: cold.mjs --n 100, CPU main 102 -> 96 ms; readability rows
    // of the demo chains and 100 nodes: crossings and overlaps unchanged); 0.9 in between, where 1.2 added crossings.
    .force('charge', forceManyBody<ForceNode>().strength(-60).distanceMax(big ? 200 : 400).theta(big || nodes.length <= 300 ? 1.2 : 0.9))
    .force('x', forceX<ForceNode>((d) => centres.get(d.home)?.x ?? 0).strength((d) => (bridges.has(d.id) ? 0 : o.cluster ?? 0.06)))
    .force('y', forceY<ForceNode>((d) => centres.get(d.home)?.y ?? 0).strength((d) => (bridges.has(d.id) ? 0 : o.cluster ?? 0.06)))
    .stop();
  if (o.leaderRoom !== 0) simulation.force('leader-room', leaderRoom(nodes, leaders, lh, o.leaderRoom ?? 1.3));
  if (o.collide !== false) simulation.force('collide', forceCollide<ForceNode>((d) => Math.max(d.r, (d.w / 2) * (o.collideLabel ?? (warm ? (nodes.length <= 300 ? 0.15 : 0) : 1))) + 4).iterations(1));
  const total = Math.max(0, Math.floor(o.ticks ?? (warm ? 100 : nodes.length >= 1000 ? 200 : 300)));
  const alpha0 = warm ? o.warmAlpha ?? 0.3 : 1;
  simulation.alpha(alpha0);
  if (total > 0) simulation.alphaDecay(1 - Math.pow(simulation.alphaMin() / alpha0, 1 / total));
  const settle = Math.max(0, o.settle ?? (warm ? 0.5 : 0));
  const settle2 = settle * settle;
  let calm = 0;
  const run: ForceRun = {
    simulation,
    nodes,
    remaining: total,
    total,
    ticked: 0,
    step(n: number) {
      const k = Math.min(n, run.remaining);
      for (let i = 0; i < k; i++) {
        simulation.tick(1);
        run.ticked++;
        run.remaining--;
        if (settle2 > 0) {
          // Largest move of this tick: d3 adds the (decayed) velocity to the position; fixed nodes have none.
          let max = 0;
          for (const p of nodes) max = Math.max(max, (p.vx ?? 0) * (p.vx ?? 0) + (p.vy ?? 0) * (p.vy ?? 0));
          calm = max < settle2 ? calm + 1 : 0;
          if (calm >= SETTLED_TICKS) run.remaining = 0;
        }
        if (run.remaining === 0) break;
      }
      return run.remaining === 0;
    },
    result() {
      const positions = new Map<string, Point>();
      for (const n of nodes) positions.set(n.id, { x: n.x ?? 0, y: n.y ?? 0 });
      applyPins(positions, o.pins);
      return { positions, labelSide: 'below', bounds: boundsOf(positions, sized, 'below', lh) };
    },
  };
  return run;
}

/** Wraps positions computed elsewhere (a worker) as a layout result: pins applied, bounds measured. */
export function resultFromPositions(data: ChainData, positions: Map<string, Point>, o: LayoutOptions, side: LabelSide): LayoutResult {
  const sized = sizeNodes(data.nodes, o);
  applyPins(positions, o.pins);
  return { positions, labelSide: side, bounds: boundsOf(positions, sized, side, o.lineHeight ?? 16) };
}

/** `force`, run to the end synchronously (tests, small graphs, workers). */
export function forceLayout(data: ChainData, o: ForceOptions = {}): LayoutResult {
  const run = createForceLayout(data, o);
  run.step(run.total);
  return run.result();
}

// ── radial ──

/**
 * `radial`: per chain, the leader at the centre and rings by hop distance (over all links inside the chain). Each
 * node owns a wedge of its parent's wedge (parent: a neighbour on the ring inside), so links stay short and a tree
 * is drawn without crossings; siblings are ordered by barycentre sweeps keeping the order with the fewest crossings
 * (chain-graph.order.ts); ring 1 starts grouped by tier. Ring radii grow so that labels fit around each ring.
 * Links are drawn as curves bending towards the chain's centre (`curveControl`). Unreached nodes go on an outer ring.
 */
export function radialLayout(data: ChainData, o: LayoutOptions & RadialOptions = {}): LayoutResult {
  const lh = o.lineHeight ?? 16;
  const sized = sizeNodes(data.nodes, o);
  const positions = new Map<string, Point>();
  const leaders = new Map(data.chains.map((c) => [c.id, c.leader]));
  let offsetX = 0;
  let first = true;
  for (const [home, nodes] of byHome(data)) {
    if (nodes.length === 0) continue;
    const ids = new Set(nodes.map((n) => n.id));
    const adj = adjacency(data.links.filter((l) => ids.has(l.source) && ids.has(l.target)));
    const leaderId = ids.has(leaders.get(home) ?? '') ? leaders.get(home)! : [...nodes].sort((a, b) => TYPE_RANK[a.type] - TYPE_RANK[b.type] || a.index - b.index)[0].id;
    const r = orderRadial(
      {
        leaderId,
        nodes,
        adj,
        span: (id) => Math.max(2 * sized.get(id)!.r, sized.get(id)!.w) + 10,
        height: (id) => 2 * sized.get(id)!.r + lh + 4,
        leaderR: sized.get(leaderId)!.r,
      },
      o,
    );
    const local = r.local;
    let half = r.outer;
    for (const id of ids) half = Math.max(half, Math.abs(local.get(id)!.x) + sized.get(id)!.w / 2);
    const cx = first ? 0 : offsetX + half;
    first = false;
    for (const [id, p] of local) positions.set(id, { x: p.x + cx, y: p.y });
    offsetX = cx + half + 80;
  }
  applyPins(positions, o.pins);
  return { positions, labelSide: 'below', bounds: boundsOf(positions, sized, 'below', lh) };
}

/** Runs one of the layouts by name (force runs to the end). */
export function runLayout(kind: ChainLayout, data: ChainData, o: ForceOptions = {}): LayoutResult {
  if (kind === 'force') return forceLayout(data, o);
  if (kind === 'radial') return radialLayout(data, o);
  return tiersLayout(data, o);
}
