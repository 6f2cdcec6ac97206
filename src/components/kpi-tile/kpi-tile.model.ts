/**
 * Pure logic of <civic-kpi-tile>: validation of one KPI, deltas, status, progress, sparkline path,
 * fit-to-width, and the text the tile shows and announces (the count-up's easing: kpi-tile.count-up.ts).
 * No DOM here; tested in vitest.
 */
import type { Lang } from '../../core/i18n/lang.js';
import {
  NO_VALUE,
  UNITS,
  formatAmount,
  formatAmountParts,
  formatNumber,
  formatPercent,
  isNumber,
  type AmountParts,
} from '../../core/format/number.js';
import { describe, isRecord, issue, joinPath, readArray, readBoolean, readNumber, readString, type Issue } from '../../data/validate.js';
import { formatPeriod } from '../../core/format/period.js';
import type { KpiTileTerms } from './kpi-tile.i18n.js';
import { holdsSelection, normaliseRegion, regionRelation } from '../common/region.js';
import {
  BETTER,
  QUALIFIERS,
  STATUS_LEVELS,
  type Better,
  type DeltaColors,
  type DeltaFormat,
  type Direction,
  type KpiItem,
  type Qualifier,
  type StatusLevel,
} from './kpi-tile.types.js';

/** Largest magnitude a KPI value may have (1e15: beyond it a statistics figure is surely wrong; 1e20 is rejected). */
export const VALUE_LIMIT = 1e15;
/** Longest history kept for a sparkline. */
export const HISTORY_LIMIT = 500;

/** Units that count things: negative values are rejected for them unless `min` says otherwise. */
export const COUNT_UNITS: readonly string[] = ['人', '万人', '名', '人次', '户', '所', '个', '家', '项', '辆', '万辆', '对', '场', '次'];

/** Words some sources use for qualifiers, mapped to the shared qualifier keys. */
const QUALIFIER_ALIASES: Record<string, Qualifier> = { 超: 'over', 余: 'odd', '+': 'plus', 约: 'about', 不足: 'under' };

/** The parsed item plus what the validator found wrong with its value. */
export interface ParsedKpi extends KpiItem {
  /** True when the value was present but unusable (non-numeric, NaN, Infinity, out of range, negative count). */
  invalid?: boolean;
}

function readQualifier(v: unknown, path: string, issues: Issue[]): Qualifier | undefined {
  if (typeof v === 'string' && QUALIFIER_ALIASES[v.trim()]) return QUALIFIER_ALIASES[v.trim()];
  return readString(v, path, issues, { oneOf: QUALIFIERS }) as Qualifier | undefined;
}

/**
 * Validates one KPI. Accepts a record (the `kpis.json` item shape) or a bare number (the value); anything else is a type error.
 * Never throws. Returns undefined only when there is nothing KPI-like at all; a bad value gives an item with
 * `value: null, invalid: true` and an error issue, so the tile shows a dash and an error note beside its label.
 * Numeric strings ("12.5") are accepted, as many APIs send them.
 */
export function parseKpiItem(raw: unknown, path: string, issues: Issue[]): ParsedKpi | undefined {
  if (typeof raw === 'number') raw = { value: raw };
  if (!isRecord(raw)) {
    issues.push(issue(path || '$', 'type', `expected a KPI object, got ${describe(raw)}`));
    return undefined;
  }
  const p = (k: string) => joinPath(path, k);
  const item: ParsedKpi = { value: null };

  const id = readString(raw.id, p('id'), issues, { coerceNumber: true });
  if (id) item.id = id;
  const label = readString(raw.label, p('label'), issues, { maxLength: 200 });
  const labelEn = readString(raw.labelEn, p('labelEn'), issues, { maxLength: 200 });
  if (label) item.label = label;
  if (labelEn) item.labelEn = labelEn;
  if (!label && !labelEn) issues.push(issue(p('label'), 'required', 'a KPI needs a label', 'warning'));

  const unit = readString(raw.unit, p('unit'), issues, { maxLength: 16 });
  if (unit) item.unit = unit;
  const q = readQualifier(raw.qualifier, p('qualifier'), issues);
  if (q) item.qualifier = q;
  const precision = readNumber(raw.precision, p('precision'), issues, { min: 0, max: 6, coerce: true });
  if (precision !== undefined) item.precision = Math.round(precision);

  const min = readNumber(raw.min, p('min'), issues, { coerce: true, limit: VALUE_LIMIT });
  if (min !== undefined) item.min = min;
  const effectiveMin = min ?? (unit && COUNT_UNITS.includes(unit) ? 0 : undefined);

  if (raw.invalid === true) {
    // Already validated upstream (a grid passing its parsed item): keep the verdict, do not report it twice.
    item.invalid = true;
  } else if (raw.value === null) item.value = null;
  else {
    const before = issues.length;
    const v = readNumber(raw.value, p('value'), issues, { required: true, coerce: true, limit: VALUE_LIMIT, min: effectiveMin });
    if (v === undefined) {
      item.invalid = true;
      if (issues.length === before) issues.push(issue(p('value'), 'required', 'expected a number'));
    } else item.value = v;
  }

  const previous = readNumber(raw.previous, p('previous'), issues, { coerce: true, limit: VALUE_LIMIT });
  if (previous !== undefined) item.previous = previous;
  const target = readNumber(raw.target, p('target'), issues, { coerce: true, limit: VALUE_LIMIT });
  if (target !== undefined) item.target = target;
  const deltaLabel = readString(raw.deltaLabel, p('deltaLabel'), issues, { maxLength: 24 });
  if (deltaLabel) item.deltaLabel = deltaLabel;

  const hist = readArray(raw.history, p('history'), issues, false);
  if (hist) {
    const values: number[] = [];
    hist.slice(-HISTORY_LIMIT).forEach((h, i) => {
      const n = readNumber(h, joinPath(p('history'), i), issues, { coerce: true, limit: VALUE_LIMIT });
      if (n !== undefined) values.push(n);
    });
    if (values.length) item.history = values;
  }

  for (const key of ['caption', 'captionEn', 'source', 'group', 'period'] as const) {
    const s = readString(raw[key], p(key), issues, { maxLength: 500 });
    if (s) item[key] = s;
  }
  const region = readString(raw.region, p('region'), issues, { coerceNumber: true, maxLength: 32 });
  if (region) item.region = region;
  const ill = readBoolean(raw.illustrative, p('illustrative'), issues);
  if (ill !== undefined) item.illustrative = ill;
  const hill = readBoolean(raw.historyIllustrative, p('historyIllustrative'), issues);
  if (hill !== undefined) item.historyIllustrative = hill;

  if (raw.thresholds !== undefined && raw.thresholds !== null) {
    if (!isRecord(raw.thresholds)) issues.push(issue(p('thresholds'), 'type', `expected {warn, alert}, got ${describe(raw.thresholds)}`));
    else {
      const warn = readNumber(raw.thresholds.warn, joinPath(p('thresholds'), 'warn'), issues, { coerce: true, limit: VALUE_LIMIT });
      const alert = readNumber(raw.thresholds.alert, joinPath(p('thresholds'), 'alert'), issues, { coerce: true, limit: VALUE_LIMIT });
      if (warn !== undefined || alert !== undefined) item.thresholds = { warn, alert };
    }
  }
  const better = readString(raw.better, p('better'), issues, { oneOf: BETTER }) as Better | undefined;
  if (better) item.better = better;
  const status = readString(raw.status, p('status'), issues, { oneOf: STATUS_LEVELS }) as StatusLevel | undefined;
  if (status) item.status = status;
  return item;
}

/** Parses the `thresholds` attribute: "warn,alert" ("90,80"); either may be empty (",80"). */
export function parseThresholdsAttr(s: string | null | undefined): { warn?: number; alert?: number } | undefined {
  if (!s) return undefined;
  const [w, a] = s.split(',').map((x) => (x.trim() === '' ? undefined : Number(x)));
  const warn = isNumber(w) ? w : undefined;
  const alert = isNumber(a) ? a : undefined;
  return warn === undefined && alert === undefined ? undefined : { warn, alert };
}

/** Parses the `sparkline` attribute: numbers separated by commas or spaces. Non-numbers are dropped. */
export function parseSeriesAttr(s: string | null | undefined): number[] | undefined {
  if (!s) return undefined;
  const out = s
    .split(/[\s,]+/)
    .filter((x) => x !== '')
    .map(Number)
    .filter((n) => Number.isFinite(n));
  return out.length ? out.slice(-HISTORY_LIMIT) : undefined;
}

// ── deltas ──

export interface Delta {
  /** value − reference */
  absolute: number;
  /** (value − reference) / |reference| × 100; undefined when the reference is 0. */
  percent?: number;
  direction: Direction;
  against: 'previous' | 'target';
}

/** Change of `value` against `reference`. Undefined when either is missing. */
export function computeDelta(value: number | null | undefined, reference: number | null | undefined, against: Delta['against'] = 'previous'): Delta | undefined {
  if (!isNumber(value) || !isNumber(reference)) return undefined;
  // Round away float noise (0.1 + 0.2) so equal-looking values are flat.
  const absolute = Math.round((value - reference) * 1e9) / 1e9 || 0;
  const percent = reference === 0 ? undefined : (absolute / Math.abs(reference)) * 100;
  const direction: Direction = absolute > 0 ? 'up' : absolute < 0 ? 'down' : 'flat';
  return { absolute, percent, direction, against };
}

/** The delta of an item: against `previous` when given, otherwise against `target`. */
export function itemDelta(item: KpiItem): Delta | undefined {
  if (item.previous !== undefined) return computeDelta(item.value, item.previous, 'previous');
  if (item.target !== undefined) return computeDelta(item.value, item.target, 'target');
  return undefined;
}

/** Hue family of a direction under a colour convention: red-up → rises red; green-up → rises green. */
export function deltaHue(direction: Direction, colors: DeltaColors): 'red' | 'green' | 'neutral' {
  if (direction === 'flat') return 'neutral';
  const upRed = colors !== 'green-up';
  return (direction === 'up') === upRed ? 'red' : 'green';
}

/** 同比 / 环比 / YoY / MoM, a default per comparison, or the source's own words. */
export function deltaLabelText(label: string | undefined, against: Delta['against'], terms: KpiTileTerms): string {
  const l = (label ?? '').trim();
  if (l === '') return against === 'target' ? terms.vsTarget : terms.vsPrevious;
  const k = l.toLowerCase();
  if (l === '同比' || k === 'yoy') return terms.yoy;
  if (l === '环比' || k === 'mom' || k === 'qoq' || k === 'pop') return terms.mom;
  return l;
}

export interface DeltaView {
  direction: Direction;
  /** Signed figure as shown: "+4.3%", "-1.2万人", "+0.5个百分点". */
  text: string;
  /** 同比 / vs target … */
  label: string;
  /** Words for screen readers: "同比上升4.3%" / "YoY up 4.3%". */
  a11y: string;
}

export function formatDelta(d: Delta, o: { lang: Lang; unit?: string; precision?: number; format?: DeltaFormat; label?: string; terms: KpiTileTerms }): DeltaView {
  const { lang, unit, terms } = o;
  const isPct = unit === '%';
  const fmt: DeltaFormat = o.format ?? (isPct ? 'absolute' : 'percent');
  const absText = (v: number, signed: boolean) =>
    isPct
      ? formatNumber(v, { lang, precision: o.precision ?? 1, signed, compact: false }) + (lang === 'zh-CN' ? terms.percentagePoints : ' ' + terms.percentagePoints)
      : formatAmount(v, unit, { lang, precision: o.precision, signed });
  const pctText = (v: number, signed: boolean) => formatPercent(v, { lang, precision: 1, signed });
  const build = (signed: boolean): string => {
    const a = signed ? d.absolute : Math.abs(d.absolute);
    const p = d.percent === undefined ? undefined : signed ? d.percent : Math.abs(d.percent);
    if (fmt === 'absolute' || p === undefined) return absText(a, signed);
    if (fmt === 'percent') return pctText(p, signed);
    return lang === 'zh-CN' ? `${absText(a, signed)}（${pctText(p, signed)}）` : `${absText(a, signed)} (${pctText(p, signed)})`;
  };
  const label = deltaLabelText(o.label, d.against, terms);
  const word = terms[d.direction];
  const a11y =
    d.direction === 'flat'
      ? lang === 'zh-CN'
        ? `${label}${word}`
        : `${label} ${word}`
      : lang === 'zh-CN'
        ? `${label}${word}${build(false)}`
        : `${label} ${word} ${build(false)}`;
  return { direction: d.direction, text: build(true), label, a11y };
}

// ── status and progress ──

export interface Status {
  level: StatusLevel;
  reason: 'explicit' | 'threshold' | 'target';
  /** Key into the tile's terms for the word shown beside the icon. */
  term: 'statusOk' | 'statusWarn' | 'statusAlert' | 'targetMet' | 'belowTarget' | 'aboveTarget';
}

const LEVEL_TERM = { ok: 'statusOk', warn: 'statusWarn', alert: 'statusAlert' } as const;

/**
 * Status of an item: an explicit `status` wins; then `thresholds` (with `better`: higher values are better
 * unless `better: "lower"`; a value beyond `alert` is an alert, beyond `warn` a warning); then the target
 * (met or not). Undefined when none applies or the value is missing.
 */
export function computeStatus(item: KpiItem): Status | undefined {
  if (item.status) return { level: item.status, reason: 'explicit', term: LEVEL_TERM[item.status] };
  const v = item.value;
  if (!isNumber(v)) return undefined;
  const lower = item.better === 'lower';
  const worse = (limit: number) => (lower ? v > limit : v < limit);
  const t = item.thresholds;
  if (t && (t.warn !== undefined || t.alert !== undefined)) {
    const level: StatusLevel = t.alert !== undefined && worse(t.alert) ? 'alert' : t.warn !== undefined && worse(t.warn) ? 'warn' : 'ok';
    return { level, reason: 'threshold', term: LEVEL_TERM[level] };
  }
  if (isNumber(item.target)) {
    if (!worse(item.target)) return { level: 'ok', reason: 'target', term: 'targetMet' };
    return { level: 'warn', reason: 'target', term: lower ? 'aboveTarget' : 'belowTarget' };
  }
  return undefined;
}

/** Share of the target reached, clamped to 0…1 for the bar; `raw` keeps the true ratio (1.12 = 112%). */
export function progressRatio(value: number | null | undefined, target: number | null | undefined): { ratio: number; raw: number } | undefined {
  if (!isNumber(value) || !isNumber(target) || target <= 0) return undefined;
  const raw = value / target;
  return { ratio: Math.min(1, Math.max(0, raw)), raw };
}

// ── sparkline ──

/**
 * SVG path of a sparkline in a `width × height` box (y grows downward), with `pad` units kept free at top and
 * bottom so the stroke is not clipped. A flat series draws a middle line; fewer than 2 points draw nothing.
 */
export function sparklinePath(values: readonly number[], width = 100, height = 30, pad = 2): string {
  const v = values.filter((n) => Number.isFinite(n));
  if (v.length < 2) return '';
  let lo = v[0];
  let hi = v[0];
  for (const n of v) {
    if (n < lo) lo = n;
    if (n > hi) hi = n;
  }
  // Linear maps written out (the tile needs no d3: d3-scale + d3-shape cost ≈10 KB gz on every page with a tile);
  // same arithmetic as d3's scaleLinear (a·(1−t) + b·t) and line() (M x,y L x,y …), so the path is unchanged.
  const lerp = (a: number, b: number, t: number) => a * (1 - t) + b * t;
  const [d0, d1] = lo === hi ? [lo - 1, hi + 1] : [lo, hi];
  const [r0, r1] = lo === hi ? [height, 0] : [height - pad, pad];
  const x = (i: number) => lerp(0, width, i / (v.length - 1));
  const y = (n: number) => lerp(r0, r1, (n - d0) / (d1 - d0));
  const r = (n: number) => Math.round(n * 100) / 100;
  return v.map((n, i) => `${i ? 'L' : 'M'}${r(x(i))},${r(y(n))}`).join('');
}

// ── fit to width ──

/**
 * Font size that makes text of `naturalWidth` (measured at `baseSize`) fit in `available` pixels; never larger
 * than `baseSize`, never smaller than `minSize`; rounded down to 0.5 px so small resizes do not jitter.
 */
export function fitFontSize(naturalWidth: number, available: number, baseSize: number, minSize = 10): number {
  if (!(naturalWidth > 0) || !(available > 0) || !(baseSize > 0)) return baseSize;
  if (naturalWidth <= available) return baseSize;
  const size = Math.floor(((baseSize * available) / naturalWidth) * 2) / 2;
  return Math.max(Math.min(minSize, baseSize), size);
}

// ── the whole tile ──

export interface TileViewOptions {
  lang: Lang;
  terms: KpiTileTerms;
  deltaFormat?: DeltaFormat;
}

export interface TileView {
  label: string;
  /** True when the label was missing. */
  unnamed: boolean;
  value: AmountParts;
  invalid: boolean;
  delta?: DeltaView;
  status?: Status & { text: string };
  progress?: { ratio: number; percentText: string; a11y: string };
  spark?: { path: string; values: number[]; illustrative: boolean; a11y: string };
  caption?: string;
  source?: string;
  /** Localised reporting period: 2022年1—9月 / Jan–Sep 2022. */
  period?: string;
  illustrative: boolean;
  /** One sentence for aria-live: "在校学生：超17万人，同比上升4.3%". */
  announce: string;
}

export function itemLabel(item: KpiItem, lang: Lang): string | undefined {
  return lang === 'en' ? item.labelEn || item.label : item.label || item.labelEn;
}

/** Formats a value the way the tile shows it. */
export function formatValueParts(value: number | null | undefined, item: Pick<KpiItem, 'unit' | 'precision' | 'qualifier'>, lang: Lang): AmountParts {
  return formatAmountParts(value, item.unit, { lang, precision: item.precision, qualifier: item.qualifier });
}

/**
 * The figure a count-up frame shows. The final figure reserves its width in the layout (see the tile's `.roll`), so
 * a frame must never be wider: a frame with more characters, or another scale suffix or qualifier (9,800 rolling up to
 * 1.2万), shows the final figure instead. The roll is decoration; the layout is the final figure's.
 */
export function countUpFrame(frame: AmountParts, final: AmountParts): AmountParts {
  if (frame.suffix !== final.suffix || frame.prefix !== final.prefix || frame.number.length > final.number.length) return final;
  return frame;
}

export function buildTileView(item: ParsedKpi, o: TileViewOptions): TileView {
  const { lang, terms } = o;
  const lbl = itemLabel(item, lang);
  const label = lbl ?? terms.unnamed;
  const value = formatValueParts(item.invalid ? null : item.value, item, lang);
  const invalid = !!item.invalid;
  const view: TileView = { label, unnamed: !lbl, value, invalid, illustrative: !!item.illustrative, announce: '' };

  const d = invalid ? undefined : itemDelta(item);
  if (d) view.delta = formatDelta(d, { lang, unit: item.unit, precision: item.precision, format: o.deltaFormat, label: item.deltaLabel, terms });

  const st = invalid ? undefined : computeStatus(item);
  if (st) view.status = { ...st, text: terms[st.term] };

  const pr = invalid ? undefined : progressRatio(item.value, item.target);
  if (pr) {
    const percentText = formatPercent(pr.raw * 100, { lang, precision: 0, signed: false });
    view.progress = { ratio: pr.ratio, percentText, a11y: terms.progress(percentText, formatAmount(item.target, item.unit, { lang, precision: item.precision })) };
  }

  if (item.history && item.history.length >= 2) {
    view.spark = {
      path: sparklinePath(item.history),
      values: item.history,
      illustrative: !!(item.illustrative || item.historyIllustrative),
      a11y: terms.trend(item.history.length),
    };
  }
  const caption = lang === 'en' ? item.captionEn || item.caption : item.caption || item.captionEn;
  if (caption) view.caption = caption;
  if (item.source) view.source = item.source;
  if (item.period) view.period = formatPeriod(item.period, lang);

  const sep = terms.listSep;
  const colon = lang === 'zh-CN' ? '：' : ': ';
  const valueText = invalid ? terms.invalidValue : value.text === NO_VALUE ? NO_VALUE : value.text;
  const named = view.period ? (lang === 'zh-CN' ? `${label}（${view.period}）` : `${label} (${view.period})`) : label;
  const bits = [`${named}${colon}${valueText}`];
  if (view.delta) bits.push(view.delta.a11y);
  if (view.status) bits.push(view.status.text);
  view.announce = bits.join(sep);
  return view;
}

/** Base unit of a fixed unit, for callers that need to know whether a unit is known. */
export function knownUnit(unit: string | undefined): boolean {
  return !!unit && unit in UNITS;
}

/**
 * The item a tile shows when its data is a list (e.g. one KPI per street): with a region filter, the item whose
 * code equals the filter, else the first inside it, else (a finer selection) the deepest item holding it; without one,
 * the first. `outside` is true when the filter
 * excludes every item (the tile then shows a dash and says so).
 */
export function pickRegionItem<T extends { region?: string }>(items: readonly T[], filter: string | null | undefined): { item?: T; outside: boolean } {
  if (items.length === 0) return { outside: false };
  const f = normaliseRegion(filter);
  if (f === '') return { item: items[0], outside: false };
  const exact = items.find((i) => normaliseRegion(i.region) === f);
  if (exact) return { item: exact, outside: false };
  const inside = items.find((i) => regionRelation(i.region, f) === 'within' || regionRelation(i.region, f) === 'any');
  if (inside) return { item: inside, outside: false };
  // A selection finer than every item (a grid, on a tile of street figures): the item that holds it, deepest first.
  let holder: T | undefined;
  for (const i of items) if (holdsSelection(i.region, f) && normaliseRegion(i.region).length > normaliseRegion(holder?.region).length) holder = i;
  return holder ? { item: holder, outside: false } : { outside: true };
}
