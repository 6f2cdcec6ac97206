/**
 * What the canvas painter's bitmap costs to draw, so a large picture is cut into slices of a few milliseconds each
 * (chain-graph.painter-canvas.ts). Counting items was not enough: a dashed link is rastered dash by dash, and zoomed
 * in a link crossing the graph is thousands of dashes (at 5,000 nodes one slice of 475 `alliance` links took 300 ms
 * while a slice of as many nodes took 1 ms). Each item is given work units from its length on the bitmap (one per
 * dash period for dashed links, one per 40 px for solid ones, plus one); milliseconds per unit are learnt per group
 * (link kind or nodes) from the slices drawn. Also the batching helpers the static picture uses (dash patterns,
 * static groups, a path context that offsets d3 symbols). Pure but for the canvas types.
 */
import type { CanvasPath_D3Shape } from './chain-graph.symbols.js';
import type { ChainLink, ChainNode, LinkKind, NodeType, Point } from './chain-graph.types.js';

export const DASH: Record<LinkKind, number[]> = { supply: [], alliance: [6, 4], 'party-link': [2, 3], service: [8, 3, 2, 3], 'located-in': [12, 4] };
/** Length of one dash pattern (graph units, as the canvas's line dash is in user space); 0 for solid lines. */
export const PERIOD: Record<LinkKind, number> = { supply: 0, alliance: 10, 'party-link': 5, service: 16, 'located-in': 16 };

/** A rectangle in graph units (the part of the graph a bitmap shows). */
export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A link as drawn: from a to b, through control point c when curved. */
export interface LinkPath {
  ax: number;
  ay: number;
  bx: number;
  by: number;
  c?: Point;
}

/**
 * The part of a link inside `r` (graph units), or null when none is. The canvas dashes a whole path, outside the
 * bitmap too: zoomed in, a link crossing the graph was thousands of dashes of which a few hundred showed. The part
 * kept starts a whole number of dash periods (`period`) from the link's start, so the dashes fall where they fell on
 * the whole link (exactly for straight links; for curves on their length sampled at 128 points).
 */
export function clipLink(a: Point, b: Point, c: Point | undefined, r: Rect, period: number): LinkPath | null {
  // Wholly inside (the common case at rest): as it is.
  const bx0 = Math.min(a.x, b.x, c ? c.x : a.x), bx1 = Math.max(a.x, b.x, c ? c.x : a.x), by0 = Math.min(a.y, b.y, c ? c.y : a.y), by1 = Math.max(a.y, b.y, c ? c.y : a.y);
  if (bx0 >= r.x0 && bx1 <= r.x1 && by0 >= r.y0 && by1 <= r.y1) return { ax: a.x, ay: a.y, bx: b.x, by: b.y, c };
  if (bx1 < r.x0 || bx0 > r.x1 || by1 < r.y0 || by0 > r.y1) return null;
  if (!c) {
    // Liang–Barsky.
    const dx = b.x - a.x, dy = b.y - a.y;
    let t0 = 0, t1 = 1;
    for (const [p, q] of [[-dx, a.x - r.x0], [dx, r.x1 - a.x], [-dy, a.y - r.y0], [dy, r.y1 - a.y]]) {
      if (p === 0) {
        if (q < 0) return null;
      } else {
        const t = q / p;
        if (p < 0) t0 = Math.max(t0, t);
        else t1 = Math.min(t1, t);
      }
    }
    if (t0 > t1) return null;
    if (t0 === 0 && t1 === 1) return { ax: a.x, ay: a.y, bx: b.x, by: b.y };
    const len = Math.hypot(dx, dy);
    if (period > 0 && t0 > 0 && len > 0) t0 = (Math.floor((t0 * len) / period) * period) / len;
    return { ax: a.x + t0 * dx, ay: a.y + t0 * dy, bx: a.x + t1 * dx, by: a.y + t1 * dy };
  }
  // A quadratic curve: sampled, the samples inside r (and one either side) kept as one sub-curve.
  const N = 128;
  const at = (t: number): [number, number] => {
    const u = 1 - t;
    return [u * u * a.x + 2 * u * t * c.x + t * t * b.x, u * u * a.y + 2 * u * t * c.y + t * t * b.y];
  };
  let first = -1, last = -1;
  const cum = [0];
  let prev = at(0);
  for (let i = 0; i <= N; i++) {
    const p = i === 0 ? prev : at(i / N);
    if (i > 0) cum.push(cum[i - 1] + Math.hypot(p[0] - prev[0], p[1] - prev[1]));
    prev = p;
    if (p[0] >= r.x0 && p[0] <= r.x1 && p[1] >= r.y0 && p[1] <= r.y1) {
      if (first < 0) first = i;
      last = i;
    }
  }
  // No sample inside: the curve may still cross a corner between two samples; kept whole (its box meets r).
  if (first < 0) return { ax: a.x, ay: a.y, bx: b.x, by: b.y, c };
  let t0 = Math.max(0, first - 1) / N;
  const t1 = Math.min(N, last + 1) / N;
  if (t0 === 0 && t1 === 1) return { ax: a.x, ay: a.y, bx: b.x, by: b.y, c };
  if (period > 0 && t0 > 0) {
    // Back to the last whole period before t0, on the sampled length.
    const i0 = Math.round(t0 * N);
    const d = Math.floor(cum[i0] / period) * period;
    let j = i0;
    while (j > 0 && cum[j] > d) j--;
    t0 = (j + (cum[j + 1] > cum[j] ? (d - cum[j]) / (cum[j + 1] - cum[j]) : 0)) / N;
  }
  // The sub-curve on [t0, t1]: end points on the curve, control point by blossoming.
  const [ax, ay] = at(t0), [bx, by] = at(t1);
  const w0 = (1 - t0) * (1 - t1), w1 = (1 - t0) * t1 + t0 * (1 - t1), w2 = t0 * t1;
  return { ax, ay, bx, by, c: { x: w0 * a.x + w1 * c.x + w2 * b.x, y: w0 * a.y + w1 * c.y + w2 * b.y } };
}
/** A solid link costs one unit per this many device px of length (a dashed one one per dash period). */
const SOLID_PX_PER_UNIT = 40;

/** One batch of the static picture: links of one kind or nodes of one type, dimmed or not. */
export type StaticGroup = { links: true; kind: LinkKind; dim: boolean; items: ChainLink[] } | { links: false; type: NodeType; dim: boolean; items: ChainNode[] };

/** Learnt milliseconds per work unit, per group kind, for the slices of the bitmap. */
export class RasterCost {
  private perKey = new Map<string, number>();
  private avg = 0;

  private static key(g: StaticGroup): string {
    return g.links ? g.kind : 'nodes';
  }

  /**
   * Work units of item i of group g at `scale` device px per graph unit: 1 for a node; for a link 1 plus the length of
   * its part inside `r` (a curve by its control polygon) per dash period or per 40 px.
   */
  units(g: StaticGroup, i: number, pos: ReadonlyMap<string, Point>, ctl: ReadonlyMap<ChainLink, Point>, scale: number, r: Rect): number {
    if (!g.links) return 1;
    const l = g.items[i];
    const a = pos.get(l.source), b = pos.get(l.target);
    const p = a && b ? clipLink(a, b, ctl.get(l), r, PERIOD[g.kind]) : null;
    if (!p) return 1;
    const len = p.c ? Math.hypot(p.c.x - p.ax, p.c.y - p.ay) + Math.hypot(p.bx - p.c.x, p.by - p.c.y) : Math.hypot(p.bx - p.ax, p.by - p.ay);
    const period = PERIOD[g.kind] * scale;
    return 1 + (len * scale) / (period > 0 ? Math.max(1, period) : SOLID_PX_PER_UNIT);
  }

  /** Units of a whole group. */
  groupUnits(g: StaticGroup, pos: ReadonlyMap<string, Point>, ctl: ReadonlyMap<ChainLink, Point>, scale: number, r: Rect): number {
    if (!g.links) return g.items.length;
    let u = 0;
    for (let i = 0; i < g.items.length; i++) u += this.units(g, i, pos, ctl, scale, r);
    return u;
  }

  /** Milliseconds per unit of this group's kind: learnt, else the average of the kinds learnt, else undefined. */
  msPerUnit(g: StaticGroup): number | undefined {
    return this.perKey.get(RasterCost.key(g)) ?? (this.avg > 0 ? this.avg : undefined);
  }

  /** A slice of `units` units of group g took `ms`. */
  learn(g: StaticGroup, units: number, ms: number): void {
    const per = ms / Math.max(1, units);
    const k = RasterCost.key(g);
    const old = this.perKey.get(k);
    this.perKey.set(k, old === undefined ? per : 0.6 * old + 0.4 * per);
    this.avg = this.avg > 0 ? 0.7 * this.avg + 0.3 * per : per;
  }
}

/** A path context that draws d3 symbols (made at the origin) at (ox, oy), so many symbols share one path. */
export function offsetContext(ctx: CanvasRenderingContext2D): CanvasPath_D3Shape & { ox: number; oy: number } {
  const o = {
    ox: 0,
    oy: 0,
    moveTo: (x: number, y: number) => ctx.moveTo(x + o.ox, y + o.oy),
    lineTo: (x: number, y: number) => ctx.lineTo(x + o.ox, y + o.oy),
    arc: (x: number, y: number, r: number, a0: number, a1: number, ccw?: boolean) => ctx.arc(x + o.ox, y + o.oy, r, a0, a1, ccw),
    arcTo: (x1: number, y1: number, x2: number, y2: number, r: number) => ctx.arcTo(x1 + o.ox, y1 + o.oy, x2 + o.ox, y2 + o.oy, r),
    bezierCurveTo: (a: number, b: number, c: number, d: number, x: number, y: number) => ctx.bezierCurveTo(a + o.ox, b + o.oy, c + o.ox, d + o.oy, x + o.ox, y + o.oy),
    quadraticCurveTo: (a: number, b: number, x: number, y: number) => ctx.quadraticCurveTo(a + o.ox, b + o.oy, x + o.ox, y + o.oy),
    ellipse: (x: number, y: number, rx: number, ry: number, rot: number, a0: number, a1: number, ccw?: boolean) => ctx.ellipse(x + o.ox, y + o.oy, rx, ry, rot, a0, a1, ccw),
    rect: (x: number, y: number, w: number, h: number) => ctx.rect(x + o.ox, y + o.oy, w, h),
    closePath: () => ctx.closePath(),
  };
  return o;
}
