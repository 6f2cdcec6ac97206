/**
 * Ordering for the `radial` layout (issue 15): nodes go around rings by hop distance from the chain's leader; each
 * node has a parent on the ring inside it and owns an angular wedge, its children share that wedge (so a tree is
 * drawn without crossings); siblings are ordered by barycentre sweeps (outwards, then inwards: the circular mean of
 * their neighbours' angles) and the order with the fewest link crossings is kept. Ring 1 starts grouped by tier
 * (core at the top, downstream right, upstream left). Small chains then get a local search and their hubs a place
 * off their ring (chain-graph.order-search.ts). Pure and deterministic. (The crossing counter the bench and tests use
 * is chain-graph.crossings.ts.)
 */
import type { ChainNode, Point } from './chain-graph.types.js';
import { curveControl } from './chain-graph.geometry.js';
import { crossingsFlat } from './chain-graph.crossings.js';
import { localSearch, placeHubs, type RadialWork } from './chain-graph.order-search.js';

export { curveControl, radialLinkGeometry, radialLinkPoints } from './chain-graph.geometry.js';

// ── rings ──

/** Ring index per node: hop distance from the leader; unreached nodes on one ring beyond the farthest. */
export function radialRings(leaderId: string, nodes: readonly ChainNode[], adj: Map<string, string[]>): Map<string, number> {
  const dist = new Map<string, number>([[leaderId, 0]]);
  const q = [leaderId];
  for (let i = 0; i < q.length; i++) {
    const d = dist.get(q[i])!;
    for (const m of adj.get(q[i]) ?? []) if (!dist.has(m)) {
      dist.set(m, d + 1);
      q.push(m);
    }
  }
  let max = 0;
  for (const v of dist.values()) max = Math.max(max, v);
  for (const n of nodes) if (!dist.has(n.id)) dist.set(n.id, max + 1);
  return dist;
}

const TIER_RANK: Record<string, number> = { core: 0, downstream: 1, upstream: 3 };
const TYPE_RANK: Record<string, number> = { leader: 0, project: 1, member: 2, 'party-branch': 3, park: 4, 'service-team': 5 };

export interface RadialInput {
  leaderId: string;
  /** The chain's nodes (leader included). */
  nodes: readonly ChainNode[];
  /** Adjacency inside the chain. */
  adj: Map<string, string[]>;
  /** Arc length a node needs on its ring (node or label width plus a gap). */
  span: (id: string) => number;
  /** Radial room a node needs (node and label height). */
  height: (id: string) => number;
  /** Radius of the leader's disc. */
  leaderR: number;
}

export interface RadialOptions {
  /** Barycentre sweeps (alternating outwards / inwards). Default 6, 2 from 3,000 nodes. */
  sweeps?: number;
  /** Keep the order with the fewest crossings (counted on the drawn curves). Default: up to 600 nodes. */
  measure?: boolean;
  /** false: no sweeps, ring 1 by tier/type/index and children by type/index (the unordered baseline). */
  order?: boolean;
  /** Most layouts the local search may try per chain (deterministic bound on its work). Default 600. */
  searchBudget?: number;
  /** Chains up to this many nodes also get a local search (insertion moves) on the crossing count. Default 160. */
  searchUpTo?: number;
  /** Move hubs (parks, service teams linked to 3+ nodes) off their ring to where they cross least. Default true. */
  hubs?: boolean;
}

export interface RadialOrder {
  /** Positions around the leader at (0, 0). */
  local: Map<string, Point>;
  angle: Map<string, number>;
  ringOf: Map<string, number>;
  /** Outer radius (largest ring). */
  outer: number;
  /** Crossings of the kept order (-1 when not measured). */
  crossings: number;
}

const TAU = 2 * Math.PI;
const wrap = (a: number) => a - TAU * Math.floor((a + Math.PI) / TAU); // (-π, π]

/** Radial positions of one chain: rings, parents, wedges and barycentre-ordered siblings. */
export function orderRadial(input: RadialInput, o: RadialOptions = {}): RadialOrder {
  const { leaderId, nodes, adj, span, height } = input;
  const index = new Map(nodes.map((n) => [n.id, n]));
  const ringOf = radialRings(leaderId, nodes, adj);
  const rings: string[][] = [];
  for (const n of nodes) (rings[ringOf.get(n.id)!] ??= []).push(n.id);
  for (let k = 0; k < rings.length; k++) rings[k] ??= [];
  const K = rings.length - 1;
  // Ring radii: room for the tallest node + label, and for every node's arc on the ring.
  const R: number[] = [0];
  let radius = 0, outer = input.leaderR + 10;
  for (let k = 1; k <= K; k++) {
    const ring = rings[k];
    if (ring.length === 0) {
      R.push(radius);
      continue;
    }
    let total = 0, maxH = 0;
    for (const id of ring) (total += span(id)), (maxH = Math.max(maxH, height(id)));
    radius = Math.max(radius + maxH + 36, outer + maxH + 20, total / TAU);
    R.push(radius);
    outer = radius;
  }
  const byKey = (a: string, b: string) => {
    const na = index.get(a)!, nb = index.get(b)!;
    return (TYPE_RANK[na.type] ?? 9) - (TYPE_RANK[nb.type] ?? 9) || na.index - nb.index;
  };
  const tierKey = (a: string, b: string) => (TIER_RANK[index.get(a)!.tier ?? ''] ?? 2) - (TIER_RANK[index.get(b)!.tier ?? ''] ?? 2) || byKey(a, b);
  // Parents: the first neighbour (adjacency order) on the ring inside; unreached nodes hang from the top level.
  const parent = new Map<string, string | null>();
  for (let k = 1; k <= K; k++)
    for (const id of rings[k]) {
      const p = (adj.get(id) ?? []).filter((m) => ringOf.get(m) === k - 1).sort(byKey)[0];
      parent.set(id, p ?? null);
    }
  const children = new Map<string, string[]>();
  const roots: string[] = [];
  const rebuildChildren = () => {
    children.clear();
    roots.length = 0;
    for (let k = 1; k <= K; k++)
      for (const id of rings[k]) {
        const p = parent.get(id)!;
        if (p === null || p === leaderId) roots.push(id);
        else (children.get(p) ?? children.set(p, []).get(p)!).push(id);
      }
  };
  rebuildChildren();
  // Satellites: a party branch next to its host firm on the same ring stays right after it in every order.
  const hostOf = new Map<string, string>();
  for (const n of nodes) {
    if (n.type !== 'party-branch' || n.id === leaderId) continue;
    const h = (adj.get(n.id) ?? []).filter((m) => m !== leaderId && ringOf.get(m) === ringOf.get(n.id) && index.get(m)!.type !== 'party-branch').sort(byKey)[0];
    if (h) hostOf.set(n.id, h);
  }
  const keepSatellites = (list: string[]) => {
    if (hostOf.size === 0) return;
    const inList = new Set(list);
    const sats = new Map<string, string[]>();
    const rest: string[] = [];
    for (const id of list) {
      const h = hostOf.get(id);
      if (h && inList.has(h)) (sats.get(h) ?? sats.set(h, []).get(h)!).push(id);
      else rest.push(id);
    }
    if (sats.size === 0) return;
    list.length = 0;
    for (const id of rest) list.push(id, ...(sats.get(id) ?? []));
  };
  roots.sort((a, b) => (parent.get(a) === null ? 1 : 0) - (parent.get(b) === null ? 1 : 0) || ringOf.get(a)! - ringOf.get(b)! || tierKey(a, b));
  for (const c of children.values()) c.sort(byKey), keepSatellites(c);
  keepSatellites(roots);

  const spanOf = new Map(nodes.map((n) => [n.id, span(n.id)]));
  const angle = new Map<string, number>([[leaderId, 0]]);
  const wedge = new Map<string, number>();
  let scaleR = 1;
  const place = () => {
    wedge.clear();
    for (let k = K; k >= 1; k--)
      for (const id of rings[k]) {
        let sum = 0;
        for (const c of children.get(id) ?? []) sum += wedge.get(c)!;
        wedge.set(id, Math.max(spanOf.get(id)! / (R[k] * scaleR), sum));
      }
    let W = 0;
    for (const r of roots) W += wedge.get(r)!;
    if (W > TAU) {
      // The wedges need more than a turn: move the rings out (needs shrink with 1/radius) and measure again.
      scaleR *= W / TAU;
      for (const [id, w] of wedge) wedge.set(id, (w * TAU) / W);
      W = TAU;
    }
    const assign = (list: string[], start: number, size: number) => {
      let sum = 0;
      for (const id of list) sum += wedge.get(id)!;
      const f = sum > 0 ? size / sum : 0;
      let a = start;
      for (const id of list) {
        const w = wedge.get(id)! * f;
        angle.set(id, a + w / 2);
        assign(children.get(id) ?? [], a, w);
        a += w;
      }
    };
    const first = roots.length ? wedge.get(roots[0])! * (TAU / Math.max(W, 1e-9)) : 0;
    assign(roots, -Math.PI / 2 - first / 2, TAU);
  };
  // Hubs placed off their ring by the search at the end (a park or service team linked to many members).
  const free = new Map<string, Point>();
  const positions = (): Map<string, Point> => {
    const local = new Map<string, Point>([[leaderId, { x: 0, y: 0 }]]);
    for (let k = 1; k <= K; k++)
      for (const id of rings[k]) {
        const a = angle.get(id)!, r = R[k] * scaleR;
        local.set(id, free.get(id) ?? { x: Math.cos(a) * r, y: Math.sin(a) * r });
      }
    return local;
  };
  const links: [string, string][] = [];
  for (const [a, ms] of adj) for (const b of ms) if (a < b && index.has(a) && index.has(b)) links.push([a, b]);
  // Crossing count straight from the angles, in typed arrays (the search calls it hundreds of times).
  const slot = new Map<string, number>();
  nodes.forEach((n, i) => slot.set(n.id, i));
  const la = new Int32Array(links.length), lb = new Int32Array(links.length);
  links.forEach(([a, b], i) => ((la[i] = slot.get(a)!), (lb[i] = slot.get(b)!)));
  const px = new Float64Array(nodes.length), py = new Float64Array(nodes.length);
  let pts = new Float64Array(0);
  const bb = new Float64Array(links.length * 4);
  const count = (_local?: unknown, steps = 4): number => {
    for (const n of nodes) {
      const i = slot.get(n.id)!, k = ringOf.get(n.id)!, a = angle.get(n.id) ?? 0, r = k === 0 ? 0 : R[k] * scaleR;
      const f = free.get(n.id);
      px[i] = f ? f.x : Math.cos(a) * r;
      py[i] = f ? f.y : Math.sin(a) * r;
    }
    const m = links.length, per = (steps + 1) * 2;
    if (pts.length < m * per) pts = new Float64Array(m * per);
    for (let l = 0; l < m; l++) {
      const ax = px[la[l]], ay = py[la[l]], bx = px[lb[l]], by = py[lb[l]];
      const c = curveControl({ x: ax, y: ay }, { x: bx, y: by }, { x: 0, y: 0 });
      for (let t = 0; t <= steps; t++) {
        const u = t / steps, v = 1 - u;
        pts[l * per + 2 * t] = c ? v * v * ax + 2 * v * u * c.x + u * u * bx : ax + (bx - ax) * u;
        pts[l * per + 2 * t + 1] = c ? v * v * ay + 2 * v * u * c.y + u * u * by : ay + (by - ay) * u;
      }
    }
    return crossingsFlat(pts, la, lb, m, steps, bb);
  };

  place();
  const ordered = o.order !== false;
  const measure = ordered && (o.measure ?? nodes.length <= 600);
  let bestCross = measure ? count(positions()) : -1;
  let best = { parent: new Map(parent), roots: roots.slice(), children: new Map([...children].map(([k, v]) => [k, v.slice()])) };
  const sweeps = ordered ? o.sweeps ?? (nodes.length >= 3000 ? 2 : 6) : 0;
  const mean = (id: string, keep: (m: string) => boolean): number | undefined => {
    let sx = 0, sy = 0, c = 0;
    for (const m of adj.get(id) ?? []) {
      if (m === leaderId || !keep(m) || !angle.has(m)) continue;
      const a = angle.get(m)!;
      sx += Math.cos(a), sy += Math.sin(a), c++;
    }
    return c > 0 && Math.hypot(sx, sy) > 1e-6 ? Math.atan2(sy, sx) : undefined;
  };
  for (let s = 0; s < sweeps; s++) {
    const outward = s % 2 === 0;
    const ks = outward ? rings.map((_, k) => k).slice(1) : rings.map((_, k) => K - k).slice(0, K);
    for (const k of ks) {
      const key = new Map<string, number>();
      for (const id of rings[k]) {
        const m = mean(id, (x) => (outward ? ringOf.get(x)! <= k : ringOf.get(x)! >= k) && x !== id);
        key.set(id, m ?? angle.get(id)!);
        if (outward && s === 0 && k > 1 && m !== undefined) {
          // Parent: the inner neighbour nearest the node's barycentre.
          let bestP = parent.get(id)!, bestD = Infinity;
          for (const p of adj.get(id) ?? [])
            if (ringOf.get(p) === k - 1) {
              const d = Math.abs(wrap(angle.get(p)! - m));
              if (d < bestD - 1e-9) (bestD = d), (bestP = p);
            }
          parent.set(id, bestP);
        }
      }
      if (outward && s === 0 && k > 1) {
        // Re-group the ring's nodes under their (possibly new) parents, keeping the current order.
        for (const p of rings[k - 1]) children.delete(p);
        const byAngle = rings[k].slice().sort((a, b) => angle.get(a)! - angle.get(b)!);
        for (const id of byAngle) {
          const p = parent.get(id);
          if (p && p !== leaderId) (children.get(p) ?? children.set(p, []).get(p)!).push(id);
        }
      }
      const sortGroup = (list: string[], ref: number) => {
        const u = (id: string) => ref + wrap(key.get(id)! - ref);
        list.sort((a, b) => u(a) - u(b) || angle.get(a)! - angle.get(b)!);
      };
      if (k === 1 || roots.some((r) => ringOf.get(r) === k)) {
        const rs = roots.filter((r) => ringOf.get(r) === k);
        if (rs.length > 1) {
          // Roots keep their slots; only the ring's roots are re-ordered among themselves (cut at the top).
          const slots = roots.map((r, i) => (ringOf.get(r) === k ? i : -1)).filter((i) => i >= 0);
          const key0 = (id: string) => -Math.PI / 2 - Math.PI / roots.length + ((key.get(id)! + Math.PI / 2 + Math.PI / roots.length) % TAU + TAU) % TAU;
          rs.sort((a, b) => key0(a) - key0(b) || angle.get(a)! - angle.get(b)!);
          slots.forEach((i, j) => (roots[i] = rs[j]));
          keepSatellites(roots);
        }
      }
      if (k > 1)
        for (const p of rings[k - 1]) {
          const cs = children.get(p);
          if (cs && cs.length > 1) sortGroup(cs, angle.get(p)!), keepSatellites(cs);
        }
      if (nodes.length <= 1200) place();
    }
    if (nodes.length > 1200) place();
    if (measure) {
      const c = count(positions());
      if (c < bestCross) {
        bestCross = c;
        best = { parent: new Map(parent), roots: roots.slice(), children: new Map([...children].map(([k, v]) => [k, v.slice()])) };
      }
    } else best = { parent: new Map(parent), roots: roots.slice(), children: new Map([...children].map(([k, v]) => [k, v.slice()])) };
  }
  parent.clear();
  for (const [k, v] of best.parent) parent.set(k, v);
  roots.splice(0, roots.length, ...best.roots);
  children.clear();
  for (const [k, v] of best.children) children.set(k, v);
  place();
  const work = { leaderId, nodes, adj, rings, ringOf, parent, children, roots, hostOf, spanOf, free, R, scaleR: () => scaleR, place, positions, count } satisfies RadialWork;
  if (measure && bestCross > 0 && nodes.length <= (o.searchUpTo ?? 160)) bestCross = localSearch(work, o.searchBudget ?? 600);
  if (measure && nodes.length <= (o.searchUpTo ?? 160) && (o.hubs ?? true)) bestCross = placeHubs(work) ?? bestCross;
  let reach = (R[K] ?? 0) * scaleR || outer;
  for (const p of free.values()) reach = Math.max(reach, Math.hypot(p.x, p.y));
  return { local: positions(), angle, ringOf, outer: reach, crossings: bestCross };
}
