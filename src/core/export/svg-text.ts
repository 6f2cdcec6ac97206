/**
 * `<text>` for the SVG painter: its runs (one per text node, positioned by the text or `tspan` it starts), each
 * measured and laid out in text chunks (svg-text-layout.ts), then filled and stroked in `paint-order`.
 */
import { alphaOf, strokeSetup, type PaintChildren } from './svg-canvas.js';
import { resolvePaint } from './svg-paint.js';
import { canvasBaseline, collapseRuns, layoutRuns } from './svg-text-layout.js';
import { svgLength } from './svg-values.js';

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

/** Paints one `<text>` (its runs, each with its own computed style) at the context's current transform. */
export function paintText(ctx: CanvasRenderingContext2D, el: SVGTextElement, root: SVGSVGElement, opacity: number, base: number, children: PaintChildren): void {
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
    const runAlpha = opacity * (r.el === el ? 1 : alphaOf(cs.opacity));
    const strokeFirst = /stroke/.test(cs.getPropertyValue('paint-order').split(' ')[0] ?? '');
    const fill = () => {
      const paint = resolvePaint(ctx, cs.fill, r.el, root, children);
      if (!paint) return;
      ctx.globalAlpha = runAlpha * alphaOf(cs.fillOpacity);
      ctx.fillStyle = paint;
      ctx.fillText(r.text, x, y);
    };
    const stroke = () => {
      if (strokeSetup(ctx, cs, base, resolvePaint(ctx, cs.stroke, r.el, root, children))) {
        ctx.globalAlpha = runAlpha * alphaOf(cs.strokeOpacity);
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
