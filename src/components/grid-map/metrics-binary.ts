/**
 * Reader of the binary metrics file of tiles mode ("CGMB", versions 1 and 2), written by scripts/make-grid-tiles.mjs
 * (scripts/lib/metrics-binary.mjs) beside metrics.json and documented in README.md (grid-map, "Binary metrics").
 * A `src` whose path ends in `.cgmb` is read with it, in the metrics worker: no 45 MB of JSON text to parse — the
 * codes are front-coded bytes decoded in one call and the values are typed columns — then the same row rules
 * (empty or repeated code, non-finite or too-large value), the same parent join and the same packed columns as the
 * JSON path (`joinAndPack`). A file that is not one (wrong magic or version, truncated, row or column counts that do
 * not match its length, a broken header, an unknown column type) gives a `format` issue and no value: the element's
 * ordinary validation failure (visible translated error, `civic-error`, last good data kept). Pure; never throws.
 *
 * Layout (little-endian, sections at multiples of 8): "CGMB", u16 version, u16 metric columns M, u32 rows N,
 * u32 header bytes H, u32 code bytes C, u32 F; header JSON (the payload without `rows`, `metrics` with M entries);
 * codes (per row: u8 bytes shared with the previous code, u8 bytes following, those bytes); N flag bytes
 * (1 = illustrative: false; version 2 only when F = 1). Version 1: M × N float64 (NaN = no value). Version 2: M type
 * bytes, then each column in its type, padded to 8: 0 float64 (NaN none), 1 float32 (NaN none), 2 int32
 * (-2147483648 none), 3 uint16 (65535 none), 4 uint8 (255 none) — a million small counts are 1–2 MB, not 8.
 * Nothing after.
 */
import { capIssues, describe, issue, type Issue } from '../../data/validate.js';
import { readMetricsHead, readRowValue } from './grid-map.model.js';
import { aggregateColumns, joinAndPack, type MetricColumnsResult, type PackedColumns } from './metric-columns.js';
import type { GridMetric } from './grid-map.types.js';

export const BINARY_MAGIC = 'CGMB';
export const BINARY_VERSION = 2;
/** Bytes per value of each version-2 column type. */
const TYPE_BYTES = [8, 4, 4, 2, 1];
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
  if (version !== 1 && version !== BINARY_VERSION) return fail(`grid metrics file version ${version} is not supported (this reader knows versions 1 and ${BINARY_VERSION})`);
  const m = dv.getUint16(6, true);
  const n = dv.getUint32(8, true);
  const h = dv.getUint32(12, true);
  const c = dv.getUint32(16, true);
  const hasFlags = version === 1 || dv.getUint32(20, true) === 1;
  const codesAt = pad8(HEAD_BYTES + h);
  const flagsAt = pad8(codesAt + c);
  const typesAt = hasFlags ? pad8(flagsAt + n) : flagsAt;
  // Each column's type and start (version 1: all float64, back to back).
  const types: number[] = [];
  const starts: number[] = [];
  let expected = version === 1 ? typesAt + m * n * 8 : pad8(typesAt + m);
  if (version !== 1) {
    if (size < expected) return fail(`grid metrics file truncated: ${size} bytes, its head (${n} rows, ${m} metrics) needs more`);
    for (let k = 0; k < m; k++) {
      const t = u8[typesAt + k];
      if (!(t < TYPE_BYTES.length)) return fail(`grid metrics file column ${k} has the unknown type ${t}`);
      types.push(t);
      starts.push(expected);
      expected = pad8(expected + n * TYPE_BYTES[t]);
    }
  } else for (let k = 0; k < m; k++) types.push(0), starts.push(typesAt + k * n * 8);
  if (size < expected) return fail(`grid metrics file truncated: ${size} bytes, its head (${n} rows, ${m} metrics) needs ${expected}`);
  if (size > expected) return fail(`grid metrics file has ${size - expected} bytes after its ${n} rows × ${m} metrics: the row or metric count does not match`);
  const flag = (i: number): boolean => hasFlags && u8[flagsAt + i] === 1;

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

  const littleEndian = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f;
  // Each metric's column as float64 (NaN: no value), read and compacted in place (a row skipped shifts the later ones
  // down). A float64 column of a little-endian machine is the file's bytes themselves: no copy.
  const rowVals = colOf.map((k) => readColumn(dv, types[k], starts[k], n, littleEndian));

  // ── the usual file (ASCII codes, strictly ascending, no blanks): one pass over the codes, no JS string per row ──
  const fast = n > 0 ? readSortedAscii(u8, codesAt, c, n) : undefined;
  if (fast) {
    let withValues = 0;
    const any = new Uint8Array(n);
    for (let j = 0; j < metrics.length; j++) {
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
    const real = new Uint8Array(fast.size);
    if (hasFlags) for (let i = 0; i < n; i++) if (u8[flagsAt + i] === 1) real[fast.slotOfRow[i]] = 1;
    const values = aggregateColumns(metrics, rowVals, n, fast.size, fast.slotOfRow, fast.slotOfNew, fast.near, fast.far);
    const packed: PackedColumns = { size: fast.size, codes: fast.codes, offsets: fast.offsets, rank: fast.rank, real, keys: metrics.map((mt) => mt.key), values };
    return { packed, metrics, illustrative, rows: n, withValues, issues: capIssues(issues, maxIssues), issueCount: issues.length };
  }

  // ── any other file: rebuild every code's bytes, "\n"-joined, decode them in one call, then the JSON path's rules ──
  let big = new Uint8Array(c * 2 + n * 4);
  let at = codesAt;
  const end = codesAt + c;
  let w = 0;
  let prevStart = 0, prevLen = 0;
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
    for (let q = 0; q < shared; q++) big[w++] = big[prevStart + q];
    for (let q = 0; q < more; q++) {
      const b = u8[at++];
      if (b === 10) return fail(`grid metrics file code ${i} holds a line break (corrupt)`);
      big[w++] = b;
    }
    prevStart = start;
    prevLen = shared + more;
    big[w++] = 10;
  }
  if (at !== end) return fail(`grid metrics file codes section holds ${end - at} bytes more than its ${n} codes`);
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
    realRow[k] = flag(i) ? 1 : 0;
    if (code.length > leafLen) leafLen = code.length;
    codes.push(code);
    k++;
  }
  if (!k) return fail('grid metrics file has no valid row', issues);
  const packed = joinAndPack({ codes, n: k, sorted, rowOf, rowVals, realRow, leafLen, metrics });
  return { packed, metrics, illustrative, rows: k, withValues, issues: capIssues(issues, maxIssues), issueCount: issues.length };
}

/** One value column as float64, NaN where a row has no value (the integer types' "none" value). */
function readColumn(dv: DataView, type: number, at: number, n: number, littleEndian: boolean): Float64Array {
  if (type === 0 && littleEndian) return new Float64Array(dv.buffer, at, n);
  const col = new Float64Array(n);
  if (type === 0) for (let i = 0; i < n; i++) col[i] = dv.getFloat64(at + i * 8, true);
  else if (type === 1) for (let i = 0; i < n; i++) col[i] = dv.getFloat32(at + i * 4, true);
  else if (type === 2)
    for (let i = 0; i < n; i++) {
      const v = dv.getInt32(at + i * 4, true);
      col[i] = v === -2147483648 ? NaN : v;
    }
  else if (type === 3 && littleEndian && at % 2 === 0) {
    const src = new Uint16Array(dv.buffer, at, n);
    for (let i = 0; i < n; i++) col[i] = src[i] === 65535 ? NaN : src[i];
  } else if (type === 3)
    for (let i = 0; i < n; i++) {
      const v = dv.getUint16(at + i * 2, true);
      col[i] = v === 65535 ? NaN : v;
    }
  else {
    const src = new Uint8Array(dv.buffer, at, n);
    for (let i = 0; i < n; i++) col[i] = src[i] === 255 ? NaN : src[i];
  }
  return col;
}

/** @internal For tests: the one-pass reader's result for a whole file, or undefined where it hands over to the general path. */
export function readSortedAsciiForTests(file: Uint8Array): SortedCodes | undefined {
  const dv = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const n = dv.getUint32(8, true), h = dv.getUint32(12, true), c = dv.getUint32(16, true);
  return readSortedAscii(file, pad8(HEAD_BYTES + h), c, n);
}

/** A group's parent not looked for yet. */
const UNSET = 0x40000000;
const blank = (b: number): boolean => b === 32 || (b >= 9 && b <= 13);

/** What `readSortedAscii` gives: the packed codes with the parents found by prefix, and the join for `aggregateColumns`. */
interface SortedCodes {
  size: number;
  /** The packed ASCII bytes (no string: the worker transfers them, the main thread reads them as they are). */
  codes: Uint8Array;
  offsets: Uint32Array;
  rank: Uint8Array;
  slotOfRow: Int32Array;
  slotOfNew: Int32Array;
  /** Per row: community / street parent (≥ 0 a row, ≤ -2 the new parent -(p + 2), -1 none), as in `joinAndPack`. */
  near: Int32Array;
  far: Int32Array;
}

/**
 * The codes section of the usual file — ASCII codes, strictly ascending, none empty or with blanks at either end —
 * read in one pass into the packed "\n"-joined bytes, with `joinAndPack`'s parents (the 9- and 12-character prefixes
 * of the all-digit leaf codes, leaf = longest code) inserted where they sort: just before the first row of their
 * prefix group (a prefix sorts before its extensions, and every code between the two starts with it). A parent that
 * is a row is the first row of its group. Each row costs only its new bytes plus one copy into the output; the
 * output bytes are the packed codes (never decoded into a string). Undefined for anything else (a bad or unusual file, or a parent
 * needed before a group whose first row is not a leaf): the general path then reads it and says what is wrong.
 */
function readSortedAscii(u8: Uint8Array, codesAt: number, c: number, n: number): SortedCodes | undefined {
  const end = codesAt + c;
  // Pass 1 over the records only: their bounds, the longest code (the leaves), the output size, and a bound on the
  // prefix groups (a new group needs a code sharing fewer bytes with the previous one than the prefix).
  let leafLen = 0, rowBytes = 0, groups = 0;
  for (let i = 0, at = codesAt, prevLen = 0; i < n; i++) {
    if (at + 2 > end) return undefined;
    const shared = u8[at], more = u8[at + 1];
    const len = shared + more;
    if (shared > prevLen || len === 0 || at + 2 + more > end) return undefined;
    if (shared < 12) groups += shared < 9 ? 2 : 1;
    if (len > leafLen) leafLen = len;
    rowBytes += len + 1;
    prevLen = len;
    at += 2 + more;
    if (i === n - 1 && at !== end) return undefined;
  }
  const cap = n + groups;
  // Exactly enough: each row's bytes and line break, and at most `groups` parents of at most 12 bytes and a break.
  const out = new Uint8Array(rowBytes + groups * 13);
  const offsets = new Uint32Array(cap + 1);
  const rank = new Uint8Array(cap);
  const slotOfRow = new Int32Array(n);
  const slotOfNew = new Int32Array(groups);
  const near = new Int32Array(n).fill(-1);
  const far = new Int32Array(n).fill(-1);
  const cur = new Uint8Array(256); // the current code (front coding keeps the shared bytes in place)
  // One loop with plain locals (no closure: variables a closure writes live in a heap context, and writing each
  // code's bytes through one made this reader ~3× slower).
  let at = 0, slot = 0, src = codesAt, news = 0;
  let prevLen = 0, prevDigits = 0;
  // The current 9- and 12-character prefix groups: their first row, the parent's row there (-1: none) and its ref.
  let g9First = -1, g9Row = -1, r9 = UNSET, g12First = -1, g12Row = -1, r12 = UNSET;
  for (let i = 0; i < n; i++) {
    const shared = u8[src], more = u8[src + 1];
    src += 2;
    const len = shared + more;
    // New bytes over the previous code's: the first difference says whether the code rises.
    let diff = -1, rises = i === 0;
    let digits = prevDigits < shared ? prevDigits : shared;
    for (let q = shared; q < len; q++) {
      const b = u8[src++];
      if (b === 10 || b > 0x7f) return undefined;
      if (diff < 0 && q < prevLen && b !== cur[q]) {
        diff = q;
        rises = b > cur[q];
      }
      if (digits === q && b >= 48 && b <= 57) digits++;
      cur[q] = b;
    }
    if (diff < 0) {
      diff = len < prevLen ? len : prevLen;
      rises = rises || len > prevLen;
    }
    if (!rises || blank(cur[0]) || blank(cur[len - 1])) return undefined;
    // Prefix groups: a new one starts where the code's first 9 (12) bytes differ from the previous code's.
    if (len >= 9 && !(i > 0 && diff >= 9 && prevLen >= 9)) {
      g9First = i;
      g9Row = len === 9 ? i : -1;
      r9 = UNSET;
    }
    if (len >= 12 && !(i > 0 && diff >= 12 && prevLen >= 12)) {
      g12First = i;
      g12Row = len === 12 ? i : -1;
      r12 = UNSET;
    }
    if (len === leafLen && digits === len && len > 9) {
      // A new parent (9 or 12 bytes of this code) goes in as the slot before this row's.
      for (let plen = 9; plen <= 12 && plen < len; plen += 3) {
        let r = plen === 9 ? r9 : r12;
        if (r === UNSET) {
          const gRow = plen === 9 ? g9Row : g12Row, gFirst = plen === 9 ? g9First : g12First;
          if (gRow >= 0) r = gRow;
          else if (gFirst === i) {
            offsets[slot] = at;
            rank[slot] = plen >= leafLen ? 2 : plen >= 12 ? 1 : 0;
            for (let q = 0; q < plen; q++) out[at++] = cur[q];
            out[at++] = 10;
            slotOfNew[news++] = slot++;
            r = -(news + 1);
          } else return undefined; // the parent goes before a group that started with a non-leaf row: general path
          if (plen === 9) r9 = r;
          else r12 = r;
        }
      }
      if (len > 12) {
        near[i] = r12;
        far[i] = r9;
      } else near[i] = r9;
    }
    offsets[slot] = at;
    rank[slot] = len >= leafLen ? 2 : len >= 12 ? 1 : 0;
    for (let q = 0; q < len; q++) out[at++] = cur[q];
    out[at++] = 10;
    slotOfRow[i] = slot++;
    prevLen = len;
    prevDigits = digits;
  }
  offsets[slot] = at;
  return {
    size: slot,
    // A view, not a copy, unless the buffer is much bigger than the codes (all of it is transferred).
    codes: at >= out.length * 0.9 ? out.subarray(0, at) : out.slice(0, at),
    offsets: slot === cap ? offsets : offsets.slice(0, slot + 1),
    rank: slot === cap ? rank : rank.slice(0, slot),
    slotOfRow,
    slotOfNew: news === groups ? slotOfNew : slotOfNew.slice(0, news),
    near,
    far,
  };
}
