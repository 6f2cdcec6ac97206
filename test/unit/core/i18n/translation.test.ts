import { describe, expect, it } from 'vitest';
import { langReady, translation } from '../../../../src/core/i18n/translation.js';
import { zhCN } from '../../../../src/core/i18n/zh-cn.js';
import { en } from '../../../../src/core/i18n/en.js';
import { STATUS_WORDS } from '../../../../src/core/render/status-words.js';

describe('core translations', () => {
  it('zh-CN and en have the same keys', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
    // the banner's own words are in status-words.ts, the export menu's and table twin's in zhViews / enViews
    expect(Object.keys(en).length).toBeGreaterThan(6);
  });
  it('each key has the same kind (string or function with the same arity) in both', () => {
    for (const k of Object.keys(en) as (keyof typeof en)[]) {
      const a = en[k];
      const b = zhCN[k];
      expect(typeof b, k).toBe(typeof a);
      if (typeof a === 'function' && typeof b === 'function') expect(b.length, k).toBe(a.length);
    }
  });
  it('no empty strings; functions return non-empty strings', () => {
    for (const dict of [zhCN, en]) {
      for (const [k, v] of Object.entries(dict)) {
        const s = typeof v === 'function' ? (v as (x: unknown) => string)(3) : v;
        expect(typeof s, k).toBe('string');
        expect((s as string).trim(), k).not.toBe('');
      }
    }
  });
  it('the Chinese dictionary is Chinese and the English one is not', () => {
    expect(zhCN.loading).toBe('数据加载中…');
    expect(en.loading).toBe('Loading data…');
    expect(zhCN.illustrative).toBe('示例数据');
    expect(en.illustrative).toBe('Illustrative data');
  });
  it('interpolating strings', () => {
    expect(zhCN.partialData(3)).toBe('部分数据有误（3 处），其余已显示');
  });
  // The full status banner's words load with it (core/render/status-words.ts): the same checks on its table.
  it('status banner words: the same keys and kinds in both languages, non-empty, interpolating', () => {
    const [zw, ew] = [STATUS_WORDS['zh-CN'], STATUS_WORDS.en];
    expect(Object.keys(zw).sort()).toEqual(Object.keys(ew).sort());
    for (const k of Object.keys(ew) as (keyof typeof ew)[]) {
      const [a, b] = [ew[k], zw[k]];
      expect(typeof b, k).toBe(typeof a);
      for (const v of [a, b]) expect(String(typeof v === 'function' ? (v as (x: unknown) => string)(3) : v).trim(), k).not.toBe('');
    }
    expect(zw.httpStatus(500)).toBe('服务器返回 HTTP 500');
    expect(ew.httpStatus(500)).toBe('The server answered HTTP 500');
    expect(ew.nIssues(1)).toBe('1 problem');
    expect(ew.nIssues(3)).toBe('3 problems');
    expect(zw.nIssues(3)).toBe('3 个问题');
    expect(ew.apiError('未登录')).toBe('The API reported an error: 未登录');
    expect(zw.stale('10:00:00')).toBe('数据未更新，显示的是 10:00:00 的数据');
  });
  it('translation(lang) picks the dictionary; the English one once loaded (on first use), Chinese before', async () => {
    expect(translation('zh-CN')).toBe(zhCN);
    expect(langReady('zh-CN'), 'the Chinese strings are always there').toBeUndefined();
    expect(translation('en'), 'before the English strings have loaded').toBe(zhCN);
    const ready = langReady('en');
    expect(ready).toBeInstanceOf(Promise);
    await ready;
    expect(langReady('en'), 'loaded: nothing to wait for').toBeUndefined();
    expect(translation('en')).toEqual(en);
  });
});
