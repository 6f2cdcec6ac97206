import { describe, expect, it } from 'vitest';
import { clipLink, PERIOD, RasterCost, type StaticGroup } from '../../../../src/components/chain-graph/chain-graph.canvas-cost.js';
import type { ChainLink, Point } from '../../../../src/components/chain-graph/chain-graph.types.js';

const rect = { x0: 0, y0: 0, x1: 100, y1: 100 };
const quad = (a: Point, c: Point, b: Point, t: number): Point => {
  const u = 1 - t;
  return { x: u * u * a.x + 2 * u * t * c.x + t * t * b.x, y: u * u * a.y + 2 * u * t * c.y + t * t * b.y };
};

describe('chain-graph canvas cost: clipLink', () => {
  it('keeps a link inside the rectangle whole and drops one wholly outside', () => {
    expect(clipLink({ x: 10, y: 10 }, { x: 90, y: 50 }, undefined, rect, 10)).toEqual({ ax: 10, ay: 10, bx: 90, by: 50 });
    expect(clipLink({ x: -50, y: -10 }, { x: 300, y: -5 }, undefined, rect, 10)).toBeNull();
    expect(clipLink({ x: 200, y: 0 }, { x: 200, y: 300 }, undefined, rect, 10)).toBeNull();
  });

  it('cuts a long straight link to the rectangle, starting a whole number of dash periods from its start', () => {
    const a = { x: -1003, y: 50 }, b = { x: 5000, y: 50 };
    const p = clipLink(a, b, undefined, rect, PERIOD.alliance)!;
    expect(p.ax).toBeLessThanOrEqual(0);
    expect(p.ax).toBeGreaterThan(-PERIOD.alliance);
    // The dashes fall where they fell on the whole link: the kept part starts a multiple of the period from a.
    const d = p.ax - a.x;
    expect(d / PERIOD.alliance).toBeCloseTo(Math.round(d / PERIOD.alliance), 9);
    expect(p.bx).toBeCloseTo(100, 9);
    expect(p.ay).toBe(50);
    // A solid link is cut at the border itself.
    expect(clipLink(a, b, undefined, rect, 0)!.ax).toBeCloseTo(0, 9);
  });

  it('cuts a long curve to a sub-curve on the same curve, covering every part inside the rectangle', () => {
    const a = { x: -2000, y: 50 }, c = { x: 50, y: 0 }, b = { x: 2000, y: 50 };
    const p = clipLink(a, b, c, rect, PERIOD.service)!;
    expect(p.c).toBeDefined();
    expect(p.ax).toBeGreaterThan(a.x);
    expect(p.bx).toBeLessThan(b.x);
    // Points of the sub-curve lie on the original curve, and every original point inside the rectangle is covered.
    const inside: number[] = [];
    for (let i = 0; i <= 1000; i++) {
      const q = quad(a, c, b, i / 1000);
      if (q.x >= 0 && q.x <= 100 && q.y >= 0 && q.y <= 100) inside.push(q.x);
    }
    expect(inside.length).toBeGreaterThan(0);
    expect(p.ax).toBeLessThanOrEqual(Math.min(...inside));
    expect(p.bx).toBeGreaterThanOrEqual(Math.max(...inside));
    for (const t of [0, 0.3, 0.7, 1]) {
      const q = quad({ x: p.ax, y: p.ay }, p.c!, { x: p.bx, y: p.by }, t);
      // The same parabola: y as a function of x on the original (x is monotone here).
      let lo = 0, hi = 1;
      for (let k = 0; k < 60; k++) {
        const m = (lo + hi) / 2;
        if (quad(a, c, b, m).x < q.x) lo = m;
        else hi = m;
      }
      expect(q.y).toBeCloseTo(quad(a, c, b, lo).y, 6);
    }
  });
});

describe('chain-graph canvas cost: RasterCost', () => {
  const link = (source: string, target: string, kind: ChainLink['kind']): ChainLink => ({ source, target, kind }) as ChainLink;
  const pos = new Map<string, Point>([
    ['a', { x: 0, y: 50 }],
    ['b', { x: 100, y: 50 }],
    ['c', { x: 10000, y: 50 }],
  ]);
  const big = { x0: -1e6, y0: -1e6, x1: 1e6, y1: 1e6 };

  it('counts a dashed link by its dashes on the bitmap, a solid one by its length, clipped to the bitmap', () => {
    const dashed: StaticGroup = { links: true, kind: 'alliance', dim: false, items: [link('a', 'b', 'alliance'), link('a', 'c', 'alliance')] };
    const cost = new RasterCost();
    // 100 graph units at 2 device px per unit, period 10 units = 20 px: 10 dashes.
    expect(cost.units(dashed, 0, pos, new Map(), 2, big)).toBeCloseTo(11, 9);
    expect(cost.units(dashed, 1, pos, new Map(), 2, big)).toBeCloseTo(1001, 9);
    // On a bitmap showing x in [0, 100] only about the first 100 units count.
    expect(cost.units(dashed, 1, pos, new Map(), 2, rect)).toBeLessThan(15);
    const solid: StaticGroup = { links: true, kind: 'supply', dim: false, items: [link('a', 'b', 'supply')] };
    expect(cost.units(solid, 0, pos, new Map(), 2, big)).toBeCloseTo(1 + 200 / 40, 9);
  });

  it('learns milliseconds per unit per kind, falling back on the average of the kinds learnt', () => {
    const cost = new RasterCost();
    const nodes: StaticGroup = { links: false, type: 'member', dim: false, items: [] };
    const dashed: StaticGroup = { links: true, kind: 'alliance', dim: false, items: [] };
    expect(cost.msPerUnit(nodes)).toBeUndefined();
    cost.learn(dashed, 1000, 10);
    expect(cost.msPerUnit(dashed)).toBeCloseTo(0.01, 9);
    expect(cost.msPerUnit(nodes), 'not learnt: the average').toBeCloseTo(0.01, 9);
    cost.learn(nodes, 100, 1);
    expect(cost.msPerUnit(nodes)).toBeCloseTo(0.01, 9);
  });
});
