/**
 * Statistical reporting periods as Chinese statistics bureaus publish them.
 *
 * Four kinds, written as ISO 8601 strings in data:
 * - `year`        `2022`             → 2022年 / 2022
 * - `quarter`     `2022Q3`           → 2022年第三季度 / Q3 2022 (a single quarter)
 * - `month`       `2022-09`          → 2022年9月 / Sep 2022 (a single month)
 * - `cumulative`  `2022-01/2022-09`  → 2022年1—9月 / Jan–Sep 2022 (year to date, always from January)
 *
 * Accepted variants: `2022-Q3`, `2022q3`, `2022-9`, `2022-01/09` (ISO abbreviated end), surrounding spaces.
 * Pure module: no DOM, no side effects.
 */
import type { Lang } from '../i18n/lang.js';

export const PERIOD_KINDS = ['year', 'quarter', 'month', 'cumulative'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface Period {
  kind: PeriodKind;
  /** Canonical string: `2022`, `2022Q3`, `2022-09`, `2022-01/2022-09`. */
  key: string;
  year: number;
  /** First month covered, 1–12. */
  startMonth: number;
  /** Last month covered, 1–12. */
  endMonth: number;
  /** 1–4 for quarters. */
  quarter?: number;
}

export type PeriodResult = { period: Period; error?: undefined } | { period?: undefined; error: string };

const pad = (n: number) => (n < 10 ? '0' + n : String(n));

function make(kind: PeriodKind, year: number, startMonth: number, endMonth: number, quarter?: number): Period {
  let key: string;
  switch (kind) {
    case 'year':
      key = String(year);
      break;
    case 'quarter':
      key = `${year}Q${quarter}`;
      break;
    case 'month':
      key = `${year}-${pad(endMonth)}`;
      break;
    case 'cumulative':
      key = `${year}-01/${year}-${pad(endMonth)}`;
      break;
  }
  const p: Period = { kind, key, year, startMonth, endMonth };
  if (quarter !== undefined) p.quarter = quarter;
  return p;
}

export function yearPeriod(year: number): Period {
  return make('year', year, 1, 12);
}
export function quarterPeriod(year: number, quarter: number): Period {
  return make('quarter', year, quarter * 3 - 2, quarter * 3, quarter);
}
export function monthPeriod(year: number, month: number): Period {
  return make('month', year, month, month);
}
export function cumulativePeriod(year: number, endMonth: number): Period {
  return make('cumulative', year, 1, endMonth);
}

const validYear = (y: number) => y >= 1900 && y <= 2200;
const validMonth = (m: number) => m >= 1 && m <= 12;

// Why a string is no period, as a code (and the value the message names); parsePeriod words it. formatPeriod needs no
// words, so a page that only formats periods (the KPI tile) does not carry them (issue 16).
type Miss = readonly [code: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7, value?: number | string];

function readPeriod(input: unknown): Period | Miss {
  if (typeof input === 'number' && Number.isInteger(input)) input = String(input);
  if (typeof input !== 'string') return [0];
  const s = input.trim();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(s))) {
    const y = +m[1];
    return validYear(y) ? yearPeriod(y) : [1, y];
  }
  if ((m = /^(\d{4})-?[Qq]([1-4])$/.exec(s))) {
    const y = +m[1];
    return validYear(y) ? quarterPeriod(y, +m[2]) : [1, y];
  }
  if ((m = /^(\d{4})-(\d{1,2})$/.exec(s))) {
    const y = +m[1];
    const mo = +m[2];
    if (!validYear(y)) return [1, y];
    return validMonth(mo) ? monthPeriod(y, mo) : [2, mo];
  }
  if ((m = /^(\d{4})-(\d{1,2})\/(?:(\d{4})-)?(\d{1,2})$/.exec(s))) {
    const y = +m[1];
    const from = +m[2];
    const y2 = m[3] === undefined ? y : +m[3];
    const to = +m[4];
    if (!validYear(y)) return [1, y];
    if (!validMonth(from) || !validMonth(to)) return [3];
    if (y2 !== y) return [4];
    if (from !== 1) return [5];
    if (to < from) return [6];
    return cumulativePeriod(y, to);
  }
  return [7, s];
}

const EXAMPLES = '"2022", "2022Q3", "2022-09" or "2022-01/2022-09"';

function missMessage([code, v]: Miss): string {
  switch (code) {
    case 0:
      return `expected a period string such as ${EXAMPLES}`;
    case 1:
      return `year ${v} is out of range`;
    case 2:
      return `month ${v} is not 1–12`;
    case 3:
      return 'months must be 1–12';
    case 4:
      return 'a cumulative period must end in the year it starts';
    case 5:
      return 'a cumulative period starts in January (e.g. "2022-01/2022-09")';
    case 6:
      return 'the period ends before it starts';
    case 7: {
      // Cut by code points (not UTF-16 units, which could keep half of 𠀀 or an emoji).
      const s = [...String(v)];
      return `${JSON.stringify(s.slice(0, 30).join('') + (s.length > 30 ? '…' : ''))} is not a period such as ${EXAMPLES}`;
    }
  }
}

/** Parses a period string; never throws. The error is an English sentence for issue messages. */
export function parsePeriod(input: unknown): PeriodResult {
  const r = readPeriod(input);
  return 'kind' in r ? { period: r } : { error: missMessage(r) };
}

/**
 * Orders periods on a time axis: by the month they end, then the shorter span first
 * (Sep 2022 before Q3 2022 before Jan–Sep 2022), then by kind.
 */
export function comparePeriods(a: Period, b: Period): number {
  const ea = a.year * 12 + a.endMonth;
  const eb = b.year * 12 + b.endMonth;
  if (ea !== eb) return ea - eb;
  const sa = a.endMonth - a.startMonth;
  const sb = b.endMonth - b.startMonth;
  if (sa !== sb) return sa - sb;
  return PERIOD_KINDS.indexOf(a.kind) - PERIOD_KINDS.indexOf(b.kind);
}

export function sortPeriods<T extends Period>(periods: readonly T[]): T[] {
  return periods.slice().sort(comparePeriods);
}

export function samePeriod(a: Period, b: Period): boolean {
  return a.key === b.key;
}

/** The same period one year earlier (the base of a year-on-year rate). */
export function previousYear(p: Period): Period {
  return make(p.kind, p.year - 1, p.startMonth, p.endMonth, p.quarter);
}

/** The period that follows on a regular axis of the same kind (cumulative steps by `cumulativeStep` months, default 3). */
export function nextPeriod(p: Period, cumulativeStep = 3): Period {
  switch (p.kind) {
    case 'year':
      return yearPeriod(p.year + 1);
    case 'quarter':
      return p.quarter === 4 ? quarterPeriod(p.year + 1, 1) : quarterPeriod(p.year, (p.quarter ?? 1) + 1);
    case 'month':
      return p.endMonth === 12 ? monthPeriod(p.year + 1, 1) : monthPeriod(p.year, p.endMonth + 1);
    case 'cumulative': {
      const e = p.endMonth + cumulativeStep;
      return e > 12 ? cumulativePeriod(p.year + 1, cumulativeStep) : cumulativePeriod(p.year, e);
    }
  }
}

/**
 * The regular sequence between the first and last period when all share one kind, so that a missing
 * period shows as an empty slot (a gap), never as a squeezed axis. Mixed kinds: the sorted unique input.
 * Cumulative periods step by 3 months when every end month is a quarter end, else by 1.
 */
export function periodRange(periods: readonly Period[], maxLength = 400): Period[] {
  const sorted = uniquePeriods(sortPeriods(periods));
  if (sorted.length < 2) return sorted;
  const kind = sorted[0].kind;
  if (!sorted.every((p) => p.kind === kind)) return sorted;
  const step = kind === 'cumulative' && !sorted.every((p) => p.endMonth % 3 === 0) ? 1 : 3;
  // Monthly year-to-date data without a 1月 of its own publishes 1—2月 first (NBS): no empty 1月 slot every year.
  const janFeb = step === 1 && kind === 'cumulative' && !sorted.some((p) => p.endMonth === 1);
  const out: Period[] = [];
  const last = sorted[sorted.length - 1];
  let p = sorted[0];
  while (comparePeriods(p, last) <= 0 && out.length < maxLength) {
    out.push(p);
    p = nextPeriod(p, step);
    if (janFeb && p.endMonth === 1) p = cumulativePeriod(p.year, 2);
  }
  // If a published period is off the regular grid (e.g. cumulative to a non-quarter month), fall back.
  const keys = new Set(out.map((x) => x.key));
  if (!sorted.every((x) => keys.has(x.key))) return sorted;
  return out;
}

function uniquePeriods(sorted: Period[]): Period[] {
  const out: Period[] = [];
  for (const p of sorted) if (!out.length || out[out.length - 1].key !== p.key) out.push(p);
  return out;
}

// ── labels ──

const ZH_QUARTER = ['一', '二', '三', '四'];
const EN_MONTH = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export type PeriodLabelStyle = 'long' | 'short';

/**
 * Localised label.
 * - long:  2022年1—9月 / Jan–Sep 2022, 2022年第三季度 / Q3 2022, 2022年9月 / Sep 2022, 2022年 / 2022
 * - short (axis ticks, the year shown apart): 1—9月 / Jan–Sep, 三季度 / Q3, 9月 / Sep, 2022年 / 2022
 */
export function periodLabel(p: Period, lang: Lang, style: PeriodLabelStyle = 'long'): string {
  const zh = lang === 'zh-CN';
  const short = style === 'short';
  switch (p.kind) {
    case 'year':
      return zh ? `${p.year}年` : String(p.year);
    case 'quarter': {
      const q = p.quarter ?? 1;
      if (zh) return short ? `${ZH_QUARTER[q - 1]}季度` : `${p.year}年第${ZH_QUARTER[q - 1]}季度`;
      return short ? `Q${q}` : `Q${q} ${p.year}`;
    }
    case 'month':
      if (zh) return short ? `${p.endMonth}月` : `${p.year}年${p.endMonth}月`;
      return short ? EN_MONTH[p.endMonth - 1] : `${EN_MONTH[p.endMonth - 1]} ${p.year}`;
    case 'cumulative': {
      if (p.endMonth === 1) return periodLabel(monthPeriod(p.year, 1), lang, style);
      if (zh) return short ? `1—${p.endMonth}月` : `${p.year}年1—${p.endMonth}月`;
      const span = `Jan–${EN_MONTH[p.endMonth - 1]}`;
      return short ? span : `${span} ${p.year}`;
    }
  }
}

/** Label of a period string; the input itself when it does not parse. */
export function formatPeriod(input: string, lang: Lang, style: PeriodLabelStyle = 'long'): string {
  const p = readPeriod(input);
  return 'kind' in p ? periodLabel(p, lang, style) : input;
}

/** The year as it is shown under short tick labels: 2022年 / 2022. */
export function yearLabel(year: number, lang: Lang): string {
  return lang === 'zh-CN' ? `${year}年` : String(year);
}
