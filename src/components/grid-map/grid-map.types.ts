/**
 * Const arrays and union types for <civic-grid-map>: used by the validators, the element and Storybook options.
 */
import type { Geometry, MultiPolygon, Polygon } from 'geojson';

/** Administrative / governance levels. Urban: street → community → grid; rural: town → village → grid (villager group). */
export const LEVELS = ['street', 'town', 'community', 'village', 'grid'] as const;
export type GridLevel = (typeof LEVELS)[number];

/** Depth of a level: 0 street/town, 1 community/village, 2 grid. */
export const LEVEL_RANK: Record<GridLevel, number> = { street: 0, town: 0, community: 1, village: 1, grid: 2 };
/** What the `level` attribute accepts: a level name or its rank. */
export const VIEW_LEVELS = ['street', 'community', 'grid'] as const;
export type ViewLevel = (typeof VIEW_LEVELS)[number];

export const CLASSIFICATIONS = ['sequential', 'quantize', 'quantile', 'natural', 'thresholds', 'categorical'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

export const RENDERERS = ['auto', 'webgl', 'canvas', 'svg'] as const;
export type RendererChoice = (typeof RENDERERS)[number];
export type ActiveRenderer = Exclude<RendererChoice, 'auto'>;

/** Coordinate systems. cgcs2000 and wgs84 agree to well under a metre and are treated as one. */
export const CRS_LIST = ['wgs84', 'cgcs2000', 'gcj02', 'bd09'] as const;
export type Crs = (typeof CRS_LIST)[number];

/** How a parent's value comes from its grids'. `ratio`: Σ numerator / Σ denominator × scale (a rate such as 办结率,
 * never a mean of the grids' rates). */
export const AGGREGATES = ['sum', 'mean', 'min', 'max', 'ratio', 'none'] as const;
export type Aggregate = (typeof AGGREGATES)[number];

export const SCHEMES = [
  'viridis', 'cividis', 'magma', 'inferno', 'plasma', 'blues', 'greens', 'oranges', 'purples', 'reds',
  'ylgnbu', 'ylorrd', 'orrd', 'bupu', 'rdylgn', 'rdylbu', 'spectral', 'tableau10', 'set2', 'dark2',
] as const;
export type SchemeName = (typeof SCHEMES)[number];

export type GridPolygon = Polygon | MultiPolygon;

/** Which feature properties hold the code, name, level and parent (field mapping for other shapes). */
export interface FieldMap {
  code: string;
  name: string;
  level: string;
  parent: string;
}
export const DEFAULT_FIELDS: FieldMap = { code: 'code', name: 'name', level: 'level', parent: 'parent' };

/** One validated unit: a grid or one of its parents. */
export interface GridFeature {
  /** Index in GridGeometry.features (also the renderer's numeric feature id). */
  index: number;
  code: string;
  name: string;
  level: GridLevel;
  /** 0 street/town, 1 community/village, 2 grid. */
  rank: number;
  /** Parent code, or null for a top-level unit. */
  parent: string | null;
  geometry: GridPolygon;
  /** [minLon, minLat, maxLon, maxLat] */
  bbox: [number, number, number, number];
  /** Interior point for labels and keyboard navigation. */
  labelPoint: [number, number];
  illustrative: boolean;
  /** True when the element made this parent by dissolving its children. */
  dissolved?: boolean;
  /** Parent implied by a hierarchical code when the data gave none (used when dissolving parents). */
  inferredParent?: string;
  /** All original properties (text only; rendered as text, never HTML). */
  properties: Record<string, unknown>;
}

/** What search, breadcrumb and arrow keys need of a unit: a geometry feature, or an entry of a tile set's index. */
export interface UnitInfo {
  index: number;
  code: string;
  name: string;
  rank: number;
  parent: string | null;
  bbox: [number, number, number, number];
  labelPoint: [number, number];
}

/** Units by index and code, with children per parent code ('' = top level): GridGeometry, or a TilesIndex. */
export interface UnitSet<U extends UnitInfo = UnitInfo> {
  features: U[];
  byCode: Map<string, U>;
  children: Map<string, number[]>;
}

export interface GridGeometry {
  features: GridFeature[];
  byCode: Map<string, GridFeature>;
  /** Child indices per parent code ('' = top-level units). */
  children: Map<string, number[]>;
  illustrative: boolean;
  bbox: [number, number, number, number];
}

export interface GridMetric {
  key: string;
  label: string;
  labelEn?: string;
  unit?: string;
  aggregate: Aggregate;
  /** aggregate 'ratio': the metric summed over a parent's grids above the line (e.g. issuesResolved). */
  numerator?: string;
  /** aggregate 'ratio': the metric summed below the line (e.g. issuesReported); a sum of 0 gives no value. */
  denominator?: string;
  /** aggregate 'ratio': the quotient times this (100 for a percentage; default 1). */
  scale?: number;
  illustrative: boolean;
  /** Code prefixes the metric applies to (e.g. ["500118111"] for a town's points system); units outside are not counted as missing. */
  scope?: string[];
}

export interface GridMetricRow {
  code: string;
  values: Record<string, number>;
  illustrative?: boolean;
  /** Metric keys whose values are invented in a row that is otherwise real (`illustrative: false`). */
  illustrativeKeys?: string[];
  source?: string;
  /** Index of the row in the payload's `rows`, when rows before it were skipped (issue paths name the payload's row). */
  at?: number;
}

export interface GridMetricsData {
  metrics: GridMetric[];
  rows: GridMetricRow[];
  illustrative: boolean;
}

export type AnyGeometry = Geometry | null;
