// components/common/scales.ts stands in for d3-scale's scaleLinear/scaleBand and d3-shape's line in the growth chart
// (weight, issue 16): the same numbers and path strings as d3 for the domains, ranges and data the chart feeds them.
import { describe, expect, it } from 'vitest';
import { scaleBand, scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { ticks as d3ticks, tickIncrement as d3inc } from 'd3-array';
import { bandScale, linearScale, linePath, ticks, tickIncrement } from '../../../../src/components/common/scales.js';

const domains: [number, number][] = [
  [0, 1], [0, 0], [-3.7, 12.2], [0, 987654], [-0.0042, 0.0031], [12, -4], [5, 5], [-1e9, 3e8], [0, 0.1 + 0.2], [-17, 0],
];
const ranges: [number, number][] = [[0, 1], [300, 20], [12.5, 480.25], [0, 0]];

describe('linearScale = d3 scaleLinear', () => {
  it('maps, nices and ticks as d3 does', () => {
    for (const d of domains)
      for (const r of ranges)
        for (const count of [2, 3, 5, 7, 10]) {
          const a = scaleLinear().domain(d).range(r);
          const b = linearScale().domain(d).range(r);
          expect(b.domain()).toEqual(a.domain());
          expect(b.ticks(count)).toEqual(a.ticks(count));
          for (const v of [d[0], d[1], 0, 1, -2.5, 1234.5678, (d[0] + d[1]) / 3]) expect(b(v)).toBe(a(v));
          a.nice(count);
          b.nice(count);
          expect(b.domain()).toEqual(a.domain());
          expect(b.ticks(count)).toEqual(a.ticks(count));
          for (const t of a.ticks(count)) expect(b(t)).toBe(a(t));
        }
  });
  it('NaN and null map to undefined; nice() defaults to 10 ticks', () => {
    expect(linearScale()(NaN)).toBeUndefined();
    expect(linearScale()(null as unknown as number)).toBeUndefined();
    expect(linearScale().domain([0.13, 97.2]).nice().domain()).toEqual(scaleLinear().domain([0.13, 97.2]).nice().domain());
  });
});

describe('ticks / tickIncrement = d3-array', () => {
  it('same ticks and steps', () => {
    const ends = [0, 1, -1, 0.3, 7, -42.5, 1e-7, 3e12, 100, 99.999];
    for (const a of ends)
      for (const b of ends)
        for (const c of [0, 0.5, 1, 1.5, 2, 5, 10, 23]) {
          expect(ticks(a, b, c)).toEqual(d3ticks(a, b, c));
          if (a < b) expect(tickIncrement(a, b, c)).toBe(d3inc(a, b, c));
        }
  });
});

describe('bandScale = d3 scaleBand', () => {
  it('places bands as d3 does', () => {
    const keySets = [[], ['a'], ['a', 'b', 'c'], Array.from({ length: 40 }, (_, i) => `p${i}`), ['x', 'y', 'x']];
    for (const keys of keySets)
      for (const r of [[0, 1], [40, 612.5], [300, 10]] as [number, number][])
        for (const [pi, po] of [[0, 0], [0.1, 0], [0.2, 0.1], [1, 0.5], [0.35, 0.6]]) {
          const a = scaleBand<string>().domain(keys).range(r).paddingInner(pi).paddingOuter(po);
          const b = bandScale().domain(keys).range(r).paddingInner(pi).paddingOuter(po);
          expect(b.bandwidth()).toBe(a.bandwidth());
          expect(b.step()).toBe(a.step());
          for (const k of [...keys, 'missing']) expect(b(k)).toBe(a(k));
        }
  });
});

describe('linePath = d3 line().defined()', () => {
  it('draws the same path strings', () => {
    type P = { x: number; y: number } | null;
    const cases: P[][] = [
      [],
      [null, null],
      [{ x: 1, y: 2 }],
      [{ x: 1.23456, y: -0.00049 }, { x: 2.0005, y: 3 }, null, { x: 4, y: 5 }, null, null, { x: 6.1, y: 7.9 }, { x: 8, y: 9 }],
      [null, { x: 0.1 + 0.2, y: 1 / 3 }, { x: -1e-9, y: 123456.7891 }, null],
      [{ x: 1, y: 1 }, null, { x: 2, y: 2 }],
    ];
    for (const pts of cases) {
      const d3 = line<P>().defined((d) => d !== null).x((d) => d!.x).y((d) => d!.y)(pts);
      expect(linePath(pts, (d) => d !== null, (d) => d!.x, (d) => d!.y)).toBe(d3);
    }
  });
});
