// V1 (session 18): units that carry their own magnitude and are not in UNITS (NBS publishes electricity in 万千瓦时,
// output in 万吨, foreign trade in 亿美元, FDI in 万美元, some budgets in 千元 / 百万元) were compacted again and the unit
// appended (千元 / 百万元 read "1.23万千元", odd but not wrong: left, to keep the tile's bytes): 12345.67 万千瓦时 read "1.23万万千瓦时", 123456789 亿美元 "1.23亿亿美元", and in English "12.35K 万吨". The
// growth chart's tooltips (amountText, c318aca) and every element's figures go through formatAmount.
import { describe, expect, it } from 'vitest';
import { formatAmount } from '../../src/core/format/number.js';
import { amountText } from '../../src/components/growth-chart/model/format.js';

describe('a unit with its own magnitude is not compacted again', () => {
  for (const unit of ['万吨', '万千瓦时', '亿美元', '万美元', '万户'])
    for (const lang of ['zh-CN', 'en'] as const)
      it(`${unit} ${lang}`, () => {
        for (const text of [formatAmount(12345.67, unit, { lang }), amountText(12345.67, unit, lang), formatAmount(123456789, unit, { lang })]) {
          expect(text, text).toContain(unit);
          // The figure before the unit: digits only, no second magnitude word (万, 亿, K, M, B, T).
          expect(text.slice(0, text.lastIndexOf(unit)).trim(), text).toMatch(/^[-\d,.]+$/);
        }
        expect(amountText(12345.67, unit, lang)).toMatch(/12,?345\.67/);
      });
  it('known units and plain units still read compact', () => {
    expect(formatAmount(123456, '人', { lang: 'zh-CN' })).toBe('12.35万人');
    expect(formatAmount(123456, 'kWh', { lang: 'en' })).toBe('123.5K kWh');
    expect(formatAmount(1107.5, '亿元', { lang: 'zh-CN' })).toBe('1108亿元');
  });
});
