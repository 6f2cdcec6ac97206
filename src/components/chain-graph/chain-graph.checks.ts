/**
 * Whole-payload checks of <civic-chain-graph>'s parser (chain-graph.model.ts): a node's chain list, two leaders in one
 * chain, supply cycles. Pure; no DOM.
 */
import { describe, issue, joinPath, readString, type Issue } from '../../data/validate.js';
import type { ChainFieldMap, ChainLink, ChainNode } from './chain-graph.types.js';

/** True when the node belongs to the chain (its `chain`, or one of its listed `chains`). */
export function inChain(n: ChainNode, chain: string): boolean {
  return n.chain === chain || (n.chains?.includes(chain) ?? false);
}

/**
 * A node's `chain`: one id, or a list of ids (a firm in two alliances). Unknown ids are reported at their path and
 * dropped, repeats dropped; [] when none is left (the node is then drawn with its neighbours).
 */
export function readChains(v: unknown, path: string, known: ReadonlySet<string>, issues: Issue[]): string[] {
  const out: string[] = [];
  const one = (x: unknown, at: string) => {
    const c = readString(x, at, issues, { coerceNumber: true }) || undefined;
    if (c === undefined || out.includes(c)) return;
    if (known.size > 0 && !known.has(c)) issues.push(issue(at, 'unknown-chain', `no chain has id ${describe(c)}; the node is drawn with its neighbours`));
    else out.push(c);
  };
  if (Array.isArray(v)) v.forEach((x, j) => one(x, joinPath(path, j)));
  else one(v, path);
  return out;
}

/** Two `leader` nodes in one chain: a warning at the second one's type (both are drawn as leaders). */
export function reportLeaders(nodes: readonly ChainNode[], issues: Issue[], f: ChainFieldMap | undefined): void {
  const first = new Map<string, ChainNode>();
  for (const n of nodes) {
    if (n.type !== 'leader') continue;
    for (const c of n.chains ?? (n.chain ? [n.chain] : [])) {
      const o = first.get(c);
      if (!o) {
        first.set(c, n);
        continue;
      }
      issues.push(
        issue(
          joinPath(joinPath('nodes', n.index), f?.type ?? 'type'),
          'two-leaders',
          `chain ${describe(c)} already has the leader node ${describe(o.id)} (${joinPath('nodes', o.index)}); both are drawn as leaders`,
          'warning',
        ),
      );
    }
  }
}

/**
 * Supply links must form a DAG for the tiered layout. Links are taken in input order; a link whose target can
 * already reach its source closes a cycle: it is marked `cyclic`, reported at `links[i]` and still drawn.
 * (A quick depth-first check runs first so acyclic graphs, the usual case, cost one pass.)
 */
export function markSupplyCycles(nodes: ChainNode[], links: ChainLink[], issues: Issue[], linksPath: string): void {
  const supply = links.filter((l) => l.kind === 'supply');
  if (!hasCycle(nodes, supply)) return;
  const out = new Map<string, string[]>();
  const reaches = (from: string, to: string): boolean => {
    const seen = new Set([from]);
    const stack = [from];
    while (stack.length) {
      const id = stack.pop()!;
      if (id === to) return true;
      for (const m of out.get(id) ?? []) if (!seen.has(m)) {
        seen.add(m);
        stack.push(m);
      }
    }
    return false;
  };
  for (const l of supply) {
    if (reaches(l.target, l.source)) {
      l.cyclic = true;
      issues.push(issue(joinPath(linksPath, l.index), 'cycle', `supply link ${describe(l.source)} → ${describe(l.target)} closes a cycle; it is drawn but ignored when ordering tiers`));
      continue;
    }
    (out.get(l.source) ?? out.set(l.source, []).get(l.source)!).push(l.target);
  }
}

function hasCycle(nodes: ChainNode[], supply: ChainLink[]): boolean {
  const out = new Map<string, string[]>();
  for (const l of supply) (out.get(l.source) ?? out.set(l.source, []).get(l.source)!).push(l.target);
  const state = new Map<string, 1 | 2>();
  for (const n of nodes) {
    if (state.has(n.id)) continue;
    const stack: { id: string; i: number }[] = [{ id: n.id, i: 0 }];
    state.set(n.id, 1);
    while (stack.length) {
      const top = stack[stack.length - 1];
      const next = out.get(top.id) ?? [];
      if (top.i >= next.length) {
        state.set(top.id, 2);
        stack.pop();
        continue;
      }
      const m = next[top.i++];
      const st = state.get(m);
      if (st === 1) return true;
      if (st === undefined) {
        state.set(m, 1);
        stack.push({ id: m, i: 0 });
      }
    }
  }
  return false;
}
