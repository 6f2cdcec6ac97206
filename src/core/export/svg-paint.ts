/**
 * Paint servers for the SVG painter: a `fill`/`stroke` value as a canvas style — a colour, a `<pattern>` (its tile
 * painted once per export and device scale, then repeated under the pattern's transform), or the `url()` paint's
 * fallback colour. The tile's content is painted by the caller's tree walker (passed in: no import cycle).
 */
import { isTransparent } from './png.js';
import { applyViewBox, baseScale, findById, userScale, type Paint, type PaintChildren } from './svg-canvas.js';
import { paintFallback, svgLength, urlRef } from './svg-values.js';

/** A paint value as a canvas style: a colour, a pattern (url(#id) to a `<pattern>`), its fallback, or undefined (none). */
export function resolvePaint(ctx: CanvasRenderingContext2D, value: string, el: Element, root: SVGSVGElement, children: PaintChildren): Paint | undefined {
  if (!/^\s*url\(/.test(value)) return isTransparent(value) ? undefined : value;
  const id = urlRef(value);
  const ref = id ? findById(root, id) : null;
  if (ref && ref.localName === 'pattern') {
    const p = patternPaint(ctx, ref as SVGPatternElement, el, root, children);
    if (p) return p;
  }
  const fb = paintFallback(value);
  return fb && !isTransparent(fb) ? fb : undefined;
}

/** Pattern tiles built during one drawSvgElement() call, per pattern element and device scale (userSpaceOnUse only). */
const patterns = new WeakMap<CanvasRenderingContext2D, Map<string, CanvasPattern | null>>();
/** Patterns being painted (a pattern whose content refers to itself is not followed). */
const painting = new Set<Element>();

const MAX_TILE = 2048;

/** Drops the tiles built for `ctx` (colours may have changed since the last export: build the tiles again). */
export function forgetPatterns(ctx: CanvasRenderingContext2D): void {
  patterns.delete(ctx);
}

// ── patterns ──

/** An attribute of a pattern, or of the first pattern its `href` chain reaches that has it. */
function patternAttr(pat: Element, name: string, root: SVGSVGElement): string | null {
  let p: Element | null = pat;
  for (let i = 0; p && i < 8; i++) {
    const v = p.getAttribute(name);
    if (v !== null) return v;
    p = hrefTarget(p, root);
  }
  return null;
}

/** The pattern whose children draw the tile: the first in the `href` chain with element children. */
function patternContent(pat: Element, root: SVGSVGElement): Element {
  let p: Element | null = pat;
  for (let i = 0; p && i < 8; i++) {
    if (p.children.length) return p;
    p = hrefTarget(p, root);
  }
  return pat;
}

function hrefTarget(el: Element, root: SVGSVGElement): Element | null {
  const href = el.getAttribute('href') ?? el.getAttributeNS('http://www.w3.org/1999/xlink', 'href');
  const id = href && href.startsWith('#') ? href.slice(1) : undefined;
  const t = id ? findById(root, id) : null;
  return t && t.localName === 'pattern' && t !== el ? t : null;
}

/**
 * A CanvasPattern for `<pattern>` as a paint of `el`: the tile's children are painted (with their computed styles) onto
 * a small canvas at the device resolution, which repeats under the pattern's transform. Undefined when the tile is
 * empty (width or height 0).
 */
function patternPaint(ctx: CanvasRenderingContext2D, pat: SVGPatternElement, el: Element, root: SVGSVGElement, children: PaintChildren): CanvasPattern | undefined {
  if (painting.has(pat)) return undefined;
  const units = patternAttr(pat, 'patternUnits', root) === 'userSpaceOnUse' ? 'user' : 'bbox';
  const contentUnits = patternAttr(pat, 'patternContentUnits', root) === 'objectBoundingBox' ? 'bbox' : 'user';
  let bbox: DOMRect | undefined;
  if (units === 'bbox' || contentUnits === 'bbox') {
    try {
      bbox = (el as SVGGraphicsElement).getBBox();
    } catch {
      return undefined;
    }
  }
  const fs = parseFloat(getComputedStyle(pat).fontSize) || 16;
  const vp = root.viewBox?.baseVal;
  const vw = vp && vp.width > 0 ? vp.width : root.width?.baseVal?.value ?? 0;
  const vh = vp && vp.height > 0 ? vp.height : root.height?.baseVal?.value ?? 0;
  const len = (name: string, percentBase: number) => svgLength(patternAttr(pat, name, root), fs, percentBase);
  let x: number, y: number, w: number, h: number;
  if (units === 'bbox') {
    // Fractions (or percentages) of the element's bounding box.
    const frac = (name: string) => {
      const v = patternAttr(pat, name, root);
      return v && v.trim().endsWith('%') ? parseFloat(v) / 100 : parseFloat(v ?? '') || 0;
    };
    x = bbox!.x + frac('x') * bbox!.width;
    y = bbox!.y + frac('y') * bbox!.height;
    w = frac('width') * bbox!.width;
    h = frac('height') * bbox!.height;
  } else {
    x = len('x', vw) ?? 0;
    y = len('y', vh) ?? 0;
    w = len('width', vw) ?? 0;
    h = len('height', vh) ?? 0;
  }
  if (!(w > 0 && h > 0)) return undefined;
  const list = pat.patternTransform?.baseVal;
  const pm = list && list.numberOfItems > 0 ? list.consolidate()?.matrix : undefined;
  const pt = pm ? new DOMMatrix([pm.a, pm.b, pm.c, pm.d, pm.e, pm.f]) : new DOMMatrix();
  // Device pixels per pattern unit: the context's scale times the pattern transform's.
  const k = userScale(ctx, 1) * (Math.sqrt(Math.abs(pt.a * pt.d - pt.b * pt.c)) || 1);
  const key = units === 'user' && contentUnits === 'user' ? `${patternKey(pat)}|${k.toFixed(4)}` : undefined;
  let cache = patterns.get(ctx);
  if (key && cache?.has(key)) return cache.get(key) ?? undefined;
  const W = Math.max(1, Math.min(MAX_TILE, Math.round(w * k)));
  const H = Math.max(1, Math.min(MAX_TILE, Math.round(h * k)));
  const sx = W / w;
  const sy = H / h;
  const tile = document.createElement('canvas');
  tile.width = W;
  tile.height = H;
  const t = tile.getContext('2d');
  if (!t) return undefined;
  t.scale(sx, sy);
  const vb = pat.viewBox?.baseVal;
  if (vb && vb.width > 0 && vb.height > 0) applyViewBox(t, vb, w, h, patternAttr(pat, 'preserveAspectRatio', root));
  else if (contentUnits === 'bbox' && bbox) {
    t.translate(bbox.x - x, bbox.y - y);
    t.scale(bbox.width, bbox.height);
  }
  baseScale.set(t, Math.sqrt(sx * sy));
  painting.add(pat);
  try {
    children(t, patternContent(pat, root), root, 1);
  } finally {
    painting.delete(pat);
  }
  const cp = ctx.createPattern(tile, 'repeat');
  if (cp) cp.setTransform(pt.translate(x, y).scale(1 / sx, 1 / sy));
  if (key) {
    if (!cache) patterns.set(ctx, (cache = new Map()));
    cache.set(key, cp);
  }
  return cp ?? undefined;
}

const patternIds = new WeakMap<Element, number>();
let nextPatternId = 0;
function patternKey(pat: Element): number {
  let id = patternIds.get(pat);
  if (id === undefined) patternIds.set(pat, (id = ++nextPatternId));
  return id;
}
