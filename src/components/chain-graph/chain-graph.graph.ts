/**
 * Graph queries of <civic-chain-graph>'s model: adjacency, hop distances, neighbourhoods, chain filtering, search, the
 * tour order, and the neighbour in an arrow key's direction. Pure; re-exported by chain-graph.model.ts.
 */
import type { ChainData, ChainLink, ChainNode } from './chain-graph.types.js';

/** Neighbour lists up to this length are searched for duplicates; longer ones (chain leaders) get a Set. */
const LIST_DEDUP_UP_TO = 16;

/**
 * Undirected adjacency: node id → neighbour ids (in link order, without duplicates). No string key per link (two
 * per link made the garbage collector the largest cost of parsing thousands of nodes): short lists are searched,
 * long ones have a Set beside them.
 */
export function adjacency(links: readonly ChainLink[]): Map<string, string[]> {
  const adj = new Map<string, string[]>();
  const sets = new Map<string, Set<string>>();
  const add = (a: string, b: string) => {
    let l = adj.get(a);
    if (!l) adj.set(a, (l = []));
    if (l.length < LIST_DEDUP_UP_TO) {
      if (l.includes(b)) return;
    } else {
      let seen = sets.get(a);
      if (!seen) sets.set(a, (seen = new Set(l)));
      if (seen.has(b)) return;
      seen.add(b);
    }
    l.push(b);
  };
  for (const l of links) {
    add(l.source, l.target);
    add(l.target, l.source);
  }
  return adj;
}

/** Breadth-first hop distances from `start` over all links (undirected). Unreached nodes are absent. */
export function hopDistances(start: string, adj: Map<string, string[]>): Map<string, number> {
  const dist = new Map<string, number>([[start, 0]]);
  const queue = [start];
  for (let qi = 0; qi < queue.length; qi++) {
    const id = queue[qi];
    const d = dist.get(id)!;
    for (const m of adj.get(id) ?? []) {
      if (!dist.has(m)) {
        dist.set(m, d + 1);
        queue.push(m);
      }
    }
  }
  return dist;
}

/** The node and its direct neighbours. */
export function neighbourhood(id: string, adj: Map<string, string[]>): Set<string> {
  return new Set([id, ...(adj.get(id) ?? [])]);
}

export interface ChainFilter {
  /** One chain id, or undefined/'' /'all' for every chain. */
  chain?: string;
  hiddenTypes?: ReadonlySet<string>;
  hiddenKinds?: ReadonlySet<string>;
  /** Case-insensitive name search: keeps all nodes, but `matches` lists the hits. */
  search?: string;
}

/** Returns the visible part of the graph for a chain choice and legend filters. Pure. */
export function filterChainData(data: ChainData, filter: ChainFilter): ChainData {
  const chainId = filter.chain && filter.chain !== 'all' ? filter.chain : undefined;
  const chains = chainId ? data.chains.filter((c) => c.id === chainId) : data.chains;
  // A shared node (no chain of its own: a park, a service team, a project) linked to the chosen chain is shown with
  // it, drawn in that chain: 凤凰湖产业园 hosts both alliances and belongs in either one's picture.
  let shared: Set<string> | undefined;
  if (chainId) {
    const own = new Set(data.nodes.filter((n) => n.chain === chainId || n.chains?.includes(chainId)).map((n) => n.id));
    shared = new Set();
    for (const l of data.links) {
      if (own.has(l.source)) shared.add(l.target);
      if (own.has(l.target)) shared.add(l.source);
    }
  }
  const nodes: ChainNode[] = [];
  for (const n of data.nodes) {
    if (filter.hiddenTypes?.has(n.type)) continue;
    if (!chainId || n.home === chainId || n.chain === chainId) nodes.push(n);
    // A firm listed in several chains (`chain: ["auto", "equip"]`) is in each one's picture, drawn in that chain.
    else if (n.chains?.includes(chainId) || (n.chain === undefined && shared?.has(n.id))) nodes.push({ ...n, home: chainId });
  }
  const ids = new Set(nodes.map((n) => n.id));
  const links = data.links.filter((l) => ids.has(l.source) && ids.has(l.target) && !filter.hiddenKinds?.has(l.kind));
  return { ...data, chains: chains.length ? chains : data.chains, nodes, links };
}

/** Ids of nodes whose name (zh or en) or id contains the search text. */
export function searchNodes(nodes: readonly ChainNode[], text: string): string[] {
  const q = text.trim().toLowerCase();
  if (!q) return [];
  return nodes.filter((n) => n.name.toLowerCase().includes(q) || (n.nameEn ?? '').toLowerCase().includes(q) || n.id.toLowerCase().includes(q)).map((n) => n.id);
}

/** Order in which a tour visits nodes: each chain's leader, then its members (by input order), chain by chain. */
export function tourOrder(data: ChainData): string[] {
  const out: string[] = [];
  for (const c of data.chains) {
    if (c.leader && data.nodes.some((n) => n.id === c.leader)) out.push(c.leader);
    for (const n of data.nodes) if (n.home === c.id && n.id !== c.leader && (n.type === 'member' || n.type === 'leader')) out.push(n.id);
  }
  return out;
}

/** True when any of the given nodes (or the whole file) is illustrative. */
export function hasIllustrative(data: ChainData): boolean {
  return data.illustrative || data.nodes.some((n) => n.illustrative);
}

/**
 * Keyboard walk along links: the neighbour of `id` whose direction is closest to the arrow's `[dx, dy]` (within ±80°,
 * i.e. cos ≥ 0.17), ties broken by the shorter distance. Null when no linked node lies that way or `id` has no position.
 */
export function neighbourInDirection(
  id: string,
  [dx, dy]: readonly [number, number],
  adj: ReadonlyMap<string, readonly string[]>,
  positions: ReadonlyMap<string, { x: number; y: number }>,
): string | null {
  const p = positions.get(id);
  if (!p) return null;
  let best: string | null = null;
  let bestScore = Infinity;
  for (const m of adj.get(id) ?? []) {
    const q = positions.get(m);
    if (!q) continue;
    const vx = q.x - p.x, vy = q.y - p.y;
    const len = Math.hypot(vx, vy) || 1;
    const cos = (vx * dx + vy * dy) / len;
    if (cos < 0.17) continue;
    const score = (1 - cos) * 1000 + len / 1000;
    if (score < bestScore) {
      bestScore = score;
      best = m;
    }
  }
  return best;
}
