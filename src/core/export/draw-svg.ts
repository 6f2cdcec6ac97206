/**
 * Paints a live inline `<svg>` onto a 2D canvas, element by element, with every paint property read from
 * computed style (so shadow-DOM rules and `var()` tokens resolve as on screen). Unlike serialising the SVG to a
 * `blob:`/`data:` image, this needs no `img-src` in the page's CSP and never taints the canvas.
 *
 * Supported: `g` (with `transform`), `path`, `circle`, `ellipse`, `rect`, `line`, `polyline`, `polygon`, `text`
 * with `tspan` children (x, y, dx, dy in user units, px or em — the first value of a list —, text chunks anchored by
 * `text-anchor`, `dominant-baseline`, `paint-order: stroke` halos, SVG white-space collapsing), `viewBox` with
 * `preserveAspectRatio` none or the default xMidYMid meet, fill/stroke/opacity/dash/linecap/linejoin/
 * `vector-effect: non-scaling-stroke`, `<pattern>` paint servers (`fill`/`stroke` `url(#id)`: width, height, x, y,
 * `patternUnits`, `patternContentUnits`, `patternTransform`, `viewBox`, `href` inheritance; the paint's fallback
 * colour when the pattern is missing), and `marker-end` markers whose content is paths (oriented `auto`).
 * Not supported (skipped, or the `url()` paint's fallback colour): `image`, `use`, `foreignObject`, gradients,
 * clip paths, masks, filters, `textPath`, per-glyph position lists, `letter-spacing`.
 *
 * This module is the tree walker; the parts it calls each have a module: svg-shapes.ts (shapes, markers),
 * svg-paint.ts (paint servers, patterns), svg-text.ts (text), svg-canvas.ts (what they share about the context), and
 * the pure svg-values.ts / svg-text-layout.ts. Loaded on first export (lazy.ts), with all of them.
 */
import type { Box } from './png.js';
import { alphaOf, applyTransform, applyViewBox, baseScale, strokeSetup, userScale } from './svg-canvas.js';
import { forgetPatterns, resolvePaint } from './svg-paint.js';
import { paintMarker, shapePath } from './svg-shapes.js';
import { paintText } from './svg-text.js';

/** Draws `svg` into `box` (CSS px of the canvas context's current coordinate system). */
export function drawSvgElement(ctx: CanvasRenderingContext2D, svg: SVGSVGElement, box: Box): void {
  const cs = getComputedStyle(svg);
  if (cs.display === 'none' || cs.visibility === 'hidden') return;
  ctx.save();
  forgetPatterns(ctx); // colours may have changed since the last export: build the tiles again
  ctx.translate(box.x, box.y);
  // Non-scaling strokes are in the outer SVG's CSS px: remember the scale before the viewBox mapping.
  baseScale.set(ctx, userScale(ctx, 1));
  const vb = svg.viewBox?.baseVal;
  if (vb && vb.width > 0 && vb.height > 0) applyViewBox(ctx, vb, box.width, box.height, svg.getAttribute('preserveAspectRatio'));
  paintChildren(ctx, svg, svg, parseFloat(cs.opacity) || 1);
  ctx.restore();
}

function paintChildren(ctx: CanvasRenderingContext2D, parent: Element, root: SVGSVGElement, alpha: number): void {
  for (const child of Array.from(parent.children)) paintNode(ctx, child, root, alpha);
}

function paintNode(ctx: CanvasRenderingContext2D, el: Element, root: SVGSVGElement, alpha: number): void {
  const name = el.localName;
  if (name === 'defs' || name === 'marker' || name === 'pattern' || name === 'title' || name === 'desc' || name === 'style' || name === 'clipPath' || name === 'mask' || name === 'linearGradient' || name === 'radialGradient') return;
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
    if (cs.visibility === 'hidden' && name !== 'text') return;
    if (name === 'text') {
      paintText(ctx, el as SVGTextElement, root, opacity, base, paintChildren);
      return;
    }
    const path = shapePath(el);
    if (!path) return;
    const fill = name === 'line' ? undefined : resolvePaint(ctx, cs.fill, el, root, paintChildren);
    if (fill) {
      ctx.globalAlpha = opacity * alphaOf(cs.fillOpacity);
      ctx.fillStyle = fill;
      ctx.fill(path, cs.fillRule === 'evenodd' ? 'evenodd' : 'nonzero');
    }
    if (strokeSetup(ctx, cs, base, resolvePaint(ctx, cs.stroke, el, root, paintChildren))) {
      ctx.globalAlpha = opacity * alphaOf(cs.strokeOpacity);
      ctx.stroke(path);
      const marker = cs.getPropertyValue('marker-end');
      if (marker && marker !== 'none' && name === 'path') paintMarker(ctx, el as SVGPathElement, marker, root, ctx.lineWidth, opacity);
    }
  } finally {
    ctx.restore();
  }
}
