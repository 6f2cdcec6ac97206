/** Text of the growth chart shared by every kind: series names, units, tick labels, growth and rank phrases, CSV. */
import type { Lang } from '../../../core/i18n/lang.js';
import { formatAmount, formatNumber, formatPercent, isNumber, UNITS } from '../../../core/format/number.js';
import type { GrowthChartTerms } from '../growth-chart.i18n.js';
import type { GrowthPoint, GrowthSeries } from '../growth-chart.types.js';

export function seriesName(s: GrowthSeries, lang: Lang): string {
  return lang === 'en' ? s.nameEn ?? s.name : s.name;
}

export function unitTitle(unit: string | undefined, lang: Lang): string {
  if (!unit) return '';
  if (lang === 'zh-CN') return unit;
  const info = UNITS[unit];
  return info ? info.en : unit;
}

/** Tick label on a value axis: zh keeps the series unit (800 with 亿元 in the title), en rescales (80B, title yuan). */
function valueTick(v: number, unit: string | undefined, lang: Lang): string {
  if (lang === 'zh-CN' || !unit || !UNITS[unit]) return formatNumber(v, { lang, compact: 'auto' });
  return formatNumber(v * UNITS[unit].scale, { lang, compact: 'auto' });
}

// Tick labels repeat from update to update (0, 200, 400 …): formatted once each (Intl formatting dominates a rebuild).
// By language and unit, then by value (no key string to build per label).
const tickCache = new Map<string, Map<number, string>>();
let tickCount = 0;
let last: { lang: Lang; unit: string; byValue: Map<number, string> } | undefined;
export function tickLabel(unit: string, v: number, lang: Lang): string {
  let byValue = last && last.lang === lang && last.unit === unit ? last.byValue : undefined;
  if (!byValue) {
    const scope = lang + '|' + unit;
    byValue = tickCache.get(scope);
    if (!byValue) tickCache.set(scope, (byValue = new Map()));
    last = { lang, unit, byValue };
  }
  let s = byValue.get(v);
  if (s === undefined) {
    s = unit === 'rate' ? formatNumber(v, { lang, compact: false, precision: 1 }) : valueTick(v, unit || undefined, lang);
    if (++tickCount > 2000) {
      tickCount = 1;
      tickCache.clear();
      tickCache.set(lang + '|' + unit, (byValue = new Map()));
      last = { lang, unit, byValue };
    }
    byValue.set(v, s);
  }
  return s;
}

export function growthText(p: GrowthPoint, T: GrowthChartTerms, lang: Lang): string {
  if (!isNumber(p.growth)) return '';
  const pct = formatPercent(Math.abs(p.growth), { lang, signed: false });
  // A rate that reads 0% (a computed −0.04 %) is flat, never "down 0%".
  if (p.growth === 0 || pct === formatPercent(0, { lang, signed: false })) return T.flat;
  if (p.growthBasis === 'nominal') return p.growth > 0 ? T.upNominal(pct) : T.downNominal(pct);
  return p.growth > 0 ? T.up(pct) : T.down(pct);
}

export function rankText(p: GrowthPoint, T: GrowthChartTerms, lang: Lang): string {
  if (!p.rank) return '';
  const scope = lang === 'en' ? p.rank.scopeEn ?? p.rank.scope : p.rank.scope;
  return T.rank(p.rank.position, scope);
}

function csvCell(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v !== 'string') return String(v);
  let s = v;
  if (/^[=+\-@\t\r]/.test(s)) s = "'" + s; // no formulas when opened in a spreadsheet
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩';
export const noteMark = (i: number) => (i < CIRCLED.length ? CIRCLED[i] : `(${i + 1})`);

/** Columns of the CSV export (long format). */
export const CSV_HEAD = ['series', 'name', 'period', 'period_label', 'value', 'unit', 'growth', 'growth_basis', 'illustrative'];

/** Decimal places of a value as its data gives it (1107.5 → 1, 29129.03 → 2, 2e-7 → 7). */
function decimalsOf(v: number): number {
  const s = String(Math.abs(v));
  const e = s.indexOf('e');
  const frac = (e < 0 ? s : s.slice(0, e)).split('.')[1]?.length ?? 0;
  return Math.max(0, frac - (e < 0 ? 0 : +s.slice(e + 1)));
}

/**
 * A value with its unit as tooltips and summaries show it: scaled for reading (2628000 万元 → 262.8亿元, 1107.5 亿元 →
 * 110.75B yuan) but never with fewer digits than the data gives (1107.5亿元, not 1108亿元; 29129.03亿元 → 2.912903万亿元),
 * so it agrees with the table twin.
 */
export function amountText(v: number | null, unit: string | undefined, lang: Lang): string {
  if (!isNumber(v)) return formatAmount(v, unit, { lang });
  const scale = (unit && UNITS[unit]?.scale) || 1;
  // 0 has no magnitude to scale by: it keeps the series' unit (0亿元, as every other figure of the series reads; not
  // 0元), and -0 reads 0.
  if (v === 0) return lang === 'zh-CN' && scale > 1 ? `0${unit}` : formatAmount(0, unit, { lang });
  const base = Math.abs(v * scale);
  // The power of ten of the compact word Intl uses from 10,000 up (万 亿 万亿 / K M B T).
  const word = base < 1e4 ? 0 : lang === 'zh-CN' ? (base >= 1e12 ? 12 : base >= 1e8 ? 8 : 4) : base >= 1e12 ? 12 : base >= 1e9 ? 9 : base >= 1e6 ? 6 : 3;
  // At most 15 significant digits: a value with float noise (0.1 + 0.2) shows no noise.
  const intDigits = base >= 1 ? Math.floor(Math.log10(base)) + 1 - word : 1;
  const precision = Math.min(Math.max(0, 15 - intDigits), Math.max(0, decimalsOf(v) - Math.round(Math.log10(scale)) + word));
  return formatAmount(v, unit, { lang, precision });
}

/** A value in the headline summary: compact as every element's headline (3.22万亿元), 0 in the series' unit (0亿元). */
export const summaryAmount = (v: number, unit: string | undefined, lang: Lang) => (v === 0 ? amountText(0, unit, lang) : formatAmount(v, unit, { lang }));

/** A growth rate as shown in tooltips and summaries (12.3%). */
export const pctText = (v: number | null, lang: Lang) => formatPercent(v, { lang });

/** （示例数据，名义增速） / (illustrative, nominal) after a value, or ''. */
export function flagsText(pt: GrowthPoint, T: GrowthChartTerms, lang: Lang, withNominal = true): string {
  const f: string[] = [];
  if (withNominal && pt.growthBasis === 'nominal' && pt.growth !== null) f.push(T.nominalShort);
  if (pt.illustrative) f.push(T.illustrative);
  return f.length ? (lang === 'zh-CN' ? `（${f.join('，')}）` : ` (${f.join(', ')})`) : '';
}

/** Label separator: ：in Chinese, : in English. */
export const sepOf = (lang: Lang) => (lang === 'zh-CN' ? '：' : ': ');

/** A point's note in the current language, if any. */
export const noteOf = (pt: GrowthPoint | undefined, lang: Lang) => (pt ? (lang === 'en' ? pt.noteEn ?? pt.note : pt.note) : undefined);

/** Notes column of the table twin: illustrative / nominal / derived flags, notes and ranks of the points of a row. */
export function noteCell(pts: readonly (GrowthPoint | undefined)[], T: GrowthChartTerms, lang: Lang): string {
  const f: string[] = [];
  if (pts.some((pt) => pt?.illustrative)) f.push(T.illustrative);
  if (pts.some((pt) => pt && pt.growth !== null && pt.growthBasis === 'nominal')) f.push(T.nominal);
  if (pts.some((pt) => pt?.derived)) f.push(T.derived);
  for (const pt of pts) {
    const t = noteOf(pt, lang);
    if (t) f.push(t);
    const rk = pt ? rankText(pt, T, lang) : '';
    if (rk) f.push(T.rankGrowth(rk));
  }
  return f.join(lang === 'zh-CN' ? '；' : '; ');
}
