/** DOM helpers shared by the growth chart's first picture (growth-chart.ts) and its lazy redraws (growth-chart.marks.ts). */

/** Series colours cycle through this many classes (`s0`…`s7`, `c0`…`c7`). */
export const COLORS = 8;

/** Sets an attribute only when it changes (an unchanged class or coordinate then costs no style invalidation). */
export function setIf(el: Element, name: string, value: string): void {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

/** Coordinates rounded to 0.01 px. */
export const num = (v: number): string => String(Math.round(v * 100) / 100);
