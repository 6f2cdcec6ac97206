// Writer of the binary metrics file of <civic-grid-map> tiles mode ("CGMB", version 2; version 1 with
// { version: 1 }; the reader is src/components/grid-map/metrics-binary.ts, the format is documented in README.md,
// grid-map section "Binary metrics"). scripts/make-grid-tiles.mjs writes one beside metrics.json. Pure (no fs): also
// runs in a browser test.
//
// Layout, little-endian, every section starting at a multiple of 8 bytes:
//   0  "CGMB"            magic
//   4  u16 version       2 (or 1)
//   6  u16 M             metric columns
//   8  u32 N             rows
//  12  u32 H             bytes of the header (UTF-8 JSON: the payload without `rows` — metrics, illustrative, note …;
//                        its `metrics` array has M entries, in column order)
//  16  u32 C             bytes of the codes section
//  20  u32 F             version 2: 1 when the flags section is there, 0 when no row says illustrative: false (no
//                        section); version 1: 0 and the section is always there
//  24  header (H bytes), zero padding to a multiple of 8
//      codes (C bytes): N codes, each front-coded against the previous one: u8 bytes shared with the previous
//      code's UTF-8, u8 bytes that follow, those bytes. Rows in ascending code order keep it small (≈ 5 bytes a
//      15-digit code); any order is valid. Zero padding to a multiple of 8.
//      flags (N bytes, see F): 1 where the row says illustrative: false. Zero padding to a multiple of 8.
//      version 1: M columns of N float64, NaN where a row has no value.
//      version 2: M type bytes (zero padding to a multiple of 8), then M columns, each N values of its type and zero
//      padding to a multiple of 8. Types (the narrowest that holds every value of the column exactly, "none" = the
//      row has no value): 0 float64 (NaN none), 1 float32 (NaN none), 2 int32 (-2147483648 none),
//      3 uint16 (65535 none), 4 uint8 (255 none).
// The file ends there: its length is exactly what the header fields give (a truncated or padded file is refused).

export const MAGIC = 'CGMB';
export const VERSION = 2;
/** Bytes per value of each column type (version 2). */
export const TYPE_BYTES = [8, 4, 4, 2, 1];
export const HEAD_BYTES = 24;

const pad8 = (n) => (n + 7) & ~7;

/**
 * payload: { metrics: [{ key, … }], rows: [{ code, <key>: number, illustrative? }], …other head fields }
 * Values that are not finite numbers are written as NaN (no value). Codes longer than 255 UTF-8 bytes are refused.
 * Returns the file as a Uint8Array.
 */
export function encodeMetricsBinary(payload, { joinKey = 'code', version = VERSION } = {}) {
  const { rows = [], ...head } = payload;
  const metrics = Array.isArray(head.metrics) ? head.metrics : [];
  const keys = metrics.map((m) => m?.key);
  const enc = new TextEncoder();
  const headBytes = enc.encode(JSON.stringify(head));
  const n = rows.length;
  // codes, front-coded
  const parts = [];
  let codeBytes = 0;
  let prev = new Uint8Array(0);
  for (let i = 0; i < n; i++) {
    const code = String(rows[i]?.[joinKey] ?? rows[i]?.code ?? '');
    const b = enc.encode(code);
    if (b.length > 255) throw new Error(`metrics-binary: code ${code.slice(0, 40)}… is longer than 255 bytes`);
    if (code.includes('\n')) throw new Error(`metrics-binary: code ${JSON.stringify(code)} holds a line break`);
    let s = 0;
    const max = Math.min(255, prev.length, b.length);
    while (s < max && prev[s] === b[s]) s++;
    const rec = new Uint8Array(2 + b.length - s);
    rec[0] = s;
    rec[1] = b.length - s;
    rec.set(b.subarray(s), 2);
    parts.push(rec);
    codeBytes += rec.length;
    prev = b;
  }
  const headAt = HEAD_BYTES;
  const codesAt = pad8(headAt + headBytes.length);
  // A row with invented metrics (illustrativeKeys) is not flagged real: the flag is one per row.
  const real = rows.map((r) => (r?.illustrative === false && !(Array.isArray(r.illustrativeKeys) && r.illustrativeKeys.length) ? 1 : 0));
  const hasFlags = version === 1 || real.includes(1);
  const flagsAt = pad8(codesAt + codeBytes);
  const columns = keys.map((key) => rows.map((r) => (typeof r?.[key] === 'number' && Number.isFinite(r[key]) ? r[key] : NaN)));
  const types = columns.map((col) => (version === 1 ? 0 : columnType(col)));
  const typesAt = hasFlags ? pad8(flagsAt + n) : flagsAt;
  let valuesAt = version === 1 ? typesAt : pad8(typesAt + keys.length);
  const starts = types.map((t) => {
    const at = valuesAt;
    valuesAt = pad8(valuesAt + n * TYPE_BYTES[t]);
    return at;
  });
  const total = version === 1 ? typesAt + keys.length * n * 8 : valuesAt;
  const out = new Uint8Array(total);
  const dv = new DataView(out.buffer);
  for (let i = 0; i < 4; i++) out[i] = MAGIC.charCodeAt(i);
  dv.setUint16(4, version, true);
  dv.setUint16(6, keys.length, true);
  dv.setUint32(8, n, true);
  dv.setUint32(12, headBytes.length, true);
  dv.setUint32(16, codeBytes, true);
  if (version !== 1) dv.setUint32(20, hasFlags ? 1 : 0, true);
  out.set(headBytes, headAt);
  let at = codesAt;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  if (hasFlags) for (let i = 0; i < n; i++) out[flagsAt + i] = real[i];
  if (version !== 1) types.forEach((t, k) => (out[typesAt + k] = t));
  columns.forEach((col, k) => {
    const base = version === 1 ? typesAt + k * n * 8 : starts[k];
    const t = types[k];
    for (let i = 0; i < n; i++) {
      const v = col[i];
      if (t === 0) dv.setFloat64(base + i * 8, v, true);
      else if (t === 1) dv.setFloat32(base + i * 4, v, true);
      else if (t === 2) dv.setInt32(base + i * 4, v === v ? v : -2147483648, true);
      else if (t === 3) dv.setUint16(base + i * 2, v === v ? v : 65535, true);
      else out[base + i] = v === v ? v : 255;
    }
  });
  return out;
}

/** The narrowest column type that holds every value exactly (NaN: no value; -0 only in the float types). */
function columnType(col) {
  let u8 = true, u16 = true, i32 = true, f32 = true;
  for (const v of col) {
    if (v !== v) continue;
    const int = Number.isInteger(v) && !Object.is(v, -0);
    if (!int || v < 0 || v > 254) u8 = false;
    if (!int || v < 0 || v > 65534) u16 = false;
    if (!int || v < -2147483647 || v > 2147483647) i32 = false;
    if (Math.fround(v) !== v) f32 = false;
  }
  return u8 ? 4 : u16 ? 3 : i32 ? 2 : f32 ? 1 : 0;
}
