/**
 * maplibre-gl 6 calls `Object.hasOwn` and `Array.prototype.at` (Chrome 93+), also inside its worker.
 * The domestic 信创 browsers report Chrome 90–106, so the library installs these two small polyfills
 * before loading maplibre, on the main thread and (through `workerPrelude`) in the worker.
 * Nothing else in the library needs them: its own code avoids APIs newer than Chrome 90.
 */
export const POLYFILL_SOURCE = `(function(){
if (typeof Object.hasOwn !== 'function') {
  Object.defineProperty(Object, 'hasOwn', { configurable: true, writable: true, value: function (o, k) {
    if (o == null) throw new TypeError('Cannot convert undefined or null to object');
    return Object.prototype.hasOwnProperty.call(Object(o), k);
  } });
}
function at(n) {
  n = Math.trunc(n) || 0;
  if (n < 0) n += this.length;
  if (n < 0 || n >= this.length) return undefined;
  return this[n];
}
var T = [Array, String, typeof Int8Array !== 'undefined' ? Object.getPrototypeOf(Int8Array) : null];
for (var i = 0; i < T.length; i++) {
  var C = T[i];
  if (C && !C.prototype.at) Object.defineProperty(C.prototype, 'at', { configurable: true, writable: true, value: at });
}
})();`;

/** True when this browser lacks what maplibre-gl 6 needs and the polyfills must run (Chrome < 93). */
export function needsPolyfills(): boolean {
  return typeof (Object as unknown as { hasOwn?: unknown }).hasOwn !== 'function' || typeof (Array.prototype as unknown as { at?: unknown }).at !== 'function';
}

/** Installs the polyfills on this thread (no-op when not needed). Uses no eval: the same code as a function. */
export function installPolyfills(): void {
  if (!needsPolyfills()) return;
  const O = Object as unknown as { hasOwn?: (o: object, k: PropertyKey) => boolean };
  if (typeof O.hasOwn !== 'function') {
    Object.defineProperty(Object, 'hasOwn', {
      configurable: true,
      writable: true,
      value: (o: object, k: PropertyKey) => Object.prototype.hasOwnProperty.call(Object(o), k),
    });
  }
  function at(this: ArrayLike<unknown>, n: number): unknown {
    n = Math.trunc(n) || 0;
    if (n < 0) n += this.length;
    if (n < 0 || n >= this.length) return undefined;
    return this[n];
  }
  const typed = typeof Int8Array !== 'undefined' ? (Object.getPrototypeOf(Int8Array) as { prototype: object }) : null;
  for (const C of [Array, String, typed]) {
    if (C && !(C.prototype as { at?: unknown }).at) Object.defineProperty(C.prototype, 'at', { configurable: true, writable: true, value: at });
  }
}
