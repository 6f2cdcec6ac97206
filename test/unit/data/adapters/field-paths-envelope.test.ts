import { beforeAll, describe, expect, it } from 'vitest';
import { adaptPayload, mapFields } from '../../../../src/data/adapters/index.js';
import { mapGridFields } from '../../../../src/components/kpi-grid/kpi-grid.model.js';
import { loadFieldReader } from '../../../../src/data/adapters/field-map.js';

// Elements' field paths go through field-map.ts, whose reader loads on first use (a DataController waits for it).
beforeAll(() => loadFieldReader());

const response = { code: 0, msg: 'ok', data: { unit: '亿元', list: [{ orgName: '甲', gdp: 1 }, { orgName: '乙', gdp: 2 }] } };

describe('field paths on an envelope: the raw response (devtools) and the unwrapped data', () => {
  it('adaptPayload keeps the raw response beside the unwrapped data', () => {
    const a = adaptPayload(response);
    expect(a.value).toBe(response.data);
    expect(a.outer).toBe(response);
    expect(adaptPayload(response.data).outer).toBeUndefined();
  });

  it('reads data.list[].gdp against the raw response and list[].gdp against the unwrapped data, the same rows', () => {
    const a = adaptPayload(response);
    const raw = mapFields(a.value, { name: 'data.list[].orgName', value: 'data.list[].gdp', unit: 'data.unit' }, a.outer);
    const rel = mapFields(a.value, { name: 'list[].orgName', value: 'list[].gdp', unit: 'unit' }, a.outer);
    expect(raw.issues).toEqual([]);
    expect((raw.value as Array<Record<string, unknown>>).map((r) => [r.name, r.value, r.unit])).toEqual([
      ['甲', 1, '亿元'],
      ['乙', 2, '亿元'],
    ]);
    expect(rel.value).toEqual(raw.value);
  });

  it('falls back to the unwrapped data when the first key exists on the response but the path does not resolve there', () => {
    // The unwrapped data has its own `data` list: `data[].x` does not resolve on the envelope (an object there).
    const nested = { code: 0, msg: '', data: { data: [{ x: 1 }] } };
    const a = adaptPayload(nested);
    expect(mapFields(a.value, { value: 'data[].x' }, a.outer).value).toEqual([{ x: 1, value: 1 }]);
  });

  it('says where it looked when neither resolves', () => {
    const a = adaptPayload(response);
    const r = mapFields(a.value, { value: 'data.rows[].gdp' }, a.outer);
    expect(r.value).toBeUndefined();
    expect(r.issues[0].message).toMatch(/expected an array at "data.rows" \(read against the response and against its unwrapped data\), got nothing/);
  });

  it('an API failure is still an error before any path is read', () => {
    const a = adaptPayload({ code: 500, msg: '服务繁忙', data: null });
    expect(a.apiError).toBe('服务繁忙');
  });

  it('kpi-grid fields: a [] path picks the list, a plain name renames keys inside each item', () => {
    const a = adaptPayload(response);
    expect(mapGridFields(a.value, { value: 'data.list[].gdp', label: 'data.list[].orgName' }, a.outer).value).toEqual([
      { orgName: '甲', gdp: 1, value: 1, label: '甲' },
      { orgName: '乙', gdp: 2, value: 2, label: '乙' },
    ]);
    expect(mapGridFields({ title: 't', items: [{ n: 'a', v: 3 }] }, { value: 'v', label: 'n' }).value).toEqual({ title: 't', items: [{ n: 'a', v: 3, value: 3, label: 'a' }] });
    expect(mapGridFields([{ v: 3 }], { value: 'v' }).value).toEqual([{ v: 3, value: 3 }]);
  });
});
