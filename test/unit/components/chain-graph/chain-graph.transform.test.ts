// The chain graph's zoom transform and fitted view (chain-graph.transform.ts), pure since they left the gesture
// controller (chain-graph.view.ts).
import { describe, expect, it } from 'vitest';
import { fitTransform, MAX_ZOOM, MIN_ZOOM, ViewTransform } from '../../../../src/components/chain-graph/chain-graph.transform.js';

describe('chain graph view transform', () => {
  it('applies and inverts; zooms about a stage point within the limits', () => {
    const t = new ViewTransform(2, 10, -4);
    expect(t.apply([3, 5])).toEqual([16, 6]);
    expect(t.invert(t.apply([3, 5]))).toEqual([3, 5]);
    expect([t.applyX(3), t.applyY(5), t.invertX(16), t.invertY(6)]).toEqual([16, 6, 3, 5]);
    const z = t.zoomTo(4, [100, 50]);
    expect(z.k).toBe(4);
    expect(z.invert([100, 50])).toEqual(t.invert([100, 50]));
    expect(t.zoomTo(1000, [0, 0]).k).toBe(MAX_ZOOM);
    expect(t.zoomTo(0, [0, 0]).k).toBe(MIN_ZOOM);
    expect(t.zoomTo(0, [0, 0], 0.01).k).toBe(0.01);
    expect(String(t)).toBe('translate(10,-4) scale(2)');
  });

  it('fits bounds into the stage: centred, padded, zoom at most 2', () => {
    const big = fitTransform({ x0: 0, y0: 0, x1: 1000, y1: 476 }, 528, 556);
    expect(big.k).toBeCloseTo(0.472, 3); // (528 - 56) / 1000
    const [cx] = big.apply([500, 0]);
    expect(cx).toBeCloseTo(264, 6);
    expect(fitTransform({ x0: 0, y0: 0, x1: 10, y1: 10 }, 800, 600).k).toBe(2);
    // Far wider than MIN_ZOOM allows: the fitted zoom goes below it (the controller then lowers its limit).
    expect(fitTransform({ x0: 0, y0: 0, x1: 100000, y1: 100 }, 800, 600).k).toBeLessThan(MIN_ZOOM);
  });
});
