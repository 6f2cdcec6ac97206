import { describe, expect, it } from 'vitest';
import { datasetToRows, looksLikeDataset } from '../../../../src/data/adapters/echarts-dataset.js';
import { issue } from '../../../../src/data/validate.js';

describe('looksLikeDataset', () => {
  it('recognises the ECharts shapes', () => {
    expect(looksLikeDataset({ dimensions: ['name', 'value'], source: [['a', 1]] })).toBe(true);
    expect(looksLikeDataset({ source: [['name', 'value'], ['a', 1]] })).toBe(true);
    expect(looksLikeDataset({ source: [{ name: 'a' }] })).toBe(true);
    expect(looksLikeDataset({ source: [] })).toBe(true);
    expect(looksLikeDataset({ id: 'x', sourceHeader: true, source: [['a']] })).toBe(true);
  });
  it('rejects other shapes', () => {
    expect(looksLikeDataset({ source: ['a', 'b'] })).toBe(false);
    expect(looksLikeDataset({ source: 'x' })).toBe(false);
    expect(looksLikeDataset({ dimensions: ['a'] })).toBe(false);
    expect(looksLikeDataset({ source: [['a']], title: 'extra key' })).toBe(false);
    expect(looksLikeDataset([{ source: [] }])).toBe(false);
    expect(looksLikeDataset(null)).toBe(false);
  });
  it('dimensions make any source array a dataset', () => {
    expect(looksLikeDataset({ dimensions: ['a'], source: ['x'] })).toBe(true);
  });
});

describe('datasetToRows', () => {
  it('dimensions + array rows', () => {
    expect(datasetToRows({ dimensions: ['name', 'value'], source: [['中山路', 12], ['胜利路', 7]] })).toEqual({
      rows: [
        { name: '中山路', value: 12 },
        { name: '胜利路', value: 7 },
      ],
      issues: [],
    });
  });
  it('dimension objects and bad dimensions', () => {
    expect(datasetToRows({ dimensions: ['n', { name: 'v' }, 3], source: [['a', 1, 2]] })).toEqual({
      rows: [{ n: 'a', v: 1, dim2: 2 }],
      issues: [issue('dimensions[2]', 'type', 'expected a dimension name')],
    });
  });
  it('a dimension object without a string name is reported', () => {
    expect(datasetToRows({ dimensions: [{ name: 5 }, { type: 'number' }], source: [[1, 2]] })).toEqual({
      rows: [{ dim0: 1, dim1: 2 }],
      issues: [issue('dimensions[0]', 'type', 'expected a dimension name'), issue('dimensions[1]', 'type', 'expected a dimension name')],
    });
  });
  it('header row', () => {
    expect(datasetToRows({ source: [['name', 'value', 7], ['a', 1, 2]] })).toEqual({ rows: [{ name: 'a', value: 1, dim2: 2 }], issues: [] });
  });
  it('object rows pass through', () => {
    const row = { name: 'a', value: 1 };
    const r = datasetToRows({ source: [row] });
    expect(r.rows[0]).toBe(row);
    expect(r.issues).toEqual([]);
  });
  it('bad rows are reported with their index and skipped', () => {
    expect(datasetToRows({ source: [['name', 'value'], ['a', 1], 'bad', { x: 1 }, null] })).toEqual({
      rows: [{ name: 'a', value: 1 }, { x: 1 }],
      issues: [issue('source[2]', 'type', 'expected a row (array or object)'), issue('source[4]', 'type', 'expected a row (array or object)')],
    });
  });
  it('sourceHeader false: array rows without dimensions are reported', () => {
    expect(datasetToRows({ source: [[1, 2]], sourceHeader: false }).issues).toEqual([issue('source[0]', 'type', 'expected a row (array or object)')]);
  });
  it('with dimensions the first array row is data, not header', () => {
    expect(datasetToRows({ dimensions: ['a'], source: [['x'], ['y']] }).rows).toEqual([{ a: 'x' }, { a: 'y' }]);
  });
  it('short rows leave missing cells undefined', () => {
    expect(datasetToRows({ dimensions: ['a', 'b'], source: [['x']] }).rows).toEqual([{ a: 'x', b: undefined }]);
  });
});
