/**
 * Columns of the `tiers` layout of <civic-chain-graph> (issue 15): upstream suppliers left of the leader (suppliers of
 * suppliers further left), downstream buyers right of it, core members flanking it, party branches in their firm's
 * column, side groups (parks, service teams, projects) beside what they link to or in a column of their own. Pure.
 */
import type { ChainLink, ChainNode } from './chain-graph.types.js';
import { adjacency } from './chain-graph.model.js';

/**
 * Where side groups go: `beside` the median column of what they link to (a quarter column out), `beside-column` the
 * same rounded to a whole column (side groups share fewer columns), or one column of their own `right` or `left` of
 * the chain (`-apart`: side groups linked to each other in columns of their own, else in one column, linked by bows);
 * `rows`: ordered as `beside`, then drawn in rows of their own above or below the chain (chain-graph.tiers-chain.ts).
 */
export type HubPlace = 'beside' | 'right' | 'left' | 'beside-column' | 'right-apart' | 'left-apart' | 'rows';
export const HUB_PLACES: readonly HubPlace[] = ['beside', 'beside-column', 'right', 'left', 'right-apart', 'left-apart', 'rows'];

/**
 * Column of each node in its chain: upstream suppliers left of the leader (suppliers of suppliers further left),
 * downstream buyers right of it, core members half a column left or right of it (the side most of their links go),
 * party branches in their firm's column, side groups as `place` says. Cyclic supply links are ignored.
 */

export function tierColumns(nodes: readonly ChainNode[], links: readonly ChainLink[], place: HubPlace = 'beside'): Map<string, number> {
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
  const isHub = (n: ChainNode) => n.type === 'park' || n.type === 'service-team' || n.type === 'project' || (n.type === 'member' && n.tier !== 'upstream' && n.tier !== 'downstream' && n.tier !== 'core');
  for (const n of nodes) {
    if (n.type === 'party-branch' || isHub(n)) continue;
    if (n.type === 'leader') col.set(n.id, 0);
    else if (n.tier === 'upstream') col.set(n.id, -depth(n.id, up, suppliesTo, 'upstream', new Set()));
    else if (n.tier === 'downstream') col.set(n.id, depth(n.id, down, suppliedBy, 'downstream', new Set()));
  }
  const adj = adjacency(links.filter((l) => ids.has(l.source) && ids.has(l.target)));
  // Core members flank the leader in the core band: left of it when more of their links go upstream, else right
  // (a link to the leader inside its own column would be drawn as a bow across the links coming in from the side).
  const side = (id: string) => {
    let s = 0;
    for (const m of adj.get(id) ?? []) {
      const c = col.get(m);
      if (c !== undefined && c !== 0) s += Math.sign(c);
    }
    return s;
  };
  for (const n of nodes) if (n.tier === 'core' && n.type === 'member') col.set(n.id, side(n.id) < 0 ? -0.5 : 0.5);
  // Side groups (parks, service teams, projects: no tier) go beside the median column of what they link to, in a
  // column of their own, so their links are short and none runs inside a column.
  const hubs = nodes.filter(isHub);
  const hubKey = (id: string, step: number, keys: (m: string) => number | undefined): number | undefined => {
    const cs = (adj.get(id) ?? []).map(keys).filter((c): c is number => c !== undefined).sort((a, b) => a - b);
    if (cs.length === 0) return undefined;
    const med = cs[(cs.length - 1) >> 1];
    const right = cs.filter((c) => c > med).length, left = cs.filter((c) => c < med).length;
    return med + (right > left || (right === left && med >= 0) ? step : -step);
  };
  const tiered = new Map(col);
  let lo = 0, hi = 0;
  for (const c of tiered.values()) (lo = Math.min(lo, c)), (hi = Math.max(hi, c));
  for (const n of hubs) {
    const k = place.startsWith('right') ? hi + 1 : place.startsWith('left') ? lo - 1 : hubKey(n.id, 0.25, (m) => tiered.get(m));
    if (k !== undefined) col.set(n.id, place === 'beside-column' ? Math.round(k) + (k >= 0 ? 0.25 : -0.25) : k);
  }
  // Side groups linked only to side groups: beside those.
  for (const n of hubs) if (!col.has(n.id)) col.set(n.id, hubKey(n.id, 0.125, (m) => col.get(m)) ?? 1.25);
  // A side group linked to another in the same column moves a little further out (a link inside a column is a bow).
  for (let pass = 0; pass < (place === 'right' || place === 'left' ? 0 : 3); pass++)
    for (const n of hubs) {
      const c = col.get(n.id)!;
      if ((adj.get(n.id) ?? []).some((m) => m !== n.id && col.get(m) === c && ids.get(m)!.type !== 'party-branch')) col.set(n.id, c + (c >= 0 ? 0.125 : -0.125) / (pass + 1));
    }
  for (const n of nodes) {
    if (n.type !== 'party-branch') continue;
    const hosts = (adj.get(n.id) ?? []).filter((m) => col.has(m) && ids.get(m)!.type !== 'park' && ids.get(m)!.type !== 'service-team');
    const host = hosts.find((m) => ids.get(m)!.type !== 'leader') ?? hosts[0];
    col.set(n.id, host !== undefined ? col.get(host)! : n.tier === 'upstream' ? -1 : n.tier === 'downstream' ? 1 : 0.5);
  }
  return col;
}
