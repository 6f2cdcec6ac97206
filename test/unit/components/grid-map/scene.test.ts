// The pure scene builder of <civic-grid-map> (src/components/grid-map/scene.ts), in Node.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseGeometry } from '../../../../src/components/grid-map/geometry.js';
import { joinMetrics, parseMetrics, styleView } from '../../../../src/components/grid-map/grid-map.model.js';
import { computeView } from '../../../../src/components/grid-map/unit-view.js';
import { buildScene, diffScene, emphasisSet, pointColor, sceneKeys, sceneLabels, type SceneInput } from '../../../../src/components/grid-map/scene.js';

const load = (name: string) => JSON.parse(readFileSync(new URL(`../../../fixtures/grid-map/${name}`, import.meta.url), 'utf8'));
const geo = parseGeometry(load('small.geojson')).value!;
const joined = joinMetrics(geo, parseMetrics(load('metrics.json')).value!);
const idx = (code: string) => geo.byCode.get(code)!.index;
const COLORS = { background: '#fff', outline: '#fff', parentOutline: '#000', noData: '#eee', selected: '#00f', text: '#000', halo: '#fff' };
const spec = { kind: 'thresholds' as const, breaks: [250], colors: ['#00aa00', '#aa0000'] };

function input(over: Partial<SceneInput> = {}): SceneInput {
  const view = computeView(geo, 2, '');
  return {
    geo,
    view,
    styling: styleView(view, joined.values.get('households'), spec),
    emphasis: null,
    selected: '',
    hovered: -1,
    points: [],
    lang: 'zh-CN',
    kindColors: ['#111', '#222', '#333', '#444'],
    colors: COLORS,
    font: 'serif',
    labelSize: 10,
    ...over,
  };
}

describe('buildScene', () => {
  it('draws the view: shown units filled by class, selection by code, the view box', () => {
    const s = buildScene(input({ selected: '500118002007002', hovered: idx('500118002008001') }));
    expect(s.shown.map((i) => geo.features[i].code).sort()).toEqual(['500118002007001', '500118002007002', '500118002008001', '500118002008002']);
    expect(s.fill.get(idx('500118002007002'))).toBe('#aa0000'); // 287 ≥ 250
    expect(s.fill.get(idx('500118002007001'))).toBe('#00aa00'); // 100
    expect(s.selected).toBe(idx('500118002007002'));
    expect(s.hovered).toBe(idx('500118002008001'));
    expect(s.emphasis).toBe(null);
    expect(s.bbox).toEqual(computeView(geo, 2, '').bbox);
    expect(s.font).toBe('serif');
    expect(buildScene(input({ selected: 'no-such-code' })).selected).toBe(-1);
  });

  it('emphasises one legend class, or the no-data units', () => {
    const st = input().styling;
    expect([...emphasisSet(st, 1)!].map((i) => geo.features[i].code)).toEqual(['500118002007002']);
    expect(emphasisSet(st, 0)!.size).toBe(3);
    expect(emphasisSet(st, 'none')!.size).toBe(0);
    expect(emphasisSet(st, null)).toBe(null);
    expect(buildScene(input({ emphasis: 1 })).emphasis!.has(idx('500118002007002'))).toBe(true);
  });

  it('labels the parents at grid level, the units themselves above it, smaller inside a focused community', () => {
    const grids = sceneLabels(geo, computeView(geo, 2, ''), 10);
    expect(grids.map((l) => l.text).sort()).toEqual(['测试社区', '萱花路社区'].sort());
    const streets = sceneLabels(geo, computeView(geo, 0, ''), 10);
    expect(streets.every((l) => l.size === 10 && l.weight === 600)).toBe(true);
    const inCommunity = sceneLabels(geo, computeView(geo, 2, '500118002008'), 10);
    expect(inCommunity.length).toBe(2);
    expect(inCommunity[0].size).toBeCloseTo(8.5);
  });

  it('colours points by kind and names them in the page language', () => {
    const pts = [
      { id: 'a', name: '公园', nameEn: 'Park', kind: 'park', at: [1, 2] as [number, number], illustrative: false },
      { id: 'b', name: '站', kind: 'other', at: [3, 4] as [number, number], illustrative: false },
    ];
    const s = buildScene(input({ points: pts, lang: 'en' }));
    expect(s.points).toEqual([
      { at: [1, 2], name: 'Park', color: '#111' },
      { at: [3, 4], name: '站', color: '#444' },
    ]);
    expect(pointColor('service-station', ['a', 'b', 'c', 'd'])).toBe('c');
  });
});

describe('diffScene', () => {
  it('redraws only what changed (the highlight always)', () => {
    const a = input();
    const k = sceneKeys(a);
    expect(diffScene(k, sceneKeys(a))).toEqual({ geometry: false, view: false, fill: false, highlight: true });
    expect(diffScene(k, sceneKeys({ ...a, emphasis: 0 }))).toEqual({ geometry: false, view: false, fill: true, highlight: true });
    expect(diffScene(k, sceneKeys({ ...a, view: computeView(geo, 1, '') }))).toMatchObject({ view: true, geometry: false });
    expect(diffScene({}, k)).toEqual({ geometry: true, view: true, fill: true, highlight: true });
    expect(diffScene(k, k, true)).toEqual({ geometry: true, view: true, fill: true, highlight: true });
  });
});
