// Tiles mode with metrics from the worker (columns, src/components/grid-map/metric-columns.ts) gives the same legend,
// table pages, tooltips and tour as the same rows joined on the main thread (tileValues): columnUnits, rankSlots,
// topColumnCodes against tileUnits / GridViewModel.
import { describe, expect, it } from 'vitest';
import { codeAt, columnUnits, columnValues, packColumns, rankSlots, rankValues, topColumnCodes } from '../../../../src/components/grid-map/metric-columns.js';
import { parseMetrics } from '../../../../src/components/grid-map/grid-map.model.js';
import { classify, legendModel } from '../../../../src/components/grid-map/classify.js';
import { levelValues, tileValues } from '../../../../src/components/grid-map/tiles.js';
import { GridViewModel, tileUnits } from '../../../../src/components/grid-map/view-model.js';
import { gridMapTerms } from '../../../../src/components/grid-map/grid-map.i18n.js';

const rows = [];
for (let s = 1; s <= 3; s++)
  for (let c = 1; c <= 4; c++)
    for (let g = 1; g <= 6; g++) {
      const code = `500118${String(s).padStart(3, '0')}${String(c).padStart(3, '0')}${String(g).padStart(3, '0')}`;
      rows.push({ code, households: (s * 37 + c * 11 + g * 5) % 97, rate: ((s + c + g) % 7) / 3, ...(g === 2 ? { illustrative: false } : {}) });
    }
const DATA = parseMetrics({ metrics: [{ key: 'households', label: '户数', aggregate: 'sum' }, { key: 'rate', label: 'r', aggregate: 'mean' }], rows }).value!;
const known = { name: (c: string) => `unit ${c}`, parent: () => undefined, properties: () => undefined };

function models(rank: number, key: 'households' | 'rate') {
  const ref = tileValues(DATA);
  const col = columnValues(packColumns(ref));
  const metric = DATA.metrics.find((m) => m.key === key)!;
  const terms = gridMapTerms['zh-CN'];
  const mk = (values: (number | undefined)[], units: ReturnType<typeof tileUnits>) => {
    const classifier = classify(values, { kind: 'quantile', classes: 4 });
    return new GridViewModel({ lang: 'zh-CN', terms, metric, classifier, legend: legendModel(classifier, values), hidden: new Set(), units });
  };
  return {
    ref,
    col,
    main: mk(levelValues(ref, metric, rank), tileUnits(ref, rank, key, known)),
    cols: mk(rankValues(col, metric, rank), columnUnits(col, rank, key, known)),
  };
}

describe('tiles mode from worker columns = from rows joined on the main thread', () => {
  for (const rank of [0, 1, 2])
    for (const key of ['households', 'rate'] as const)
      it(`level ${rank}, ${key}: legend, every table page, tooltips`, () => {
        const { main, cols, col } = models(rank, key);
        expect(cols.legendItems()).toEqual(main.legendItems());
        expect(cols.noDataCount).toBe(main.noDataCount);
        const pages = main.table(0, 5).pages;
        expect(cols.table(0, 5).pages).toBe(pages);
        for (let p = 0; p < pages; p++) expect(cols.table(p, 5)).toEqual(main.table(p, 5));
        for (const slot of rankSlots(col.packed, rank).slice(0, 10)) {
          const code = codeAt(col.packed, slot);
          expect(cols.tooltip(code)).toEqual(main.tooltip(code));
        }
      });

  it('the tour: the highest values of the level, highest first', () => {
    const { ref, col } = models(2, 'households');
    const byValue = ref.codes[2].map((c) => [c, ref.columns.get('households')![ref.slot.get(c)!]] as const).sort((a, b) => b[1] - a[1]);
    const top = topColumnCodes(col, 'households', 2, 8);
    expect(top.map((c) => ref.columns.get('households')![ref.slot.get(c)!])).toEqual(byValue.slice(0, 8).map((e) => e[1]));
    expect(topColumnCodes(col, 'nope', 2, 8)).toEqual([]);
  });

  it('level slots are in code order and cover the level', () => {
    const { ref, col } = models(2, 'households');
    for (const r of [0, 1, 2]) {
      const codes = [...rankSlots(col.packed, r)].map((i) => col.packed.codes.slice(col.packed.offsets[i], col.packed.offsets[i + 1] - 1));
      expect(codes).toEqual([...ref.codes[r]].sort());
    }
  });
});
