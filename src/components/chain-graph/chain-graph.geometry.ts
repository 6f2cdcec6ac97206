/**
 * Geometry the painter and the layouts share, in a module of its own so the element's first load needs none of the
 * layouts (chain-graph.layout.ts, chain-graph.order.ts and d3-force load with the first main-thread layout; the
 * worker bundles its own): node radii, a DOM-free label width estimate, and the curved links of the radial layout.
 */
import type { ChainNode, NodeType, Point } from './chain-graph.types.js';

/** Where labels go relative to the node (tiers: right; force and radial: below). */
export type LabelSide = 'right' | 'below';

const TYPE_RADIUS: Record<NodeType, number> = { leader: 14, member: 7, 'party-branch': 5, park: 9, project: 7, 'service-team': 6 };

export function defaultRadius(n: ChainNode): number {
  return TYPE_RADIUS[n.type] ?? 7;
}

/** Rough label width at 12px: CJK and full-width characters 1em, others 0.6em. Deterministic, DOM-free. */
export function estimateTextWidth(text: string, fontSize = 12): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    w += c >= 0x2e80 ? fontSize : 0.6 * fontSize;
  }
  return Math.ceil(w);
}

/**
 * Node radius from a numeric attribute (square-root scale, 5–18 px); nodes without the attribute keep their
 * type's radius; leaders never shrink below 12 px.
 */
export function radiusByAttribute(nodes: readonly ChainNode[], attr: string | undefined): (n: ChainNode) => number {
  if (!attr) return defaultRadius;
  let max = 0;
  for (const n of nodes) {
    const v = n.attrs[attr];
    if (v !== undefined && v > max) max = v;
  }
  if (!(max > 0)) return defaultRadius;
  return (n) => {
    const v = n.attrs[attr];
    if (v === undefined || v < 0) return defaultRadius(n);
    const r = 5 + Math.sqrt(v / max) * 13;
    return n.type === 'leader' ? Math.max(12, r) : r;
  };
}

/**
 * Control point of a radial link (a quadratic curve, `M a Q c b`): for a link between two nodes of the same ring, the
 * chord's midpoint pulled towards the chain's centre, more so the wider the angle the link spans, so links between
 * far-apart nodes of a ring bend inwards instead of cutting across it. Null when the link is (nearly) radial or joins
 * two rings (or a hub placed off the rings): draw it straight.
 */
export function curveControl(a: Point, b: Point, centre: Point): Point | null {
  const ax = a.x - centre.x, ay = a.y - centre.y, bx = b.x - centre.x, by = b.y - centre.y;
  const ra = Math.hypot(ax, ay), rb = Math.hypot(bx, by);
  if (ra < 1 || rb < 1) return null;
  const cos = (ax * bx + ay * by) / (ra * rb);
  const spread = (1 - Math.max(-1, Math.min(1, cos))) / 2; // 0 same direction … 1 opposite
  if (spread < 0.01) return null;
  // Only links along a ring bend (between rings a straight line crosses fewer links: measured on the demo chains).
  if (Math.abs(ra - rb) > 0.02 * Math.max(ra, rb)) return null;
  const mx = (a.x + b.x) / 2, my = (a.y + b.y) / 2;
  const f = Math.min(0.85, 0.25 + 0.7 * spread);
  return { x: mx + (centre.x - mx) * f, y: my + (centre.y - my) * f };
}

/** Points of a radial link as drawn (straight, or the quadratic curve towards the centre), `steps` segments. */
export function radialLinkPoints(a: Point, b: Point, centre: Point | undefined, steps = 6): Point[] {
  const c = centre ? curveControl(a, b, centre) : null;
  if (!c) return [a, b];
  const out: Point[] = [];
  for (let i = 0; i <= steps; i++) {
    const t = i / steps, u = 1 - t;
    out.push({ x: u * u * a.x + 2 * u * t * c.x + t * t * b.x, y: u * u * a.y + 2 * u * t * c.y + t * t * b.y });
  }
  return out;
}

/**
 * A radial link for the painter: `M a Q c b'` (curve towards `centre`) or `M a L b'`, the end moved back by `inset`
 * px along the curve's end tangent (room for the target's disc and the arrow head). Returns the SVG path and the
 * same geometry for a canvas (`ctx.moveTo(...m); c ? ctx.quadraticCurveTo(...c, ...e) : ctx.lineTo(...e)`).
 */
export function radialLinkGeometry(a: Point, b: Point, centre: Point | undefined, inset = 0): { d: string; m: Point; c: Point | null; e: Point } {
  const c = centre ? curveControl(a, b, centre) : null;
  const from = c ?? a;
  const dx = b.x - from.x, dy = b.y - from.y, len = Math.hypot(dx, dy) || 1;
  const e = { x: b.x - (dx / len) * inset, y: b.y - (dy / len) * inset };
  const r = (v: number) => Math.round(v * 10) / 10;
  const d = c ? `M${r(a.x)},${r(a.y)}Q${r(c.x)},${r(c.y)} ${r(e.x)},${r(e.y)}` : `M${r(a.x)},${r(a.y)}L${r(e.x)},${r(e.y)}`;
  return { d, m: a, c, e };
}
