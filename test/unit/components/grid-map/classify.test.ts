import { describe, expect, it } from 'vitest';
import { classify, legendModel, naturalBreaks, quantileBreaks, quantizeBreaks, schemeColors, toHex, parseNumberList, parseLabelList } from '../../../../src/components/grid-map/classify.js';

describe('classify', () => {
  it('thresholds: the rural points system (≤4 促进户 / 5–8 文明清洁户 / 9–10 示范文明清洁户)', () => {
    const labels = ['促进户', '文明清洁户', '示范文明清洁户'];
    const c = classify([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], { kind: 'thresholds', breaks: [5, 9], labels });
    const byValue = (v: number) => c.classes[c.classOf(v)].label;
    expect([4, 5, 8, 9, 10, 0].map(byValue)).toEqual(['促进户', '文明清洁户', '文明清洁户', '示范文明清洁户', '示范文明清洁户', '促进户']);
    expect(byValue(4.5)).toBe('促进户'); // a village mean below 5 still "needs improvement"
    const legend = legendModel(c, [10, 9, 9, 7, 3, undefined, NaN]);
    expect(legend.entries.map((e) => e.count)).toEqual([1, 1, 3]);
    expect(legend.noData).toBe(2);
    expect(c.classes[1]).toMatchObject({ min: 5, max: 9 });
  });

  it('quantize: equal intervals', () => {
    expect(quantizeBreaks([0, 10, 100], 4)).toEqual([25, 50, 75]);
    const c = classify([0, 10, 100], { kind: 'quantize', classes: 4 });
    expect([0, 24.9, 25, 99, 100].map(c.classOf)).toEqual([0, 0, 1, 3, 3]);
  });

  it('quantile: equal counts', () => {
    const vals = Array.from({ length: 100 }, (_, i) => i + 1);
    const b = quantileBreaks(vals, 4);
    expect(b).toEqual([25.75, 50.5, 75.25]);
    const leg = legendModel(classify(vals, { kind: 'quantile', classes: 4 }), vals);
    expect(leg.entries.map((e) => e.count)).toEqual([25, 25, 25, 25]);
  });

  it('natural breaks (ckmeans) separate obvious clusters', () => {
    expect(naturalBreaks([1, 2, 3, 10, 11, 12, 30, 31], 3)).toEqual([10, 30]);
    const c = classify([1, 2, 3, 10, 11, 12, 30, 31], { kind: 'natural', classes: 3 });
    expect(c.classes.map((k) => [k.dataMin, k.dataMax])).toEqual([[1, 3], [10, 12], [30, 31]]);
    // fewer distinct values than classes
    expect(naturalBreaks([5, 5, 5], 5)).toEqual([]);
  });

  it('categorical: one class per distinct value with labels', () => {
    const c = classify([3, 1, 1, 2], { kind: 'categorical', labels: ['一', '二', '三'] });
    expect(c.classes.map((k) => [k.value, k.label])).toEqual([[1, '一'], [2, '二'], [3, '三']]);
    expect(c.classOf(4)).toBe(-1);
    expect(new Set(c.classes.map((k) => k.color)).size).toBe(3);
  });

  it('sequential: continuous colours, ends of the scheme at the data extent', () => {
    const c = classify([10, 20, 30], { kind: 'sequential', scheme: 'viridis' });
    expect(c.colorOf(10)).toBe('#440154'); // viridis(0)
    expect(c.colorOf(30)).toBe('#fde725'); // viridis(1)
    expect(c.colorOf(20)).not.toBe(c.colorOf(10));
    expect(c.colorOf(undefined)).toBeUndefined();
  });

  it('never throws on empty or constant data', () => {
    for (const kind of ['sequential', 'quantize', 'quantile', 'natural', 'thresholds', 'categorical'] as const) {
      expect(() => classify([], { kind })).not.toThrow();
      const c = classify([7, 7], { kind });
      expect(c.classOf(7)).toBeGreaterThanOrEqual(0);
    }
  });

  it('colours: hex output, light schemes skip near-white', () => {
    expect(toHex('rgb(255, 0, 16)')).toBe('#ff0010');
    expect(toHex('steelblue')).toBe('#4682b4');
    const blues = schemeColors('blues', 3);
    expect(blues[0]).not.toBe('#f7fbff');
    expect(schemeColors('viridis', 2)).toEqual(['#440154', '#fde725']);
    expect(schemeColors('tableau10', 2)).toEqual(['#4e79a7', '#f28e2c']);
  });

  it('explicit colours override the scheme', () => {
    const c = classify([1, 9], { kind: 'thresholds', breaks: [5], colors: ['red', 'blue'] });
    expect(c.colorOf(1)).toBe('#ff0000');
    expect(c.colorOf(9)).toBe('#0000ff');
  });

  it('parses attribute lists', () => {
    expect(parseNumberList('5, 9')).toEqual([5, 9]);
    expect(parseNumberList('[5,9]')).toEqual([5, 9]);
    expect(parseNumberList('')).toBeUndefined();
    expect(parseLabelList('促进户，文明清洁户，示范文明清洁户')).toEqual(['促进户', '文明清洁户', '示范文明清洁户']);
    expect(parseLabelList('a, b|c')).toEqual(['a, b', 'c']);
  });
});

import { classRangeLabel } from '../../../../src/components/grid-map/classify.js';
describe('classRangeLabel', () => {
  const w = { lessThan: (v: string) => `< ${v}`, atMost: (v: string) => `≤ ${v}`, atLeast: (v: string) => `≥ ${v}` };
  it('writes the points-system ranges the way FACTS.md does', () => {
    const c = classify([0, 4, 5, 8, 9, 10], { kind: 'thresholds', breaks: [5, 9] });
    expect(c.classes.map((k) => classRangeLabel(k, true, String, w))).toEqual(['≤ 4', '5–8', '≥ 9']);
  });
  it('uses half-open ranges for continuous data', () => {
    const c = classify([0, 0.5, 10], { kind: 'quantize', classes: 2 });
    expect(c.classes.map((k) => classRangeLabel(k, false, String, w))).toEqual(['< 5', '≥ 5']);
    const cat = classify([1, 2], { kind: 'categorical' });
    expect(classRangeLabel(cat.classes[1], true, String, w)).toBe('2');
  });
});

describe('naturalBreaks on large data', () => {
  it('samples order statistics above NATURAL_SAMPLE and still finds well-separated clusters', async () => {
    const { naturalBreaks, NATURAL_SAMPLE } = await import('../../../../src/components/grid-map/classify.js');
    // three clusters around 10, 100 and 1000, 3 × 20,000 values
    const values: number[] = [];
    for (let i = 0; i < 20000; i++) values.push(10 + (i % 7), 100 + (i % 11), 1000 + (i % 13));
    expect(values.length).toBeGreaterThan(NATURAL_SAMPLE);
    const b = naturalBreaks(values, 3);
    expect(b).toHaveLength(2);
    expect(b[0]).toBeGreaterThan(16);
    expect(b[0]).toBeLessThanOrEqual(100);
    expect(b[1]).toBeGreaterThan(110);
    expect(b[1]).toBeLessThanOrEqual(1000);
  });
});
