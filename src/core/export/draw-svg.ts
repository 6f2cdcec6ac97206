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
 */
import { isTransparent, type Box } from './png.js';

// ── pure helpers (unit-tested in Node) ──

/** The id an SVG paint or reference names: `url("#hatch")`, `url(#a) red` → `hatch`, `a`; otherwise undefined. */
export function urlRef(value: string | null | undefined): string | undefined {
  const m = /^\s*url\(\s*(['"]?)[^#'")]*#([^'")]+)\1\s*\)/.exec(value ?? '');
  return m ? m[2] : undefined;
}

/** The fallback colour after a `url(…)` paint (`url(#a) red` → `red`); undefined when there is none (or `none`). */
export function paintFallback(value: string | null | undefined): string | undefined {
  const m = /^\s*url\((?:"[^"]*"|'[^']*'|[^)]*)\)\s*(.*)$/.exec(value ?? '');
  const fb = m?.[1].trim();
  return fb && fb !== 'none' ? fb : undefined;
}

/**
 * An SVG length in user units: `12`, `12px`, `0.32em` (× `fontSize`), `50%` (× `percentBase`/100); only the first
 * value of a list (`x="1 2 3"`). Undefined when absent or not a length.
 */
export function svgLength(value: string | null | undefined, fontSize: number, percentBase = 0): number | undefined {
  const first = (value ?? '').trim().split(/[\s,]+/)[0] ?? '';
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)(px|em|rem|ex|%)?$/i.exec(first);
  if (!m) return undefined;
  const n = parseFloat(m[1]);
  switch ((m[2] ?? '').toLowerCase()) {
    case 'em':
    case 'rem':
      return n * fontSize;
    case 'ex':
      return n * fontSize * 0.5;
    case '%':
      return (n * percentBase) / 100;
    default:
      return n;
  }
}

/**
 * SVG's white-space handling over the text runs of one `<text>` (as Chromium does for `white-space: normal`):
 * newlines and tabs become spaces, runs of spaces collapse across run boundaries, and the text is trimmed at both
 * ends. Returns the runs' texts in the same order (a run may become empty).
 */
export function collapseRuns(texts: string[]): string[] {
  let prevSpace = true; // at the start of the text a space is dropped
  const out = texts.map((t) => {
    let s = '';
    for (const ch of t.replace(/[\n\r\t]/g, ' ')) {
      if (ch === ' ') {
        if (prevSpace) continue;
        prevSpace = true;
      } else prevSpace = false;
      s += ch;
    }
    return s;
  });
  // Trailing space of the whole text.
  for (let i = out.length - 1; i >= 0; i--) {
    if (!out[i]) continue;
    out[i] = out[i].replace(/ +$/, '');
    break;
  }
  return out;
}

/** One run of text with its positioning attributes (absolute x/y start a new text chunk) and measured width. */
export interface TextRunLayout {
  x?: number;
  y?: number;
  dx: number;
  dy: number;
  width: number;
  anchor: 'start' | 'middle' | 'end';
}

/**
 * Left-edge start points of each run: the pen moves by dx/dy, jumps to absolute x/y, and advances by the run's width;
 * every run with an absolute x or y starts a text chunk, which is then shifted by its first run's `text-anchor`
 * (middle: half its width, end: its width). `start` is the pen before the first run.
 */
export function layoutRuns(runs: TextRunLayout[], start: { x: number; y: number } = { x: 0, y: 0 }): { x: number; y: number }[] {
  const pos: { x: number; y: number }[] = [];
  const chunks: number[][] = [];
  let px = start.x;
  let py = start.y;
  runs.forEach((r, i) => {
    const absolute = r.x !== undefined || r.y !== undefined;
    if (r.x !== undefined) px = r.x;
    if (r.y !== undefined) py = r.y;
    if (absolute || i === 0) chunks.push([]);
    px += r.dx;
    py += r.dy;
    pos.push({ x: px, y: py });
    chunks[chunks.length - 1].push(i);
    px += r.width;
  });
  for (const c of chunks) {
    const first = c[0];
    const last = c[c.length - 1];
    const a = runs[first].anchor;
    if (a === 'start') continue;
    const w = pos[last].x + runs[last].width - pos[first].x;
    const shift = a === 'middle' ? -w / 2 : -w;
    for (const i of c) pos[i].x += shift;
  }
  return pos;
}

/** Canvas `textBaseline` for a computed `dominant-baseline`. */
export function canvasBaseline(dominant: string | null | undefined): CanvasTextBaseline {
  switch ((dominant ?? '').trim()) {
    case 'central':
    case 'middle':
      return 'middle';
    case 'hanging':
      return 'hanging';
    case 'text-before-edge':
    case 'text-top':
      return 'top';
    case 'text-after-edge':
    case 'text-bottom':
      return 'bottom';
    case 'ideographic':
      return 'ideographic';
    default:
      return 'alphabetic';
  }
}

// ── browser painter ──

/** Draws `svg` into `box` (CSS px of the canvas context's current coordinate system). */
export function drawSvgElement(ctx: CanvasRenderingContext2D, svg: SVGSVGElement, box: Box): void {
  const cs = getComputedStyle(svg);
  if (cs.display === 'none' || cs.visibility === 'hidden') return;
  ctx.save();
  patterns.delete(ctx); // colours may have changed since the last export: build the tiles again
  ctx.translate(box.x, box.y);
  // Non-scaling strokes are in the outer SVG's CSS px: remember the scale before the viewBox mapping.
  baseScale.set(ctx, userScale(ctx, 1));
  const vb = svg.viewBox?.baseVal;
  if (vb && vb.width > 0 && vb.height > 0) applyViewBox(ctx, vb, box.width, box.height, svg.getAttribute('preserveAspectRatio'));
  paintChildren(ctx, svg, svg, parseFloat(cs.opacity) || 1);
  ctx.restore();
}

function applyViewBox(ctx: CanvasRenderingContext2D, vb: { x: number; y: number; width: number; height: number }, width: number, height: number, par: string | null): void {
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

type Paint = string | CanvasPattern;

/** A paint value as a canvas style: a colour, a pattern (url(#id) to a `<pattern>`), its fallback, or undefined (none). */
function resolvePaint(ctx: CanvasRenderingContext2D, value: string, el: Element, root: SVGSVGElement): Paint | undefined {
  if (!/^\s*url\(/.test(value)) return isTransparent(value) ? undefined : value;
  const id = urlRef(value);
  const ref = id ? findById(root, id) : null;
  if (ref && ref.localName === 'pattern') {
    const p = patternPaint(ctx, ref as SVGPatternElement, el, root);
    if (p) return p;
  }
  const fb = paintFallback(value);
  return fb && !isTransparent(fb) ? fb : undefined;
}

function findById(root: SVGSVGElement, id: string): Element | null {
  const inRoot = root.querySelector(`[id="${CSS.escape(id)}"]`);
  if (inRoot) return inRoot;
  const scope = root.getRootNode() as Document | ShadowRoot;
  return typeof scope.getElementById === 'function' ? scope.getElementById(id) : null;
}

function strokeSetup(ctx: CanvasRenderingContext2D, cs: CSSStyleDeclaration, base: number, paint: Paint | undefined): boolean {
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

/** The base (device) scale of the export canvas: the transform set when the canvas was created. */
const baseScale = new WeakMap<CanvasRenderingContext2D, number>();

/** Pattern tiles built during one drawSvgElement() call, per pattern element and device scale (userSpaceOnUse only). */
const patterns = new WeakMap<CanvasRenderingContext2D, Map<string, CanvasPattern | null>>();
/** Patterns being painted (a pattern whose content refers to itself is not followed). */
const painting = new Set<Element>();

const MAX_TILE = 2048;

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
      paintText(ctx, el as SVGTextElement, root, opacity, base);
      return;
    }
    const path = shapePath(el);
    if (!path) return;
    const fill = name === 'line' ? undefined : resolvePaint(ctx, cs.fill, el, root);
    if (fill) {
      ctx.globalAlpha = opacity * (parseFloat(cs.fillOpacity) >= 0 ? parseFloat(cs.fillOpacity) : 1);
      ctx.fillStyle = fill;
      ctx.fill(path, cs.fillRule === 'evenodd' ? 'evenodd' : 'nonzero');
    }
    if (strokeSetup(ctx, cs, base, resolvePaint(ctx, cs.stroke, el, root))) {
      ctx.globalAlpha = opacity * (parseFloat(cs.strokeOpacity) >= 0 ? parseFloat(cs.strokeOpacity) : 1);
      ctx.stroke(path);
      const marker = cs.getPropertyValue('marker-end');
      if (marker && marker !== 'none' && name === 'path') paintMarker(ctx, el as SVGPathElement, marker, root, ctx.lineWidth, opacity);
    }
  } finally {
    ctx.restore();
  }
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
function patternPaint(ctx: CanvasRenderingContext2D, pat: SVGPatternElement, el: Element, root: SVGSVGElement): CanvasPattern | undefined {
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
    paintChildren(t, patternContent(pat, root), root, 1);
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

// ── text ──

interface Run {
  text: string;
  el: Element;
  cs: CSSStyleDeclaration;
  x?: number;
  y?: number;
  dx: number;
  dy: number;
}

/** The text runs of a `<text>`: one per text node, positioned by the attributes of the text or tspan it starts. */
function collectRuns(textEl: SVGTextElement): Run[] {
  const runs: Run[] = [];
  type Pending = { x?: number; y?: number; dx: number; dy: number };
  let pending: Pending = { dx: 0, dy: 0 };
  const take = (el: Element, cs: CSSStyleDeclaration) => {
    const size = parseFloat(cs.fontSize) || 12;
    const x = svgLength(el.getAttribute('x'), size);
    const y = svgLength(el.getAttribute('y'), size);
    const dx = svgLength(el.getAttribute('dx'), size) ?? 0;
    const dy = svgLength(el.getAttribute('dy'), size) ?? 0;
    pending = { x: x ?? pending.x, y: y ?? pending.y, dx: pending.dx + dx, dy: pending.dy + dy };
  };
  const walk = (el: Element, cs: CSSStyleDeclaration) => {
    take(el, cs);
    for (const n of Array.from(el.childNodes)) {
      if (n.nodeType === Node.TEXT_NODE) {
        const text = n.textContent ?? '';
        if (!text) continue;
        runs.push({ text, el, cs, ...pending });
        pending = { dx: 0, dy: 0 };
      } else if (n.nodeType === Node.ELEMENT_NODE && ((n as Element).localName === 'tspan' || (n as Element).localName === 'a')) {
        const ccs = getComputedStyle(n as Element);
        if (ccs.display === 'none') continue;
        walk(n as Element, ccs);
      }
    }
  };
  walk(textEl, getComputedStyle(textEl));
  const collapsed = collapseRuns(runs.map((r) => r.text));
  runs.forEach((r, i) => (r.text = collapsed[i]));
  // Empty runs pass their positioning on to the next one.
  const out: Run[] = [];
  let carry: Pick<Run, 'x' | 'y' | 'dx' | 'dy'> | undefined;
  for (const r of runs) {
    if (!r.text) {
      carry = { x: r.x ?? carry?.x, y: r.y ?? carry?.y, dx: (carry?.dx ?? 0) + r.dx, dy: (carry?.dy ?? 0) + r.dy };
      continue;
    }
    if (carry) {
      if (r.x === undefined) r.x = carry.x;
      if (r.y === undefined) r.y = carry.y;
      r.dx += carry.dx;
      r.dy += carry.dy;
      carry = undefined;
    }
    out.push(r);
  }
  return out;
}

function fontOf(cs: CSSStyleDeclaration): string {
  const size = parseFloat(cs.fontSize) || 12;
  return `${cs.fontStyle || 'normal'} ${cs.fontWeight || '400'} ${size}px ${cs.fontFamily || 'sans-serif'}`;
}

function anchorOf(cs: CSSStyleDeclaration): 'start' | 'middle' | 'end' {
  const a = cs.textAnchor;
  return a === 'middle' ? 'middle' : a === 'end' ? 'end' : 'start';
}

function paintText(ctx: CanvasRenderingContext2D, el: SVGTextElement, root: SVGSVGElement, opacity: number, base: number): void {
  const runs = collectRuns(el);
  if (!runs.length) return;
  ctx.textAlign = 'left'; // anchoring is done per text chunk by layoutRuns
  ctx.textBaseline = canvasBaseline(getComputedStyle(el).getPropertyValue('dominant-baseline'));
  const widths = runs.map((r) => {
    ctx.font = fontOf(r.cs);
    return ctx.measureText(r.text).width;
  });
  const pos = layoutRuns(runs.map((r, i) => ({ x: r.x, y: r.y, dx: r.dx, dy: r.dy, width: widths[i], anchor: anchorOf(r.cs) })));
  runs.forEach((r, i) => {
    const cs = r.cs;
    if (cs.visibility === 'hidden') return;
    const { x, y } = pos[i];
    ctx.font = fontOf(cs);
    const runAlpha = opacity * (r.el === el ? 1 : parseFloat(cs.opacity) >= 0 ? parseFloat(cs.opacity) : 1);
    const strokeFirst = /stroke/.test(cs.getPropertyValue('paint-order').split(' ')[0] ?? '');
    const fill = () => {
      const paint = resolvePaint(ctx, cs.fill, r.el, root);
      if (!paint) return;
      ctx.globalAlpha = runAlpha * (parseFloat(cs.fillOpacity) >= 0 ? parseFloat(cs.fillOpacity) : 1);
      ctx.fillStyle = paint;
      ctx.fillText(r.text, x, y);
    };
    const stroke = () => {
      if (strokeSetup(ctx, cs, base, resolvePaint(ctx, cs.stroke, r.el, root))) {
        ctx.globalAlpha = runAlpha * (parseFloat(cs.strokeOpacity) >= 0 ? parseFloat(cs.strokeOpacity) : 1);
        ctx.setLineDash([]);
        ctx.strokeText(r.text, x, y);
      }
    };
    if (strokeFirst) {
      stroke();
      fill();
    } else {
      fill();
      stroke();
    }
  });
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
