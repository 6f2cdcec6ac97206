import { describe, expect, it } from 'vitest';
import { fillExpression, levelValues, parseTilesRef, prefixParents, rankOfCode, tileValues, valueOf } from '../../../../src/components/grid-map/tiles.js';
import { classify } from '../../../../src/components/grid-map/classify.js';
import { parseMetrics } from '../../../../src/components/grid-map/grid-map.model.js';

const BASE = 'https://gov.example/page/index.html';

describe('parseTilesRef', () => {
  it('tells templates, PMTiles archives and TileJSON apart and resolves relative URLs', () => {
    expect(parseTilesRef('tiles/{z}/{x}/{y}.pbf', BASE)).toEqual({ kind: 'template', url: 'https://gov.example/page/tiles/{z}/{x}/{y}.pbf' });
    expect(parseTilesRef('pmtiles:///data/grids.pmtiles', BASE)).toEqual({ kind: 'pmtiles', url: 'https://gov.example/data/grids.pmtiles' });
    expect(parseTilesRef('PMTiles://https://cdn.example/a.pmtiles', BASE)).toEqual({ kind: 'pmtiles', url: 'https://cdn.example/a.pmtiles' });
    expect(parseTilesRef('/t/tiles.json', BASE)).toEqual({ kind: 'tilejson', url: 'https://gov.example/t/tiles.json' });
    expect(parseTilesRef('  ', BASE)).toBeUndefined();
    expect(parseTilesRef(undefined, BASE)).toBeUndefined();
  });
});

describe('codes', () => {
  it('finds parents by division-code prefix', () => {
    expect(prefixParents('500118002007001')).toEqual(['500118002007', '500118002']);
    expect(prefixParents('500118002007')).toEqual(['500118002']);
    expect(prefixParents('500118002')).toEqual([]);
    expect(prefixParents('G-17')).toEqual([]);
    expect([rankOfCode('500118002007001'), rankOfCode('500118002007'), rankOfCode('500118002')]).toEqual([2, 1, 0]);
  });
});

describe('tileValues', () => {
  const data = parseMetrics({
    metrics: [{ key: 'hh', aggregate: 'sum' }, { key: 'rate', aggregate: 'mean' }],
    rows: [
      { code: '500118002007001', hh: 10, rate: 50 },
      { code: '500118002007002', hh: 20, rate: 100 },
      { code: '500118002008001', hh: 5 },
      { code: '500118002008', hh: 99 }, // a parent row of its own wins over the aggregate
      { code: '500118001001001', hh: 1, rate: 10, illustrative: false },
    ],
  }).value!;
  const tv = tileValues(data);

  it('aggregates leaf rows to communities and streets by prefix, per metric', () => {
    const hh = (c: string) => valueOf(tv, 'hh', c);
    expect(hh('500118002007')).toBe(30);
    expect(hh('500118002008')).toBe(99);
    expect(hh('500118002')).toBe(35); // leaves only: 10 + 20 + 5
    expect(hh('500118001')).toBe(1);
    expect(hh('500118002007001')).toBe(10);
    expect(hh('nope')).toBeUndefined();
    expect(valueOf(tv, 'rate', '500118002007')).toBe(75);
    expect(valueOf(tv, 'rate', '500118002008')).toBeUndefined(); // its own row has no rate, and no leaf has one
    expect(valueOf(tv, 'nope', '500118002007')).toBeUndefined();
    expect(tv.real.has('500118001001001')).toBe(true);
  });

  it('lists codes per level and reads one level in that order', () => {
    expect(tv.codes[2].sort()).toEqual(['500118001001001', '500118002007001', '500118002007002', '500118002008001']);
    expect(tv.codes[1].sort()).toEqual(['500118001001', '500118002007', '500118002008']);
    expect(tv.codes[0].sort()).toEqual(['500118001', '500118002']);
    const m = data.metrics[0];
    const vals = levelValues(tv, m, 0);
    expect(tv.codes[0].map((c, i) => [c, vals[i]]).sort()).toEqual([['500118001', 1], ['500118002', 35]]);
  });
});

describe('fillExpression', () => {
  it('steps through class colours with no-data and hidden classes', () => {
    const c = classify([1, 5, 9], { kind: 'thresholds', breaks: [5, 9], colors: ['#ff0000', '#00ff00', '#0000ff'] });
    const e = fillExpression(c, 'hh', '#eeeeee', new Set([1])) as unknown[];
    expect(e[0]).toBe('case');
    expect(e[3]).toBe('#eeeeee');
    const step = e[2] as unknown[];
    expect(step[0]).toBe('step');
    expect(step.slice(2)).toEqual(['#ff0000', 5, 'rgba(0,0,0,0)', 9, '#0000ff']);
    // the value: feature-state (joined rows) first, then the tile's own property
    expect(JSON.stringify(e[1])).toContain('["feature-state","hh"]');
    expect(JSON.stringify(e[1])).toContain('["get","hh"]');
  });

  it('drops repeated breaks (step stops must rise) and handles categorical and empty data', () => {
    const c = classify([1, 5], { kind: 'thresholds', breaks: [5, 5], colors: ['#111111', '#222222', '#333333'] });
    const step = (fillExpression(c, 'k', '#eee') as unknown[])[2] as unknown[];
    expect(step.filter((x) => typeof x === 'number')).toEqual([5]);
    const cat = classify([1, 2, 2], { kind: 'categorical', colors: ['#aa0000', '#00aa00'] });
    const m = (fillExpression(cat, 'k', '#eee') as unknown[])[2] as unknown[];
    expect(m[0]).toBe('match');
    expect(m.slice(2)).toEqual([1, '#aa0000', 2, '#00aa00', '#eee']);
    const none = classify([], { kind: 'categorical' });
    expect(fillExpression(none, 'k', '#eee')).toEqual(['to-color', '#eee']);
  });
});
