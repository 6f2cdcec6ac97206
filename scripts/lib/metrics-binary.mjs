// Writer of the binary metrics file of <civic-grid-map> tiles mode ("CGMB", version 1; the reader is
// src/components/grid-map/metrics-binary.ts, the format is documented in README.md, grid-map section "Binary
// metrics"). scripts/make-grid-tiles.mjs writes one beside metrics.json. Pure (no fs): also runs in a browser test.
//
// Layout, little-endian, every section starting at a multiple of 8 bytes:
//   0  "CGMB"            magic
//   4  u16 version       1
//   6  u16 M             metric columns
//   8  u32 N             rows
//  12  u32 H             bytes of the header (UTF-8 JSON: the payload without `rows` — metrics, illustrative, note …;
//                        its `metrics` array has M entries, in column order)
//  16  u32 C             bytes of the codes section
//  20  u32 0             reserved
//  24  header (H bytes), zero padding to a multiple of 8
//      codes (C bytes): N codes, each front-coded against the previous one: u8 bytes shared with the previous
//      code's UTF-8, u8 bytes that follow, those bytes. Rows in ascending code order keep it small (≈ 5 bytes a
//      15-digit code); any order is valid. Zero padding to a multiple of 8.
//      flags (N bytes): 1 where the row says illustrative: false. Zero padding to a multiple of 8.
//      values: M columns of N float64, NaN where a row has no value.
// The file ends there: its length is exactly what the header fields give (a truncated or padded file is refused).

export const MAGIC = 'CGMB';
export const VERSION = 1;
export const HEAD_BYTES = 24;

const pad8 = (n) => (n + 7) & ~7;

/**
 * payload: { metrics: [{ key, … }], rows: [{ code, <key>: number, illustrative? }], …other head fields }
 * Values that are not finite numbers are written as NaN (no value). Codes longer than 255 UTF-8 bytes are refused.
 * Returns the file as a Uint8Array.
 */
export function encodeMetricsBinary(payload, { joinKey = 'code' } = {}) {
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
  const flagsAt = pad8(codesAt + codeBytes);
  const valuesAt = pad8(flagsAt + n);
  const total = valuesAt + keys.length * n * 8;
  const out = new Uint8Array(total);
  const dv = new DataView(out.buffer);
  for (let i = 0; i < 4; i++) out[i] = MAGIC.charCodeAt(i);
  dv.setUint16(4, VERSION, true);
  dv.setUint16(6, keys.length, true);
  dv.setUint32(8, n, true);
  dv.setUint32(12, headBytes.length, true);
  dv.setUint32(16, codeBytes, true);
  out.set(headBytes, headAt);
  let at = codesAt;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  for (let i = 0; i < n; i++) out[flagsAt + i] = rows[i]?.illustrative === false ? 1 : 0;
  keys.forEach((key, k) => {
    const base = valuesAt + k * n * 8;
    for (let i = 0; i < n; i++) {
      const v = rows[i]?.[key];
      dv.setFloat64(base + i * 8, typeof v === 'number' && Number.isFinite(v) ? v : NaN, true);
    }
  });
  return out;
}
