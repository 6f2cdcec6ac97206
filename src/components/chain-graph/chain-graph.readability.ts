/**
 * Readability measures of a drawn chain graph (issue 15): link crossings, label overlaps (label/label and
 * label/node), the smallest drawn label in screen px and the share of labels shown. Pure, DOM-free: used by
 * bench/chain-graph (next to d3-force's default layout on the same data) and by unit tests. Not imported by the
 * element, so it costs the bundle nothing.
 */
import type { Point } from './chain-graph.types.js';
import { LABEL_PRIORITY, MAX_LABELS, MIN_OBSTACLE_PX, labelSpots, rightSpots, placeLabels, labelPriority, labelSizePx, symbolReach, type LabelCandidate, type LabelObstacle } from './chain-graph.labels.js';
import { SHAPES } from './chain-graph.scene.js';
import type { NodeType } from './chain-graph.types.js';
import type { LabelSide, LayoutResult } from './chain-graph.layout.js';
import { radialLinkPoints } from './chain-graph.order.js';
import { linkCrossings, type Polyline } from './chain-graph.crossings.js';
import { estimateTextWidth as estimateWidth } from './chain-graph.geometry.js';

export { linkCrossings, segmentsCross, type Polyline } from './chain-graph.crossings.js';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}


/** Pairs of boxes that overlap (touching edges do not count). */
export function boxOverlaps(boxes: readonly Box[]): number {
  const order = boxes.map((_, i) => i).sort((a, b) => boxes[a].x - boxes[b].x);
  let n = 0;
  for (let i = 0; i < order.length; i++) {
    const a = boxes[order[i]];
    for (let j = i + 1; j < order.length; j++) {
      const b = boxes[order[j]];
      if (b.x >= a.x + a.width) break;
      if (a.y < b.y + b.height && b.y < a.y + a.height && a.x < b.x + b.width) n++;
    }
  }
  return n;
}

/**
 * Labels that cover another node's disc (a label over its own node is the layout's business, not counted; discs
 * under MIN_OBSTACLE_PX radius — sub-pixel dots of a zoomed-out large graph — are not counted, as placeLabels).
 */
export function labelNodeOverlaps(labels: readonly (Box & { id: string })[], nodes: readonly { id: string; x: number; y: number; r: number }[]): number {
  let n = 0;
  for (const l of labels)
    for (const d of nodes) {
      if (d.id === l.id || d.r < MIN_OBSTACLE_PX) continue;
      const cx = Math.max(l.x, Math.min(d.x, l.x + l.width)), cy = Math.max(l.y, Math.min(d.y, l.y + l.height));
      if ((cx - d.x) ** 2 + (cy - d.y) ** 2 < d.r * d.r) n++;
    }
  return n;
}

export interface View {
  width: number;
  height: number;
  /** Legibility floor in screen px (14 under <civic-screen>, 12 on a page). */
  minScreenPx: number;
  /** CSS scale of the big screen (1 on a page). */
  screenScale?: number;
}

export interface Transform {
  k: number;
  x: number;
  y: number;
}

/** The element's zoom-to-fit (chain-graph.view.ts `fit`): 28 px padding, room for chain titles, k ≤ 2 (the whole drawing). */
export function fitTransform(bounds: LayoutResult['bounds'], width: number, height: number): Transform {
  const pad = 28;
  const gw = Math.max(1, bounds.x1 - bounds.x0), gh = Math.max(1, bounds.y1 - bounds.y0 + 24);
  const k = Math.min(2, Math.max(1e-3, Math.min((width - 2 * pad) / gw, (height - 2 * pad) / gh)));
  return { k, x: width / 2 - k * (bounds.x0 + gw / 2), y: height / 2 - k * (bounds.y0 - 24 + gh / 2) };
}

export type LinkStyle = 'straight' | 'tiers' | 'radial';

/** A link as the painter draws it, flattened to a polyline in layout coordinates. */
export function linkPolyline(style: LinkStyle, a: Point, b: Point, centre?: Point, steps = 6): Point[] {
  if (style === 'straight') return [a, b];
  const out: Point[] = [];
  if (style === 'radial') return radialLinkPoints(a, b, centre, steps);
  // tiers: horizontal S-curves between columns, a bow to the left inside a column (chain-graph.ts linkPath).
  let c1: Point, c2: Point;
  if (Math.abs(b.x - a.x) > 1) {
    const mx = (a.x + b.x) / 2;
    c1 = { x: mx, y: a.y };
    c2 = { x: mx, y: b.y };
  } else {
    const bow = Math.min(90, 12 + Math.abs(b.y - a.y) / 4);
    c1 = { x: a.x - bow, y: a.y };
    c2 = { x: b.x - bow, y: b.y };
  }
  for (let i = 0; i <= steps; i++) {
    const t = i / steps, u = 1 - t;
    out.push({
      x: u * u * u * a.x + 3 * u * u * t * c1.x + 3 * u * t * t * c2.x + t * t * t * b.x,
      y: u * u * u * a.y + 3 * u * u * t * c1.y + 3 * u * t * t * c2.y + t * t * t * b.y,
    });
  }
  return out;
}

export interface MeasureNode {
  id: string;
  type: string;
  home: string;
  r: number;
  /** Label width at `designPx`. */
  w: number;
  degree: number;
  value: number;
}

export interface Readability {
  crossings: number;
  labelOverlaps: number;
  labelNodeOverlaps: number;
  /** Smallest drawn label, screen px (Infinity when none is drawn). */
  minLabelPx: number;
  shown: number;
  total: number;
}

/** Chain leaders' labels (must be shown): how many, how many drawn, how many of those as callouts (issue 15). */
export interface Callouts {
  leaders: number;
  leadersShown: number;
  callouts: number;
}

export interface MeasureInput {
  nodes: readonly MeasureNode[];
  links: readonly { source: string; target: string }[];
  positions: Map<string, Point>;
  bounds: LayoutResult['bounds'];
  labelSide: LabelSide;
  linkStyle: LinkStyle;
  /** Centre of each chain (radial links bend towards it): the leader's position. */
  centres?: Map<string, Point>;
  /**
   * The chains and their names: the element draws each chain's name above its nodes (tiers, or more than one chain),
   * placed first and kept clear of nodes like the node labels. Without it no chain name is measured.
   */
  chains?: readonly { id: string; name: string }[];
  /** Label design size in CSS px (12). */
  designPx?: number;
}

const LINE = 1.45;

/** How far a node's symbol reaches from its centre in px at zoom 1 (its radius × the shape's reach). */
export function nodeReach(n: Pick<MeasureNode, 'type' | 'r'>): number {
  const shape = SHAPES[n.type as NodeType];
  return n.r * (shape ? symbolReach(shape) : 1);
}

/**
 * The label candidates the element would place for a layout in a view, as chain-graph.painter.ts builds them:
 * fitted to the view, node labels at the design size raised to the floor in screen px (`labelSizePx`), priority by
 * `labelPriority`, around the node (`labelSpots`; tiers: `rightSpots`); chain names (14 px
 * design, bold ≈ 1.1 × wider) above each chain's top symbol, fixed, first; node symbols (their reach) as obstacles;
 * `bounds`: the view less the bottom strip kept for the "names not shown" note.
 */
export function labelCandidates(m: MeasureInput, view: View): { cands: LabelCandidate[]; discs: LabelObstacle[]; size: number; transform: Transform; bounds: { x0: number; y0: number; x1: number; y1: number } } {
  const scale = view.screenScale && view.screenScale > 0 ? view.screenScale : 1;
  const design = m.designPx ?? 12;
  const size = labelSizePx(design, view.minScreenPx, scale);
  const chainSize = labelSizePx((design * 14) / 12, view.minScreenPx, scale);
  const t = fitTransform(m.bounds, view.width, view.height);
  const cands: LabelCandidate[] = [];
  const discs: LabelObstacle[] = [];
  if (m.chains && (m.labelSide === 'right' || m.chains.length > 1)) {
    const top = new Map<string, { x0: number; x1: number; y0: number }>();
    for (const n of m.nodes) {
      const p = m.positions.get(n.id);
      if (!p) continue;
      const b = top.get(n.home) ?? top.set(n.home, { x0: Infinity, x1: -Infinity, y0: Infinity }).get(n.home)!;
      b.x0 = Math.min(b.x0, p.x);
      b.x1 = Math.max(b.x1, p.x);
      b.y0 = Math.min(b.y0, p.y - nodeReach(n));
    }
    for (const c of m.chains) {
      const b = top.get(c.id);
      if (!b) continue;
      const cx = t.x + t.k * ((b.x0 + b.x1) / 2), cy = t.y + t.k * b.y0;
      const w = ((estimateWidth(c.name) * chainSize) / 12) * 1.1;
      cands.push({ id: 'chain:' + c.id, x: cx - w / 2, y: cy - chainSize * LINE - 2, width: w, height: chainSize * LINE, priority: LABEL_PRIORITY.emphasis * 2, fixed: true });
    }
  }
  for (const n of m.nodes) {
    const p = m.positions.get(n.id);
    if (!p) continue;
    const sx = t.x + t.k * p.x, sy = t.y + t.k * p.y;
    const r = n.r * t.k;
    discs.push({ id: n.id, x: sx, y: sy, r: nodeReach(n) * t.k });
    const w = (n.w * size) / design, h = size * LINE;
    const priority = labelPriority({ type: n.type, degree: n.degree, value: n.value });
    const [first, ...alts] = (m.labelSide === 'right' ? rightSpots : labelSpots)(sx, sy, r, w, h);
    cands.push({ id: n.id, ...first, alts, width: w, height: h, priority });
  }
  const noteH = Math.max(size, 14) * 1.6;
  return { cands, discs, size, transform: t, bounds: { x0: 0, y0: 0, x1: view.width, y1: view.height - noteH } };
}

/**
 * Readability of a layout drawn like the element draws it: labels (and chain names) placed by priority with
 * `placeLabels` (dropped, never shrunk, none cut at the edge, none over another node). Overlaps count every drawn
 * box, chain names included; `shown` counts node labels.
 */
export function measureDrawn(m: MeasureInput, view: View): Readability & Callouts & { kept: Set<string>; at: Map<string, { x: number; y: number }> } {
  const scale = view.screenScale && view.screenScale > 0 ? view.screenScale : 1;
  const { cands, discs, size, bounds } = labelCandidates(m, view);
  const at = new Map<string, { x: number; y: number }>();
  const callouts = new Set<string>();
  const kept = placeLabels(cands, bounds, 2, MAX_LABELS, discs, { must: LABEL_PRIORITY.leader, at, callouts });
  const leaders = cands.filter((c) => !c.id.startsWith('chain:') && c.priority >= LABEL_PRIORITY.leader);
  const boxes = cands.filter((c) => kept.has(c.id)).map((c) => ({ ...c, ...at.get(c.id)! }));
  const shown = boxes.filter((b) => !b.id.startsWith('chain:')).length;
  return {
    crossings: crossingsOf(m),
    labelOverlaps: boxOverlaps(boxes),
    labelNodeOverlaps: labelNodeOverlaps(boxes, discs),
    minLabelPx: boxes.length ? size * scale : Infinity,
    shown,
    total: m.nodes.length,
    leaders: leaders.length,
    leadersShown: leaders.filter((c) => kept.has(c.id)).length,
    callouts: callouts.size,
    kept,
    at,
  };
}

/**
 * The naive drawing a d3-force page usually makes: every label drawn, at the design size in layout units, zoomed
 * with the drawing (so it shrinks with the fit), below its node.
 */
export function measureNaive(m: MeasureInput, view: View): Readability {
  const scale = view.screenScale && view.screenScale > 0 ? view.screenScale : 1;
  const design = m.designPx ?? 12;
  const t = fitTransform(m.bounds, view.width, view.height);
  const boxes: (Box & { id: string })[] = [];
  const discs: { id: string; x: number; y: number; r: number }[] = [];
  for (const n of m.nodes) {
    const p = m.positions.get(n.id);
    if (!p) continue;
    const sx = t.x + t.k * p.x, sy = t.y + t.k * p.y, r = n.r * t.k;
    discs.push({ id: n.id, x: sx, y: sy, r: nodeReach(n) * t.k });
    boxes.push({ id: n.id, x: sx - (n.w * t.k) / 2, y: sy + r + 2 * t.k, width: n.w * t.k, height: design * LINE * t.k });
  }
  return {
    crossings: crossingsOf(m),
    labelOverlaps: boxOverlaps(boxes),
    labelNodeOverlaps: labelNodeOverlaps(boxes, discs),
    minLabelPx: boxes.length ? design * t.k * scale : Infinity,
    shown: boxes.length,
    total: m.nodes.length,
  };
}

/** Link crossings of a layout as the painter draws its links (see `linkPolyline`). */
export function crossingsOf(m: Pick<MeasureInput, 'links' | 'positions' | 'linkStyle' | 'centres' | 'nodes'>): number {
  const home = new Map(m.nodes.map((n) => [n.id, n.home]));
  const lines: Polyline[] = [];
  for (const l of m.links) {
    const a = m.positions.get(l.source), b = m.positions.get(l.target);
    if (!a || !b) continue;
    const ha = home.get(l.source);
    const centre = ha !== undefined && ha === home.get(l.target) ? m.centres?.get(ha) : undefined;
    lines.push({ source: l.source, target: l.target, points: linkPolyline(m.linkStyle, a, b, centre) });
  }
  return linkCrossings(lines);
}
