/**
 * Pure layouts for <civic-chain-graph>: `tiers`, `force` (d3-force) and `radial`.
 * Every layout is deterministic for the same data, options and seed; pinned nodes keep their positions.
 */
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type Simulation, type SimulationLinkDatum, type SimulationNodeDatum } from 'd3-force';
import type { ChainData, ChainLayout, ChainLink, ChainNode, ChainPositions, LinkKind, NodeType, Point } from './chain-graph.types.js';
import { adjacency } from './chain-graph.model.js';
import { orderRadial, type RadialOptions } from './chain-graph.order.js';

import { defaultRadius, estimateTextWidth, type LabelSide } from './chain-graph.geometry.js';

export { curveControl, radialLinkGeometry, radialRings } from './chain-graph.order.js';
export { defaultRadius, estimateTextWidth, radiusByAttribute, type LabelSide } from './chain-graph.geometry.js';

export type MeasureText = (text: string) => number;

export interface LayoutOptions {
  /** Label width in px for a text (the element passes a canvas `measureText`). Default: an estimate at 12px. */
  measureText?: MeasureText;
  /** Node radius in px; default `defaultRadius`. */
  radius?: (n: ChainNode) => number;
  /** Label shown for a node (default `name`). */
  label?: (n: ChainNode) => string;
  /** Pinned nodes: these positions are kept as given. */
  pins?: ChainPositions;
  /** Line height of a label in px (default 16). */
  lineHeight?: number;
  /**
   * Width / height of the view (tiers only): a layout wider than this is stretched vertically (up to 3×, rows only
   * move apart, so nothing starts to overlap) to use the space and stay readable.
   */
  aspect?: number;
}

export interface ForceOptions extends LayoutOptions, RadialOptions {
  /** Seed of the random source (initial positions and d3-force jiggle). Default 1. */
  seed?: number;
  /**
   * Number of ticks to run (alpha always decays to 0.001 by the last tick). Default 100 from the warm start (the
   * radial seed is already ordered and planar for trees, so it needs a third of d3-force's 300 ticks); 300, or 200
   * from 1,000 nodes, from random positions.
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
}

export interface LayoutResult {
  positions: Map<string, Point>;
  /** Where labels go relative to the node (tiers: right; force and radial: below). */
  labelSide: LabelSide;
  bounds: { x0: number; y0: number; x1: number; y1: number };
}

const TYPE_RANK: Record<NodeType, number> = { leader: 0, project: 1, member: 2, 'party-branch': 3, park: 4, 'service-team': 5 };
const LINK_DISTANCE: Record<LinkKind, number> = { supply: 60, alliance: 80, 'party-link': 26, service: 70, 'located-in': 90 };

interface Sized {
  node: ChainNode;
  r: number;
  w: number;
}

function sizeNodes(nodes: readonly ChainNode[], o: LayoutOptions): Map<string, Sized> {
  const measure = o.measureText ?? ((t: string) => estimateTextWidth(t));
  const radius = o.radius ?? defaultRadius;
  const label = o.label ?? ((n: ChainNode) => n.name);
  const m = new Map<string, Sized>();
  for (const n of nodes) m.set(n.id, { node: n, r: radius(n), w: measure(label(n)) });
  return m;
}

function applyPins(positions: Map<string, Point>, pins: ChainPositions | undefined): void {
  if (!pins) return;
  for (const id of Object.keys(pins)) {
    const p = pins[id];
    if (positions.has(id) && p && Number.isFinite(p.x) && Number.isFinite(p.y)) positions.set(id, { x: p.x, y: p.y });
  }
}

/** Box a node and its label occupy (label right of or below the node). */
export function nodeBox(p: Point, r: number, labelWidth: number, side: LabelSide, lineHeight = 16): { x0: number; y0: number; x1: number; y1: number } {
  if (side === 'right') {
    const h = Math.max(r, lineHeight / 2);
    return { x0: p.x - r, y0: p.y - h, x1: p.x + r + 4 + labelWidth, y1: p.y + h };
  }
  const half = Math.max(r, labelWidth / 2);
  return { x0: p.x - half, y0: p.y - r, x1: p.x + half, y1: p.y + r + 2 + lineHeight };
}

function boundsOf(positions: Map<string, Point>, sized: Map<string, Sized>, side: LabelSide, lh: number): LayoutResult['bounds'] {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const [id, p] of positions) {
    const s = sized.get(id);
    const b = nodeBox(p, s?.r ?? 7, s?.w ?? 0, side, lh);
    if (b.x0 < x0) x0 = b.x0;
    if (b.y0 < y0) y0 = b.y0;
    if (b.x1 > x1) x1 = b.x1;
    if (b.y1 > y1) y1 = b.y1;
  }
  if (x0 === Infinity) return { x0: 0, y0: 0, x1: 0, y1: 0 };
  return { x0, y0, x1, y1 };
}

function byHome(data: ChainData): Map<string, ChainNode[]> {
  const m = new Map<string, ChainNode[]>();
  for (const c of data.chains) m.set(c.id, []);
  for (const n of data.nodes) {
    let a = m.get(n.home);
    if (!a) m.set(n.home, (a = []));
    a.push(n);
  }
  return m;
}

// ── tiers ──

/**
 * Column of each node in its chain: upstream suppliers left of the core (suppliers of suppliers further left),
 * downstream buyers right of it. Party branches sit in their firm's column. Cyclic supply links are ignored.
 */
export function tierColumns(nodes: readonly ChainNode[], links: readonly ChainLink[]): Map<string, number> {
  const ids = new Map(nodes.map((n) => [n.id, n]));
  const suppliesTo = new Map<string, string[]>();
  const suppliedBy = new Map<string, string[]>();
  for (const l of links) {
    if (l.kind !== 'supply' || l.cyclic || !ids.has(l.source) || !ids.has(l.target)) continue;
    (suppliesTo.get(l.source) ?? suppliesTo.set(l.source, []).get(l.source)!).push(l.target);
    (suppliedBy.get(l.target) ?? suppliedBy.set(l.target, []).get(l.target)!).push(l.source);
  }
  const up = new Map<string, number>();
  const down = new Map<string, number>();
  const depth = (id: string, memo: Map<string, number>, next: Map<string, string[]>, tier: string, guard: Set<string>): number => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    if (guard.has(id)) return 1;
    guard.add(id);
    let d = 1;
    for (const m of next.get(id) ?? []) if (ids.get(m)?.tier === tier && ids.get(m)?.type !== 'party-branch') d = Math.max(d, 1 + depth(m, memo, next, tier, guard));
    guard.delete(id);
    memo.set(id, d);
    return d;
  };
  const col = new Map<string, number>();
  for (const n of nodes) {
    if (n.type === 'party-branch') continue;
    if (n.type === 'leader' || n.tier === 'core') col.set(n.id, 0);
    else if (n.tier === 'upstream') col.set(n.id, -depth(n.id, up, suppliesTo, 'upstream', new Set()));
    else col.set(n.id, depth(n.id, down, suppliedBy, 'downstream', new Set()));
  }
  const adj = adjacency(links.filter((l) => ids.has(l.source) && ids.has(l.target)));
  for (const n of nodes) {
    if (n.type !== 'party-branch') continue;
    const host = (adj.get(n.id) ?? []).find((m) => col.has(m) && ids.get(m)!.type !== 'park' && ids.get(m)!.type !== 'service-team');
    col.set(n.id, host !== undefined ? col.get(host)! : n.tier === 'upstream' ? -1 : n.tier === 'downstream' ? 1 : 0);
  }
  return col;
}

/** Counts crossings between consecutive columns (links spanning more columns are not counted). O(E log V). */
export function countCrossings(columns: string[][], links: readonly ChainLink[]): number {
  const where = new Map<string, [number, number]>();
  columns.forEach((c, ci) => c.forEach((id, i) => where.set(id, [ci, i])));
  const perPair: [number, number][][] = columns.map(() => []);
  for (const l of links) {
    const a = where.get(l.source), b = where.get(l.target);
    if (!a || !b) continue;
    if (a[0] + 1 === b[0]) perPair[a[0]].push([a[1], b[1]]);
    else if (b[0] + 1 === a[0]) perPair[b[0]].push([b[1], a[1]]);
  }
  let crossings = 0;
  for (const e of perPair) {
    if (e.length < 2) continue;
    // Inversions of the second coordinate among links with different first coordinates (Fenwick tree, O(E log V)).
    e.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
    let size = 0;
    for (const x of e) if (x[1] + 1 > size) size = x[1] + 1;
    const tree = new Int32Array(size + 1);
    let inserted = 0;
    for (let i = 0; i < e.length; ) {
      let j = i;
      while (j < e.length && e[j][0] === e[i][0]) j++;
      for (let k = i; k < j; k++) {
        // count inserted with second > e[k][1]
        let le = 0;
        for (let x = e[k][1] + 1; x > 0; x -= x & -x) le += tree[x];
        crossings += inserted - le;
      }
      for (let k = i; k < j; k++) {
        for (let x = e[k][1] + 1; x <= size; x += x & -x) tree[x]++;
        inserted++;
      }
      i = j;
    }
  }
  return crossings;
}

/**
 * `tiers`: per chain, upstream → leader → downstream columns; order inside columns by barycentre sweeps
 * (the best of several sweeps by crossing count); party branches right below their firm; label-width-aware
 * column spacing so nothing overlaps; chains side by side.
 */
export function tiersLayout(data: ChainData, o: LayoutOptions = {}): LayoutResult {
  const lh = o.lineHeight ?? 16;
  const sized = sizeNodes(data.nodes, o);
  const positions = new Map<string, Point>();
  const vGap = 6, colGap = 40, chainGap = 80;
  let offsetX = 0;
  for (const [, nodes] of byHome(data)) {
    if (nodes.length === 0) continue;
    const ids = new Set(nodes.map((n) => n.id));
    const links = data.links.filter((l) => ids.has(l.source) && ids.has(l.target));
    const col = tierColumns(nodes, links);
    const keys = [...new Set(col.values())].sort((a, b) => a - b);
    const colIndex = new Map(keys.map((k, i) => [k, i]));
    const adj = adjacency(links);
    // Satellites: party branches shown directly under their host firm in the same column.
    const hostOf = new Map<string, string>();
    for (const n of nodes) {
      if (n.type !== 'party-branch') continue;
      const host = (adj.get(n.id) ?? []).find((m) => m !== n.id && col.get(m) === col.get(n.id) && sized.get(m)!.node.type !== 'party-branch');
      if (host) hostOf.set(n.id, host);
    }
    const columns: string[][] = keys.map(() => []);
    const sorted = [...nodes].sort((a, b) => TYPE_RANK[a.type] - TYPE_RANK[b.type] || a.index - b.index);
    for (const n of sorted) if (!hostOf.has(n.id)) columns[colIndex.get(col.get(n.id)!)!].push(n.id);
    const satellites = new Map<string, string[]>();
    for (const n of sorted) {
      const h = hostOf.get(n.id);
      if (h) (satellites.get(h) ?? satellites.set(h, []).get(h)!).push(n.id);
    }
    const expand = (cols: string[][]): string[][] => cols.map((c) => c.flatMap((id) => [id, ...(satellites.get(id) ?? [])]));
    // Barycentre sweeps on centred ranks.
    const rankPos = new Map<string, number>();
    const setRanks = (cols: string[][]) => cols.forEach((c) => c.forEach((id, i) => rankPos.set(id, i - (c.length - 1) / 2)));
    const colOf = (id: string) => colIndex.get(col.get(hostOf.get(id) ?? id)!)!;
    setRanks(columns);
    let best = columns.map((c) => c.slice());
    let bestCross = countCrossings(expand(best), links);
    const sweeps = nodes.length > 3000 ? 2 : 8;
    for (let s = 0; s < sweeps && bestCross > 0; s++) {
      const order = s % 2 === 0 ? columns.map((_, i) => i) : columns.map((_, i) => columns.length - 1 - i);
      for (const ci of order) {
        const c = columns[ci];
        const bary = new Map<string, number>();
        for (const id of c) {
          let sum = 0, wsum = 0;
          const members = [id, ...(satellites.get(id) ?? [])];
          for (const mid of members)
            for (const m of adj.get(mid) ?? []) {
              const mc = colOf(m);
              if (mc === ci) continue;
              const w = 1 / Math.abs(mc - ci);
              sum += w * rankPos.get(hostOf.get(m) ?? m)!;
              wsum += w;
            }
          bary.set(id, wsum > 0 ? sum / wsum : rankPos.get(id)!);
        }
        c.sort((a, b) => bary.get(a)! - bary.get(b)! || rankPos.get(a)! - rankPos.get(b)!);
        c.forEach((id, i) => rankPos.set(id, i - (c.length - 1) / 2));
      }
      const cross = countCrossings(expand(columns), links);
      if (cross < bestCross) {
        bestCross = cross;
        best = columns.map((cc) => cc.slice());
      }
    }
    const finalCols = expand(best);
    // Coordinates: stack each column centred on y = 0; columns spaced by their widest node + label.
    let x = offsetX;
    let prevRight = -Infinity;
    finalCols.forEach((c) => {
      if (c.length === 0) return;
      const maxR = Math.max(...c.map((id) => sized.get(id)!.r));
      const colX = prevRight === -Infinity ? x + maxR : prevRight + colGap + maxR;
      const heights = c.map((id) => Math.max(2 * sized.get(id)!.r, lh) + vGap);
      const total = heights.reduce((a, b) => a + b, 0);
      let y = -total / 2;
      let right = colX;
      c.forEach((id, i) => {
        const s = sized.get(id)!;
        const cx = hostOf.has(id) ? colX + 8 : colX; // satellites indent slightly
        positions.set(id, { x: cx, y: y + heights[i] / 2 });
        y += heights[i];
        right = Math.max(right, cx + s.r + 4 + s.w);
      });
      prevRight = right;
    });
    offsetX = prevRight + chainGap;
    x = offsetX;
  }
  if (o.aspect && o.aspect > 0 && positions.size > 1) {
    const b = boundsOf(positions, sized, 'right', lh);
    const w = b.x1 - b.x0, h = Math.max(1, b.y1 - b.y0);
    const f = Math.min(3, w / o.aspect / h);
    if (f > 1) for (const p of positions.values()) p.y *= f;
  }
  applyPins(positions, o.pins);
  return { positions, labelSide: 'right', bounds: boundsOf(positions, sized, 'right', lh) };
}

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
  /** Runs up to `n` ticks; returns true when all ticks are done. */
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
    .force('charge', forceManyBody<ForceNode>().strength(-60).distanceMax(big ? 200 : 400).theta(big ? 1.2 : 0.9))
    .force('x', forceX<ForceNode>((d) => centres.get(d.home)?.x ?? 0).strength((d) => (bridges.has(d.id) ? 0 : o.cluster ?? 0.06)))
    .force('y', forceY<ForceNode>((d) => centres.get(d.home)?.y ?? 0).strength((d) => (bridges.has(d.id) ? 0 : o.cluster ?? 0.06)))
    .stop();
  if (o.collide !== false) simulation.force('collide', forceCollide<ForceNode>((d) => Math.max(d.r, (d.w / 2) * (o.collideLabel ?? (warm ? (nodes.length <= 300 ? 0.15 : 0) : 1))) + 4).iterations(1));
  const total = Math.max(0, Math.floor(o.ticks ?? (warm ? 100 : nodes.length >= 1000 ? 200 : 300)));
  const alpha0 = warm ? o.warmAlpha ?? 0.3 : 1;
  simulation.alpha(alpha0);
  if (total > 0) simulation.alphaDecay(1 - Math.pow(simulation.alphaMin() / alpha0, 1 / total));
  const run: ForceRun = {
    simulation,
    nodes,
    remaining: total,
    total,
    step(n: number) {
      const k = Math.min(n, run.remaining);
      if (k > 0) simulation.tick(k);
      run.remaining -= k;
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
