// describe() (core/issues/issue.ts, and its lazy copy data/lazy-issues.ts) and the period message cut long strings for
// issue messages. They cut by code points: a cut by UTF-16 units can leave half of a character outside the Basic
// Multilingual Plane (CJK Extension B such as 𠀀, emoji) as a lone surrogate, which JSON.stringify then writes as the
// escape text \ud840 in the message (or a page shows as �).
import { describe as group, expect, it } from 'vitest';
import * as core from '../../../../src/core/issues/issue.js';
import * as lazy from '../../../../src/data/lazy-issues.js';
import { parsePeriod } from '../../../../src/core/format/period.js';

const lone = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

group('long strings are cut by code points, never into a lone surrogate', () => {
  for (const [name, d] of [['core', core.describe], ['lazy', lazy.describe]] as const)
    it(`describe (${name}) keeps 40 characters and whole astral ones`, () => {
      // 39 BMP characters, then astral ones: a UTF-16 cut at 40 falls inside the first 𠀀.
      const s = '永'.repeat(39) + '𠀀'.repeat(5);
      const out = d(s);
      expect(out).not.toMatch(lone);
      expect(out).not.toContain('\\u');
      expect(JSON.parse(out.slice(0, -2) + '"')).toBe('永'.repeat(39) + '𠀀');
      expect(out.endsWith('…"')).toBe(true);
      // 40 code points (45 UTF-16 units) is not cut at all.
      const forty = '😀'.repeat(5) + 'a'.repeat(35);
      expect(d(forty)).toBe(JSON.stringify(forty));
      expect(d('😀'.repeat(41))).toBe(JSON.stringify('😀'.repeat(40) + '…'));
      expect(d('😀'.repeat(40) + 'x'.repeat(1e6))).toBe(JSON.stringify('😀'.repeat(40) + '…'));
      expect(d('a'.repeat(81) + '😀')).toBe(JSON.stringify('a'.repeat(40) + '…'));
    });

  it('the period message keeps 30 characters and whole astral ones', () => {
    const s = '年'.repeat(29) + '𠀀𠀀𠀀';
    const msg = parsePeriod(s).error!;
    expect(msg).not.toMatch(lone);
    expect(msg).not.toContain('\\u');
    expect(msg.startsWith(JSON.stringify('年'.repeat(29) + '𠀀…'))).toBe(true);
    const thirty = '🏭'.repeat(30);
    expect(parsePeriod(thirty).error!.startsWith(JSON.stringify(thirty) + ' ')).toBe(true);
  });
});
