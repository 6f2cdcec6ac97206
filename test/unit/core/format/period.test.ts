import { describe, expect, it } from 'vitest';
import {
  comparePeriods,
  cumulativePeriod,
  formatPeriod,
  monthPeriod,
  nextPeriod,
  parsePeriod,
  periodLabel,
  periodRange,
  previousYear,
  quarterPeriod,
  sortPeriods,
  yearPeriod,
  type Period,
} from '../../../../src/core/format/period.js';

const p = (s: string): Period => {
  const r = parsePeriod(s);
  if (!r.period) throw new Error(r.error);
  return r.period;
};

describe('parsePeriod', () => {
  it('parses the four kinds into canonical keys', () => {
    expect(p('2022')).toEqual({ kind: 'year', key: '2022', year: 2022, startMonth: 1, endMonth: 12 });
    expect(p('2022Q3')).toEqual({ kind: 'quarter', key: '2022Q3', year: 2022, startMonth: 7, endMonth: 9, quarter: 3 });
    expect(p('2022-09')).toEqual({ kind: 'month', key: '2022-09', year: 2022, startMonth: 9, endMonth: 9 });
    expect(p('2022-01/2022-09')).toEqual({ kind: 'cumulative', key: '2022-01/2022-09', year: 2022, startMonth: 1, endMonth: 9 });
  });

  it('accepts documented variants and normalises them', () => {
    expect(p('2022-Q3').key).toBe('2022Q3');
    expect(p('2022q4').key).toBe('2022Q4');
    expect(p(' 2022-9 ').key).toBe('2022-09');
    expect(p('2022-01/09').key).toBe('2022-01/2022-09');
    expect(p('2022-1/2022-6').key).toBe('2022-01/2022-06');
    expect((parsePeriod(2021).period as Period).key).toBe('2021');
  });

  it('rejects bad periods with a message, never throws', () => {
    for (const bad of ['', 'abc', '2022Q5', '2022-13', '2022-00', '2022-04/2022-09', '2022-01/2023-03', '2022-06/2022-03', null, {}, 3.5, '1800']) {
      const r = parsePeriod(bad);
      expect(r.period).toBeUndefined();
      expect(typeof r.error).toBe('string');
    }
    expect(parsePeriod('2022-04/2022-09').error).toMatch(/January/);
  });
});

describe('ordering', () => {
  it('sorts by end month, shorter spans first', () => {
    const keys = sortPeriods(['2022-01/2022-09', '2021', '2022Q3', '2022-09', '2022-01/2022-03', '2021Q4'].map(p)).map((x) => x.key);
    expect(keys).toEqual(['2022-01/2022-03', '2022-09', '2022Q3', '2022-01/2022-09', '2021Q4', '2021'].sort((a, b) => comparePeriods(p(a), p(b))));
    expect(keys).toEqual(['2021Q4', '2021', '2022-01/2022-03', '2022-09', '2022Q3', '2022-01/2022-09']);
  });

  it('steps and previous year', () => {
    expect(previousYear(p('2022-01/2022-09')).key).toBe('2021-01/2021-09');
    expect(previousYear(p('2022Q1')).key).toBe('2021Q1');
    expect(nextPeriod(p('2021-01/2021-12')).key).toBe('2022-01/2022-03');
    expect(nextPeriod(p('2022Q4')).key).toBe('2023Q1');
    expect(nextPeriod(p('2022-12')).key).toBe('2023-01');
    expect(nextPeriod(p('2022')).key).toBe('2023');
  });

  it('periodRange fills gaps on a regular axis', () => {
    expect(periodRange(['2021-01/2021-03', '2021-01/2021-12', '2022-01/2022-06'].map(p)).map((x) => x.key)).toEqual([
      '2021-01/2021-03',
      '2021-01/2021-06',
      '2021-01/2021-09',
      '2021-01/2021-12',
      '2022-01/2022-03',
      '2022-01/2022-06',
    ]);
    expect(periodRange(['2022Q1', '2022Q4'].map(p)).map((x) => x.key)).toEqual(['2022Q1', '2022Q2', '2022Q3', '2022Q4']);
    // mixed kinds: no invention, just sorted unique
    expect(periodRange(['2022', '2022Q1', '2022Q1'].map(p)).map((x) => x.key)).toEqual(['2022Q1', '2022']);
    // monthly cumulative steps by one month
    expect(periodRange(['2022-01/2022-02', '2022-01/2022-04'].map(p)).map((x) => x.key)).toEqual(['2022-01/2022-02', '2022-01/2022-03', '2022-01/2022-04']);
  });
});

describe('labels', () => {
  it('zh-CN long and short', () => {
    expect(periodLabel(p('2022-01/2022-09'), 'zh-CN')).toBe('2022年1—9月');
    expect(periodLabel(p('2022Q3'), 'zh-CN')).toBe('2022年第三季度');
    expect(periodLabel(p('2022'), 'zh-CN')).toBe('2022年');
    expect(periodLabel(p('2022-09'), 'zh-CN')).toBe('2022年9月');
    expect(periodLabel(p('2022-01/2022-09'), 'zh-CN', 'short')).toBe('1—9月');
    expect(periodLabel(p('2022Q1'), 'zh-CN', 'short')).toBe('一季度');
    expect(periodLabel(p('2022-01/2022-01'), 'zh-CN')).toBe('2022年1月');
  });

  it('en long and short', () => {
    expect(periodLabel(p('2022-01/2022-09'), 'en')).toBe('Jan–Sep 2022');
    expect(periodLabel(p('2022Q3'), 'en')).toBe('Q3 2022');
    expect(periodLabel(p('2022'), 'en')).toBe('2022');
    expect(periodLabel(p('2022-09'), 'en')).toBe('Sep 2022');
    expect(periodLabel(p('2022-01/2022-06'), 'en', 'short')).toBe('Jan–Jun');
    expect(formatPeriod('nonsense', 'en')).toBe('nonsense');
    expect(formatPeriod('2021Q4', 'en')).toBe('Q4 2021');
  });

  it('constructors agree with the parser', () => {
    expect(yearPeriod(2020)).toEqual(p('2020'));
    expect(quarterPeriod(2020, 2)).toEqual(p('2020Q2'));
    expect(monthPeriod(2020, 11)).toEqual(p('2020-11'));
    expect(cumulativePeriod(2020, 6)).toEqual(p('2020-01/2020-06'));
  });
});
