import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  alignZero,
  buildGrowthModel,
  parseGrowthData,
  textWidth,
  xLabelLayout,
  yTickCount,
  zeroExtent,
  type GrowthModel,
} from '../../../../src/components/growth-chart/growth-chart.model.js';
import { renderGrowthSvg } from '../../../../src/components/growth-chart/growth-chart.svg.js';
import type { GrowthSeries } from '../../../../src/components/growth-chart/growth-chart.types.js';

const fixture = JSON.parse(readFileSync(new URL('../../../fixtures/growth-chart/growth.json', import.meta.url), 'utf8'));
const series = parseGrowthData(fixture).value!.series;
const gdp = series.filter((s) => s.id === 'gdp');

const parse = (raw: unknown): GrowthSeries[] => parseGrowthData(raw).value!.series;

describe('scale helpers', () => {
  it('zeroExtent always includes zero', () => {
    expect(zeroExtent([3, 5])).toEqual([0, 5]);
    expect(zeroExtent([-3, 5])).toEqual([-3, 5]);
    expect(zeroExtent([-3, -1])).toEqual([-3, 0]);
    expect(zeroExtent([])).toEqual([0, 1]);
  });

  it('alignZero puts zero at the same fraction on both axes without shrinking either', () => {
    const [a, b] = alignZero([0, 1000], [-2, 8]);
    const frac = (d: [number, number]) => -d[0] / (d[1] - d[0]);
    expect(frac(a)).toBeCloseTo(frac(b), 9);
    expect(a[0]).toBeLessThanOrEqual(0);
    expect(a[1]).toBeGreaterThanOrEqual(1000);
    expect(b[0]).toBeLessThanOrEqual(-2);
    expect(b[1]).toBeGreaterThanOrEqual(8);
    expect(alignZero([0, 10], [0, 5])).toEqual([
      [0, 10],
      [0, 5],
    ]);
  });

  it('tick density follows size', () => {
    expect(yTickCount(400, 12)).toBeGreaterThan(yTickCount(120, 12));
    expect(yTickCount(10, 12)).toBe(2);
    expect(xLabelLayout(100, 40, 12)).toEqual({ step: 1, rotate: 0 });
    expect(xLabelLayout(30, 40, 12)).toEqual({ step: 1, rotate: -45 });
    expect(xLabelLayout(6, 40, 12)).toEqual({ step: 3, rotate: -45 });
    expect(textWidth('1—9月', 12)).toBeGreaterThan(textWidth('Q3', 12));
  });
});

function approx(a: number, b: number, eps = 0.01) {
  expect(Math.abs(a - b)).toBeLessThan(eps);
}

describe('value-growth', () => {
  const m = buildGrowthModel(gdp, { kind: 'value-growth', width: 640, height: 320, lang: 'zh-CN' });

  it('one bar per period with a value; heights proportional to values from the zero line', () => {
    expect(m.categories.map((c) => c.key)).toHaveLength(7);
    expect(m.bars).toHaveLength(7);
    const zero = m.left!.zero;
    for (const b of m.bars) approx(b.y + b.height, zero);
    const unit = m.bars[0].height / m.bars[0].value;
    for (const b of m.bars) approx(b.height / b.value, unit, 1e-6);
    approx(zero, m.plot.y + m.plot.height); // all positive: zero at the bottom
  });

  it('growth line on the right axis; points at band centres', () => {
    expect(m.right).toBeDefined();
    const line = m.lines[0];
    expect(line.axis).toBe('right');
    expect(line.points).toHaveLength(7);
    const [d0, d1] = m.right!.domain;
    for (const p of line.points) {
      const expected = m.plot.y + m.plot.height - ((p.value - d0) / (d1 - d0)) * m.plot.height;
      approx(p.y, expected);
      approx(p.x, m.categories[p.index].x);
    }
    // zero of both axes at the same height
    approx(m.left!.zero, m.right!.zero);
  });

  it('summary sentence, rank, latest and illustrative', () => {
    expect(m.summary).toBe('2022年1—9月地区生产总值860.9亿元，同比增长4.3%，增速位列主城都市区第3位');
    expect(m.latestIndex).toBe(6);
    expect(m.bars[6].latest).toBe(true);
    expect(m.bars[0].illustrative).toBe(true);
    expect(m.bars[6].illustrative).toBe(false);
    expect(m.illustrative).toBe(true);
    expect(m.rank).toBe('主城都市区第3位');
    expect(m.annotations.map((a) => a.kind)).toEqual(['latest']);
    expect(m.axisNote).toBe('累计值');
    expect(m.left!.title).toBe('累计值（亿元）');
    expect(m.right!.title).toBe('累计同比增速（%）');
    const en = buildGrowthModel(gdp, { kind: 'value-growth', width: 640, height: 320, lang: 'en' });
    expect(en.summary).toBe('GDP was 86.09B yuan in Jan–Sep 2022, up 4.3% year on year; growth ranked 3rd in the main metropolitan area');
    expect(en.categories[6].label).toBe('Jan–Sep 2022');
  });

  it('year shown under the first tick of each year', () => {
    expect(m.xTicks[0].lines).toEqual(['1—3月', '2021年']);
    expect(m.xTicks[1].lines).toEqual(['1—6月']);
    expect(m.xTicks[4].lines).toEqual(['1—3月', '2022年']);
  });

  it('tooltip text and table twin', () => {
    expect(m.categories[6].tooltip.title).toBe('2022年1—9月');
    expect(m.categories[6].tooltip.rows[0].text).toBe('地区生产总值：860.9亿元，+4.3%');
    expect(m.categories[0].tooltip.rows[0].text).toBe('地区生产总值：250.1亿元，+5%（示例）');
    expect(m.table.head).toEqual(['时期', '地区生产总值（亿元）', '地区生产总值增速（%）', '备注']);
    expect(m.table.rows[6].slice(0, 3)).toEqual(['2022年1—9月', '860.9', '4.3']);
    expect(m.csv.split('\r\n')[7]).toBe('gdp,地区生产总值,2022-01/2022-09,2022年1—9月,860.9,亿元,4.3,comparable,false');
  });

  it('negative growth: right axis through zero, aligned with the bars axis; negative values draw bars down', () => {
    const s = parse({
      id: 'x',
      name: 'X',
      unit: '亿元',
      points: [
        { period: '2020', value: 100, growth: -8 },
        { period: '2021', value: -40, growth: 12 },
        { period: '2022', value: 60, growth: null },
      ],
    });
    const n = buildGrowthModel(s, { kind: 'value-growth', width: 500, height: 300, lang: 'zh-CN' });
    const zero = n.left!.zero;
    expect(zero).toBeLessThan(n.plot.y + n.plot.height);
    approx(n.right!.zero, zero);
    const down = n.bars.find((b) => b.value < 0)!;
    expect(down.negative).toBe(true);
    approx(down.y, zero);
    const up = n.bars.find((b) => b.value === 100)!;
    approx(up.y + up.height, zero);
    approx(down.height / up.height, 0.4, 1e-6);
    // the line point below zero sits below the zero line
    const neg = n.lines[0].points.find((p) => p.value === -8)!;
    expect(neg.y).toBeGreaterThan(zero);
    // 2022 has no growth: a gap, not a zero — 2 points, and the path has one segment only
    expect(n.lines[0].points).toHaveLength(2);
    expect(n.summary).toBe('2022年X60亿元');
  });

  it('a gap stays a gap: missing periods keep their slot and draw nothing', () => {
    const s = parse({
      id: 'x',
      name: 'X',
      unit: '亿元',
      points: [
        { period: '2022Q1', value: 10, growth: 1 },
        { period: '2022Q3', value: 30, growth: 3 },
      ],
    });
    const g = buildGrowthModel(s, { kind: 'value-growth', width: 500, height: 300, lang: 'zh-CN' });
    expect(g.categories.map((c) => c.key)).toEqual(['2022Q1', '2022Q2', '2022Q3']);
    expect(g.bars.map((b) => b.index)).toEqual([0, 2]);
    expect(g.lines[0].d.match(/M/g)).toHaveLength(2); // broken line
    expect(g.table.rows[1]).toEqual(['2022年第二季度', '—', '—', '']);
  });

  it('computed growth is labelled nominal', () => {
    const s = parse({ id: 'x', name: 'X', unit: '亿元', points: [{ period: '2021', value: 100 }, { period: '2022', value: 110 }] });
    const g = buildGrowthModel(s, { kind: 'value-growth', width: 500, height: 300, lang: 'zh-CN' });
    expect(g.summary).toBe('2022年X110亿元，同比名义增长10%');
    expect(g.nominal).toBe(true);
    expect(g.table.rows[1][3]).toContain('名义增速');
  });

  it('single-quarter view derives values and says so on the axis', () => {
    const g = buildGrowthModel(gdp, { kind: 'value-growth', width: 640, height: 320, lang: 'zh-CN', basis: 'single' });
    expect(g.categories.map((c) => c.key)).toEqual(['2021Q1', '2021Q2', '2021Q3', '2021Q4', '2022Q1', '2022Q2', '2022Q3']);
    approx(g.bars[6].value, 312.4, 1e-6);
    expect(g.axisNote).toBe('单季（月）值由累计值推算');
    expect(g.left!.title).toBe('单季（月）值，推算（亿元）');
    expect(g.right!.title).toBe('同比增速（%，名义）');
  });

  it('a series mixing cumulative and single periods says so on both axes', () => {
    const mixed = parse({
      id: 'x',
      name: 'X',
      unit: '亿元',
      basis: 'cumulative',
      points: [
        { period: '2022-01/2022-06', value: 500, growth: 3 },
        { period: '2022Q3', value: 300, growth: 4 },
      ],
    });
    const g = buildGrowthModel(mixed, { kind: 'value-growth', width: 500, height: 300, lang: 'zh-CN' });
    expect(g.left!.title).toBe('累计与当期混合（亿元）');
    expect(g.right!.title).toBe('同比增速（%，累计与当期混合）');
    expect(g.axisNote).toBe('累计值与当期值混合');
  });

  it('only rates published (no values): the rate line takes the left axis', () => {
    const g = buildGrowthModel(series.filter((x) => x.id === 'industry'), { kind: 'value-growth', width: 500, height: 300, lang: 'zh-CN' });
    expect(g.bars).toHaveLength(0);
    expect(g.right).toBeUndefined();
    expect(g.lines[0].axis).toBe('left');
    expect(g.left!.title).toBe('累计同比增速（%）');
    expect(g.summary).toBe('2022年1—9月规上工业产值同比增长7.8%');
  });

  it('hidden series leave the legend entry but draw nothing', () => {
    const two = parse({
      series: [
        { id: 'a', name: 'A', unit: '亿元', points: [{ period: '2022', value: 10, growth: 1 }] },
        { id: 'b', name: 'B', unit: '亿元', points: [{ period: '2022', value: 20, growth: 2 }] },
      ],
    });
    const both = buildGrowthModel(two, { kind: 'value-growth', width: 400, height: 300, lang: 'en' });
    expect(both.bars).toHaveLength(2);
    const one = buildGrowthModel(two, { kind: 'value-growth', width: 400, height: 300, lang: 'en', hidden: ['a'] });
    expect(one.bars.map((b) => b.seriesId)).toEqual(['b']);
    expect(one.legend.map((l) => [l.id, l.hidden])).toEqual([
      ['a', true],
      ['b', false],
    ]);
    const none = buildGrowthModel(two, { kind: 'value-growth', width: 400, height: 300, lang: 'en', hidden: ['a', 'b'] });
    expect(none.empty).toBe(true);
  });
});

describe('annotations', () => {
  it('a note on a period becomes a numbered footnote, a marker and tooltip text, in the right locale', () => {
    const s = parse({
      id: 'x',
      name: 'X',
      unit: '亿元',
      points: [
        { period: '2022Q1', value: 10, growth: 1 },
        { period: '2022Q2', value: 12, growth: 2, note: '口径调整', noteEn: 'Definition changed' },
      ],
    });
    const zh = buildGrowthModel(s, { kind: 'value-growth', width: 500, height: 300, lang: 'zh-CN' });
    expect(zh.notes).toEqual(['① 口径调整']);
    expect(zh.annotations.find((a) => a.kind === 'note')).toMatchObject({ index: 1, text: '①' });
    expect(zh.categories[1].notes).toEqual(['① 口径调整']);
    expect(zh.table.rows[1][3]).toBe('口径调整');
    const en = buildGrowthModel(s, { kind: 'value-growth', width: 500, height: 300, lang: 'en' });
    expect(en.notes).toEqual(['① Definition changed']);
  });

  it('selected period moves the summary and the active marks', () => {
    const m = buildGrowthModel(gdp, { kind: 'value-growth', width: 640, height: 320, lang: 'zh-CN', selected: '2022-01/2022-06' });
    expect(m.selectedIndex).toBe(5);
    expect(m.bars[5].active).toBe(true);
    expect(m.summary).toBe('2022年1—6月地区生产总值548.5亿元，同比增长3.9%（含示例数据）');
    expect(m.annotations.find((a) => a.kind === 'latest')).toBeUndefined();
  });
});

describe('compare', () => {
  const m = buildGrowthModel(series, { kind: 'compare', width: 640, height: 320, lang: 'zh-CN', reference: 4, referenceLabel: '全市' });

  it('one bar per indicator at the latest period; heights proportional to growth', () => {
    expect(m.categories.map((c) => c.key)).toEqual(['gdp', 'industry', 'investment', 'retail']);
    expect(m.bars.map((b) => b.value)).toEqual([4.3, 7.8, 5.6, 1.3]);
    const k = m.bars[0].height / 4.3;
    for (const b of m.bars) approx(b.height / b.value, k, 1e-6);
    for (const b of m.bars) approx(b.y + b.height, m.left!.zero);
  });

  it('reference line at its value', () => {
    const [d0, d1] = m.left!.domain;
    approx(m.reference!.y, m.plot.y + m.plot.height - ((4 - d0) / (d1 - d0)) * m.plot.height);
    expect(m.reference!.label).toBe('全市 +4%');
    expect(m.left!.title).toBe('累计同比增速（%） · 2022年1—9月');
  });

  it('sorted and summarised', () => {
    const s = buildGrowthModel(series, { kind: 'compare', width: 640, height: 320, lang: 'zh-CN', sort: 'desc' });
    expect(s.categories.map((c) => c.key)).toEqual(['industry', 'investment', 'gdp', 'retail']);
    expect(s.summary).toBe('2022年1—9月同比增速：规上工业产值最高（+7.8%），社会消费品零售总额最低（+1.3%）');
    const asc = buildGrowthModel(series, { kind: 'compare', width: 640, height: 320, lang: 'en', sort: 'asc' });
    expect(asc.categories.map((c) => c.key)).toEqual(['retail', 'gdp', 'investment', 'industry']);
    expect(asc.summary).toBe('Year-on-year growth in Jan–Sep 2022: highest Industrial output above designated size (+7.8%), lowest Retail sales of consumer goods (+1.3%)');
  });

  it('selected picks the compared period; indicators without it stay gaps', () => {
    const m6 = buildGrowthModel(series, { kind: 'compare', width: 640, height: 320, lang: 'zh-CN', selected: '2022-01/2022-06' });
    expect(m6.categories.map((c) => c.key)).toEqual(['gdp', 'industry', 'investment', 'retail']);
    expect(m6.bars.map((b) => [b.seriesId, b.value])).toEqual([['gdp', 3.9]]);
    expect(m6.summary).toBe('2022年1—6月地区生产总值同比增速+3.9%（含示例数据）');
    expect(m6.table.rows[1]).toEqual(['规上工业产值', '2022年1—6月', '—', '']);
    // an unknown period falls back to the latest
    const m = buildGrowthModel(series, { kind: 'compare', width: 640, height: 320, lang: 'zh-CN', selected: '1999' });
    expect(m.bars).toHaveLength(4);
  });

  it('negative growth bars go down from zero', () => {
    const s = parse({
      series: [
        { id: 'a', name: 'A', points: [{ period: '2022', growth: 3 }] },
        { id: 'b', name: 'B', points: [{ period: '2022', growth: -1.5 }] },
      ],
    });
    const n = buildGrowthModel(s, { kind: 'compare', width: 400, height: 300, lang: 'zh-CN' });
    const neg = n.bars[1];
    expect(neg.negative).toBe(true);
    approx(neg.y, n.left!.zero);
    approx(neg.height / n.bars[0].height, 0.5, 1e-6);
  });

  it('rank annotation on the ranked indicator and narrow widths rotate labels', () => {
    expect(m.annotations.find((a) => a.kind === 'rank')).toMatchObject({ index: 0, text: '第3位' });
    expect(m.rank).toBe('地区生产总值：主城都市区第3位');
    // 280 px: long names wrap inside their band
    const narrow = buildGrowthModel(series, { kind: 'compare', width: 280, height: 240, lang: 'zh-CN' });
    expect(narrow.xTicks[3].rotate).toBe(0);
    expect(narrow.xTicks[3].lines.length).toBeGreaterThan(1);
    const band = narrow.categories[1].x - narrow.categories[0].x;
    for (const t of narrow.xTicks) for (const l of t.lines) expect(textWidth(l, narrow.fontSize)).toBeLessThanOrEqual(band);
    // too many indicators for wrapping: rotated
    const many = parse({ series: Array.from({ length: 12 }, (_, i) => ({ id: `s${i}`, name: `指标名称${i}`, points: [{ period: '2022', growth: i }] })) });
    const rotated = buildGrowthModel(many, { kind: 'compare', width: 280, height: 240, lang: 'zh-CN' });
    expect(rotated.xTicks[0].rotate).toBe(-45);
    expect(rotated.plot.x).toBeGreaterThan(0);
  });
});

describe('trend', () => {
  it('lines of growth on one left axis', () => {
    const m = buildGrowthModel(series, { kind: 'trend', width: 640, height: 320, lang: 'zh-CN' });
    expect(m.right).toBeUndefined();
    expect(m.lines.map((l) => l.seriesId)).toEqual(['gdp', 'industry', 'investment', 'retail']);
    for (const l of m.lines) expect(l.axis).toBe('left');
    const [d0, d1] = m.left!.domain;
    for (const p of m.lines[0].points) approx(p.y, m.plot.y + m.plot.height - ((p.value - d0) / (d1 - d0)) * m.plot.height);
    expect(m.summary).toBe('2021年1—3月至2022年1—9月，地区生产总值同比增速由+5%变为+4.3%（共4项指标）（含示例数据）');
  });

  it('measure value plots values', () => {
    const m = buildGrowthModel(gdp, { kind: 'trend', width: 640, height: 320, lang: 'en', measure: 'value' });
    expect(m.lines[0].points.map((p) => p.value)).toContain(860.9);
    expect(m.left!.title).toBe('Year to date (yuan)');
  });
});

describe('responsive ticks', () => {
  const many = parse({
    id: 'x',
    name: 'X',
    unit: '亿元',
    points: Array.from({ length: 40 }, (_, i) => ({ period: `${2013 + Math.floor(i / 4)}Q${(i % 4) + 1}`, value: 100 + i, growth: (i % 7) - 2 })),
  });
  it('fewer x labels when narrow, all when wide; no overlap', () => {
    const narrow = buildGrowthModel(many, { kind: 'value-growth', width: 280, height: 240, lang: 'zh-CN' });
    const wide = buildGrowthModel(many, { kind: 'value-growth', width: 3840, height: 1000, lang: 'zh-CN' });
    expect(narrow.xTicks.length).toBeLessThan(wide.xTicks.length);
    expect(wide.xTicks).toHaveLength(40);
    expect(wide.xTicks[0].rotate).toBe(0);
    const gap = narrow.xTicks[1].x - narrow.xTicks[0].x;
    expect(gap).toBeGreaterThanOrEqual(narrow.fontSize * 1.5 - 0.01);
    expect(wide.left!.ticks.length).toBeGreaterThan(narrow.left!.ticks.length);
    // in between, 40 quarters do not fit flat: the years are labelled, centred on their four quarters
    const mid = buildGrowthModel(many, { kind: 'value-growth', width: 960, height: 300, lang: 'zh-CN' });
    expect(mid.xTicks.map((t) => t.lines[0])).toEqual(Array.from({ length: 10 }, (_, i) => `${2013 + i}年`));
    expect(mid.xTicks[0].rotate).toBe(0);
    approx(mid.xTicks[0].x, (mid.categories[0].x + mid.categories[3].x) / 2);
    // at 280 px the years thin out further and never overlap
    for (let i = 1; i < narrow.xTicks.length; i++)
      expect(narrow.xTicks[i].x - narrow.xTicks[i - 1].x).toBeGreaterThan(textWidth(narrow.xTicks[i].lines[0], narrow.fontSize));
  });
});

function roundNumbers(svg: string): string {
  // only numbers inside attributes (geometry); text keeps its decimals (860.9亿元)
  return svg.replace(/="[^"]*"/g, (attr) => attr.replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n)))));
}

describe('SVG snapshot', () => {
  const models: [string, GrowthModel][] = [
    ['value-growth.zh-CN.svg', buildGrowthModel(gdp, { kind: 'value-growth', width: 640, height: 320, lang: 'zh-CN' })],
    ['compare.en.svg', buildGrowthModel(series, { kind: 'compare', width: 480, height: 300, lang: 'en', reference: 4, sort: 'desc' })],
    ['trend.zh-CN.svg', buildGrowthModel(series, { kind: 'trend', width: 480, height: 300, lang: 'zh-CN' })],
  ];
  for (const [file, model] of models)
    it(file, async () => {
      const svg = renderGrowthSvg(model);
      expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
      await expect(roundNumbers(svg).replace(/></g, '>\n<')).toMatchFileSnapshot(`../../../fixtures/growth-chart/__snapshots__/${file}`);
    });

  it('escapes data strings', () => {
    const s = parse({ id: 'x', name: '<b>&"x"</b>', points: [{ period: '2022', value: 1 }] });
    const svg = renderGrowthSvg(buildGrowthModel(s, { kind: 'value-growth', width: 300, height: 200, lang: 'en' }));
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('&lt;b&gt;&amp;&quot;x&quot;&lt;/b&gt;');
  });
});
