import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseGeometry, levelFromCode, parentFromCode } from '../../../../src/components/grid-map/geometry.js';
import { interiorPoint, pointInPolygon, ringArea } from '../../../../src/components/grid-map/geometry-planar.js';
import { dissolveGeometries, parseGeometryWithParents } from '../../../../src/components/grid-map/geometry-dissolve.js';
import { summariseIssues } from '../../../../src/data/validate.js';
import { rewind } from '@turf/rewind';

const load = (name: string) => JSON.parse(readFileSync(new URL(`../../../fixtures/grid-map/${name}`, import.meta.url), 'utf8'));

describe('parseGeometry', () => {
  it('reads a FeatureCollection with its hierarchy', () => {
    const { value, issues } = parseGeometry(load('small.geojson'));
    expect(issues).toEqual([]);
    expect(value!.features).toHaveLength(7);
    expect(value!.children.get('')!.map((i) => value!.features[i].code)).toEqual(['500118002']);
    expect(value!.children.get('500118002')!.map((i) => value!.features[i].code)).toEqual(['500118002007', '500118002008']);
    expect(value!.children.get('500118002007')!.map((i) => value!.features[i].name)).toEqual(['萱花路社区第1网格', '茶叶大厦小区网格']);
    expect(value!.byCode.get('500118002007002')!.rank).toBe(2);
    expect(value!.illustrative).toBe(true);
    expect(value!.bbox).toEqual([105.9, 29.35, 105.92, 29.37]);
  });

  it('reads TopoJSON to the same units', () => {
    const topo = parseGeometry(load('small.topojson'));
    const geo = parseGeometry(load('small.geojson'));
    expect(topo.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(topo.value!.features.map((f) => f.code).sort()).toEqual(geo.value!.features.map((f) => f.code).sort());
    const a = topo.value!.byCode.get('500118002008002')!.bbox;
    const b = geo.value!.byCode.get('500118002008002')!.bbox;
    a.forEach((v, i) => expect(v).toBeCloseTo(b[i], 3));
  });

  it('maps other field names', () => {
    const raw = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { GBCODE: 500118002007001, MC: '甲', JB: 'grid', SJ: '500118002007' }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] } }] };
    const { value, issues } = parseGeometry(raw, { fields: { code: 'GBCODE', name: 'MC', level: 'JB', parent: 'SJ' } });
    expect(issues).toEqual([]);
    expect(value!.features[0]).toMatchObject({ code: '500118002007001', name: '甲', level: 'grid', parent: '500118002007' });
  });

  it('reports every kind of bad geometry with counts and examples, and keeps the rest', () => {
    const { value, issues } = parseGeometry(load('bad-geometry.geojson'));
    const s = summariseIssues(issues);
    expect(s.byCode).toEqual({ winding: 1, 'unclosed-ring': 1, 'null-geometry': 1, 'self-intersection': 1, 'ring-too-short': 1, duplicate: 1, required: 1 });
    expect(issues.find((i) => i.code === 'winding')!.severity).toBe('warning');
    expect(issues.find((i) => i.code === 'null-geometry')!.path).toBe('features[7].geometry');
    // drawn: 3 parents + 4 grids (rewound, closed) + the bow-tie
    expect(value!.features.map((f) => f.code).sort()).toEqual(
      ['500118002', '500118002007', '500118002007001', '500118002007002', '500118002008', '500118002008001', '500118002008002', '500118002008004'].sort(),
    );
    const rewound = value!.byCode.get('500118002007001')!.geometry;
    expect(rewound.type === 'Polygon' && ringArea(rewound.coordinates[0])).toBeGreaterThan(0);
    const closed = value!.byCode.get('500118002007002')!.geometry;
    const ring = closed.type === 'Polygon' ? closed.coordinates[0] : [];
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    expect(value!.byCode.get('500118002007001')!.name).toBe('萱花路社区第1网格'); // not the duplicate
  });

  it('rejects non-geojson input without throwing', () => {
    expect(parseGeometry('nope').value).toBeUndefined();
    expect(parseGeometry({ type: 'Point' }).issues[0].code).toBe('type');
    expect(parseGeometry(null).issues[0].code).toBe('type');
  });

  it('leaves missing parents to geometry-dissolve (the first picture does not wait for turf union)', () => {
    const { value, issues } = parseGeometry(load('grids-only.geojson'));
    expect(issues).toEqual([]);
    expect(value!.byCode.has('500118002007')).toBe(false);
    expect(value!.features.every((f) => !f.dissolved)).toBe(true);
  });

  it('dissolves missing parents once, two levels up', () => {
    const { value, issues } = parseGeometryWithParents(load('grids-only.geojson'));
    expect(issues).toEqual([]);
    const c1 = value!.byCode.get('500118002007')!;
    expect(c1.dissolved).toBe(true);
    expect(c1.level).toBe('community');
    expect(c1.bbox).toEqual([105.9, 29.36, 105.92, 29.37]);
    const street = value!.byCode.get('500118002')!;
    expect(street.level).toBe('street');
    expect(street.bbox).toEqual([105.9, 29.35, 105.92, 29.37]);
    expect(value!.children.get('')).toEqual([street.index]);
    // the dissolved community is a single polygon covering both squares: its interior shared edge is gone
    expect(c1.geometry.type).toBe('Polygon');
    expect(pointInPolygon(105.91, 29.365, c1.geometry)).toBe(true);
  });

  it('converts GCJ-02 input to WGS84 for display', () => {
    const raw = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: '1', level: 'grid' }, geometry: { type: 'Polygon', coordinates: [[[116.40, 39.91], [116.41, 39.91], [116.41, 39.92], [116.40, 39.91]]] } }] };
    const { value } = parseGeometry(raw, { crs: 'gcj02', displayCrs: 'wgs84' });
    const b = value!.features[0].bbox;
    // GCJ-02 is ~0.006° east and ~0.0013° north of WGS84 around Beijing: converted coordinates move west/south.
    expect(b[0]).toBeLessThan(116.40 - 0.004);
    expect(b[1]).toBeLessThan(39.91 - 0.0005);
  });
});

describe('helpers', () => {
  it('infers levels and parents from hierarchical codes', () => {
    expect(levelFromCode('500118002')).toBe('street');
    expect(levelFromCode('500118002007')).toBe('community');
    expect(levelFromCode('500118002007001')).toBe('grid');
    expect(levelFromCode('abc')).toBeUndefined();
    expect(parentFromCode('500118002007001')).toBe('500118002007');
    expect(parentFromCode('500118002007')).toBe('500118002');
    expect(parentFromCode('500118002')).toBeUndefined();
  });

  it('finds an interior point for a concave (U-shaped) polygon', () => {
    const u = { type: 'Polygon' as const, coordinates: [[[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0]]] };
    const p = interiorPoint(u);
    expect(pointInPolygon(p[0], p[1], u)).toBe(true);
  });

  it('respects holes in point-in-polygon', () => {
    const g = { type: 'Polygon' as const, coordinates: [[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]], [[1, 1], [1, 3], [3, 3], [3, 1], [1, 1]]] };
    expect(pointInPolygon(2, 2, g)).toBe(false);
    expect(pointInPolygon(0.5, 0.5, g)).toBe(true);
  });

  it('rewinds rings as turf rewind does (exterior counter-clockwise, holes clockwise)', () => {
    const ring = (x: number, y: number, s: number, ccw: boolean) => {
      const r = [[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]];
      return ccw ? r : r.reverse();
    };
    const cases = [
      { type: 'Polygon' as const, coordinates: [ring(0, 0, 4, false), ring(1, 1, 1, true)] },
      { type: 'Polygon' as const, coordinates: [ring(0, 0, 4, true), ring(1, 1, 1, true), ring(2.5, 2.5, 1, false)] },
      { type: 'MultiPolygon' as const, coordinates: [[ring(0, 0, 4, false)], [ring(10, 0, 4, true), ring(11, 1, 1, true)]] },
    ];
    for (const geometry of cases) {
      const fc = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: 'a', level: 'grid' }, geometry: structuredClone(geometry) }] };
      const { value, issues } = parseGeometry(fc);
      expect(issues.map((i) => i.code)).toEqual(['winding']);
      expect(value!.features[0].geometry).toEqual(rewind(structuredClone(geometry)));
    }
  });

  it('dissolves adjacent squares into one polygon', () => {
    const sq = (x: number) => ({ type: 'Polygon' as const, coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] });
    const g = dissolveGeometries([sq(0), sq(1), sq(2)])!;
    expect(g.type).toBe('Polygon');
    expect(Math.abs(ringArea((g as { coordinates: number[][][] }).coordinates[0]))).toBeCloseTo(3, 9);
  });
});

describe('demo data (demo/data/grids.geojson, generated by another helper)', () => {
  it('parses without errors and keeps the hierarchy', async () => {
    const { existsSync } = await import('node:fs');
    const url = new URL('../../../../demo/data/grids.geojson', import.meta.url);
    if (!existsSync(url)) return;
    const { value, issues } = parseGeometry(JSON.parse(readFileSync(url, 'utf8')));
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(value!.features.some((f) => f.dissolved)).toBe(false); // parents are in the file; a street's parent (the district) is not dissolved
    const xuanhua = value!.byCode.get('500118002007')!;
    expect(xuanhua.name).toBe('萱花路社区');
    expect(value!.children.get('500118002007')!.map((i) => value!.features[i].name)).toContain('茶叶大厦小区网格');
  });
});

// Issue 11: us-atlas TopoJSON keeps county codes in feature.id, not in properties.
describe('code-field "id": the GeoJSON / TopoJSON feature id', () => {
  const topo = () => JSON.parse(readFileSync(new URL('../../../fixtures/grid-map/us-counties.illustrative.topojson', import.meta.url), 'utf8'));
  it('reads codes from feature.id (string ids keep their leading zeros; numeric ids become strings as given)', () => {
    const { value, issues } = parseGeometry(topo(), { fields: { code: 'id' } });
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(value!.features.map((f) => f.code)).toEqual(['02016', '02013', '02060', '2164']);
    expect(value!.byCode.get('02013')!.name).toBe('Aleutians East');
  });
  it('without code-field="id" every feature is rejected, as issue 11 saw (codes are not in properties)', () => {
    const { value, issues } = parseGeometry(topo());
    expect(value?.features.length ?? 0).toBe(0);
    expect(issues.some((i) => i.path === 'features[0].properties.code')).toBe(true);
  });
  it('a feature without an id falls back to properties.id; a missing id is reported at features[i].properties.id', () => {
    const fc = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', id: 'A1', properties: { name: 'a' }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] } },
        { type: 'Feature', properties: { id: 7, name: 'b' }, geometry: { type: 'Polygon', coordinates: [[[2, 0], [3, 0], [3, 1], [2, 1], [2, 0]]] } },
        { type: 'Feature', properties: { name: 'c' }, geometry: { type: 'Polygon', coordinates: [[[4, 0], [5, 0], [5, 1], [4, 1], [4, 0]]] } },
      ],
    };
    const { value, issues } = parseGeometry(fc, { fields: { code: 'id' } });
    expect(value!.features.map((f) => f.code)).toEqual(['A1', '7']);
    expect(issues.some((i) => i.path === 'features[2].properties.id' && i.severity === 'error')).toBe(true);
  });
  it('dotted paths read nested properties when no property has that exact name', () => {
    const fc = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { meta: { code: '500118002' }, 'a.b': 'x', name: 'n' }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] } }],
    };
    expect(parseGeometry(fc, { fields: { code: 'meta.code' } }).value!.features[0].code).toBe('500118002');
    expect(parseGeometry(fc, { fields: { code: 'a.b' } }).value!.features[0].code).toBe('x');
  });
});
