/**
 * What every part of the SVG painter shares about the canvas it draws on: the device scale remembered per context
 * (for `vector-effect: non-scaling-stroke`), the context's current uniform scale, `viewBox` and `transform` mapping,
 * `id` lookup inside the SVG (or its shadow root), and the stroke setup from computed style.
 */

/** A canvas fill or stroke style: a colour or a pattern. */
export type Paint = string | CanvasPattern;

/** Paints an element's children with the painter's tree walker (draw-svg.ts), for pattern tiles. */
export type PaintChildren = (ctx: CanvasRenderingContext2D, parent: Element, root: SVGSVGElement, alpha: number) => void;

/** The base (device) scale of the export canvas: the transform set when the canvas was created. */
export const baseScale = new WeakMap<CanvasRenderingContext2D, number>();

/** Maps a `viewBox` onto width × height (`preserveAspectRatio` none, or the default xMidYMid meet). */
export function applyViewBox(ctx: CanvasRenderingContext2D, vb: { x: number; y: number; width: number; height: number }, width: number, height: number, par: string | null): void {
  let sx = width / vb.width;
  let sy = height / vb.height;
  let tx = 0;
  let ty = 0;
  if (!/none/.test(par ?? '')) {
    const s = Math.min(sx, sy);
    tx = (width - vb.width * s) / 2;
    ty = (height - vb.height * s) / 2;
    sx = sy = s;
  }
  ctx.translate(tx, ty);
  ctx.scale(sx, sy);
  ctx.translate(-vb.x, -vb.y);
}

/** Applies the element's `transform` attribute to the context. */
export function applyTransform(ctx: CanvasRenderingContext2D, el: Element): void {
  const list = (el as SVGGraphicsElement).transform?.baseVal;
  if (!list || list.numberOfItems === 0) return;
  const m = list.consolidate()?.matrix;
  if (m) ctx.transform(m.a, m.b, m.c, m.d, m.e, m.f);
}

/** Current uniform scale of the context (for non-scaling strokes), ignoring the device pixel ratio set at creation. */
export function userScale(ctx: CanvasRenderingContext2D, base: number): number {
  const m = ctx.getTransform();
  return Math.sqrt(Math.abs(m.a * m.d - m.b * m.c)) / base || 1;
}

/** The element with `id` inside the SVG, else in its document or shadow root. */
export function findById(root: SVGSVGElement, id: string): Element | null {
  const inRoot = root.querySelector(`[id="${CSS.escape(id)}"]`);
  if (inRoot) return inRoot;
  const scope = root.getRootNode() as Document | ShadowRoot;
  return typeof scope.getElementById === 'function' ? scope.getElementById(id) : null;
}

/** Sets the context's stroke from computed style; false when nothing is to be stroked (no paint, zero width). */
export function strokeSetup(ctx: CanvasRenderingContext2D, cs: CSSStyleDeclaration, base: number, paint: Paint | undefined): boolean {
  if (!paint) return false;
  let w = parseFloat(cs.strokeWidth);
  if (!(w > 0)) return false;
  if (cs.getPropertyValue('vector-effect') === 'non-scaling-stroke') w /= userScale(ctx, base);
  ctx.strokeStyle = paint;
  ctx.lineWidth = w;
  ctx.lineCap = (cs.strokeLinecap as CanvasLineCap) || 'butt';
  ctx.lineJoin = (cs.strokeLinejoin as CanvasLineJoin) || 'miter';
  const dash = cs.strokeDasharray && cs.strokeDasharray !== 'none' ? cs.strokeDasharray.split(/[\s,]+/).map((s) => parseFloat(s)).filter((n) => Number.isFinite(n)) : [];
  ctx.setLineDash(dash);
  return true;
}

/** A computed `fill-opacity` / `stroke-opacity` / `opacity` as a factor (1 when it does not parse). */
export function alphaOf(value: string): number {
  return parseFloat(value) >= 0 ? parseFloat(value) : 1;
}
