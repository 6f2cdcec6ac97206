/**
 * The zoom transform of <civic-chain-graph>'s view, pure: graph units to stage CSS px (an immutable value with
 * apply/invert and zoom about a point), the zoom limits, and the view that fits a layout's bounds into the stage.
 * The gestures that change it are chain-graph.view.ts.
 */
import type { LayoutResult } from './chain-graph.layout.js';

/** Zoom limits (scale factor of graph units to stage CSS px). */
export const MIN_ZOOM = 0.05;
export const MAX_ZOOM = 8;

/** A zoom transform: graph point (gx, gy) is drawn at stage point (k·gx + x, k·gy + y). Immutable. */
export class ViewTransform {
  constructor(
    readonly k: number,
    readonly x: number,
    readonly y: number,
  ) {}
  apply(p: readonly [number, number]): [number, number] {
    return [p[0] * this.k + this.x, p[1] * this.k + this.y];
  }
  applyX(gx: number): number {
    return gx * this.k + this.x;
  }
  applyY(gy: number): number {
    return gy * this.k + this.y;
  }
  invert(p: readonly [number, number]): [number, number] {
    return [(p[0] - this.x) / this.k, (p[1] - this.y) / this.k];
  }
  invertX(sx: number): number {
    return (sx - this.x) / this.k;
  }
  invertY(sy: number): number {
    return (sy - this.y) / this.k;
  }
  /** The same view scaled to `k` (clamped to the zoom limits) so that stage point `p` keeps showing the same graph point. */
  zoomTo(k: number, p: readonly [number, number], min = MIN_ZOOM): ViewTransform {
    const nk = Math.min(MAX_ZOOM, Math.max(min, k));
    const [gx, gy] = this.invert(p);
    return new ViewTransform(nk, p[0] - gx * nk, p[1] - gy * nk);
  }
  /** The SVG `transform` attribute value. */
  toString(): string {
    return `translate(${this.x},${this.y}) scale(${this.k})`;
  }
}

export const IDENTITY = new ViewTransform(1, 0, 0);

/** The view that fits `b` into a width × height stage (28 px padding, room for labels below; zoom at most 2). */
export function fitTransform(b: LayoutResult['bounds'], width: number, height: number): ViewTransform {
  const pad = 28;
  const gw = Math.max(1, b.x1 - b.x0), gh = Math.max(1, b.y1 - b.y0 + 24);
  const k = Math.min(2, Math.max(1e-3, Math.min((width - 2 * pad) / gw, (height - 2 * pad) / gh)));
  return new ViewTransform(k, width / 2 - k * (b.x0 + gw / 2), height / 2 - k * (b.y0 - 24 + gh / 2));
}
