import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseGeometry } from '../../../../src/components/grid-map/geometry.js';
import { parseMetrics, joinMetrics, styleView } from '../../../../src/components/grid-map/grid-map.model.js';
import { computeView, upView, neighbour, pageOf, search, viewLevel, ancestry, pick } from '../../../../src/components/grid-map/unit-view.js';
import { pointInPolygon } from '../../../../src/components/grid-map/geometry-planar.js';
import { summariseIssues } from '../../../../src/data/validate.js';

const load = (name: string) => JSON.parse(readFileSync(new URL(`../../../fixtures/grid-map/${name}`, import.meta.url), 'utf8'));
const geo = parseGeometry(load('small.geojson')).value!;
const idx = (code: string) => geo.byCode.get(code)!.index;

describe('parseMetrics', () => {
  it('reads the contract shape', () => {
    const { value, issues } = parseMetrics(load('metrics.json'));
    expect(issues).toEqual([]);
    expect(value!.metrics.map((m) => [m.key, m.unit, m.aggregate, m.illustrative])).toEqual([['households', '户', 'sum', true], ['points', '分', 'mean', true]]);
    expect(value!.rows[1]).toEqual({ code: '500118002007002', values: { households: 287, points: 7 }, illustrative: false, source: 'FACTS.md §1' });
  });

  it('reports non-numeric values and keeps the row', () => {
    const { value, issues } = parseMetrics(load('bad-metrics.json'));
    expect(issues.map((i) => [i.path, i.code])).toEqual([['rows[2].households', 'type']]);
    expect(value!.rows[2].values).toEqual({ points: 3 });
  });

  it('accepts a bare row array and infers metrics', () => {
    const { value } = parseMetrics([{ code: 1, a: 2 }, { code: '2', a: 3 }]);
    expect(value!.metrics.map((m) => m.key)).toEqual(['a']);
    expect(value!.rows.map((r) => r.code)).toEqual(['1', '2']);
  });

  it('a row marked illustrative: true makes the payload illustrative (the 示例数据 badge shows; H-audit2 s15)', () => {
    const metrics = [{ key: 'a', label: 'A' }];
    expect(parseMetrics({ metrics, rows: [{ code: '1', a: 1, illustrative: true }, { code: '2', a: 2 }] }).value!.illustrative).toBe(true);
    expect(parseMetrics({ metrics, rows: [{ code: '1', a: 1, illustrative: false }, { code: '2', a: 2 }] }).value!.illustrative).toBe(false);
  });

  it('rejects garbage without throwing', () => {
    expect(parseMetrics(42).value).toBeUndefined();
    expect(parseMetrics({ metrics: [] }).issues[0]).toMatchObject({ path: 'rows', code: 'required' });
  });
});

describe('joinMetrics', () => {
  it('joins, aggregates sums and means to parents', () => {
    const j = joinMetrics(geo, parseMetrics(load('metrics.json')).value!);
    expect(j.issues).toEqual([]);
    const hh = j.values.get('households')!;
    expect(hh.get(idx('500118002007'))).toBe(387);
    expect(hh.get(idx('500118002008'))).toBe(250);
    expect(hh.get(idx('500118002'))).toBe(637);
    const pts = j.values.get('points')!;
    expect(pts.get(idx('500118002007'))).toBe(8.5);
    expect(pts.get(idx('500118002'))).toBe(29 / 4); // mean over the leaves, not of the two community means
    expect(j.realRows.has(idx('500118002007002'))).toBe(true);
  });

  it('reports codes with no grid and grids without values, with counts', () => {
    const j = joinMetrics(geo, parseMetrics(load('bad-metrics.json')).value!);
    const s = summariseIssues(j.issues);
    expect(s.byCode).toEqual({ 'unknown-code': 1, 'missing-value': 3 });
    expect(j.issues.find((i) => i.code === 'unknown-code')!.path).toBe('rows[3].code');
    expect(j.issues.filter((i) => i.code === 'missing-value').map((i) => i.path).sort()).toEqual(
      ['features:500118002008001', 'features:500118002008002', 'features:500118002008002'],
    );
  });

  it('does not count units outside a scoped metric as missing', () => {
    const data = parseMetrics({
      metrics: [{ key: 'households' }, { key: 'points', scope: ['500118002007'] }],
      rows: [
        { code: '500118002007001', households: 1, points: 9 },
        { code: '500118002007002', households: 2 },
        { code: '500118002008001', households: 3 },
        { code: '500118002008002', households: 4 },
      ],
    });
    expect(data.issues).toEqual([]);
    expect(data.value!.metrics[1].scope).toEqual(['500118002007']);
    const j = joinMetrics(geo, data.value!);
    // 007002 lies in the scope and lacks points; the 008 grids are outside it.
    expect(j.issues.map((i) => [i.path, i.code])).toEqual([['features:500118002007002', 'missing-value']]);
    expect(parseMetrics({ metrics: [{ key: 'a', scope: 5 }], rows: [] }).issues[0]).toMatchObject({ path: 'metrics[0].scope', code: 'type' });
  });

  it('joins by another feature property', () => {
    const g = parseGeometry({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: 'a', level: 'grid', gb: 'X1' }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] } }] }).value!;
    const j = joinMetrics(g, parseMetrics({ metrics: [{ key: 'v' }], rows: [{ code: 'X1', v: 3 }] }).value!, 'gb');
    expect(j.values.get('v')!.get(0)).toBe(3);
  });
});

describe('view', () => {
  it('shows the chosen level inside the focus', () => {
    const names = (v: { shown: number[] }) => v.shown.map((i) => geo.features[i].code);
    expect(names(computeView(geo, 2, ''))).toEqual(['500118002007001', '500118002007002', '500118002008001', '500118002008002']);
    expect(names(computeView(geo, 0, ''))).toEqual(['500118002']);
    expect(names(computeView(geo, 1, '500118002'))).toEqual(['500118002007', '500118002008']);
    const v = computeView(geo, 0, '500118002007'); // a focus deeper than the level shows its children
    expect(v.rank).toBe(2);
    expect(names(v)).toEqual(['500118002007001', '500118002007002']);
    expect(v.bbox).toEqual([105.9, 29.36, 105.92, 29.37]);
  });

  it('goes up one step at a time to the top', () => {
    expect(upView(geo, 2, '500118002007')).toEqual({ rank: 1, focus: '500118002' });
    expect(upView(geo, 1, '500118002')).toEqual({ rank: 0, focus: '' });
    expect(upView(geo, 2, '')).toEqual({ rank: 1, focus: '' });
    expect(upView(geo, 0, '')).toBeUndefined();
    expect(ancestry(geo, '500118002007002').map((f) => f.name)).toEqual(['胜利路街道', '萱花路社区', '茶叶大厦小区网格']);
  });

  it('normalises level names', () => {
    expect(viewLevel('town')).toBe('street');
    expect(viewLevel('village')).toBe('community');
    expect(viewLevel('2')).toBe('grid');
    expect(viewLevel('bogus')).toBeUndefined();
  });

  it('colours shown units and counts the legend; no-data gets null, hidden classes transparent', () => {
    const j = joinMetrics(geo, parseMetrics(load('bad-metrics.json')).value!);
    const view = computeView(geo, 2, '');
    const s = styleView(view, j.values.get('households'), { kind: 'thresholds', breaks: [150] });
    expect(s.legend.entries.map((e) => e.count)).toEqual([1, 1]);
    expect(s.legend.noData).toBe(2);
    expect(s.colors.get(idx('500118002008001'))).toBeNull();
    expect(s.colors.get(idx('500118002007002'))).toBe(s.classifier.classes[1].color);
    const hidden = styleView(view, j.values.get('households'), { kind: 'thresholds', breaks: [150] }, new Set([1]));
    expect(hidden.colors.get(idx('500118002007002'))).toBe('transparent');
    expect(hidden.classes.get(idx('500118002007002'))).toBe(1);
  });
});

describe('keyboard, picking, table, search', () => {
  const shown = computeView(geo, 2, '').shown;
  it('moves between neighbouring grids with arrows', () => {
    const a = idx('500118002007001'); // north-west
    expect(neighbour(geo, shown, a, 'right')).toBe(idx('500118002007002'));
    expect(neighbour(geo, shown, a, 'down')).toBe(idx('500118002008001'));
    expect(neighbour(geo, shown, a, 'left')).toBe(-1);
    expect(neighbour(geo, shown, a, 'up')).toBe(-1);
  });

  it('picks the unit under a point', () => {
    const inside = (x: number, y: number, f: { geometry: Parameters<typeof pointInPolygon>[2] }) => pointInPolygon(x, y, f.geometry);
    expect(pick(geo, shown, 105.915, 29.365, inside)).toBe(idx('500118002007002'));
    expect(pick(geo, shown, 105.95, 29.365, inside)).toBe(-1);
  });

  it('pages rows', () => {
    const all = Array.from({ length: 50000 }, (_, i) => i);
    const p = pageOf(all, 3, 50);
    expect(p.rows).toHaveLength(50);
    expect(p.rows[0]).toBe(150);
    expect(p.pages).toBe(1000);
    expect(pageOf(all, 5000, 50).page).toBe(999);
    expect(pageOf([], 0, 50)).toEqual({ rows: [], page: 0, pages: 1, total: 0 });
  });

  it('searches by name and code', () => {
    expect(search(geo, '茶叶').map((f) => f.code)).toEqual(['500118002007002']);
    expect(search(geo, '500118002008').map((f) => f.code)[0]).toBe('500118002008');
    expect(search(geo, '萱花路').map((f) => f.code)).toEqual(['500118002007', '500118002007001']);
    expect(search(geo, '  ')).toEqual([]);
  });
});

describe('demo data join', () => {
  it('joins demo/data/grid-metrics.json to demo/data/grids.geojson without unknown codes', async () => {
    const { existsSync } = await import('node:fs');
    const g = new URL('../../../../demo/data/grids.geojson', import.meta.url);
    const m = new URL('../../../../demo/data/grid-metrics.json', import.meta.url);
    if (!existsSync(g) || !existsSync(m)) return;
    const geo = parseGeometry(JSON.parse(readFileSync(g, 'utf8'))).value!;
    const data = parseMetrics(JSON.parse(readFileSync(m, 'utf8')));
    expect(data.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const j = joinMetrics(geo, data.value!);
    expect(j.issues.filter((i) => i.code === 'unknown-code')).toEqual([]);
    const tea = geo.features.find((f) => f.name === '茶叶大厦小区网格')!;
    expect(j.values.get('households')!.get(tea.index)).toBe(287);
    expect(j.values.get('partyMembers')!.get(tea.index)).toBe(24);
    expect(j.realRows.has(tea.index)).toBe(true);
    const urban = computeView(geo, 2, '').shown.filter((i) => geo.features[i].code.startsWith('50011800'));
    expect(urban).toHaveLength(410);
  });
});
