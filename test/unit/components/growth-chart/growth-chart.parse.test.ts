import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  deriveSinglePeriods,
  fillYearOnYear,
  parseGrowthData,
  selectSeries,
  unitFactor,
  yoyRate,
} from '../../../../src/components/growth-chart/growth-chart.parse.js';
import type { GrowthSeries } from '../../../../src/components/growth-chart/growth-chart.types.js';

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../../fixtures/growth-chart/${name}`, import.meta.url), 'utf8'));

const codes = (issues: { code: string; path: string }[]) => issues.map((i) => `${i.path} ${i.code}`);

describe('parseGrowthData: the demo shape', () => {
  const { value, issues } = parseGrowthData(fixture('growth.json'));

  it('reads every series without errors', () => {
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(value!.series.map((s) => s.id)).toEqual(['gdp', 'industry', 'investment', 'retail']);
    expect(value!.region).toBe('500118');
  });

  it('keeps FACTS.md figures exactly and flags earlier points illustrative', () => {
    const gdp = value!.series[0];
    const last = gdp.points[gdp.points.length - 1];
    expect(last.period.key).toBe('2022-01/2022-09');
    expect(last.value).toBe(860.9);
    expect(last.growth).toBe(4.3);
    expect(last.growthBasis).toBe('comparable');
    expect(last.illustrative).toBe(false);
    expect(last.rank).toEqual({ position: 3, scope: '主城都市区', scopeEn: 'main metropolitan area' });
    expect(gdp.points.slice(0, -1).every((p) => p.illustrative)).toBe(true);
    expect(gdp.basis).toBe('cumulative');
    expect(gdp.mixedBasis).toBe(false);
  });

  it('keeps a missing value as null, not zero, and inherits the payload region', () => {
    const industry = value!.series[1];
    expect(industry.points[0].value).toBeNull();
    expect(industry.points[0].growth).toBe(7.8);
    expect(industry.region).toBe('500118');
  });

  it('accepts a bare array and a single series', () => {
    const one = { id: 'a', name: 'A', points: [{ period: '2022', value: 1 }] };
    expect(parseGrowthData([one]).value!.series).toHaveLength(1);
    expect(parseGrowthData(one).value!.series[0].id).toBe('a');
    expect(parseGrowthData([one]).value!.series[0].basis).toBe('period');
  });
});

describe('parseGrowthData: demo/data/growth.json (the demo-data helper\'s file)', () => {
  it('parses without errors and keeps FACTS.md §4 exactly', () => {
    const raw = JSON.parse(readFileSync(new URL('../../../../demo/data/growth.json', import.meta.url), 'utf8'));
    const { value, issues } = parseGrowthData(raw);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    const at = (id: string) => value!.series.find((s) => s.id === id)!.points.find((p) => p.period.key === '2022-01/2022-09')!;
    expect([at('gdp').value, at('gdp').growth, at('gdp').illustrative]).toEqual([860.9, 4.3, false]);
    expect(at('gdp').rank?.position).toBe(3);
    expect([at('industry').growth, at('investment').growth, at('retail').growth]).toEqual([7.8, 5.6, 1.3]);
  });
});

describe('parseGrowthData: bad input', () => {
  const { value, issues } = parseGrowthData(fixture('bad.json'));
  const list = codes(issues);

  it('never throws and reports root problems', () => {
    for (const raw of [null, 42, 'x', { series: 'no' }, { series: [null] }, undefined]) {
      const r = parseGrowthData(raw);
      expect(r.issues.length).toBeGreaterThan(0);
    }
    expect(parseGrowthData(null).value).toBeUndefined();
  });

  it('sorts unsorted periods with a warning', () => {
    expect(list).toContain('series[0].points unsorted');
    const keys = value!.series[0].points.map((p) => p.period.key);
    expect(keys).toEqual(['2021-01/2021-09', '2021-01/2021-12', '2022-01/2022-03', '2022-01/2022-06', '2022-01/2022-09', '2022Q4']);
  });

  it('reports duplicates with the path of the ignored one and keeps the first', () => {
    expect(list).toContain('series[0].points[2].period duplicate');
    const q1 = value!.series[0].points.find((p) => p.period.key === '2022-01/2022-03')!;
    expect(q1.value).toBe(262);
  });

  it('tells a duplicate from time order when the periods are otherwise in order (each issue once)', () => {
    const pts = (periods: string[]) => ({ series: [{ id: 'a', name: 'A', points: periods.map((period, i) => ({ period, value: i, growth: i })) }] });
    const twice = parseGrowthData(pts(['2021Q1', '2021Q2', '2021Q2', '2021Q3']));
    expect(codes(twice.issues)).toEqual(['series[0].points[2].period duplicate']);
    expect(twice.value!.series[0].points.map((p) => [p.period.key, p.value])).toEqual([['2021Q1', 0], ['2021Q2', 1], ['2021Q3', 3]]);
    const late = parseGrowthData(pts(['2021Q1', '2021Q3', '2021Q2', 'x']));
    expect(codes(late.issues)).toEqual(['series[0].points[3].period period', 'series[0].points unsorted']);
    expect(late.value!.series[0].points.map((p) => p.period.key)).toEqual(['2021Q1', '2021Q2', '2021Q3']);
  });

  it('reads strings for numbers with a warning, reports non-numbers', () => {
    expect(issues.find((i) => i.path === 'series[0].points[0].value')).toMatchObject({ code: 'coerced', severity: 'warning' });
    expect(value!.series[0].points.find((p) => p.period.key === '2022-01/2022-06')!.value).toBe(548.5);
    expect(list).toContain('series[0].points[6].value type');
    // the bad value stays a gap
    expect(value!.series[0].points.find((p) => p.period.key === '2021-01/2021-09')!.value).toBeNull();
  });

  it('reports a bad period and drops the point', () => {
    expect(list).toContain('series[0].points[3].period period');
  });

  it('converts a convertible unit (万元 → 亿元) and drops an incompatible one', () => {
    expect(list).toContain('series[0].points[4].unit unit-converted');
    expect(value!.series[0].points.find((p) => p.period.key === '2022-01/2022-09')!.value).toBe(860.9);
    expect(list).toContain('series[0].points[5].unit mixed-units');
    expect(value!.series[0].points.find((p) => p.period.key === '2021-01/2021-12')!.value).toBeNull();
  });

  it('flags a series mixing cumulative and single periods', () => {
    expect(list).toContain('series[0].points mixed-basis');
    expect(value!.series[0].mixedBasis).toBe(true);
  });

  it('reports duplicate series ids and non-objects', () => {
    expect(list).toContain('series[1].id duplicate');
    expect(list).toContain('series[2] type');
    expect(value!.series).toHaveLength(1);
  });
});

const cum = (points: [string, number | null, number | null, boolean?][]): GrowthSeries =>
  parseGrowthData({ id: 's', name: 'S', unit: '亿元', basis: 'cumulative', points: points.map(([period, value, growth, illustrative]) => ({ period, value, growth, illustrative })) }).value!.series[0];

describe('statistics', () => {
  it('yoyRate', () => {
    expect(yoyRate(110, 100)).toBe(10);
    expect(yoyRate(95, 100)).toBe(-5);
    expect(yoyRate(1, 0)).toBeNull();
    expect(yoyRate(null, 1)).toBeNull();
    expect(yoyRate(1, -2)).toBeNull();
  });

  it('computes a missing rate as nominal, published rates win', () => {
    const s = cum([
      ['2021-01/2021-09', 800, null],
      ['2022-01/2022-09', 860.9, 4.3],
      ['2021-01/2021-06', 500, null],
      ['2022-01/2022-06', 550, null],
    ]);
    const p9 = s.points.find((p) => p.period.key === '2022-01/2022-09')!;
    expect(p9.growth).toBe(4.3); // not 7.61 from nominal values
    expect(p9.growthComputed).toBe(false);
    const p6 = s.points.find((p) => p.period.key === '2022-01/2022-06')!;
    expect(p6.growth).toBe(10);
    expect(p6.growthBasis).toBe('nominal');
    expect(p6.growthComputed).toBe(true);
    // no earlier year: stays a gap
    expect(s.points.find((p) => p.period.key === '2021-01/2021-06')!.growth).toBeNull();
    expect(fillYearOnYear(s)).toBe(s);
  });

  it('derives single quarters from cumulative values (Q3 = 1—9月 − 1—6月)', () => {
    const s = cum([
      ['2022-01/2022-03', 262, 4.6, true],
      ['2022-01/2022-06', 548.5, 3.9, true],
      ['2022-01/2022-09', 860.9, 4.3],
      ['2021-01/2021-03', 250, 5],
      ['2021-01/2021-06', 520, 6],
      ['2021-01/2021-12', 1130, 7],
    ]);
    const d = deriveSinglePeriods(s);
    const by = Object.fromEntries(d.points.map((p) => [p.period.key, p]));
    expect(d.basis).toBe('period');
    expect(by['2022Q1'].value).toBe(262);
    expect(by['2022Q2'].value).toBeCloseTo(286.5, 6);
    expect(by['2022Q3'].value).toBeCloseTo(312.4, 6);
    expect(by['2022Q3'].illustrative).toBe(true); // 1—6月 is illustrative
    expect(by['2022Q3'].derived).toBe(true);
    // 2021 Q3 missing (no 1—9月) → Q3 and Q4 are gaps, not zeros
    expect(by['2021Q4'].value).toBeNull();
    expect(by['2021Q3']).toBeUndefined();
    // Q1 is 1—3月: its published rate is carried. Later quarters' published cumulative rates cannot be differenced:
    // their single-quarter YoY is computed from derived values (nominal)
    expect(by['2022Q1'].growth).toBe(4.6);
    expect(by['2022Q1'].growthBasis).toBe('unknown'); // as published (no growthBasis given)
    expect(by['2022Q2'].growth).toBeCloseTo((286.5 / 270 - 1) * 100, 1);
  });

  it('derives single months from monthly year-to-date data', () => {
    const s = cum([
      ['2022-01/2022-01', 10, null],
      ['2022-01/2022-02', 25, null],
    ]);
    expect(deriveSinglePeriods(s).points.map((p) => [p.period.key, p.value])).toEqual([
      ['2022-01', 10],
      ['2022-02', 15],
    ]);
  });

  it('unitFactor', () => {
    expect(unitFactor('万元', '亿元')).toBe(1e-4);
    expect(unitFactor('亿元', '万元')).toBe(1e4);
    expect(unitFactor('人', '亿元')).toBeUndefined();
  });

  it('selectSeries by ids and region prefix', () => {
    const { value } = parseGrowthData({
      series: [
        { id: 'a', name: 'A', region: '500118', points: [] },
        { id: 'b', name: 'B', region: '500119', points: [] },
        { id: 'c', name: 'C', points: [] },
      ],
    });
    const s = value!.series;
    expect(selectSeries(s, ['c', 'a']).map((x) => x.id)).toEqual(['c', 'a']);
    expect(selectSeries(s, undefined, '500118').map((x) => x.id)).toEqual(['a', 'c']);
    expect(selectSeries(s, undefined, '5001').map((x) => x.id)).toEqual(['a', 'b', 'c']);
  });
});
