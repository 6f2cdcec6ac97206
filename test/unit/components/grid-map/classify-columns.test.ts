// Tiles mode classifies a level straight from the metric columns (rankFinite: a Float64Array of the finite values and
// a count of units without one), not from an array of a million JS numbers. The classes, colours, ranges and legend
// counts must be those of the array path (rankValues → classify → legendModel) for every classification.
import { describe, expect, it } from 'vitest';
import { classify, legendModel, type ClassifySpec } from '../../../../src/components/grid-map/classify.js';
import { columnValues, parseMetricColumns, rankFinite, rankValues } from '../../../../src/components/grid-map/metric-columns.js';

let seed = 3;
const rnd = (k: number) => ((seed = (seed * 1664525 + 1013904223) >>> 0) % k);
const rows: Record<string, unknown>[] = [];
for (let s = 1; s <= 3; s++)
  for (let c = 1; c <= 4; c++)
    for (let g = 1; g <= 30; g++) rows.push({ code: `50011800${s}00${c}0${String(g).padStart(2, '0')}`, v: rnd(9) === 0 ? null : rnd(7) === 0 ? rnd(5) : rnd(100000) / 7, k: rnd(4) });
const r = parseMetricColumns({ metrics: [{ key: 'v', aggregate: 'mean' }, { key: 'k', aggregate: 'max' }], rows });
const tv = columnValues(r.packed!);

describe('classifying a level from the columns', () => {
  const specs: ClassifySpec[] = [
    { kind: 'quantile', classes: 5, scheme: 'viridis' },
    { kind: 'quantize', classes: 4, scheme: 'blues' },
    { kind: 'natural', classes: 5, scheme: 'viridis' },
    { kind: 'thresholds', breaks: [10, 5000, 5000, 9000], scheme: 'ylgnbu' },
    { kind: 'sequential', classes: 5, scheme: 'viridis' },
    { kind: 'categorical', scheme: 'tableau10' },
  ];
  for (const spec of specs)
    for (const [rank, key] of [[2, 'v'], [1, 'v'], [0, 'k'], [2, 'k']] as const)
      it(`${spec.kind}, level ${rank}, ${key}: same classes and legend as the array path`, () => {
        const metric = r.metrics.find((m) => m.key === key);
        const arr = rankValues(tv, metric, rank);
        const a = classify(arr, spec);
        const { values, missing } = rankFinite(tv, metric, rank);
        expect(values.length + missing).toBe(arr.length);
        const b = classify(values, spec);
        expect(b.classes).toEqual(a.classes);
        expect(b.domain).toEqual(a.domain);
        expect(legendModel(b, values, missing)).toEqual(legendModel(a, arr));
        expect(legendModel(a, arr).noData).toBeGreaterThan(rank === 2 && key === 'v' ? 0 : -1);
      });
});
