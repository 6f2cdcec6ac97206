/**
 * What <civic-chain-graph> and its painters share (chain-graph.painter.ts, loaded when the element connects, and
 * chain-graph.painter-canvas.ts, with the first canvas picture): the shown graph and the scene of one picture, node
 * shapes, the node under a point, and label widths measured with the element's font. Part of the element's first load.
 */
import type { CalloutBox } from './chain-graph.callout.js';
import type { ViewTransform as ZoomTransform } from './chain-graph.transform.js';
import { symbolCircle, symbolDiamond, symbolSquare, symbolStar, symbolTriangle, symbolWye, type SymbolType } from './chain-graph.symbols.js';
import { estimateTextWidth, type LabelSide } from './chain-graph.geometry.js';
import type { ChainData, ChainLayout, ChainNode, LinkKind, NodeType, Point } from './chain-graph.types.js';

export const SHAPES: Record<NodeType, SymbolType> = {
  leader: symbolStar,
  member: symbolCircle,
  'party-branch': symbolTriangle,
  park: symbolSquare,
  project: symbolDiamond,
  'service-team': symbolWye,
};
/** The graph being shown (after the chain choice and legend filters), with its lookups. */
export interface Shown {
  data: ChainData;
  byId: Map<string, ChainNode>;
  adj: Map<string, string[]>;
  radius: (n: ChainNode) => number;
  illustrative: boolean;
  /** Node types and link kinds present in the whole payload (the legend keeps filtered ones as toggles). */
  types: NodeType[];
  kinds: LinkKind[];
}

/** Everything one picture depends on. */
export interface Scene {
  shown: Shown;
  display: ReadonlyMap<string, Point>;
  zt: ZoomTransform;
  width: number;
  height: number;
  layout: ChainLayout;
  labelSide: LabelSide;
  emphasis: string | null;
  selected?: string;
  active: string | null;
  search: string;
  matches: ReadonlySet<string>;
  label: (n: ChainNode) => string;
  chainName: (c: ChainData['chains'][number]) => string;
  /** Label width in px at the design size (12 px × density). */
  measure: (text: string) => number;
  /** Density factor of the design size (1, 1.25, 1.5). */
  density: number;
  /** Node and chain label sizes in the element's CSS px (≥ the legibility floor on screen). */
  size: number;
  chainSize: number;
  fontFamily: string;
}

/** A gesture running: `pan` (same zoom: the placement moves with the picture), `zoom` (only labels already shown compete). */
export type Gesture = 'none' | 'pan' | 'zoom';

export interface Placement {
  kept: Set<string>;
  /** Labels of nodes in view that are not drawn (said visibly by the element). */
  dropped: number;
  size: number;
  chainSize: number;
  /** Node labels drawn away from their first spot (below the node): the label box's centre relative to the node, screen px. */
  offset: Map<string, { x: number; y: number }>;
  /** Labels that must be shown, placed away from their node (chain-graph.callout.ts): the box relative to the node, screen px. */
  callouts?: Map<string, CalloutBox>;
}

/** Node under a stage point: the node of the SVG element under the pointer (`target`) first, else `nodeAt`. */
export function hitNode(shown: Shown, display: ReadonlyMap<string, Point>, zt: ZoomTransform, x: number, y: number, target?: EventTarget | null): string | null {
  const el = target instanceof Element ? target.closest('[data-id]') : null;
  if (el && el.closest('[part="plot"]')) return el.getAttribute('data-id');
  return nodeAt(shown, display, zt, x, y);
}

/** Node under a stage point (stage CSS px): the nearest node within its radius (+3 screen px). */
export function nodeAt(shown: Shown, display: ReadonlyMap<string, Point>, zt: ZoomTransform, x: number, y: number): string | null {
  const gx = zt.invertX(x), gy = zt.invertY(y);
  let best: string | null = null;
  let bestD = Infinity;
  const slack = 3 / zt.k;
  for (const n of shown.data.nodes) {
    const p = display.get(n.id);
    if (!p) continue;
    const dx = p.x - gx, dy = p.y - gy;
    const r = shown.radius(n) + slack;
    if (Math.abs(dx) > r || Math.abs(dy) > r) continue;
    const d = Math.hypot(dx, dy);
    if (d <= r && d < bestD) {
      best = n.id;
      bestD = d;
    }
  }
  return best;
}

/**
 * Text widths at the design size (12 px × density) in the element's font, cached; an estimate where no canvas
 * can measure.
 */
export function createTextMeasure(font: () => { family: string; scale: number }): (text: string) => number {
  const cache = new Map<string, number>();
  let ctx: CanvasRenderingContext2D | null | undefined;
  return (text: string): number => {
    const { family, scale } = font();
    const key = scale + '|' + family + '|' + text;
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    if (ctx === undefined) {
      try {
        ctx = document.createElement('canvas').getContext('2d');
      } catch {
        ctx = null;
      }
    }
    let w: number;
    if (ctx) {
      ctx.font = `${12 * scale}px ${family || 'sans-serif'}`;
      w = Math.ceil(ctx.measureText(text).width);
    } else w = estimateTextWidth(text, 12 * scale);
    if (cache.size > 20000) cache.clear();
    cache.set(key, w);
    return w;
  };
}

export function round1(v: number): number {
  return Math.round(v * 10) / 10;
}
