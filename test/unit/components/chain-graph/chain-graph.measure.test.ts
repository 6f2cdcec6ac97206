// The layout controller measures label widths (DOM fonts) before a worker job, in slices: a large graph's first
// slice runs in a task of its own, not in the task that set the data (issue 15: that task already parsed and
// rendered it); a small graph's widths are measured at once.
import { describe, expect, it } from 'vitest';
import { measureSliced, type LayoutRequest } from '../../../../src/components/chain-graph/chain-graph.layout-controller.js';
import type { ChainData, ChainNode } from '../../../../src/components/chain-graph/chain-graph.types.js';

function request(n: number, measured: string[]): LayoutRequest {
  const nodes = Array.from({ length: n }, (_, i) => ({ id: `n${i}`, name: `企业${i}`, type: 'member', home: 'c', tier: 'core', flags: [], attrs: {}, illustrative: false, index: i }) as ChainNode);
  const data: ChainData = { chains: [{ id: 'c', name: 'c', leader: 'n0' }], nodes, links: [], illustrative: false };
  const label = (m: ChainNode) => m.name;
  return { kind: 'force', data, seed: 1, pins: {}, lang: 'zh-CN', opts: { label, measureText: (t) => (measured.push(t), t.length * 12) }, widths: () => ({}) };
}

describe('chain-graph layout controller: measureSliced', () => {
  it('measures a small graph in the calling task', async () => {
    const measured: string[] = [];
    const p = measureSliced(request(50, measured), () => true);
    expect(measured.length, 'measured before the call returned').toBe(50);
    expect(Object.keys((await p)!).length).toBe(50);
  });

  it('measures a large graph from a later task, and stops when no longer wanted', async () => {
    const measured: string[] = [];
    const p = measureSliced(request(1000, measured), () => true);
    expect(measured.length, 'nothing measured in the calling task').toBe(0);
    const widths = (await p)!;
    expect(Object.keys(widths).length).toBe(1000);
    expect(widths['企业7']).toBe(36);
    const gone: string[] = [];
    expect(await measureSliced(request(1000, gone), () => false)).toBeUndefined();
    expect(gone.length).toBe(0);
  });
});
