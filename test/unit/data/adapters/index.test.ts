import { describe, expect, it } from 'vitest';
import { ADAPTERS, adaptPayload } from '../../../../src/data/adapters/index.js';
import { issue } from '../../../../src/data/validate.js';

describe('adaptPayload', () => {
  it('lists the adapters', () => {
    expect([...ADAPTERS]).toEqual(['auto', 'none', 'envelope', 'echarts', 'csv']);
  });
  it('auto: plain payloads pass through untouched', () => {
    const p = { grids: [{ code: '1', value: 2 }] };
    expect(adaptPayload(p)).toEqual({ value: p, issues: [] });
    expect(adaptPayload(p).value).toBe(p);
    expect(adaptPayload([1, 2]).value).toEqual([1, 2]);
  });
  it('auto: CSV text → rows', () => {
    expect(adaptPayload('code,value\n1,2')).toEqual({ value: [{ code: '1', value: 2 }], issues: [] });
    expect(adaptPayload('')).toEqual({ value: [], issues: [issue('$', 'text', 'expected JSON or CSV text (a header row and at least one row), got ""')] });
  });
  it('auto: envelope → data → ECharts rows (in this order)', () => {
    const raw = { code: 0, msg: 'ok', data: { dimensions: ['name', 'value'], source: [['a', 1], 'x'] } };
    expect(adaptPayload(raw)).toEqual({
      value: [{ name: 'a', value: 1 }],
      issues: [issue('source[1]', 'type', 'expected a row (array or object)')],
      outer: raw,
    });
  });
  it('auto: failing envelope → apiError and no value', () => {
    expect(adaptPayload({ code: 401, msg: '未登录' })).toEqual({
      value: undefined,
      issues: [issue('code', 'api', 'the API reported failure (code 401): 未登录')],
      apiError: '未登录',
    });
    expect(adaptPayload({ code: 0, msg: 'ok' }).apiError).toBe('no data');
  });
  it('auto: a bare ECharts dataset', () => {
    expect(adaptPayload({ source: [{ a: 1 }] }).value).toEqual([{ a: 1 }]);
  });
  it('none: nothing runs', () => {
    const env = { code: 1, msg: 'x' };
    expect(adaptPayload(env, 'none')).toEqual({ value: env, issues: [] });
    expect(adaptPayload('a,b\n1,2', 'none').value).toBe('a,b\n1,2');
  });
  it('envelope only: unwraps, leaves CSV text and datasets alone', () => {
    expect(adaptPayload({ code: 0, data: { source: [] } }, 'envelope').value).toEqual({ source: [] });
    expect(adaptPayload('a\n1', 'envelope').value).toBe('a\n1');
    expect(adaptPayload({ code: 2, msg: 'no' }, 'envelope').apiError).toBe('no');
  });
  it('echarts only: converts datasets, leaves envelopes alone', () => {
    expect(adaptPayload({ source: [['n'], ['a']] }, 'echarts').value).toEqual([{ n: 'a' }]);
    const env = { code: 1, msg: 'x' };
    expect(adaptPayload(env, 'echarts')).toEqual({ value: env, issues: [] });
    expect(adaptPayload('a\n1', 'echarts').value).toBe('a\n1');
  });
  it('csv only: parses text, leaves envelopes alone', () => {
    expect(adaptPayload('a\n1', 'csv').value).toEqual([{ a: 1 }]);
    const env = { code: 1, msg: 'x' };
    expect(adaptPayload(env, 'csv').value).toBe(env);
    expect(adaptPayload({ source: [{ a: 1 }] }, 'csv').value).toEqual({ source: [{ a: 1 }] });
  });
});
