/**
 * A parent's rate is Σ numerator / Σ denominator over its grids (aggregate 'ratio'), never a mean of the grids' rates,
 * in every data mode (memory join, tileValues, the worker's one-pass columns and the binary file); a parent's value
 * says how many of its grids it covers when some have none (A3 s18 finding 10).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseGeometry } from '../../../../src/components/grid-map/geometry.js';
import { parseMetrics, joinMetrics } from '../../../../src/components/grid-map/grid-map.model.js';
import { tileValues, valueOf } from '../../../../src/components/grid-map/tiles.js';
import { columnValues, parseMetricColumns, parseMetricColumnsMultiStep } from '../../../../src/components/grid-map/metric-columns.js';
import { GridViewModel, memoryUnits, tileUnits } from '../../../../src/components/grid-map/view-model.js';
import { gridMapTerms } from '../../../../src/components/grid-map/grid-map.i18n.js';

const load = (name: string) => JSON.parse(readFileSync(new URL(`../../../fixtures/grid-map/${name}`, import.meta.url), 'utf8'));
const geo = parseGeometry(load('small.geojson')).value!;
const idx = (code: string) => geo.byCode.get(code)!.index;

const RATE = { key: 'rate', label: '办结率', unit: '%', aggregate: 'ratio', numerator: 'done', denominator: 'reported', scale: 100 };
const metrics = [{ key: 'reported', label: '上报', aggregate: 'sum' }, { key: 'done', label: '办结', aggregate: 'sum' }, RATE];
// Grid rates 90 % of 10 and 50 % of 100: the mean of rates is 70 %, the community's rate 59/110 = 53.6 %.
const rows = [
  { code: '500118002007001', reported: 10, done: 9, rate: 90 },
  { code: '500118002007002', reported: 100, done: 50, rate: 50 },
  { code: '500118002008001', reported: 0, done: 0 },
  { code: '500118002008002', reported: 4 }, // no "done": left out of the ratio
];
const payload = { metrics, rows };

describe("aggregate 'ratio'", () => {
  it('parses numerator, denominator and scale', () => {
    const { value, issues } = parseMetrics(payload);
    expect(issues).toEqual([]);
    expect(value!.metrics[2]).toMatchObject({ aggregate: 'ratio', numerator: 'done', denominator: 'reported', scale: 100 });
  });

  it('memory mode: a parent is Σ numerator / Σ denominator × scale over its grids, not the mean of rates', () => {
    const j = joinMetrics(geo, parseMetrics(payload).value!);
    const rate = j.values.get('rate')!;
    expect(rate.get(idx('500118002007'))).toBeCloseTo(5900 / 110, 9);
    expect(rate.has(idx('500118002008'))).toBe(false); // Σ reported over grids with both figures is 0: no value
    expect(rate.get(idx('500118002'))).toBeCloseTo(5900 / 110, 9);
    expect(rate.get(idx('500118002007001'))).toBe(90); // a grid keeps its own figure
  });

  it('tileValues, the one-pass columns and the multi-step columns agree with memory mode', () => {
    const tv = tileValues(parseMetrics(payload).value!);
    expect(valueOf(tv, 'rate', '500118002007')).toBeCloseTo(5900 / 110, 9);
    expect(valueOf(tv, 'rate', '500118002008')).toBeUndefined();
    expect(valueOf(tv, 'rate', '500118002')).toBeCloseTo(5900 / 110, 9);
    for (const r of [parseMetricColumns(payload), parseMetricColumnsMultiStep(payload)]) {
      const cv = columnValues(r.packed!);
      expect(valueOf(cv, 'rate', '500118002007')).toBeCloseTo(5900 / 110, 9);
      expect(valueOf(cv, 'rate', '500118002008')).toBeUndefined();
      expect(valueOf(cv, 'rate', '500118002')).toBeCloseTo(5900 / 110, 9);
    }
  });

  it('reports a ratio naming unknown or missing metrics, and leaves its parents empty', () => {
    const bad = parseMetrics({
      metrics: [
        { key: 'reported' },
        { key: 'a', aggregate: 'ratio', numerator: 'nope', denominator: 'reported' },
        { key: 'b', aggregate: 'ratio', denominator: 'reported' },
        { key: 'c', aggregate: 'ratio', numerator: 'c', denominator: 'reported' },
        { key: 'd', aggregate: 'ratio', numerator: 'reported', denominator: 'reported', scale: 'x' },
      ],
      rows: [{ code: '500118002007001', reported: 1, a: 1, b: 1, c: 1, d: 1 }],
    });
    expect(bad.issues.map((i) => [i.path, i.code])).toEqual([
      ['metrics[2].numerator', 'required'],
      ['metrics[4].scale', 'type'],
      ['metrics[1].numerator', 'unknown-metric'],
      ['metrics[3].numerator', 'unknown-metric'],
    ]);
    expect(bad.value!.metrics.map((m) => m.aggregate)).toEqual(['sum', 'none', 'none', 'none', 'ratio']);
    expect(bad.value!.metrics[4].scale).toBeUndefined();
  });
});

describe('coverage of a parent (n of m grids)', () => {
  const sums = { metrics: [{ key: 'households', aggregate: 'sum' }], rows: [
    { code: '500118002007001', households: 100 },
    { code: '500118002007002', households: 287 },
    { code: '500118002008001', households: 50 },
    { code: '500118002008002' },
  ] };

  it('memory mode counts the grids with a value under each parent, kept only where some have none', () => {
    const j = joinMetrics(geo, parseMetrics(sums).value!);
    const cov = j.coverage.get('households')!;
    expect(cov.get(idx('500118002007'))).toBeUndefined(); // all there
    expect(cov.get(idx('500118002008'))).toEqual([1, 2]);
    expect(cov.get(idx('500118002'))).toEqual([3, 4]);
  });

  it('tileValues counts the grid rows of each parent', () => {
    const tv = tileValues(parseMetrics(sums).value!);
    expect(tv.coverage?.('households', '500118002008')).toEqual([1, 2]);
    expect(tv.coverage?.('households', '500118002')).toEqual([3, 4]);
    expect(tv.coverage?.('households', '500118002007')).toBeUndefined();
  });

  for (const lang of ['zh-CN', 'en'] as const) {
    it(`the tooltip and table twin say "n of m grids" for a partial parent (${lang})`, () => {
      const data = parseMetrics(sums).value!;
      const j = joinMetrics(geo, data);
      const shown = [idx('500118002007'), idx('500118002008')];
      const terms = gridMapTerms[lang];
      const vm = new GridViewModel({ lang, terms, metric: data.metrics[0], units: memoryUnits(geo, shown, j, 'households'), hidden: new Set() });
      const want = lang === 'en' ? '1 of 2 grids' : '2 个网格中 1 个有数据';
      expect(vm.tooltip('500118002008').extra).toContain(lang === 'en' ? 'Covers 1 of 2 grids' : '覆盖：2 个网格中 1 个有数据');
      expect(vm.tooltip('500118002007').extra.join()).not.toMatch(/of|覆盖/);
      const rowsOut = vm.table(0, 10).rows;
      expect(rowsOut.find((r) => r.code === '500118002008')!.value).toContain(want);
      expect(rowsOut.find((r) => r.code === '500118002007')!.value).not.toContain('(');
      const tv = tileValues(data);
      const known = { name: () => undefined, parent: () => undefined, properties: () => undefined };
      const tvm = new GridViewModel({ lang, terms, metric: data.metrics[0], units: tileUnits(tv, 1, 'households', known), hidden: new Set() });
      expect(tvm.tooltip('500118002008').extra).toContain(lang === 'en' ? 'Covers 1 of 2 grids' : '覆盖：2 个网格中 1 个有数据');
    });
  }
});
