/**
 * The `tiers` layout of <civic-chain-graph>: upstream → leader → downstream columns per chain, rows ordered to cross
 * few links, stretched to the view's aspect. Pure and deterministic.
 */
import type { ChainData, ChainLink, ChainNode, Point } from './chain-graph.types.js';
import { adjacency } from './chain-graph.model.js';
import { TYPE_RANK, applyPins, boundsOf, byHome, sizeNodes, type LayoutOptions, type LayoutResult } from './chain-graph.layout-base.js';
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
