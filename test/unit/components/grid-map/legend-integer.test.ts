/**
 * Class labels never share a bound on whole-number data (A3 s18): quantile breaks such as 63.4 and 341 on counts
 * read "≤ 63", "64–340", "≥ 341" (the classes hold v < 63.4, 63.4 ≤ v < 341, v ≥ 341), in both languages, not
 * "63.4–341" then "341–…".
 */
import { describe, expect, it } from 'vitest';
import { classify, classRangeLabel, legendModel } from '../../../../src/components/grid-map/classify.js';
import { GridViewModel, type UnitsSource } from '../../../../src/components/grid-map/view-model.js';
import { gridMapTerms } from '../../../../src/components/grid-map/grid-map.i18n.js';

const w = { lessThan: (v: string) => `< ${v}`, atMost: (v: string) => `≤ ${v}`, atLeast: (v: string) => `≥ ${v}` };

describe('integer class labels', () => {
  it('rounds fractional breaks to the whole numbers each class holds', () => {
    const c = classify([10, 50, 60, 400, 500], { kind: 'thresholds', breaks: [63.4, 341] });
    expect(c.classes.map((k) => classRangeLabel(k, true, String, w))).toEqual(['≤ 63', '64–340', '≥ 341']);
    // A class that holds one whole number reads as that number; one that holds none keeps its bounds.
    const d = classify([1, 2, 3], { kind: 'thresholds', breaks: [1.5, 2.5, 2.7] });
    expect(d.classes.map((k) => classRangeLabel(k, true, String, w))).toEqual(['≤ 1', '2', '2.5–2.7', '≥ 3']);
  });

  it('no two quantile classes of whole-number data share a bound in the legend (zh-CN and en)', () => {
    const values = Array.from({ length: 43 }, (_, i) => Math.round(10 + i * i * 0.37 + (i % 3)));
    const c = classify(values, { kind: 'quantile', classes: 5 });
    const codes = values.map((_, i) => String(i));
    const units: UnitsSource = { codes, value: (k) => values[Number(k)], name: () => undefined, parentName: () => undefined, property: () => undefined, real: () => false };
    for (const lang of ['zh-CN', 'en'] as const) {
      const vm = new GridViewModel({ lang, terms: gridMapTerms[lang], metric: { key: 'v', label: 'v', aggregate: 'sum', illustrative: true }, classifier: c, legend: legendModel(c, values), units, hidden: new Set() });
      const labels = vm.legendItems().map((i) => i.label);
      expect(c.classes.some((k) => typeof k.min === 'number' && !Number.isInteger(k.min)), 'fractional breaks').toBe(true);
      const nums = labels.map((l) => l.match(/\d+(\.\d+)?/g)!.map(Number));
      expect(labels.join(' | '), 'whole-number bounds').not.toMatch(/\d\.\d/);
      for (let i = 1; i < nums.length; i++) expect(nums[i][0], labels.join(' | ')).toBeGreaterThan(nums[i - 1][nums[i - 1].length - 1]);
    }
  });
});
