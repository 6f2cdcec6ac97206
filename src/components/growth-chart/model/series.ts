/**
 * What every kind of growth chart starts from: the shown series prepared (single-period values derived on request,
 * points by period key), the visible ones, the basis of what is shown, and the model of an empty chart.
 */
import type { Lang } from '../../../core/i18n/lang.js';
import { pickTerms } from '../../../core/i18n/terms.js';
import { growthChartTerms, type GrowthChartTerms } from '../growth-chart.i18n.js';
import type { GrowthPoint, GrowthSeries } from '../growth-chart.types.js';
import { CSV_HEAD, toCsv } from './format.js';
import type { Frame } from './axis.js';
import type { Annotation, Bar, Category, GrowthModel, GrowthModelOptions, LegendItem, Line } from './types.js';

export interface Prepared {
  series: GrowthSeries;
  colorIndex: number;
  byKey: Map<string, GrowthPoint>;
}

/** Inputs shared by the kind builders. */
export interface ModelContext {
  input: readonly GrowthSeries[];
  o: GrowthModelOptions;
  lang: Lang;
  T: GrowthChartTerms;
  /** Label font size. */
  fs: number;
  /** Size, at least 120 × 100. */
  width: number;
  height: number;
  hidden: Set<string>;
  /** Every series in display order (colour = position). */
  all: Prepared[];
  /** The ones not switched off in the legend. */
  visible: Prepared[];
}

export function prepare(input: readonly GrowthSeries[], o: GrowthModelOptions): ModelContext {
  const hidden = new Set(o.hidden ?? []);
  const all: Prepared[] = input.map((s, i) => {
    const series = o.basis === 'single' && o.derive ? o.derive(s) : s;
    const byKey = new Map<string, GrowthPoint>();
    for (const p of series.points) byKey.set(p.period.key, p);
    return { series, colorIndex: i, byKey };
  });
  return {
    input,
    o,
    lang: o.lang,
    T: pickTerms(growthChartTerms, o.lang),
    fs: o.fontSize ?? 12,
    width: Math.max(120, o.width),
    height: Math.max(100, o.height),
    hidden,
    all,
    visible: all.filter((p) => !hidden.has(p.series.id)),
  };
}

const TIP = Symbol('tooltip');
const MAKE = Symbol('tooltip maker');
const INDEX = Symbol('index');

/**
 * A category whose tooltip text is formatted on first read (a chart shows one tooltip at a time). A class rather than
 * an object literal with a `get tooltip()`: V8 builds such literals on a slow path (about 4 µs each, 40 of them on
 * every update of a 40-period chart; a class instance costs a few ns). The tooltip state sits under symbols, so the
 * category's own keys are its data.
 */
export class LazyCategory implements Category {
  private [TIP]?: Category['tooltip'];
  private readonly [MAKE]: (i: number) => Category['tooltip'];
  private readonly [INDEX]: number;
  constructor(
    readonly key: string,
    readonly label: string,
    readonly x: number,
    readonly x0: number,
    readonly width: number,
    readonly notes: string[],
    readonly illustrative: boolean,
    tooltip: (i: number) => Category['tooltip'],
    index: number,
  ) {
    this[MAKE] = tooltip;
    this[INDEX] = index;
  }

  get tooltip(): Category['tooltip'] {
    return (this[TIP] ??= this[MAKE](this[INDEX]));
  }
}

export const hasValues = (p: Prepared) => p.series.points.some((x) => x.value !== null);
export const hasRates = (p: Prepared) => p.series.points.some((x) => x.growth !== null);

export type BasisKind = 'cumulative' | 'single' | 'mixed' | 'derived' | '';

/** Basis of what is shown: never mix cumulative and single-period values without saying so on the axis. */
export function basisOf(c: ModelContext, shown: readonly Prepared[]): BasisKind {
  if (c.o.basis === 'single' && c.input.some((s) => s.basis === 'cumulative')) return 'derived';
  if (shown.some((p) => p.series.mixedBasis)) return 'mixed';
  if (shown.length && shown.every((p) => p.series.basis === 'cumulative')) return 'cumulative';
  if (shown.some((p) => p.series.basis === 'cumulative')) return 'mixed';
  if (shown.length) return 'single';
  return '';
}

/** Axis note under the plot (the basis is also in the axis titles). */
export function axisNoteOf(b: BasisKind, T: GrowthChartTerms): string {
  return b === 'derived' ? T.derived : b === 'mixed' ? T.mixed : b === 'cumulative' ? T.cumulative : b === 'single' ? T.single : '';
}

/** The model of a chart with nothing to draw (the legend still lets a hidden series be switched back on). */
export function emptyModel(c: ModelContext, legend: LegendItem[]): GrowthModel {
  const { o, width, height } = c;
  return {
    kind: o.kind,
    lang: o.lang,
    width,
    height,
    fontSize: o.fontSize ?? 12,
    plot: { x: 0, y: 0, width, height },
    titleY: { left: 0, right: 0 },
    categories: [],
    xTicks: [],
    bars: [],
    lines: [],
    annotations: [],
    legend,
    notes: [],
    axisNote: '',
    summary: c.T.noData,
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

export interface ModelParts {
  frame: Frame;
  categories: Category[];
  bars: Bar[];
  lines: Line[];
  reference?: GrowthModel['reference'];
  /** The kind's own annotations; the note marks (① …) of the categories are added after them. */
  annotations: Annotation[];
  legend: LegendItem[];
  notes: string[];
  axisNote: string;
  /** The one-sentence summary, built on first read (the accessible name: not needed for the first picture). */
  summary: () => string;
  /** Built on first read (the table is shown on demand, the CSV on export). */
  table: () => { table: GrowthModel['table']; csv: string };
  illustrative: boolean;
  nominal: boolean;
  rank: string;
  selectedIndex: number;
  latestIndex: number;
}

/** The complete model from a kind's parts. */
export function finishModel(c: ModelContext, p: ModelParts): GrowthModel {
  const { plot } = p.frame;
  const annotations = p.annotations;
  p.categories.forEach((cat, i) => {
    if (cat.notes.length) annotations.push({ kind: 'note', index: i, x: cat.x, y: plot.y + plot.height - 4, text: cat.notes.map((t) => t.slice(0, 1)).join('') });
  });
  let tableAndCsv: { table: GrowthModel['table']; csv: string } | undefined;
  let summary: string | undefined;
  return {
    kind: c.o.kind,
    lang: c.lang,
    width: c.width,
    height: c.height,
    fontSize: c.fs,
    plot,
    titleY: p.frame.titleY,
    categories: p.categories,
    xTicks: p.frame.xTicks,
    left: p.frame.left,
    right: p.frame.right,
    bars: p.bars,
    lines: p.lines,
    reference: p.reference,
    annotations,
    legend: p.legend,
    notes: p.notes,
    axisNote: p.axisNote,
    get summary() {
      return (summary ??= p.summary());
    },
    get table() {
      return (tableAndCsv ??= p.table()).table;
    },
    get csv() {
      return (tableAndCsv ??= p.table()).csv;
    },
    illustrative: p.illustrative,
    nominal: p.nominal,
    rank: p.rank,
    selectedIndex: p.selectedIndex,
    latestIndex: p.latestIndex,
    empty: false,
  };
}
