import { describe, expect, it } from 'vitest';
import { parseMetricColumns, parseMetricColumnsMultiStep } from '../../../../src/components/grid-map/metric-columns.js';

/** Small seeded generator (mulberry32): the same data on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** Grid rows under a few streets/communities, with parents' own rows and bad rows of every kind mixed in. */
function generate(seed: number, opts: { shuffle: boolean; joinKey?: string; declared?: boolean; leafLen?: 15 | 12; tail?: false }) {
  const r = rng(seed);
  const key = opts.joinKey ?? 'code';
  const rows: unknown[] = [];
  const value = () => {
    const x = r();
    if (x < 0.06) return undefined;
    if (x < 0.09) return null;
    if (x < 0.11) return String(Math.round(r() * 100)); // a string: a type issue, not coerced
    if (x < 0.12) return Infinity;
    if (x < 0.13) return 2e15; // out of range
    if (x < 0.14) return true;
    return Math.round(r() * 1000) / (r() < 0.2 ? 7 : 1);
  };
  const row = (code: unknown) => {
    const o: Record<string, unknown> = { [key]: code };
    for (const k of ['a', 'b', 'c', 'd', 'e']) {
      const v = value();
      if (v !== undefined) o[k] = v;
    }
    const f = r();
    if (f < 0.1) o.illustrative = false;
    else if (f < 0.15) o.illustrative = true;
    if (r() < 0.05) o.source = 'survey';
    return o;
  };
  for (let s = 0; s < 4; s++) {
    const street = `5001180${pad(s + 1, 2)}`;
    if (r() < 0.5) rows.push(row(street));
    for (let c = 0; c < 5; c++) {
      const community = street + pad(c + 1, 3);
      if (opts.leafLen === 12) {
        rows.push(row(community));
        continue;
      }
      if (r() < 0.3) rows.push(row(community));
      for (let g = 0; g < 12; g++) rows.push(row(community + pad(g + 1, 3)));
    }
  }
  // Bad and odd rows (tail: false keeps the table in code order, with only bad values and an adjacent duplicate).
  if (opts.tail === false) {
    rows.splice(7, 0, row((rows[6] as Record<string, unknown>)[key]));
    return { metrics: [{ key: 'a', aggregate: 'sum' }, { key: 'b', aggregate: 'mean' }, { key: 'e', aggregate: 'none' }], rows };
  }
  rows.push(null, 7, 'row', [1, 2], row(''), row('  500118001001001 '), row(500118099), row(undefined), row({}));
  rows.push(row('x-bad'), row('5001180010'), row('A00118001001001'), row(rows[20] && (rows[20] as Record<string, unknown>)[key]));
  rows.push(row((rows[5] as Record<string, unknown>)[key]), row((rows[5] as Record<string, unknown>)[key]));
  if (opts.shuffle)
    for (let i = rows.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [rows[i], rows[j]] = [rows[j], rows[i]];
    }
  const metrics = [
    { key: 'a', label: 'A', aggregate: 'sum' },
    { key: 'b', label: 'B', aggregate: 'mean', illustrative: false },
    { key: 'c', label: 'C', aggregate: 'min' },
    { key: 'd', label: 'D', aggregate: 'max' },
    { key: 'e', label: 'E', aggregate: 'none' },
    { key: 'a', label: 'dup' },
    { key: 'f', aggregate: 'median' },
  ];
  return opts.declared === false ? rows : { illustrative: r() < 0.5, metrics, rows };
}

describe('one-pass parseMetricColumns = the former multi-step path', () => {
  const cases: [string, Parameters<typeof generate>[1]][] = [
    ['rows in code order', { shuffle: false }],
    ['rows in code order to the end (no code map)', { shuffle: false, tail: false }],
    ['rows in any order', { shuffle: true }],
    ['another join key', { shuffle: true, joinKey: 'id' }],
    ['metrics inferred from a bare array of rows', { shuffle: true, declared: false }],
    ['12-digit leaves', { shuffle: true, leafLen: 12 }],
  ];
  for (const [name, opts] of cases)
    for (const seed of [1, 2, 3])
      it(`${name} (seed ${seed}): same columns, counts, flags and every issue`, () => {
        const data = generate(seed, opts);
        const joinKey = opts.joinKey ?? 'code';
        const one = parseMetricColumns(data, joinKey, 10_000);
        const multi = parseMetricColumnsMultiStep(data, joinKey, 10_000);
        expect(multi.issueCount).toBeGreaterThan(10); // the generator did put bad rows in
        expect(multi.packed!.size).toBeGreaterThan(multi.rows); // and parents without rows
        expect(one).toEqual(multi);
        // Capped issues and JSON text too.
        expect(parseMetricColumns(JSON.stringify(data), joinKey, 5)).toEqual(parseMetricColumnsMultiStep(JSON.stringify(data), joinKey, 5));
      });

  it('payloads without rows, empty tables and bad JSON', () => {
    for (const input of [42, null, {}, { rows: 'x' }, { rows: [] }, [], '{ not json', { metrics: [{ key: 'a' }], rows: [{ code: '1', a: 1 }] }])
      expect(parseMetricColumns(input)).toEqual(parseMetricColumnsMultiStep(input));
  });
});
