import { describe, expect, it } from 'vitest';
import { parseChainData } from '../../../../src/components/chain-graph/chain-graph.model.js';
import { forceLayout, tiersLayout, radiusByAttribute, estimateTextWidth } from '../../../../src/components/chain-graph/chain-graph.layout.js';
import { syntheticChains } from '../../../fixtures/chain-graph/synthetic.js';

describe('chain-graph worker', () => {
  it('computes the same force and tiers layouts as the main thread, pins included', async () => {
    const posted: any[] = [];
    const scope: any = { onmessage: null, postMessage: (m: unknown) => posted.push(m) };
    (globalThis as any).self = scope;
    await import('../../../../src/components/chain-graph/chain-graph.worker.js');
    expect(typeof scope.onmessage).toBe('function');
    const data = parseChainData(syntheticChains(300)).value!;
    const widths: Record<string, number> = {};
    for (const n of data.nodes) widths[n.name] = estimateTextWidth(n.name) + 3;
    const opts = { seed: 4, radius: radiusByAttribute(data.nodes, 'employees'), measureText: (t: string) => widths[t] };
    for (const kind of ['force', 'tiers'] as const) {
      posted.length = 0;
      scope.onmessage({ data: { job: 7, kind, data, seed: 4, pins: { 'c2-n5': { x: 1, y: 2 } }, sizeBy: 'employees', lang: 'zh-CN', widths } });
      const done = posted[posted.length - 1];
      expect(done).toMatchObject({ job: 7, type: 'done' });
      const own = kind === 'force' ? forceLayout(data, { ...opts, pins: { 'c2-n5': { x: 1, y: 2 } } }) : tiersLayout(data, { ...opts, pins: { 'c2-n5': { x: 1, y: 2 } } });
      done.ids.forEach((id: string, i: number) => {
        expect(done.xs[i]).toBeCloseTo(own.positions.get(id)!.x, 6);
        expect(done.ys[i]).toBeCloseTo(own.positions.get(id)!.y, 6);
      });
      expect(done.xs[done.ids.indexOf('c2-n5')]).toBe(1);
      // The worker measures the bounds and says the label side, so the main thread does not size every node again.
      expect(done.labelSide).toBe(own.labelSide);
      for (const k of ['x0', 'y0', 'x1', 'y1'] as const) expect(done.bounds[k]).toBeCloseTo(own.bounds[k], 6);
    }
    delete (globalThis as any).self;
  });
});
