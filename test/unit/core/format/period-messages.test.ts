import { describe, expect, it } from 'vitest';
import { formatPeriod, parsePeriod } from '../../../../src/core/format/period.js';

// parsePeriod words its errors apart from the parse (formatPeriod, used by the KPI tile, carries no messages; issue 16):
// each failure keeps its exact English sentence.
describe('parsePeriod error messages', () => {
  const cases: [unknown, string][] = [
    [null, 'expected a period string such as "2022", "2022Q3", "2022-09" or "2022-01/2022-09"'],
    [2022.5, 'expected a period string such as "2022", "2022Q3", "2022-09" or "2022-01/2022-09"'],
    ['1800', 'year 1800 is out of range'],
    ['2500Q1', 'year 2500 is out of range'],
    ['1899-03', 'year 1899 is out of range'],
    ['2022-13', 'month 13 is not 1–12'],
    ['1700-01/1700-03', 'year 1700 is out of range'],
    ['2022-01/2022-14', 'months must be 1–12'],
    ['2022-01/2023-03', 'a cumulative period must end in the year it starts'],
    ['2022-04/2022-09', 'a cumulative period starts in January (e.g. "2022-01/2022-09")'],
    ['2022-01/00', 'months must be 1–12'],
    [' spring ', '"spring" is not a period such as "2022", "2022Q3", "2022-09" or "2022-01/2022-09"'],
    ['x'.repeat(40), `"${'x'.repeat(30)}…" is not a period such as "2022", "2022Q3", "2022-09" or "2022-01/2022-09"`],
  ];
  for (const [input, message] of cases)
    it(`${JSON.stringify(input)} → ${message}`, () => {
      const r = parsePeriod(input);
      expect(r.period).toBeUndefined();
      expect(r.error).toBe(message);
    });

  it('parses what it should, and formatPeriod agrees with it', () => {
    expect(parsePeriod(2022).period?.key).toBe('2022');
    expect(parsePeriod('2022-01/2022-09').period?.key).toBe('2022-01/2022-09');
    expect(formatPeriod('2022Q3', 'zh-CN')).toBe('2022年第三季度');
    expect(formatPeriod('2022-13', 'en')).toBe('2022-13');
    expect(formatPeriod('2022-01/2022-09', 'en')).toBe('Jan–Sep 2022');
  });
});
