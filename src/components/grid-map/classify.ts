/**
 * Pure classification and colour for the choropleth: sequential, quantize, quantile, natural breaks
 * (simple-statistics `ckmeans`), explicit thresholds with labels, categorical. Colours: the published scheme lists in color-schemes.ts (those d3-scale-chromatic carries), interpolated with d3-interpolate.
 *
 * Class i of a threshold-style classifier holds values v with breaks[i-1] <= v < breaks[i] (the last class is
 * closed above). For the rural points system (integers 0–10) thresholds [5, 9] give ≤4 / 5–8 / 9–10.
 */
import { ckmeans } from 'simple-statistics';
import { quantileSorted } from 'd3-array';
import { interpolateRgb, interpolateRgbBasis } from 'd3-interpolate';
import { BREWER, SCHEME_HEX, STEPPED } from './color-schemes.js';
import type { Classification, SchemeName } from './grid-map.types.js';

/** Colour-blind-safe default (perceptually uniform, readable in greyscale). */
export const DEFAULT_SCHEME: SchemeName = 'viridis';
export const DEFAULT_CATEGORICAL_SCHEME: SchemeName = 'tableau10';

/** A scheme's colours (`#rrggbb`), from the published lists in color-schemes.ts; undefined for an unknown name. */
export function schemeList(scheme: string): string[] | undefined {
  const hex = Object.prototype.hasOwnProperty.call(SCHEME_HEX, scheme) ? SCHEME_HEX[scheme] : undefined;
  return hex?.match(/.{6}/g)!.map((c) => `#${c}`);
}

const made = new Map<string, (t: number) => string>();
/** The continuous interpolator of a scheme (0..1 → colour), as d3-scale-chromatic's: ColorBrewer lists through a B-spline, the 256-step ones read in steps. */
export function continuous(scheme: string): ((t: number) => string) | undefined {
  let f = made.get(scheme);
  if (f || !(BREWER.has(scheme) || STEPPED.has(scheme))) return f;
  const list = schemeList(scheme)!;
  const n = list.length;
  f = BREWER.has(scheme) ? interpolateRgbBasis(list) : (t: number) => list[Math.max(0, Math.min(n - 1, Math.floor(t * n)))];
  made.set(scheme, f);
  return f;
}
const CATEGORICAL: Partial<Record<SchemeName, readonly string[]>> = { tableau10: schemeList('tableau10'), set2: schemeList('set2'), dark2: schemeList('dark2') };

/** Interpolators that start near white are sampled from 0.15 so the lowest class still shows on a light background. */
const LIGHT_START = new Set<SchemeName>(['blues', 'greens', 'oranges', 'purples', 'reds', 'ylgnbu', 'ylorrd', 'orrd', 'bupu']);

/** Any colour → `#rrggbb` (what canvas, SVG and maplibre all accept, and what pixel tests compare). */
export function toHex(c: string): string {
  // d3-interpolate parses every CSS colour d3 knows and prints rgb(r, g, b) / rgba(…).
  const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(interpolateRgb(c, c)(0));
  if (!m) return '#000000';
  const h = (n: string) => Math.max(0, Math.min(255, Number(n))).toString(16).padStart(2, '0');
  return `#${h(m[1])}${h(m[2])}${h(m[3])}`;
}

export function interpolatorFor(scheme: SchemeName | string | undefined): (t: number) => string {
  const s = (scheme ?? DEFAULT_SCHEME) as SchemeName;
  const f = continuous(s);
  if (f) {
    if (!LIGHT_START.has(s)) return f;
    return (t) => f(0.15 + 0.85 * t);
  }
  const cat = CATEGORICAL[s];
  if (cat) return (t) => cat[Math.min(cat.length - 1, Math.round(t * (cat.length - 1)))];
  return continuous(DEFAULT_SCHEME)!;
}

/** n discrete colours from a scheme (hex). */
export function schemeColors(scheme: SchemeName | string | undefined, n: number): string[] {
  const cat = CATEGORICAL[scheme as SchemeName];
  if (cat) return Array.from({ length: n }, (_, i) => toHex(cat[i % cat.length]));
  const f = interpolatorFor(scheme);
  if (n <= 1) return [toHex(f(0.6))];
  return Array.from({ length: n }, (_, i) => toHex(f(i / (n - 1))));
}

export interface ThresholdClass {
  /** Lower bound (inclusive); omitted for the first class. */
  min?: number;
  label?: string;
  color?: string;
}

export interface ClassifySpec {
  kind: Classification;
  /** Number of classes for quantize / quantile / natural / sequential legend steps (default 5). */
  classes?: number;
  scheme?: SchemeName | string;
  /** thresholds: ascending break values; class i is [breaks[i-1], breaks[i]). */
  breaks?: number[];
  /** thresholds / categorical: one label per class. */
  labels?: string[];
  /** Explicit colours per class (override the scheme). */
  colors?: string[];
}

export interface ClassInfo {
  index: number;
  /** Inclusive lower bound (undefined = open). */
  min?: number;
  /** Exclusive upper bound (undefined = open / closed max of data). */
  max?: number;
  /** Smallest and largest data values that fell in the class. */
  dataMin?: number;
  dataMax?: number;
  /** Categorical value. */
  value?: number;
  label?: string;
  color: string;
}

export interface Classifier {
  kind: Classification;
  classes: ClassInfo[];
  /** Class index of a value, -1 for no data. */
  classOf(v: number | undefined): number;
  /** Colour of a value (sequential: continuous), undefined for no data. */
  colorOf(v: number | undefined): string | undefined;
  /** Data extent. */
  domain: [number, number];
}

function finite(values: readonly (number | undefined)[]): number[] {
  const out: number[] = [];
  for (const v of values) if (typeof v === 'number' && Number.isFinite(v)) out.push(v);
  return out;
}

function bisectBreaks(breaks: number[], v: number): number {
  let i = 0;
  while (i < breaks.length && v >= breaks[i]) i++;
  return i;
}

/** Equal-interval breaks inside [min, max] (n-1 inner breaks). */
export function quantizeBreaks(values: readonly number[] | Float64Array, n: number): number[] {
  if (!values.length) return [];
  let min = Infinity, max = -Infinity;
  for (const v of values) (min = Math.min(min, v)), (max = Math.max(max, v));
  if (min === max) return [];
  return Array.from({ length: n - 1 }, (_, i) => min + ((max - min) * (i + 1)) / n);
}

/** Quantile breaks (n-1 inner), de-duplicated. */
export function quantileBreaks(values: readonly number[] | Float64Array, n: number): number[] {
  // A typed array sorts numerically without a comparator: several times faster on 10⁶ values.
  const sorted = Float64Array.from(values).sort();
  const out: number[] = [];
  for (let i = 1; i < n; i++) {
    const q = quantileSorted(sorted as unknown as number[], i / n);
    if (q !== undefined && (out.length === 0 || q > out[out.length - 1]) && q > sorted[0]) out.push(q);
  }
  return out;
}

/** Above this many values, natural breaks are computed on evenly spaced order statistics of this many. */
export const NATURAL_SAMPLE = 10000;

/**
 * Natural breaks via ckmeans: each break is the smallest value of a cluster (n-1 inner). ckmeans is O(k·n²) in
 * memory-bound practice, so a national grid (10⁶ values) is reduced first to NATURAL_SAMPLE evenly spaced order
 * statistics (every m-th value of the sorted data, deterministic), which keeps the distribution's shape.
 */
export function naturalBreaks(input: readonly number[] | Float64Array, n: number): number[] {
  if (!input.length) return [];
  let values: number[];
  if (input.length > NATURAL_SAMPLE) {
    const sorted = Float64Array.from(input).sort();
    const step = sorted.length / NATURAL_SAMPLE;
    values = Array.from({ length: NATURAL_SAMPLE }, (_, i) => sorted[Math.floor(i * step)]);
  } else values = Array.from(input);
  const distinct = new Set(values).size;
  const k = Math.max(1, Math.min(n, distinct));
  const clusters = ckmeans(values, k);
  return clusters.slice(1).map((c) => c[0]);
}

/**
 * Builds a classifier from the values currently shown. Never throws. A Float64Array holds finite values only (a
 * level of a million grids read straight from the metric columns, no array of a million JS numbers).
 */
export function classify(values: readonly (number | undefined)[] | Float64Array, spec: ClassifySpec): Classifier {
  const data = values instanceof Float64Array ? values : finite(values);
  let min = Infinity, max = -Infinity;
  for (const v of data) (min = Math.min(min, v)), (max = Math.max(max, v));
  const domain: [number, number] = data.length ? [min, max] : [0, 0];
  const n = Math.max(1, Math.min(12, Math.round(spec.classes ?? 5)));

  if (spec.kind === 'categorical') {
    const distinct = Array.from(new Set(data)).sort((a, b) => a - b);
    const colors = spec.colors?.length ? spec.colors.map(toHex) : schemeColors(spec.scheme && CATEGORICAL[spec.scheme as SchemeName] ? spec.scheme : DEFAULT_CATEGORICAL_SCHEME, distinct.length);
    const classes: ClassInfo[] = distinct.map((value, index) => ({ index, value, dataMin: value, dataMax: value, label: spec.labels?.[index], color: colors[index % colors.length] }));
    const lookup = new Map(distinct.map((v, i) => [v, i]));
    const classOf = (v: number | undefined) => (typeof v === 'number' && lookup.has(v) ? (lookup.get(v) as number) : -1);
    return { kind: 'categorical', classes, classOf, colorOf: (v) => classes[classOf(v)]?.color, domain };
  }

  let breaks: number[];
  switch (spec.kind) {
    case 'thresholds':
      breaks = (spec.breaks ?? []).filter((b) => Number.isFinite(b)).slice().sort((a, b) => a - b);
      break;
    case 'quantile':
      breaks = quantileBreaks(data, n);
      break;
    case 'natural':
      breaks = naturalBreaks(data, n);
      break;
    default: // quantize, sequential (legend steps)
      breaks = quantizeBreaks(data, n);
  }
  const k = breaks.length + 1;
  const colors = spec.colors?.length && spec.colors.length >= k ? spec.colors.map(toHex) : schemeColors(spec.scheme, k);
  const classes: ClassInfo[] = Array.from({ length: k }, (_, i) => ({
    index: i,
    min: i === 0 ? undefined : breaks[i - 1],
    max: i === k - 1 ? undefined : breaks[i],
    label: spec.labels?.[i],
    color: colors[i],
  }));
  for (const v of data) {
    const c = classes[bisectBreaks(breaks, v)];
    c.dataMin = c.dataMin === undefined ? v : Math.min(c.dataMin, v);
    c.dataMax = c.dataMax === undefined ? v : Math.max(c.dataMax, v);
  }
  const classOf = (v: number | undefined) => (typeof v === 'number' && Number.isFinite(v) ? bisectBreaks(breaks, v) : -1);
  if (spec.kind === 'sequential') {
    const f = interpolatorFor(spec.scheme);
    const span = max - min;
    return {
      kind: 'sequential',
      classes: classes.map((c) => ({ ...c, color: toHex(f(span > 0 ? (((c.min ?? min) + (c.max ?? max)) / 2 - min) / span : 0.5)) })),
      classOf,
      colorOf: (v) => (typeof v === 'number' && Number.isFinite(v) ? toHex(f(span > 0 ? (v - min) / span : 0.5)) : undefined),
      domain,
    };
  }
  return { kind: spec.kind, classes, classOf, colorOf: (v) => classes[classOf(v)]?.color, domain };
}

export interface LegendEntry extends ClassInfo {
  count: number;
}

export interface LegendModel {
  kind: Classification;
  entries: LegendEntry[];
  noData: number;
  domain: [number, number];
}

/** Legend classes with counts of the shown units, plus the no-data count (`noData` more units without a value). */
export function legendModel(c: Classifier, values: readonly (number | undefined)[] | Float64Array, noDataMore = 0): LegendModel {
  const counts = new Array<number>(c.classes.length).fill(0);
  let noData = noDataMore;
  for (const v of values) {
    const i = c.classOf(v);
    if (i < 0) noData++;
    else counts[i]++;
  }
  return { kind: c.kind, entries: c.classes.map((cl, i) => ({ ...cl, count: counts[i] })), noData, domain: c.domain };
}

/** Parses "5,9" or "[5,9]" into numbers; ignores blanks; undefined when nothing usable. */
export function parseNumberList(s: string | null | undefined): number[] | undefined {
  if (!s) return undefined;
  const out = s.replace(/[[\]]/g, '').split(/[,，\s]+/).filter(Boolean).map(Number).filter(Number.isFinite);
  return out.length ? out : undefined;
}

/** Parses "a,b,c" / "a|b|c" into trimmed labels. */
export function parseLabelList(s: string | null | undefined): string[] | undefined {
  if (!s) return undefined;
  const sep = s.includes('|') ? '|' : /[,，]/;
  const out = s.split(sep).map((x) => x.trim());
  return out.length ? out : undefined;
}

export interface RangeWords {
  lessThan: (v: string) => string;
  atMost: (v: string) => string;
  atLeast: (v: string) => string;
}

/**
 * Fraction digits of a legend bound: 2 below 10, 1 below 10,000; none given from 10,000 up, where the shared compact
 * rule of core/format/number.ts applies (the legend, tooltip and table then read the same: 12.35万, 3.22万亿).
 */
export function legendPrecision(v: number): number | undefined {
  const a = Math.abs(v);
  return a < 10 ? 2 : a < 1e4 ? 1 : undefined;
}

/**
 * Text for a class range. Classes are [min, max); when all data are whole numbers the range is the whole numbers it
 * holds, written the way people write them (thresholds 5, 9 → "≤ 4", "5–8", "≥ 9"; quantile breaks 63.4, 341 →
 * "≤ 63", "64–340", "≥ 341": no bound shared by two classes). A class holding no whole number keeps its bounds.
 */
export function classRangeLabel(c: ClassInfo, integer: boolean, fmt: (v: number) => string, w: RangeWords): string {
  if (c.value !== undefined) return fmt(c.value);
  if (c.min === undefined && c.max === undefined) return c.dataMin !== undefined ? (c.dataMin === c.dataMax ? fmt(c.dataMin) : `${fmt(c.dataMin)}–${fmt(c.dataMax as number)}`) : '';
  // The first and last whole numbers of [min, max).
  const lo = c.min === undefined ? -Infinity : Math.ceil(c.min);
  const hi = c.max === undefined ? Infinity : Math.ceil(c.max) - 1;
  if (integer && lo <= hi) {
    if (c.min === undefined) return w.atMost(fmt(hi));
    if (c.max === undefined) return w.atLeast(fmt(lo));
    return lo === hi ? fmt(lo) : `${fmt(lo)}–${fmt(hi)}`;
  }
  if (c.min === undefined) return w.lessThan(fmt(c.max as number));
  if (c.max === undefined) return w.atLeast(fmt(c.min));
  return `${fmt(c.min)}–${fmt(c.max)}`;
}
