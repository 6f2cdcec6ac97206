import { describe, expect, it } from 'vitest';
import { langReady, viewWords } from '../../../../src/core/i18n/translation.js';
import { zhCN, zhViews } from '../../../../src/core/i18n/zh-cn.js';
import { en, enViews } from '../../../../src/core/i18n/en.js';

// The words of views only some elements show (export menu, table twin, source line) are apart from the shared
// strings, so that the KPI tile's first load does not carry them (issue 16).
describe('view words', () => {
  it('the same keys in both languages, none empty, none among the shared strings', () => {
    expect(Object.keys(zhViews).sort()).toEqual(Object.keys(enViews).sort());
    for (const dict of [zhViews, enViews]) for (const [k, v] of Object.entries(dict)) expect(v.trim(), k).not.toBe('');
    for (const k of Object.keys(zhViews)) {
      expect(k in zhCN, k).toBe(false);
      expect(k in en, k).toBe(false);
    }
    expect(zhViews.showTable).toBe('显示数据表');
    expect(enViews.exportSvg).toBe('Export SVG');
  });
  it('viewWords(lang): Chinese always; English once the English strings have loaded, Chinese before', async () => {
    expect(viewWords('zh-CN')).toBe(zhViews);
    expect(viewWords('en'), 'before the English strings have loaded').toBe(zhViews);
    await langReady('en');
    expect(viewWords('en')).toBe(enViews);
    expect(viewWords('zh-CN')).toBe(zhViews);
  });
});
