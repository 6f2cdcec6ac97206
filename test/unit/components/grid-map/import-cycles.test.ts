// Issue 14: the grid map's parts form no import cycle (the tiles controller once imported the element back). The
// graph is the runtime one esbuild bundles from the element's entry (type-only imports are erased), own files only.
import { describe, expect, it } from 'vitest';
import { build } from 'esbuild';

export function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const visit = (n: string) => {
    state.set(n, 1);
    stack.push(n);
    for (const m of graph.get(n) ?? []) {
      if (state.get(m) === 1) found.push([...stack.slice(stack.indexOf(m)), m]);
      else if (!state.has(m)) visit(m);
    }
    stack.pop();
    state.set(n, 2);
  };
  for (const n of graph.keys()) if (!state.has(n)) visit(n);
  return found;
}

describe('grid map import graph', () => {
  it('finds a cycle when there is one (the check itself)', () => {
    expect(cycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']]]))).toEqual([['a', 'b', 'c', 'a']]);
    expect(cycles(new Map([['a', ['b']], ['b', []]]))).toEqual([]);
  });

  it('has no cycle among the modules the element loads (statically or lazily)', async () => {
    const r = await build({
      entryPoints: ['src/components/grid-map/grid-map.define.ts'],
      bundle: true,
      splitting: true,
      format: 'esm',
      write: false,
      metafile: true,
      outdir: 'out',
      external: ['maplibre-gl'],
      logLevel: 'silent',
      loader: { '.css': 'text' },
    });
    const own = (p: string) => !p.includes('node_modules');
    const graph = new Map<string, string[]>();
    for (const [file, v] of Object.entries(r.metafile.inputs)) if (own(file)) graph.set(file, v.imports.map((i) => i.path).filter(own));
    expect(graph.size).toBeGreaterThan(30);
    expect(cycles(graph).map((c) => c.join(' -> '))).toEqual([]);
  }, 60_000);
});
