/**
 * Reader of the binary metrics file of tiles mode ("CGMB", version 1), written by scripts/make-grid-tiles.mjs
 * (scripts/lib/metrics-binary.mjs) beside metrics.json and documented in README.md (grid-map, "Binary metrics").
 * A `src` whose path ends in `.cgmb` is read with it, in the metrics worker: no 45 MB of JSON text to parse — the
 * codes are front-coded bytes decoded in one call and the values are float64 columns — then the same row rules
 * (empty or repeated code, non-finite or too-large value), the same parent join and the same packed columns as the
 * JSON path (`joinAndPack`). A file that is not one (wrong magic or version, truncated, row or column counts that do
 * not match its length, a broken header) gives a `format` issue and no value: the element's ordinary validation
 * failure (visible translated error, `civic-error`, last good data kept). Pure; never throws.
 *
 * Layout (little-endian, sections at multiples of 8): "CGMB", u16 version, u16 metric columns M, u32 rows N,
 * u32 header bytes H, u32 code bytes C, u32 0; header JSON (the payload without `rows`, `metrics` with M entries);
 * codes (per row: u8 bytes shared with the previous code, u8 bytes following, those bytes); N flag bytes
 * (1 = illustrative: false); M × N float64 (NaN = no value). Nothing after.
 */
import { capIssues, describe, issue, type Issue } from '../../data/validate.js';
import { readMetricsHead, readRowValue } from './grid-map.model.js';
import { aggregateColumns, joinAndPack, type MetricColumnsResult, type PackedColumns } from './metric-columns.js';
import type { GridMetric } from './grid-map.types.js';

export const BINARY_MAGIC = 'CGMB';
export const BINARY_VERSION = 1;
const HEAD_BYTES = 24;
const pad8 = (n: number): number => (n + 7) & ~7;

/** True when a metrics URL names a binary file (its path ends in `.cgmb`, any query or hash aside). */
export function isBinaryMetricsUrl(url: string): boolean {
  return /\.cgmb$/i.test(url.replace(/[?#].*$/, ''));
}

function fail(message: string, issues: Issue[] = []): MetricColumnsResult {
  issues.push(issue('$', 'format', message));
  return { metrics: [], illustrative: false, rows: 0, withValues: 0, issues, issueCount: issues.length };
}

/**
 * The file's bytes → validated, parent-joined, packed columns (the same result as `parseMetricColumns` gives for the
 * JSON payload the file was written from).
 */
export function parseMetricsBinary(buf: ArrayBuffer, joinKey = 'code', maxIssues = 50): MetricColumnsResult {
  const size = buf.byteLength;
  if (size < HEAD_BYTES) return fail(`not a grid metrics file: ${size} bytes, shorter than its ${HEAD_BYTES}-byte head (truncated?)`);
  const u8 = new Uint8Array(buf);
  const dv = new DataView(buf);
  const magic = String.fromCharCode(u8[0], u8[1], u8[2], u8[3]);
  if (magic !== BINARY_MAGIC) return fail(`not a grid metrics file: it starts with ${describe(magic)}, not "${BINARY_MAGIC}"`);
  const version = dv.getUint16(4, true);
  if (version !== BINARY_VERSION) return fail(`grid metrics file version ${version} is not supported (this reader knows version ${BINARY_VERSION})`);
  const m = dv.getUint16(6, true);
  const n = dv.getUint32(8, true);
  const h = dv.getUint32(12, true);
  const c = dv.getUint32(16, true);
  const codesAt = pad8(HEAD_BYTES + h);
  const flagsAt = pad8(codesAt + c);
  const valuesAt = pad8(flagsAt + n);
  const expected = valuesAt + m * n * 8;
  if (size < expected) return fail(`grid metrics file truncated: ${size} bytes, its head (${n} rows, ${m} metrics) needs ${expected}`);
  if (size > expected) return fail(`grid metrics file has ${size - expected} bytes after its ${n} rows × ${m} metrics: the row or metric count does not match`);

  let head: unknown;
  try {
    head = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(u8.subarray(HEAD_BYTES, HEAD_BYTES + h)));
  } catch (e) {
    return fail(`grid metrics file header is not JSON: ${(e as Error).message}`);
  }
  const declared = head && typeof head === 'object' && Array.isArray((head as { metrics?: unknown }).metrics) ? ((head as { metrics: unknown[] }).metrics as { key?: unknown }[]) : undefined;
  if (!declared || declared.length !== m) return fail(`grid metrics file header declares ${declared ? declared.length : 'no'} metrics, its columns are ${m}`);

  const issues: Issue[] = [];
  const hd = readMetricsHead({ ...(head as object), rows: [] }, joinKey, issues);
  if (!hd) return fail('grid metrics file header has no metrics', issues);
  const { metrics, illustrative } = hd;
  // Column of each valid metric (the header's order; a metric the head rules dropped is skipped).
  const colOf = metrics.map((mt) => declared.findIndex((d) => d && d.key === mt.key));

  // ── codes: rebuild every code's bytes, "\n"-joined, and decode them in one call ──
  let big = new Uint8Array(c * 2 + n * 4);
  let at = codesAt;
  const end = codesAt + c;
  let w = 0;
  let prevStart = 0, prevLen = 0;
  // For the byte-level fast path: where each code starts, and whether all codes are ASCII, strictly ascending and
  // without blanks at either end (then no code needs to become a JS string before the packed store).
  const rowStart = new Uint32Array(n + 1);
  let simple = true;
  for (let i = 0; i < n; i++) {
    if (at + 2 > end) return fail(`grid metrics file codes section ends after ${i} of ${n} codes`);
    const shared = u8[at], more = u8[at + 1];
    at += 2;
    if (shared > prevLen) return fail(`grid metrics file code ${i} shares ${shared} bytes with a ${prevLen}-byte code (corrupt)`);
    if (at + more > end) return fail(`grid metrics file codes section ends inside code ${i} of ${n}`);
    if (w + shared + more + 1 > big.length) {
      const grown = new Uint8Array(Math.max(big.length * 2, w + shared + more + 1));
      grown.set(big.subarray(0, w));
      big = grown;
    }
    const start = w;
    rowStart[i] = start;
    for (let q = 0; q < shared; q++) big[w++] = big[prevStart + q];
    for (let q = 0; q < more; q++) {
      const b = u8[at++];
      if (b === 10) return fail(`grid metrics file code ${i} holds a line break (corrupt)`);
      if (b > 0x7f) simple = false;
      big[w++] = b;
    }
    if (simple) {
      const len = shared + more;
      if (len === 0 || blank(big[start]) || blank(big[w - 1])) simple = false;
      else if (i > 0) {
        // ascending: the first byte where this code and the previous differ is larger here (or the previous is a prefix)
        let q = shared;
        while (q < len && q < prevLen && big[start + q] === big[prevStart + q]) q++;
        if (q === len || (q < prevLen && big[start + q] < big[prevStart + q])) simple = false;
      }
    }
    prevStart = start;
    prevLen = shared + more;
    big[w++] = 10;
  }
  if (at !== end) return fail(`grid metrics file codes section holds ${end - at} bytes more than its ${n} codes`);
  rowStart[n] = w;
  const nm0 = metrics.length;
  const littleEndian = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f;
  // Each metric's column is read and compacted in place (a row skipped shifts the later ones down): no copy.
  const rowVals = colOf.map((k) => {
    if (littleEndian) return new Float64Array(buf, valuesAt + k * n * 8, n);
    const col = new Float64Array(n); // a big-endian machine: byte by byte
    for (let i = 0; i < n; i++) col[i] = dv.getFloat64(valuesAt + (k * n + i) * 8, true);
    return col;
  });
  if (simple && n > 0) {
    let withValues = 0;
    const any = new Uint8Array(n);
    for (let j = 0; j < nm0; j++) {
      const col = rowVals[j], key = metrics[j].key;
      for (let i = 0; i < n; i++) {
        const v = col[i];
        if (v !== v) continue;
        if (v === Infinity || v === -Infinity || v > 1e15 || v < -1e15) {
          readRowValue(v, i, key, issues); // the JSON path's issue for it
          col[i] = NaN;
        } else any[i] = 1;
      }
    }
    for (let i = 0; i < n; i++) withValues += any[i];
    const realRow = new Uint8Array(n);
    for (let i = 0; i < n; i++) realRow[i] = u8[flagsAt + i] === 1 ? 1 : 0;
    const packed = packSortedAscii(big, rowStart, n, rowVals, realRow, metrics);
    return { packed, metrics, illustrative, rows: n, withValues, issues: capIssues(issues, maxIssues), issueCount: issues.length };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(big.subarray(0, w));
  } catch {
    return fail('grid metrics file codes are not UTF-8');
  }
  const all = text.split('\n'); // n codes + the empty string after the last "\n"

  // ── rows: the JSON path's rules (empty or repeated code, bad value) and arrays for the join ──
  const nm = metrics.length;
  const codes: string[] = [];
  const realRow = new Uint8Array(n);
  let rowOf: Map<string, number> | undefined;
  let sorted = true, leafLen = 0, withValues = 0, k = 0;
  for (let i = 0; i < n; i++) {
    const code = all[i];
    if (code === '' || code.trim() !== code) {
      issues.push(issue(`rows[${i}].${joinKey}`, 'required', `expected a code, got ${describe(code)}`));
      continue;
    }
    let dup: boolean;
    if (!rowOf) {
      const last = k > 0 ? codes[k - 1] : undefined;
      if (last === undefined || last < code) dup = false;
      else if (last === code) dup = true;
      else {
        sorted = false;
        rowOf = new Map<string, number>();
        for (let q = 0; q < k; q++) rowOf.set(codes[q], q);
        dup = rowOf.has(code);
      }
    } else dup = rowOf.has(code);
    if (dup) {
      issues.push(issue(`rows[${i}].${joinKey}`, 'duplicate', `code ${describe(code)} appears twice; the later row is ignored`));
      continue;
    }
    rowOf?.set(code, k);
    let any = false;
    for (let j = 0; j < nm; j++) {
      const raw = rowVals[j][i];
      const v = raw !== raw ? undefined : readRowValue(raw, i, metrics[j].key, issues);
      if (v === undefined) rowVals[j][k] = NaN;
      else {
        rowVals[j][k] = v;
        any = true;
      }
    }
    if (any) withValues++;
    realRow[k] = u8[flagsAt + i] === 1 ? 1 : 0;
    if (code.length > leafLen) leafLen = code.length;
    codes.push(code);
    k++;
  }
  if (!k) return fail('grid metrics file has no valid row', issues);
  const packed = joinAndPack({ codes, n: k, sorted, rowOf, rowVals, realRow, leafLen, metrics });
  return { packed, metrics, illustrative, rows: k, withValues, issues: capIssues(issues, maxIssues), issueCount: issues.length };
}

const blank = (b: number): boolean => b === 32 || (b >= 9 && b <= 13);

/**
 * The byte-level join for the usual file (ASCII codes, strictly ascending, no blanks): `joinAndPack`'s result without
 * a million JS strings. Parents are the 9- and 12-character prefixes of the all-digit leaf codes (as in
 * `joinAndPack`); one not among the rows is inserted before the first row not below it (a prefix sorts before its
 * extensions), so the merged slots stay in code order. The codes are copied once into the packed "\n"-joined bytes
 * and decoded in one call.
 */
function packSortedAscii(big: Uint8Array, rowStart: Uint32Array, n: number, rowVals: Float64Array[], realRow: Uint8Array, metrics: GridMetric[]): PackedColumns {
  const lenOf = (r: number): number => rowStart[r + 1] - 1 - rowStart[r];
  let leafLen = 0;
  for (let r = 0; r < n; r++) if (lenOf(r) > leafLen) leafLen = lenOf(r);
  /** Row r's code against the first `len` bytes of row `from`'s code. */
  const cmp = (r: number, from: number, len: number): number => {
    const a = rowStart[r], la = lenOf(r), b = rowStart[from];
    const m = la < len ? la : len;
    for (let q = 0; q < m; q++) {
      const d = big[a + q] - big[b + q];
      if (d) return d;
    }
    return la - len;
  };
  const newFrom: number[] = [], newLen: number[] = [], newPos: number[] = [];
  /** Row of the parent code (the first `len` bytes of row `from`), or a new parent -(p + 2). */
  const ref = (from: number, len: number): number => {
    let lo = 0, hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cmp(mid, from, len) < 0) lo = mid + 1;
      else hi = mid;
    }
    if (lo < n && cmp(lo, from, len) === 0) return lo;
    newFrom.push(from);
    newLen.push(len);
    newPos.push(lo);
    return -(newFrom.length + 1);
  };
  const samePrefix = (a: number, b: number, len: number): boolean => {
    const x = rowStart[a], y = rowStart[b];
    for (let q = 0; q < len; q++) if (big[x + q] !== big[y + q]) return false;
    return true;
  };
  const near = new Int32Array(n).fill(-1);
  const far = new Int32Array(n).fill(-1);
  let f9 = -1, r9 = -1, f12 = -1, r12 = -1;
  for (let i = 0; i < n; i++) {
    const len = lenOf(i);
    if (len !== leafLen || len <= 9) continue;
    let digits = true;
    for (let q = rowStart[i], e = q + len; q < e && digits; q++) digits = big[q] >= 48 && big[q] <= 57;
    if (!digits) continue;
    if (f9 < 0 || !samePrefix(f9, i, 9)) {
      f9 = i;
      r9 = ref(i, 9);
    }
    if (len > 12) {
      if (f12 < 0 || !samePrefix(f12, i, 12)) {
        f12 = i;
        r12 = ref(i, 12);
      }
      near[i] = r12;
      far[i] = r9;
    } else near[i] = r9;
  }
  // ── merge rows and new parents (both in code order) into the slots ──
  const np = newFrom.length;
  const size = n + np;
  let bytes = rowStart[n];
  for (let p = 0; p < np; p++) bytes += newLen[p] + 1;
  const out = new Uint8Array(bytes);
  const offsets = new Uint32Array(size + 1);
  const rank = new Uint8Array(size);
  const real = new Uint8Array(size);
  const slotOfRow = new Int32Array(n);
  const slotOfNew = new Int32Array(np);
  const rankOf = (len: number): number => (len >= leafLen ? 2 : len >= 12 ? 1 : 0);
  let at = 0, s = 0, p = 0;
  const put = (from: number, len: number): void => {
    offsets[s] = at;
    rank[s] = rankOf(len);
    for (let q = rowStart[from], e = q + len; q < e; q++) out[at++] = big[q];
    out[at++] = 10;
  };
  for (let r = 0; r <= n; r++) {
    while (p < np && newPos[p] === r) {
      slotOfNew[p] = s;
      put(newFrom[p], newLen[p]);
      p++;
      s++;
    }
    if (r === n) break;
    slotOfRow[r] = s;
    real[s] = realRow[r];
    put(r, lenOf(r));
    s++;
  }
  offsets[size] = at;
  const values = aggregateColumns(metrics, rowVals, n, size, slotOfRow, slotOfNew, near, far);
  return { size, codes: new TextDecoder().decode(out), offsets, rank, real, keys: metrics.map((m) => m.key), values };
}
