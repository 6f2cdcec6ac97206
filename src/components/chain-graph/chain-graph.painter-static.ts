/**
 * The static part of <civic-chain-graph>'s canvas picture: links, nodes and rings under a transform, batched by link
 * kind / node type and emphasis (one path per batch), links cut to the canvas (chain-graph.canvas-cost.ts), with the
 * theme's colours and the radial layout's curve control points cached. The canvas painter (chain-graph.painter-canvas.ts)
 * draws these into its bitmap, at once or in slices, and the labels on top. Loaded with the canvas painter.
 */
import { ChainPainter, SHAPES, linkCentre, type Scene, type Shown } from './chain-graph.painter.js';
import { curveControl } from './chain-graph.geometry.js';
import { LINK_KINDS, NODE_TYPES, type ChainLink, type ChainNode, type LinkKind, type NodeType, type Point } from './chain-graph.types.js';
import { DASH, PERIOD, clipLink, offsetContext, type Rect, type StaticGroup } from './chain-graph.canvas-cost.js';

/** A transform from graph units to a canvas's CSS px. */
export interface View {
  k: number;
  x: number;
  y: number;
}

export class ChainStaticPainter extends ChainPainter {
  protected colors?: Record<string, string>;

  override themeChanged(): void {
    super.themeChanged();
    this.colors = undefined;
  }

  override moved(): void {
    super.moved();
    this.ctlKey = [];
  }

  private typeKey?: Shown;
  private byType = new Map<NodeType, ChainNode[]>();

  private nodesByType(shown: Shown): Map<NodeType, ChainNode[]> {
    if (this.typeKey === shown) return this.byType;
    this.typeKey = shown;
    this.byType = new Map();
    for (const n of shown.data.nodes) (this.byType.get(n.type) ?? this.byType.set(n.type, []).get(n.type)!).push(n);
    return this.byType;
  }

  protected palette(): Record<string, string> {
    if (this.colors) return this.colors;
    const c: Record<string, string> = {};
    for (const t of NODE_TYPES) c[t] = this.token('--_node-' + t, '#0072b2');
    c.link = this.token('--_link-color', '#52606d');
    c.label = this.token('--_label-color', '#1f2933');
    c.halo = this.token('--_halo', '#ffffff');
    c.callout = this.token('--_callout-color', c.label);
    c.focus = this.token('--_color-focus', '#1d4ed8');
    c.match = this.token('--_color-warning', '#8a5a00');
    return (this.colors = c);
  }

  private ctlKey: unknown[] = [];
  private ctlCache = new Map<ChainLink, Point>();

  /** Control points of the curved (radial) links, per graph and positions. */
  protected controls(s: Scene): Map<ChainLink, Point> {
    const key = [s.shown, s.display, s.layout];
    if (key.every((v, i) => v === this.ctlKey[i])) return this.ctlCache;
    this.ctlKey = key;
    const out = new Map<ChainLink, Point>();
    const centres = this.centres(s);
    if (centres)
      for (const l of s.shown.data.links) {
        const a = s.display.get(l.source), b = s.display.get(l.target);
        const centre = a && b ? linkCentre(s.shown, centres, l) : undefined;
        const c = centre ? curveControl(a!, b!, centre) : null;
        if (c) out.set(l, c);
      }
    return (this.ctlCache = out);
  }

  /** Links, nodes and rings under the transform `t` (CSS px) in a `width`×`height` view, all at once. */
  protected paintStatic(ctx: CanvasRenderingContext2D, s: Scene, t: View, width: number, height: number, dpr: number, col: Record<string, string>, hood: Set<string> | undefined): void {
    this.startStatic(ctx, t, dpr);
    for (const g of this.staticGroups(s, t, width, height, hood)) this.paintGroup(ctx, s, g, 0, g.items.length, t, col);
    this.paintRings(ctx, s, t, col);
  }

  protected startStatic(ctx: CanvasRenderingContext2D, t: View, dpr: number): void {
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
    ctx.setTransform(dpr * t.k, 0, 0, dpr * t.k, dpr * t.x, dpr * t.y);
  }

  /**
   * What the static picture draws, in order: links batched by kind and emphasis (a link with both ends off one side
   * of the view skipped), then nodes by type and emphasis (those in view).
   */
  protected staticGroups(s: Scene, t: View, width: number, height: number, hood: Set<string> | undefined): StaticGroup[] {
    const { shown } = s;
    const emph = s.emphasis;
    const pos = s.display;
    // The visible part of the graph (graph coordinates), with a margin for node radii.
    const m = 40 / t.k;
    const vx0 = -t.x / t.k - m, vx1 = (width - t.x) / t.k + m, vy0 = -t.y / t.k - m, vy1 = (height - t.y) / t.k + m;
    const byKind = new Map<LinkKind, [ChainLink[], ChainLink[]]>();
    const ctl = this.controls(s);
    for (const l of shown.data.links) {
      const a = pos.get(l.source), b = pos.get(l.target);
      if (!a || !b) continue;
      // Radial: links inside a chain bend towards its centre (the control point counts for the view test).
      const c = ctl.get(l);
      const x0 = Math.min(a.x, b.x, c ? c.x : a.x), x1 = Math.max(a.x, b.x, c ? c.x : a.x), y0 = Math.min(a.y, b.y, c ? c.y : a.y), y1 = Math.max(a.y, b.y, c ? c.y : a.y);
      if (x1 < vx0 || x0 > vx1 || y1 < vy0 || y0 > vy1) continue;
      const dim = !!hood && l.source !== emph && l.target !== emph;
      const slot = byKind.get(l.kind) ?? byKind.set(l.kind, [[], []]).get(l.kind)!;
      slot[dim ? 0 : 1].push(l);
    }
    const groups: StaticGroup[] = [];
    for (const kind of LINK_KINDS) {
      const slot = byKind.get(kind);
      if (slot) for (const dim of [true, false]) if (slot[dim ? 0 : 1].length) groups.push({ links: true, kind, dim, items: slot[dim ? 0 : 1] });
    }
    const byType = this.nodesByType(shown);
    for (const type of NODE_TYPES) {
      const nodes = byType.get(type);
      if (!nodes) continue;
      for (const dim of hood ? [true, false] : [false]) {
        const items: ChainNode[] = [];
        for (const n of nodes) {
          if (hood && dim === hood.has(n.id)) continue;
          const p = pos.get(n.id);
          if (p && p.x >= vx0 && p.x <= vx1 && p.y >= vy0 && p.y <= vy1) items.push(n);
        }
        if (items.length) groups.push({ links: false, type, dim, items });
      }
    }
    return groups;
  }

  /** Items [from, to) of one group: one path, one stroke or fill. */
  protected paintGroup(ctx: CanvasRenderingContext2D, s: Scene, g: StaticGroup, from: number, to: number, t: View, col: Record<string, string>): void {
    const pos = s.display;
    ctx.beginPath();
    if (g.links) {
      const ctl = this.controls(s);
      // Only the part of each link on the bitmap (the canvas dashes a path outside it too), with a margin for the
      // line's width.
      const m = ctx.getTransform();
      const w = Math.max(1.2, 0.6 / t.k) + 2 / t.k;
      const r = { x0: -m.e / m.a - w, y0: -m.f / m.d - w, x1: (ctx.canvas.width - m.e) / m.a + w, y1: (ctx.canvas.height - m.f) / m.d + w };
      for (let i = from; i < to; i++) {
        const l = g.items[i];
        const p = clipLink(pos.get(l.source)!, pos.get(l.target)!, ctl.get(l), r, PERIOD[g.kind]);
        if (!p) continue;
        ctx.moveTo(p.ax, p.ay);
        if (p.c) ctx.quadraticCurveTo(p.c.x, p.c.y, p.bx, p.by);
        else ctx.lineTo(p.bx, p.by);
      }
      ctx.lineWidth = Math.max(1.2, 0.6 / t.k);
      ctx.globalAlpha = g.dim ? 0.15 : 1;
      ctx.setLineDash(DASH[g.kind]);
      ctx.strokeStyle = g.kind === 'party-link' ? col['party-branch'] : col.link;
      ctx.stroke();
      ctx.setLineDash([]);
    } else {
      // Symbols drawn through an offsetting context, so one path holds them all.
      const at = offsetContext(ctx);
      const shape = SHAPES[g.type];
      for (let i = from; i < to; i++) {
        const n = g.items[i];
        const p = pos.get(n.id)!;
        const r = s.shown.radius(n);
        at.ox = p.x;
        at.oy = p.y;
        shape.draw(at, Math.PI * r * r);
      }
      ctx.globalAlpha = g.dim ? 0.15 : 1;
      ctx.fillStyle = col[g.type];
      ctx.fill();
    }
    ctx.globalAlpha = 1;
  }

  /** Rings: selected / keyboard / search matches. */
  protected paintRings(ctx: CanvasRenderingContext2D, s: Scene, t: View, col: Record<string, string>): void {
    const { shown } = s;
    const pos = s.display;
    for (const id of [s.selected, s.active]) {
      const p = id ? pos.get(id) : undefined;
      if (!p || !id || !shown.byId.has(id)) continue;
      ctx.beginPath();
      ctx.arc(p.x, p.y, shown.radius(shown.byId.get(id)!) + 4, 0, 2 * Math.PI);
      ctx.strokeStyle = col.focus;
      ctx.lineWidth = 2.5 / t.k;
      ctx.stroke();
    }
    for (const id of s.matches) {
      const p = pos.get(id);
      if (!p) continue;
      ctx.beginPath();
      ctx.arc(p.x, p.y, shown.radius(shown.byId.get(id)!) + 7, 0, 2 * Math.PI);
      ctx.strokeStyle = col.match;
      ctx.lineWidth = 2 / t.k;
      ctx.stroke();
    }
  }
}

/** The graph rectangle a view shows on a w×h CSS px bitmap. */
export function viewRect(t: View, w: number, h: number): Rect {
  return { x0: -t.x / t.k, y0: -t.y / t.k, x1: (w - t.x) / t.k, y1: (h - t.y) / t.k };
}
