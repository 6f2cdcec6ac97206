import { describe, expect, it } from 'vitest';
import { mapFields } from '../../../../src/data/adapters/field-map.impl.js';
import { issue } from '../../../../src/data/validate.js';

const payload = {
  unit: '亿元',
  year: 2023,
  data: { list: [{ gdp: 860.9, name: '永川', code: '500118' }, { gdp: 12, name: '江津', extra: true }] },
  other: [{ v: 1 }],
};

describe('mapFields', () => {
  it('no mapping returns the payload itself', () => {
    expect(mapFields(payload, {})).toEqual({ value: payload, issues: [] });
    expect(mapFields(payload, {}).value).toBe(payload);
    expect(mapFields(payload, { value: undefined, label: '  ' }).value).toBe(payload);
  });
  it('maps a list: one row per item with mapped keys and the item\'s own fields', () => {
    const r = mapFields(payload, { value: 'data.list[].gdp', label: 'data.list[].name' });
    expect(r.issues).toEqual([]);
    expect(r.value).toEqual([
      { gdp: 860.9, name: '永川', code: '500118', value: 860.9, label: '永川' },
      { gdp: 12, name: '江津', extra: true, value: 12, label: '江津' },
    ]);
  });
  it('copies root values onto every row', () => {
    const r = mapFields(payload, { value: 'data.list[].gdp', unit: 'unit', period: 'year' });
    expect(r.value).toEqual([
      { gdp: 860.9, name: '永川', code: '500118', value: 860.9, unit: '亿元', period: 2023 },
      { gdp: 12, name: '江津', extra: true, value: 12, unit: '亿元', period: 2023 },
    ]);
  });
  it('a mapped key wins over an item field of the same name', () => {
    const r = mapFields({ list: [{ value: 'old', gdp: 5 }] }, { value: 'list[].gdp' });
    expect(r.value).toEqual([{ value: 5, gdp: 5 }]);
  });
  it('a list path wins over a root path when both map to the same key', () => {
    const r = mapFields({ unit: 'root', list: [{ u: 'item' }] }, { unit: 'list[].u', other: 'unit' });
    expect(r.value).toEqual([{ u: 'item', unit: 'item', other: 'root' }]);
  });
  it('non-object items become rows with only the mapped keys', () => {
    const r = mapFields({ list: [5, null] }, { value: 'list[]', label: 'list[].name' });
    expect(r.value).toEqual([{ value: 5, label: undefined }, { value: null, label: undefined }]);
  });
  it('a root list ([] at the start)', () => {
    const r = mapFields([{ a: 1 }, { a: 2 }], { value: '[].a' });
    expect(r.value).toEqual([{ a: 1, value: 1 }, { a: 2, value: 2 }]);
  });
  it('paths into different lists are reported', () => {
    const r = mapFields(payload, { value: 'data.list[].gdp', label: 'other[].v' });
    expect(r.value).toBeUndefined();
    expect(r.issues).toEqual([issue('$', 'mapping', 'field paths point into different lists (data.list, other)')]);
  });
  it('a list path that is not an array is reported', () => {
    const r = mapFields(payload, { value: 'data.missing[].gdp' });
    expect(r.value).toBeUndefined();
    expect(r.issues).toEqual([issue('data.missing', 'type', 'expected an array at "data.missing", got nothing')]);
    const root = mapFields({ a: 1 }, { value: '[].a' });
    expect(root.issues).toEqual([issue('$', 'type', 'expected an array at "", got an object')]);
  });
  it('without [] the result is one object: the payload plus the mapped keys', () => {
    const r = mapFields({ total: { gdp: 860.9 }, name: '永川' }, { value: 'total.gdp', label: 'name' });
    expect(r).toEqual({ value: { total: { gdp: 860.9 }, name: '永川', value: 860.9, label: '永川' }, issues: [] });
    expect(mapFields([1, 2], { value: '[0]' }).value).toEqual({ value: 1 });
  });
});
