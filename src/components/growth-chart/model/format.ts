/** Text of the growth chart shared by every kind: series names, units, tick labels, growth and rank phrases, CSV. */
import type { Lang } from '../../../core/i18n/lang.js';
import { formatNumber, formatPercent, isNumber, UNITS } from '../../../core/format/number.js';
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
  if (p.growth === 0) return T.flat;
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
