/**
 * One chain of the `tiers` layout (issue 15): columns (chain-graph.tiers-columns.ts), order inside the columns
 * (chain-graph.layered.ts: party branches travel with their firm, long links through virtual nodes, sweeps and
 * transpositions, started depth-first from the leader or from its subtrees in bands, chain-graph.tiers-bands.ts),
 * x from the widest label of each column, y from chain-graph.tiers-coords.ts, and
 * for small chains a local search on the crossings as drawn (chain-graph.tiers-search.ts). Pure and deterministic.
 */
import type { ChainLink, ChainNode, Point } from './chain-graph.types.js';
import { adjacency } from './chain-graph.model.js';
import { TYPE_RANK, type Sized } from './chain-graph.layout-base.js';
import { orderLayers } from './chain-graph.layered.js';
import { tierColumns, type HubPlace } from './chain-graph.tiers-columns.js';
import { assignY } from './chain-graph.tiers-coords.js';
import { searchSwaps, tiersCrossings } from './chain-graph.tiers-search.js';
import { bandRanks } from './chain-graph.tiers-bands.js';

export interface ChainPlacement {
  positions: Map<string, Point>;
  /** Right edge of the chain's widest label column. */
  right: number;
  /**
   * The local search: swaps kept while `touching` links cross less as drawn, positions written into `at` (which holds
   * the other chains too); at most `budget` layouts tried. Returns the crossings left.
   */
  search?: (at: Map<string, Point>, touching: readonly ChainLink[], budget: number) => number;
}

export interface ChainPlaceOptions {
  /** false: input order, stacked columns (the baseline). */
  order?: boolean;
  /**
   * Rows start from the leader's subtrees in bands (true), depth-first from the leader (false, the default), or
   * both are laid out and the one whose links cross less as drawn is kept ('compare', small graphs).
   */
  bands?: boolean | 'compare';
}

const V_GAP = 6, COL_GAP = 40, SATELLITE_INDENT = 8;
/**
 * Height per band rank (chain-graph.tiers-bands.ts): about half a row, so a column whose rows come from many bands
 * is about as tall as stacked (the rows push each other apart where ranks are dense). Measured on the generated
 * graphs: 12 keeps the 1,000- and 5,000-node drawings as tall as the relaxed ones; 16-22 cross a little less but
 * are 1.3-1.8× taller (labels drop sooner).
 */
const BAND_ROW = 12;
/** Spacing of the side groups' rows (`rows`): a label's height and a little. */
const HUB_ROW = 24;

export function placeChain(nodes: readonly ChainNode[], links: readonly ChainLink[], sized: Map<string, Sized>, lh: number, offsetX: number, hubs: HubPlace, o: ChainPlaceOptions, search: boolean): ChainPlacement {
  const col = tierColumns(nodes, links, hubs);
  const keys = [...new Set(col.values())].sort((a, b) => a - b);
  const colIndex = new Map(keys.map((k, i) => [k, i]));
  const adj = adjacency(links);
  // Satellites: party branches shown directly under their firm (not the leader, when it has another) in its column.
  const hostOf = new Map<string, string>();
  for (const n of nodes) {
    if (n.type !== 'party-branch') continue;
    const hosts = (adj.get(n.id) ?? []).filter((m) => m !== n.id && col.get(m) === col.get(n.id) && sized.get(m)!.node.type !== 'party-branch');
    const host = hosts.find((m) => sized.get(m)!.node.type !== 'leader') ?? hosts[0];
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
  const unit = (id: string) => hostOf.get(id) ?? id;
  const edges: [string, string][] = [];
  for (const l of links) if (unit(l.source) !== unit(l.target)) edges.push([unit(l.source), unit(l.target)]);
  const leader = nodes.find((n) => n.type === 'leader')?.id;
  // x: columns spaced by their widest node + label (satellites indent slightly).
  // The leader's row is kept roomy: its label (shown first, larger than the layout's when the drawing is zoomed out)
  // finds a clear spot, and links passing its column stay off its disc.
  const rowH = (id: string) => (id === leader ? 3 : 1) * (Math.max(2 * sized.get(id)!.r, lh) + V_GAP);
  const unitH = (id: string) => (satellites.get(id) ?? []).reduce((a, m) => a + rowH(m), rowH(id));
  // The core members right of a leader alone in its column stand close to it (their rows keep clear of the leader's,
  // whose label runs across them): the core band is not widened by a whole label column.
  const lead = leader === undefined ? -1 : keys.indexOf(col.get(leader)!);
  const tight = lead >= 0 && columns[lead].length === 1 && keys[lead + 1] === col.get(leader!)! + 0.5 ? lead + 1 : -1;
  const xs: number[] = [];
  let right = -Infinity;
  const isSide = (id: string) => sized.get(id)!.node.type === 'park' || sized.get(id)!.node.type === 'service-team' || sized.get(id)!.node.type === 'project';
  columns.forEach((c, ci) => {
    // `rows`: a column of side groups only takes no width (they are drawn in rows outside the chain)
    if (hubs === 'rows' && ci > 0 && c.length > 0 && c.every(isSide)) return void xs.push(xs[ci - 1] + 1);
    let maxR = 0;
    for (const id of c) for (const m of [id, ...(satellites.get(id) ?? [])]) maxR = Math.max(maxR, sized.get(m)!.r);
    const colX = ci === tight ? xs[ci - 1] + sized.get(leader!)!.r + maxR + 2 * COL_GAP / 3 : right === -Infinity ? offsetX + maxR : right + COL_GAP + maxR;
    xs.push(colX);
    let r = ci === tight ? right : colX;
    for (const id of c) for (const m of [id, ...(satellites.get(id) ?? [])]) r = Math.max(r, colX + (m === id ? 0 : SATELLITE_INDENT) + sized.get(m)!.r + 4 + sized.get(m)!.w);
    right = r;
  });
  // Order inside the columns from the leader's subtrees in bands (chain-graph.tiers-bands.ts: rows then start at the
  // height of their band) or from the depth-first start (see `bands`).
  // Side groups in rows of their own above or below the chain (`rows`): each at the median x of what it links to, on
  // the side where most of that is, the group with the fewest links nearest the chain; their links then reach the
  // rows ordered next to them from outside instead of crossing the chain.
  const sideGroups = nodes.filter((n) => n.type === 'park' || n.type === 'service-team' || n.type === 'project').map((n) => n.id);

  const hubRows = (into: Map<string, Point>) => {
    if (sideGroups.length === 0) return;
    const set = new Set(sideGroups);
    let top = Infinity, bottom = -Infinity;
    for (const n of nodes) {
      if (set.has(n.id)) continue;
      const p = into.get(n.id)!;
      (top = Math.min(top, p.y)), (bottom = Math.max(bottom, p.y));
    }
    const rows = sideGroups.map((id) => {
      const nb = (adj.get(id) ?? []).map((m) => (set.has(m) ? undefined : into.get(m))).filter((q): q is Point => q !== undefined);
      const nx = nb.map((q) => q.x).sort((a, b) => a - b);
      const mx = nb.length ? (nx[(nx.length - 1) >> 1] + nx[nx.length >> 1]) / 2 : into.get(id)!.x;
      const my = nb.length ? nb.reduce((a, q) => a + q.y, 0) / nb.length : bottom;
      return { id, x: mx, up: my < (top + bottom) / 2, n: nb.length };
    });
    rows.sort((p, q) => p.n - q.n || sideGroups.indexOf(p.id) - sideGroups.indexOf(q.id));
    let above = 0, below = 0;
    for (const r of rows) into.set(r.id, { x: r.x, y: r.up ? top - HUB_ROW * (2 + above++) : bottom + HUB_ROW * (2 + below++) });
  };
  const unitCol = new Map<string, number>();
  for (const c of columns) for (const id of c) unitCol.set(id, col.get(id)!);
  const rank = leader !== undefined && o.order !== false ? bandRanks(leader, unitCol, edges) : undefined;
  const arrange = (bands: boolean) => {
    // From the bands in a large graph, barycentre sweeps never found a better order on the generated graphs (1,000 and
    // 5,000 nodes): transpositions only, six passes at every size (5,000 nodes: 30,032 drawn crossings with two,
    // 28,565 with six). Small graphs keep the sweeps (their search starts from the result).
    const lean = bands && o.bands === true;
    const ordered = orderLayers({ layers: columns, edges, root: leader, rank: bands ? rank : undefined, x: keys }, lean ? { order: o.order, sweeps: 0, transpose: 6 } : { order: o.order });
    // y: rows kept in order and apart, moved towards their neighbours and long links' curves; from the bands: started
    // at their band's height and moved one round only (more rounds pull the bands into each other: 1,000 nodes
    // cross 1,128 with one round, 1,368 with twelve; with none, links leaving a row steeply clip the party branch
    // drawn just above it).
    const all = ordered.all.map((c) => c.slice());
    const start = bands ? (id: string) => (rank!.has(id) ? rank!.get(id)! * BAND_ROW : undefined) : undefined;
    const place = (into: Map<string, Point>) => {
      const ys = assignY({ columns: all, x: xs, height: unitH, links: edges, rounds: o.order === false ? 0 : bands ? 1 : undefined, start, clearOf: tight >= 0 ? new Map([[tight, leader!]]) : undefined });
      all.forEach((c, ci) => {
        for (const id of c) {
          if (typeof id !== 'string') continue;
          let y = ys.get(id)! - unitH(id) / 2;
          for (const m of [id, ...(satellites.get(id) ?? [])]) {
            into.set(m, { x: xs[ci] + (m === id ? 0 : SATELLITE_INDENT), y: y + rowH(m) / 2 });
            y += rowH(m);
          }
        }
      });
      if (hubs === 'rows') hubRows(into);
    };
    return { all, place };
  };
  let chosen = arrange(rank !== undefined && o.bands === true);
  if (rank !== undefined && o.bands === 'compare') {
    const other = arrange(true);
    const a = new Map<string, Point>(), b = new Map<string, Point>();
    chosen.place(a);
    other.place(b);
    if (tiersCrossings(links, b) < tiersCrossings(links, a)) chosen = other;
  }
  const { all, place } = chosen;
  const positions = new Map<string, Point>();
  place(positions);
  const placement: ChainPlacement = { positions, right };
  // The search starts from this chain placed among the others (side groups in rows follow links into other chains).
  if (search)
    placement.search = (at, touching, budget) => {
      if (hubs === 'rows') place(at);
      return searchSwaps(all, touching, at, place, budget);
    };
  return placement;
}
