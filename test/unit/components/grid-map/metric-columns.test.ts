import { describe, expect, it } from 'vitest';
import { codeAt, columnBytes, columnValues, findSlot, packColumns, parseMetricColumns, rankValues, transferables } from '../../../../src/components/grid-map/metric-columns.js';
import { parseMetrics } from '../../../../src/components/grid-map/grid-map.model.js';
import { levelValues, tileValues, valueOf } from '../../../../src/components/grid-map/tiles.js';

const payload = {
  illustrative: true,
  metrics: [
    { key: 'a', label: 'A', aggregate: 'sum' },
    { key: 'b', label: 'B', aggregate: 'max' },
  ],
  rows: [
    { code: '500118001002003', a: 5, b: 1 },
    { code: '500118001002001', a: 2, b: 7 },
    { code: '500118001003001', a: 1 },
    { code: '500118002001001', a: 4, b: 3, illustrative: false },
    { code: '500118001', a: 100 },
    { code: 'x-bad', a: 'seven' },
  ],
};

describe('parseMetricColumns', () => {
  it('gives the same values, levels and flags as the main-thread path (parseMetrics + tileValues)', () => {
    const r = parseMetricColumns(JSON.stringify(payload));
    const ref = tileValues(parseMetrics(payload).value!);
    expect(r.rows).toBe(parseMetrics(payload).value!.rows.length);
    expect(r.metrics.map((m) => m.key)).toEqual(['a', 'b']);
    expect(r.illustrative).toBe(true);
    const tv = columnValues(r.packed!);
    expect(tv.slot.size).toBe(ref.slot.size);
    for (const code of ref.slot.keys())
      for (const k of ['a', 'b']) expect(valueOf(tv, k, code), `${k} ${code}`).toBe(valueOf(ref, k, code));
    for (const rank of [0, 1, 2]) {
      expect([...tv.codes[rank]].sort()).toEqual([...ref.codes[rank]].sort());
      const m = r.metrics[0];
      const sorted = (xs: (number | undefined)[]) => xs.map((x) => x ?? -1).sort((p, q) => p - q);
      expect(sorted(rankValues(tv, m, rank))).toEqual(sorted(levelValues(ref, m, rank)));
    }
    // A parent with its own row keeps its value; one without gets the aggregate of its leaves.
    expect(valueOf(tv, 'a', '500118001')).toBe(100);
    expect(valueOf(tv, 'a', '500118001002')).toBe(7);
    expect(valueOf(tv, 'b', '500118001002')).toBe(7);
    expect(tv.real.has('500118002001001')).toBe(true);
    expect(tv.real.has('500118001002003')).toBe(false);
  });

  it('reports problems like the main-thread path, capped, and never throws', () => {
    const r = parseMetricColumns(payload);
    expect(r.issues.map((i) => i.code)).toEqual(parseMetrics(payload).issues.map((i) => i.code));
    expect(r.issueCount).toBeGreaterThan(0);
    const many = { metrics: [{ key: 'a' }], rows: Array.from({ length: 500 }, (_, i) => ({ code: String(i), a: 'x' })) };
    const capped = parseMetricColumns(many, 'code', 10);
    expect(capped.issues.length).toBe(10);
    expect(capped.issueCount).toBeGreaterThanOrEqual(500);
    const bad = parseMetricColumns('{ not json');
    expect(bad.packed).toBeUndefined();
    expect(bad.issues[0].code).toBe('json');
    expect(parseMetricColumns(42).packed).toBeUndefined();
  });
});

describe('packed columns', () => {
  const tv = tileValues(parseMetrics(payload).value!);
  const p = packColumns(tv);
  it('finds every code by binary search and nothing else', () => {
    for (const code of tv.slot.keys()) expect(codeAt(p, findSlot(p, code))).toBe(code);
    for (const miss of ['', '0', '500118001002002', '5001180010020030', 'zzz', '500118']) expect(findSlot(p, miss)).toBe(-1);
  });
  it('keeps codes sorted and transfers every typed array', () => {
    const codes = Array.from({ length: p.size }, (_, i) => codeAt(p, i));
    expect(codes).toEqual([...codes].sort());
    expect(transferables(p)).toHaveLength(3 + p.values.length);
  });
  it('holds rows in less than twice the raw columns (the ratio a million rows has too)', () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => ({ code: `500118${String(i % 1000).padStart(3, '0')}${String(i).padStart(6, '0')}`, a: i % 97 }));
    const big = packColumns(tileValues(parseMetrics({ metrics: [{ key: 'a', aggregate: 'sum' }], rows }).value!));
    const { total, raw } = columnBytes(big);
    expect(big.size).toBeGreaterThan(200_000);
    expect(total / raw).toBeLessThan(2);
  }, 120_000);
});
