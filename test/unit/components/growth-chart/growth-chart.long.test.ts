import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { isLongFormat, parseGrowthLong, parseGrowthPayload } from '../../../../src/components/growth-chart/growth-chart.parse.js';
import { adaptPayload } from '../../../../src/data/adapters/index.js';

// Illustrative fixtures: an invented provincial table (4 provinces × 4 cumulative quarters), marked illustrative.
const csv = readFileSync(new URL('../../../fixtures/growth-chart/long-provinces.illustrative.csv', import.meta.url), 'utf8');
const envelope = JSON.parse(readFileSync(new URL('../../../fixtures/growth-chart/long-provinces.illustrative.json', import.meta.url), 'utf8'));
const FIELDS = { series: 'province', region: 'code' };

describe('growth chart: long-format rows', () => {
  it('pivots CSV rows (one per province × period) into one series per province, in first-seen order', () => {
    const rows = adaptPayload(csv).value;
    const r = parseGrowthLong(rows, FIELDS);
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const s = r.value!.series;
    expect(s.map((x) => x.id)).toEqual(['甲省', '乙省', '丙省', '丁省']);
    expect(s.map((x) => x.region)).toEqual(['110000', '120000', '130000', '140000']);
    expect(s[0].points.map((p) => p.period.key)).toEqual(['2023-01/2023-03', '2023-01/2023-06', '2023-01/2023-09', '2023-01/2023-12']);
    expect(s[0].points[0]).toMatchObject({ value: 2510.4, growth: 4.1, illustrative: true });
    expect(s[0].basis).toBe('cumulative');
  });

  it('reads the same table from JSON through paths on the raw envelope and on the unwrapped data', () => {
    const a = adaptPayload(envelope);
    const raw = parseGrowthLong(a.value, { series: 'data.list[].province', period: 'data.list[].period', value: 'data.list[].value', growth: 'data.list[].growth', region: 'data.list[].code' }, a.outer);
    const unwrapped = parseGrowthLong(a.value, { series: 'list[].province', region: 'list[].code', period: 'list[].period', value: 'list[].value', growth: 'list[].growth' }, a.outer);
    const fromCsv = parseGrowthLong(adaptPayload(csv).value, FIELDS);
    const shape = (r: typeof raw) => r.value!.series.map((s) => ({ id: s.id, region: s.region, points: s.points }));
    expect(shape(raw)).toEqual(shape(fromCsv));
    expect(shape(unwrapped)).toEqual(shape(fromCsv));
    // The data's own `illustrative: true` marks every series of the JSON table.
    expect(raw.value!.series.every((s) => s.illustrative)).toBe(true);
  });

  it('takes other column names for value and growth, and reports bad cells at the row with the column name', () => {
    const rows = [
      { prov: 'A', q: '2023Q1', gdp: 10, yoy: 1 },
      { prov: 'A', q: '2023Q2', gdp: 'abc', yoy: 2 },
      { prov: 'A', q: 'Q9', gdp: 3 },
      { q: '2023Q3', gdp: 3 },
    ];
    const r = parseGrowthLong(rows, { series: 'prov', period: 'q', value: 'gdp', growth: 'yoy' });
    expect(r.value!.series[0].points.map((p) => [p.period.key, p.value, p.growth])).toEqual([
      ['2023Q1', 10, 1],
      ['2023Q2', null, 2],
    ]);
    const paths = r.issues.map((i) => `${i.path} ${i.code}`);
    expect(paths).toContain('[1].gdp type');
    expect(paths).toContain('[2].q period');
    expect(paths).toContain('[3].prov required');
  });

  it('is detected without attributes for rows with series and period columns, never for the series shape', () => {
    expect(isLongFormat([{ series: 'gdp', period: '2023', value: 1 }])).toBe(true);
    expect(isLongFormat([{ id: 'gdp', name: 'GDP', points: [] }])).toBe(false);
    expect(isLongFormat({ series: [] })).toBe(false);
    expect(isLongFormat({ series: [] }, { series: 'province' })).toBe(true);
    expect(parseGrowthPayload([{ series: 'gdp', period: '2023', value: 1 }]).value!.series[0].points[0].value).toBe(1);
  });

  it('the province table without series-field gives series with no drawable point (the element reports an error)', () => {
    const r = parseGrowthPayload(adaptPayload(csv).value);
    // Rows have period but no `series` column: every row is reported, nothing is valid.
    const s = r.value?.series ?? [];
    expect(s.every((x) => x.points.every((p) => p.value === null && p.growth === null))).toBe(true);
    expect(r.issues.some((i) => i.severity === 'error')).toBe(true);
  });
});
