/**
 * The `tiers` layout of <civic-chain-graph>: upstream → leader → downstream columns per chain (tiers-columns), rows
 * ordered to cross few links (layered: virtual nodes for long links, sweeps, transpositions), rows placed towards
 * their neighbours (tiers-coords), for small graphs a search on the crossings as drawn (tiers-search); chains side by
 * side, stretched to the view's aspect. Pure and deterministic.
 */
import type { ChainData, ChainLink, Point } from './chain-graph.types.js';
import { HUB_PLACES } from './chain-graph.tiers-columns.js';
import { placeChain } from './chain-graph.tiers-chain.js';
import { tiersCrossings } from './chain-graph.tiers-search.js';

import { applyPins, boundsOf, byHome, sizeNodes, type LayoutOptions, type LayoutResult } from './chain-graph.layout-base.js';

export { HUB_PLACES, tierColumns, type HubPlace } from './chain-graph.tiers-columns.js';

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

export interface TiersOptions extends LayoutOptions {
  /** false: columns in input order, stacked (the unordered baseline). */
  order?: boolean;
  /**
   * Graphs up to this many nodes try every place for side groups and get a local search on the crossings as drawn
   * (they run on the main thread). Default 150.
   */
  searchUpTo?: number;
  /** Most layouts the local search tries per chain. Default 60. */
  searchBudget?: number;
}

/**
 * `tiers`: per chain, upstream → leader → downstream columns, core members flanking the leader, side groups beside
 * what they link to; order inside columns by the layered ordering (chain-graph.layered.ts); party branches right
 * below their firm; label-width-aware column spacing so nothing overlaps; chains side by side.
 */
export function tiersLayout(data: ChainData, o: TiersOptions = {}): LayoutResult {
  const lh = o.lineHeight ?? 16;
  const sized = sizeNodes(data.nodes, o);
  const positions = new Map<string, Point>();
  // Per chain, side groups (parks, teams, projects) can go beside what they link to or in a column of their own
  // outside the tiers: in a small graph each chain tries each (placed at x = 0 first), and the combination whose links
  // — those between chains too — cross least as drawn is kept; then each chain's local search.
  const small = o.order !== false && data.nodes.length <= (o.searchUpTo ?? 150);
  // Rows start from the leader's subtrees in bands (chain-graph.tiers-bands.ts); small graphs compare that with the
  // depth-first start for each of their variants, as drawn.
  const po = { order: o.order, bands: small ? ('compare' as const) : true };
  const chains = [...byHome(data).values()].filter((nodes) => nodes.length > 0).map((nodes) => {
    const ids = new Set(nodes.map((n) => n.id));
    const links = data.links.filter((l) => ids.has(l.source) && ids.has(l.target));
    const hasHubs = nodes.some((n) => n.type === 'park' || n.type === 'service-team' || n.type === 'project');
    const places = small && hasHubs ? HUB_PLACES : HUB_PLACES.slice(0, 1);
    return { nodes, ids, links, places, variants: places.map((p) => placeChain(nodes, links, sized, lh, 0, p, po, false)) };
  });
  // Combinations of variants (all of them up to 64, else each chain's first), laid side by side.
  const combos: number[][] = [[]];
  for (const c of chains) {
    const next: number[][] = [];
    for (const k of combos) for (let v = 0; v < (combos.length * c.variants.length <= 64 ? c.variants.length : 1); v++) next.push([...k, v]);
    combos.splice(0, combos.length, ...next);
  }
  const layoutOf = (combo: number[]) => {
    const at = new Map<string, Point>();
    const offsets: number[] = [];
    let offsetX = 0;
    chains.forEach((c, ci) => {
      const v = c.variants[combo[ci]];
      offsets.push(offsetX);
      for (const [id, p] of v.positions) at.set(id, { x: p.x + offsetX, y: p.y });
      offsetX += v.right + 80;
    });
    return { at, offsets };
  };
  // Among the combinations at most 15 % wider than the narrowest (a wider drawing is zoomed out further, its labels
  // dropped sooner; with several chains side by side, only the narrowest), the two crossing least get the search;
  // the better result is kept.
  let ranked: number[][] = [combos[0]];
  if (small && combos.length > 1) {
    const width = (combo: number[]) => chains.reduce((w, c, ci) => w + c.variants[combo[ci]].right + 80, 0);
    const narrowest = Math.min(...combos.map(width));
    ranked = combos
      .filter((combo) => width(combo) <= narrowest * (chains.length > 1 ? 1.001 : 1.15))
      .map((combo) => ({ combo, n: tiersCrossings(data.links, layoutOf(combo).at) }))
      .sort((p, q) => p.n - q.n)
      .slice(0, 2)
      .map((r) => r.combo);
  }
  let at = layoutOf(ranked[0]).at, atCross = Infinity;
  for (const combo of small ? ranked : []) {
    const { at: here, offsets } = layoutOf(combo);
    chains.forEach((c, ci) => {
      // Re-placed at its offset (the same layout, moved) with the search on its links, the others' kept in place.
      const v = placeChain(c.nodes, c.links, sized, lh, offsets[ci], c.places[combo[ci]], po, true);
      const touching = data.links.filter((l) => c.ids.has(l.source) || c.ids.has(l.target));
      v.search?.(here, touching, o.searchBudget ?? 60);
    });
    const n = tiersCrossings(data.links, here);
    if (n < atCross) (atCross = n), (at = here);
  }
  for (const [id, p] of at) positions.set(id, p);
  if (o.aspect && o.aspect > 0 && positions.size > 1) {
    const b = boundsOf(positions, sized, 'right', lh);
    const w = b.x1 - b.x0, h = Math.max(1, b.y1 - b.y0);
    const f = Math.min(3, w / o.aspect / h);
    if (f > 1) for (const p of positions.values()) p.y *= f;
  }
  applyPins(positions, o.pins);
  return { positions, labelSide: 'right', bounds: boundsOf(positions, sized, 'right', lh) };
}
