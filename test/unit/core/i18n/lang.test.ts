import { describe, expect, it } from 'vitest';
import { DEFAULT_LANG, LANGS, normaliseLang } from '../../../../src/core/i18n/lang.js';

describe('lang', () => {
  it('ships zh-CN (default) and en', () => {
    expect([...LANGS]).toEqual(['zh-CN', 'en']);
    expect(DEFAULT_LANG).toBe('zh-CN');
  });
  it.each([
    ['zh', 'zh-CN'],
    ['zh-CN', 'zh-CN'],
    ['zh-cn', 'zh-CN'],
    ['ZH-CN', 'zh-CN'],
    ['zh-Hans', 'zh-CN'],
    ['zh-Hans-CN', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['zh_CN', 'zh-CN'],
    ['  zh-CN  ', 'zh-CN'],
    ['en', 'en'],
    ['EN', 'en'],
    ['en-GB', 'en'],
    ['en-US', 'en'],
    ['en_US', 'en'],
    [' en ', 'en'],
  ])('%j → %s', (tag, lang) => {
    expect(normaliseLang(tag)).toBe(lang);
  });
  it.each([null, undefined, '', '   ', 'fr', 'de-DE', 'zhx', 'eng', 'english', 'chinese', 'x-zh'])('%j → undefined', (tag) => {
    expect(normaliseLang(tag)).toBeUndefined();
  });
});
