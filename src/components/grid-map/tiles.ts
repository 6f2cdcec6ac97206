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
import type { GridMetric, GridMetricsData } from './grid-map.types.js';
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
  /** code → slot (rows first, then the parents found by prefix). */
  slot: Map<string, number>;
  /** metric key → value per slot; NaN where a unit has none. */
  columns: Map<string, Float64Array>;
  /** level rank → codes known at that level (rows and parents). */
  codes: [string[], string[], string[]];
  /** Codes whose row said illustrative: false. */
  real: Set<string>;
  /** [n, m] when a parent's value of metric `key` covers only n of its m grid rows (undefined: all, or unknown). */
  coverage?(key: string, code: string): [number, number] | undefined;
}

/** A unit's value of one metric, or undefined. */
export function valueOf(tv: TileValues, key: string, code: string): number | undefined {
  const col = tv.columns.get(key);
  const i = tv.slot.get(code);
  if (!col || i === undefined) return undefined;
  const v = col[i];
  return v === v ? v : undefined; // NaN = no value
}

/**
 * Metric values by code for every level. Rows give their own codes; parents without a row of their own get the
 * metric's aggregate (sum / mean / min / max / ratio) of their leaf rows, found by code prefix. Columnar (one Float64Array
 * per metric, one Map from code to slot) because a national grid has 10⁶ rows: about 10× less memory and time than
 * a Map per metric.
 */
export function tileValues(data: GridMetricsData): TileValues {
  const rows = data.rows;
  const n = rows.length;
  const slot = new Map<string, number>();
  const rankCodes: [string[], string[], string[]] = [[], [], []];
  const real = new Set<string>();
  let leafLen = 0;
  for (let i = 0; i < n; i++) if (rows[i].code.length > leafLen) leafLen = rows[i].code.length;
  for (let i = 0; i < n; i++) {
    const c = rows[i].code;
    slot.set(c, i);
    rankCodes[rankOfCode(c, leafLen)].push(c);
    if (rows[i].illustrative === false && !rows[i].illustrativeKeys) real.add(c);
  }
  // Parent slots of each leaf row (-1: none), created on first sight.
  const near = new Int32Array(n).fill(-1);
  const far = new Int32Array(n).fill(-1);
  let slots = n;
  const parentSlot = (code: string): number => {
    let s = slot.get(code);
    if (s === undefined) {
      s = slots++;
      slot.set(code, s);
      rankCodes[rankOfCode(code, leafLen)].push(code);
    }
    return s;
  };
  const digits = /^\d+$/;
  for (let i = 0; i < n; i++) {
    const c = rows[i].code;
    if (c.length !== leafLen || !digits.test(c)) continue;
    if (c.length > 12) near[i] = parentSlot(c.slice(0, 12));
    if (c.length > 9) (c.length > 12 ? (far[i] = parentSlot(c.slice(0, 9))) : (near[i] = parentSlot(c.slice(0, 9))));
  }
  const columns = new Map<string, Float64Array>();
  const partial = new Map<string, Map<number, [number, number]>>(); // metric → slot → [n, m]
  for (const m of data.metrics) {
    const col = new Float64Array(slots).fill(NaN);
    const acc = new Float64Array(slots);
    const den = new Float64Array(slots);
    const cnt = new Uint32Array(slots);
    const all = new Uint32Array(slots);
    const how = m.aggregate;
    const ratio = how === 'ratio' && m.numerator !== undefined && m.denominator !== undefined;
    for (let i = 0; i < n; i++) {
      const own = rows[i].values;
      const v = own[m.key];
      if (v !== undefined) col[i] = v;
      if (how === 'none' || (how === 'ratio' && !ratio)) continue;
      const a = ratio ? own[m.numerator as string] : v;
      const b = ratio ? own[m.denominator as string] : 0;
      for (let k = 0; k < 2; k++) {
        const s = k === 0 ? near[i] : far[i];
        if (s < 0 || (s < n && rows[s].values[m.key] !== undefined)) continue; // a parent's own value wins
        all[s]++;
        if (a === undefined || b === undefined) continue;
        if (cnt[s] === 0) acc[s] = a;
        else if (how === 'sum' || how === 'mean' || ratio) acc[s] += a;
        else if (how === 'min') acc[s] = Math.min(acc[s], a);
        else acc[s] = Math.max(acc[s], a);
        den[s] += b;
        cnt[s]++;
      }
    }
    const part = new Map<number, [number, number]>();
    for (let s = 0; s < slots; s++) {
      if (cnt[s]) col[s] = how === 'mean' ? acc[s] / cnt[s] : ratio ? (den[s] === 0 ? NaN : (acc[s] / den[s]) * (m.scale ?? 1)) : acc[s];
      if (cnt[s] < all[s]) part.set(s, [cnt[s], all[s]]);
    }
    columns.set(m.key, col);
    if (part.size) partial.set(m.key, part);
  }
  return { slot, columns, codes: rankCodes, real, coverage: (key, code) => partial.get(key)?.get(slot.get(code) ?? -1) };
}

/** The `n` codes of one level with the highest values of a metric, highest first (one pass, no full sort). */
export function topTileCodes(tv: TileValues, key: string, rank: number, n: number): string[] {
  const top: [string, number][] = [];
  for (const code of tv.codes[rank]) {
    const v = valueOf(tv, key, code);
    if (v === undefined) continue;
    if (top.length < n || v > top[top.length - 1][1]) {
      top.push([code, v]);
      top.sort((a, b) => b[1] - a[1]);
      if (top.length > n) top.pop();
    }
  }
  return top.map((t) => t[0]);
}

/** The values of one metric at one level, in the order of `codes[rank]` (undefined where a unit has none). */
export function levelValues(tv: TileValues, metric: GridMetric | undefined, rank: number): (number | undefined)[] {
  const col = metric ? tv.columns.get(metric.key) : undefined;
  const codes = tv.codes[rank];
  const out = new Array<number | undefined>(codes.length);
  for (let i = 0; i < codes.length; i++) {
    const v = col ? col[tv.slot.get(codes[i]) as number] : NaN;
    out[i] = v === v ? v : undefined;
  }
  return out;
}

/** Fill of the units a legend emphasis leaves out. */
export const FADED = 'rgba(160,160,160,0.18)';

/**
 * A maplibre expression giving a unit's fill colour: its value is the feature-state `key` (metric rows joined by
 * code), else the tile feature's own property `key`; classes as a `step` (or `match` for categorical, `interpolate`
 * for sequential); `noData` when there is no value, transparent for classes hidden in the legend.
 */
export function fillExpression(c: Classifier, key: string, noData: string, hidden: ReadonlySet<number> = new Set(), emphasis: number | 'none' | null = null): unknown[] {
  const value = ['coalesce', ['feature-state', key], ['get', key]];
  // Legend emphasis: the other classes (or, for 'none', every class) drawn faded.
  const colour = (i: number, col: string) => (hidden.has(i) ? 'rgba(0,0,0,0)' : emphasis !== null && emphasis !== i ? FADED : col);
  if (emphasis !== null && emphasis !== 'none') noData = FADED;
  let byValue: unknown[];
  if (c.kind === 'categorical') {
    byValue = ['match', ['to-number', value, -1e308]];
    c.classes.forEach((cl, i) => byValue.push(cl.value, colour(i, cl.color)));
    byValue.push(noData);
    if (c.classes.length === 0) byValue = ['literal', noData];
  } else if (c.kind === 'sequential' && !hidden.size && emphasis === null && c.domain[1] > c.domain[0]) {
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

/**
 * The colour `fillExpression` gives a unit of value `v`, computed here (the tiles renderer's colour states): the same
 * classes, hidden classes, emphasis and no-data colour; sequential classes with the classifier's continuous colour.
 */
export function fillColour(c: Classifier, noData: string, hidden: ReadonlySet<number> = new Set(), emphasis: number | 'none' | null = null): (v: number | undefined) => string {
  const none = emphasis !== null && emphasis !== 'none' ? FADED : noData;
  return (v) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) return none;
    const i = c.classOf(v);
    if (i < 0) return none;
    if (hidden.has(i)) return 'rgba(0,0,0,0)';
    if (emphasis !== null && emphasis !== i) return FADED;
    const continuous = c.kind === 'sequential' && !hidden.size && emphasis === null && c.domain[1] > c.domain[0];
    return (continuous ? c.colorOf(v) : c.classes[i]?.color) ?? none;
  };
}
