/**
 * Value scales of the growth chart: zero-including extents, zero aligned across a left and a right axis, tick counts.
 * `linearScale` (d3-scale's arithmetic without d3-scale's weight, components/common/scales.ts) computes and nices the
 * scales; callers see only the small `LinearScale` shape.
 */
import { linearScale as scaleLinear } from '../../common/scales.js';

/** What the model needs of a linear scale. */
export interface LinearScale {
  (value: number): number;
  domain(): number[];
  ticks(count?: number): number[];
}

/** Extent including zero; [0, 1] when empty or flat at zero. */
export function zeroExtent(values: readonly number[]): [number, number] {
  let lo = 0;
  let hi = 0;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo === 0 && hi === 0) hi = 1;
  return [lo, hi];
}

/**
 * Extends two domains that both contain zero so that zero sits at the same height on both axes
 * (a bar axis and a rate axis side by side). Neither domain shrinks.
 */
export function alignZero(a: [number, number], b: [number, number]): [[number, number], [number, number]] {
  const below = (d: [number, number]) => (d[1] - d[0] === 0 ? 0 : -d[0] / (d[1] - d[0]));
  const f = Math.min(0.95, Math.max(below(a), below(b)));
  const fit = (d: [number, number]): [number, number] => {
    const n = -d[0];
    const p = d[1];
    if (f <= 0) return [0, p];
    const needN = (f / (1 - f)) * p;
    if (needN >= n) return [-needN, p];
    return [-n, ((1 - f) / f) * n];
  };
  return [fit(a), fit(b)];
}

/** Number of y ticks for a plot height. */
export function yTickCount(plotHeight: number, fontSize: number): number {
  return Math.max(2, Math.min(10, Math.floor(plotHeight / (fontSize * 3.2))));
}

/** A linear scale over a zero-including domain, niced for `count` ticks. */
export function niceScale(domain: [number, number], range: [number, number], count: number): LinearScale {
  return scaleLinear().domain(domain).range(range).nice(count);
}

/** `domain` niced for `count` ticks (the domain of `niceScale`). */
export function niceDomain(domain: readonly number[], count: number): number[] {
  return scaleLinear().domain(domain).nice(count).domain();
}

/** Coordinates in paths rounded to 0.01 px. */
export function round(v: number): number {
  return Math.round(v * 100) / 100;
}

/**
 * The left scale (niced for `count` ticks) and, when there is a right domain, a partner scale whose zero sits at the
 * same height: both domains are niced first, then aligned (alignment only extends a domain). `nice`: the two niced
 * domains before alignment (niceDomain of each).
 */
export function niceAligned(
  left: [number, number],
  right: [number, number] | undefined,
  range: [number, number],
  count: number,
): { scale: LinearScale; partner?: LinearScale; nice: (number[] | undefined)[] } {
  const l = niceDomain(left, count) as [number, number];
  if (!right) return { scale: scaleLinear().domain(l).range(range), nice: [l, undefined] };
  const r = niceDomain(right, count) as [number, number];
  const [la, ra] = alignZero(l, r);
  return { scale: scaleLinear().domain(la).range(range), partner: scaleLinear().domain(ra).range(range), nice: [l, r] };
}
