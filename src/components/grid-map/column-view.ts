/**
 * Reading the packed metric columns (metric-columns.ts) on the main thread: a code's slot by binary search over the
 * sorted codes, a level's values and slots for the legend and the table, the top values for the tour, units for the
 * view model, and the bytes the store holds. The worker side (parse, join, pack) stays in metric-columns.ts, so the
 * element's first load carries only this.
 */
import type { GridMetric, GridMetricsData } from './grid-map.types.js';
import type { TileValues } from './tiles.js';
import type { UnitsSource } from './view-model.js';

export interface PackedColumns {
  /** Slots (rows and the parents found by prefix). */
  size: number;
  /**
   * All codes in ascending string order, each followed by "\n". The binary file's reader (metrics-binary.ts) gives its
   * ASCII bytes as they are: a buffer is transferred from the worker, a string is copied — 16 MB for a million codes,
   * ~70 ms of the main thread on arrival (and the worker saved decoding them). Both forms compare and read alike
   * (an ASCII byte is the character's code); the JSON path's codes stay a string.
   */
  codes: string | Uint8Array;
  /** Start of slot i's code in `codes` (size + 1 entries; the last is codes.length). */
  offsets: Uint32Array;
  /** Level rank per slot (2 grid, 1 community/village, 0 street/town). */
  rank: Uint8Array;
  /** 1 where the row said illustrative: false. */
  real: Uint8Array;
  /** Metric keys, in the order of `values`. */
  keys: string[];
  /** One column per metric key; NaN where a unit has no value. */
  values: Float64Array[];
  /**
   * Slots of each level (0 streets, 1 communities, 2 grids), ascending: what `rankSlots` gives, built by the metrics
   * worker (`withLevelSlots`) so the main thread does not scan a million ranks when the columns arrive.
   */
  byRank?: Uint32Array[];
}

/** Adds each level's slot list (`byRank`) to packed columns, in one count and one fill pass (the metrics worker). */
export function withLevelSlots(p: PackedColumns): PackedColumns {
  p.byRank = levelSlots(p);
  return p;
}

function levelSlots(p: PackedColumns): Uint32Array[] {
  const ranks = p.rank, size = p.size;
  let n0 = 0, n1 = 0, n2 = 0;
  for (let i = 0; i < size; i++) {
    const r = ranks[i];
    if (r === 0) n0++;
    else if (r === 1) n1++;
    else n2++;
  }
  const l0 = new Uint32Array(n0), l1 = new Uint32Array(n1), l2 = new Uint32Array(n2);
  let a0 = 0, a1 = 0, a2 = 0;
  for (let i = 0; i < size; i++) {
    const r = ranks[i];
    if (r === 0) l0[a0++] = i;
    else if (r === 1) l1[a1++] = i;
    else l2[a2++] = i;
  }
  return [l0, l1, l2];
}

/** Compares `code` with slot i's code without building a string. */
function compareAt(p: PackedColumns, i: number, code: string): number {
  const s = p.codes, start = p.offsets[i], len = p.offsets[i + 1] - 1 - start;
  const m = Math.min(len, code.length);
  if (typeof s === 'string') {
    for (let j = 0; j < m; j++) {
      const d = s.charCodeAt(start + j) - code.charCodeAt(j);
      if (d) return d;
    }
  } else
    for (let j = 0; j < m; j++) {
      const d = s[start + j] - code.charCodeAt(j);
      if (d) return d;
    }
  return len - code.length;
}

/** Slot of a code (binary search), or -1. */
export function findSlot(p: PackedColumns, code: string): number {
  let lo = 0, hi = p.size - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const c = compareAt(p, mid, code);
    if (c === 0) return mid;
    if (c < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

export function codeAt(p: PackedColumns, i: number): string {
  const s = p.codes, a = p.offsets[i], b = p.offsets[i + 1] - 1;
  return typeof s === 'string' ? s.slice(a, b) : String.fromCharCode.apply(null, s.subarray(a, b) as unknown as number[]);
}

/** Bytes the store holds (codes counted at one byte per Latin-1 character, two otherwise). */
export function columnBytes(p: PackedColumns): { total: number; raw: number } {
  const s = p.codes;
  let wide = false;
  if (typeof s === 'string') for (let i = 0; i < s.length && !wide; i += 97) wide = s.charCodeAt(i) > 255;
  const codeBytes = s.length * (wide ? 2 : 1);
  const valueBytes = p.values.reduce((a, v) => a + v.byteLength, 0);
  const levelBytes = (p.byRank ?? []).reduce((a, l) => a + l.byteLength, 0);
  return { total: codeBytes + p.offsets.byteLength + p.rank.byteLength + p.real.byteLength + valueBytes + levelBytes, raw: codeBytes - p.size + valueBytes };
}

/** The values of one level from the columns (any order: for classification and the legend). */
export function rankValues(tv: ColumnTileValues, metric: GridMetric | undefined, rank: number): (number | undefined)[] {
  const p = tv.packed;
  const col = metric ? p.values[p.keys.indexOf(metric.key)] : undefined;
  const out: (number | undefined)[] = [];
  for (let i = 0; i < p.size; i++) {
    if (p.rank[i] !== rank) continue;
    const v = col ? col[i] : NaN;
    out.push(v === v ? v : undefined);
  }
  return out;
}

/**
 * The finite values of one level straight from the columns, and how many of its units have none: what `classify`
 * and `legendModel` need, without an array of a million JS numbers (same values, same order as `rankValues`).
 */
export function rankFinite(tv: ColumnTileValues, metric: GridMetric | undefined, rank: number): { values: Float64Array; missing: number } {
  const p = tv.packed;
  const slots = rankSlots(p, rank);
  const col = metric ? p.values[p.keys.indexOf(metric.key)] : undefined;
  if (!col) return { values: new Float64Array(0), missing: slots.length };
  const out = new Float64Array(slots.length);
  let k = 0;
  for (let i = 0; i < slots.length; i++) {
    const v = col[slots[i]];
    if (v === v && v !== Infinity && v !== -Infinity) out[k++] = v;
  }
  return { values: k === out.length ? out : out.slice(0, k), missing: slots.length - k };
}

/** TileValues over packed columns (see the module comment). */
export interface ColumnTileValues extends TileValues {
  packed: PackedColumns;
}

export function columnValues(p: PackedColumns): ColumnTileValues {
  const slot = {
    get: (code: string) => {
      const i = findSlot(p, code);
      return i < 0 ? undefined : i;
    },
    has: (code: string) => findSlot(p, code) >= 0,
    get size() {
      return p.size;
    },
  } as unknown as Map<string, number>;
  const columns = new Map<string, Float64Array>(p.keys.map((k, i) => [k, p.values[i]]));
  const lists: (string[] | undefined)[] = [undefined, undefined, undefined];
  const list = (r: number): string[] => {
    let l = lists[r];
    if (!l) {
      l = [];
      for (let i = 0; i < p.size; i++) if (p.rank[i] === r) l.push(codeAt(p, i));
      lists[r] = l;
    }
    return l;
  };
  const codes = [] as unknown as [string[], string[], string[]];
  for (let r = 0; r < 3; r++) Object.defineProperty(codes, r, { get: () => list(r), enumerable: true });
  Object.defineProperty(codes, 'length', { value: 3 });
  const real = { has: (code: string) => p.real[findSlot(p, code)] === 1 } as unknown as Set<string>;
  return { slot, columns, codes, real, packed: p };
}

/**
 * Metrics of tiles mode as they arrive from the metrics worker: `rows` stays empty (a million row objects are what
 * the worker exists to keep off the main thread); `columns` holds the values, `rowCount` the rows read.
 */
export interface ColumnMetricsData extends GridMetricsData {
  columns: ColumnTileValues;
  rowCount: number;
  withValues: number;
}

export function isColumnData(d: GridMetricsData | undefined): d is ColumnMetricsData {
  return !!d && 'columns' in d && !!(d as ColumnMetricsData).columns;
}

export function isColumnValues(tv: TileValues | undefined): tv is ColumnTileValues {
  return !!tv && 'packed' in tv;
}

const slotsOfRank = new WeakMap<PackedColumns, (Uint32Array | undefined)[]>();

/** Slots of one level, in code order (every level's built in one count and one fill pass, once: 4 bytes a unit). */
export function rankSlots(p: PackedColumns, rank: number): Uint32Array {
  let all = slotsOfRank.get(p);
  if (!all) slotsOfRank.set(p, (all = p.byRank ?? levelSlots(p)));
  return all[rank] ?? new Uint32Array(0);
}

/** The `n` codes of one level with the highest values of a metric, highest first. */
export function topColumnCodes(tv: ColumnTileValues, key: string, rank: number, n: number): string[] {
  const p = tv.packed;
  const col = p.values[p.keys.indexOf(key)];
  if (!col) return [];
  const top: [number, number][] = [];
  for (const i of rankSlots(p, rank)) {
    const v = col[i];
    if (v !== v || (top.length >= n && v <= top[top.length - 1][1])) continue;
    top.push([i, v]);
    top.sort((a, b) => b[1] - a[1]);
    if (top.length > n) top.pop();
  }
  return top.map((t) => codeAt(p, t[0]));
}

/**
 * The view model's units of one level straight from the columns: the table pages through the level's slots (code
 * order, like the Map path's sorted codes) and only the rows of a page become strings; whole-number ranges are
 * decided from the column, not by looking every code up.
 */
export function columnUnits(
  tv: ColumnTileValues,
  rank: number,
  metricKey: string | undefined,
  known: { name(code: string): string | undefined; parent(code: string): string | undefined; properties(code: string): Record<string, unknown> | undefined },
): UnitsSource {
  const p = tv.packed;
  const slots = rankSlots(p, rank);
  const col = metricKey ? p.values[p.keys.indexOf(metricKey)] : undefined;
  let integer = true;
  if (col) for (let k = 0; k < slots.length && integer; k++) {
    const v = col[slots[k]];
    if (v === v && !Number.isInteger(v)) integer = false;
  }
  const codes = {
    length: slots.length,
    slice: (start = 0, end = slots.length) => Array.from(slots.subarray(Math.max(0, start), Math.min(slots.length, end)), (i) => codeAt(p, i)),
  } as unknown as readonly string[];
  const valueAt = (code: string): number | undefined => {
    if (!col) return undefined;
    const i = findSlot(p, code);
    const v = i < 0 ? NaN : col[i];
    return v === v ? v : undefined;
  };
  return {
    codes,
    integer,
    value: (code) => valueAt(code) ?? numberProperty(known.properties(code), metricKey),
    name: (code) => known.name(code),
    parentName: (code) => {
      const pc = known.parent(code);
      return pc ? known.name(pc) ?? pc : undefined;
    },
    property: (code, key) => known.properties(code)?.[key],
    real: (code) => tv.real.has(code),
  };
}

function numberProperty(props: Record<string, unknown> | undefined, key: string | undefined): number | undefined {
  const v = key ? props?.[key] : undefined;
  return typeof v === 'number' ? v : undefined;
}
