/**
 * A3 (session 18): FACTS.md says everything invented is marked illustrative on screen. The demo's 茶叶大厦小区网格 row
 * is real (`illustrative: false`, households 287 and partyMembers 24 from the 2022 report) but lists its invented
 * metrics in `illustrativeKeys` (volunteers, issuesReported, issuesResolved, resolutionRate). The tooltip must not
 * show those invented values as real, with the report as their source.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseGeometry } from '../../src/components/grid-map/geometry.js';
import { joinMetrics, parseMetrics, styleView } from '../../src/components/grid-map/grid-map.model.js';
import { computeView } from '../../src/components/grid-map/unit-view.js';
import { GridViewModel, memoryUnits, tileUnits } from '../../src/components/grid-map/view-model.js';
import { gridMapTerms } from '../../src/components/grid-map/grid-map.i18n.js';
import { classify, legendModel } from '../../src/components/grid-map/classify.js';
import { levelValues, tileValues } from '../../src/components/grid-map/tiles.js';

const demo = (n: string) => JSON.parse(readFileSync(new URL(`../../demo/data/${n}`, import.meta.url), 'utf8'));
const CHAYE = '500118002007003';
const geo = parseGeometry(demo('grids.geojson')).value!;
const data = parseMetrics(demo('grid-metrics.json')).value!;
const joined = joinMetrics(geo, data);
const spec = { kind: 'quantile', classes: 5 } as const;

function memoryTip(key: string) {
  const metric = data.metrics.find((m) => m.key === key)!;
  const view = computeView(geo, 2, '');
  const st = styleView(view, joined.values.get(key), spec);
  const units = memoryUnits(geo, view.shown, joined, key);
  return new GridViewModel({ lang: 'zh-CN', terms: gridMapTerms['zh-CN'], metric, classifier: st.classifier, legend: st.legend, hidden: new Set(), units }).tooltip(CHAYE);
}

function tilesTip(key: string) {
  const metric = data.metrics.find((m) => m.key === key)!;
  const tv = tileValues(data);
  const values = levelValues(tv, metric, 2);
  const classifier = classify(values, spec);
  const units = tileUnits(tv, 2, key, { name: () => undefined, parent: () => undefined, properties: () => undefined });
  return new GridViewModel({ lang: 'zh-CN', terms: gridMapTerms['zh-CN'], metric, classifier, legend: legendModel(classifier, values), hidden: new Set(), units }).tooltip(CHAYE);
}

describe('a real row with invented metrics (illustrativeKeys)', () => {
  it('the demo row is as described', () => {
    const row = demo('grid-metrics.json').rows.find((r: { code: string }) => r.code === CHAYE);
    expect(row.illustrative).toBe(false);
    expect(row.households).toBe(287);
    expect(row.partyMembers).toBe(24);
    expect(row.illustrativeKeys).toEqual(expect.arrayContaining(['volunteers', 'resolutionRate']));
  });
  for (const key of ['volunteers', 'issuesReported', 'issuesResolved', 'resolutionRate'])
    it(`${key}: the invented value is marked 示例 (memory and tiles mode)`, () => {
      expect(memoryTip(key).illustrative).toBe(true);
      expect(tilesTip(key).illustrative).toBe(true);
    });
  it('households (287, from the report): shown as real in memory mode', () => {
    expect(memoryTip('households').illustrative).toBe(false);
    expect(memoryTip('households').value).toBe('户数: 287户');
  });
});
