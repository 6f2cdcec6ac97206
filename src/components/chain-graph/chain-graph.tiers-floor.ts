/**
 * A lower bound on the link crossings of any `tiers` drawing of a graph (issue 15): with x fixed by column
 * (chain-graph.tiers-columns.ts), no order inside the columns and no vertical placement can cross fewer links than
 * this. Used by the readability bench (`tiers floor`) to tell whether "fewer crossings than d3-force" is reachable
 * for a tiers drawing of that data. Pure, DOM-free, O(links) per chain.
 *
 * The argument. Links between different columns are drawn as x-monotone curves (the painter's horizontal
 * S-curves), so a chain of links whose columns strictly increase is the graph of a function y(x) over its x-range.
 * Take a chain's leader L at x_L and a neighbour c of L in a column left of L (right: mirror everything). Call a
 * *crossing path* of c a path c = v0, v1, …, vk avoiding L whose columns strictly increase, none equal to L's, and
 * whose last node is right of L: it passes the vertical line x = x_L exactly once, above or below L. Take two
 * such paths P_A (from c_A) and P_B (from c_B) with no node in common, c_A and c_B in the SAME column x_c, both
 * passing x_L on the same side of L (say above, at heights a and b; by symmetry b is further from L than a). On
 * [x_c, x_L] the link L–c_A, the link L–c_B, P_A and P_B are functions f1, g1, f2, g2 with f2(x_c) = y(c_A),
 * g1(x_c) = g2(x_c) = y(c_B) ≠ y(c_A), g1(x_L) = y(L), f2(x_L) = a, g2(x_L) = b.
 *   – c_B below c_A (on the side away from the passage): g2 − f2 is < 0 at x_c and b − a > 0 at x_L, so P_B
 *     crosses P_A.
 *   – c_B above c_A: g1 − f2 is > 0 at x_c and y(L) − a < 0 at x_L, so the link L–c_B crosses P_A.
 * Either way a link of P_B (or L–c_B) crosses a link of P_A, and the two share no end (P_A avoids L, the paths
 * share no node), so the measure counts it. Different pairs {A, B} give different pairs of links. So if a column
 * holds k neighbours of L with pairwise node-disjoint crossing paths, whichever way they split between above and
 * below, at least C(⌈k/2⌉, 2) + C(⌊k/2⌋, 2) pairs cross. Summed over the columns of each leader (pairs from different
 * columns or chains are not counted: they can nest), that is the floor. It assumes general position (no curve
 * passing exactly through a node or touching another without crossing) and counts a crossing pair once, where the
 * bench counts every intersection of the flattened curves — so the bench's count is never below it.
 *
 * Paths are chosen greedily, shortest first, never reusing a node: any disjoint set is a valid bound (in a tree, as
 * the generated graphs are, the subtrees of L's neighbours are disjoint anyway). Side groups (parks, teams, projects)
 * and party branches are left out of the paths: the layout may draw them off their column's x (rows of their own,
 * indented), and leaving paths out only lowers the bound — so it holds for every `HubPlace`.
 */
import type { ChainData, ChainLink, ChainNode } from './chain-graph.types.js';
import { adjacency } from './chain-graph.model.js';
import { byHome } from './chain-graph.layout-base.js';
import { tierColumns, type HubPlace } from './chain-graph.tiers-columns.js';

/** Least crossings two same-side groups of k paths must have: C(⌈k/2⌉, 2) + C(⌊k/2⌋, 2). */
export function splitPairs(k: number): number {
  const pairs = (m: number) => (m < 2 ? 0 : (m * (m - 1)) / 2);
  return pairs(Math.ceil(k / 2)) + pairs(Math.floor(k / 2));
}

/**
 * Neighbours of `leader` with pairwise node-disjoint crossing paths (see the module comment), grouped by column:
 * the counts per column.
 */
export function crossingPathsByColumn(leader: string, col: ReadonlyMap<string, number>, links: readonly ChainLink[], skip: ReadonlySet<string> = new Set()): Map<number, number> {
  const adj = adjacency(links);
  const xl = col.get(leader);
  const out = new Map<number, number>();
  if (xl === undefined) return out;
  const used = new Set<string>([leader]);
  const starts = (adj.get(leader) ?? []).filter((c) => c !== leader && !skip.has(c) && col.has(c) && col.get(c) !== xl);
  // Shortest crossing path from c (breadth first over strictly monotone steps), avoiding used nodes.
  const path = (c: string): string[] | undefined => {
    const dir = col.get(c)! < xl ? 1 : -1;
    const prev = new Map<string, string>([[c, '']]);
    let frontier = [c];
    while (frontier.length) {
      const next: string[] = [];
      for (const v of frontier) {
        const cv = col.get(v)!;
        if ((cv - xl) * dir > 0) {
          const p: string[] = [];
          for (let u = v; u !== ''; u = prev.get(u)!) p.push(u);
          return p;
        }
        for (const m of adj.get(v) ?? []) {
          const cm = col.get(m);
          if (cm === undefined || cm === xl || skip.has(m) || used.has(m) || prev.has(m) || (cm - cv) * dir <= 0) continue;
          prev.set(m, v);
          next.push(m);
        }
      }
      frontier = next;
    }
    return undefined;
  };
  for (const c of starts) {
    if (used.has(c)) continue;
    used.add(c);
    const p = path(c);
    if (!p) {
      used.delete(c);
      continue;
    }
    for (const v of p) used.add(v);
    const k = col.get(c)!;
    out.set(k, (out.get(k) ?? 0) + 1);
  }
  return out;
}

/** The floor for one chain's nodes and links (side groups left out, so `place` does not change it). */
export function chainFloor(nodes: readonly ChainNode[], links: readonly ChainLink[], place: HubPlace = 'beside'): number {
  const leader = nodes.find((n) => n.type === 'leader');
  if (!leader) return 0;
  const col = tierColumns(nodes, links, place);
  let f = 0;
  // Party branches are drawn indented from their column, side groups maybe in rows: left out of the paths.
  const skip = new Set(nodes.filter((n) => n.type === 'party-branch' || n.type === 'park' || n.type === 'service-team' || n.type === 'project').map((n) => n.id));
  for (const k of crossingPathsByColumn(leader.id, col, links, skip).values()) f += splitPairs(k);
  return f;
}

/** Lower bound on the crossings of any `tiers` drawing of `data` (chains side by side, see the module comment). */
export function tiersFloor(data: ChainData): number {
  let total = 0;
  for (const nodes of byHome(data).values()) {
    if (nodes.length === 0) continue;
    const ids = new Set(nodes.map((n) => n.id));
    const links = data.links.filter((l) => ids.has(l.source) && ids.has(l.target));
    total += chainFloor(nodes, links);
  }
  return total;
}
