import { describe, expect, it } from 'vitest';
import { deleteCache, readCache, writeCache } from '../../../src/data/cache.js';

// IndexedDB itself is exercised in the browser tests; in Node there is none, which must quietly mean "no cache".
describe('cache without IndexedDB', () => {
  it('reads nothing and never throws', async () => {
    expect(typeof (globalThis as { indexedDB?: unknown }).indexedDB).toBe('undefined');
    await expect(writeCache('k', '{"a":1}')).resolves.toBeUndefined();
    await expect(readCache('k')).resolves.toBeUndefined();
    await expect(deleteCache('k')).resolves.toBeUndefined();
  });
});
