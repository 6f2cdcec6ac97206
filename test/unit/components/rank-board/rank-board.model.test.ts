import { describe, expect, it } from 'vitest';
import { activeRowAfterKey, flipOffsets, keyScrollTop, nextScrollTop, parseRankPayload, rankBoardRows, rankRows, rowName, scrollAt } from '../../../../src/components/rank-board/rank-board.model.js';
import type { RankRow } from '../../../../src/components/rank-board/rank-board.types.js';

const rows = (vals: Array<[string, number | null, string?]>): RankRow[] => vals.map(([id, value, region]) => ({ id, name: id, value, ...(region ? { region } : {}) }));

describe('parseRankPayload', () => {
  it('reads the rank-*.json shape', () => {
    const r = parseRankPayload({ title: '社区办结事项', titleEn: 'Issues resolved', unit: '件', illustrative: true, rows: [{ id: 'a', name: '萱花路社区', value: 12, region: '500118002007' }] });
    expect(r.issues).toEqual([]);
    expect(r.value).toEqual({ title: '社区办结事项', titleEn: 'Issues resolved', unit: '件', illustrative: true, rows: [{ id: 'a', name: '萱花路社区', value: 12, region: '500118002007' }] });
  });

  it('keeps a long unit whole (up to 40 characters, as the KPI tile does; it was cut to 16)', () => {
    const r = parseRankPayload({ unit: 'thousand visitors', rows: [{ name: 'a', value: 1 }] });
    expect(r.value?.unit).toBe('thousand visitors');
    expect(parseRankPayload({ unit: 'x'.repeat(50), rows: [] }).value?.unit).toBe('x'.repeat(40));
  });

  it('accepts a bare array, numeric strings and numeric codes', () => {
    const r = parseRankPayload([{ name: 'a', value: '3', region: 500118002 }]);
    expect(r.value?.rows).toEqual([{ id: 'a', name: 'a', value: 3, region: '500118002' }]);
  });

  it('keeps bad rows visible (dash / unnamed) and reports them with paths', () => {
    const r = parseRankPayload({ rows: [{ name: 'a', value: 'x' }, { value: 5 }, { name: 'c', value: 1e20 }, 7, { name: 'd', value: null }] });
    expect(r.value?.rows.map((x) => [x.id, x.name, x.value])).toEqual([
      ['a', 'a', null],
      ['row-1', undefined, 5],
      ['c', 'c', null],
      ['d', 'd', null],
    ]);
    expect(r.issues.map((i) => `${i.path}:${i.code}`)).toEqual(['rows[0].value:type', 'rows[1].name:required', 'rows[2].value:out-of-range', 'rows[3]:type']);
  });

  it('a row without a value (absent or null) is a warning, not an error: shown last, unranked (README); "" stays an error', () => {
    const r = parseRankPayload({ rows: [{ name: 'a', value: 2 }, { name: 'e' }, { name: 'n', value: null }, { name: 's', value: '' }] });
    expect(r.value?.rows.map((x) => x.value)).toEqual([2, null, null, null]);
    expect(r.issues.map((i) => `${i.path}:${i.code}:${i.severity}`)).toEqual(['rows[1].value:required:warning', 'rows[3].value:required:error']);
  });

  it('de-duplicates ids with a warning', () => {
    const r = parseRankPayload([{ id: 'x', name: 'a', value: 1 }, { id: 'x', name: 'b', value: 2 }]);
    expect(r.value?.rows.map((x) => x.id)).toEqual(['x', 'x#1']);
    expect(r.issues[0]).toMatchObject({ code: 'duplicate', severity: 'warning' });
  });

  it('rejects non-payloads', () => {
    expect(parseRankPayload('nope').value).toBeUndefined();
    expect(parseRankPayload({ title: 't' }).issues[0]).toMatchObject({ path: 'rows', code: 'required' });
  });

  it('reads a string illustrative as a note', () => {
    expect(parseRankPayload({ illustrative: 'names are invented', rows: [] }).value).toMatchObject({ note: 'names are invented' });
  });
});

describe('rankRows', () => {
  it('sorts descending with competition ranks for ties, keeping input order among ties', () => {
    const r = rankRows(rows([['a', 5], ['b', 9], ['c', 5], ['d', 1], ['e', 9]]));
    expect(r.map((x) => `${x.id}${x.rank}`)).toEqual(['b1', 'e1', 'a3', 'c3', 'd5']);
  });
  it('sorts ascending on request', () => {
    expect(rankRows(rows([['a', 5], ['b', 9], ['c', 1]]), 'asc').map((x) => x.id)).toEqual(['c', 'a', 'b']);
  });
  it('an unknown order ranks descending (the default)', () => {
    expect(rankRows(rows([['a', 5], ['b', 9], ['c', 1]]), 'sideways' as never).map((x) => x.id)).toEqual(['b', 'a', 'c']);
  });
  it('puts rows without values last and unranked', () => {
    const r = rankRows(rows([['a', null], ['b', 2]]));
    expect(r.map((x) => [x.id, x.rank])).toEqual([['b', 1], ['a', undefined]]);
  });
  it('computes bar shares against the largest value; negatives draw nothing', () => {
    const r = rankRows(rows([['a', 50], ['b', 100], ['c', -5]]));
    expect(r.map((x) => x.share)).toEqual([1, 0.5, 0]);
    expect(rankRows(rows([['a', 0]]))[0]!.share).toBe(0);
  });
  it('filters by region before ranking', () => {
    const r = rankBoardRows(rows([['a', 5, '500118001001'], ['b', 9, '500118002007'], ['c', 3, '500118002008']]), { region: '500118002' });
    expect(r.map((x) => `${x.id}${x.rank}`)).toEqual(['b1', 'c2']);
  });
  it('picks names by language', () => {
    expect(rowName({ id: 'x', name: '甲', nameEn: 'A', value: 1 }, 'en')).toBe('A');
    expect(rowName({ id: 'x', name: '甲', value: 1 }, 'en')).toBe('甲');
  });
});

describe('scrolling', () => {
  const box = { rowHeight: 40, viewport: 200, content: 400 };
  it('steps one row, snapped, and wraps after the end', () => {
    expect(nextScrollTop(0, { ...box, step: 'row' })).toBe(40);
    expect(nextScrollTop(37, { ...box, step: 'row' })).toBe(80);
    expect(nextScrollTop(180, { ...box, step: 'row' })).toBe(200);
    expect(nextScrollTop(200, { ...box, step: 'row' })).toBe(0);
  });
  it('steps a page in reduced motion', () => {
    expect(nextScrollTop(0, { ...box, step: 'page' })).toBe(200);
    expect(nextScrollTop(200, { ...box, step: 'page' })).toBe(0);
  });
  it('does not scroll when everything fits', () => {
    expect(nextScrollTop(0, { rowHeight: 40, viewport: 400, content: 400, step: 'row' })).toBe(0);
  });
  it('maps keys to positions within bounds', () => {
    expect(keyScrollTop('ArrowDown', 0, box)).toBe(40);
    expect(keyScrollTop('ArrowUp', 0, box)).toBe(0);
    expect(keyScrollTop('PageDown', 40, box)).toBe(200);
    expect(keyScrollTop('PageUp', 200, box)).toBe(0);
    expect(keyScrollTop('End', 0, box)).toBe(200);
    expect(keyScrollTop('Home', 120, box)).toBe(0);
    expect(keyScrollTop('a', 0, box)).toBeUndefined();
  });
  it('eases smoothly between positions', () => {
    expect(scrollAt(0, 40, 0)).toBe(0);
    expect(scrollAt(0, 40, 0.5)).toBe(20);
    expect(scrollAt(0, 40, 1)).toBe(40);
    expect(scrollAt(0, 40, 0.25)).toBeLessThan(10);
  });
});

describe('FLIP offsets', () => {
  it('gives old − new for moved rows only', () => {
    const before = new Map([['a', 0], ['b', 40], ['c', 80]]);
    const after = new Map([['a', 40], ['b', 0], ['c', 80], ['d', 120]]);
    expect([...flipOffsets(before, after)]).toEqual([['a', -40], ['b', 40]]);
  });
});

describe('activeRowAfterKey', () => {
  it('moves by one, by a page, and to the ends, clamped', () => {
    expect(activeRowAfterKey('ArrowDown', 0, 10, 3)).toBe(1);
    expect(activeRowAfterKey('ArrowUp', 0, 10, 3)).toBe(0);
    expect(activeRowAfterKey('ArrowDown', 9, 10, 3)).toBe(9);
    expect(activeRowAfterKey('PageDown', 3, 10, 3)).toBe(6);
    expect(activeRowAfterKey('PageDown', 8, 10, 3)).toBe(9);
    expect(activeRowAfterKey('PageUp', 2, 10, 3)).toBe(0);
    expect(activeRowAfterKey('Home', 7, 10, 3)).toBe(0);
    expect(activeRowAfterKey('End', 2, 10, 3)).toBe(9);
  });
  it('starts at the first row (End: the last) when none is active', () => {
    expect(activeRowAfterKey('ArrowDown', -1, 5, 3)).toBe(0);
    expect(activeRowAfterKey('ArrowUp', -1, 5, 3)).toBe(0);
    expect(activeRowAfterKey('End', -1, 5, 3)).toBe(4);
  });
  it('ignores other keys and empty lists', () => {
    expect(activeRowAfterKey('Enter', 1, 5, 3)).toBeUndefined();
    expect(activeRowAfterKey('a', 1, 5, 3)).toBeUndefined();
    expect(activeRowAfterKey('ArrowDown', -1, 0, 3)).toBeUndefined();
  });
});
