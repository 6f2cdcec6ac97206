// maplibre-gl 6 needs Object.hasOwn and Array.prototype.at (Chrome 93+); the library injects these polyfills on
// Chrome 90–92, in the page and in maplibre's worker. Run the worker prelude in a fresh V8 context where both
// APIs are removed, as on Chrome 90, and check they behave like the built-ins.
import { describe, expect, it } from 'vitest';
import vm from 'node:vm';
import { POLYFILL_SOURCE, needsPolyfills } from '../../../../src/core/maplibre/polyfills.js';

function oldEngine(): vm.Context {
  const ctx = vm.createContext({});
  vm.runInContext('delete Object.hasOwn; delete Array.prototype.at; delete String.prototype.at; delete Object.getPrototypeOf(Int8Array).prototype.at;', ctx);
  return ctx;
}

describe('maplibre polyfills for Chrome 90–92', () => {
  it('the simulated old engine really lacks the APIs', () => {
    const ctx = oldEngine();
    expect(vm.runInContext('typeof Object.hasOwn + typeof [].at + typeof "".at + typeof new Int8Array(1).at', ctx)).toBe('undefinedundefinedundefinedundefined');
  });

  it('the worker prelude installs Object.hasOwn and .at with built-in semantics', () => {
    const ctx = oldEngine();
    vm.runInContext(POLYFILL_SOURCE, ctx);
    const r = vm.runInContext(
      `JSON.stringify([
        Object.hasOwn({ a: 1 }, 'a'), Object.hasOwn({ a: 1 }, 'toString'), Object.hasOwn(Object.create({ b: 1 }), 'b'),
        [1, 2, 3].at(-1), [1, 2, 3].at(0), [1, 2, 3].at(5) === undefined, [1, 2, 3].at(1.7), 'abc'.at(-1), new Float32Array([4, 5]).at(-2),
        Object.keys([]).includes('at'), (() => { try { Object.hasOwn(null, 'a'); return 'no throw'; } catch (e) { return e instanceof TypeError; } })()
      ])`,
      ctx,
    );
    expect(JSON.parse(r)).toEqual([true, false, false, 3, 1, true, 2, 'c', 4, false, true]);
  });

  it('is idempotent and leaves native implementations alone', () => {
    const ctx = vm.createContext({});
    const before = vm.runInContext('Object.hasOwn', ctx);
    vm.runInContext(POLYFILL_SOURCE + POLYFILL_SOURCE, ctx);
    expect(vm.runInContext('Object.hasOwn', ctx)).toBe(before);
  });

  it('needsPolyfills is false on a modern engine', () => {
    expect(needsPolyfills()).toBe(false);
  });
});
