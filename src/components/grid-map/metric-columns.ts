/**
 * Metric rows as transferable columns, for a million-grid tile set whose metrics must not be parsed on the main
 * thread (a 45 MB metrics.json took 4–6 s of main-thread parse, validation and join before the first view).
 *
 * A worker (metrics-worker.ts) parses and validates the rows with the same `parseMetrics` as in-memory mode, joins
 * parents by code prefix with the same `tileValues`, and packs the result with `packColumns`: one string of all
 * codes sorted (joined by "\n", cloned in one copy), Uint32 offsets into it, a rank and an illustrative flag per slot
 * and one Float64Array per metric (all transferred, not copied). The main thread wraps them with `columnValues`
 * (column-view.ts, the readers), which gives the tiles controller a `TileValues` without building a million-entry Map: `slot.get(code)` is a binary
 * search over the sorted codes (only features in loaded tiles are looked up), the legend reads a level's values
 * straight from the columns (`rankOf`), and the per-level code lists are built only when a table asks for them.
 *
 * Memory for 1,000,000 grid rows + their parents with one metric (≈1.01 M slots, 15-digit codes): codes 1 byte per
 * character + "\n" ≈ 16 MB, offsets 4 MB, rank + real 2 MB, each level's slot list 4 MB, values 8 MB per metric
 * ≈ 34 MB in all, against raw columns (codes + values) of ≈ 23 MB: 1.5× (bench/grid-map-tiles prints it).
 * `columnBytes` states it for any store.
 */
import { capIssues, issue, describe, type Issue } from '../../data/validate.js';
import { illustrativeKeysOf, parseMetrics, readMetricsHead, readRowCode, readRowValue } from './grid-map.model.js';
import type { GridMetric } from './grid-map.types.js';
import { rankOfCode, tileValues, type TileValues } from './tiles.js';
import type { PackedColumns } from './column-view.js';

/** What the metrics worker sends back (also the result of `parseMetricColumns`). */
export interface MetricColumnsResult {
  /** Undefined when nothing valid was found (then `issues` says why). */
  packed?: PackedColumns;
  metrics: GridMetric[];
  illustrative: boolean;
  /** Valid rows read. */
  rows: number;
  /** Rows with at least one value (0: nothing to colour the map with). */
  withValues: number;
  /** The first problems (capped: a million bad rows must not be cloned back). */
  issues: Issue[];
  /** Problems in all, before capping. */
  issueCount: number;
}

function parseInput(input: string | unknown): { raw: unknown } | MetricColumnsResult {
  if (typeof input !== 'string') return { raw: input };
  try {
    return { raw: JSON.parse(input) };
  } catch (e) {
    return { metrics: [], illustrative: false, rows: 0, withValues: 0, issues: [issue('$', 'json', `not JSON: ${(e as Error).message}`)], issueCount: 1 };
  }
}

/** Per-stage times of one `parseMetricColumns` call (bench only). */
export interface ColumnStageTimes {
  parse: number;
  rows: number;
  order: number;
  parents: number;
  pack: number;
}

/**
 * JSON text (or an already parsed value) of a metrics payload → validated, parent-joined, packed columns, in one
 * pass over the rows: each row is validated exactly as `parseMetrics` does (same verdicts, issues and order) and its
 * code and values go straight into arrays allocated once; parents are found by walking the codes in sorted order
 * (the rows' own order when it is already sorted, as the tile generator writes them, so no sort), so a parent code
 * is built and looked up once per parent, not once per grid; the sorted rows and the (already sorted) new parents
 * are merged into the packed slots. Gives what `parseMetricColumnsMultiStep` (parseMetrics → tileValues →
 * packColumns, the former path) gives — test/unit/components/grid-map/metric-columns-onepass.test.ts holds them equal.
 */
export function parseMetricColumns(input: string | unknown, joinKey = 'code', maxIssues = 50, times?: ColumnStageTimes): MetricColumnsResult {
  let t = times ? performance.now() : 0;
  const lap = (k: keyof ColumnStageTimes): void => {
    if (!times) return;
    const now = performance.now();
    times[k] += now - t;
    t = now;
  };
  const parsed = parseInput(input);
  if (!('raw' in parsed)) return parsed;
  lap('parse');
  const issues: Issue[] = [];
  const head = readMetricsHead(parsed.raw, joinKey, issues);
  if (!head) return { metrics: [], illustrative: false, rows: 0, withValues: 0, issues: capIssues(issues, maxIssues), issueCount: issues.length };
  const { rowsRaw, metrics } = head;
  let illustrative = head.illustrative; // or a row marked illustrative: true (as parseMetrics)
  const total = rowsRaw.length;
  const nm = metrics.length;
  const keys = metrics.map((m) => m.key);

  // ── one pass: validate each row (as parseMetrics does) and store its code, values and flag ──
  const codes: string[] = [];
  // Code → row, built only once the rows leave code order: while they are sorted, a duplicate can only be the
  // previous row, and a parent's row is found by binary search (no million-entry Map for a sorted table).
  let rowOf: Map<string, number> | undefined;
  const rowVals = keys.map(() => new Float64Array(total));
  const realRow = new Uint8Array(total);
  let withValues = 0;
  let leafLen = 0;
  let sorted = true;
  let n = 0;
  for (let i = 0; i < total; i++) {
    const r = rowsRaw[i] as Record<string, unknown>; // readRowCode rejects a row that is not an object
    const code = readRowCode(r, i, joinKey, issues);
    if (code === undefined) continue;
    let dup: boolean;
    if (!rowOf) {
      const last = n > 0 ? codes[n - 1] : undefined;
      if (last === undefined || last < code) dup = false;
      else if (last === code) dup = true;
      else {
        sorted = false;
        rowOf = new Map<string, number>();
        for (let k = 0; k < n; k++) rowOf.set(codes[k], k);
        dup = rowOf.has(code);
      }
    } else dup = rowOf.has(code);
    if (dup) {
      issues.push(issue(`rows[${i}].${joinKey}`, 'duplicate', `code ${describe(code)} appears twice; the later row is ignored`));
      continue;
    }
    rowOf?.set(code, n);
    let any = false;
    for (let k = 0; k < nm; k++) {
      const key = keys[k];
      const v = readRowValue(r[key], i, key, issues);
      if (v === undefined) rowVals[k][n] = NaN;
      else {
        rowVals[k][n] = v;
        any = true;
      }
    }
    if (any) withValues++;
    if (r.illustrative === false && !illustrativeKeysOf(r)) realRow[n] = 1;
    else if (r.illustrative === true) illustrative = true;
    if (code.length > leafLen) leafLen = code.length;
    codes.push(code);
    n++;
  }
  lap('rows');
  const packed = joinAndPack({ codes, n, sorted, rowOf, rowVals, realRow, leafLen, metrics }, lap);
  return { packed, metrics, illustrative, rows: n, withValues, issues: capIssues(issues, maxIssues), issueCount: issues.length };
}

/** The rows of a metrics payload, validated and in arrays (from JSON rows or a binary file): what `joinAndPack` joins. */
export interface ReadRows {
  /** Codes of the valid rows, in reading order (distinct). */
  codes: string[];
  n: number;
  /** True when `codes` is ascending (then no sort and no Map). */
  sorted: boolean;
  /** Code → row, only when the rows are not sorted. */
  rowOf?: Map<string, number>;
  /** Per metric: the value of each valid row (NaN: none). */
  rowVals: Float64Array[];
  /** 1 where the row says illustrative: false. */
  realRow: Uint8Array;
  /** Length of the longest code (the grids'). */
  leafLen: number;
  metrics: GridMetric[];
}

/**
 * Validated rows → parent-joined packed columns: parents are found by walking the codes in sorted order (a parent code
 * is built and looked up once per parent, not once per grid); the sorted rows and the (already sorted) new parents
 * are merged into the packed slots, and each metric is aggregated to the parents that have no value of their own.
 */
export function joinAndPack(rows: ReadRows, lap: (k: keyof ColumnStageTimes) => void = () => undefined): PackedColumns {
  const { codes, n, sorted, rowOf, rowVals, realRow, leafLen, metrics } = rows;
  const keys = metrics.map((m) => m.key);

  // ── order: the rows by code (usually already so) ──
  let order: Int32Array;
  if (sorted) {
    order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
  } else {
    const byCode = codes.slice().sort();
    order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = (rowOf as Map<string, number>).get(byCode[i]) as number;
  }
  lap('order');

  // ── parents: walk the leaves in code order; a prefix is built once per group of leaves sharing it ──
  // near/far per row: ≥ 0 a row, ≤ -2 the new parent -(p + 2), -1 none.
  const near = new Int32Array(n).fill(-1);
  const far = new Int32Array(n).fill(-1);
  const newCodes: string[] = [];
  const digits = /^\d+$/;
  let p9 = '', r9 = -1, p12 = '', r12 = -1;
  const ref = (code: string): number => {
    const row = rowOf ? rowOf.get(code) : sortedIndex(codes, n, code);
    if (row !== undefined) return row;
    newCodes.push(code);
    return -(newCodes.length + 1);
  };
  for (let j = 0; j < n; j++) {
    const i = order[j];
    const c = codes[i];
    if (c.length !== leafLen || !digits.test(c)) continue;
    if (c.length > 9) {
      if (!p9 || !c.startsWith(p9)) {
        p9 = c.slice(0, 9);
        r9 = ref(p9);
      }
      if (c.length > 12) {
        if (!p12 || !c.startsWith(p12)) {
          p12 = c.slice(0, 12);
          r12 = ref(p12);
        }
        near[i] = r12;
        far[i] = r9;
      } else near[i] = r9;
    }
  }
  lap('parents');

  // ── pack: merge the sorted rows with the sorted new parents into slots ──
  const np = newCodes.length;
  const size = n + np;
  const slotOfRow = new Int32Array(n);
  const slotOfNew = new Int32Array(np);
  const all = new Array<string>(size);
  const offsets = new Uint32Array(size + 1);
  const rank = new Uint8Array(size);
  const real = new Uint8Array(size);
  let at = 0;
  for (let s = 0, a = 0, b = 0; s < size; s++) {
    let c: string;
    if (b >= np || (a < n && codes[order[a]] < newCodes[b])) {
      const i = order[a++];
      c = codes[i];
      slotOfRow[i] = s;
      real[s] = realRow[i];
    } else {
      c = newCodes[b];
      slotOfNew[b++] = s;
    }
    all[s] = c;
    offsets[s] = at;
    at += c.length + 1;
    rank[s] = rankOfCode(c, leafLen);
  }
  offsets[size] = at;
  const values = aggregateColumns(metrics, rowVals, n, size, slotOfRow, slotOfNew, near, far);
  const packed: PackedColumns = { size, codes: size ? all.join('\n') + '\n' : '', offsets, rank, real, keys, values };
  lap('pack');
  return packed;
}

/**
 * The value columns of the packed slots: each row's own value, and each metric aggregated (sum / mean / min / max / ratio)
 * from the rows to their parents (near: community, far: street; ≥ 0 a row, ≤ -2 new parent -(p + 2)) that have no
 * value of their own. Shared by the JSON and the binary path.
 */
export function aggregateColumns(metrics: GridMetric[], rowVals: Float64Array[], n: number, size: number, slotOfRow: Int32Array, slotOfNew: Int32Array, near: Int32Array, far: Int32Array): Float64Array[] {
  const keys = metrics.map((m) => m.key);
  return metrics.map((m, k) => {
    const own = rowVals[k];
    const col = new Float64Array(size).fill(NaN);
    const how = m.aggregate;
    // ratio: Σ numerator / Σ denominator over the rows that have both (`src` the numerator, `den` the denominator).
    const ratio = how === 'ratio' ? [keys.indexOf(m.numerator as string), keys.indexOf(m.denominator as string)] : undefined;
    for (let i = 0; i < n; i++) {
      const v = own[i];
      if (v === v) col[slotOfRow[i]] = v;
    }
    if (how === 'none' || (ratio && (ratio[0] < 0 || ratio[1] < 0))) return col;
    const src = ratio ? rowVals[ratio[0]] : own;
    const den = ratio ? rowVals[ratio[1]] : undefined;
    // 0 sum / mean / ratio, 1 min, 2 max: a number, so the loop compares no strings.
    const op = how === 'min' ? 1 : how === 'max' ? 2 : 0;
    const acc = new Float64Array(size);
    const below = den ? new Float64Array(size) : undefined;
    const cnt = new Uint32Array(size);
    for (let i = 0; i < n; i++) {
      const v = src[i];
      if (v !== v) continue;
      const d = den ? den[i] : 0;
      if (d !== d) continue;
      for (let q = 0; q < 2; q++) {
        const pr = q === 0 ? near[i] : far[i];
        if (pr === -1) continue;
        let s: number;
        if (pr >= 0) {
          if (own[pr] === own[pr]) continue; // a parent's own value wins
          s = slotOfRow[pr];
        } else s = slotOfNew[-pr - 2];
        if (cnt[s] === 0) acc[s] = v;
        else if (op === 0) acc[s] += v;
        else if (op === 1) acc[s] = Math.min(acc[s], v);
        else acc[s] = Math.max(acc[s], v);
        if (below) below[s] += d;
        cnt[s]++;
      }
    }
    const mean = how === 'mean';
    const scale = m.scale ?? 1;
    for (let s = 0; s < size; s++)
      if (cnt[s]) col[s] = below ? (below[s] === 0 ? NaN : (acc[s] / below[s]) * scale) : mean ? acc[s] / cnt[s] : acc[s];
    return col;
  });
}

/** Index of `code` in the first `n` (ascending) entries of `codes`, or undefined. */
function sortedIndex(codes: string[], n: number, code: string): number | undefined {
  let lo = 0, hi = n - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const c = codes[mid];
    if (c === code) return mid;
    if (c < code) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/** The former multi-step path (parseMetrics → tileValues → packColumns): kept for the equality tests and the bench. */
export function parseMetricColumnsMultiStep(input: string | unknown, joinKey = 'code', maxIssues = 50): MetricColumnsResult {
  const parsed = parseInput(input);
  if (!('raw' in parsed)) return parsed;
  const raw = parsed.raw;
  const r = parseMetrics(raw, joinKey);
  const issues = capIssues(r.issues, maxIssues);
  if (!r.value) return { metrics: [], illustrative: false, rows: 0, withValues: 0, issues, issueCount: r.issues.length };
  const packed = packColumns(tileValues(r.value));
  let withValues = 0;
  for (const row of r.value.rows) for (const _ in row.values) {
    withValues++;
    break;
  }
  return { packed, metrics: r.value.metrics, illustrative: r.value.illustrative, rows: r.value.rows.length, withValues, issues, issueCount: r.issues.length };
}


/** Packs a joined TileValues (from `tileValues`) into sorted transferable columns. */
export function packColumns(tv: TileValues): PackedColumns {
  const n = tv.slot.size;
  const byCode = new Array<string>(n);
  const oldSlot = new Int32Array(n);
  let k = 0;
  for (const code of tv.slot.keys()) byCode[k++] = code;
  // The default sort compares UTF-16 code units, as `<` does (and as findSlot does), without a JS comparator call
  // per comparison: about 3× faster for a million codes.
  byCode.sort();
  // Level and "real" flag per old slot, from the level lists and the (usually small) set of real codes.
  const rankBySlot = new Uint8Array(n).fill(2);
  tv.codes.forEach((list, r) => {
    for (const c of list) rankBySlot[tv.slot.get(c) as number] = r;
  });
  const realBySlot = new Uint8Array(n);
  for (const c of tv.real) {
    const s = tv.slot.get(c);
    if (s !== undefined) realBySlot[s] = 1;
  }
  const offsets = new Uint32Array(n + 1);
  const rank = new Uint8Array(n);
  const real = new Uint8Array(n);
  let at = 0;
  for (let i = 0; i < n; i++) {
    const c = byCode[i];
    offsets[i] = at;
    at += c.length + 1;
    const s = tv.slot.get(c) as number;
    oldSlot[i] = s;
    rank[i] = rankBySlot[s];
    real[i] = realBySlot[s];
  }
  offsets[n] = at;
  const keys = [...tv.columns.keys()];
  const values = keys.map((key) => {
    const src = tv.columns.get(key) as Float64Array;
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = src[oldSlot[i]];
    return out;
  });
  return { size: n, codes: n ? byCode.join('\n') + '\n' : '', offsets, rank, real, keys, values };
}

/** The buffers to transfer with postMessage (codes bytes too; a codes string is cloned: strings cannot be transferred). */
export function transferables(p: PackedColumns): ArrayBuffer[] {
  return [...(typeof p.codes === 'string' ? [] : [p.codes.buffer]), p.offsets.buffer, p.rank.buffer, p.real.buffer, ...p.values.map((v) => v.buffer), ...(p.byRank ?? []).map((l) => l.buffer)] as ArrayBuffer[];
}


// The main thread's side of the columns (PackedColumns and the readers) is column-view.ts; re-exported here for the
// worker side's users and the tests.
export * from './column-view.js';
