import { describe, expect, it } from 'vitest';
import {
  buildTileView,
  computeDelta,
  deltaHue,
  deltaLabelText,
  fitFontSize,
  formatDelta,
  formatValueParts,
  itemDelta,
  needsDetails,
} from '../../../../src/components/kpi-tile/kpi-tile.model.js';
import { computeStatus, makeDetails, progressRatio, sparklinePath } from '../../../../src/components/kpi-tile/kpi-tile.details.js';
import { css, html, svg } from 'lit';
import { formatAmount, formatPercent } from '../../../../src/core/format/number.js';
import { parseKpiItem, parseSeriesAttr, parseThresholdsAttr, type ParsedKpi } from '../../../../src/components/kpi-tile/kpi-tile.parse.js';
import { countUpDecimals, countUpSteps, countUpValue } from '../../../../src/components/kpi-tile/kpi-tile.count-up.js';
import { kpiTileTerms } from '../../../../src/components/kpi-tile/kpi-tile.i18n.js';
import type { Issue } from '../../../../src/data/validate.js';

const zh = kpiTileTerms['zh-CN'];
const en = kpiTileTerms.en;

function parse(raw: unknown): { item: ParsedKpi | undefined; issues: Issue[] } {
  const issues: Issue[] = [];
  return { item: parseKpiItem(raw, '', issues), issues };
}
// The details chunk (status, progress, sparkline, period), made with the kit the tile gives it.
const details = makeDetails({ html, svg, css, formatAmount, formatPercent });
function view(raw: unknown, lang: 'zh-CN' | 'en' = 'zh-CN', deltaFormat?: 'percent' | 'absolute' | 'both') {
  const { item } = parse(raw);
  return buildTileView(item!, { lang, terms: lang === 'en' ? en : zh, deltaFormat, details: needsDetails(item!) ? details.addDetails : undefined });
}

describe('parseKpiItem', () => {
  it('keeps a long unit whole (the tile ends it in … where it does not fit), up to 40 characters', () => {
    expect(parse({ label: 'x', value: 1, unit: 'thousand visitors' }).item?.unit).toBe('thousand visitors');
    expect(parse({ label: 'x', value: 1, unit: 'x'.repeat(50) }).item?.unit).toHaveLength(40);
  });
  it('reads a kpis.json item with every optional field', () => {
    const { item, issues } = parse({
      id: 'students', label: '在校学生', labelEn: 'Students enrolled', value: 170000, unit: '人', qualifier: 'over',
      previous: 160000, target: 180000, deltaLabel: '同比', history: [1, 2, '3'], caption: 'c', captionEn: 'ce',
      source: 'FACTS.md §3', region: 500118, group: 'scale', illustrative: false, historyIllustrative: true,
      thresholds: { warn: 150000, alert: 100000 }, better: 'higher', precision: 1,
    });
    expect(issues).toEqual([]);
    expect(item).toMatchObject({ id: 'students', value: 170000, unit: '人', qualifier: 'over', previous: 160000, target: 180000,
      history: [1, 2, 3], region: '500118', group: 'scale', historyIllustrative: true, thresholds: { warn: 150000, alert: 100000 }, precision: 1 });
  });

  it('accepts a bare number and numeric strings', () => {
    expect(parse(17).item?.value).toBe(17);
    expect(parse({ label: 'x', value: '12.5' }).item?.value).toBe(12.5);
  });

  it.each([
    ['non-numeric', 'abc', 'type'],
    ['NaN', NaN, 'not-finite'],
    ['Infinity', Infinity, 'not-finite'],
    ['1e20', 1e20, 'out-of-range'],
    ['an object', { n: 1 }, 'type'],
  ])('marks %s as invalid with a located issue', (_n, value, code) => {
    const { item, issues } = parse({ label: 'x', value });
    expect(item).toMatchObject({ value: null, invalid: true });
    expect(issues[0]).toMatchObject({ path: 'value', code, severity: 'error' });
  });

  it('rejects negative counts but accepts negative amounts and explicit min', () => {
    expect(parse({ label: 'x', value: -5, unit: '人' }).item?.invalid).toBe(true);
    expect(parse({ label: 'x', value: -5, unit: '亿元' }).item?.value).toBe(-5);
    expect(parse({ label: 'x', value: -5, unit: '人', min: -10 }).item?.value).toBe(-5);
    expect(parse({ label: 'x', value: 3, unit: '%', min: 5 }).item?.invalid).toBe(true);
  });

  it('counts things in exactly these units (negative values rejected), and in no other', () => {
    const counts = ['人', '万人', '名', '人次', '户', '所', '个', '家', '项', '辆', '万辆', '对', '场', '次'];
    for (const unit of counts) expect(parse({ label: 'x', value: -5, unit }).item?.invalid, unit).toBe(true);
    for (const unit of ['元', '万元', '亿元', '分', '%', 'km', '吨', 'constructor', '__proto__'])
      expect(parse({ label: 'x', value: -5, unit }).item?.value, unit).toBe(-5);
  });

  it('treats a missing value as an error and null as "no data"', () => {
    const missing = parse({ label: 'x' });
    expect(missing.item?.invalid).toBe(true);
    expect(missing.issues[0]).toMatchObject({ path: 'value', code: 'required' });
    const none = parse({ label: 'x', value: null });
    expect(none.item).toMatchObject({ value: null });
    expect(none.item?.invalid).toBeUndefined();
    expect(none.issues).toEqual([]);
  });

  it('warns about a missing label but keeps the item', () => {
    const { item, issues } = parse({ value: 3 });
    expect(item?.value).toBe(3);
    expect(issues).toEqual([expect.objectContaining({ path: 'label', code: 'required', severity: 'warning' })]);
  });

  it('keeps markup as text', () => {
    expect(parse({ label: '<img src=x onerror=alert(1)>', value: 1 }).item?.label).toBe('<img src=x onerror=alert(1)>');
  });

  it('reports bad optional fields with paths and keeps the rest', () => {
    const issues: Issue[] = [];
    const item = parseKpiItem({ label: 'x', value: 1, qualifier: 'lots', history: [1, 'a', 3], better: 'up', thresholds: 5 }, 'items[3]', issues);
    expect(item?.value).toBe(1);
    expect(item?.history).toEqual([1, 3]);
    expect(issues.map((i) => i.path)).toEqual(['items[3].qualifier', 'items[3].history[1]', 'items[3].thresholds', 'items[3].better']);
  });

  it('maps Chinese qualifier words', () => {
    expect(parse({ label: 'x', value: 1, qualifier: '超' }).item?.qualifier).toBe('over');
    expect(parse({ label: 'x', value: 1, qualifier: '余' }).item?.qualifier).toBe('odd');
  });

  it('returns undefined for non-objects', () => {
    const { item, issues } = parse([1, 2]);
    expect(item).toBeUndefined();
    expect(issues[0]).toMatchObject({ path: '$', code: 'type' });
  });

  it('keeps an upstream invalid verdict without a second issue', () => {
    const { item, issues } = parse({ label: 'x', value: null, invalid: true });
    expect(item?.invalid).toBe(true);
    expect(issues).toEqual([]);
  });
});

describe('attribute parsers', () => {
  it('parses thresholds "warn,alert"', () => {
    expect(parseThresholdsAttr('90,80')).toEqual({ warn: 90, alert: 80 });
    expect(parseThresholdsAttr(',80')).toEqual({ warn: undefined, alert: 80 });
    expect(parseThresholdsAttr('x')).toBeUndefined();
    expect(parseThresholdsAttr(null)).toBeUndefined();
  });
  it('parses a sparkline series', () => {
    expect(parseSeriesAttr('1, 2 3,,x,4')).toEqual([1, 2, 3, 4]);
    expect(parseSeriesAttr('')).toBeUndefined();
  });
});

describe('value formatting (FACTS §3 figures)', () => {
  it.each([
    [{ value: 17, unit: '所' }, '17所', '17'],
    [{ value: 170000, unit: '人', qualifier: 'over' }, '超17万人', 'over 170K people'],
    [{ value: 40000, unit: '名', qualifier: 'odd' }, '4万余名', '40K+ people'],
    [{ value: 1300, unit: '个', qualifier: 'plus' }, '1,300+个', '1,300+'],
    [{ value: 860.9, unit: '亿元' }, '860.9亿元', '86.09B yuan'],
    [{ value: 462, unit: '亿元' }, '462亿元', '46.2B yuan'],
    [{ value: 9999, unit: '人' }, '9,999人', '9,999 people'],
    [{ value: 10000, unit: '人' }, '1万人', '10K people'],
    [{ value: 99999999 }, '1亿', '100M'],
    [{ value: 100000000 }, '1亿', '100M'],
    [{ value: 1e12 }, '1万亿', '1T'],
    [{ value: 85.2, unit: '%' }, '85.2%', '85.2%'],
    [{ value: 12345 }, '1.23万', '12.35K'],
    [{ value: -12345 }, '-1.23万', '-12.35K'],
    [{ value: 999999 }, '100万', '1M'],
    [{ value: 123456789 }, '1.23亿', '123.5M'],
    [{ value: 999999999999 }, '1万亿', '1T'],
    [{ value: 0 }, '0', '0'],
    [{ value: 0.5, unit: '万元' }, '5,000元', '5,000 yuan'],
    [{ value: 462, unit: '亿元', qualifier: 'about' }, '约462亿元', 'about 46.2B yuan'],
    [{ value: 100, unit: '个', qualifier: 'under' }, '不足100个', 'under 100'],
  ])('%j → %s / %s', (item, zhText, enText) => {
    expect(formatValueParts(item.value, item as never, 'zh-CN').text).toBe(zhText);
    expect(formatValueParts(item.value, item as never, 'en').text).toBe(enText);
  });

  it('splits parts for the big-number display', () => {
    expect(formatValueParts(170000, { unit: '人', qualifier: 'over' }, 'zh-CN')).toMatchObject({ prefix: '超', number: '17', suffix: '万', unit: '人', postfix: '' });
    expect(formatValueParts(40000, { unit: '名', qualifier: 'odd' }, 'en')).toMatchObject({ prefix: '', number: '40', suffix: 'K', postfix: '+', unit: 'people' });
  });

  it('honours precision', () => {
    expect(formatValueParts(860.94, { unit: '亿元', precision: 2 }, 'zh-CN').text).toBe('860.94亿元');
    expect(formatValueParts(123456, { precision: 0 }, 'zh-CN').text).toBe('12.3万'); // compact rule: precision 0 still keeps three significant digits (issue 11)
  });
});

describe('deltas', () => {
  it('computes absolute, percent and direction', () => {
    expect(computeDelta(110, 100)).toEqual({ absolute: 10, percent: 10, direction: 'up', against: 'previous' });
    expect(computeDelta(90, 100)).toMatchObject({ absolute: -10, percent: -10, direction: 'down' });
    expect(computeDelta(0.3, 0.1 + 0.2)).toMatchObject({ absolute: 0, direction: 'flat' });
    expect(computeDelta(5, 0)).toMatchObject({ absolute: 5, percent: undefined, direction: 'up' });
    expect(computeDelta(-5, -10)).toMatchObject({ absolute: 5, percent: 50, direction: 'up' });
    expect(computeDelta(null, 1)).toBeUndefined();
    expect(computeDelta(1, undefined)).toBeUndefined();
  });

  it('prefers previous over target', () => {
    expect(itemDelta({ value: 10, previous: 8, target: 20 })).toMatchObject({ against: 'previous', absolute: 2 });
    expect(itemDelta({ value: 10, target: 20 })).toMatchObject({ against: 'target', absolute: -10 });
    expect(itemDelta({ value: 10 })).toBeUndefined();
  });

  it('maps directions to hues per convention', () => {
    expect(deltaHue('up', 'red-up')).toBe('red');
    expect(deltaHue('down', 'red-up')).toBe('green');
    expect(deltaHue('up', 'green-up')).toBe('green');
    expect(deltaHue('down', 'green-up')).toBe('red');
    expect(deltaHue('flat', 'red-up')).toBe('neutral');
  });

  it('labels 同比 / 环比 in both languages', () => {
    expect(deltaLabelText('同比', 'previous', en)).toBe('YoY');
    expect(deltaLabelText('yoy', 'previous', zh)).toBe('同比');
    expect(deltaLabelText('环比', 'previous', en)).toBe('MoM');
    expect(deltaLabelText(undefined, 'target', zh)).toBe('较目标');
    expect(deltaLabelText('', 'previous', en)).toBe('vs previous');
    expect(deltaLabelText('较2021年', 'previous', en)).toBe('较2021年');
  });

  it('formats percent, absolute and both, with words for screen readers', () => {
    const d = computeDelta(860.9, 825.4)!;
    expect(formatDelta(d, { lang: 'zh-CN', unit: '亿元', label: '同比', terms: zh })).toMatchObject({ text: '+4.3%', label: '同比', a11y: '同比上升4.3%' });
    expect(formatDelta(d, { lang: 'en', unit: '亿元', label: '同比', terms: en })).toMatchObject({ text: '+4.3%', a11y: 'YoY up 4.3%' });
    expect(formatDelta(d, { lang: 'zh-CN', unit: '亿元', format: 'absolute', terms: zh }).text).toBe('+35.5亿元');
    expect(formatDelta(d, { lang: 'en', unit: '亿元', format: 'both', terms: en }).text).toBe('+3.55B yuan (+4.3%)');
    expect(formatDelta(d, { lang: 'zh-CN', unit: '亿元', format: 'both', terms: zh }).text).toBe('+35.5亿元（+4.3%）');
  });

  it('formats negative deltas with a minus sign and the word down', () => {
    const d = computeDelta(90, 100)!;
    const v = formatDelta(d, { lang: 'zh-CN', label: '环比', terms: zh });
    expect(v.text).toBe('-10%');
    expect(v.a11y).toBe('环比下降10%');
    expect(formatDelta(d, { lang: 'en', format: 'absolute', terms: en }).a11y).toBe('vs previous down 10');
  });

  it('uses percentage points for % units and absolute when the reference is 0', () => {
    const d = computeDelta(85.2, 86)!;
    expect(formatDelta(d, { lang: 'zh-CN', unit: '%', terms: zh }).text).toBe('-0.8个百分点');
    expect(formatDelta(d, { lang: 'en', unit: '%', terms: en }).text).toBe('-0.8 pp');
    expect(formatDelta(computeDelta(5, 0)!, { lang: 'zh-CN', unit: '个', terms: zh }).text).toBe('+5个');
  });

  it('says flat without a figure', () => {
    const v = formatDelta(computeDelta(5, 5)!, { lang: 'zh-CN', label: '同比', terms: zh });
    expect(v.direction).toBe('flat');
    expect(v.a11y).toBe('同比持平');
  });
});

describe('status and progress', () => {
  it('uses thresholds (higher is better by default)', () => {
    const t = { warn: 90, alert: 80 };
    expect(computeStatus({ value: 95, thresholds: t })?.level).toBe('ok');
    expect(computeStatus({ value: 90, thresholds: t })?.level).toBe('ok');
    expect(computeStatus({ value: 85, thresholds: t })?.level).toBe('warn');
    expect(computeStatus({ value: 70, thresholds: t })).toEqual({ level: 'alert', reason: 'threshold', term: 'statusAlert' });
  });
  it('inverts for lower-is-better', () => {
    const t = { warn: 10, alert: 20 };
    expect(computeStatus({ value: 5, thresholds: t, better: 'lower' })?.level).toBe('ok');
    expect(computeStatus({ value: 15, thresholds: t, better: 'lower' })?.level).toBe('warn');
    expect(computeStatus({ value: 25, thresholds: t, better: 'lower' })?.level).toBe('alert');
  });
  it('falls back to the target, and an explicit status wins', () => {
    expect(computeStatus({ value: 1300, target: 1500 })).toEqual({ level: 'warn', reason: 'target', term: 'belowTarget' });
    expect(computeStatus({ value: 1500, target: 1500 })?.term).toBe('targetMet');
    expect(computeStatus({ value: 12, target: 10, better: 'lower' })?.term).toBe('aboveTarget');
    expect(computeStatus({ value: 1, status: 'alert', target: 0 })?.reason).toBe('explicit');
    expect(computeStatus({ value: null, target: 5 })).toBeUndefined();
    expect(computeStatus({ value: 5 })).toBeUndefined();
  });
  it('clamps the progress bar but keeps the true ratio', () => {
    expect(progressRatio(50, 200)).toEqual({ ratio: 0.25, raw: 0.25 });
    expect(progressRatio(300, 200)).toEqual({ ratio: 1, raw: 1.5 });
    expect(progressRatio(-1, 200)?.ratio).toBe(0);
    expect(progressRatio(5, 0)).toBeUndefined();
    expect(progressRatio(null, 5)).toBeUndefined();
  });
});

describe('sparkline', () => {
  it('draws the series in the box, max at the top', () => {
    expect(sparklinePath([0, 10], 100, 30, 2)).toBe('M0,28L100,2');
    expect(sparklinePath([1, 3, 2], 100, 30, 0)).toBe('M0,30L50,0L100,15');
  });
  it('draws a flat series mid-height and nothing for fewer than 2 points', () => {
    expect(sparklinePath([4, 4, 4], 100, 30)).toBe('M0,15L50,15L100,15');
    expect(sparklinePath([4])).toBe('');
    expect(sparklinePath([NaN, 4])).toBe('');
  });
});

describe('count-up', () => {
  it('eases from → to and lands exactly on the target', () => {
    const steps = countUpSteps(0, 170000, 10);
    expect(steps).toHaveLength(10);
    expect(steps[9]).toBe(170000);
    for (let i = 1; i < steps.length; i++) expect(steps[i]).toBeGreaterThanOrEqual(steps[i - 1]!);
    expect(steps[0]).toBeGreaterThan(170000 / 10); // ease-out: fast start
  });
  it('counts down too, and rounds to the display decimals', () => {
    const steps = countUpSteps(10, 0, 4);
    expect(steps[3]).toBe(0);
    expect(steps.every((s, i) => i === 0 || s <= steps[i - 1]!)).toBe(true);
    expect(countUpValue(0, 1, 0.5, 2)).toBe(0.88);
    expect(Number.isInteger(countUpValue(0, 100, 0.33, 0))).toBe(true);
  });
  it('returns the target at t ≥ 1 and handles a single frame', () => {
    expect(countUpValue(3, 7, 1.5)).toBe(7);
    expect(countUpSteps(3, 7, 0)).toEqual([7]);
  });
  it('chooses decimals from precision or the values', () => {
    expect(countUpDecimals(0, 17)).toBe(0);
    expect(countUpDecimals(0, 860.9)).toBe(2);
    expect(countUpDecimals(0, 860.9, 1)).toBe(1);
  });
});

describe('fit to width', () => {
  const line = (perPx: number) => (size: number) => perPx * size;
  it('keeps the top size when it fits', () => {
    expect(fitFontSize(line(2), 200, 48, 12)).toBe(48);
  });
  it('steps down in 0.5 px steps to the largest size that fits', () => {
    expect(fitFontSize(line(400 / 48), 200, 48, 12)).toBe(24);
    expect(fitFontSize(line(301 / 48), 200, 48, 12)).toBe(31.5);
    // a part that stops shrinking at the floor (a unit): the figure shrinks further
    expect(fitFontSize((v) => 4 * v + 5 * Math.max(0.42 * v, 12), 200, 48, 12)).toBe(32.5);
  });
  it('never goes below the floor', () => {
    expect(fitFontSize(line(10000 / 48), 100, 48, 12)).toBe(12);
    expect(fitFontSize(line(1), 0, 48, 14)).toBe(14);
  });
});

describe('buildTileView', () => {
  it('builds the whole tile in zh-CN', () => {
    const v = view({ label: '在校学生', value: 170000, unit: '人', qualifier: 'over', previous: 160000, deltaLabel: '同比', history: [1, 2, 3] });
    expect(v.label).toBe('在校学生');
    expect(v.value.text).toBe('超17万人');
    expect(v.delta).toMatchObject({ direction: 'up', text: '+6.3%', label: '同比' });
    expect(v.spark?.path).not.toBe('');
    expect(v.announce).toBe('在校学生：超17万人，同比上升6.3%');
  });
  it('uses English labels and captions in en', () => {
    const v = view({ label: '在校学生', labelEn: 'Students', caption: '中', captionEn: 'EN', value: 170000, unit: '人', qualifier: 'over' }, 'en');
    expect(v.label).toBe('Students');
    expect(v.caption).toBe('EN');
    expect(v.announce).toBe('Students: over 170K people');
  });
  it('shows a dash and says invalid for bad values, without delta or status', () => {
    const v = view({ label: 'x', value: 'abc', previous: 3, target: 5 });
    expect(v.invalid).toBe(true);
    expect(v.value.text).toBe('—');
    expect(v.delta).toBeUndefined();
    expect(v.status).toBeUndefined();
    expect(v.announce).toBe('x：数值无效');
  });
  it('names unnamed KPIs', () => {
    const v = view({ value: 3 }, 'en');
    expect(v.unnamed).toBe(true);
    expect(v.label).toBe('Unnamed indicator');
  });
  it('includes progress and status against a target', () => {
    const v = view({ label: '实训基地', value: 1300, unit: '个', qualifier: 'plus', target: 1500 });
    expect(v.progress).toMatchObject({ ratio: 1300 / 1500, percentText: '87%' });
    expect(v.progress?.a11y).toBe('目标 1,500个，已完成 87%');
    expect(v.status).toMatchObject({ level: 'warn', text: '未达目标' });
    expect(v.announce).toBe('实训基地：1,300+个，较目标下降13.3%，未达目标');
  });
  it('flags illustrative trends', () => {
    expect(view({ label: 'x', value: 1, history: [1, 2], historyIllustrative: true }).spark?.illustrative).toBe(true);
    expect(view({ label: 'x', value: 1, history: [1, 2], illustrative: true })).toMatchObject({ illustrative: true, spark: { illustrative: true } });
  });
  it('needs the details chunk only for a status, progress, sparkline or period (issue 16)', () => {
    const needs = (raw: unknown) => needsDetails(parse(raw).item!);
    expect(needs({ label: 'x', value: 1, previous: 2, deltaLabel: '同比', caption: 'c', source: 's' })).toBe(false);
    expect(needs({ label: 'x', value: 'abc', target: 5, thresholds: { warn: 1 } }), 'an invalid value shows no status or progress').toBe(false);
    for (const extra of [{ target: 5 }, { thresholds: { warn: 1 } }, { status: 'ok' }, { history: [1, 2] }, { period: '2022' }])
      expect(needs({ label: 'x', value: 1, ...extra }), JSON.stringify(extra)).toBe(true);
    expect(needs({ label: 'x', value: 1, history: [1] }), 'one point draws no sparkline').toBe(false);
    // Without the chunk's addDetails a view has none of them (the tile waits for the chunk instead of drawing that).
    const { item } = parse({ label: 'x', value: 1300, target: 1500, history: [1, 2], period: '2022' });
    const bare = buildTileView(item!, { lang: 'zh-CN', terms: zh });
    expect([bare.status, bare.progress, bare.spark, bare.period]).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe('period', () => {
  it('reads and localises the reporting period, and names it in the announcement', () => {
    const zhView = view({ label: '地区生产总值', value: 860.9, unit: '亿元', period: '2022-01/2022-09' });
    expect(zhView.period).toBe('2022年1—9月');
    expect(zhView.announce).toBe('地区生产总值（2022年1—9月）：860.9亿元');
    const enView = view({ label: 'x', labelEn: 'GDP', value: 860.9, unit: '亿元', period: '2022-01/2022-09' }, 'en');
    expect(enView.period).toBe('Jan–Sep 2022');
    expect(enView.announce).toBe('GDP (Jan–Sep 2022): 86.09B yuan');
  });
});
