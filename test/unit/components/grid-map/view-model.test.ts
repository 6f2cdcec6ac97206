// One view model for both modes (src/components/grid-map/view-model.ts): memory mode (geometry + joined metrics) and
// tiles mode (columnar metric store + the tile set's unit index) give the same legend, table rows and tooltip for
// the same data.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
// @ts-expect-error — a plain .mjs build script without types
import { buildTilesIndex } from '../../../../scripts/lib/tiles-index.mjs';
import { parseGeometry } from '../../../../src/components/grid-map/geometry.js';
import { joinMetrics, parseMetrics, styleView } from '../../../../src/components/grid-map/grid-map.model.js';
import { computeView } from '../../../../src/components/grid-map/unit-view.js';
import { classify, legendModel, type ClassifySpec } from '../../../../src/components/grid-map/classify.js';
import { levelValues, tileValues } from '../../../../src/components/grid-map/tiles.js';
import { parseTilesIndex } from '../../../../src/components/grid-map/tiles-index.js';
import { GridViewModel, memoryUnits, tileUnits } from '../../../../src/components/grid-map/view-model.js';
import { gridMapTerms } from '../../../../src/components/grid-map/grid-map.i18n.js';
import type { Lang } from '../../../../src/core/i18n/lang.js';

const load = (name: string) => JSON.parse(readFileSync(new URL(`../../../fixtures/grid-map/${name}`, import.meta.url), 'utf8'));
const SMALL = load('small.geojson');
const DATA = parseMetrics({
  metrics: [{ key: 'households', label: '户数', labelEn: 'Households', unit: '户', aggregate: 'sum', illustrative: true }],
  rows: [
    { code: '500118002007001', households: 100 },
    { code: '500118002007002', households: 287, illustrative: false },
    { code: '500118002008001', households: 50 },
    { code: '500118002008002', households: 200 },
  ],
}).value!;
const metric = DATA.metrics[0];

function both(lang: Lang, spec: ClassifySpec, hidden = new Set<number>()) {
  const terms = gridMapTerms[lang];
  // memory mode
  const geo = parseGeometry(SMALL).value!;
  const joined = joinMetrics(geo, DATA);
  const view = computeView(geo, 2, '');
  const st = styleView(view, joined.values.get('households'), spec, hidden);
  const memory = new GridViewModel({ lang, terms, metric, classifier: st.classifier, legend: st.legend, hidden, units: memoryUnits(geo, view.shown, joined, 'households') });
  // tiles mode
  const tv = tileValues(DATA);
  const values = levelValues(tv, metric, 2);
  const classifier = classify(values, spec);
  const idx = parseTilesIndex(buildTilesIndex(SMALL)).value!;
  const units = tileUnits(tv, 2, 'households', {
    name: (c) => idx.byCode.get(c)?.name,
    parent: (c) => idx.byCode.get(c)?.parent ?? undefined,
    properties: () => undefined,
  });
  const tiles = new GridViewModel({ lang, terms, metric, classifier, legend: legendModel(classifier, values), hidden, units });
  return { memory, tiles };
}

describe('GridViewModel: memory and tiles mode agree', () => {
  for (const lang of ['zh-CN', 'en'] as const)
    for (const spec of [{ kind: 'quantile', classes: 3 }, { kind: 'thresholds', breaks: [150, 250] }] as ClassifySpec[])
      it(`${lang}, ${spec.kind}: same legend, table rows and tooltips`, () => {
        const { memory, tiles } = both(lang, spec, new Set([1]));
        expect(memory.legendItems().length).toBeGreaterThan(1);
        expect(tiles.legendItems()).toEqual(memory.legendItems());
        expect(tiles.noDataCount).toBe(memory.noDataCount);
        expect(tiles.table(0, 3)).toEqual(memory.table(0, 3));
        expect(tiles.table(1, 3)).toEqual(memory.table(1, 3));
        for (const code of ['500118002007001', '500118002007002', '500118002008002']) expect(tiles.tooltip(code), code).toEqual(memory.tooltip(code));
      });

  it('reads the way the map always did', () => {
    const { memory } = both('en', { kind: 'thresholds', breaks: [150, 250] }, new Set([1]));
    expect(memory.legendItems().map((e) => [e.label, e.count, e.shown])).toEqual([
      ['≤ 149', 2, true],
      ['150–249', 1, false],
      ['≥ 250', 1, true],
    ]);
    expect(memory.table(0, 2)).toMatchObject({ page: 0, pages: 2, total: 4 });
    expect(memory.table(0, 2).rows[1]).toEqual({ code: '500118002007002', name: '茶叶大厦小区网格', value: memory.formatValue(287), klass: '≥ 250' });
    const tip = memory.tooltip('500118002007002');
    expect(tip).toMatchObject({ name: '茶叶大厦小区网格', parent: '萱花路社区', klass: '≥ 250', illustrative: false });
    expect(tip.value).toMatch(/^Households: /);
    expect(memory.tooltip('500118002007001').illustrative).toBe(true); // an illustrative metric, row not marked real
  });
});
