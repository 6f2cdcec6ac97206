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
import { joinAndPack, type MetricColumnsResult } from './metric-columns.js';

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
  // Each metric's column is read and compacted in place (a row skipped shifts the later ones down): no copy.
  const littleEndian = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f;
  const rowVals = colOf.map((k) => {
    if (littleEndian) return new Float64Array(buf, valuesAt + k * n * 8, n);
    const col = new Float64Array(n); // a big-endian machine: byte by byte
    for (let i = 0; i < n; i++) col[i] = dv.getFloat64(valuesAt + (k * n + i) * 8, true);
    return col;
  });
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
