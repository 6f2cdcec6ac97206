// Label placement for the chain graph (issue 13, "A legibility rule every element keeps"). Pure: no DOM.
//
// Labels are drawn at a fixed size in screen pixels whatever the drawing's zoom (never shrunk below the minimum
// text size); when they do not all fit, the ones that matter keep theirs — the emphasised / selected node, the chain
// leaders, the emphasised neighbourhood, then nodes by degree and value — and the rest are dropped (still reachable
// by hover, the keyboard tour and the table twin), never drawn over each other or cut at the edge.

/** A label box in screen pixels (left/top corner) with its priority (higher wins). */
export interface LabelCandidate {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  priority: number;
}

/** Node discs drawn smaller than this radius (screen px, a zoomed-out large graph) do not block labels. */
export const MIN_OBSTACLE_PX = 1;

/** A node's disc in screen px that labels of other nodes must keep clear of. */
export interface LabelObstacle {
  id: string;
  x: number;
  y: number;
  r: number;
}

export interface LabelBounds {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Priority classes, far apart so a class always beats every label of the classes below. */
export const LABEL_PRIORITY = {
  emphasis: 4e9,
  selected: 3e9,
  leader: 2e9,
  neighbourhood: 1e9,
} as const;

export interface PriorityInput {
  type: string;
  degree: number;
  /** Largest numeric attribute of the node (e.g. output value), 0 when none. */
  value: number;
  emphasis?: boolean;
  selected?: boolean;
  neighbour?: boolean;
}

/** The label priority of one node: emphasis > selected > chain leader > neighbourhood > degree, then value. */
export function labelPriority(n: PriorityInput): number {
  let p = n.degree * 1e6 + Math.min(999_999, Math.max(0, n.value) / 1e3);
  if (n.emphasis) p += LABEL_PRIORITY.emphasis;
  else if (n.selected) p += LABEL_PRIORITY.selected;
  if (n.type === 'leader') p += LABEL_PRIORITY.leader;
  if (n.neighbour) p += LABEL_PRIORITY.neighbourhood;
  return p;
}

const overlaps = (a: LabelCandidate, b: LabelCandidate, gap: number): boolean =>
  a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;

/**
 * Greedy placement: candidates by priority (ties: input order), each kept when it lies inside `bounds` and clear of
 * every label kept before it by `gap` px. Returns the kept ids. Uses a grid hash, so thousands of candidates are cheap.
 * `max` caps the number of labels kept. `obstacles`: node discs no label may cover (except its own node's), so a
 * label never hides another node (issue 15).
 */
export function placeLabels(candidates: readonly LabelCandidate[], bounds?: LabelBounds, gap = 2, max = Infinity, obstacles?: readonly LabelObstacle[]): Set<string> {
  const order = candidates.map((c, i) => [c, i] as const).sort((a, b) => b[0].priority - a[0].priority || a[1] - b[1]);
  const kept = new Set<string>();
  const cell = 96;
  const grid = new Map<string, LabelCandidate[]>();
  const cells = (c: LabelCandidate): string[] => {
    const out: string[] = [];
    for (let gx = Math.floor((c.x - gap) / cell); gx <= Math.floor((c.x + c.width + gap) / cell); gx++)
      for (let gy = Math.floor((c.y - gap) / cell); gy <= Math.floor((c.y + c.height + gap) / cell); gy++) out.push(gx + ',' + gy);
    return out;
  };
  const discs = new Map<string, LabelObstacle[]>();
  for (const d of obstacles ?? []) {
    if (!(d.r >= MIN_OBSTACLE_PX) || !Number.isFinite(d.x) || !Number.isFinite(d.y)) continue;
    for (let gx = Math.floor((d.x - d.r) / cell); gx <= Math.floor((d.x + d.r) / cell); gx++)
      for (let gy = Math.floor((d.y - d.r) / cell); gy <= Math.floor((d.y + d.r) / cell); gy++) {
        const k = gx + ',' + gy;
        (discs.get(k) ?? discs.set(k, []).get(k)!).push(d);
      }
  }
  const coversDisc = (c: LabelCandidate, keys: string[]): boolean => {
    for (const k of keys)
      for (const d of discs.get(k) ?? []) {
        if (d.id === c.id) continue;
        const nx = Math.max(c.x, Math.min(d.x, c.x + c.width)), ny = Math.max(c.y, Math.min(d.y, c.y + c.height));
        if ((nx - d.x) ** 2 + (ny - d.y) ** 2 < d.r * d.r) return true;
      }
    return false;
  };
  for (const [c] of order) {
    if (kept.size >= max) break;
    if (!(c.width > 0 && c.height > 0) || !Number.isFinite(c.x) || !Number.isFinite(c.y)) continue;
    if (bounds && (c.x < bounds.x0 || c.y < bounds.y0 || c.x + c.width > bounds.x1 || c.y + c.height > bounds.y1)) continue;
    const keys = cells(c);
    let clear = true;
    for (const k of keys) {
      for (const o of grid.get(k) ?? [])
        if (overlaps(c, o, gap)) {
          clear = false;
          break;
        }
      if (!clear) break;
    }
    if (!clear || (discs.size > 0 && coversDisc(c, keys))) continue;
    kept.add(c.id);
    for (const k of keys) (grid.get(k) ?? grid.set(k, []).get(k)!).push(c);
  }
  return kept;
}

/**
 * The label size in the element's own CSS px: the design size, raised so that on screen (× `screenScale`, the big
 * screen's CSS scale) it is at least `minScreenPx`.
 */
export function labelSizePx(designPx: number, minScreenPx: number, screenScale: number): number {
  const k = screenScale > 0 && Number.isFinite(screenScale) ? screenScale : 1;
  return Math.max(designPx, minScreenPx / k);
}
