// The English wall's ranking read "1,850 件" (A2, session 18): 件 (cases, items), the unit of the demo's
// rank-communities.json and of two of its KPI payloads, is not in the unit table, so English pages append the
// Chinese character. Every unit the demo data uses must read in English without Chinese.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatAmount } from '../../src/core/format/number.js';

const DATA = fileURLToPath(new URL('../../demo/data/', import.meta.url));
const CJK = /[\u3400-\u9fff]/;

describe('units of the demo data in English', () => {
  const units = new Set<string>();
  for (const f of readdirSync(DATA).filter((n) => n.endsWith('.json'))) for (const m of readFileSync(DATA + f, 'utf8').matchAll(/"unit":\s*"([^"]*)"/g)) units.add(m[1]);

  it('the demo data has units (so the check can fail)', () => {
    expect(units.size).toBeGreaterThan(3);
    expect(units.has('件')).toBe(true);
  });

  it('every one reads without Chinese on an English page', () => {
    const chinese = [...units].map((u) => `${u} → ${formatAmount(1850, u, { lang: 'en' })}`).filter((s) => CJK.test(s.split(' → ')[1]));
    expect(chinese).toEqual([]);
  });

  it('件 reads as items', () => {
    expect(formatAmount(1850, '件', { lang: 'en' })).toBe('1,850 items');
    expect(formatAmount(1850, '件', { lang: 'zh-CN' })).toBe('1,850件');
  });
});
