// The growth chart reads a payload again on every update (issue 16, update speed): period strings are parsed once and
// the period axis and its labels are kept for the same periods. What a second read gives must equal the first, a
// different set of periods must get its own axis, and the shared periods are frozen so nobody can change them. The
// frame (axes, ticks, x labels) is kept for new values over the same periods whose domains nice to the same bounds.
import { describe, expect, it, vi } from 'vitest';
import { buildGrowthModel, parseGrowthPayload, selectSeries, type GrowthModel } from '../../../../src/components/growth-chart/growth-chart.model.js';

const payload = (periods: string[], k = 1) => ({
  series: [
    {
      id: 'gdp',
      name: '地区生产总值',
      unit: '亿元',
      points: periods.map((period, i) => ({ period, value: i % 5 === 3 ? null : String(100 + i * k), growth: i % 4 === 2 ? null : i * k - 2, note: i === 1 ? '口径调整' : undefined })),
    },
  ],
});
const quarters = (from: number, n: number) => Array.from({ length: n }, (_, i) => `${from + Math.floor(i / 4)}Q${(i % 4) + 1}`);
const model = (raw: unknown, lang: 'zh-CN' | 'en' = 'zh-CN'): GrowthModel =>
  buildGrowthModel(selectSeries(parseGrowthPayload(raw).value!.series, undefined, undefined), { kind: 'value-growth', width: 640, height: 320, lang });
const picture = (m: GrowthModel) => JSON.stringify({ ...m, categories: m.categories.map((c) => ({ key: c.key, label: c.label, x: c.x, tooltip: c.tooltip, notes: c.notes })), table: m.table, csv: m.csv });

describe('growth chart: a payload read again', () => {
  it('parses to the same series and issues, bad periods included', () => {
    const raw = payload([...quarters(2020, 6), '2022Q5', 'soon']);
    const a = parseGrowthPayload(raw);
    const b = parseGrowthPayload(raw);
    expect(b).toEqual(a);
    expect(a.issues.filter((i) => i.code === 'period').map((i) => i.path)).toEqual(['series[0].points[6].period', 'series[0].points[7].period']);
    expect(a.issues.filter((i) => i.code === 'coerced')).toHaveLength(5);
  });

  it('shares frozen periods between reads', () => {
    const a = parseGrowthPayload(payload(quarters(2020, 4))).value!.series[0].points;
    const b = parseGrowthPayload(payload(quarters(2020, 4), 2)).value!.series[0].points;
    expect(Object.isFrozen(a[0].period)).toBe(true);
    expect(b[0].period).toEqual(a[0].period);
  });

  it('builds the same model for the same periods, and its own axis for other periods', () => {
    const p = quarters(2018, 12);
    expect(picture(model(payload(p, 2)))).toEqual(picture(model(payload(p, 2))));
    // same values, labels in the other language (the axis is shared, its labels are per language)
    expect(model(payload(p), 'en').categories[0].label).toBe('Q1 2018');
    expect(model(payload(p)).categories[0].label).toBe('2018年第一季度');
    // a period missing in the middle is a gap on the axis; a later one extends it
    const gap = model(payload(p.filter((q) => q !== '2019Q2')));
    expect(gap.categories.map((c) => c.key)).toEqual(p);
    const longer = model(payload([...p, '2021Q1']));
    expect(longer.categories.map((c) => c.key)).toEqual([...p, '2021Q1']);
    const shifted = model(payload(quarters(2019, 12)));
    expect(shifted.categories.map((c) => c.key)).toEqual(quarters(2019, 12));
    expect(shifted.categories[0].label).toBe('2019年第一季度');
  });

  it('keeps the frame for new values with the same nice bounds, and lays it out again for others', async () => {
    const p = quarters(2014, 24);
    const a = payload(p);
    // b: other values and rates inside the same bounds; c: values ten times as large
    const b = { series: a.series.map((s) => ({ ...s, points: s.points.map((pt, i) => ({ ...pt, value: pt.value && String(Number(pt.value) + (i % 3)), growth: pt.growth === null ? null : pt.growth - ((i + 1) % 2) })) })) };
    const c = { series: a.series.map((s) => ({ ...s, points: s.points.map((pt) => ({ ...pt, value: pt.value && String(Number(pt.value) * 10) })) })) };
    // What a chart built in a fresh module (nothing kept) draws for b and c.
    vi.resetModules();
    const fresh = (await import('../../../../src/components/growth-chart/growth-chart.model.js')) as typeof import('../../../../src/components/growth-chart/growth-chart.model.js');
    const freshModel = (raw: unknown) => fresh.buildGrowthModel(fresh.selectSeries(fresh.parseGrowthPayload(raw).value!.series), { kind: 'value-growth', width: 640, height: 320, lang: 'zh-CN' });
    const mA = model(a);
    const mB = model(b);
    expect(picture(mB)).not.toEqual(picture(mA)); // new values (rates)
    expect(mB.left).toBe(mA.left); // the same frame: the same nice bounds
    expect(picture(mB)).toEqual(picture(freshModel(b)));
    const mC = model(c); // other bounds, other tick labels and margins
    expect(mC.left!.domain).not.toEqual(mA.left!.domain);
    expect(picture(mC)).toEqual(picture(freshModel(c)));
    const wide = buildGrowthModel(selectSeries(parseGrowthPayload(b).value!.series), { kind: 'value-growth', width: 900, height: 320, lang: 'zh-CN' });
    expect(wide.plot.width).toBeGreaterThan(mB.plot.width);
  });
});
