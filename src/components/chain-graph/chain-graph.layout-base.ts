/**
 * What every layout of <civic-chain-graph> shares (chain-graph.layout.ts, chain-graph.tiers.ts): the options and
 * result types, node sizes with their label widths, pins, the box a node and its label take, bounds, nodes by home
 * chain. Pure.
 */
import type { ChainData, ChainNode, ChainPositions, NodeType, Point } from './chain-graph.types.js';
import { defaultRadius, estimateTextWidth, type LabelSide } from './chain-graph.geometry.js';

export type MeasureText = (text: string) => number;

export interface LayoutOptions {
  /** Label width in px for a text (the element passes a canvas `measureText`). Default: an estimate at 12px. */
  measureText?: MeasureText;
  /** Node radius in px; default `defaultRadius`. */
  radius?: (n: ChainNode) => number;
  /** Label shown for a node (default `name`). */
  label?: (n: ChainNode) => string;
  /** Pinned nodes: these positions are kept as given. */
  pins?: ChainPositions;
  /** Line height of a label in px (default 16). */
  lineHeight?: number;
  /**
   * Width / height of the view (tiers only): a layout wider than this is stretched vertically (up to 3×, rows only
   * move apart, so nothing starts to overlap) to use the space and stay readable.
   */
  aspect?: number;
}

export interface LayoutResult {
  positions: Map<string, Point>;
  /** Where labels go relative to the node (tiers: right; force and radial: below). */
  labelSide: LabelSide;
  bounds: { x0: number; y0: number; x1: number; y1: number };
}

export const TYPE_RANK: Record<NodeType, number> = { leader: 0, project: 1, member: 2, 'party-branch': 3, park: 4, 'service-team': 5 };

export interface Sized {
  node: ChainNode;
  r: number;
  w: number;
}

export function sizeNodes(nodes: readonly ChainNode[], o: LayoutOptions): Map<string, Sized> {
  const measure = o.measureText ?? ((t: string) => estimateTextWidth(t));
  const radius = o.radius ?? defaultRadius;
  const label = o.label ?? ((n: ChainNode) => n.name);
  const m = new Map<string, Sized>();
  for (const n of nodes) m.set(n.id, { node: n, r: radius(n), w: measure(label(n)) });
  return m;
}

export function applyPins(positions: Map<string, Point>, pins: ChainPositions | undefined): void {
  if (!pins) return;
  for (const id of Object.keys(pins)) {
    const p = pins[id];
    if (positions.has(id) && p && Number.isFinite(p.x) && Number.isFinite(p.y)) positions.set(id, { x: p.x, y: p.y });
  }
}

/** Box a node and its label occupy (label right of or below the node). */
export function nodeBox(p: Point, r: number, labelWidth: number, side: LabelSide, lineHeight = 16): { x0: number; y0: number; x1: number; y1: number } {
  if (side === 'right') {
    const h = Math.max(r, lineHeight / 2);
    return { x0: p.x - r, y0: p.y - h, x1: p.x + r + 4 + labelWidth, y1: p.y + h };
  }
  const half = Math.max(r, labelWidth / 2);
  return { x0: p.x - half, y0: p.y - r, x1: p.x + half, y1: p.y + r + 2 + lineHeight };
}

export function boundsOf(positions: Map<string, Point>, sized: Map<string, Sized>, side: LabelSide, lh: number): LayoutResult['bounds'] {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const [id, p] of positions) {
    const s = sized.get(id);
    const b = nodeBox(p, s?.r ?? 7, s?.w ?? 0, side, lh);
    if (b.x0 < x0) x0 = b.x0;
    if (b.y0 < y0) y0 = b.y0;
    if (b.x1 > x1) x1 = b.x1;
    if (b.y1 > y1) y1 = b.y1;
  }
  if (x0 === Infinity) return { x0: 0, y0: 0, x1: 0, y1: 0 };
  return { x0, y0, x1, y1 };
}

export function byHome(data: ChainData): Map<string, ChainNode[]> {
  const m = new Map<string, ChainNode[]>();
  for (const c of data.chains) m.set(c.id, []);
  for (const n of data.nodes) {
    let a = m.get(n.home);
    if (!a) m.set(n.home, (a = []));
    a.push(n);
  }
  return m;
}
