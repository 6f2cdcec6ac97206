/**
 * A3 (session 18), growth chart in the Chinese statistical convention: hand-computed expectations a statistician
 * would check. Each case names the figure it was computed from.
 */
import { describe, expect, it } from 'vitest';
import { buildGrowthModel, parseGrowthData } from '../../src/components/growth-chart/growth-chart.model.js';
import type { GrowthModel } from '../../src/components/growth-chart/growth-chart.model.js';
import type { Lang } from '../../src/core/i18n/lang.js';

const gdp = (unit: string, points: unknown[]) => ({ series: [{ id: 'gdp', name: '地区生产总值', nameEn: 'GDP', unit, basis: 'cumulative', points }] });
const model = (raw: unknown, lang: Lang = 'zh-CN', basis?: 'single'): GrowthModel =>
  buildGrowthModel(parseGrowthData(raw).value!.series, { kind: 'value-growth', width: 640, height: 320, lang, ...(basis ? { basis } : {}) });
const tip = (m: GrowthModel, i: number) => m.categories[i].tooltip.rows[0].text;
const at = (m: GrowthModel, key: string) => tip(m, m.categories.findIndex((c) => c.key === key));

describe('published figures are shown as published (tooltip and table agree; the summary is compact)', () => {
  // 2021 GDP of 1107.5 亿元 (demo growth.json) and Chongqing's 2023 GDP of 29129.03 亿元: a tooltip must not read 1108 亿元
  // or 2.91 万亿元 beside a table that reads 1,107.5 and 29,129.03.
  const raw = gdp('亿元', [
    { period: '2021-01/2021-12', value: 1107.5, growth: 8.6 },
    { period: '2022-01/2022-12', value: 1204.45, growth: -2.35 },
    { period: '2023-01/2023-12', value: 29129.03, growth: 6.1 },
  ]);
  it('zh: 1107.5亿元, 1204.45亿元, 29129.03亿元 (no digit lost)', () => {
    const m = model(raw);
    expect(m.table.rows.map((r) => r[1]).filter((v) => v !== '—')).toEqual(['1,107.5', '1,204.45', '29,129.03']);
    expect(at(m, '2021-01/2021-12')).toContain('1107.5亿元');
    expect(at(m, '2022-01/2022-12')).toContain('1204.45亿元');
    expect(at(m, '2023-01/2023-12')).toMatch(/29129\.03亿元|2\.912903万亿元/);
    // The summary is a headline sentence and follows the README's compact rule for every element (number-format test:
    // 32193.2 亿元 → 3.22万亿元); the tooltip is the exact look-up of one period and keeps every digit.
    expect(m.summary).toContain('2.91万亿元');
  });
  it('en: 110.75B yuan, 120.445B yuan (no digit lost)', () => {
    const m = model(raw, 'en');
    expect(at(m, '2021-01/2021-12')).toContain('110.75B yuan');
    expect(at(m, '2022-01/2022-12')).toContain('120.445B yuan');
  });
  it('a value in 万元 keeps its digits: 12345.67万元 is 1.234567亿元, not 1.23亿元', () => {
    const m = model(gdp('万元', [{ period: '2022-01/2022-03', value: 12345.67 }]));
    expect(tip(m, 0)).toMatch(/12,?345\.67万元|1\.234567亿元/);
  });
  it('rates round half away from zero to one decimal, as NBS publishes them (-2.35 → -2.4, 4.25 → 4.3)', () => {
    const m = model(gdp('亿元', [
      { period: '2022-01/2022-03', value: 1, growth: -2.35 },
      { period: '2022-01/2022-06', value: 2, growth: 4.25 },
    ]));
    expect(tip(m, 0)).toContain('-2.4%');
    expect(tip(m, 1)).toContain('+4.3%');
  });
});

describe('a computed (nominal) rate is rounded once', () => {
  // 104.2496 against 100 is +4.2496 %: one decimal is 4.2 %, never 4.25 → 4.3 %. 97.4545 against 100 is -2.5455 %: -2.5 %.
  const m = model(gdp('亿元', [
    { period: '2021-01/2021-03', value: 100 },
    { period: '2021-01/2021-06', value: 100 },
    { period: '2022-01/2022-03', value: 104.2496 },
    { period: '2022-01/2022-06', value: 97.4545 },
  ]));
  it('tooltip', () => {
    expect(at(m, '2022-01/2022-03')).toContain('+4.2%');
    expect(at(m, '2022-01/2022-06')).toContain('-2.5%');
  });
  it('the summary says the same rate', () => {
    expect(m.summary).toContain('2.5%');
  });
});

describe('basis="single": the first period of a year is the cumulative one', () => {
  // 2022年1—3月 is 2022年第一季度: its published comparable rate (5.1 %) is the first quarter's rate. Replacing it with
  // a nominal 262.8 / 248.6 − 1 = 5.7 % changes a published figure.
  const raw = gdp('亿元', [
    { period: '2021-01/2021-03', value: 248.6, growth: 17.2 },
    { period: '2021-01/2021-06', value: 521.4, growth: 12.6 },
    { period: '2022-01/2022-03', value: 262.8, growth: 5.1 },
    { period: '2022-01/2022-06', value: 545, growth: 3.9 },
  ]);
  it('Q1 keeps the published 5.1 % (not a nominal 5.7 %)', () => {
    const m = model(raw, 'zh-CN', 'single');
    const i = m.categories.findIndex((c) => c.key === '2022Q1');
    expect(tip(m, i)).toContain('262.8亿元');
    expect(tip(m, i)).toContain('+5.1%');
    expect(tip(m, i)).not.toContain('名义');
  });
  it('Q2 is derived: 545 − 262.8 = 282.2, nominal 282.2 / 272.8 − 1 = +3.4 %', () => {
    const m = model(raw, 'zh-CN', 'single');
    const i = m.categories.findIndex((c) => c.key === '2022Q2');
    expect(tip(m, i)).toContain('282.2亿元');
    // 282.2 / 272.8 = 1.034457… → 3.4 %
    expect(tip(m, i)).toContain('+3.4%');
    expect(tip(m, i)).toContain('名义');
  });
});

describe('no float noise in a tooltip', () => {
  it('0.1 + 0.2 亿元 reads 3000万元', () => {
    const m = model(gdp('亿元', [{ period: '2022-01/2022-03', value: 0.1 + 0.2 }]));
    expect(tip(m, 0)).toContain('：3000万元');
  });
});

describe('a rate that reads 0 % is flat', () => {
  for (const lang of ['zh-CN', 'en'] as const)
    it(`${lang}: −0.04 % is not "down 0%"`, () => {
      const m = model(gdp('亿元', [{ period: '2022-01/2022-09', value: 860.9, growth: -0.04 }]), lang);
      expect(m.summary).toBe(lang === 'zh-CN' ? '2022年1—9月地区生产总值860.9亿元，与上年同期持平' : 'GDP was 86.09B yuan in Jan–Sep 2022, unchanged year on year');
    });
});
