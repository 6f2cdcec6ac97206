/**
 * SVG basic shapes as canvas paths (`path`, `circle`, `ellipse`, `rect`, `line`, `polyline`, `polygon`), and the
 * `marker-end` markers drawn at the end of a path (paths only, `orient="auto"`).
 */
import { isTransparent } from './png.js';

function num(el: Element, name: string, fallback = 0): number {
  const v = parseFloat(el.getAttribute(name) ?? '');
  return Number.isFinite(v) ? v : fallback;
}

function points(el: Element): number[] {
  return (el.getAttribute('points') ?? '').split(/[\s,]+/).filter(Boolean).map(Number);
}

/** The element's geometry as a canvas path (undefined for other elements and for a `path` without `d`). */
export function shapePath(el: Element): Path2D | undefined {
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

/** A `marker-end` (paths only, `orient="auto"`, markerUnits strokeWidth) at the end of `path`. */
export function paintMarker(ctx: CanvasRenderingContext2D, path: SVGPathElement, ref: string, root: SVGSVGElement, strokeWidth: number, opacity: number): void {
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

