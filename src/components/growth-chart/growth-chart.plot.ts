/**
 * The growth chart's SVG content outside Lit (issue 16: first picture and updates close to a hand-written d3 chart):
 * grid, axes, zero and reference lines, x tick labels and annotations around `<g class="marks">` (the marks' first
 * picture: growth-chart.build.ts), and the helpers that keep the record of written values. Nodes are created directly (no template instance per tick) and kept between
 * pictures: an update writes only the attributes and texts whose values changed, compared with the values this
 * module wrote last (kept on the node), so it reads no attribute and no layout.
 *
 * The DOM is what the Lit template drew before, but for the grid (one path instead of a line per tick): `svg >
 * path.grid, g.axis-left, g.axis-right, g.marks, line.zero, g.reference, g.x-axis, g.annotations` in that paint
 * order, the same classes and attributes.
 */
import type { Axis, GrowthModel } from './model/types.js';
import { NS, node, num, type Cached } from './growth-chart.dom.js';

// growth-chart.sync.ts imports these from here
export { buildMarks, type Dot } from './growth-chart.build.js';
export type { Cached } from './growth-chart.dom.js';

/** Forgets what was written (another writer — a d3 transition — changed the nodes). */
export function forget(root: Element): void {
  for (const el of root.querySelectorAll('*')) delete (el as Cached).__gc;
}

/** Writes an attribute when its value changed (compared with the record, not read); numbers are rounded to 0.01 px (`num`). */
export function attr(el: Element, name: string, value: string | number): void {
  const c = ((el as Cached).__gc ??= {});
  const v = typeof value === 'number' ? num(value) : value;
  if (c[name] !== v) {
    c[name] = v;
    el.setAttribute(name, v);
  }
}

function text(el: Element, value: string): void {
  const c = ((el as Cached).__gc ??= {});
  if (c.$t !== value) {
    c.$t = value;
    // Rewrite the one text node in place (replacing it would rebuild its layout object).
    const t = el.firstChild;
    if (t && t.nodeType === 3 && !t.nextSibling) (t as Text).data = value;
    else el.textContent = value;
  }
}

/** Removes an attribute this module wrote (and its record). */
function drop(el: Element, name: string): void {
  const c = (el as Cached).__gc;
  if (c && c[name] !== undefined) {
    delete c[name];
    el.removeAttribute(name);
  }
}

export const make = (tag: string, cls?: string): Element => {
  const el = document.createElementNS(NS, tag);
  if (cls) attr(el, 'class', cls);
  return el;
};

/** Makes `parent`'s children the `n` items, reusing the first ones by position; `draw` fills each. */
function each<T>(parent: Element, items: readonly T[], tag: string, draw: (el: Element, d: T, fresh: boolean) => void, proto?: () => Element): void {
  let el = parent.firstElementChild;
  let model: Element | undefined; // the prototype, made when the first new node needs it
  for (const d of items) {
    if (el && el.localName === tag) {
      draw(el, d, false);
      el = el.nextElementSibling;
    } else {
      const n = proto ? clone((model ??= proto())) : make(tag);
      draw(n, d, true);
      parent.insertBefore(n, el);
    }
  }
  while (el) {
    const next = el.nextElementSibling;
    el.remove();
    el = next;
  }
}

/** An x tick label's usual attributes (see prototype below). */
const tickPrototype = (): Element => {
  const el = make('text', 'tick');
  attr(el, 'text-anchor', 'middle');
  return el;
};

/** The frame's groups in paint order, around the marks group: [before marks, after marks]. */
const BEFORE = ['grid', 'axis-left', 'axis-right'] as const;
const AFTER = ['zero', 'reference', 'x-axis', 'annotations'] as const;
type Part = (typeof BEFORE)[number] | (typeof AFTER)[number];

/**
 * Draws (or updates) the frame around `marks` inside its `<svg>`: each part is reused when it is there, created
 * (filled before it is attached) when it is not, removed when the model has none.
 */
export function drawFrame(marks: SVGGElement, m: GrowthModel): void {
  const svgEl = marks.parentNode as Element;
  const found = new Map<string, Element>();
  for (let el = svgEl.firstElementChild; el; el = el.nextElementSibling) {
    const part = (el as Element & { __gcPart?: Part }).__gcPart;
    if (part) found.set(part, el);
  }
  const x0 = m.plot.x;
  const x1 = m.plot.x + m.plot.width;
  const base = m.plot.y + m.plot.height;
  const fs = m.fontSize;
  const titleY = (side: 'left' | 'right') => m.titleY?.[side] ?? Math.max(fs, m.plot.y - fs - 8);
  const want = (part: Part): boolean => (part === 'axis-left' || part === 'zero' ? !!m.left : part === 'axis-right' ? !!m.right : part === 'reference' ? !!m.reference : true);
  /** Writes an x tick label (any shape: rotated, one line, several lines as <tspan>s, with or without <title>). */
  const drawX = (el: Element, t: (typeof m.xTicks)[number]): void => {
    const lines = t.rotate ? [t.lines[0]] : t.lines;
    const title = lines.some((l) => l.endsWith('…')) ? m.categories[t.index]?.tooltip.title ?? '' : null;
    const c = ((el as Cached).__gc ??= {});
    // The node's shape: rotated or one flat line (a text node on the <text>, optional <title>), or one <tspan>
    // per line (optional <title>). One line needs no <tspan>: fewer nodes to style and lay out.
    const inline = !!t.rotate || lines.length === 1;
    const shape = `${t.rotate ? 'r' : lines.length}${title === null ? '' : 't'}`;
    attr(el, 'class', 'tick');
    if (t.rotate) {
      drop(el, 'x');
      drop(el, 'y');
      attr(el, 'transform', `translate(${num(t.x)},${num(base + fs)}) rotate(${t.rotate})`);
      attr(el, 'text-anchor', 'end');
    } else {
      drop(el, 'transform');
      if (inline) {
        attr(el, 'x', t.x);
        attr(el, 'y', base + fs + 4);
      } else {
        drop(el, 'x');
        drop(el, 'y');
      }
      attr(el, 'text-anchor', 'middle');
    }
    if (c.$shape !== shape) {
      c.$shape = shape;
      el.textContent = '';
      if (inline) el.appendChild(document.createTextNode(''));
      else for (let i = 0; i < lines.length; i++) el.appendChild(make('tspan'));
      if (title !== null) el.appendChild(make('title'));
    }
    if (inline) {
      const node = el.firstChild as Text;
      if (node.data !== lines[0]) node.data = lines[0];
    } else {
      let sp = el.firstElementChild!;
      for (let i = 0; i < lines.length; i++, sp = sp.nextElementSibling!) {
        attr(sp, 'x', t.x);
        attr(sp, 'y', base + fs + 4 + i * fs * 1.3);
        text(sp, lines[i]);
      }
    }
    if (title !== null) text(el.lastElementChild!, title);
  };
  const fill = (part: Part, g: Element): void => {
    switch (part) {
      case 'grid': {
        // One path for every grid line (one node to build, style and lay out instead of one per tick).
        let d = '';
        const a = num(x0);
        const b = num(x1);
        for (const t of m.left?.ticks ?? []) d += `M${a},${num(t.pos)}H${b}`;
        attr(g, 'd', d);
        break;
      }
      case 'axis-left':
      case 'axis-right': {
        const left = part === 'axis-left';
        const a = (left ? m.left : m.right)!;
        const items: (null | (typeof a.ticks)[number])[] = [...a.ticks, null];
        each(g, items, 'text', (el, t) => {
          if (t) {
            attr(el, 'class', 'tick');
            attr(el, 'x', left ? x0 - 6 : x1 + 6);
            attr(el, 'y', t.pos);
            attr(el, 'dy', '0.32em');
            attr(el, 'text-anchor', left ? 'end' : 'start');
            text(el, t.label);
          } else {
            attr(el, 'class', 'axis-title');
            attr(el, 'x', left ? Math.max(0, x0 - 6) : Math.min(m.width, x1 + 6));
            attr(el, 'y', titleY(left ? 'left' : 'right'));
            if (el.hasAttribute('dy')) {
              el.removeAttribute('dy');
              delete (el as Cached).__gc!.dy;
            }
            attr(el, 'text-anchor', left ? 'start' : 'end');
            titleText(el, a, left ? Math.max(0, x0 - 6) : Math.min(m.width, x1 + 6));
          }
        }, () => {
          // what the ticks of this axis share
          const el = make('text', 'tick');
          attr(el, 'x', left ? x0 - 6 : x1 + 6);
          attr(el, 'dy', '0.32em');
          attr(el, 'text-anchor', left ? 'end' : 'start');
          return el;
        });
        break;
      }
      case 'zero':
        attr(g, 'x1', x0);
        attr(g, 'x2', x1);
        attr(g, 'y1', m.left!.zero);
        attr(g, 'y2', m.left!.zero);
        break;
      case 'reference': {
        const r = m.reference!;
        let line = g.firstElementChild;
        if (!line) {
          line = g.appendChild(make('line'));
          g.appendChild(make('text'));
        }
        attr(line, 'x1', x0);
        attr(line, 'x2', x1);
        attr(line, 'y1', r.y);
        attr(line, 'y2', r.y);
        const t = line.nextElementSibling!;
        attr(t, 'x', x1);
        attr(t, 'y', r.y - 4);
        attr(t, 'text-anchor', 'end');
        text(t, r.label);
        break;
      }
      case 'x-axis':
        each(g, m.xTicks, 'text', drawX, tickPrototype);
        break;
      case 'annotations':
        each(g, m.annotations, 'text', (el, a) => {
          attr(el, 'class', `annotation ${a.kind}`);
          attr(el, 'x', a.x);
          attr(el, 'y', a.y);
          text(el, a.text);
        });
        break;
    }
  };
  /**
   * A new part, filled before it is attached. Its labels are made with their attributes and text at once (no
   * prototype, no comparison with values written before: there are none), leaving the same nodes, attributes and
   * records as `fill` on an empty part, so later updates go through `fill` unchanged.
   */
  const build = (part: Part): Element => {
    const g = node(part === 'zero' ? 'line' : part === 'grid' ? 'path' : 'g', { class: part });
    (g as Element & { __gcPart?: Part }).__gcPart = part;
    switch (part) {
      case 'axis-left':
      case 'axis-right': {
        const left = part === 'axis-left';
        const a = (left ? m.left : m.right)!;
        const x = num(left ? x0 - 6 : x1 + 6);
        const anchor = left ? 'end' : 'start';
        for (const t of a.ticks) g.appendChild(label({ class: 'tick', x, dy: '0.32em', 'text-anchor': anchor, y: num(t.pos) }, t.label));
        const tx = left ? Math.max(0, x0 - 6) : Math.min(m.width, x1 + 6);
        const el = node('text', { class: 'axis-title', x: num(tx), 'text-anchor': left ? 'start' : 'end', y: num(titleY(left ? 'left' : 'right')) });
        titleText(el, a, tx);
        g.appendChild(el);
        break;
      }
      case 'x-axis': {
        const y = num(base + fs + 4);
        let proto: Element | undefined;
        for (const t of m.xTicks) {
          // one flat line (the usual label): made at once; rotated, several lines or shortened (with a <title>): drawX
          if (!t.rotate && t.lines.length === 1 && !t.lines[0].endsWith('…')) {
            const el = node('text', { class: 'tick', 'text-anchor': 'middle', x: num(t.x), y });
            el.appendChild(document.createTextNode(t.lines[0]));
            (el as Cached).__gc!.$shape = '1';
            g.appendChild(el);
          } else {
            const el = clone((proto ??= tickPrototype()));
            drawX(el, t);
            g.appendChild(el);
          }
        }
        break;
      }
      case 'annotations':
        for (const a of m.annotations) g.appendChild(label({ class: `annotation ${a.kind}`, x: num(a.x), y: num(a.y) }, a.text));
        break;
      default:
        fill(part, g);
    }
    return g;
  };
  if (!found.size) {
    // The first picture: every part new, in two fragments (two insertions into the live <svg>, not one per part).
    // The parts after the marks go right after them, before Lit's own nodes.
    const frag = document.createDocumentFragment();
    for (const part of BEFORE) if (want(part)) frag.appendChild(build(part));
    svgEl.insertBefore(frag, marks);
    for (const part of AFTER) if (want(part)) frag.appendChild(build(part));
    svgEl.insertBefore(frag, marks.nextSibling);
    return;
  }
  const place = (parts: readonly Part[], before: Node | null): void => {
    for (let i = parts.length - 1; i >= 0; i--) {
      const part = parts[i];
      let g = found.get(part);
      if (!want(part)) {
        g?.remove();
        continue;
      }
      if (!g) {
        g = build(part);
        svgEl.insertBefore(g, before);
      } else {
        fill(part, g);
        if (g.nextSibling !== before) svgEl.insertBefore(g, before);
      }
      before = g;
    }
  };
  place(BEFORE, marks);
  // The parts after the marks go before the first node that is not one of them (Lit's own nodes follow): anchoring
  // on marks.nextSibling, which is a part once drawn, moved every part out and back in on each update.
  let after = marks.nextSibling;
  while (after && (after as Node & { __gcPart?: Part }).__gcPart) after = after.nextSibling;
  place(AFTER, after);
}

/** An axis title: one text node, or (wrapped in a narrow chart) one `<tspan>` per line at `x`. */
function titleText(el: Element, a: Axis, x: number): void {
  const lines = a.titleLines;
  if (!lines) return text(el, a.title);
  const c = ((el as Cached).__gc ??= {});
  const key = lines.join('\n') + x;
  if (c.$t === key) return;
  c.$t = key;
  el.textContent = '';
  lines.forEach((l, i) => {
    const sp = el.appendChild(make('tspan'));
    sp.setAttribute('x', num(x));
    if (i) sp.setAttribute('dy', '1.3em');
    sp.textContent = l;
  });
}

/** A new `<text>` with its attributes (in this order) and its text, written and recorded. */
function label(attrs: Record<string, string>, value: string): Element {
  const el = node('text', attrs);
  el.appendChild(document.createTextNode(value));
  (el as Cached).__gc!.$t = value;
  return el;
}

/** A copy of a detached prototype mark, with the prototype's record of written values (see `prototype` in growth-chart.sync.ts). */
export function clone(proto: Element): Element {
  const el = proto.cloneNode(false) as Cached;
  el.__gc = { ...(proto as Cached).__gc };
  return el;
}
