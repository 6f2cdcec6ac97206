/**
 * A3 (session 18), hard edges that hold on main: what a statistician or an operator with real data would try first.
 * Growth chart: NBS rounding, gaps (never zeros) for a missing first quarter, 万元 → 亿元 conversion, a rate against
 * 0 or a negative base. Grid map: value 0 against no value, numeric and duplicate codes, rings. Chain graph: bad
 * links reported with their paths, the rest drawn.
 */
import { describe, expect, it } from 'vitest';
import { buildGrowthModel, parseGrowthData, yoyRate } from '../../src/components/growth-chart/growth-chart.model.js';
import type { GrowthModel } from '../../src/components/growth-chart/growth-chart.model.js';
import { parseGeometry } from '../../src/components/grid-map/geometry.js';
import { joinMetrics, parseMetrics, styleView } from '../../src/components/grid-map/grid-map.model.js';
import { computeView } from '../../src/components/grid-map/unit-view.js';
import { GridViewModel, memoryUnits } from '../../src/components/grid-map/view-model.js';
import { gridMapTerms } from '../../src/components/grid-map/grid-map.i18n.js';
import { parseChainData } from '../../src/components/chain-graph/chain-graph.model.js';

const gdp = (unit: string, points: unknown[]) => ({ series: [{ id: 'gdp', name: '地区生产总值', nameEn: 'GDP', unit, basis: 'cumulative', points }] });
const model = (raw: unknown, basis?: 'single'): GrowthModel =>
  buildGrowthModel(parseGrowthData(raw).value!.series, { kind: 'value-growth', width: 640, height: 320, lang: 'zh-CN', ...(basis ? { basis } : {}) });
const at = (m: GrowthModel, key: string) => m.categories.find((c) => c.key === key)!.tooltip.rows[0].text;

describe('growth chart', () => {
  it('published rates round half away from zero to one decimal (NBS): -2.35 → -2.4 %, 4.25 → +4.3 %, 1.15 → +1.2 %', () => {
    const m = model(gdp('亿元', [
      { period: '2022-01/2022-03', value: 1, growth: -2.35 },
      { period: '2022-01/2022-06', value: 2, growth: 4.25 },
      { period: '2022-01/2022-09', value: 3, growth: 1.15 },
    ]));
    expect(at(m, '2022-01/2022-03')).toBe('地区生产总值：1亿元，-2.4%');
    expect(at(m, '2022-01/2022-06')).toBe('地区生产总值：2亿元，+4.3%');
    expect(at(m, '2022-01/2022-09')).toBe('地区生产总值：3亿元，+1.2%');
  });

  it('a year without its 1—3月: an empty slot on the axis, and in basis="single" Q1 and Q2 are gaps, never zeros', () => {
    const raw = gdp('亿元', [
      { period: '2021-01/2021-09', value: 812.3 },
      { period: '2021-01/2021-12', value: 1107.5 },
      { period: '2022-01/2022-06', value: 545 },
      { period: '2022-01/2022-09', value: 860.9 },
    ]);
    const m = model(raw);
    expect(m.categories.map((c) => c.key)).toContain('2022-01/2022-03');
    expect(at(m, '2022-01/2022-03')).toBe('地区生产总值：—，—');
    const s = model(raw, 'single');
    expect(at(s, '2022Q2')).toBe('地区生产总值：—，—'); // 1—6月 − (missing 1—3月)
    expect(at(s, '2022Q3')).toContain('315.9亿元'); // 860.9 − 545
    expect(at(s, '2021Q4')).toContain('295.2亿元'); // 1107.5 − 812.3
  });

  it('a point in 万元 in a 亿元 series is converted exactly (8609000万元 = 860.9亿元), with a warning that names it', () => {
    const r = parseGrowthData(gdp('亿元', [{ period: '2022-01/2022-09', value: 8609000, unit: '万元', growth: 4.3 }]));
    expect(r.value!.series[0].points[0].value).toBe(860.9);
    expect(r.issues).toEqual([expect.objectContaining({ path: 'series[0].points[0].unit', code: 'unit-converted', severity: 'warning' })]);
  });

  it('no rate from a base of 0 or a negative base: a gap, not Infinity or a sign-flipped rate', () => {
    expect(yoyRate(10, 0)).toBeNull();
    expect(yoyRate(10, -5)).toBeNull();
    const m = model(gdp('亿元', [
      { period: '2021-01/2021-03', value: 0 },
      { period: '2021-01/2021-06', value: -5 },
      { period: '2022-01/2022-03', value: 12 },
      { period: '2022-01/2022-06', value: 3 },
    ]));
    expect(at(m, '2022-01/2022-03')).toBe('地区生产总值：12亿元，—');
    expect(at(m, '2022-01/2022-06')).toBe('地区生产总值：3亿元，—');
  });

  it('a second row for the same period (a revision in the same payload) is reported with both paths; the first is drawn', () => {
    const r = parseGrowthData(gdp('亿元', [
      { period: '2022-01/2022-03', value: 260 },
      { period: '2022-01/2022-06', value: 545 },
      { period: '2022-01/2022-03', value: 262.8 },
    ]));
    expect(r.issues).toEqual([expect.objectContaining({ path: 'series[0].points[2].period', code: 'duplicate' })]);
    expect(r.issues[0].message).toContain('series[0].points[0]');
    expect(r.value!.series[0].points.map((p) => p.value)).toEqual([260, 545]);
  });

  it('Chinese period labels are not guessed: "2024年1-3月" and "一季度" are reported at their path', () => {
    const r = parseGrowthData(gdp('亿元', [{ period: '2024年1-3月', value: 1 }, { period: '一季度', value: 1 }, { period: '2024-01/2024-06', value: 2 }]));
    expect(r.issues.map((i) => [i.path, i.code])).toEqual([
      ['series[0].points[0].period', 'period'],
      ['series[0].points[1].period', 'period'],
    ]);
    expect(r.value!.series[0].points).toHaveLength(1);
  });
});

describe('grid map', () => {
  const sq = (x: number) => [[x, 0], [x + 0.01, 0], [x + 0.01, 0.01], [x, 0.01], [x, 0]];
  const feature = (code: unknown, ring: number[][]) => ({ type: 'Feature', properties: { code, name: `网格${String(code).slice(-3)}`, level: 'grid' }, geometry: { type: 'Polygon', coordinates: [ring] } });
  const geoRaw = {
    type: 'FeatureCollection',
    features: [
      feature('500118002007001', sq(0)),
      feature('500118002007002', sq(0.01).slice().reverse()), // clockwise exterior
      feature(500118002007003, sq(0.02)), // a numeric code
      feature('500118002007004', sq(0.03)),
      feature('500118002007001', sq(0.04)), // duplicate
      feature('500118002007005', [[0.05, 0], [0.06, 0.01], [0.06, 0], [0.05, 0.01], [0.05, 0]]), // bow tie
    ],
  };
  const g = parseGeometry(geoRaw);
  const geo = g.value!;
  const data = parseMetrics({
    metrics: [{ key: 'households', label: '户数', unit: '户' }],
    rows: [
      { code: '500118002007001', households: 0 },
      { code: 500118002007002, households: 120 },
      { code: '500118002007003', households: 287 },
      { code: '500118002007005', households: null },
      { code: '500118002007001', households: 99 },
      { code: '500118999', households: 5 },
    ],
  });
  const joined = joinMetrics(geo, data.value!);
  const view = computeView(geo, 2, '');
  const st = styleView(view, joined.values.get('households'), { kind: 'thresholds', breaks: [100, 200] });
  const vm = new GridViewModel({ lang: 'zh-CN', terms: gridMapTerms['zh-CN'], metric: data.value!.metrics[0], classifier: st.classifier, legend: st.legend, hidden: new Set(), units: memoryUnits(geo, view.shown, joined, 'households') });

  it('geometry: duplicate code dropped, clockwise ring rewound (warning), self-intersection reported and drawn, numeric code kept as its digits', () => {
    expect(g.issues.map((i) => [i.path, i.code, i.severity])).toEqual([
      ['features[1].geometry', 'winding', 'warning'],
      ['features[4].properties.code', 'duplicate', 'error'],
      ['features[5].geometry', 'self-intersection', 'error'],
    ]);
    expect(geo.features.map((f) => f.code)).toEqual(['500118002007001', '500118002007002', '500118002007003', '500118002007004', '500118002007005']);
  });

  it('metrics: duplicate row and unknown code reported; a numeric code joins its string twin', () => {
    expect(data.issues.map((i) => [i.path, i.code])).toEqual([['rows[4].code', 'duplicate']]);
    // (the unknown code's path after a skipped row: /work/notes/s18/a3/07-grid-unknown-code-path.patch)
    expect(joined.issues.filter((i) => i.severity === 'error').map((i) => [i.code, i.message])).toEqual([['unknown-code', 'code "500118999" matches no unit in the geometry']]);
    expect(vm.tooltip('500118002007002').value).toBe('户数: 120户');
  });

  it('value 0 is a value (coloured, in the lowest class); no value and null are no data', () => {
    expect(vm.tooltip('500118002007001')).toMatchObject({ value: '户数: 0户', klass: '≤ 99' });
    expect(st.colors.get(geo.byCode.get('500118002007001')!.index)).toMatch(/^#/);
    for (const code of ['500118002007004', '500118002007005']) {
      expect(vm.tooltip(code)).toMatchObject({ value: '户数: —', klass: '无数据' });
      expect(st.colors.get(geo.byCode.get(code)!.index)).toBeNull();
    }
    expect(vm.noDataCount).toBe(2);
    expect(vm.legendItems().map((l) => l.count)).toEqual([1, 1, 1]);
  });
});

describe('chain graph', () => {
  it('self-link, link to a missing node, duplicate id, unknown leader and a supply cycle: each reported at its path, the rest drawn', () => {
    const r = parseChainData({
      chains: [{ id: 'auto', name: '汽车产业链党建联盟', leader: 'gwm' }, { id: 'x', name: 'X', leader: 'nobody' }],
      nodes: [
        { id: 'gwm', name: '长城汽车重庆分公司联合党支部', type: 'leader', chain: 'auto' },
        { id: 'a', name: '配套企业A（示例）', type: 'member', chain: 'auto', tier: 'upstream' },
        { id: 'a', name: '重复', type: 'member', chain: 'auto' },
        { id: 'b', name: '配套企业B（示例）', type: 'member', chain: 'auto', tier: 'upstream' },
        { id: 7, name: '数字编号企业', type: 'member', chain: 'auto' },
      ],
      links: [
        { source: 'a', target: 'a', kind: 'supply' },
        { source: 'a', target: 'ghost', kind: 'supply' },
        { source: 'a', target: 'b', kind: 'supply' },
        { source: 'b', target: 'a', kind: 'supply' },
        { source: 7, target: 'gwm', kind: 'supply' },
      ],
    });
    expect(r.issues.map((i) => [i.path, i.code]).sort()).toEqual(
      [
        ['nodes[2].id', 'duplicate'],
        ['links[0].target', 'self-link'],
        ['links[1].target', 'unknown-node'],
        ['chains[1].leader', 'unknown-node'],
        ['links[3]', 'cycle'],
      ].sort(),
    );
    expect(r.value!.nodes.map((n) => n.id)).toEqual(['gwm', 'a', 'b', '7']);
    expect(r.value!.links.map((l) => `${l.source}>${l.target}`)).toEqual(['a>b', 'b>a', '7>gwm']);
  });
});
