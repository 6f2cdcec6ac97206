/**
 * Crossing minimisation for a layered (Sugiyama-style) drawing, used by the `tiers` layout (issue 15): links that
 * span several layers get one virtual (dummy) node per layer they pass, so they take part in the ordering; a
 * depth-first start order (a tree drawn from its root comes out planar) or one given by ranks (the `tiers` bands);
 * barycentre sweeps down and up the layers; adjacent-transposition passes that keep only swaps removing crossings. The order with the fewest crossings (counted
 * between consecutive layers, dummies included) is kept, so the result never has more than the input order. Pure and
 * deterministic; typed arrays, O(passes × links × log) — fine for 5,000 nodes.
 */

import { sCurveShare } from './chain-graph.tiers-coords.js';

export interface LayeredInput {
  /** Initial order of each layer (ids; a layer may be empty). */
  layers: readonly (readonly string[])[];
  /** Links between ids (duplicates count twice; links inside one layer or to unknown ids are ignored). */
  edges: readonly (readonly [string, string])[];
  /** Where the depth-first start order begins (e.g. the chain's leader); default the first id of the middle layer. */
  root?: string;
  /**
   * A start order instead of the depth-first one (chain-graph.tiers-bands.ts): each layer sorted by rank, a long
   * link's virtual nodes by the rank its S-curve has at their layer (layers at `x`, default their index). Ids
   * without a rank keep their place after the ranked ones.
   */
  rank?: ReadonlyMap<string, number>;
  x?: readonly number[];
}

export interface LayeredOptions {
  /** Barycentre sweeps (one sweep = down then up). Default 8, 4 from 2,000 nodes. */
  sweeps?: number;
  /** Transposition passes per sweep round (each stops early once no swap helps). Default 6, 2 from 2,000 nodes. */
  transpose?: number;
  /** false: keep the input order (baseline). */
  order?: boolean;
}

export interface LayeredResult {
  /** Order of the real ids per layer (dummies removed). */
  layers: string[][];
  /** Crossings between consecutive layers of the kept order, dummies included. */
  crossings: number;
  /** Same count for the input order. */
  inputCrossings: number;
  /** Every layer in the kept order with its virtual nodes: an id, or the index (in `edges`) of the link passing. */
  all: (string | number)[][];
}

/** The layered graph in flat arrays: node i is in layer L[i]; up/down neighbours as CSR lists. */
interface Graph {
  n: number;
  L: Int32Array;
  /** Nodes of each layer in current order. */
  layers: Int32Array[];
  pos: Float64Array;
  upStart: Int32Array;
  up: Int32Array;
  downStart: Int32Array;
  down: Int32Array;
}

function build(input: LayeredInput): { g: Graph; ids: string[]; dummies: Map<number, number[]> } {
  const ids: string[] = [];
  const index = new Map<string, number>();
  const layerOf: number[] = [];
  const layers: number[][] = input.layers.map((layer, li) =>
    layer.map((id) => {
      const i = ids.length;
      ids.push(id);
      index.set(id, i);
      layerOf.push(li);
      return i;
    }),
  );
  // Edges between consecutive layers, long links broken into dummies (appended to their layer's end for now).
  const pairs: number[] = [];
  const dummies = new Map<number, number[]>();
  input.edges.forEach(([s, t], ei) => {
    let a = index.get(s), b = index.get(t);
    if (a === undefined || b === undefined || layerOf[a] === layerOf[b]) return;
    if (layerOf[a] > layerOf[b]) [a, b] = [b, a];
    let prev = a;
    const chain: number[] = [];
    for (let l = layerOf[a] + 1; l < layerOf[b]; l++) {
      const d = ids.length;
      ids.push('');
      layerOf.push(l);
      layers[l].push(d);
      chain.push(d);
      pairs.push(prev, d);
      prev = d;
    }
    pairs.push(prev, b);
    if (chain.length) dummies.set(ei, chain);
  });
  const n = ids.length;
  const L = Int32Array.from(layerOf);
  const upCount = new Int32Array(n + 1), downCount = new Int32Array(n + 1);
  for (let k = 0; k < pairs.length; k += 2) downCount[pairs[k] + 1]++, upCount[pairs[k + 1] + 1]++;
  for (let i = 0; i < n; i++) (upCount[i + 1] += upCount[i]), (downCount[i + 1] += downCount[i]);
  const up = new Int32Array(pairs.length / 2), down = new Int32Array(pairs.length / 2);
  const ui = upCount.slice(0, n), di = downCount.slice(0, n);
  for (let k = 0; k < pairs.length; k += 2) (down[di[pairs[k]]++] = pairs[k + 1]), (up[ui[pairs[k + 1]]++] = pairs[k]);
  const g: Graph = { n, L, layers: layers.map((l) => Int32Array.from(l)), pos: new Float64Array(n), upStart: upCount, up, downStart: downCount, down };
  setPositions(g);
  return { g, ids, dummies };
}

function setPositions(g: Graph, layer?: number): void {
  const from = layer ?? 0, to = layer ?? g.layers.length - 1;
  for (let l = from; l <= to; l++) g.layers[l].forEach((v, i) => (g.pos[v] = i));
}

/** Crossings between layer l and l + 1 (inversions among the links' lower ends, Fenwick tree). */
function gapCrossings(g: Graph, l: number, tree: Int32Array): number {
  const top = g.layers[l], size = g.layers[l + 1].length;
  if (top.length < 2 || size < 2) return 0;
  tree.fill(0, 0, size + 1);
  let inserted = 0, c = 0;
  for (const v of top) {
    const s = g.downStart[v], e = g.downStart[v + 1];
    // links of one upper node do not cross each other: count all of them before inserting any
    for (let k = s; k < e; k++) {
      let le = 0;
      for (let x = g.pos[g.down[k]] + 1; x > 0; x -= x & -x) le += tree[x];
      c += inserted - le;
    }
    for (let k = s; k < e; k++) {
      for (let x = g.pos[g.down[k]] + 1; x <= size; x += x & -x) tree[x]++;
      inserted++;
    }
  }
  return c;
}

function totalCrossings(g: Graph): number {
  let max = 0;
  for (const l of g.layers) max = Math.max(max, l.length);
  const tree = new Int32Array(max + 2);
  let c = 0;
  for (let l = 0; l + 1 < g.layers.length; l++) c += gapCrossings(g, l, tree);
  return c;
}

/** Depth-first start order from the root: each layer receives nodes in the order the search first reaches them. */
function dfsOrder(g: Graph, root: number): void {
  const seen = new Uint8Array(g.n);
  const out: number[][] = g.layers.map(() => []);
  const visit = (start: number) => {
    const stack = [start];
    while (stack.length) {
      const v = stack.pop()!;
      if (seen[v]) continue;
      seen[v] = 1;
      out[g.L[v]].push(v);
      // neighbours in reverse so the first is visited first
      const nb: number[] = [];
      for (let k = g.upStart[v]; k < g.upStart[v + 1]; k++) nb.push(g.up[k]);
      for (let k = g.downStart[v]; k < g.downStart[v + 1]; k++) nb.push(g.down[k]);
      nb.sort((a, b) => g.pos[a] - g.pos[b] || a - b);
      for (let k = nb.length - 1; k >= 0; k--) if (!seen[nb[k]]) stack.push(nb[k]);
    }
  };
  visit(root);
  for (const layer of g.layers) for (const v of layer) if (!seen[v]) visit(v);
  g.layers = out.map((l) => Int32Array.from(l));
  setPositions(g);
}

/** Start order by rank (see `LayeredInput.rank`). */
function rankOrder(g: Graph, input: LayeredInput, ids: readonly string[], dummies: ReadonlyMap<number, number[]>): void {
  const rank = input.rank!;
  const x = input.x ?? input.layers.map((_, i) => i);
  const key = new Float64Array(g.n).fill(NaN);
  const at = new Map<string, number>();
  ids.forEach((id, i) => id !== '' && (at.set(id, i), rank.has(id) && (key[i] = rank.get(id)!)));
  for (const [ei, chain] of dummies) {
    const [s, t] = input.edges[ei];
    const rs = rank.get(s), rt = rank.get(t);
    if (rs === undefined || rt === undefined) continue;
    const ls = g.L[at.get(s)!], lt = g.L[at.get(t)!];
    for (const d of chain) key[d] = rs + (rt - rs) * sCurveShare((x[g.L[d]] - x[ls]) / (x[lt] - x[ls] || 1));
  }
  g.layers = g.layers.map((layer) => {
    const idx = Array.from(layer, (_, i) => i);
    const k = (i: number) => (Number.isNaN(key[layer[i]]) ? Infinity : key[layer[i]]);
    idx.sort((a, b) => k(a) - k(b) || a - b);
    return Int32Array.from(idx, (i) => layer[i]);
  });
  setPositions(g);
}

/** Barycentre of v's neighbours in the layer above (dir -1) or below (dir 1); NaN without any. */
function bary(g: Graph, v: number, dir: number): number {
  const start = dir < 0 ? g.upStart : g.downStart, list = dir < 0 ? g.up : g.down;
  const s = start[v], e = start[v + 1];
  if (s === e) return NaN;
  let sum = 0;
  for (let k = s; k < e; k++) sum += g.pos[list[k]];
  return sum / (e - s);
}

function sweepLayer(g: Graph, l: number, dir: number): void {
  const layer = g.layers[l];
  const key = new Float64Array(g.n > 0 ? layer.length : 0);
  const idx = Array.from(layer, (_, i) => i);
  // Nodes without neighbours on that side keep their place: their key is their current position.
  layer.forEach((v, i) => {
    const b = bary(g, v, dir);
    key[i] = Number.isNaN(b) ? i : b;
  });
  idx.sort((a, b) => key[a] - key[b] || a - b);
  g.layers[l] = Int32Array.from(idx, (i) => layer[i]);
  setPositions(g, l);
}

/** Crossings among the links of u and w (on both sides) when u is right before w. */
function pairCrossings(g: Graph, u: number, w: number): number {
  let c = 0;
  for (const [start, list] of [
    [g.upStart, g.up],
    [g.downStart, g.down],
  ] as const) {
    const us = start[u], ue = start[u + 1], ws = start[w], we = start[w + 1];
    if (us === ue || ws === we) continue;
    if ((ue - us) * (we - ws) <= 256) {
      for (let a = us; a < ue; a++) {
        const pa = g.pos[list[a]];
        for (let b = ws; b < we; b++) if (pa > g.pos[list[b]]) c++;
      }
    } else {
      const A = Float64Array.from(list.subarray(us, ue), (x) => g.pos[x]).sort();
      const B = Float64Array.from(list.subarray(ws, we), (x) => g.pos[x]).sort();
      // pairs (a in A, b in B) with a > b
      let j = 0;
      for (let i = 0; i < A.length; i++) {
        while (j < B.length && B[j] < A[i]) j++;
        c += j;
      }
    }
  }
  return c;
}

/** Adjacent swaps that remove crossings, layer by layer, until none helps or `passes` run out. */
function transpose(g: Graph, passes: number): void {
  for (let p = 0; p < passes; p++) {
    let improved = false;
    for (let l = 0; l < g.layers.length; l++) {
      const layer = g.layers[l];
      for (let i = 0; i + 1 < layer.length; i++) {
        const u = layer[i], w = layer[i + 1];
        if (pairCrossings(g, w, u) < pairCrossings(g, u, w)) {
          layer[i] = w;
          layer[i + 1] = u;
          g.pos[w] = i;
          g.pos[u] = i + 1;
          improved = true;
        }
      }
    }
    if (!improved) break;
  }
}

/** Orders the layers to cross few links (see the module comment). */
export function orderLayers(input: LayeredInput, o: LayeredOptions = {}): LayeredResult {
  const { g, ids, dummies } = build(input);
  const snapshot = () => g.layers.map((l) => l.slice());
  const inputCrossings = totalCrossings(g);
  let best = snapshot(), bestCross = inputCrossings;
  const big = g.n >= 2000;
  if (o.order !== false && bestCross > 0) {
    const keep = () => {
      const c = totalCrossings(g);
      if (c < bestCross) (bestCross = c), (best = snapshot());
      return c;
    };
    const mid = input.layers[Math.floor(input.layers.length / 2)] ?? [];
    const rootId = input.root ?? mid[0];
    const root = ids.indexOf(rootId ?? '');
    if (input.rank) rankOrder(g, input, ids, dummies);
    else if (root >= 0) dfsOrder(g, root);
    keep();
    const sweeps = o.sweeps ?? (big ? 4 : 8);
    const passes = o.transpose ?? (big ? 2 : 6);
    let stale = 0;
    for (let s = 0; s < sweeps && bestCross > 0; s++) {
      const before = bestCross;
      for (let l = 1; l < g.layers.length; l++) sweepLayer(g, l, -1);
      transpose(g, passes);
      keep();
      for (let l = g.layers.length - 2; l >= 0; l--) sweepLayer(g, l, 1);
      transpose(g, passes);
      keep();
      stale = bestCross < before ? 0 : stale + 1;
      if (stale >= 2) break;
    }
    // Finish from the best order with transpositions only (they never add crossings).
    g.layers = best.map((l) => l.slice());
    setPositions(g);
    transpose(g, passes * 2);
    keep();
  }
  g.layers = best;
  setPositions(g);
  const edgeOf = new Map<number, number>();
  for (const [ei, chain] of dummies) for (const d of chain) edgeOf.set(d, ei);
  return {
    layers: best.map((l) => Array.from(l, (v) => ids[v]).filter((id) => id !== '')),
    all: best.map((l) => Array.from(l, (v) => (ids[v] === '' ? edgeOf.get(v)! : ids[v]))),
    crossings: bestCross,
    inputCrossings,
  };
}
