import { describe, expect, it } from 'vitest';
import { defineTerms, pickTerms, type TermSet } from '../../../../src/core/i18n/terms.js';

const terms = defineTerms({
  'zh-CN': { legend: '图例', nGrids: (n: number) => `${n}个网格` },
  en: { legend: 'Legend', nGrids: (n: number) => `${n} grids` },
});

describe('defineTerms / pickTerms', () => {
  it('defineTerms returns the set unchanged', () => {
    const set = { 'zh-CN': { a: '甲' }, en: { a: 'A' } };
    expect(defineTerms(set)).toBe(set);
  });
  it('picks by language', () => {
    expect(pickTerms(terms, 'zh-CN').legend).toBe('图例');
    expect(pickTerms(terms, 'en').legend).toBe('Legend');
    expect(pickTerms(terms, 'zh-CN').nGrids(12)).toBe('12个网格');
    expect(pickTerms(terms, 'en').nGrids(12)).toBe('12 grids');
  });
  it('falls back to en for a language it does not know', () => {
    expect(pickTerms(terms, 'fr' as never).legend).toBe('Legend');
  });
  it('falls back to en when a locale is missing at runtime', () => {
    const partial = { en: { a: 'A' } } as unknown as TermSet<{ a: string }>;
    expect(pickTerms(partial, 'zh-CN').a).toBe('A');
  });
});
