import { describe, expect, it } from 'vitest';
import { looksLikeEnvelope, unwrapEnvelope } from '../../../../src/data/adapters/envelope.js';
import { issue } from '../../../../src/data/validate.js';

describe('unwrapEnvelope: success', () => {
  it.each([0, 200, '0', '200', '00000', true, 'success', 'SUCCESS', 'ok', 'OK'])('code %j unwraps data', (code) => {
    const data = { list: [1] };
    const r = unwrapEnvelope({ code, msg: 'x', data });
    expect(r).toEqual({ matched: true, ok: true, code, message: 'x', data, issues: [] });
    expect(r.data).toBe(data);
  });
  it('other key spellings', () => {
    expect(unwrapEnvelope({ success: true, data: [1] })).toEqual({ matched: true, ok: true, code: true, message: '', data: [1], issues: [] });
    expect(unwrapEnvelope({ status: 'ok', result: [2] }).data).toEqual([2]);
    expect(unwrapEnvelope({ errcode: 0, errmsg: 'ok', results: [3] }).data).toEqual([3]);
    expect(unwrapEnvelope({ code: 200, message: '成功', data: 0 }).data).toBe(0);
    expect(unwrapEnvelope({ code: 0, data: [] }).data).toEqual([]);
  });
});

describe('unwrapEnvelope: failure', () => {
  it('non-success code → api issue with the API message', () => {
    expect(unwrapEnvelope({ code: 500, msg: '服务器错误', data: null })).toEqual({
      matched: true,
      ok: false,
      code: 500,
      message: '服务器错误',
      issues: [issue('code', 'api', 'the API reported failure (code 500): 服务器错误')],
    });
  });
  it('string codes and other keys', () => {
    expect(unwrapEnvelope({ errcode: 40001, errmsg: 'invalid token' })).toEqual({
      matched: true,
      ok: false,
      code: 40001,
      message: 'invalid token',
      issues: [issue('errcode', 'api', 'the API reported failure (errcode 40001): invalid token')],
    });
    expect(unwrapEnvelope({ success: false, message: '无权限', data: null }).issues).toEqual([
      issue('success', 'api', 'the API reported failure (success false): 无权限'),
    ]);
    expect(unwrapEnvelope({ code: 'A0001', msg: '参数错误' }).issues[0].message).toBe('the API reported failure (code "A0001"): 参数错误');
  });
  it('failure without a message', () => {
    const r = unwrapEnvelope({ code: 1, data: null });
    expect(r.message).toBe('code 1');
    expect(r.issues).toEqual([issue('code', 'api', 'the API reported failure (code 1): no message')]);
    expect(unwrapEnvelope({ code: 1, msg: null, data: 1 }).message).toBe('code 1');
  });
  it('success without data', () => {
    const expected = { matched: true, ok: false, code: 0, message: 'no data', issues: [issue('data', 'required', 'the envelope reported success but carries no data')] };
    expect(unwrapEnvelope({ code: 0, msg: 'ok' })).toEqual(expected);
    expect(unwrapEnvelope({ code: 0, msg: 'ok', data: null })).toEqual(expected);
    expect(unwrapEnvelope({ code: 0, msg: 'ok', result: undefined }).issues[0].path).toBe('result');
  });
});

describe('not an envelope', () => {
  it('a payload that merely has a code field passes through', () => {
    const division = { code: '500118', name: '永川区', children: [] };
    expect(unwrapEnvelope(division)).toEqual({ matched: false, ok: true, data: division, issues: [] });
    expect(looksLikeEnvelope(division)).toBe(false);
    expect(looksLikeEnvelope({ code: 500 })).toBe(false);
  });
  it('arrays, primitives, null', () => {
    for (const v of [[{ code: 0, data: 1 }], 'x', 5, null, undefined]) {
      expect(looksLikeEnvelope(v)).toBe(false);
      expect(unwrapEnvelope(v)).toEqual({ matched: false, ok: true, data: v, issues: [] });
    }
  });
  it('a code of another type does not count', () => {
    expect(looksLikeEnvelope({ code: null, msg: 'x', data: 1 })).toBe(false);
    expect(looksLikeEnvelope({ code: { a: 1 }, data: 1 })).toBe(false);
  });
  it('a GeoJSON FeatureCollection with a status is not an envelope', () => {
    expect(looksLikeEnvelope({ type: 'FeatureCollection', status: 0, features: [], data: {} })).toBe(false);
    expect(looksLikeEnvelope({ type: 'Other', status: 0, data: {} })).toBe(true);
  });
  it('needs a message or a data key', () => {
    expect(looksLikeEnvelope({ code: 0, msg: 'x' })).toBe(true);
    expect(looksLikeEnvelope({ code: 0, errMsg: 'x' })).toBe(true);
    expect(looksLikeEnvelope({ code: 0, results: [] })).toBe(true);
    expect(looksLikeEnvelope({ code: 0, rows: [] })).toBe(false);
  });
});

describe('a division record with a data list is not an envelope', () => {
  it('keeps {code, name, data} as the payload', () => {
    const v = { code: '500118', name: '永川区', data: [1, 2] };
    expect(looksLikeEnvelope(v)).toBe(false);
    expect(unwrapEnvelope(v)).toMatchObject({ matched: false, ok: true, data: v });
  });
  it('still unwraps {code: 0, data} without a message', () => {
    expect(unwrapEnvelope({ code: 0, data: [1] })).toMatchObject({ matched: true, ok: true, data: [1] });
  });
});
