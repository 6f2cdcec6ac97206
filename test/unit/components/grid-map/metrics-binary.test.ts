// The binary metrics file of tiles mode: written by scripts/lib/metrics-binary.mjs (the tile generator), read by
// src/components/grid-map/metrics-binary.ts in the metrics worker. It must give exactly the packed columns the JSON
// path (parseMetricColumns) gives, and refuse every kind of broken file with one `format` issue and no value.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
// @ts-expect-error — a plain .mjs build script without types
import { encodeMetricsBinary } from '../../../../scripts/lib/metrics-binary.mjs';
import { isBinaryMetricsUrl, parseMetricsBinary, readSortedAsciiForTests } from '../../../../src/components/grid-map/metrics-binary.js';
import { parseMetricColumns, type MetricColumnsResult } from '../../../../src/components/grid-map/metric-columns.js';

const encode = encodeMetricsBinary as (payload: unknown, o?: { joinKey?: string; version?: 1 | 2 }) => Uint8Array;
const DEMO = JSON.parse(readFileSync(new URL('../../../../demo/data/grid-metrics.json', import.meta.url), 'utf8')) as { metrics: unknown[]; rows: Record<string, unknown>[] };
const buf = (u8: Uint8Array): ArrayBuffer => u8.buffer.slice(u8.byteOffset, u8.byteOffset + u8.byteLength) as ArrayBuffer;

/** The packed codes as text (the binary reader's fast path gives bytes, the JSON path a string). */
const codesText = (c: string | Uint8Array): string => (typeof c === 'string' ? c : new TextDecoder().decode(c));

function same(a: MetricColumnsResult, b: MetricColumnsResult): void {
  expect(a.packed, 'packed').toBeDefined();
  expect(codesText(a.packed!.codes)).toBe(codesText(b.packed!.codes));
  expect(a.packed!.size).toBe(b.packed!.size);
  expect([...a.packed!.offsets]).toEqual([...b.packed!.offsets]);
  expect([...a.packed!.rank]).toEqual([...b.packed!.rank]);
  expect([...a.packed!.real]).toEqual([...b.packed!.real]);
  expect(a.packed!.keys).toEqual(b.packed!.keys);
  a.packed!.values.forEach((col, k) => expect([...col], a.packed!.keys[k]).toEqual([...b.packed!.values[k]]));
  expect(a.metrics).toEqual(b.metrics);
  expect([a.illustrative, a.rows, a.withValues]).toEqual([b.illustrative, b.rows, b.withValues]);
}

describe('binary metrics: writer → reader', () => {
  it('gives the JSON path’s packed columns for the demo metrics (8 metrics, parents aggregated)', () => {
    const file = encode(DEMO);
    expect(file.length).toBeLessThan(JSON.stringify(DEMO).length);
    const bin = parseMetricsBinary(buf(file));
    expect(bin.issues).toEqual([]);
    same(bin, parseMetricColumns(JSON.stringify(DEMO)));
  });

  it('version 2 keeps each column in the narrowest exact type; version 1 files (all float64) read the same', () => {
    const payload = {
      metrics: [
        { key: 'u8', aggregate: 'sum' },
        { key: 'u16', aggregate: 'max' },
        { key: 'i32', aggregate: 'min' },
        { key: 'f32', aggregate: 'mean' },
        { key: 'f64', aggregate: 'sum' },
        { key: 'zero', aggregate: 'none' },
      ],
      rows: Array.from({ length: 40 }, (_, i) => ({
        code: `500118${String(i % 3).padStart(3, '0')}${String(i).padStart(6, '0')}`,
        ...(i % 5 ? { u8: i * 6 } : {}),
        u16: i * 1600,
        ...(i % 7 ? { i32: (i - 20) * 100000 } : {}),
        f32: i / 4,
        f64: i / 3,
        zero: i === 3 ? -0 : i,
        ...(i === 9 ? { illustrative: false } : {}),
      })).sort((a, b) => (a.code < b.code ? -1 : 1)),
    };
    const v2 = encode(payload), v1 = encode(payload, { version: 1 });
    const d = new DataView(v2.buffer, v2.byteOffset);
    expect(d.getUint16(4, true)).toBe(2);
    const codesAt = (24 + d.getUint32(12, true) + 7) & ~7;
    const typesAt = (((codesAt + d.getUint32(16, true) + 7) & ~7) + 40 + 7) & ~7; // after the flags (one row is real)
    expect(d.getUint32(20, true)).toBe(1);
    expect([...v2.subarray(typesAt, typesAt + 6)]).toEqual([4, 3, 2, 1, 0, 1]); // -0 stays a float
    expect(v2.length).toBeLessThan(v1.length);
    const a = parseMetricsBinary(buf(v2)), b = parseMetricsBinary(buf(v1));
    expect(a.issues).toEqual([]);
    same(a, b); // (not the JSON path here: JSON has no -0)
    expect(a.packed!.values[5].some((v) => Object.is(v, -0))).toBe(true);
  });

  it('keeps the JSON rules for unsorted rows, repeated and empty codes, missing and out-of-range values, real rows', () => {
    const payload = {
      illustrative: true,
      metrics: [
        { key: 'a', label: 'A', aggregate: 'sum' },
        { key: 'b', label: 'B', aggregate: 'max' },
      ],
      rows: [
        { code: '500118002008002', a: 4, b: 1.5 },
        { code: '500118002007001', a: 1, illustrative: false },
        { code: '', a: 9 },
        { code: '500118002007002', a: 2e15, b: 7 },
        { code: '500118002007001', a: 100 },
        { code: '500118002007', a: 50 },
        { code: '500118002008001', b: -3 },
      ],
    };
    const bin = parseMetricsBinary(buf(encode(payload)));
    const json = parseMetricColumns(JSON.stringify(payload));
    same(bin, json);
    expect(bin.issues.map((i) => [i.path, i.code])).toEqual(json.issues.map((i) => [i.path, i.code]));
    expect(bin.issues.map((i) => i.code)).toEqual(['required', 'out-of-range', 'duplicate']);
  });

  it('byte-level path (sorted ASCII codes): parents’ own rows win, new parents inserted in code order, bad values', () => {
    const payload = {
      metrics: [
        { key: 'a', aggregate: 'sum' },
        { key: 'b', aggregate: 'mean' },
        { key: 'c', aggregate: 'none' },
      ],
      rows: [
        { code: '500118001', a: 1000 },
        { code: '500118001001001', a: 1, b: 2, c: 3 },
        { code: '500118001001002', a: 2, b: 4, illustrative: false },
        { code: '500118001002', a: 70 },
        { code: '500118001002001', a: 5, b: 1e16 },
        { code: '500118002001001', a: 7, b: 8 },
        { code: '500118002003001', a: 9, c: 1 },
        { code: 'x1', a: 3 },
      ],
    };
    const file = encode(payload);
    const bin = parseMetricsBinary(buf(file));
    const json = parseMetricColumns(JSON.stringify(payload));
    same(bin, json);
    expect(bin.issues.map((i) => [i.path, i.code])).toEqual(json.issues.map((i) => [i.path, i.code]));
    expect(bin.packed!.size).toBe(12);
  });

  it('rows out of code order (no repeated code) give the same columns', () => {
    const rows = DEMO.rows.map((r, i) => [(i * 7919) % DEMO.rows.length, r] as const).sort((a, b) => a[0] - b[0]).map((x) => x[1]);
    const payload = { ...DEMO, rows };
    same(parseMetricsBinary(buf(encode(payload))), parseMetricColumns(JSON.stringify(payload)));
  });

  it('reads codes in any script and a custom join key', () => {
    const payload = { metrics: [{ key: 'v' }], rows: [{ id: '重庆-甲', v: 1 }, { id: '重庆-乙', v: 2 }, { id: 'Ωmega', v: 3 }] };
    const bin = parseMetricsBinary(buf(encode(payload, { joinKey: 'id' })), 'id');
    same(bin, parseMetricColumns(JSON.stringify(payload), 'id'));
  });

  it('one-pass reader: random files (parents as rows or not, short and non-digit codes, any order) give the JSON path’s columns', () => {
    let seed = 7;
    const rnd = (k: number) => ((seed = (seed * 1664525 + 1013904223) >>> 0) % k);
    let fast = 0;
    for (let t = 0; t < 150; t++) {
      const set = new Set<string>();
      for (let s = 0; s < 1 + rnd(4); s++) {
        const street = `5001${rnd(3)}${rnd(3)}00${rnd(4)}`;
        if (rnd(4) === 0) set.add(street);
        for (let c = 0; c < 1 + rnd(3); c++) {
          const comm = `${street}00${rnd(4)}`;
          if (rnd(5) === 0) set.add(comm);
          for (let g = 0; g < 1 + rnd(5); g++) set.add(`${comm}00${rnd(9)}`);
        }
      }
      if (rnd(6) === 0) set.add(`A${rnd(99)}`);
      if (rnd(8) === 0) set.add(`${rnd(9)}`);
      const codes = [...set].sort();
      if (rnd(5) === 0) codes.reverse();
      const rows = codes.map((code) => ({ code, v: rnd(10) === 0 ? undefined : rnd(1000), w: rnd(3) === 0 ? 1e16 : rnd(50) / 4, ...(rnd(7) === 0 ? { illustrative: false } : {}) }));
      const payload = { metrics: [{ key: 'v', aggregate: 'sum' }, { key: 'w', aggregate: ['mean', 'min', 'max', 'none'][rnd(4)] }], rows };
      const file = encode(payload);
      const bin = parseMetricsBinary(buf(file));
      const json = parseMetricColumns(JSON.stringify(payload));
      same(bin, json);
      expect(bin.issues.map((i) => [i.path, i.code])).toEqual(json.issues.map((i) => [i.path, i.code]));
      if (readSortedAsciiForTests(file)) fast++;
    }
    expect(fast).toBeGreaterThan(60); // most of these files take the one-pass path
  });

  it('one-pass reader: the generator’s usual file (grids only, sorted) takes it; a community row before its street does not', () => {
    const grids = { metrics: [{ key: 'v' }], rows: ['500118001001001', '500118001001002', '500118001002001', '500118002001001'].map((code, i) => ({ code, v: i })) };
    expect(readSortedAsciiForTests(encode(grids))?.size).toBe(4 + 2 + 3);
    const communityFirst = { metrics: [{ key: 'v' }], rows: ['500118001001', '500118001001001'].map((code, i) => ({ code, v: i })) };
    expect(readSortedAsciiForTests(encode(communityFirst))).toBeUndefined();
    same(parseMetricsBinary(buf(encode(communityFirst))), parseMetricColumns(JSON.stringify(communityFirst)));
  });

  it('recognises a binary src by its path', () => {
    expect(isBinaryMetricsUrl('/data/metrics.cgmb')).toBe(true);
    expect(isBinaryMetricsUrl('https://x.test/m.CGMB?v=3#a')).toBe(true);
    expect(isBinaryMetricsUrl('/data/metrics.json')).toBe(false);
    expect(isBinaryMetricsUrl('/data/metrics.json?f=.cgmb')).toBe(false);
  });
});

describe('binary metrics: a broken file is refused (one format issue, no value)', () => {
  const good = encode(DEMO);
  const dv = (u8: Uint8Array) => new DataView(u8.buffer, u8.byteOffset, u8.byteLength);
  const edited = (f: (u8: Uint8Array) => void): Uint8Array => {
    const c = good.slice();
    f(c);
    return c;
  };
  const cases: [string, Uint8Array, RegExp][] = [
    ['empty', new Uint8Array(0), /shorter than its 24-byte head/],
    ['head cut', good.slice(0, 20), /shorter than its 24-byte head/],
    ['truncated', good.slice(0, good.length - 8), /truncated/],
    ['cut inside the codes', good.slice(0, 300), /truncated/],
    ['extra bytes', (() => { const c = new Uint8Array(good.length + 8); c.set(good); return c; })(), /bytes after/],
    ['wrong magic', edited((u) => (u[0] = 0x7b)), /not a grid metrics file/],
    ['wrong version', edited((u) => dv(u).setUint16(4, 3, true)), /version 3 is not supported/],
    ['more rows declared', edited((u) => dv(u).setUint32(8, dv(u).getUint32(8, true) + 1, true)), /truncated/],
    // (version 2: the type bytes then move into the flags, so the columns' sizes no longer add up either way)
    ['fewer rows declared', edited((u) => dv(u).setUint32(8, dv(u).getUint32(8, true) - 8, true)), /bytes after|truncated/],
    ['fewer rows declared, version 1', (() => { const c = encode(DEMO, { version: 1 }); dv(c).setUint32(8, dv(c).getUint32(8, true) - 8, true); return c; })(), /bytes after/],
    ['fewer metric columns', edited((u) => dv(u).setUint16(6, 7, true)), /bytes after/],
    ['header not JSON', edited((u) => (u[24] = 0x21)), /header is not JSON/],
    ['front coding corrupt', edited((u) => (u[dv(u).getUint32(12, true) + 24 + ((8 - ((dv(u).getUint32(12, true) + 24) % 8)) % 8)] = 9)), /shares 9 bytes/],
  ];
  for (const [name, bytes, message] of cases) {
    it(name, () => {
      const r = parseMetricsBinary(buf(bytes));
      expect(r.packed).toBeUndefined();
      expect(r.issues.filter((i) => i.code === 'format')).toHaveLength(1);
      expect(r.issues[r.issues.length - 1].message).toMatch(message);
    });
  }

  it('an unknown column type', () => {
    const payload = { metrics: [{ key: 'a' }], rows: [{ code: '1', a: 1 }] };
    const c = encode(payload);
    const d = new DataView(c.buffer);
    const codesAt = (24 + d.getUint32(12, true) + 7) & ~7;
    const typesAt = (codesAt + d.getUint32(16, true) + 7) & ~7; // no flags section: no row says illustrative: false
    expect(d.getUint32(20, true)).toBe(0);
    expect(c[typesAt]).toBe(4); // uint8
    c[typesAt] = 9;
    const r = parseMetricsBinary(buf(c));
    expect(r.packed).toBeUndefined();
    expect(r.issues[0].message).toMatch(/column 0 has the unknown type 9/);
  });

  it('a header whose metric count differs from the columns', () => {
    const payload = { metrics: [{ key: 'a' }, { key: 'b' }], rows: [{ code: '1', a: 1, b: 2 }] };
    const c = encode(payload);
    // rewrite the header JSON in place with one metric fewer (same length: pad with blanks)
    const h = new DataView(c.buffer).getUint32(12, true);
    const text = JSON.stringify({ metrics: [{ key: 'a' }] }).padEnd(h, ' ');
    c.set(new TextEncoder().encode(text), 24);
    const r = parseMetricsBinary(buf(c));
    expect(r.packed).toBeUndefined();
    expect(r.issues[0].message).toMatch(/declares 1 metrics, its columns are 2/);
  });
});
