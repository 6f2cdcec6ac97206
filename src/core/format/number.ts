/**
 * Number formatting for every element, through Intl only.
 *
 * zh-CN compact notation gives 万 / 亿 / 万亿 (12.35万, 860.9亿, 3.22万亿); en gives K / M / B / T.
 * No hand-written unit table for the scaling itself; the only table here maps the fixed
 * statistical units (亿元, 万人 …) to their base unit so a value published in 亿元 reads right in English.
 *
 * The compact rule (one rule for every element, see COMPACT_RULE): a compact figure keeps at least three
 * significant digits — by default it is rounded to four significant digits and at most two decimals, trailing zeros
 * dropped (3.22万亿, 32.05B, 1235万, 17万, 1.2万亿); an explicit `precision` asks for more decimals but never gives
 * fewer than three significant digits.
 */
import type { Lang } from '../i18n/lang.js';

/** What a missing, NaN or infinite value shows as. Text, so screen readers read "no data" from aria labels instead. */
export const NO_VALUE = '—';

/**
 * How the source states an approximate figure. Shown as the source writes it, never with invented precision.
 * - `over`: 超17万 / over 170K
 * - `odd`: 4万余 / 40K+ (余: "and some")
 * - `plus`: 1,300+ / 1,300+
 * - `about`: 约 / about
 * - `under`: 不足 / under
 */
export const QUALIFIERS = ['over', 'odd', 'plus', 'about', 'under'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

export interface NumberFormatOptions {
  lang: Lang;
  /**
   * Maximum fraction digits. Default 2 when not compact. Compact figures follow the compact rule (≥ 3 significant
   * digits; by default ≤ 4 significant digits and ≤ 2 decimals); a precision there adds decimals, never removes
   * significant digits below three.
   */
  precision?: number;
  /** Fixed fraction digits (pads with zeros). Overrides precision. */
  fixed?: number;
  /** `auto` (default) uses 万/亿 or K/M/B from 10,000 up; `true` always; `false` never. */
  compact?: boolean | 'auto';
  qualifier?: Qualifier;
  /** Show + for positive values. */
  signed?: boolean;
}

const cache = new Map<string, Intl.NumberFormat>();
function nf(lang: Lang, o: Intl.NumberFormatOptions): Intl.NumberFormat {
  // Hot path (count-up animations format thousands of values a second): a cheap key, not JSON.stringify.
  const r = o as RoundingOptions;
  const key = `${lang}|${o.style ?? ''}|${o.notation ?? ''}|${o.minimumFractionDigits ?? ''}|${o.maximumFractionDigits ?? ''}|${o.maximumSignificantDigits ?? ''}|${r.roundingPriority ?? ''}|${o.signDisplay ?? ''}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang, o);
    cache.set(key, f);
  }
  return f;
}

export function isNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** ES2023 Intl rounding options (Node 20 and Chromium have them; the project's TS lib is ES2021). */
type RoundingOptions = Intl.NumberFormatOptions & { roundingPriority?: 'auto' | 'morePrecision' | 'lessPrecision' };

/**
 * The compact rule, the same in every element: a compact figure (万/亿/万亿, K/M/B/T) keeps at least three
 * significant digits. Default: four significant digits and at most two decimals, whichever is less precise
 * (3.21932万亿 → 3.22万亿, 32.05B, 12345678 → 1235万); trailing zeros are dropped (17万, 1.2万亿 — exact).
 * With an explicit precision: that many decimals, or three significant digits, whichever is more precise.
 */
export const COMPACT_RULE = { minSignificant: 3, maxSignificant: 4, maxFraction: 2 } as const;

function compactRounding(precision: number | undefined): RoundingOptions {
  if (precision === undefined)
    return { maximumFractionDigits: COMPACT_RULE.maxFraction, maximumSignificantDigits: COMPACT_RULE.maxSignificant, roundingPriority: 'lessPrecision' };
  return { maximumFractionDigits: precision, maximumSignificantDigits: COMPACT_RULE.minSignificant, roundingPriority: 'morePrecision' };
}

function intlOptions(value: number, o: NumberFormatOptions): Intl.NumberFormatOptions {
  const compactMode = o.compact ?? 'auto';
  const compact = compactMode === true || (compactMode === 'auto' && Math.abs(value) >= 1e4);
  let opts: Intl.NumberFormatOptions = {};
  if (compact) opts.notation = 'compact';
  if (o.fixed !== undefined) {
    opts.minimumFractionDigits = o.fixed;
    opts.maximumFractionDigits = o.fixed;
  } else if (compact) {
    opts = { ...opts, ...compactRounding(o.precision) };
  } else {
    opts.maximumFractionDigits = o.precision ?? 2;
  }
  if (o.signed) opts.signDisplay = 'exceptZero';
  return opts;
}

/** Splits a formatted number into the figure and its scale suffix (万, 亿, K, B …), for big-number displays. */
export interface NumberParts {
  /** Sign, digits, separators: "-12.3". */
  number: string;
  /** Scale word from compact notation: 万, 亿, 万亿, K, M, B, T, or ''. */
  suffix: string;
  /** Qualifier text before the number (超, 约, over, about), or ''. */
  prefix: string;
  /** Qualifier text after the suffix (余, +), or ''. */
  postfix: string;
  /** The whole thing as one string. */
  text: string;
}

export function formatNumberParts(value: number | null | undefined, o: NumberFormatOptions): NumberParts {
  if (!isNumber(value)) return { number: NO_VALUE, suffix: '', prefix: '', postfix: '', text: NO_VALUE };
  const f = nf(o.lang, intlOptions(value, o));
  let parts = f.formatToParts(value);
  // Intl keeps the sign of a negative value that rounds to zero ("-0"); a statistics board must show 0.
  if (value < 0 && parts.every((p) => (p.type !== 'integer' && p.type !== 'fraction') || /^0+$/.test(p.value))) parts = f.formatToParts(0);
  let number = '';
  let suffix = '';
  for (const p of parts) {
    if (p.type === 'compact') suffix += p.value;
    else if (p.type !== 'literal' || suffix === '') number += p.value;
  }
  number = number.trim();
  const [prefix, postfix] = qualifierText(o.qualifier, o.lang);
  const sep = o.lang === 'en' && prefix ? ' ' : '';
  return { number, suffix, prefix, postfix, text: `${prefix}${sep}${number}${suffix}${postfix}` };
}

function qualifierText(q: Qualifier | undefined, lang: Lang): [string, string] {
  if (!q) return ['', ''];
  const zh = lang === 'zh-CN';
  switch (q) {
    case 'over':
      return [zh ? '超' : 'over', ''];
    case 'odd':
      return ['', zh ? '余' : '+'];
    case 'plus':
      return ['', '+'];
    case 'about':
      return [zh ? '约' : 'about', ''];
    case 'under':
      return [zh ? '不足' : 'under', ''];
  }
}

/** 12.35万 / 123.5K, 860.9亿 / 86.09B, 超17万 / over 170K, NaN → — (compact figures: see COMPACT_RULE) */
export function formatNumber(value: number | null | undefined, o: NumberFormatOptions): string {
  return formatNumberParts(value, o).text;
}

/**
 * A percentage given in percent units (4.3 means 4.3%): +4.3% / -1.2% / 0%.
 * `signed` defaults to true, as growth rates are read with their sign.
 */
export function formatPercent(
  value: number | null | undefined,
  o: { lang: Lang; precision?: number; fixed?: number; signed?: boolean },
): string {
  if (!isNumber(value)) return NO_VALUE;
  const opts: Intl.NumberFormatOptions = { style: 'percent' };
  if (o.fixed !== undefined) {
    opts.minimumFractionDigits = o.fixed;
    opts.maximumFractionDigits = o.fixed;
  } else opts.maximumFractionDigits = o.precision ?? 1;
  if (o.signed ?? true) opts.signDisplay = 'exceptZero';
  return nf(o.lang, opts).format(value / 100);
}

/** Fixed statistical units: the scale they carry and their base unit. */
export interface UnitInfo {
  /** Multiplier to the base unit: 亿元 → 1e8. */
  scale: number;
  /** Base unit in Chinese (元, 人, 辆 …), '' for a plain count. */
  base: string;
  /** Base unit in English ('yuan', 'people' …), '' for none. */
  en: string;
}

// Written as one string, not an object literal: bundlers escape every CJK character as \uXXXX, and the literal
// repeated each base unit in three places (issue 16: every element's first load). One entry per unit, in this order,
// `unit[ english]`; a unit in 万 or 亿 of a base unit scales that base and reads as it (万元: 1e4 元, 'yuan').
export const UNITS: Record<string, UnitInfo> = /* @__PURE__ */ (() => {
  const units: Record<string, UnitInfo> = {};
  for (const entry of '元 yuan,万元,亿元,人 people,万人,名 people,人次 visits,万人次,亿人次,户 households,所,个,家 firms,项 projects,件 items,辆 vehicles,万辆,对 couples,场 events,次 times,分 points,% %'.split(',')) {
    const [unit, en] = entry.split(' ');
    const scale = unit.length > 1 ? ({ 万: 1e4, 亿: 1e8 } as Record<string, number>)[unit[0]] : undefined;
    const base = scale ? unit.slice(1) : unit;
    units[unit] = { scale: scale ?? 1, base, en: en ?? units[base]?.en ?? '' };
  }
  return units;
})();

export interface AmountParts extends NumberParts {
  /** Unit after the scale suffix: 元 in 860.9亿元, "yuan" in 86.1B yuan. */
  unit: string;
}

/**
 * A value in a fixed unit, rescaled for reading: 860.9 亿元 → 860.9亿元 (zh-CN) / 86.09B yuan (en);
 * 170000 人 with qualifier over → 超17万人 / over 170K people. Unknown units are appended unchanged.
 */
export function formatAmountParts(value: number | null | undefined, unit: string | undefined, o: NumberFormatOptions): AmountParts {
  const info = unit ? UNITS[unit] : undefined;
  if (!unit) return { ...formatNumberParts(value, o), unit: '' };
  if (!info) {
    // A unit that carries its own magnitude (万吨, 万千瓦时, 亿美元) is not compacted again: 1.23万万吨.
    const p = formatNumberParts(value, /^[万亿]/.test(unit) ? { ...o, compact: false } : o);
    return { ...p, unit, text: p.text === NO_VALUE ? NO_VALUE : p.text + (o.lang === 'en' ? ' ' : '') + unit };
  }
  if (info.base === '%') {
    const text = formatPercent(value, { lang: o.lang, precision: o.precision, fixed: o.fixed, signed: o.signed ?? false });
    return { number: text.replace('%', ''), suffix: '', prefix: '', postfix: '', unit: '%', text };
  }
  const base = isNumber(value) ? value * info.scale : value;
  const p = formatNumberParts(base, o);
  const u = o.lang === 'zh-CN' ? info.base : info.en;
  if (p.text === NO_VALUE) return { ...p, unit: u };
  const text = o.lang === 'zh-CN' ? p.text + u : u ? `${p.text} ${u}` : p.text;
  return { ...p, unit: u, text };
}

export function formatAmount(value: number | null | undefined, unit: string | undefined, o: NumberFormatOptions): string {
  return formatAmountParts(value, unit, o).text;
}

/** Whole numbers with grouping, no scaling: 170,000 / 170,000. For tables that must show exact figures. */
export function formatExact(value: number | null | undefined, lang: Lang, maxFractionDigits = 2): string {
  if (!isNumber(value)) return NO_VALUE;
  return nf(lang, { maximumFractionDigits: maxFractionDigits }).format(value);
}
