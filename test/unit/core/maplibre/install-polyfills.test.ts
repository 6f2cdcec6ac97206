import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installPolyfills, needsPolyfills } from '../../../../src/core/maplibre/polyfills.js';

/** Removes Object.hasOwn and every built-in `at` (as in Chrome 90–92) and restores them afterwards. */
const TypedArray = Object.getPrototypeOf(Int8Array) as { prototype: object };
const targets = [Array.prototype, String.prototype, TypedArray.prototype] as Record<string, unknown>[];
let saved: { hasOwn?: PropertyDescriptor; at: (PropertyDescriptor | undefined)[] };

function removeBuiltIns(which: { hasOwn?: boolean; at?: boolean } = { hasOwn: true, at: true }): void {
  if (which.hasOwn) delete (Object as unknown as Record<string, unknown>).hasOwn;
  if (which.at) for (const p of targets) delete p.at;
}

beforeEach(() => {
  saved = { hasOwn: Object.getOwnPropertyDescriptor(Object, 'hasOwn'), at: targets.map((p) => Object.getOwnPropertyDescriptor(p, 'at')) };
});

afterEach(() => {
  if (saved.hasOwn) Object.defineProperty(Object, 'hasOwn', saved.hasOwn);
  targets.forEach((p, i) => {
    const d = saved.at[i];
    if (d) Object.defineProperty(p, 'at', d);
  });
});

type WithAt<T> = { at(n: number): T | undefined };
const hasOwn = (o: unknown, k: PropertyKey): boolean => (Object as unknown as { hasOwn: (o: unknown, k: PropertyKey) => boolean }).hasOwn(o, k);

function checkBehaviour(): void {
  expect(typeof (Object as unknown as { hasOwn: unknown }).hasOwn).toBe('function');
  expect(hasOwn({ a: 1 }, 'a')).toBe(true);
  expect(hasOwn({ a: 1 }, 'toString')).toBe(false);
  expect(hasOwn('abc', 'length')).toBe(true);
  const arr = [10, 20, 30] as unknown as WithAt<number>;
  expect(arr.at(0)).toBe(10);
  expect(arr.at(2)).toBe(30);
  expect(arr.at(-1)).toBe(30);
  expect(arr.at(-3)).toBe(10);
  expect(arr.at(3)).toBeUndefined();
  expect(arr.at(-4)).toBeUndefined();
  expect(arr.at(1.7)).toBe(20);
  expect(arr.at(NaN)).toBe(10);
  expect(arr.at(-0.5)).toBe(10);
  expect(('abc' as unknown as WithAt<string>).at(-1)).toBe('c');
  expect((new Float32Array([1, 2]) as unknown as WithAt<number>).at(-1)).toBe(2);
  expect(([] as unknown as WithAt<number>).at(0)).toBeUndefined();
  // Installed as non-enumerable methods: for…in over arrays stays clean.
  expect(Object.keys(Array.prototype)).not.toContain('at');
  expect(Object.keys(Object)).not.toContain('hasOwn');
}

// The worker prelude (POLYFILL_SOURCE) is tested in a fresh V8 context in polyfills.test.ts; this file covers
// installPolyfills(), the main-thread path, by removing the built-ins from this realm and restoring them after.
describe('installPolyfills (main thread)', () => {
  it('Node 20 has both built-ins: nothing needed, install is a no-op', () => {
    expect(needsPolyfills()).toBe(false);
    const before = Array.prototype.at;
    installPolyfills();
    expect(Array.prototype.at).toBe(before);
  });
  it('needed when either is missing', () => {
    removeBuiltIns({ hasOwn: true });
    expect(needsPolyfills()).toBe(true);
    Object.defineProperty(Object, 'hasOwn', saved.hasOwn!);
    expect(needsPolyfills()).toBe(false);
    removeBuiltIns({ at: true });
    expect(needsPolyfills()).toBe(true);
  });
  it('installPolyfills provides working Object.hasOwn and .at on arrays, strings and typed arrays', () => {
    removeBuiltIns();
    expect((Array.prototype as unknown as { at?: unknown }).at).toBeUndefined();
    installPolyfills();
    expect(needsPolyfills()).toBe(false);
    checkBehaviour();
  });
  it('installed like the built-ins: writable, configurable, and index-only lookups', () => {
    removeBuiltIns();
    installPolyfills();
    for (const [o, k] of [[Object, 'hasOwn'], [Array.prototype, 'at'], [String.prototype, 'at'], [TypedArray.prototype, 'at']] as const) {
      const d = Object.getOwnPropertyDescriptor(o, k)!;
      expect(d.writable, k).toBe(true);
      expect(d.configurable, k).toBe(true);
      expect(d.enumerable, k).toBe(false);
    }
    // Out of range is undefined even when the array has a property named "-1" or "3".
    const arr = [1, 2, 3] as unknown as WithAt<unknown> & Record<string, unknown>;
    arr['-1'] = 'minus one';
    expect(arr.at(-4)).toBeUndefined();
    expect(arr.at(-1)).toBe(3);
  });
  it('installPolyfills keeps an existing hasOwn when only at is missing', () => {
    const own = (Object as unknown as { hasOwn: unknown }).hasOwn;
    removeBuiltIns({ at: true });
    installPolyfills();
    expect((Object as unknown as { hasOwn: unknown }).hasOwn).toBe(own);
    checkBehaviour();
  });
  it('installPolyfills keeps an existing at when only hasOwn is missing', () => {
    const at = Array.prototype.at;
    removeBuiltIns({ hasOwn: true });
    installPolyfills();
    expect(Array.prototype.at).toBe(at);
    checkBehaviour();
  });
});
