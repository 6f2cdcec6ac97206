/**
 * The radial ordering's finishing passes (chain-graph.order.ts), for chains small enough to afford them: a local
 * search on the crossing count (unit moves within a list, then parent moves) and the hubs' places off their ring.
 * Both work on the ordering's state in place and count crossings with its counter.
 */
import type { ChainNode, Point } from './chain-graph.types.js';

const TAU = 2 * Math.PI;

/** The radial ordering's working state (chain-graph.order.ts), changed in place by the passes. */
export interface RadialWork {
  leaderId: string;
  nodes: readonly ChainNode[];
  adj: Map<string, string[]>;
  /** Node ids per ring (ring 0: the leader). */
  rings: string[][];
  ringOf: Map<string, number>;
  /** Each node's parent on the ring inside (null: hangs from the top level). */
  parent: Map<string, string | null>;
  children: Map<string, string[]>;
  /** The top-level list (children of the leader and unreached nodes). */
  roots: string[];
  /** Satellite (party branch) → its host firm: a unit that moves together. */
  hostOf: Map<string, string>;
  spanOf: Map<string, number>;
  /** Nodes placed off their ring (hubs). */
  free: Map<string, Point>;
  /** Ring radii, before `scaleR()`. */
  R: number[];
  /** The factor the rings moved out by (wedges that needed more than a turn). */
  scaleR: () => number;
  /** Angles from the lists (wedges, then positions). */
  place: () => void;
  positions: () => Map<string, Point>;
  /** Link crossings of the current angles, curves flattened to `steps` segments. */
  count: (local?: unknown, steps?: number) => number;
}

/**
 * Small chains: local search on top of the sweeps: move one unit (a node with its satellites) to every other slot of
 * its list, keep the move when it removes crossings; then parent moves; a few passes, at most `budget` layouts tried.
 * Counts on curves flattened to 2 segments (cheaper; the sweeps and the bench use 4–6). Returns the crossings left.
 */
export function localSearch(w: RadialWork, budget: number): number {
  const { adj, rings, ringOf, parent, children, roots, hostOf, place, positions, count } = w;
  const K = rings.length - 1;
  let bestCross = count(positions(), 2);
  let evals = 0;
  const lists = () => [roots, ...[...children.values()].filter((c) => c.length > 1)];
  for (let pass = 0; pass < 3; pass++) {
    let improved = false;
    for (const list of lists()) {
      for (let i = 0; i < list.length; i++) {
        const id = list[i];
        if (hostOf.has(id) && list.includes(hostOf.get(id)!)) continue;
        let len = 1;
        while (i + len < list.length && hostOf.get(list[i + len]) === id) len++;
        const unit = list.splice(i, len);
        let bestJ = i;
        for (let j = 0; j <= list.length; j++) {
          if (j === i) continue;
          if (j > 0 && j < list.length && hostOf.get(list[j]) !== undefined && hostOf.get(list[j]) === list[j - 1]) continue;
          if (evals++ > budget) break;
          list.splice(j, 0, ...unit);
          place();
          const c = count(positions(), 2);
          list.splice(j, len);
          if (c < bestCross) (bestCross = c), (bestJ = j), (improved = true);
        }
        list.splice(bestJ, 0, ...unit);
      }
    }
    // Parent moves: a node with several neighbours on the ring inside may hang from another of them.
    for (let k = 2; k <= K; k++)
      for (const id of rings[k]) {
        for (const p of adj.get(id) ?? []) {
          const cur = parent.get(id);
          if (!cur || p === cur || ringOf.get(p) !== k - 1 || evals > budget) continue;
          const from = children.get(cur)!;
          const at = from.indexOf(id);
          from.splice(at, 1);
          const to = children.get(p) ?? children.set(p, []).get(p)!;
          let bestAt = -1;
          for (let j = 0; j <= to.length; j++) {
            evals++;
            to.splice(j, 0, id);
            parent.set(id, p);
            place();
            const c = count(positions(), 2);
            to.splice(j, 1);
            if (c < bestCross) (bestCross = c), (bestAt = j);
          }
          if (bestAt >= 0) {
            to.splice(bestAt, 0, id);
            parent.set(id, p);
            improved = true;
          } else {
            from.splice(at, 0, id);
            parent.set(id, cur);
          }
        }
      }
    if (!improved || evals > budget) break;
  }
  if ((globalThis as { H15DEBUG?: unknown }).H15DEBUG) console.log('evals', evals, bestCross);
  place();
  return bestCross;
}

/**
 * Hubs: a node outside the chain proper (a park, a service team) linked to several members is moved to the spot,
 * among a grid of angles and radii clear of the other nodes, where its links cross the fewest others (`free`).
 * Returns the crossings after, or undefined when the chain has no hub.
 */
export function placeHubs(w: RadialWork): number | undefined {
  const { leaderId, nodes, adj, rings, R, spanOf, free, positions, count } = w;
  const K = rings.length - 1;
  const hubs = nodes.filter((n) => n.id !== leaderId && (n.type === 'park' || n.type === 'service-team') && (adj.get(n.id) ?? []).length >= 3).sort((a, b) => (adj.get(b.id) ?? []).length - (adj.get(a.id) ?? []).length || a.index - b.index);
  if (!hubs.length) return undefined;
  let cur = count(undefined, 3);
  const scaleR = w.scaleR();
  const Rmax = (R[K] ?? 0) * scaleR;
  const radii = [0.5, 1.25, 1.5, 1.9].map((f) => f * Rmax).concat(R.slice(1).map((r, i) => (r * scaleR + (R[i + 2] ?? r + 60) * scaleR) / 2));
  for (const h of hubs) {
    const room = spanOf.get(h.id)! / 2 + 12;
    let bestP: Point | undefined, bestC = cur;
    for (const r of radii)
      for (let i = 0; i < 48; i++) {
        const a = (i / 48) * TAU - Math.PI / 2;
        const p = { x: Math.cos(a) * r, y: Math.sin(a) * r };
        let clear = true;
        for (const [id, q] of positions()) if (id !== h.id && Math.hypot(q.x - p.x, q.y - p.y) < room + spanOf.get(id)! / 4) (clear = false);
        if (!clear) continue;
        free.set(h.id, p);
        const c = count(undefined, 3);
        if (c < bestC) (bestC = c), (bestP = p);
      }
    if (bestP) free.set(h.id, bestP), (cur = bestC);
    else free.delete(h.id);
  }
  return cur;
}
