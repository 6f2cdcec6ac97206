/**
 * Chart model of <civic-growth-chart>: pure geometry and text for the three kinds.
 *
 * `buildGrowthModel(series, options)` turns validated series into pixel geometry (bars, lines, axes, ticks), the
 * tooltip text for each category, the table twin, the CSV rows and a one-sentence summary in the current locale.
 * d3-scale computes scales and ticks, d3-shape the line paths. No DOM: tested in Node.
 */
import { scaleBand, scaleLinear, type ScaleLinear } from 'd3-scale';
import { line as d3line } from 'd3-shape';
import type { Lang } from '../../core/i18n/lang.js';
import { pickTerms } from '../../core/i18n/terms.js';
import { formatAmount, formatExact, formatNumber, formatPercent, isNumber, NO_VALUE, UNITS } from '../../core/format/number.js';
import { periodLabel, periodRange, yearLabel, type Period } from '../../core/format/period.js';
import { growthChartTerms, type GrowthChartTerms } from './growth-chart.i18n.js';
import { deriveSinglePeriods } from './growth-chart.parse.js';
import type { GrowthKind, GrowthMeasure, GrowthPoint, GrowthSeries, GrowthSort } from './growth-chart.types.js';

export * from './growth-chart.parse.js';

export interface GrowthModelOptions {
  kind: GrowthKind;
  width: number;
  height: number;
  lang: Lang;
  /** Series ids switched off in the legend. */
  hidden?: ReadonlySet<string> | readonly string[];
  /** Selected period key (value-growth, trend) or the period compared (compare). */
  selected?: string | null;
  /** Reference line value in percent (compare) — a target or the city average. */
  reference?: number | null;
  referenceLabel?: string;
  sort?: GrowthSort;
  /** trend: growth rates (default) or values. */
  measure?: GrowthMeasure;
  /** `single` shows single-period values derived from cumulative ones. */
  basis?: 'published' | 'single';
  /** Label font size in px, for fitting tick labels. Default 12. */
  fontSize?: number;
}

export interface AxisTick {
  value: number;
  /** Pixel y. */
  pos: number;
  label: string;
}
export interface Axis {
  domain: [number, number];
  ticks: AxisTick[];
  title: string;
  /** Pixel y of the value 0. */
  zero: number;
}
export interface XTick {
  index: number;
  x: number;
  lines: string[];
  /** Degrees: 0 or -45. */
  rotate: number;
}
export interface TooltipRow {
  seriesId: string;
  colorIndex: number;
  text: string;
}
export interface Category {
  key: string;
  /** Long label: 2022年1—9月, or the indicator name in compare. */
  label: string;
  /** Centre x. */
  x: number;
  x0: number;
  width: number;
  tooltip: { title: string; rows: TooltipRow[] };
  notes: string[];
  illustrative: boolean;
}
export interface Bar {
  seriesId: string;
  colorIndex: number;
  index: number;
  key: string;
  x: number;
  y: number;
  width: number;
  height: number;
  value: number;
  negative: boolean;
  illustrative: boolean;
  latest: boolean;
  active: boolean;
}
export interface LinePoint {
  index: number;
  key: string;
  x: number;
  y: number;
  value: number;
  illustrative: boolean;
  nominal: boolean;
  latest: boolean;
  active: boolean;
}
export interface Line {
  seriesId: string;
  colorIndex: number;
  axis: 'left' | 'right';
  /** SVG path; gaps break the line (a missing value is never drawn as zero). */
  d: string;
  points: LinePoint[];
}
export interface Annotation {
  kind: 'rank' | 'note' | 'latest';
  index: number;
  x: number;
  y: number;
  text: string;
}
export interface LegendItem {
  id: string;
  name: string;
  colorIndex: number;
  hidden: boolean;
  mark: 'bar' | 'line' | 'bar-line';
}
export interface GrowthModel {
  kind: GrowthKind;
  lang: Lang;
  width: number;
  height: number;
  fontSize: number;
  plot: { x: number; y: number; width: number; height: number };
  /** Baselines of the left and right axis titles (the left one a line higher when both do not fit on one line). */
  titleY: { left: number; right: number };
  categories: Category[];
  xTicks: XTick[];
  left?: Axis;
  right?: Axis;
  bars: Bar[];
  lines: Line[];
  reference?: { y: number; value: number; label: string };
  annotations: Annotation[];
  legend: LegendItem[];
  /** Footnotes: ① note text … */
  notes: string[];
  /** Basis note for the axis: 累计值 / 当期值 / mixed / derived. */
  axisNote: string;
  summary: string;
  table: { head: string[]; rows: string[][] };
  csv: string;
  illustrative: boolean;
  nominal: boolean;
  /** Rank badge text of the focused point (主城都市区第3位), or of the ranked indicator in compare; '' when none. */
  rank: string;
  /** Index of the selected category, -1 when none. */
  selectedIndex: number;
  /** Index of the latest category with data. */
  latestIndex: number;
  empty: boolean;
}

// ── text measuring (estimate; no DOM) ──

/** Estimated rendered width of a label in px: CJK and full-width characters ≈ 1 em, others ≈ 0.6 em. */
export function textWidth(s: string, fontSize: number): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (c >= 0x2e80 || (c >= 0x2010 && c <= 0x2015)) w += fontSize;
    else if (ch === ' ') w += fontSize * 0.3;
    else w += fontSize * 0.6;
  }
  return w;
}

function truncate(s: string, maxWidth: number, fontSize: number): string {
  if (textWidth(s, fontSize) <= maxWidth) return s;
  let out = '';
  for (const ch of s) {
    if (textWidth(out + ch + '…', fontSize) > maxWidth) break;
    out += ch;
  }
  return out + '…';
}

/**
 * Breaks a label into at most `maxLines` lines of `maxWidth`: at spaces for Latin text, between characters for CJK;
 * the last line is truncated with an ellipsis.
 */
export function wrapLabel(s: string, maxWidth: number, fontSize: number, maxLines = 3): string[] {
  if (textWidth(s, fontSize) <= maxWidth) return [s];
  const tokens = /\s/.test(s) ? s.split(/(\s+)/).filter((t) => t !== '') : Array.from(s);
  const lines: string[] = [];
  let cur = '';
  for (const tok of tokens) {
    const next = cur + tok;
    if (cur && textWidth(next.trimEnd(), fontSize) > maxWidth) {
      lines.push(cur.trim());
      cur = tok.trim() === '' ? '' : tok;
    } else cur = next;
  }
  if (cur.trim()) lines.push(cur.trim());
  if (lines.length > maxLines) {
    const head = lines.slice(0, maxLines - 1);
    head.push(truncate(lines.slice(maxLines - 1).join(' '), maxWidth, fontSize));
    return head;
  }
  return lines.map((l) => truncate(l, maxWidth, fontSize));
}

// ── scales ──

/** Extent including zero; [0, 1] when empty or flat at zero. */
export function zeroExtent(values: readonly number[]): [number, number] {
  let lo = 0;
  let hi = 0;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo === 0 && hi === 0) hi = 1;
  return [lo, hi];
}

/**
 * Extends two domains that both contain zero so that zero sits at the same height on both axes
 * (a bar axis and a rate axis side by side). Neither domain shrinks.
 */
export function alignZero(a: [number, number], b: [number, number]): [[number, number], [number, number]] {
  const below = (d: [number, number]) => (d[1] - d[0] === 0 ? 0 : -d[0] / (d[1] - d[0]));
  const f = Math.min(0.95, Math.max(below(a), below(b)));
  const fit = (d: [number, number]): [number, number] => {
    const n = -d[0];
    const p = d[1];
    if (f <= 0) return [0, p];
    const needN = (f / (1 - f)) * p;
    if (needN >= n) return [-needN, p];
    return [-n, ((1 - f) / f) * n];
  };
  return [fit(a), fit(b)];
}

/** Number of y ticks for a plot height. */
export function yTickCount(plotHeight: number, fontSize: number): number {
  return Math.max(2, Math.min(10, Math.floor(plotHeight / (fontSize * 3.2))));
}

/** A linear scale over a zero-including domain, niced for `count` ticks. Not exported: d3's types stay out of the published declarations. */
function niceScale(domain: [number, number], range: [number, number], count: number): ScaleLinear<number, number> {
  return scaleLinear().domain(domain).range(range).nice(count);
}

/**
 * Which x labels to draw and how: all flat when they fit the band, else rotated −45° when the band holds a line of
 * text, else every k-th rotated. Returns the step k and the rotation.
 */
export function xLabelLayout(bandWidth: number, labelWidth: number, fontSize: number): { step: number; rotate: number } {
  if (labelWidth + fontSize * 0.5 <= bandWidth) return { step: 1, rotate: 0 };
  const lineGap = fontSize * 1.5;
  if (lineGap <= bandWidth) return { step: 1, rotate: -45 };
  return { step: Math.ceil(lineGap / Math.max(bandWidth, 0.01)), rotate: -45 };
}

// ── formatting helpers ──

function seriesName(s: GrowthSeries, lang: Lang): string {
  return lang === 'en' ? s.nameEn ?? s.name : s.name;
}

function unitTitle(unit: string | undefined, lang: Lang): string {
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
const tickCache = new Map<string, string>();
function tickLabel(unit: string, v: number, lang: Lang): string {
  const key = `${lang}|${unit}|${v}`;
  let s = tickCache.get(key);
  if (s === undefined) {
    s = unit === 'rate' ? formatNumber(v, { lang, compact: false, precision: 1 }) : valueTick(v, unit || undefined, lang);
    if (tickCache.size > 2000) tickCache.clear();
    tickCache.set(key, s);
  }
  return s;
}

function growthText(p: GrowthPoint, T: GrowthChartTerms, lang: Lang): string {
  if (!isNumber(p.growth)) return '';
  const pct = formatPercent(Math.abs(p.growth), { lang, signed: false });
  if (p.growth === 0) return T.flat;
  if (p.growthBasis === 'nominal') return p.growth > 0 ? T.upNominal(pct) : T.downNominal(pct);
  return p.growth > 0 ? T.up(pct) : T.down(pct);
}

function rankText(p: GrowthPoint, T: GrowthChartTerms, lang: Lang): string {
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
const noteMark = (i: number) => (i < CIRCLED.length ? CIRCLED[i] : `(${i + 1})`);

// ── the model ──

interface Prepared {
  series: GrowthSeries;
  colorIndex: number;
  byKey: Map<string, GrowthPoint>;
}

function emptyModel(o: GrowthModelOptions, legend: LegendItem[], T: GrowthChartTerms): GrowthModel {
  return {
    kind: o.kind,
    lang: o.lang,
    width: o.width,
    height: o.height,
    fontSize: o.fontSize ?? 12,
    plot: { x: 0, y: 0, width: o.width, height: o.height },
    titleY: { left: 0, right: 0 },
    categories: [],
    xTicks: [],
    bars: [],
    lines: [],
    annotations: [],
    legend,
    notes: [],
    axisNote: '',
    summary: T.noData,
    table: { head: [], rows: [] },
    csv: toCsv([CSV_HEAD]),
    illustrative: false,
    nominal: false,
    rank: '',
    selectedIndex: -1,
    latestIndex: -1,
    empty: true,
  };
}

const CSV_HEAD = ['series', 'name', 'period', 'period_label', 'value', 'unit', 'growth', 'growth_basis', 'illustrative'];

/** Builds the complete chart model. `series` is the list after `series`/`region` selection, in display order. */
export function buildGrowthModel(input: readonly GrowthSeries[], o: GrowthModelOptions): GrowthModel {
  const lang = o.lang;
  const T = pickTerms(growthChartTerms, lang);
  const fs = o.fontSize ?? 12;
  const hidden = new Set(o.hidden ?? []);
  const width = Math.max(120, o.width);
  const height = Math.max(100, o.height);
  const all: Prepared[] = input.map((s, i) => {
    const series = o.basis === 'single' ? deriveSinglePeriods(s) : s;
    return { series, colorIndex: i, byKey: new Map(series.points.map((p) => [p.period.key, p] as const)) };
  });
  const visible = all.filter((p) => !hidden.has(p.series.id));
  const kind = o.kind;
  const measure: GrowthMeasure = kind === 'trend' ? o.measure ?? 'growth' : kind === 'compare' ? 'growth' : 'value';

  // Which series draw what.
  const firstWithValue = visible.find((p) => p.series.points.some((x) => x.value !== null));
  const barUnit = firstWithValue?.series.unit;
  const barSeries = kind === 'value-growth' ? visible.filter((p) => p.series.unit === barUnit && p.series.points.some((x) => x.value !== null)) : [];
  const lineSeries =
    kind === 'value-growth'
      ? visible.filter((p) => p.series.points.some((x) => x.growth !== null))
      : kind === 'trend'
        ? visible.filter((p) =>
            measure === 'growth' ? p.series.points.some((x) => x.growth !== null) : p.series.unit === barUnit && p.series.points.some((x) => x.value !== null),
          )
        : [];

  const legend: LegendItem[] = all.map((p) => ({
    id: p.series.id,
    name: seriesName(p.series, lang),
    colorIndex: p.colorIndex,
    hidden: hidden.has(p.series.id),
    mark: kind === 'value-growth' ? (p.series.unit === barUnit && p.series.points.some((x) => x.value !== null) ? 'bar-line' : 'line') : kind === 'compare' ? 'bar' : 'line',
  }));

  // ── categories ──
  let periods: Period[] = [];
  let comparePeriod: Period | undefined;
  if (kind === 'compare') {
    const withGrowth = visible.flatMap((p) => p.series.points.filter((x) => x.growth !== null).map((x) => x.period));
    const sel = o.selected ? withGrowth.find((p) => p.key === o.selected) : undefined;
    comparePeriod = sel ?? periodRange(withGrowth).pop();
    if (!comparePeriod) return emptyModel({ ...o, width, height }, legend, T);
  } else {
    const drawn = new Set([...barSeries, ...lineSeries]);
    periods = periodRange([...drawn].flatMap((p) => p.series.points.map((x) => x.period)));
    if (!periods.length) return emptyModel({ ...o, width, height }, legend, T);
  }

  // compare: one category per visible series, optionally sorted by growth.
  let compareRows: { prep: Prepared; point?: GrowthPoint }[] = [];
  if (kind === 'compare' && comparePeriod) {
    compareRows = visible.map((prep) => ({ prep, point: prep.byKey.get(comparePeriod!.key) }));
    const g = (r: (typeof compareRows)[number]) => (r.point && isNumber(r.point.growth) ? r.point.growth : NaN);
    if (o.sort === 'desc' || o.sort === 'asc') {
      const dir = o.sort === 'desc' ? -1 : 1;
      compareRows = compareRows.slice().sort((a, b) => {
        const ga = g(a);
        const gb = g(b);
        if (Number.isNaN(ga)) return Number.isNaN(gb) ? 0 : 1;
        if (Number.isNaN(gb)) return -1;
        return dir * (ga - gb);
      });
    }
  }

  const keys = kind === 'compare' ? compareRows.map((r) => r.prep.series.id) : periods.map((p) => p.key);
  const n = keys.length;

  // ── domains ──
  const values: number[] = [];
  const rates: number[] = [];
  if (kind === 'value-growth') {
    for (const p of barSeries) for (const x of p.series.points) if (x.value !== null) values.push(x.value);
    for (const p of lineSeries) for (const x of p.series.points) if (x.growth !== null) rates.push(x.growth);
  } else if (kind === 'compare') {
    for (const r of compareRows) if (r.point && r.point.growth !== null) rates.push(r.point.growth);
    if (isNumber(o.reference)) rates.push(o.reference);
  } else {
    for (const p of lineSeries) for (const x of p.series.points) {
      const v = measure === 'growth' ? x.growth : x.value;
      if (v !== null) (measure === 'growth' ? rates : values).push(v);
    }
  }
  let leftDomain: [number, number];
  let rightDomain: [number, number] | undefined;
  // value-growth with no values to draw (only rates published): the rates take the left axis, no empty value axis
  const ratesOnly = kind === 'value-growth' && barSeries.length === 0;
  if (kind === 'value-growth' && !ratesOnly) {
    leftDomain = zeroExtent(values);
    rightDomain = lineSeries.length ? zeroExtent(rates) : undefined;
  } else if (ratesOnly) leftDomain = zeroExtent(rates);
  else leftDomain = zeroExtent(measure === 'growth' ? rates : values);
  const leftIsRate = ratesOnly || (kind !== 'value-growth' && measure === 'growth');

  // ── labels on x ──
  const catLabels: string[] = [];
  const shortLabels: string[] = [];
  const yearChange: boolean[] = [];
  if (kind === 'compare') {
    for (const r of compareRows) {
      const name = seriesName(r.prep.series, lang);
      catLabels.push(name);
      shortLabels.push(name);
      yearChange.push(false);
    }
  } else {
    periods.forEach((p, i) => {
      catLabels.push(periodLabel(p, lang, 'long'));
      shortLabels.push(periodLabel(p, lang, 'short'));
      yearChange.push(p.kind !== 'year' && (i === 0 || periods[i - 1].year !== p.year));
    });
  }
  const twoLine = yearChange.some(Boolean);

  // ── basis of what is shown: never mix cumulative and single-period values without saying so on the axis ──
  const shownSeries = kind === 'compare' ? compareRows.map((r) => r.prep) : [...new Set([...barSeries, ...lineSeries])];
  let basisKind: 'cumulative' | 'single' | 'mixed' | 'derived' | '' = '';
  if (o.basis === 'single' && input.some((s) => s.basis === 'cumulative')) basisKind = 'derived';
  else if (shownSeries.some((p) => p.series.mixedBasis)) basisKind = 'mixed';
  else if (shownSeries.length && shownSeries.every((p) => p.series.basis === 'cumulative')) basisKind = 'cumulative';
  else if (shownSeries.some((p) => p.series.basis === 'cumulative')) basisKind = 'mixed';
  else if (shownSeries.length) basisKind = 'single';

  // Axis titles side by side above the plot; when they would run into each other (long English titles in a narrow
  // chart) the left one goes a line higher.
  const leftTitle = leftIsRate
    ? T.growthAxis(basisKind) + (comparePeriod ? ` · ${periodLabel(comparePeriod, lang)}` : '') // compare: which period is compared
    : T.valueAxis(unitTitle(barUnit, lang), basisKind);
  const rightTitle = rightDomain ? T.growthAxis(basisKind) : '';
  const stackTitles = !!rightTitle && textWidth(leftTitle, fs) + textWidth(rightTitle, fs) + fs * 3 > width;

  // ── margins (two passes: tick labels depend on tick count, which depends on the plot height) ──
  const titleH = fs + 8 + (stackTitles ? fs * 1.6 : 0);
  const top = titleH + fs + 8; // axis titles + annotation room
  let bottom = (twoLine ? 2 : 1) * fs * 1.3 + 10;
  const count0 = yTickCount(height - top - bottom, fs);
  const leftScale0 = niceScale(leftDomain, [0, 1], count0);
  const leftFormat = (v: number) => tickLabel(leftIsRate ? 'rate' : barUnit ?? '', v, lang);
  const rightFormat = (v: number) => tickLabel('rate', v, lang);
  const tickW = (s: ScaleLinear<number, number>, f: (v: number) => string) => Math.max(...s.ticks(count0).map((t) => textWidth(f(t), fs)), fs);
  let leftW = tickW(leftScale0, leftFormat) + 10;
  const rightScale0 = rightDomain ? niceScale(rightDomain, [0, 1], count0) : undefined;
  let rightW = rightScale0 ? tickW(rightScale0, rightFormat) + 10 : 0;
  const lastHalf = Math.min(textWidth(shortLabels[n - 1] ?? '', fs) / 2, 60);
  rightW = Math.max(rightW, 8, kind === 'compare' ? 8 : Math.min(lastHalf, 24));
  let plotW = Math.max(20, width - leftW - rightW);
  let band = plotW / Math.max(n, 1);
  const maxLabelW = Math.max(...shortLabels.map((s) => textWidth(s, fs)), 0);
  // compare: indicator names wrap onto up to three lines when the band is wide enough, else rotate
  const wrapCompare = kind === 'compare' && band * 0.8 >= fs * 4;
  const layout = wrapCompare ? { step: 1, rotate: 0 } : xLabelLayout(band, maxLabelW, fs);
  const maxRotW = Math.max(fs * 3, (height * 0.3) / 0.71);
  const rotText = (i: number) => (kind === 'compare' ? catLabels[i] : yearChange[i] ? catLabels[i] : shortLabels[i]);
  let wrapped: string[][] = [];
  // Many sub-year periods that do not fit flat: label the years only (centred on their periods) instead of a
  // thicket of rotated labels; the tooltip and the table name every period.
  const yearStarts = kind === 'compare' ? [] : periods.map((p, i) => (i === 0 || periods[i - 1].year !== p.year ? i : -1)).filter((i) => i >= 0);
  const yearMode = !wrapCompare && layout.rotate !== 0 && n > 12 && yearStarts.length >= 2 && periods.some((p) => p.kind !== 'year');
  if (yearMode) {
    bottom = fs * 1.3 + 10;
  } else if (wrapCompare) {
    wrapped = catLabels.map((s) => wrapLabel(s, band * 0.9, fs, 3));
    bottom = Math.max(...wrapped.map((w) => w.length), 1) * fs * 1.3 + 10;
  } else if (layout.rotate !== 0) {
    const rotW = Math.min(maxRotW, Math.max(...catLabels.map((_, i) => textWidth(rotText(i), fs)), 0));
    bottom = rotW * 0.71 + fs + 10;
    // the first rotated label reaches left of the plot: make room for it
    const firstW = Math.min(maxRotW, textWidth(rotText(0), fs)) * 0.71 + 4 - band / 2;
    if (firstW > leftW) {
      leftW = Math.min(firstW, width * 0.3);
      plotW = Math.max(20, width - leftW - rightW);
      band = plotW / Math.max(n, 1);
    }
  }
  const plotX = leftW;
  bottom = Math.min(bottom, height * 0.45);
  const plotY = top;
  const plotH = Math.max(20, height - top - bottom);
  const count = yTickCount(plotH, fs);

  // ── scales ──
  const x = scaleBand<string>().domain(keys).range([plotX, plotX + plotW]).paddingInner(kind === 'trend' ? 0 : 0.25).paddingOuter(kind === 'trend' ? 0 : 0.15);
  const center = (i: number) => (x(keys[i]) ?? 0) + x.bandwidth() / 2;
  // A nice()d domain is computed for the planned tick count, then kept: zero stays aligned across both axes.
  const yLeft = niceAligned(leftDomain, rightDomain, [plotY + plotH, plotY], count);
  const yRight = rightDomain ? yLeft.partner : undefined;
  const left: Axis = {
    domain: yLeft.scale.domain() as [number, number],
    // Rotated x labels hang down-left from the plot's bottom: a left tick label sitting on that edge would be drawn
    // over the first of them, so it goes unlabelled (its grid line stays; the zero line marks 0).
    ticks: yLeft.scale
      .ticks(count)
      .map((v) => ({ value: v, pos: yLeft.scale(v), label: layout.rotate !== 0 && !yearMode && !wrapCompare && yLeft.scale(v) > plotY + plotH - fs ? '' : leftFormat(v) })),
    title: leftTitle,
    zero: yLeft.scale(0),
  };
  const right: Axis | undefined = yRight
    ? {
        domain: yRight.domain() as [number, number],
        ticks: yRight.ticks(count).map((v) => ({ value: v, pos: yRight(v), label: rightFormat(v) })),
        title: rightTitle,
        zero: yRight(0),
      }
    : undefined;

  // ── x ticks ──
  const xTicks: XTick[] = [];
  if (yearMode) {
    const perYear = n / yearStarts.length;
    const yearW = Math.max(...yearStarts.map((i) => textWidth(yearLabel(periods[i].year, lang), fs))) + fs;
    const step = Math.max(1, Math.ceil(yearW / Math.max(perYear * x.step(), 0.01)));
    for (let j = 0; j < yearStarts.length; j += step) {
      const i = yearStarts[j];
      const last = (yearStarts[j + 1] ?? n) - 1;
      xTicks.push({ index: i, x: (center(i) + center(last)) / 2, lines: [yearLabel(periods[i].year, lang)], rotate: 0 });
    }
  } else {
    for (let i = 0; i < n; i += layout.step) {
      let lines: string[];
      if (kind === 'compare') lines = wrapCompare ? wrapped[i] : [layout.rotate ? truncate(catLabels[i], maxRotW, fs) : catLabels[i]];
      else if (layout.rotate) lines = [yearChange[i] ? catLabels[i] : shortLabels[i]];
      else lines = yearChange[i] ? [shortLabels[i], yearLabel(periods[i].year, lang)] : [shortLabels[i]];
      // A rotated label reaching past the chart's left edge (the first ones, when the plot could not make room for
      // them) is shortened with … (the tick carries its full name as a <title>) instead of being cut by the edge.
      if (layout.rotate && lines.length === 1) {
        const room = (center(i) - 2) / 0.71 - fs * 1.2; // the glyphs' height leans left too
        if (textWidth(lines[0], fs) > room) lines = [truncate(lines[0], Math.max(room, fs), fs)];
      }
      xTicks.push({ index: i, x: center(i), lines, rotate: layout.rotate });
    }
  }

  // ── selected / latest ──
  const mainSeries = (kind === 'value-growth' ? barSeries[0] ?? lineSeries[0] : kind === 'trend' ? lineSeries[0] : undefined) ?? visible[0];
  let latestIndex = -1;
  if (kind === 'compare') latestIndex = -1;
  else if (mainSeries)
    for (let i = n - 1; i >= 0; i--) {
      const pt = mainSeries.byKey.get(keys[i]);
      if (pt && (pt.value !== null || pt.growth !== null)) {
        latestIndex = i;
        break;
      }
    }
  const selectedIndex = kind === 'compare' ? -1 : o.selected ? keys.indexOf(o.selected) : -1;

  // ── marks ──
  const bars: Bar[] = [];
  const lines: Line[] = [];
  let illustrative = false;
  let nominal = false;
  if (kind === 'value-growth') {
    const inner = scaleBand<string>()
      .domain(barSeries.map((p) => p.series.id))
      .range([0, x.bandwidth()])
      .paddingInner(barSeries.length > 1 ? 0.1 : 0);
    const y0 = yLeft.scale(0);
    for (const p of barSeries)
      keys.forEach((key, i) => {
        const pt = p.byKey.get(key);
        if (!pt || pt.value === null) return;
        const yv = yLeft.scale(pt.value);
        illustrative ||= pt.illustrative;
        bars.push({
          seriesId: p.series.id,
          colorIndex: p.colorIndex,
          index: i,
          key,
          x: (x(key) ?? 0) + (inner(p.series.id) ?? 0),
          y: Math.min(yv, y0),
          width: inner.bandwidth(),
          height: Math.abs(yv - y0),
          value: pt.value,
          negative: pt.value < 0,
          illustrative: pt.illustrative,
          latest: i === latestIndex && p === barSeries[0],
          active: i === selectedIndex,
        });
      });
  }
  if (kind === 'value-growth' || kind === 'trend') {
    const yScale = kind === 'value-growth' && yRight ? yRight : yLeft.scale;
    const read = (pt: GrowthPoint) => (kind === 'trend' && measure === 'value' ? pt.value : pt.growth);
    for (const p of lineSeries) {
      const pts: (LinePoint | null)[] = keys.map((key, i) => {
        const pt = p.byKey.get(key);
        const v = pt ? read(pt) : null;
        if (!pt || v === null) return null;
        illustrative ||= pt.illustrative;
        const nom = pt.growthBasis === 'nominal' && !(kind === 'trend' && measure === 'value');
        nominal ||= nom;
        return { index: i, key, x: center(i), y: yScale(v), value: v, illustrative: pt.illustrative, nominal: nom, latest: i === latestIndex, active: i === selectedIndex };
      });
      const path = d3line<LinePoint | null>()
        .defined((d) => d !== null)
        .x((d) => round(d!.x))
        .y((d) => round(d!.y))(pts);
      lines.push({
        seriesId: p.series.id,
        colorIndex: p.colorIndex,
        axis: kind === 'value-growth' && yRight ? 'right' : 'left',
        d: path ?? '',
        points: pts.filter((d): d is LinePoint => d !== null),
      });
    }
  }
  if (kind === 'compare') {
    const y0 = yLeft.scale(0);
    const w = x.bandwidth();
    compareRows.forEach((r, i) => {
      const pt = r.point;
      if (!pt || pt.growth === null) return;
      const yv = yLeft.scale(pt.growth);
      illustrative ||= pt.illustrative;
      nominal ||= pt.growthBasis === 'nominal';
      bars.push({
        seriesId: r.prep.series.id,
        colorIndex: r.prep.colorIndex,
        index: i,
        key: keys[i],
        x: x(keys[i]) ?? 0,
        y: Math.min(yv, y0),
        width: w,
        height: Math.abs(yv - y0),
        value: pt.growth,
        negative: pt.growth < 0,
        illustrative: pt.illustrative,
        latest: false,
        active: false,
      });
    });
  }

  // ── categories with tooltip text ──
  const pct = (v: number | null) => formatPercent(v, { lang });
  const flags = (pt: GrowthPoint, withNominal = true) => {
    const f: string[] = [];
    if (withNominal && pt.growthBasis === 'nominal' && pt.growth !== null) f.push(T.nominalShort);
    if (pt.illustrative) f.push(T.illustrative);
    return f.length ? (lang === 'zh-CN' ? `（${f.join('，')}）` : ` (${f.join(', ')})`) : '';
  };
  const sep = lang === 'zh-CN' ? '：' : ': ';
  const notes: string[] = [];
  const shownForTip = kind === 'compare' ? [] : kind === 'value-growth' ? visible.filter((p) => barSeries.includes(p) || lineSeries.includes(p)) : lineSeries;
  // Tooltip text is formatted on first read only (a chart with 40 periods shows one tooltip at a time).
  const tooltipFor = (key: string, i: number): Category['tooltip'] => {
    const rows: TooltipRow[] = [];
    if (kind === 'compare') {
      const r = compareRows[i];
      const title = `${catLabels[i]} · ${periodLabel(comparePeriod!, lang)}`;
      if (r.point) {
        rows.push({ seriesId: r.prep.series.id, colorIndex: r.prep.colorIndex, text: `${T.growth}${sep}${pct(r.point.growth)}${flags(r.point)}` });
        const rk = rankText(r.point, T, lang);
        if (rk) rows.push({ seriesId: r.prep.series.id, colorIndex: r.prep.colorIndex, text: rk });
      } else rows.push({ seriesId: r.prep.series.id, colorIndex: r.prep.colorIndex, text: `${T.growth}${sep}${NO_VALUE}` });
      return { title, rows };
    }
    for (const p of shownForTip) {
      const pt = p.byKey.get(key);
      const parts: string[] = [];
      if ((kind === 'value-growth' && barSeries.includes(p)) || (kind === 'trend' && measure === 'value')) parts.push(formatAmount(pt?.value ?? null, p.series.unit, { lang }));
      if (kind === 'value-growth' || measure === 'growth') parts.push(pct(pt?.growth ?? null));
      rows.push({ seriesId: p.series.id, colorIndex: p.colorIndex, text: `${seriesName(p.series, lang)}${sep}${parts.join(lang === 'zh-CN' ? '，' : ', ')}${pt ? flags(pt) : ''}` });
    }
    return { title: catLabels[i], rows };
  };
  const categories: Category[] = keys.map((key, i) => {
    const catNotes: string[] = [];
    let catIll = false;
    const addNote = (pt: GrowthPoint | undefined, name?: string) => {
      const text = pt ? (lang === 'en' ? pt.noteEn ?? pt.note : pt.note) : undefined;
      if (!text) return;
      const label = `${noteMark(notes.length)} ${name ? name + sep : ''}${text}`;
      notes.push(label);
      catNotes.push(label);
    };
    if (kind === 'compare') {
      const r = compareRows[i];
      catIll = !!r.point?.illustrative;
      addNote(r.point, catLabels[i]);
    } else
      for (const p of shownForTip) {
        const pt = p.byKey.get(key);
        if (pt?.illustrative) catIll = true;
        addNote(pt, shownForTip.length > 1 ? seriesName(p.series, lang) : undefined);
      }
    let tip: Category['tooltip'] | undefined;
    return {
      key,
      label: catLabels[i],
      x: center(i),
      x0: x(key) ?? 0,
      width: x.bandwidth(),
      get tooltip() {
        return (tip ??= tooltipFor(key, i));
      },
      notes: catNotes,
      illustrative: catIll,
    };
  });

  // ── annotations ──
  const annotations: Annotation[] = [];
  let rank = '';
  const focus = selectedIndex >= 0 ? selectedIndex : latestIndex;
  if (kind === 'compare') {
    compareRows.forEach((r, i) => {
      if (r.point?.rank) {
        const b = bars.find((bb) => bb.index === i);
        annotations.push({ kind: 'rank', index: i, x: center(i), y: b ? (b.negative ? b.y + b.height + fs + 2 : b.y - 6) : yLeft.scale(0) - 6, text: T.rankShort(r.point.rank.position) });
        if (!rank) rank = `${seriesName(r.prep.series, lang)}${lang === 'zh-CN' ? '：' : ': '}${rankText(r.point, T, lang)}`;
      }
    });
  } else if (mainSeries && focus >= 0) {
    const pt = mainSeries.byKey.get(keys[focus]);
    const lp = lines.find((l) => l.seriesId === mainSeries.series.id)?.points.find((q) => q.index === focus);
    const b = bars.find((bb) => bb.seriesId === mainSeries.series.id && bb.index === focus);
    const yTop = Math.min(lp ? lp.y : Infinity, b ? b.y : Infinity, plotY + plotH);
    if (focus === latestIndex) annotations.push({ kind: 'latest', index: focus, x: center(focus), y: yTop - 8, text: T.latest });
    // the rank goes to the header badge (model.rank), not into the plot where it would cover the line
    if (pt?.rank) rank = rankText(pt, T, lang);
  }
  categories.forEach((c, i) => {
    if (c.notes.length) annotations.push({ kind: 'note', index: i, x: c.x, y: plotY + plotH - 4, text: c.notes.map((t) => t.slice(0, 1)).join('') });
  });

  // ── reference line ──
  let reference: GrowthModel['reference'];
  if (kind === 'compare' && isNumber(o.reference)) {
    reference = { y: yLeft.scale(o.reference), value: o.reference, label: `${o.referenceLabel || T.reference} ${pct(o.reference)}` };
  }

  // ── axis note (the basis is also in the axis titles) ──
  const axisNote = basisKind === 'derived' ? T.derived : basisKind === 'mixed' ? T.mixed : basisKind === 'cumulative' ? T.cumulative : basisKind === 'single' ? T.single : '';

  // ── summary ──
  const summary = summarise();
  function summarise(): string {
    if (kind === 'compare') {
      const withG = compareRows.filter((r) => r.point && r.point.growth !== null);
      const label = periodLabel(comparePeriod!, lang);
      if (!withG.length) return T.noData;
      const tail = withG.some((r) => r.point!.illustrative) ? T.illustrativeTail : '';
      if (withG.length === 1) return T.summaryCompareOne(label, seriesName(withG[0].prep.series, lang), pct(withG[0].point!.growth)) + tail;
      const sorted = withG.slice().sort((a, b) => b.point!.growth! - a.point!.growth!);
      const hi = sorted[0];
      const lo = sorted[sorted.length - 1];
      return T.summaryCompare(label, seriesName(hi.prep.series, lang), pct(hi.point!.growth), seriesName(lo.prep.series, lang), pct(lo.point!.growth)) + tail;
    }
    if (!mainSeries) return T.noData;
    const name = seriesName(mainSeries.series, lang);
    if (kind === 'trend') {
      const pts = lines.find((l) => l.seriesId === mainSeries.series.id)?.points ?? [];
      if (!pts.length) return T.noData;
      const a = pts[0];
      const b = selectedIndex >= 0 ? pts.find((q) => q.index === selectedIndex) ?? pts[pts.length - 1] : pts[pts.length - 1];
      const fmt = (v: number) => (measure === 'growth' ? pct(v) : formatAmount(v, mainSeries.series.unit, { lang }));
      const more = lineSeries.length > 1 ? T.andMore(lineSeries.length) : '';
      const tail = pts.some((q) => q.illustrative) ? T.illustrativeTail : '';
      return T.summaryTrend(catLabels[a.index], catLabels[b.index], name, measure === 'growth' ? T.growthWord : T.valueWord, fmt(a.value), fmt(b.value)) + more + tail;
    }
    if (focus < 0) return T.noData;
    const pt = mainSeries.byKey.get(keys[focus]);
    if (!pt) return T.noData;
    const amount = barSeries.includes(mainSeries) && pt.value !== null ? formatAmount(pt.value, mainSeries.series.unit, { lang }) : '';
    let s = T.summaryValue(catLabels[focus], name, amount, growthText(pt, T, lang));
    const rk = rankText(pt, T, lang);
    if (rk && pt.growth !== null) s += (lang === 'zh-CN' ? '，' : '; ') + T.rankGrowth(rk);
    if (pt.illustrative) s += T.illustrativeTail;
    return s;
  }

  // ── table twin and CSV: built on first read (the table is shown on demand, the CSV on export) ──
  let tableAndCsv: { table: GrowthModel['table']; csv: string } | undefined;
  const buildTable = (): { table: GrowthModel['table']; csv: string } => {
    const table = { head: [] as string[], rows: [] as string[][] };
    const csvRows: (string | number | boolean | null)[][] = [CSV_HEAD];
    const exact = (v: number | null) => formatExact(v, lang);
    const pctExact = (v: number | null) => (v === null ? NO_VALUE : formatExact(v, lang, 2));
    const csvPoint = (p: Prepared, pt: GrowthPoint) =>
      csvRows.push([p.series.id, seriesName(p.series, lang), pt.period.key, periodLabel(pt.period, lang), pt.value, p.series.unit ?? '', pt.growth, pt.growth === null ? '' : pt.growthBasis, pt.illustrative]);
    const noteCell = (pts: (GrowthPoint | undefined)[]) => {
      const f: string[] = [];
      if (pts.some((pt) => pt?.illustrative)) f.push(T.illustrative);
      if (pts.some((pt) => pt && pt.growth !== null && pt.growthBasis === 'nominal')) f.push(T.nominal);
      if (pts.some((pt) => pt?.derived)) f.push(T.derived);
      for (const pt of pts) {
        const t = pt ? (lang === 'en' ? pt.noteEn ?? pt.note : pt.note) : undefined;
        if (t) f.push(t);
        const rk = pt ? rankText(pt, T, lang) : '';
        if (rk) f.push(T.rankGrowth(rk));
      }
      return f.join(lang === 'zh-CN' ? '；' : '; ');
    };
    if (kind === 'compare') {
      table.head = [T.indicator, T.period, lang === 'zh-CN' ? `${T.growth}（%）` : `${T.growth} (%)`, T.notes];
      for (const r of compareRows) {
        table.rows.push([seriesName(r.prep.series, lang), periodLabel(comparePeriod!, lang), pctExact(r.point?.growth ?? null), noteCell([r.point])]);
        if (r.point) csvPoint(r.prep, r.point);
      }
    } else {
      const shown = kind === 'value-growth' ? visible.filter((p) => barSeries.includes(p) || lineSeries.includes(p)) : lineSeries;
      const pctHead = lang === 'zh-CN' ? '（%）' : ' (%)';
      table.head = [T.period];
      for (const p of shown) {
        const name = seriesName(p.series, lang);
        const unitHead = p.series.unit ? (lang === 'zh-CN' ? `（${p.series.unit}）` : ` (${p.series.unit})`) : '';
        if (kind === 'value-growth' ? barSeries.includes(p) : measure === 'value') table.head.push(name + unitHead);
        if (kind === 'value-growth' || measure === 'growth') table.head.push(`${name}${lang === 'zh-CN' ? '增速' : ' growth'}${pctHead}`);
      }
      table.head.push(T.notes);
      keys.forEach((key, i) => {
        const row = [catLabels[i]];
        const pts: (GrowthPoint | undefined)[] = [];
        for (const p of shown) {
          const pt = p.byKey.get(key);
          pts.push(pt);
          if (kind === 'value-growth' ? barSeries.includes(p) : measure === 'value') row.push(exact(pt?.value ?? null));
          if (kind === 'value-growth' || measure === 'growth') row.push(pctExact(pt?.growth ?? null));
        }
        row.push(noteCell(pts));
        table.rows.push(row);
      });
      for (const p of shown) for (const key of keys) {
        const pt = p.byKey.get(key);
        if (pt) csvPoint(p, pt);
      }
    }
    return { table, csv: toCsv(csvRows) };
  };

  return {
    kind,
    lang,
    width,
    height,
    fontSize: fs,
    plot: { x: plotX, y: plotY, width: plotW, height: plotH },
    titleY: { left: Math.max(fs, plotY - fs - 8 - (stackTitles ? fs * 1.6 : 0)), right: Math.max(fs, plotY - fs - 8) },
    categories,
    xTicks,
    left,
    right,
    bars,
    lines,
    reference,
    annotations,
    legend,
    notes,
    axisNote,
    summary,
    get table() {
      return (tableAndCsv ??= buildTable()).table;
    },
    get csv() {
      return (tableAndCsv ??= buildTable()).csv;
    },
    illustrative,
    nominal,
    rank,
    selectedIndex,
    latestIndex,
    empty: false,
  };
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}

/**
 * The left scale (niced for `count` ticks) and, when there is a right domain, a partner scale whose zero sits at the
 * same height: both domains are niced first, then aligned (alignment only extends a domain).
 */
function niceAligned(
  left: [number, number],
  right: [number, number] | undefined,
  range: [number, number],
  count: number,
): { scale: ScaleLinear<number, number>; partner?: ScaleLinear<number, number> } {
  const l = scaleLinear().domain(left).nice(count).domain() as [number, number];
  if (!right) return { scale: scaleLinear().domain(l).range(range) };
  const r = scaleLinear().domain(right).nice(count).domain() as [number, number];
  const [la, ra] = alignZero(l, r);
  return { scale: scaleLinear().domain(la).range(range), partner: scaleLinear().domain(ra).range(range) };
}
