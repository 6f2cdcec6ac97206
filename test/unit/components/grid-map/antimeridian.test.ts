import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { antimeridianCut, shiftWest, unwrapFeature, wrappedSpan, type LonSpan } from '../../../../src/components/grid-map/antimeridian.js';
import { parseGeometry } from '../../../../src/components/grid-map/geometry.js';
import { computeView } from '../../../../src/components/grid-map/unit-view.js';
import type { GridPolygon } from '../../../../src/components/grid-map/grid-map.types.js';

const square = (w: number, s: number, e: number, n: number): GridPolygon => ({ type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] });
const topo = () => JSON.parse(readFileSync(new URL('../../../fixtures/grid-map/us-counties.illustrative.topojson', import.meta.url), 'utf8'));

describe('antimeridianCut / wrappedSpan', () => {
  it('a set on one side of 180° is left alone (Chongqing, the contiguous US, a set across 0°)', () => {
    expect(antimeridianCut([[105.9, 105.92], [106, 106.5]])).toBe(undefined);
    expect(antimeridianCut([[-124, -67], [-160, -155]])).toBe(undefined);
    expect(antimeridianCut([[-5, 2], [3, 9]])).toBe(undefined);
    expect(wrappedSpan([[-124, -67], [-160, -155]])).toEqual([-160, -67]);
  });
  it('the Aleutians (+172…+180 and −180…−160) become one range east of 172°, not −180…180', () => {
    const spans: LonSpan[] = [[172.4, 179.8], [-179.8, -176], [-166.2, -160.2]];
    expect(antimeridianCut(spans)).toBe(172.4);
    const [w, e] = wrappedSpan(spans)!;
    expect(w).toBeCloseTo(172.4);
    expect(e).toBeCloseTo(199.8);
    expect(e - w).toBeLessThan(40); // the naive box spans 359.6°
  });
  it('Alaska with mainland: the widest empty stretch decides where the break goes', () => {
    const spans: LonSpan[] = [[172.4, 179.8], [-179.8, -129], [-141, -130]];
    expect(wrappedSpan(spans)).toEqual([172.4, 231]);
  });
  it('overlapping and unordered spans are merged first; empty input has no cut', () => {
    expect(antimeridianCut([[-170, -160], [175, 179], [-179, -165]])).toBe(175);
    expect(antimeridianCut([])).toBe(undefined);
    expect(wrappedSpan([])).toBe(undefined);
  });
});

describe('unwrapFeature / shiftWest', () => {
  it('a feature that itself crosses 180° gets its western vertices shifted (a copy)', () => {
    const g = square(179.5, 51, -179.5, 52);
    const u = unwrapFeature(g);
    expect(u).not.toBe(g);
    expect((u as { coordinates: number[][][] }).coordinates[0].map((p) => p[0])).toEqual([179.5, 180.5, 180.5, 179.5, 179.5]);
    expect((g as { coordinates: number[][][] }).coordinates[0][1][0]).toBe(-179.5); // input untouched
    const plain = square(10, 0, 11, 1);
    expect(unwrapFeature(plain)).toBe(plain);
  });
  it('shiftWest moves longitudes below the cut by +360 and keeps latitudes', () => {
    const g = square(-170, 50, -160, 55);
    expect((shiftWest(g, 172) as { coordinates: number[][][] }).coordinates[0][2]).toEqual([200, 55]);
    const east = square(173, 50, 175, 51);
    expect(shiftWest(east, 172)).toBe(east);
  });
});

describe('parseGeometry across the antimeridian (us-atlas-like TopoJSON, codes in feature.id)', () => {
  it('the fitted bounds stay near 180°, not the whole globe', () => {
    const { value } = parseGeometry(topo(), { fields: { code: 'id' } });
    const [w, , e] = value!.bbox;
    expect(e - w).toBeLessThan(40);
    expect(w).toBeCloseTo(172.4);
    expect(e).toBeCloseTo(206.7);
    const view = computeView(value!, 2, '');
    expect(view.bbox[2] - view.bbox[0]).toBeLessThan(40);
    // Aleutians West (both sides of 180°) is one piece east of 172°; its label point too.
    const aw = value!.byCode.get('02016')!;
    expect(aw.bbox[0]).toBeCloseTo(172.4);
    expect(aw.bbox[2]).toBeCloseTo(184);
    expect(aw.labelPoint[0]).toBeGreaterThan(172);
  });
});
