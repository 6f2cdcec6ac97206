// The tile set's unit index: written by scripts/lib/tiles-index.mjs (the tile generator), read by
// src/components/grid-map/tiles-index.ts; search / neighbour / ancestry of the in-memory model work on it.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
// @ts-expect-error — a plain .mjs build script without types
import { buildTilesIndex, labelPoint } from '../../../../scripts/lib/tiles-index.mjs';
import { defaultIndexUrl, parseTilesIndex } from '../../../../src/components/grid-map/tiles-index.js';
import { parseGeometry } from '../../../../src/components/grid-map/geometry.js';
import { ancestry, neighbour, search } from '../../../../src/components/grid-map/unit-view.js';

const load = (name: string) => JSON.parse(readFileSync(new URL(`../../../fixtures/grid-map/${name}`, import.meta.url), 'utf8'));
const SMALL = load('small.geojson');

describe('tiles index writer → reader', () => {
  const written = buildTilesIndex(SMALL);
  const idx = parseTilesIndex(JSON.parse(JSON.stringify(written))).value!;

  it('keeps code, name, level, parent, box and a label point inside each unit', () => {
    expect(idx.features.map((u) => [u.code, u.rank, u.parent])).toEqual([
      ['500118002', 0, null],
      ['500118002007', 1, '500118002'],
      ['500118002008', 1, '500118002'],
      ['500118002007001', 2, '500118002007'],
      ['500118002007002', 2, '500118002007'],
      ['500118002008001', 2, '500118002008'],
      ['500118002008002', 2, '500118002008'],
    ]);
    const geo = parseGeometry(SMALL).value!;
    for (const u of idx.features) {
      const f = geo.byCode.get(u.code)!;
      expect(u.name).toBe(f.name);
      for (let k = 0; k < 4; k++) expect(u.bbox[k]).toBeCloseTo(f.bbox[k], 5);
      const [x, y] = u.labelPoint;
      expect(x >= u.bbox[0] && x <= u.bbox[2] && y >= u.bbox[1] && y <= u.bbox[3], u.code).toBe(true);
    }
    expect(idx.children.get('500118002007')!.map((i) => idx.features[i].code)).toEqual(['500118002007001', '500118002007002']);
    expect(idx.illustrative).toBe(true);
  });

  it('lists same-level neighbours (shared boundary points), and arrow keys move between them', () => {
    const nb = (code: string) => idx.byCode.get(code)!.neighbours.map((i) => idx.features[i].code).sort();
    // The four grids of the fixture tile a 2 × 2 block: each touches the other three (edges or a corner).
    expect(nb('500118002007001')).toEqual(['500118002007002', '500118002008001', '500118002008002']);
    expect(nb('500118002007')).toEqual(['500118002008']);
    expect(nb('500118002')).toEqual([]);
    const from = idx.byCode.get('500118002007001')!;
    const geo = parseGeometry(SMALL).value!;
    // The same answer as the in-memory map's arrow keys over the shown grids.
    for (const dir of ['left', 'right', 'up', 'down'] as const) {
      const viaIndex = neighbour(idx, from.neighbours, from.index, dir);
      const shown = [...geo.features].filter((f) => f.rank === 2).map((f) => f.index);
      const inMemory = neighbour(geo, shown, geo.byCode.get(from.code)!.index, dir);
      expect(viaIndex >= 0 ? idx.features[viaIndex].code : null, dir).toBe(inMemory >= 0 ? geo.features[inMemory].code : null);
    }
  });

  it('searches by name and code and walks the ancestry like the geometry does', () => {
    const geo = parseGeometry(SMALL).value!;
    for (const q of ['测试', '500118002007002', '网格', '萱花'])
      expect(search(idx, q, 8).map((u) => u.code), q).toEqual(search(geo, q, 8).map((f) => f.code));
    expect(ancestry(idx, '500118002008002').map((u) => u.name)).toEqual(['胜利路街道', '测试社区', '测试社区第2网格']);
  });

  it('puts a label point inside a concave unit and outside its hole', () => {
    const u = { type: 'Polygon', coordinates: [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]], [[3, 3], [7, 3], [7, 7], [3, 7], [3, 3]]] };
    const [x, y] = labelPoint(u);
    expect(x >= 3 && x <= 7 && y >= 3 && y <= 7).toBe(false);
    expect(x > 0 && x < 10 && y > 0 && y < 10).toBe(true);
  });

  it('reads garbage without throwing and skips bad units with a warning', () => {
    expect(parseTilesIndex(42).value).toBeUndefined();
    expect(parseTilesIndex({ version: 2, code: [] }).value).toBeUndefined();
    const r = parseTilesIndex({ version: 1, code: ['a', 'a', 'b'], name: ['A', 'A2', 'B'], rank: [0, 0, 7], parent: [-1, -1, 0], bbox: [0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1], label: [], neighbours: [[5], [], []] });
    expect(r.value!.features.map((u) => u.code)).toEqual(['a']);
    expect(r.value!.features[0].labelPoint).toEqual([0.5, 0.5]);
    expect(r.value!.features[0].neighbours).toEqual([]);
    expect(r.issues.map((i) => [i.path, i.severity])).toEqual([['code[1]', 'warning'], ['code[2]', 'warning']]);
  });

  it('is found beside the generator’s tiles by default', () => {
    const base = 'https://x.test/app/';
    expect(defaultIndexUrl('/data/tiles/{z}/{x}/{y}.pbf', base)).toBe('https://x.test/data/tiles-index.json');
    expect(defaultIndexUrl('data/tiles.json', base)).toBe('https://x.test/app/data/tiles-index.json');
    expect(defaultIndexUrl('pmtiles:///data/grids.pmtiles', base)).toBe('https://x.test/data/tiles-index.json');
    expect(defaultIndexUrl('', base)).toBeUndefined();
  });
});
