/**
 * Pure helpers for the vector-tile mode of <civic-grid-map> (`tiles` attribute): what kind of source a `tiles`
 * value names, metric values per level joined by code (parents aggregated by code prefix, since Chinese division
 * codes are hierarchical), and the maplibre paint expressions that colour tiles from those values.
 *
 * Why a separate mode rather than the in-memory geometry path: a city-wide or national grid (10⁵–10⁶ polygons) is
 * served as tiles from any static host, so the element never holds the whole geometry. What needs the whole
 * geometry (search by name, neighbour-by-arrow, dissolving parents) is replaced by what tiles allow: parents come
 * from the tile set's own layers, the keyboard pans and zooms, and the table lists the metric rows.
 */
import type { Aggregate, GridMetric, GridMetricsData } from './grid-map.types.js';
import type { Classifier } from './classify.js';

export type TileSourceKind = 'template' | 'pmtiles' | 'tilejson';

export interface TileSourceRef {
  kind: TileSourceKind;
  /** For `template`: the absolute {z}/{x}/{y} URL; `pmtiles`: the archive URL (without `pmtiles://`); `tilejson`: its URL. */
  url: string;
}

/**
 * Reads a `tiles` attribute: `pmtiles://<url>` → a PMTiles archive; a URL with `{z}` → an MVT template; anything
 * else → a TileJSON document. Relative URLs are resolved against `base` (the page). Undefined for an empty value.
 */
export function parseTilesRef(tiles: string | undefined | null, base: string): TileSourceRef | undefined {
  const t = (tiles ?? '').trim();
  if (!t) return undefined;
  const abs = (u: string) => {
    try {
      // {z}/{x}/{y} survive URL resolution only unescaped: put them back.
      return new URL(u, base).href.replace(/%7B/gi, '{').replace(/%7D/gi, '}');
    } catch {
      return u;
    }
  };
  if (/^pmtiles:\/\//i.test(t)) return { kind: 'pmtiles', url: abs(t.replace(/^pmtiles:\/\//i, '')) };
  if (t.includes('{z}')) return { kind: 'template', url: abs(t) };
  return { kind: 'tilejson', url: abs(t) };
}

/** Rank of a unit from its code length: 15 digits (grid) → 2, 12 (community/village) → 1, 9 (street/town) → 0. */
export function rankOfCode(code: string, gridLength = 15): number {
  if (code.length >= gridLength) return 2;
  if (code.length >= 12) return 1;
  return 0;
}

/** The parent codes of a division code by prefix (15 → 12, 9; 12 → 9). Codes of other lengths have none. */
export function prefixParents(code: string): string[] {
  if (!/^\d+$/.test(code)) return [];
  const out: string[] = [];
  for (const len of [12, 9]) if (code.length > len) out.push(code.slice(0, len));
  return out;
}

export interface TileValues {
  /** metric key → (code → value), every level together. */
  values: Map<string, Map<string, number>>;
  /** level rank → codes known at that level (rows and aggregated parents). */
  codes: [string[], string[], string[]];
  /** Codes whose row said illustrative: false. */
  real: Set<string>;
}

function combine(vals: number[], how: Aggregate): number | undefined {
  if (!vals.length || how === 'none') return undefined;
  if (how === 'sum') return vals.reduce((a, b) => a + b, 0);
  if (how === 'mean') return vals.reduce((a, b) => a + b, 0) / vals.length;
  if (how === 'min') return Math.min(...vals);
  return Math.max(...vals);
}

/**
 * Metric values by code for every level. Rows give their own codes; parents without a row of their own get the
 * metric's aggregate (sum / mean / min / max) of their leaf rows, found by code prefix.
 */
export function tileValues(data: GridMetricsData): TileValues {
  const values = new Map<string, Map<string, number>>();
  const levelSets: [Set<string>, Set<string>, Set<string>] = [new Set(), new Set(), new Set()];
  const real = new Set<string>();
  const leafLen = data.rows.reduce((m, r) => Math.max(m, r.code.length), 0);
  for (const r of data.rows) {
    levelSets[rankOfCode(r.code, leafLen)].add(r.code);
    if (r.illustrative === false) real.add(r.code);
  }
  for (const m of data.metrics) {
    const vm = new Map<string, number>();
    const buckets = new Map<string, number[]>();
    for (const r of data.rows) {
      const v = r.values[m.key];
      if (v === undefined) continue;
      vm.set(r.code, v);
      if (r.code.length !== leafLen) continue;
      for (const p of prefixParents(r.code)) {
        let b = buckets.get(p);
        if (!b) buckets.set(p, (b = []));
        b.push(v);
      }
    }
    for (const [p, vals] of buckets) {
      if (vm.has(p)) continue;
      const v = combine(vals, m.aggregate);
      if (v === undefined) continue;
      vm.set(p, v);
      levelSets[rankOfCode(p, leafLen)].add(p);
    }
    values.set(m.key, vm);
  }
  return { values, codes: [[...levelSets[0]], [...levelSets[1]], [...levelSets[2]]], real };
}

/** The values of one metric at one level, in the order of `codes[rank]` (undefined where a unit has none). */
export function levelValues(tv: TileValues, metric: GridMetric | undefined, rank: number): (number | undefined)[] {
  const vm = metric ? tv.values.get(metric.key) : undefined;
  return tv.codes[rank].map((c) => vm?.get(c));
}

/**
 * A maplibre expression giving a unit's fill colour: its value is the feature-state `key` (metric rows joined by
 * code), else the tile feature's own property `key`; classes as a `step` (or `match` for categorical, `interpolate`
 * for sequential); `noData` when there is no value, transparent for classes hidden in the legend.
 */
export function fillExpression(c: Classifier, key: string, noData: string, hidden: ReadonlySet<number> = new Set()): unknown[] {
  const value = ['coalesce', ['feature-state', key], ['get', key]];
  const colour = (i: number, col: string) => (hidden.has(i) ? 'rgba(0,0,0,0)' : col);
  let byValue: unknown[];
  if (c.kind === 'categorical') {
    byValue = ['match', ['to-number', value, -1e308]];
    c.classes.forEach((cl, i) => byValue.push(cl.value, colour(i, cl.color)));
    byValue.push(noData);
    if (c.classes.length === 0) byValue = ['literal', noData];
  } else if (c.kind === 'sequential' && !hidden.size && c.domain[1] > c.domain[0]) {
    byValue = ['interpolate', ['linear'], ['to-number', value]];
    const [lo, hi] = c.domain;
    for (let i = 0; i <= 8; i++) {
      const v = lo + ((hi - lo) * i) / 8;
      byValue.push(v, c.colorOf(v) as string);
    }
  } else {
    byValue = ['step', ['to-number', value], colour(0, c.classes[0]?.color ?? noData)];
    let last = -Infinity;
    c.classes.slice(1).forEach((cl, k) => {
      // step stops must rise strictly; a repeated break (e.g. "5,5") leaves that class empty anyway.
      if (typeof cl.min !== 'number' || !(cl.min > last)) return;
      last = cl.min;
      byValue.push(cl.min, colour(k + 1, cl.color));
    });
  }
  if (byValue[0] === 'literal') return ['to-color', noData];
  return ['case', ['==', ['typeof', value], 'number'], byValue, noData];
}
