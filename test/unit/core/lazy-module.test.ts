import { describe, expect, it } from 'vitest';
import { lazyModule } from '../../../src/core/lazy-module.js';

describe('lazyModule', () => {
  it('imports once, shares the promise, and gives the module synchronously once it has arrived', async () => {
    let calls = 0;
    const chunk = lazyModule(async () => ({ n: ++calls }));
    expect(chunk.loaded).toBeUndefined();
    const [a, b] = await Promise.all([chunk.load(), chunk.load()]);
    expect(a).toBe(b);
    expect(calls).toBe(1);
    expect(chunk.loaded).toBe(a);
    expect(await chunk.load()).toBe(a);
    expect(calls).toBe(1);
  });

  it('forgets a failed load, so the next call tries again', async () => {
    let calls = 0;
    const chunk = lazyModule(async () => {
      calls++;
      if (calls === 1) throw new TypeError('Failed to fetch dynamically imported module');
      return { ok: true };
    });
    await expect(chunk.load()).rejects.toThrow('Failed to fetch');
    expect(chunk.loaded).toBeUndefined();
    expect(await chunk.load()).toEqual({ ok: true });
    expect(calls).toBe(2);
    expect(chunk.loaded).toEqual({ ok: true });
  });
});
