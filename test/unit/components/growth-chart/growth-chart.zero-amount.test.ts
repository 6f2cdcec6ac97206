/** S1 (session 18), from A3's audit: a value of 0 keeps its series' unit in tooltips (0亿元, never 0元 or -0元). */
import { describe, expect, it } from 'vitest';
import { buildGrowthModel, parseGrowthData } from '../../../../src/components/growth-chart/growth-chart.model.js';
import { amountText } from '../../../../src/components/growth-chart/model/format.js';

describe('growth chart: a value of 0', () => {
  it('reads 0亿元 / 0万元 in Chinese and 0 yuan in English, and -0 reads 0', () => {
    expect(amountText(0, '亿元', 'zh-CN')).toBe('0亿元');
    expect(amountText(-0, '亿元', 'zh-CN')).toBe('0亿元');
    expect(amountText(0, '万元', 'zh-CN')).toBe('0万元');
    expect(amountText(0, '亿元', 'en')).toBe('0 yuan');
    expect(amountText(-0, '亿元', 'en')).toBe('0 yuan');
    expect(amountText(3, '亿元', 'zh-CN')).toBe('3亿元');
  });

  it('the tooltip of a 0 in a 亿元 series says 0亿元', () => {
    const raw = { series: [{ id: 'gdp', name: '地区生产总值', unit: '亿元', basis: 'cumulative', points: [{ period: '2022-01/2022-03', value: 0 }, { period: '2022-01/2022-06', value: 545 }] }] };
    const m = buildGrowthModel(parseGrowthData(raw).value!.series, { kind: 'value-growth', width: 640, height: 320, lang: 'zh-CN' });
    expect(m.categories.find((c) => c.key === '2022-01/2022-03')!.tooltip.rows[0].text).toBe('地区生产总值：0亿元，—');
  });

  it('the summary sentence of a 0 says 0亿元 (value-growth and trend of values); other values stay compact', () => {
    const raw = { series: [{ id: 'gdp', name: '地区生产总值', unit: '亿元', basis: 'cumulative', points: [{ period: '2022-01/2022-03', value: 32193.2 }, { period: '2022-01/2022-06', value: 0 }] }] };
    const series = parseGrowthData(raw).value!.series;
    const vg = buildGrowthModel(series, { kind: 'value-growth', width: 640, height: 320, lang: 'zh-CN' });
    expect(vg.summary).toContain('0亿元');
    expect(vg.summary).not.toContain('0元');
    const tr = buildGrowthModel(series, { kind: 'trend', measure: 'value', width: 640, height: 320, lang: 'zh-CN' });
    expect(tr.summary).toContain('3.22万亿元');
    expect(tr.summary).toContain('0亿元');
  });
});
