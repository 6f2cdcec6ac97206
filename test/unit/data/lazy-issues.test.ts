// src/data/lazy-issues.ts is a second copy of core/issues/issue.ts's helpers for the lazily loaded data code (issue 16:
// a first-load module imported by lazy chunks becomes a chunk of its own in users' bundles). Both copies must agree.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe as group, expect, it } from 'vitest';
import * as core from '../../../src/core/issues/issue.js';
import * as lazy from '../../../src/data/lazy-issues.js';

const SAMPLES: unknown[] = [null, undefined, '', 'abc', 'x'.repeat(60), 0, -1.5, NaN, Infinity, [], [1, 2], {}, { a: 1 }, true, 10n, Symbol.iterator, () => 1, new Date(0)];

group('lazy-issues.ts, the lazy data code\'s copy of the issue helpers', () => {
  it('describe and isRecord answer like core/issues/issue.ts for every kind of value', () => {
    for (const v of SAMPLES) {
      expect(lazy.describe(v), String(typeof v)).toBe(core.describe(v));
      expect(lazy.isRecord(v), String(typeof v)).toBe(core.isRecord(v));
    }
  });

  it('issue builds the same issue, error by default', () => {
    expect(lazy.issue('rows[1].value', 'type', 'expected a number')).toEqual(core.issue('rows[1].value', 'type', 'expected a number'));
    expect(lazy.issue('$', 'patch', 'm', 'warning')).toEqual(core.issue('$', 'patch', 'm', 'warning'));
  });

  it('the first-load code never imports the lazy copy (it would be split out again)', () => {
    const root = resolve(__dirname, '../../../src');
    const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
    const lazyOnly = /src\/data\/(src-path|lazy-issues|push\/[\w-]+|adapters\/(csv|envelope|echarts-dataset|shapes|field-map\.impl))\.ts$/;
    // Any relative path, either quote, static or dynamic (`from '../../data/lazy-issues.js'` from a component too).
    const importers = files(root).filter((f) => f.endsWith('.ts') && /(?:from|import\()\s*['"][^'"]*\blazy-issues\.js['"]/.test(readFileSync(f, 'utf8')));
    expect(importers.length).toBeGreaterThan(0);
    for (const f of importers) expect(f, 'imports lazy-issues.ts').toMatch(lazyOnly);
  });
});
