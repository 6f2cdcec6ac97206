/**
 * Types and option lists of <civic-growth-chart>. Const arrays feed validation and Storybook controls.
 */
import type { Period } from '../../core/format/period.js';

/** Chart kinds: value bars with a growth line; growth of several indicators side by side; lines over time. */
export const GROWTH_KINDS = ['value-growth', 'compare', 'trend'] as const;
export type GrowthKind = (typeof GROWTH_KINDS)[number];

/** Order of indicators in `compare`: as given, highest first, lowest first. */
export const GROWTH_SORTS = ['none', 'desc', 'asc'] as const;
export type GrowthSort = (typeof GROWTH_SORTS)[number];

/** What `trend` plots: year-on-year growth (default) or values. */
export const GROWTH_MEASURES = ['growth', 'value'] as const;
export type GrowthMeasure = (typeof GROWTH_MEASURES)[number];

/** How a series' values accumulate: year to date (1—9月) or per period (single quarter/month/year). */
export const SERIES_BASES = ['cumulative', 'period'] as const;
export type SeriesBasis = (typeof SERIES_BASES)[number];

/**
 * Price basis of a growth rate. Published GDP growth is at `comparable` prices; a rate the chart computes from two
 * nominal values is `nominal` (名义增速) and labelled so; `unknown` when the payload does not say.
 */
export const GROWTH_BASES = ['comparable', 'nominal', 'unknown'] as const;
export type GrowthBasis = (typeof GROWTH_BASES)[number];

export interface GrowthRank {
  position: number;
  /** 主城都市区 */
  scope: string;
  scopeEn?: string;
  /** Number of ranked members, when known. */
  of?: number;
}

/** One validated point. `value`/`growth` null = not published: drawn as a gap, never as zero. */
export interface GrowthPoint {
  period: Period;
  value: number | null;
  /** Year-on-year growth in percent (4.3 = +4.3%). */
  growth: number | null;
  growthBasis: GrowthBasis;
  /** True when the chart computed the rate from two values (then `growthBasis` is `nominal`). */
  growthComputed: boolean;
  /** True when the value was derived (e.g. single quarter = 1—9月 − 1—6月). */
  derived: boolean;
  illustrative: boolean;
  rank?: GrowthRank;
  note?: string;
  noteEn?: string;
}

export interface GrowthSeries {
  id: string;
  name: string;
  nameEn?: string;
  /** Unit of `value`: 亿元, 万元 … */
  unit?: string;
  basis: SeriesBasis;
  /** True when the series mixes cumulative and single periods (the axis label says so). */
  mixedBasis: boolean;
  /** Administrative code, filtered by the `region` attribute (prefix match). */
  region?: string;
  illustrative: boolean;
  /** Sorted by period, unique. */
  points: GrowthPoint[];
}

export interface GrowthData {
  title?: string;
  titleEn?: string;
  region?: string;
  note?: string;
  source?: string;
  series: GrowthSeries[];
}
