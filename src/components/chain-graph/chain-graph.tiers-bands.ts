/**
 * A start order for the `tiers` layout of large chains (issue 15): the chain's spanning tree from its leader, each
 * subtree drawn in a band of its own above or below the node it hangs from, so subtrees do not interleave. A subtree
 * that reaches both sides of its parent's column must pass that column above or below it (see
 * chain-graph.tiers-floor.ts); its link to the parent then crosses the passing links of every band between it and the
 * parent. So, per node, children whose subtrees pass its column go outermost, those with the most passing links
 * furthest out (an inner band's passes are crossed by every band outside it), alternating above and below so the
 * two sides share them; children that stay on one side go innermost (their links to the parent cross nothing).
 * The result is a rank per id (an in-order walk: above-bands, the node, below-bands); each column is then ordered
 * by rank, a long link's virtual nodes by the rank its S-curve has at their column. Pure, deterministic, O(n log n).
 */

/** Ranks for the ids reachable from `root` (others are left out: they keep their place). */
export function bandRanks(root: string, col: ReadonlyMap<string, number>, edges: readonly (readonly [string, string])[]): Map<string, number> {
  const adj = new Map<string, string[]>();
  for (const [a, b] of edges) {
    if (a === b) continue;
    (adj.get(a) ?? adj.set(a, []).get(a)!).push(b);
    (adj.get(b) ?? adj.set(b, []).get(b)!).push(a);
  }
  // Breadth-first spanning tree (shortest links to the root: the leader's own links are kept).
  const parent = new Map<string, string>([[root, '']]);
  const order = [root];
  for (let i = 0; i < order.length; i++)
    for (const m of adj.get(order[i]) ?? [])
      if (!parent.has(m) && col.has(m)) {
        parent.set(m, order[i]);
        order.push(m);
      }
  const children = new Map<string, string[]>();
  for (const v of order) if (v !== root) (children.get(parent.get(v)!) ?? children.set(parent.get(v)!, []).get(parent.get(v)!)!).push(v);
  // Per subtree: its column range, and per node how many tree links of the subtree (with the link to its parent)
  // pass the parent's column. Computed bottom-up: passes(v, p) counts links whose column interval holds col(p)
  // strictly inside, over the subtree of v.
  const lo = new Map<string, number>(), hi = new Map<string, number>();
  for (let i = order.length - 1; i >= 0; i--) {
    const v = order[i];
    let l = col.get(v)!, h = l;
    for (const c of children.get(v) ?? []) (l = Math.min(l, lo.get(c)!)), (h = Math.max(h, hi.get(c)!));
    lo.set(v, l);
    hi.set(v, h);
  }
  const passes = (v: string, p: string): number => {
    const x = col.get(p)!;
    const across = (a: string, b: string) => (col.get(a)! - x) * (col.get(b)! - x) < 0;
    let n = across(v, p) ? 1 : 0;
    const stack = lo.get(v)! < x && hi.get(v)! > x ? [v] : [];
    while (stack.length) {
      const u = stack.pop()!;
      for (const c of children.get(u) ?? []) {
        if (across(u, c)) n++;
        if (lo.get(c)! < x && hi.get(c)! > x) stack.push(c);
      }
    }
    return n;
  };
  const seq = new Map(order.map((v, i) => [v, i]));
  const rank = new Map<string, number>();
  let next = 0;
  // Iterative in-order walk: frames of (node, above bands outer→inner, below bands inner→outer).
  type Frame = { v: string; above: string[]; below: string[]; i: number; placed: boolean };
  const frame = (v: string): Frame => {
    const x = col.get(v)!;
    const kids = children.get(v) ?? [];
    const all = kids.map((c) => ({ c, n: passes(c, v) }));
    const span = all.filter((s) => s.n > 0).sort((p, q) => q.n - p.n || seq.get(p.c)! - seq.get(q.c)!);
    const side = all.filter((s) => s.n === 0).map((s) => s.c);
    const up: string[] = [], down: string[] = [];
    // spanning: outermost first, alternating; one-sided: innermost, alternating, after them
    span.forEach((s, i) => (i % 2 === 0 ? up : down).push(s.c));
    side.forEach((c, i) => ((span.length + i) % 2 === 0 ? up : down).push(c));
    // up is outer→inner already (pushed outermost first); down must be inner→outer
    return { v, above: up, below: down.reverse(), i: 0, placed: false };
  };
  const stack: Frame[] = [frame(root)];
  while (stack.length) {
    const f = stack[stack.length - 1];
    if (f.i < f.above.length) {
      stack.push(frame(f.above[f.i++]));
      continue;
    }
    if (!f.placed) {
      rank.set(f.v, next++);
      f.placed = true;
    }
    const j = f.i - f.above.length;
    if (j < f.below.length) {
      f.i++;
      stack.push(frame(f.below[j]));
      continue;
    }
    stack.pop();
  }
  return rank;
}
