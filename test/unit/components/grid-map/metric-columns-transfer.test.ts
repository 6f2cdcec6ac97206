// The metrics worker sends the packed codes as bytes (forTransfer: transferred, not cloned); the main thread reads
// them the same as the string: lookups, codes, level lists, top codes, memory.
import { describe, expect, it } from 'vitest';
import { codeAt, columnBytes, columnValues, findSlot, forTransfer, packColumns, topColumnCodes, transferables, type PackedColumns } from '../../../../src/components/grid-map/metric-columns.js';
import { parseMetrics } from '../../../../src/components/grid-map/grid-map.model.js';
import { tileValues } from '../../../../src/components/grid-map/tiles.js';

function packed(codes: string[]): PackedColumns {
  const rows = codes.map((code, i) => ({ code, a: (i * 37) % 11 }));
  return packColumns(tileValues(parseMetrics({ metrics: [{ key: 'a', aggregate: 'sum' }], rows }).value!));
}

const DIGITS = Array.from({ length: 300 }, (_, i) => `500118${String(i % 7).padStart(3, '0')}${String(i).padStart(6, '0')}`);

describe('packed codes for transfer', () => {
  it('Latin-1 codes become bytes that are transferred, and read as the string did', () => {
    const before = packed([...DIGITS, 'Ab-ü', 'ab']);
    const after = packed([...DIGITS, 'Ab-ü', 'ab']);
    const buffers = forTransfer(after);
    expect(after.codes).toBeInstanceOf(Uint8Array);
    expect(buffers).toContain((after.codes as Uint8Array).buffer);
    expect(buffers).toHaveLength(transferables(before).length + 1);
    for (let i = 0; i < before.size; i++) {
      const code = codeAt(before, i);
      expect(codeAt(after, i)).toBe(code);
      expect(findSlot(after, code)).toBe(i);
    }
    for (const miss of ['', '5', '500118000000000x', 'Ab-ü0', 'zz', '中']) expect(findSlot(after, miss)).toBe(findSlot(before, miss));
    const [b, a] = [columnValues(before), columnValues(after)];
    for (const r of [0, 1, 2]) expect(a.codes[r]).toEqual(b.codes[r]);
    expect(topColumnCodes(a, 'a', 2, 5)).toEqual(topColumnCodes(b, 'a', 2, 5));
    expect(columnBytes(after)).toEqual(columnBytes(before));
  });

  it('codes with characters past Latin-1 stay a string (cloned)', () => {
    const p = packed([...DIGITS, '网格-1']);
    const n = transferables(p).length;
    expect(forTransfer(p)).toHaveLength(n);
    expect(typeof p.codes).toBe('string');
    expect(findSlot(p, '网格-1')).toBeGreaterThanOrEqual(0);
  });
});
