import { describe, expect, it } from 'vitest';
import { kinks } from '@turf/kinks';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { countKinks } from '../../../../src/components/grid-map/geometry-planar.js';

function prng(seed: number) {
  return () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 4294967296);
}

describe('countKinks', () => {
  it('counts what turf kinks reports, on random rings, holes and multipolygons', () => {
    const rnd = prng(7);
    const ring = (n: number, grid: boolean): Position[] => {
      // Snapped to a coarse grid half of the time: shared vertices and collinear edges, the cases that bite.
      const pts: Position[] = [];
      for (let i = 0; i < n; i++) pts.push(grid ? [Math.round(rnd() * 6), Math.round(rnd() * 6)] : [rnd() * 10, rnd() * 10]);
      return [...pts, pts[0]];
    };
    let crossing = 0, clean = 0;
    for (let t = 0; t < 600; t++) {
      const grid = t % 2 === 0;
      const g: Polygon | MultiPolygon =
        t % 3 === 0
          ? { type: 'MultiPolygon', coordinates: [[ring(3 + (t % 5), grid)], [ring(4, grid), ring(3, grid)]] }
          : { type: 'Polygon', coordinates: t % 3 === 1 ? [ring(3 + (t % 7), grid)] : [ring(5, grid), ring(3, grid)] };
      const want = kinks(g).features.length;
      expect(countKinks(g as never), JSON.stringify(g)).toBe(want);
      if (want) crossing++;
      else clean++;
    }
    expect(crossing).toBeGreaterThan(50);
    expect(clean).toBeGreaterThan(20);
  });

  it('finds nothing in a hexagon and the crossing of a bow-tie', () => {
    const hex: Position[] = [];
    for (let k = 0; k < 6; k++) hex.push([Math.cos((k * Math.PI) / 3), Math.sin((k * Math.PI) / 3)]);
    hex.push(hex[0]);
    expect(countKinks({ type: 'Polygon', coordinates: [hex] })).toBe(0);
    const bow = { type: 'Polygon' as const, coordinates: [[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]] };
    expect(countKinks(bow)).toBe(kinks(bow).features.length);
    expect(countKinks(bow)).toBeGreaterThan(0);
  });
});
