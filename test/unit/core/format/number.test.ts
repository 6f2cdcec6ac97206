import { describe, expect, it } from 'vitest';
import {
  COMPACT_RULE,
  NO_VALUE,
  QUALIFIERS,
  UNITS,
  formatAmount,
  formatAmountParts,
  formatExact,
  formatNumber,
  formatNumberParts,
  formatPercent,
  isNumber,
} from '../../../../src/core/format/number.js';
import { formatTime } from '../../../../src/core/format/time.js';

const zh = { lang: 'zh-CN' as const };
const en = { lang: 'en' as const };

describe('NO_VALUE and isNumber', () => {
  it('is an em dash', () => {
    expect(NO_VALUE).toBe('—');
  });
  it('accepts only finite numbers', () => {
    expect(isNumber(0)).toBe(true);
    expect(isNumber(-1.5)).toBe(true);
    expect(isNumber(NaN)).toBe(false);
    expect(isNumber(Infinity)).toBe(false);
    expect(isNumber(-Infinity)).toBe(false);
    expect(isNumber('1')).toBe(false);
    expect(isNumber(null)).toBe(false);
    expect(isNumber(undefined)).toBe(false);
  });
});

describe('formatNumber: zh-CN units 万 / 亿 / 万亿', () => {
  it.each([
    [0, '0'],
    [9999, '9,999'],
    [9999.5, '9,999.5'],
    [10000, '1万'],
    [12345, '1.23万'],
    [99999, '10万'],
    [123456, '12.35万'],
    [99999999, '1亿'],
    [1e8, '1亿'],
    [86_090_000_000, '860.9亿'],
    [999_999_999_999, '1万亿'],
    [1e12, '1万亿'],
    [1.2e12, '1.2万亿'],
    [1234.567, '1,234.57'],
    [0.5, '0.5'],
  ])('%d → %s', (v, s) => {
    expect(formatNumber(v, zh)).toBe(s);
  });
  it('negatives keep their sign and their unit', () => {
    expect(formatNumber(-12345, zh)).toBe('-1.23万');
    expect(formatNumber(-9999, zh)).toBe('-9,999');
    expect(formatNumber(-1.5e8, zh)).toBe('-1.5亿');
  });
  it('the compact threshold is on the magnitude (-10000 is compact)', () => {
    expect(formatNumber(-10000, zh)).toBe('-1万');
  });
});

describe('formatNumber: en units K / M / B / T', () => {
  it.each([
    [0, '0'],
    [9999, '9,999'],
    [10000, '10K'],
    [12345, '12.35K'],
    [99999, '100K'],
    [123456, '123.5K'],
    [99999999, '100M'],
    [1e8, '100M'],
    [86_090_000_000, '86.09B'],
    [999_999_999_999, '1T'],
    [1e12, '1T'],
    [1.2e12, '1.2T'],
    [1234.567, '1,234.57'],
  ])('%d → %s', (v, s) => {
    expect(formatNumber(v, en)).toBe(s);
  });
  it('negatives', () => {
    expect(formatNumber(-12345, en)).toBe('-12.35K');
    expect(formatNumber(-9999, en)).toBe('-9,999');
    expect(formatNumber(-1.5e8, en)).toBe('-150M');
  });
});

describe('formatNumber: missing values', () => {
  it.each([NaN, Infinity, -Infinity, undefined, null])('%s → —', (v) => {
    expect(formatNumber(v as number, zh)).toBe('—');
    expect(formatNumber(v as number, en)).toBe('—');
  });
  it('a qualifier is not added to a missing value', () => {
    expect(formatNumber(NaN, { ...zh, qualifier: 'over' })).toBe('—');
    expect(formatNumber(undefined, { ...en, qualifier: 'about' })).toBe('—');
  });
});

describe('formatNumber: precision, fixed, compact, signed', () => {
  it('default precision is 2 below 10,000; compact figures follow the compact rule', () => {
    expect(formatNumber(1.23456, zh)).toBe('1.23');
    expect(formatNumber(123456, zh)).toBe('12.35万');
  });
  it('precision sets the maximum fraction digits', () => {
    expect(formatNumber(123456, { ...zh, precision: 3 })).toBe('12.346万');
    expect(formatNumber(123456, { ...en, precision: 3 })).toBe('123.456K');
    expect(formatNumber(1234.5678, { ...zh, precision: 0 })).toBe('1,235');
    expect(formatNumber(12.3, { ...en, precision: 3 })).toBe('12.3');
  });
  it('fixed pads with zeros and overrides precision', () => {
    expect(formatNumber(12.3, { ...zh, fixed: 2 })).toBe('12.30');
    expect(formatNumber(12.3, { ...en, fixed: 2, precision: 0 })).toBe('12.30');
    expect(formatNumber(123456, { ...zh, fixed: 2 })).toBe('12.35万');
    expect(formatNumber(123456, { ...en, fixed: 2 })).toBe('123.46K');
    expect(formatNumber(5, { ...en, fixed: 0 })).toBe('5');
  });
  it('compact true scales small values, false never scales', () => {
    expect(formatNumber(1234, { ...en, compact: true })).toBe('1.23K');
    expect(formatNumber(1234, { ...zh, compact: true })).toBe('1234');
    expect(formatNumber(123456, { ...zh, compact: false })).toBe('123,456');
    expect(formatNumber(123456, { ...en, compact: false })).toBe('123,456');
    expect(formatNumber(123456, { ...en, compact: 'auto' })).toBe('123.5K');
  });
  it('signed shows + for positives, nothing for zero', () => {
    expect(formatNumber(5, { ...zh, signed: true })).toBe('+5');
    expect(formatNumber(-5, { ...zh, signed: true })).toBe('-5');
    expect(formatNumber(0, { ...en, signed: true })).toBe('0');
    expect(formatNumber(12345, { ...en, signed: true })).toBe('+12.35K');
    expect(formatNumber(5, zh)).toBe('5');
  });
  it('a negative value that rounds to zero prints 0, not -0', () => {
    expect(formatNumber(-0.001, zh)).toBe('0');
    expect(formatNumber(-0.001, en)).toBe('0');
  });
});

describe('qualifiers', () => {
  it('lists the five qualifiers', () => {
    expect([...QUALIFIERS]).toEqual(['over', 'odd', 'plus', 'about', 'under']);
  });
  it.each([
    ['over', '超17万', 'over 170K'],
    ['odd', '17万余', '170K+'],
    ['plus', '17万+', '170K+'],
    ['about', '约17万', 'about 170K'],
    ['under', '不足17万', 'under 170K'],
  ] as const)('%s', (q, zhText, enText) => {
    expect(formatNumber(170000, { ...zh, qualifier: q })).toBe(zhText);
    expect(formatNumber(170000, { ...en, qualifier: q })).toBe(enText);
  });
  it('as the sources write them', () => {
    expect(formatAmount(170000, '人', { ...zh, qualifier: 'over' })).toBe('超17万人');
    expect(formatAmount(170000, '人', { ...en, qualifier: 'over' })).toBe('over 170K people');
    expect(formatAmount(40000, '名', { ...zh, qualifier: 'odd' })).toBe('4万余名');
    expect(formatAmount(40000, '名', { ...en, qualifier: 'odd' })).toBe('40K+ people');
    expect(formatNumber(1300, { ...zh, qualifier: 'plus' })).toBe('1,300+');
    expect(formatNumber(1300, { ...en, qualifier: 'plus' })).toBe('1,300+');
    expect(formatNumber(1300, { ...en, qualifier: 'about' })).toBe('about 1,300');
    expect(formatNumber(1300, { ...zh, qualifier: 'under' })).toBe('不足1,300');
  });
});

describe('formatNumberParts', () => {
  it('splits number, suffix, prefix, postfix', () => {
    expect(formatNumberParts(-123456, zh)).toEqual({ number: '-12.35', suffix: '万', prefix: '', postfix: '', text: '-12.35万' });
    expect(formatNumberParts(-123456, en)).toEqual({ number: '-123.5', suffix: 'K', prefix: '', postfix: '', text: '-123.5K' });
    expect(formatNumberParts(170000, { ...zh, qualifier: 'over' })).toEqual({ number: '17', suffix: '万', prefix: '超', postfix: '', text: '超17万' });
    expect(formatNumberParts(170000, { ...en, qualifier: 'over' })).toEqual({ number: '170', suffix: 'K', prefix: 'over', postfix: '', text: 'over 170K' });
    expect(formatNumberParts(40000, { ...zh, qualifier: 'odd' })).toEqual({ number: '4', suffix: '万', prefix: '', postfix: '余', text: '4万余' });
    expect(formatNumberParts(1.2e12, zh)).toEqual({ number: '1.2', suffix: '万亿', prefix: '', postfix: '', text: '1.2万亿' });
  });
  it('has no suffix below the compact threshold', () => {
    expect(formatNumberParts(9999, zh)).toEqual({ number: '9,999', suffix: '', prefix: '', postfix: '', text: '9,999' });
  });
  it('a missing value is — everywhere', () => {
    expect(formatNumberParts(NaN, zh)).toEqual({ number: '—', suffix: '', prefix: '', postfix: '', text: '—' });
    expect(formatNumberParts(null, en)).toEqual({ number: '—', suffix: '', prefix: '', postfix: '', text: '—' });
  });
});

describe('formatAmount', () => {
  it('860.9 亿元', () => {
    expect(formatAmount(860.9, '亿元', zh)).toBe('860.9亿元');
    expect(formatAmount(860.9, '亿元', en)).toBe('86.09B yuan');
  });
  it('rescales 万 units to their base', () => {
    expect(formatAmount(12000, '万元', zh)).toBe('1.2亿元');
    expect(formatAmount(12000, '万元', en)).toBe('120M yuan');
    expect(formatAmount(3.5, '万人', zh)).toBe('3.5万人');
    expect(formatAmount(3.5, '万人', en)).toBe('35K people');
    expect(formatAmount(2, '万辆', en)).toBe('20K vehicles');
  });
  it('plain counts keep their Chinese unit; in English a unit without translation disappears', () => {
    expect(formatAmount(500, '所', zh)).toBe('500所');
    expect(formatAmount(500, '所', en)).toBe('500');
    expect(formatAmount(12, '个', zh)).toBe('12个');
    expect(formatAmount(12, '家', en)).toBe('12 firms');
  });
  it('unknown units are appended unchanged (with a space in English)', () => {
    expect(formatAmount(12, '公里', zh)).toBe('12公里');
    expect(formatAmount(12, '公里', en)).toBe('12 公里');
    expect(formatAmount(1.2, '万亿元', zh)).toBe('1.2万亿元');
    expect(formatAmount(NaN, '公里', en)).toBe('—');
  });
  it('missing values are — without a unit', () => {
    expect(formatAmount(NaN, '亿元', zh)).toBe('—');
    expect(formatAmount(undefined, '人', en)).toBe('—');
    expect(formatAmountParts(undefined, '人', en).unit).toBe('people');
  });
  it('no unit formats like formatNumber', () => {
    expect(formatAmount(12345, undefined, zh)).toBe('1.23万');
    expect(formatAmount(12345, '', en)).toBe('12.35K');
    expect(formatAmountParts(5, undefined, zh)).toEqual({ number: '5', suffix: '', prefix: '', postfix: '', text: '5', unit: '' });
  });
  it('% is a percentage, unsigned by default', () => {
    expect(formatAmount(4.3, '%', zh)).toBe('4.3%');
    expect(formatAmount(4.3, '%', { ...en, signed: true })).toBe('+4.3%');
    expect(formatAmountParts(4.3, '%', en)).toEqual({ number: '4.3', suffix: '', prefix: '', postfix: '', unit: '%', text: '4.3%' });
  });
  it('parts carry the unit', () => {
    expect(formatAmountParts(860.9, '亿元', zh)).toEqual({ number: '860.9', suffix: '亿', prefix: '', postfix: '', unit: '元', text: '860.9亿元' });
    expect(formatAmountParts(860.9, '亿元', en)).toEqual({ number: '86.09', suffix: 'B', prefix: '', postfix: '', unit: 'yuan', text: '86.09B yuan' });
    expect(formatAmountParts(12, '公里', zh).unit).toBe('公里');
  });
  it('UNITS: every unit, its scale, base and English name, in this order', () => {
    // The table is built from one string (number.ts); this is the table it must give.
    const table = {
      元: { scale: 1, base: '元', en: 'yuan' },
      万元: { scale: 1e4, base: '元', en: 'yuan' },
      亿元: { scale: 1e8, base: '元', en: 'yuan' },
      人: { scale: 1, base: '人', en: 'people' },
      万人: { scale: 1e4, base: '人', en: 'people' },
      名: { scale: 1, base: '名', en: 'people' },
      人次: { scale: 1, base: '人次', en: 'visits' },
      万人次: { scale: 1e4, base: '人次', en: 'visits' },
      亿人次: { scale: 1e8, base: '人次', en: 'visits' },
      户: { scale: 1, base: '户', en: 'households' },
      所: { scale: 1, base: '所', en: '' },
      个: { scale: 1, base: '个', en: '' },
      家: { scale: 1, base: '家', en: 'firms' },
      项: { scale: 1, base: '项', en: 'projects' },
      件: { scale: 1, base: '件', en: 'items' },
      辆: { scale: 1, base: '辆', en: 'vehicles' },
      万辆: { scale: 1e4, base: '辆', en: 'vehicles' },
      对: { scale: 1, base: '对', en: 'couples' },
      场: { scale: 1, base: '场', en: 'events' },
      次: { scale: 1, base: '次', en: 'times' },
      分: { scale: 1, base: '分', en: 'points' },
      '%': { scale: 1, base: '%', en: '%' },
    };
    expect(UNITS).toEqual(table);
    expect(Object.keys(UNITS)).toEqual(Object.keys(table));
  });
  it('UNITS table scales', () => {
    expect(UNITS['亿元']).toEqual({ scale: 1e8, base: '元', en: 'yuan' });
    expect(UNITS['万元'].scale).toBe(1e4);
    expect(UNITS['人'].en).toBe('people');
  });
});

describe('formatPercent', () => {
  it('signed by default', () => {
    expect(formatPercent(4.3, zh)).toBe('+4.3%');
    expect(formatPercent(-1.3, zh)).toBe('-1.3%');
    expect(formatPercent(0, zh)).toBe('0%');
    expect(formatPercent(4.3, en)).toBe('+4.3%');
    expect(formatPercent(-1.3, en)).toBe('-1.3%');
    expect(formatPercent(0, en)).toBe('0%');
  });
  it('a value rounding to zero is 0%', () => {
    expect(formatPercent(-0.01, zh)).toBe('0%');
  });
  it('signed false, precision, fixed', () => {
    expect(formatPercent(4.3, { ...zh, signed: false })).toBe('4.3%');
    expect(formatPercent(4.256, { ...en, precision: 2 })).toBe('+4.26%');
    expect(formatPercent(4.256, en)).toBe('+4.3%');
    expect(formatPercent(4.2, { ...en, fixed: 2 })).toBe('+4.20%');
    expect(formatPercent(4.25, { ...zh, fixed: 0, signed: false })).toBe('4%');
  });
  it('missing → —', () => {
    expect(formatPercent(NaN, zh)).toBe('—');
    expect(formatPercent(undefined, en)).toBe('—');
    expect(formatPercent(Infinity, en)).toBe('—');
  });
});

describe('formatExact', () => {
  it('groups without scaling', () => {
    expect(formatExact(170000, 'zh-CN')).toBe('170,000');
    expect(formatExact(170000, 'en')).toBe('170,000');
    expect(formatExact(-1234567, 'en')).toBe('-1,234,567');
  });
  it('max fraction digits default 2', () => {
    expect(formatExact(1234.5678, 'zh-CN')).toBe('1,234.57');
    expect(formatExact(1234.5678, 'en', 0)).toBe('1,235');
    expect(formatExact(1.5, 'en', 3)).toBe('1.5');
  });
  it('missing → —', () => {
    expect(formatExact(NaN, 'zh-CN')).toBe('—');
    expect(formatExact(null, 'en')).toBe('—');
  });
});

describe('formatTime', () => {
  const t = new Date('2024-03-05T08:07:09Z'); // 16:07:09 in Shanghai
  it('defaults to Asia/Shanghai', () => {
    expect(formatTime(t, 'zh-CN')).toBe('16:07:09');
    expect(formatTime(t, 'en')).toBe('16:07:09');
  });
  it('other time zones', () => {
    expect(formatTime(t, 'zh-CN', 'UTC')).toBe('08:07:09');
  });
  it('with the date, which changes at midnight Shanghai time', () => {
    const late = new Date('2024-03-05T16:30:00Z'); // 00:30 on 6 March in Shanghai
    expect(formatTime(late, 'zh-CN', 'Asia/Shanghai', true)).toBe('2024/03/06 00:30:00');
  });
  it('en after midnight prints 00, not 24', () => {
    const late = new Date('2024-03-05T16:30:00Z');
    expect(formatTime(late, 'en')).toBe('00:30:00');
    expect(formatTime(late, 'en', 'Asia/Shanghai', true)).toBe('03/06/2024, 00:30:00');
  });
});

// Issue 11: compact formatting keeps at least three significant digits, the same in every element.
describe('the compact rule (≥ 3 significant digits, same in every element)', () => {
  it('the figures of issue 11', () => {
    expect(formatAmount(32193.2, '亿元', zh)).toBe('3.22万亿元');
    expect(formatAmount(32193.2, '亿元', en)).toBe('3.22T yuan');
    expect(formatAmount(320.5, '亿元', en)).toBe('32.05B yuan');
    expect(formatAmount(320.5, '亿元', zh)).toBe('320.5亿元');
  });
  it.each([
    // value, zh-CN, en
    [10000, '1万', '10K'],
    [12345, '1.23万', '12.35K'],
    [170000, '17万', '170K'],
    [123456, '12.35万', '123.5K'],
    [1005000, '100.5万', '1.01M'],
    [12345678, '1235万', '12.35M'],
    [99999, '10万', '100K'],
    [8.609e9, '86.09亿', '8.61B'],
    [86_090_000_000, '860.9亿', '86.09B'],
    [3.205e10, '320.5亿', '32.05B'],
    [1e12, '1万亿', '1T'],
    [1.2e12, '1.2万亿', '1.2T'], // exact: trailing zeros are dropped, nothing is lost
    [3.21932e12, '3.22万亿', '3.22T'],
    [-3.21932e12, '-3.22万亿', '-3.22T'],
  ])('%d → %s / %s', (v, zhText, enText) => {
    expect(formatNumber(v, zh)).toBe(zhText);
    expect(formatNumber(v, en)).toBe(enText);
  });
  it('every compact figure of 1…9.999 × 10^k keeps at least three significant digits', () => {
    const sig = (s: string) => s.replace(/[^0-9]/g, '').replace(/^0+/, '').length;
    for (let k = 4; k <= 13; k++)
      for (const m of [1.23456, 2.34567, 4.56789, 9.87654]) {
        const v = m * 10 ** k;
        for (const o of [zh, en, { ...zh, precision: 0 }, { ...en, precision: 1 }]) {
          const p = formatNumberParts(v, o);
          expect(p.suffix, `${v} ${o.lang}`).not.toBe('');
          expect(sig(p.number), `${v} → ${p.text}`).toBeGreaterThanOrEqual(COMPACT_RULE.minSignificant);
        }
      }
  });
  it('a precision adds decimals but never drops below three significant digits', () => {
    expect(formatAmount(32193.2, '亿元', { ...zh, precision: 1 })).toBe('3.22万亿元');
    expect(formatAmount(32193.2, '亿元', { ...en, precision: 0 })).toBe('3.22T yuan');
    expect(formatNumber(123456, { ...zh, precision: 3 })).toBe('12.346万');
  });
});
