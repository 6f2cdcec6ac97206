/** DOM helpers shared by the growth chart's first picture (growth-chart.plot.ts, growth-chart.build.ts) and its lazy redraws (growth-chart.marks.ts). */

export const NS = 'http://www.w3.org/2000/svg';

/** A node with the values growth-chart.plot.ts's helpers last wrote on it (attribute name → value; `$t` the text), and its bound data. */
export type Cached = Element & { __gc?: Record<string, string>; __data__?: unknown };

/** Series colours cycle through this many classes (`s0`…`s7`, `c0`…`c7`). */
export const COLORS = 8;

/** Sets an attribute only when it changes (an unchanged class or coordinate then costs no style invalidation). */
export function setIf(el: Element, name: string, value: string): void {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

/**
 * Coordinates rounded to 0.01 px: the string `String(Math.round(v * 100) / 100)` gives, made from integers (a double's
 * shortest form costs several times more, and a first picture writes some 300 of them); other values as String does.
 */
export const num = (v: number): string => {
  const n = Math.round(v * 100);
  if (!(n >= 0 && n < 2147483648)) return String(n / 100);
  const i = (n / 100) | 0;
  const f = n - i * 100;
  return f === 0 ? `${i}` : f % 10 === 0 ? `${i}.${f / 10}` : `${i}.${f < 10 ? '0' : ''}${f}`;
};

/** A new node with its attributes (in this order) written and recorded, and its bound data. */
export function node(tag: string, attrs: Record<string, string>, data?: unknown): Element {
  const el = document.createElementNS(NS, tag) as Cached;
  for (const k in attrs) el.setAttribute(k, attrs[k]);
  el.__gc = attrs;
  if (data !== undefined) el.__data__ = data;
  return el;
}
