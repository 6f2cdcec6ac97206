import { describe, expect, it } from 'vitest';
import { parsePath, readPath, splitListPath } from '../../../../src/data/adapters/path.js';

describe('readPath', () => {
  const obj = { a: { b: 1, z: 0, n: null }, list: [{ b: 'x' }, { b: 'y' }], data: { list: [{ gdp: 860.9, name: '永川' }, { gdp: 12 }, 'bad', null] } };
  it('nested keys', () => {
    expect(readPath(obj, 'a.b')).toBe(1);
    expect(readPath(obj, 'a.z')).toBe(0);
    expect(readPath(obj, 'a.n')).toBeNull();
    expect(readPath(obj, '  a.b  ')).toBe(1);
  });
  it('array index', () => {
    expect(readPath(obj, 'list[1].b')).toBe('y');
    expect(readPath(obj, 'list[0]')).toEqual({ b: 'x' });
    expect(readPath([10, 20], '[1]')).toBe(20);
    expect(readPath(obj, 'list[5].b')).toBeUndefined();
  });
  it('[] maps over arrays', () => {
    expect(readPath(obj, 'data.list[].gdp')).toEqual([860.9, 12, undefined, undefined]);
    expect(readPath(obj, 'list[].b')).toEqual(['x', 'y']);
    expect(readPath({ a: [{ b: [1, 2] }, { b: [3] }] }, 'a[].b[]')).toEqual([[1, 2], [3]]);
    expect(readPath([1, 2], '[]')).toEqual([1, 2]);
  });
  it('[] on a non-array is undefined', () => {
    expect(readPath(obj, 'a[].b')).toBeUndefined();
  });
  it('missing steps give undefined, never throw', () => {
    expect(readPath(obj, 'a.x.y')).toBeUndefined();
    expect(readPath(obj, 'a.n.b')).toBeUndefined();
    expect(readPath(null, 'a')).toBeUndefined();
    expect(readPath('str', 'length')).toBeUndefined();
    expect(readPath(obj, 'a[0]')).toBeUndefined();
    expect(readPath(obj, 'list.b')).toBeUndefined();
    expect(readPath(undefined, 'a.b')).toBeUndefined();
  });
  it('empty path and $ are the value itself', () => {
    expect(readPath(obj, '')).toBe(obj);
    expect(readPath(obj, '$')).toBe(obj);
    expect(readPath(obj, '$.a.b')).toBe(1);
    expect(readPath(42, '')).toBe(42);
  });
});

describe('parsePath', () => {
  it('steps', () => {
    expect(parsePath('a.b[2][].c')).toEqual([{ key: 'a' }, { key: 'b' }, { index: 2 }, { each: true }, { key: 'c' }]);
    expect(parsePath('$')).toEqual([]);
    expect(parsePath('')).toEqual([]);
    expect(parsePath('$.x')).toEqual([{ key: 'x' }]);
    expect(parsePath('x.$')).toEqual([{ key: 'x' }, { key: '$' }]);
  });
  it('is cached (same array for the same path)', () => {
    expect(parsePath('k.l.m')).toBe(parsePath('k.l.m'));
  });
});

describe('splitListPath', () => {
  it('splits at the first []', () => {
    expect(splitListPath('data.list[].gdp')).toEqual({ list: 'data.list', item: 'gdp' });
    expect(splitListPath('list[].a.b')).toEqual({ list: 'list', item: 'a.b' });
    expect(splitListPath('[].gdp')).toEqual({ list: '', item: 'gdp' });
    expect(splitListPath('rows[]')).toEqual({ list: 'rows', item: '' });
    expect(splitListPath('rows[][0]')).toEqual({ list: 'rows', item: '[0]' });
    expect(splitListPath('rows[][0].x')).toEqual({ list: 'rows', item: '[0].x' });
  });
  it('null without []', () => {
    expect(splitListPath('data.total')).toBeNull();
    expect(splitListPath('a[1].b')).toBeNull();
  });
});
