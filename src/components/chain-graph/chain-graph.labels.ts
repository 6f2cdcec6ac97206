// Label placement for the chain graph (issue 13, "A legibility rule every element keeps"). Pure: no DOM.
//
// Labels are drawn at a fixed size in screen pixels whatever the drawing's zoom (never shrunk below the minimum
// text size); when they do not all fit, the ones that matter keep theirs — the emphasised / selected node, the chain
// leaders, the emphasised neighbourhood, then nodes by degree and value — and the rest are dropped (still reachable
// by hover, the keyboard tour and the table twin), never drawn over each other or another node, or cut at the edge.
import type { SymbolType } from './chain-graph.symbols.js';

/** A label box in screen pixels (left/top corner) with its priority (higher wins). */
export interface LabelCandidate {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  priority: number;
  /** Other places for the box (left/top corners), tried in order when (x, y) is blocked (issue 15). */
  alts?: readonly { x: number; y: number }[];
  /** Drawn only at (x, y) (a chain name): never moved further out. */
  fixed?: boolean;
}

/** At most this many labels are drawn at once (chain-graph.painter.ts). */
export const MAX_LABELS = 600;

/** Node discs drawn smaller than this radius (screen px, a zoomed-out large graph) do not block labels. */
export const MIN_OBSTACLE_PX = 1;

/**
 * How far a node's drawn symbol reaches from its centre, in node radii: symbols are drawn with the area of the
 * node's disc (chain-graph.symbols.ts), so a star's points reach 1.67 r, a diamond's 1.62 r, a square's corners
 * 1.25 r. Label obstacles use this reach, so a label never covers the tip of another node's symbol. Measured from
 * the shape's own path (its farthest vertex or arc), once per shape.
 */
export function symbolReach(shape: SymbolType | undefined): number {
  if (!shape) return 1;
  let reach = REACH.get(shape);
  if (reach !== undefined) return reach;
  let far = 0;
  const at = (x: number, y: number) => void (far = Math.max(far, Math.hypot(x, y)));
  shape.draw({ moveTo: at, lineTo: at, closePath: () => {}, arc: (x, y, r) => void (far = Math.max(far, Math.hypot(x, y) + r)) }, Math.PI);
  reach = far > 0 ? far : 1;
  REACH.set(shape, reach);
  return reach;
}
const REACH = new Map<SymbolType, number>();

/** A node's disc in screen px that labels of other nodes must keep clear of (its symbol's reach, see symbolReach). */
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

export interface PlaceOptions {
  /**
   * Candidates of at least this priority (the chain leaders, the selected and emphasised node) get more room: when
   * none of their own spots is clear of labels and nodes, the first clear one of `farSpots` (a `fixed` one, a chain
   * name, stays where it is). Like every label they are dropped when nowhere is clear (never drawn over another node or
   * label, never shrunk: issue 15); placed first, so only a label of at least their priority can take their room.
   * Default: none.
   */
  must?: number;
  /** Filled with the chosen box corner of every kept candidate (its (x, y) or one of its `alts`). */
  at?: Map<string, { x: number; y: number }>;
  /**
   * Filled with the ids of the must labels placed away from their own spots (a far spot or a callout, see
   * calloutSpots): the painters draw a thin line from the node to the label (chain-graph.callout.ts).
   */
  callouts?: Set<string>;
}

/**
 * Greedy placement: candidates by priority (ties: input order), each kept at the first of its positions ((x, y),
 * then `alts`) that lies inside `bounds` and clear of every label kept before it by `gap` px. Returns the kept ids.
 * Uses a grid hash, so thousands of candidates are cheap. `max` caps the number of labels kept. `obstacles`: node
 * discs (radius: the symbol's reach, see symbolReach) no label may cover except its own node's, every one of them
 * tested through the grid, so a label never hides another node (issue 15). Labels that do
 * not fit are dropped, never shrunk (still reachable by hover, focus, the tour and the table twin); `opts.must` gives
 * the labels that matter more places to try.
 */
export function placeLabels(candidates: readonly LabelCandidate[], bounds?: LabelBounds, gap = 2, max = Infinity, obstacles?: readonly LabelObstacle[], opts: PlaceOptions = {}): Set<string> {
  const steps = placeLabelSteps(candidates, bounds, gap, max, obstacles, opts);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * Where a label that must be shown (`PlaceOptions.must`) is tried when none of its own spots is clear: its first spot
 * moved by 1, 2 and 3 box heights down and up and half-widths right and left, in that order.
 */
export function farSpots<C extends LabelCandidate>(c: C, gap = 2): C[] {
  const out: C[] = [];
  for (let k = 1; k <= 3; k++)
    for (const [dx, dy] of [[0, 1], [0, -1], [1, 0], [-1, 0]] as const) out.push({ ...c, x: c.x + dx * k * (c.width / 2 + gap), y: c.y + dy * k * (c.height + gap) });
  return out;
}

/** How far a callout may go from its node, in label box heights (beyond that the label is dropped). */
export const CALLOUT_REACH = 8;

/**
 * Where a must label is tried when neither its own spots nor `farSpots` are free (issue 15, a callout as ECharts'
 * labelLine): boxes on rings around its node (`node`, else the centre of its first box) at growing distance, half a box
 * height apart, 16 directions each, up to CALLOUT_REACH box heights from the node's edge, inside `bounds`; nearest
 * first (the gap between node and box), ties in the direction of its first spot.
 */
export function calloutSpots<C extends LabelCandidate>(c: C, node?: { x: number; y: number; r: number }, bounds?: LabelBounds): C[] {
  const w = c.width, h = c.height;
  const cx = node ? node.x : c.x + w / 2, cy = node ? node.y : c.y + h / 2, r = node ? node.r : 0;
  const toward = Math.atan2(c.y + h / 2 - cy, c.x + w / 2 - cx);
  const out: { s: C; d: number }[] = [];
  const DIRS = 16;
  for (let k = 1; k <= 2 * CALLOUT_REACH; k++) {
    const d = r + (k * h) / 2;
    for (let j = 0; j < DIRS; j++) {
      // Directions alternate either side of the first spot's: 0, +1, −1, +2, −2 … sixteenths of a turn.
      const a = toward + ((j % 2 ? 1 : -1) * Math.ceil(j / 2) * 2 * Math.PI) / DIRS;
      const x = cx + Math.cos(a) * (d + w / 2) - w / 2, y = cy + Math.sin(a) * (d + h / 2) - h / 2;
      if (bounds && (x < bounds.x0 || y < bounds.y0 || x + w > bounds.x1 || y + h > bounds.y1)) continue;
      const nx = Math.max(x, Math.min(cx, x + w)), ny = Math.max(y, Math.min(cy, y + h));
      out.push({ s: { ...c, x, y, alts: undefined }, d: Math.hypot(nx - cx, ny - cy) + j * 1e-6 });
    }
  }
  return out.sort((p, q) => p.d - q.d).map((p) => p.s);
}

/** Candidates `placeLabelSteps` tries between two yields. */
export const PLACE_STEP = 200;

/**
 * `placeLabels` in steps: yields after every PLACE_STEP candidates tried (so a caller can spread thousands of them over
 * several tasks) and returns the kept ids; the same result as `placeLabels`.
 */
export function* placeLabelSteps(candidates: readonly LabelCandidate[], bounds?: LabelBounds, gap = 2, max = Infinity, obstacles?: readonly LabelObstacle[], opts: PlaceOptions = {}): Generator<void, Set<string>, void> {
  const order = candidates.map((c, i) => [c, i] as const).sort((a, b) => b[0].priority - a[0].priority || a[1] - b[1]);
  const kept = new Set<string>();
  // Grid hash with numeric cell keys (no strings per lookup): thousands of candidates stay cheap (issue 15).
  const cell = 96;
  const OFF = 1 << 20;
  const cellKey = (gx: number, gy: number) => (gx + OFF) * 2 ** 21 + (gy + OFF);
  const grid = new Map<number, LabelCandidate[]>();
  const discs = new Map<number, LabelObstacle[]>();
  for (const d of obstacles ?? []) {
    if (!(d.r >= MIN_OBSTACLE_PX) || !Number.isFinite(d.x) || !Number.isFinite(d.y)) continue;
    for (let gx = Math.floor((d.x - d.r) / cell); gx <= Math.floor((d.x + d.r) / cell); gx++)
      for (let gy = Math.floor((d.y - d.r) / cell); gy <= Math.floor((d.y + d.r) / cell); gy++) {
        const k = cellKey(gx, gy);
        const list = discs.get(k);
        if (list) list.push(d);
        else discs.set(k, [d]);
      }
  }
  /** Calls `fn` with every cell key a box (plus the gap) touches; stops when `fn` returns true, and returns that. */
  const eachCell = (c: LabelCandidate, fn: (k: number) => boolean | void): boolean => {
    const gx1 = Math.floor((c.x + c.width + gap) / cell), gy0 = Math.floor((c.y - gap) / cell), gy1 = Math.floor((c.y + c.height + gap) / cell);
    for (let gx = Math.floor((c.x - gap) / cell); gx <= gx1; gx++) for (let gy = gy0; gy <= gy1; gy++) if (fn(cellKey(gx, gy))) return true;
    return false;
  };
  const coversDisc = (c: LabelCandidate): boolean =>
    discs.size > 0 &&
    eachCell(c, (k) => {
      const list = discs.get(k);
      if (list)
        for (const d of list) {
          if (d.id === c.id) continue;
          const nx = Math.max(c.x, Math.min(d.x, c.x + c.width)), ny = Math.max(c.y, Math.min(d.y, c.y + c.height));
          if ((nx - d.x) ** 2 + (ny - d.y) ** 2 < d.r * d.r) return true;
        }
    });
  const inBounds = (c: LabelCandidate) => !bounds || (c.x >= bounds.x0 && c.y >= bounds.y0 && c.x + c.width <= bounds.x1 && c.y + c.height <= bounds.y1);
  const clearOfLabels = (c: LabelCandidate): boolean =>
    !eachCell(c, (k) => {
      const list = grid.get(k);
      if (list) for (const o of list) if (overlaps(c, o, gap)) return true;
    });
  const keep = (c: LabelCandidate) => {
    kept.add(c.id);
    opts.at?.set(c.id, { x: c.x, y: c.y });
    eachCell(c, (k) => {
      const list = grid.get(k);
      if (list) list.push(c);
      else grid.set(k, [c]);
    });
  };
  const must = opts.must ?? Infinity;
  let own: Map<string, LabelObstacle> | undefined;
  let tried = 0;
  for (const [c] of order) {
    if (kept.size >= max) break;
    if (++tried % PLACE_STEP === 0) yield;
    if (!(c.width > 0 && c.height > 0) || !Number.isFinite(c.x) || !Number.isFinite(c.y)) continue;
    const spots = [c, ...(c.alts ?? []).map((a) => ({ ...c, x: a.x, y: a.y }))].filter(inBounds);
    const free = spots.find((s) => clearOfLabels(s) && !coversDisc(s));
    if (free) {
      keep(free);
      continue;
    }
    if (c.priority < must || c.fixed) continue;
    // A label that matters: a little further away (up to three box heights / widths), else the nearest free box
    // around its node (a callout, joined to it by a line): never over a node or label.
    const ok = (s: LabelCandidate) => inBounds(s) && clearOfLabels(s) && !coversDisc(s);
    let far: LabelCandidate | undefined = farSpots(c, gap).find(ok);
    if (!far) {
      own ??= new Map((obstacles ?? []).map((d) => [d.id, d]));
      far = calloutSpots(c, own.get(c.id), bounds).find(ok);
    }
    if (far) {
      keep(far);
      opts.callouts?.add(c.id);
    }
  }
  return kept;
}

/**
 * Where a label may go around its node (screen px, box corners), for layouts that label below the node: below
 * first, then above, right and left of the disc, then at its four corners (issue 15: a crowded ring or force
 * picture gets more names without overlaps).
 */
export function labelSpots(sx: number, sy: number, r: number, w: number, h: number): { x: number; y: number }[] {
  return [
    { x: sx - w / 2, y: sy + r + 2 },
    { x: sx - w / 2, y: sy - r - 2 - h },
    { x: sx + r + 4, y: sy - h / 2 },
    { x: sx - r - 4 - w, y: sy - h / 2 },
    // The four corners, the box touching the node's diagonal (a crowded force picture keeps more names).
    { x: sx + r * 0.7 + 2, y: sy + r * 0.7 + 1 },
    { x: sx - r * 0.7 - 2 - w, y: sy + r * 0.7 + 1 },
    { x: sx + r * 0.7 + 2, y: sy - r * 0.7 - 1 - h },
    { x: sx - r * 0.7 - 2 - w, y: sy - r * 0.7 - 1 - h },
  ];
}

/**
 * Where a label may go for layouts that label right of the node (tiers): right of the disc first, then half a line
 * higher and lower (still starting right of the node, between the nodes of the next column), then left of it.
 */
export function rightSpots(sx: number, sy: number, r: number, w: number, h: number): { x: number; y: number }[] {
  return [
    { x: sx + r + 4, y: sy - h / 2 },
    { x: sx + r + 4, y: sy - h },
    { x: sx + r + 4, y: sy },
    { x: sx - r - 4 - w, y: sy - h / 2 },
  ];
}

/**
 * The label size in the element's own CSS px: the design size, raised so that on screen (× `screenScale`, the big
 * screen's CSS scale) it is at least `minScreenPx`.
 */
export function labelSizePx(designPx: number, minScreenPx: number, screenScale: number): number {
  const k = screenScale > 0 && Number.isFinite(screenScale) ? screenScale : 1;
  return Math.max(designPx, minScreenPx / k);
}
