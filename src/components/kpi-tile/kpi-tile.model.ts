/**
 * Pure logic of <civic-kpi-tile>: deltas, fit-to-width, and the text the tile shows and announces (status, progress,
 * sparkline and period: kpi-tile.details.ts, loaded on first use; validation of an item: kpi-tile.parse.ts; the
 * count-up's easing: kpi-tile.count-up.ts).
 * No DOM here; tested in vitest.
 */
import type { Lang } from '../../core/i18n/lang.js';
import { NO_VALUE, UNITS, formatAmount, formatAmountParts, formatNumber, formatPercent, isNumber, type AmountParts } from '../../core/format/number.js';
import type { KpiTileTerms } from './kpi-tile.i18n.js';
import type { ParsedKpi } from './kpi-tile.parse.js';
import type { DeltaColors, DeltaFormat, Direction, KpiItem, StatusLevel } from './kpi-tile.types.js';

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

/** `a（b）` in zh-CN, `a (b)` in English. */
const paren = (lang: Lang, a: string, b: string): string => (lang === 'zh-CN' ? `${a}（${b}）` : `${a} (${b})`);

export function formatDelta(d: Delta, o: { lang: Lang; unit?: string; precision?: number; format?: DeltaFormat; label?: string; terms: KpiTileTerms }): DeltaView {
  const { lang, unit, terms } = o;
  const isPct = unit === '%';
  const fmt: DeltaFormat = o.format ?? (isPct ? 'absolute' : 'percent');
  // zh-CN runs words together (同比上升4.3%, 0.5个百分点); en puts a space between them.
  const sp = lang === 'zh-CN' ? '' : ' ';
  const absText = (v: number, signed: boolean) =>
    isPct ? formatNumber(v, { lang, precision: o.precision ?? 1, signed, compact: false }) + sp + terms.percentagePoints : formatAmount(v, unit, { lang, precision: o.precision, signed });
  const pctText = (v: number, signed: boolean) => formatPercent(v, { lang, precision: 1, signed });
  const build = (signed: boolean): string => {
    const a = signed ? d.absolute : Math.abs(d.absolute);
    const p = d.percent === undefined ? undefined : signed ? d.percent : Math.abs(d.percent);
    if (fmt === 'absolute' || p === undefined) return absText(a, signed);
    if (fmt === 'percent') return pctText(p, signed);
    return paren(lang, absText(a, signed), pctText(p, signed));
  };
  const label = deltaLabelText(o.label, d.against, terms);
  const a11y = `${label}${sp}${terms[d.direction]}${d.direction === 'flat' ? '' : sp + build(false)}`;
  return { direction: d.direction, text: build(true), label, a11y };
}

// ── status and progress ──

export interface Status {
  level: StatusLevel;
  reason: 'explicit' | 'threshold' | 'target';
  /** Key into the details' terms (kpi-tile.details.i18n.ts) for the word shown beside the icon. */
  term: 'statusOk' | 'statusWarn' | 'statusAlert' | 'targetMet' | 'belowTarget' | 'aboveTarget';
}

// ── fit to width ──

/**
 * The largest font size from `top` down, in 0.5 px steps (small resizes do not jitter), at which a line `widthAt(size)`
 * wide fits in `available` px; never under `floor` (the legibility floor: the line then does not fit).
 */
export function fitFontSize(widthAt: (size: number) => number, available: number, top: number, floor: number): number {
  let size = top;
  while (size > floor && widthAt(size) > available) size = Math.max(floor, size - 0.5);
  return size;
}

// ── the whole tile ──

export interface TileViewOptions {
  lang: Lang;
  terms: KpiTileTerms;
  deltaFormat?: DeltaFormat;
  /**
   * Adds status, progress, sparkline and period (`addDetails` of kpi-tile.details.ts, loaded on first use): without
   * it the view has none of them. Callers pass it whenever `needsDetails(item)`.
   */
  details?: (view: TileView, item: ParsedKpi, o: TileViewOptions) => void;
}

/** Whether the item has a status, progress, sparkline or period to show (kpi-tile.details.ts draws them). */
export function needsDetails(item: ParsedKpi): boolean {
  return !!item.period || (item.history?.length ?? 0) >= 2 || (!item.invalid && (!!item.status || !!item.thresholds || item.target != null));
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
  /** `a11y`: the sparkline's label (with the illustrative note when it is); `note`: that note, for the badge. */
  spark?: { path: string; values: number[]; illustrative: boolean; a11y: string; note: string };
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
 * The shape of a figure: its text with every digit the same, plus the language (the spaces around the unit). Two
 * figures of one shape take the same width in tabular figures, so one can replace the other in place (kpi-tile.view.ts)
 * and the fit of one holds for the other (kpi-tile.fit.ts).
 */
export function figureShape(p: AmountParts, en: boolean): string {
  return `${en}|${p.prefix}|${p.number.replace(/\d/g, '0')}|${p.suffix}|${p.postfix}|${p.text === NO_VALUE ? '' : p.unit}`;
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

  o.details?.(view, item, o);
  const caption = lang === 'en' ? item.captionEn || item.caption : item.caption || item.captionEn;
  if (caption) view.caption = caption;
  if (item.source) view.source = item.source;

  const sep = terms.listSep;
  const colon = lang === 'zh-CN' ? '：' : ': ';
  const valueText = invalid ? terms.invalidValue : value.text;
  const named = view.period ? paren(lang, label, view.period) : label;
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
