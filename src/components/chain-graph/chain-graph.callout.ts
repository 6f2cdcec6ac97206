/**
 * Callouts of <civic-chain-graph> (issue 15): a label that must be shown (a chain leader, the selected or emphasised
 * node) whose spots next to its node are all taken goes to the nearest free box around it (chain-graph.labels.ts,
 * calloutSpots) and is joined to its node by a thin line, as ECharts' labelLine. Pure geometry, shared by the SVG
 * painter and the canvas labels (chain-graph.canvas-labels.ts).
 */

/** A callout label's box relative to its node's centre (screen px), and the reach of the node's symbol there. */
export interface CalloutBox {
  x: number;
  y: number;
  width: number;
  height: number;
  r: number;
}

/** Lines shorter than this (screen px) are not drawn: the label sits next to its node anyway. */
export const MIN_CALLOUT_PX = 4;

/**
 * The callout's line relative to the node's centre: from the edge of the node's symbol (`r`) towards the nearest point
 * of the label box, ending 2 px short of it; undefined when the box is within MIN_CALLOUT_PX of the node.
 */
export function calloutLine(b: CalloutBox): { x1: number; y1: number; x2: number; y2: number } | undefined {
  const nx = Math.max(b.x, Math.min(0, b.x + b.width)), ny = Math.max(b.y, Math.min(0, b.y + b.height));
  const d = Math.hypot(nx, ny);
  if (!(d - b.r - 2 >= MIN_CALLOUT_PX)) return undefined;
  const ux = nx / d, uy = ny / d;
  return { x1: ux * (b.r + 1), y1: uy * (b.r + 1), x2: ux * (d - 2), y2: uy * (d - 2) };
}

/** How strongly callout lines are drawn over the label colour (low contrast: they may cross links and nodes). */
export const CALLOUT_OPACITY = 0.55;
