/**
 * Paints a live inline `<svg>` onto a 2D canvas, element by element, with every paint property read from
 * computed style (so shadow-DOM rules and `var()` tokens resolve as on screen). Unlike serialising the SVG to a
 * `blob:`/`data:` image, this needs no `img-src` in the page's CSP and never taints the canvas.
 *
 * Supported: `g` (with `transform`), `path`, `circle`, `ellipse`, `rect`, `line`, `polyline`, `polygon`, `text`
 * (x, y, dy in em, text-anchor, `paint-order: stroke` halos), `viewBox` with `preserveAspectRatio` none or the
 * default xMidYMid meet, fill/stroke/opacity/dash/linecap/linejoin/`vector-effect: non-scaling-stroke`, and
 * `marker-end` markers whose content is paths (oriented `auto`). Not supported (skipped): `image`, `use`,
 * `foreignObject`, gradients/patterns (`url(#…)` fills), clip paths, filters, `tspan` layout.
 */
import { isTransparent, type Box } from './png.js';

/** Draws `svg` into `box` (CSS px of the canvas context's current coordinate system). */
export function drawSvgElement(ctx: CanvasRenderingContext2D, svg: SVGSVGElement, box: Box): void {
  const cs = getComputedStyle(svg);
  if (cs.display === 'none' || cs.visibility === 'hidden') return;
  ctx.save();
  ctx.translate(box.x, box.y);
  // Non-scaling strokes are in the outer SVG's CSS px: remember the scale before the viewBox mapping.
  baseScale.set(ctx, userScale(ctx, 1));
  const vb = svg.viewBox?.baseVal;
  if (vb && vb.width > 0 && vb.height > 0) {
    let sx = box.width / vb.width;
    let sy = box.height / vb.height;
    let tx = 0;
    let ty = 0;
    const par = svg.getAttribute('preserveAspectRatio') ?? '';
    if (!/none/.test(par)) {
      const s = Math.min(sx, sy);
      tx = (box.width - vb.width * s) / 2;
      ty = (box.height - vb.height * s) / 2;
      sx = sy = s;
    }
    ctx.translate(tx, ty);
    ctx.scale(sx, sy);
    ctx.translate(-vb.x, -vb.y);
  }
  paintChildren(ctx, svg, svg, parseFloat(cs.opacity) || 1);
  ctx.restore();
}

function paintChildren(ctx: CanvasRenderingContext2D, parent: Element, root: SVGSVGElement, alpha: number): void {
  for (const child of Array.from(parent.children)) paintNode(ctx, child, root, alpha);
}

function applyTransform(ctx: CanvasRenderingContext2D, el: Element): void {
  const list = (el as SVGGraphicsElement).transform?.baseVal;
  if (!list || list.numberOfItems === 0) return;
  const m = list.consolidate()?.matrix;
  if (m) ctx.transform(m.a, m.b, m.c, m.d, m.e, m.f);
}

function num(el: Element, name: string, fallback = 0): number {
  const v = parseFloat(el.getAttribute(name) ?? '');
  return Number.isFinite(v) ? v : fallback;
}

function points(el: Element): number[] {
  return (el.getAttribute('points') ?? '').split(/[\s,]+/).filter(Boolean).map(Number);
}

function shapePath(el: Element): Path2D | undefined {
  const p = new Path2D();
  switch (el.localName) {
    case 'path': {
      const d = el.getAttribute('d');
      return d ? new Path2D(d) : undefined;
    }
    case 'circle':
      p.arc(num(el, 'cx'), num(el, 'cy'), Math.max(0, num(el, 'r')), 0, Math.PI * 2);
      return p;
    case 'ellipse':
      p.ellipse(num(el, 'cx'), num(el, 'cy'), Math.max(0, num(el, 'rx')), Math.max(0, num(el, 'ry')), 0, 0, Math.PI * 2);
      return p;
    case 'rect':
      p.rect(num(el, 'x'), num(el, 'y'), num(el, 'width'), num(el, 'height'));
      return p;
    case 'line':
      p.moveTo(num(el, 'x1'), num(el, 'y1'));
      p.lineTo(num(el, 'x2'), num(el, 'y2'));
      return p;
    case 'polyline':
    case 'polygon': {
      const pts = points(el);
      for (let i = 0; i + 1 < pts.length; i += 2) (i === 0 ? p.moveTo : p.lineTo).call(p, pts[i], pts[i + 1]);
      if (el.localName === 'polygon') p.closePath();
      return p;
    }
    default:
      return undefined;
  }
}

/** Current uniform scale of the context (for non-scaling strokes), ignoring the device pixel ratio set at creation. */
function userScale(ctx: CanvasRenderingContext2D, base: number): number {
  const m = ctx.getTransform();
  return Math.sqrt(Math.abs(m.a * m.d - m.b * m.c)) / base || 1;
}

function strokeSetup(ctx: CanvasRenderingContext2D, cs: CSSStyleDeclaration, base: number): boolean {
  if (isTransparent(cs.stroke) || cs.stroke.startsWith('url(')) return false;
  let w = parseFloat(cs.strokeWidth);
  if (!(w > 0)) return false;
  if (cs.getPropertyValue('vector-effect') === 'non-scaling-stroke') w /= userScale(ctx, base);
  ctx.strokeStyle = cs.stroke;
  ctx.lineWidth = w;
  ctx.lineCap = (cs.strokeLinecap as CanvasLineCap) || 'butt';
  ctx.lineJoin = (cs.strokeLinejoin as CanvasLineJoin) || 'miter';
  const dash = cs.strokeDasharray && cs.strokeDasharray !== 'none' ? cs.strokeDasharray.split(/[\s,]+/).map((s) => parseFloat(s)).filter((n) => Number.isFinite(n)) : [];
  ctx.setLineDash(dash);
  return true;
}

/** The base (device) scale of the export canvas: the transform set when the canvas was created. */
const baseScale = new WeakMap<CanvasRenderingContext2D, number>();

function paintNode(ctx: CanvasRenderingContext2D, el: Element, root: SVGSVGElement, alpha: number): void {
  const name = el.localName;
  if (name === 'defs' || name === 'marker' || name === 'title' || name === 'desc' || name === 'style' || name === 'clipPath' || name === 'mask') return;
  const cs = getComputedStyle(el);
  if (cs.display === 'none') return;
  const opacity = alpha * (parseFloat(cs.opacity) || (cs.opacity === '0' ? 0 : 1));
  if (opacity <= 0) return;
  const base = baseScale.get(ctx) ?? 1;
  ctx.save();
  applyTransform(ctx, el);
  try {
    if (name === 'g' || name === 'svg' || name === 'a') {
      paintChildren(ctx, el, root, opacity);
      return;
    }
    if (cs.visibility === 'hidden') return;
    if (name === 'text') {
      paintText(ctx, el as SVGTextElement, cs, opacity, base);
      return;
    }
    const path = shapePath(el);
    if (!path) return;
    const fillOk = name !== 'line' && !isTransparent(cs.fill) && !cs.fill.startsWith('url(');
    if (fillOk) {
      ctx.globalAlpha = opacity * (parseFloat(cs.fillOpacity) >= 0 ? parseFloat(cs.fillOpacity) : 1);
      ctx.fillStyle = cs.fill;
      ctx.fill(path, cs.fillRule === 'evenodd' ? 'evenodd' : 'nonzero');
    }
    if (strokeSetup(ctx, cs, base)) {
      ctx.globalAlpha = opacity * (parseFloat(cs.strokeOpacity) >= 0 ? parseFloat(cs.strokeOpacity) : 1);
      ctx.stroke(path);
      const marker = cs.getPropertyValue('marker-end');
      if (marker && marker !== 'none' && name === 'path') paintMarker(ctx, el as SVGPathElement, marker, root, ctx.lineWidth, opacity);
    }
  } finally {
    ctx.restore();
  }
}

function paintText(ctx: CanvasRenderingContext2D, el: SVGTextElement, cs: CSSStyleDeclaration, opacity: number, base: number): void {
  const text = (el.textContent ?? '').trim();
  if (!text) return;
  const size = parseFloat(cs.fontSize) || 12;
  ctx.font = `${cs.fontStyle || 'normal'} ${cs.fontWeight || '400'} ${size}px ${cs.fontFamily || 'sans-serif'}`;
  const anchor = cs.textAnchor;
  ctx.textAlign = anchor === 'middle' ? 'center' : anchor === 'end' ? 'right' : 'left';
  ctx.textBaseline = 'alphabetic';
  const dyAttr = el.getAttribute('dy') ?? '';
  const dy = dyAttr.endsWith('em') ? parseFloat(dyAttr) * size : parseFloat(dyAttr) || 0;
  const x = num(el, 'x');
  const y = num(el, 'y') + dy;
  ctx.globalAlpha = opacity;
  const strokeFirst = /stroke/.test(cs.getPropertyValue('paint-order').split(' ')[0] ?? '');
  const fill = () => {
    if (isTransparent(cs.fill)) return;
    ctx.fillStyle = cs.fill;
    ctx.fillText(text, x, y);
  };
  const stroke = () => {
    if (strokeSetup(ctx, cs, base)) {
      ctx.setLineDash([]);
      ctx.strokeText(text, x, y);
    }
  };
  if (strokeFirst) {
    stroke();
    fill();
  } else {
    fill();
    stroke();
  }
}

/** A `marker-end` (paths only, `orient="auto"`, markerUnits strokeWidth) at the end of `path`. */
function paintMarker(ctx: CanvasRenderingContext2D, path: SVGPathElement, ref: string, root: SVGSVGElement, strokeWidth: number, opacity: number): void {
  const id = /#([^)"']+)/.exec(ref)?.[1];
  if (!id || typeof path.getTotalLength !== 'function') return;
  const marker = root.querySelector(`marker[id="${CSS.escape(id)}"]`) as SVGMarkerElement | null;
  if (!marker) return;
  const len = path.getTotalLength();
  if (!(len > 0)) return;
  const end = path.getPointAtLength(len);
  const before = path.getPointAtLength(Math.max(0, len - 1));
  const angle = Math.atan2(end.y - before.y, end.x - before.x);
  const vb = marker.viewBox.baseVal;
  const mw = num(marker, 'markerWidth', 3);
  const mh = num(marker, 'markerHeight', 3);
  const units = marker.getAttribute('markerUnits') === 'userSpaceOnUse' ? 1 : strokeWidth;
  const sx = vb && vb.width > 0 ? (mw / vb.width) * units : units;
  const sy = vb && vb.height > 0 ? (mh / vb.height) * units : units;
  const s = Math.min(sx, sy);
  ctx.save();
  ctx.setLineDash([]);
  ctx.translate(end.x, end.y);
  ctx.rotate(angle);
  ctx.scale(s, s);
  ctx.translate(-num(marker, 'refX'), -num(marker, 'refY'));
  for (const child of Array.from(marker.children)) {
    const cs = getComputedStyle(child);
    const p = shapePath(child);
    if (!p || isTransparent(cs.fill)) continue;
    ctx.globalAlpha = opacity;
    ctx.fillStyle = cs.fill;
    ctx.fill(p);
  }
  ctx.restore();
}
