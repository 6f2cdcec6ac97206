/** Model types of <civic-growth-chart>: the options the model is built from and the geometry and text it returns. */
import type { Lang } from '../../../core/i18n/lang.js';
import type { GrowthKind, GrowthMeasure, GrowthSeries, GrowthSort } from '../growth-chart.types.js';

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
  /** With `basis: 'single'`: the deriver (growth-chart.single.ts's `deriveSinglePeriods`); without it the published values are drawn. */
  derive?: (series: GrowthSeries) => GrowthSeries;
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
  /** The title wrapped, when it does not fit on one line (drawn one line each, from `titleY`). */
  titleLines?: string[];
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
