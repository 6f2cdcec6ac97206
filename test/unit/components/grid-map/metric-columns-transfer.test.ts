// The binary metrics file's reader gives the packed codes as ASCII bytes, which the metrics worker transfers (a
// string would be copied: 16 MB for a million codes); the main thread reads them as it reads the JSON path's string:
// lookups, codes, level lists, top codes, memory.
import { describe, expect, it } from 'vitest';
// @ts-expect-error — a plain .mjs build script without types
import { encodeMetricsBinary } from '../../../../scripts/lib/metrics-binary.mjs';
import { codeAt, columnBytes, columnValues, findSlot, parseMetricColumns, rankSlots, topColumnCodes, transferables, withLevelSlots } from '../../../../src/components/grid-map/metric-columns.js';
import { parseMetricsBinary } from '../../../../src/components/grid-map/metrics-binary.js';

const encode = encodeMetricsBinary as (payload: unknown) => Uint8Array;
const CODES = Array.from({ length: 300 }, (_, i) => `500118${String(i % 7).padStart(3, '0')}${String(i).padStart(6, '0')}`).sort();
const PAYLOAD = { metrics: [{ key: 'a', aggregate: 'sum' }], rows: CODES.map((code, i) => ({ code, a: (i * 37) % 11 })) };

describe('packed codes as bytes', () => {
  it('the binary reader gives bytes, transferred, read like the JSON path’s string', () => {
    const file = encode(PAYLOAD);
    const bin = parseMetricsBinary(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer).packed!;
    const json = parseMetricColumns(JSON.stringify(PAYLOAD)).packed!;
    expect(bin.codes).toBeInstanceOf(Uint8Array);
    expect(typeof json.codes).toBe('string');
    expect(transferables(bin)).toContain((bin.codes as Uint8Array).buffer);
    expect(transferables(bin)).toHaveLength(transferables(json).length + 1);
    expect(bin.size).toBe(json.size);
    for (let i = 0; i < json.size; i++) {
      const code = codeAt(json, i);
      expect(codeAt(bin, i)).toBe(code);
      expect(findSlot(bin, code)).toBe(i);
    }
    for (const miss of ['', '5', '500118000', '500118000000000x', 'zz', '中', '5001180000000001']) expect(findSlot(bin, miss)).toBe(findSlot(json, miss));
    const [b, j] = [columnValues(bin), columnValues(json)];
    for (const r of [0, 1, 2]) expect(b.codes[r]).toEqual(j.codes[r]);
    expect(topColumnCodes(b, 'a', 2, 5)).toEqual(topColumnCodes(j, 'a', 2, 5));
    expect(columnBytes(bin)).toEqual(columnBytes(json));
  });

  it('each level’s slot list comes from the worker (withLevelSlots), transferred, and rankSlots reads it without a scan', () => {
    const file = encode(PAYLOAD);
    const plain = parseMetricsBinary(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer).packed!;
    const expected = [0, 1, 2].map((r) => [...rankSlots(plain, r)]);
    expect(expected.map((l) => l.length)).toEqual([7, 7, 300]);
    const bin = withLevelSlots(parseMetricsBinary(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer).packed!);
    expect(bin.byRank!.map((l) => [...l])).toEqual(expected);
    for (const l of bin.byRank!) expect(transferables(bin)).toContain(l.buffer);
    // The worker's lists are the ones used: the main thread does not build its own.
    for (const r of [0, 1, 2]) expect(rankSlots(bin, r)).toBe(bin.byRank![r]);
    expect(columnBytes(bin).total).toBe(columnBytes(plain).total + 4 * bin.size);
  });
});
