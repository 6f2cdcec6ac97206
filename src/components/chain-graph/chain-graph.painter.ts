/**
 * Painter of <civic-chain-graph>: the canvas picture and the SVG template of links, nodes, rings and labels at the
 * current zoom, and which labels are drawn (placed by priority in screen pixels at a size that reaches the
 * legibility floor; the others are dropped, never shrunk — chain-graph.labels.ts decides). Knows nothing of the
 * element class (no import of chain-graph.ts).
 *
 * Frames during a pan or zoom gesture stay cheap at thousands of nodes: off-screen links and nodes are skipped, each
 * node type is one path and one fill, label priorities are computed once per emphasis (not per frame), and the
 * label placement of a pan is reused while the zoom stays the same.
 */
import { html, nothing, svg, type TemplateResult } from 'lit';
import type { ViewTransform as ZoomTransform } from './chain-graph.view.js';
import { symbol, symbolCircle, symbolDiamond, symbolSquare, symbolStar, symbolTriangle, symbolWye, type SymbolType, type CanvasPath_D3Shape } from './chain-graph.symbols.js';
import { cspStyle } from '../../core/render/csp-style.js';
import { labelPriority, labelSpots, placeLabelSteps, LABEL_PRIORITY, PLACE_STEP, type LabelCandidate, type LabelObstacle } from './chain-graph.labels.js';
import { curveControl, estimateTextWidth, radialLinkGeometry, type LabelSide } from './chain-graph.geometry.js';
import { LINK_KINDS, NODE_TYPES, type ChainData, type ChainLayout, type ChainLink, type ChainNode, type LinkKind, type NodeType, type Point } from './chain-graph.types.js';
import { yieldThen } from './chain-graph.tasks.js';

export const SHAPES: Record<NodeType, SymbolType> = {
  leader: symbolStar,
  member: symbolCircle,
  'party-branch': symbolTriangle,
  park: symbolSquare,
  project: symbolDiamond,
  'service-team': symbolWye,
};
const DASH: Record<LinkKind, number[]> = { supply: [], alliance: [6, 4], 'party-link': [2, 3], service: [8, 3, 2, 3], 'located-in': [12, 4] };
/** A label's box height in em (the content area of CJK fonts) and its baseline from the top of that box. */
export const LINE = 1.45;
export const BASELINE = 1.1;
/** At most this many labels are drawn at once. */
const MAX_LABELS = 600;
/**
 * A bitmap of up to this many links and nodes in view is drawn in one frame; larger ones in slices. Once slices have
 * measured what an item costs to draw and raster here, fewer: as many as fit in SYNC_MS (at least SYNC_MIN_ITEMS).
 */
const SYNC_ITEMS = 1500;
const SYNC_MS = 10;
const SYNC_MIN_ITEMS = 100;
/** Milliseconds of bitmap drawing per frame while a large picture is drawn in slices; the first slice's size. */
const SLICE_MS = 12;
const FIRST_CHUNK = 150;

/** A transform from graph units to a canvas's CSS px. */
interface View {
  k: number;
  x: number;
  y: number;
}
/** A bitmap of links, nodes and rings drawn at zoom k with offset (x, y), with a margin (mx, my) around the view. */
interface Layer {
  canvas: HTMLCanvasElement;
  key: unknown[];
  k: number;
  x: number;
  y: number;
  mx: number;
  my: number;
}
/** One batch of the static picture: links of one kind or nodes of one type, dimmed or not. */
type StaticGroup = { links: true; kind: LinkKind; dim: boolean; items: ChainLink[] } | { links: false; type: NodeType; dim: boolean; items: ChainNode[] };

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
}

interface ChainLabel {
  id: string;
  x: number;
  y: number;
  y0: number;
  text: string;
}

export class ChainPainter {
  private colors?: Record<string, string>;
  private readonly token: (name: string, fallback: string) => string;
  // Caches (each keyed by the objects it was computed from).
  private prioKey: unknown[] = [];
  private prio = new Map<string, number>();
  private chainKey: unknown[] = [];
  private chainCache: ChainLabel[] = [];
  private placeKey: unknown[] = [];
  private placed?: Placement;

  constructor(token: (name: string, fallback: string) => string) {
    this.token = token;
  }

  /** Colours are read from the theme tokens again on the next paint. */
  themeChanged(): void {
    this.colors = undefined;
  }

  /** Positions changed in place (a drag): chain label positions are computed again. */
  moved(): void {
    this.chainKey = [];
    this.placeKey = [];
    this.centreKey = [];
    this.ctlKey = [];
    // Positions moved in place (a drag) or a new layout arrived: the bitmap is drawn anew — at once for a drag (the
    // dragged node follows the pointer), in slices for a new layout of a large graph.
    this.stale = true;
    this.job = undefined;
  }
  private stale = false;

  /**
   * Which labels to draw at the current zoom, by priority, none overlapping another or cut at the edge of the
   * stage. A pan at the same zoom moves the kept labels with the picture (placement is not redone per frame).
   */
  place(s: Scene, gesture: Gesture = 'none'): Placement {
    const key = placeKeyOf(s);
    const same = this.placed && key.every((v, i) => v === this.placeKey[i]);
    if (gesture === 'none') this.gestureKept = undefined;
    if (same && (gesture === 'pan' || (s.zt.x === (this.placeKey[key.length] as number) && s.zt.y === (this.placeKey[key.length + 1] as number)))) return this.placed!;
    this.placeKey = [...key, s.zt.x, s.zt.y];
    // While a zoom gesture runs, only the labels shown when it started compete (no new ones, none overlapping): a
    // few hundred candidates per frame instead of every node.
    if (gesture === 'zoom' && !this.gestureKept && this.placed) this.gestureKept = this.placed.kept;
    this.placed = this.computePlacement(s, gesture === 'zoom' ? this.gestureKept : undefined);
    return this.placed;
  }
  private gestureKept?: ReadonlySet<string>;

  private computePlacement(s: Scene, only?: ReadonlySet<string>): Placement {
    const steps = this.placementSteps(s, only);
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value;
    }
  }

  /** `computePlacement` in steps (see placeLabelSteps), for the sliced bitmap job of a large picture. */
  private *placementSteps(s: Scene, only?: ReadonlySet<string>): Generator<void, Placement, void> {
    const { shown, width, height, zt: t, size, chainSize } = s;
    const prio = this.priorities(s);
    const widthAt = (text: string, px: number): number => (s.measure(text) * px) / (12 * s.density);
    const cands: LabelCandidate[] = [];
    // Node discs in view: no label may cover another node (placeLabels skips a label's own node).
    const discs: LabelObstacle[] = [];
    const below = s.labelSide !== 'right';
    if (showChainLabels(s))
      for (const c of this.chainLabels(s)) {
        const [cx, cy] = t.apply([c.x, c.y0]);
        const w = widthAt(c.text, chainSize) * 1.1; // bold
        cands.push({ id: 'chain:' + c.id, x: cx - w / 2, y: cy - chainSize * LINE - 2, width: w, height: chainSize * LINE, priority: LABEL_PRIORITY.emphasis * 2, fixed: true });
      }
    let inView = 0;
    const h = size * LINE;
    let i = 0;
    for (const n of shown.data.nodes) {
      if (++i % PLACE_STEP === 0) yield;
      const p = s.display.get(n.id);
      if (!p) continue;
      const sx = t.applyX(p.x), sy = t.applyY(p.y);
      if (sx < 0 || sy < 0 || sx > width || sy > height) continue;
      inView++;
      const r = shown.radius(n) * t.k;
      discs.push({ id: n.id, x: sx, y: sy, r });
      if (only && !only.has(n.id)) continue;
      const w = widthAt(s.label(n), size);
      const priority = prio.get(n.id) ?? 0;
      if (!below) cands.push({ id: n.id, x: sx + r + 4, y: sy - h / 2, width: w, height: h, priority });
      else {
        // Below the node first, then above, right, left: a crowded ring keeps more names without overlaps.
        const [first, ...alts] = labelSpots(sx, sy, r, w, h);
        cands.push({ id: n.id, ...first, alts, width: w, height: h, priority });
      }
    }
    // The bottom strip is kept free for the note that says how many names are not shown.
    const noteH = Math.max(size, 14 * s.density) * 1.6;
    const at = new Map<string, { x: number; y: number }>();
    // Leaders, the selected and the emphasised node (and chain names) are always labelled; the others give way.
    const kept = width > 0 && height > 0 ? yield* placeLabelSteps(cands, { x0: 0, y0: 0, x1: width, y1: height - noteH }, 2, MAX_LABELS, discs, { must: LABEL_PRIORITY.leader, at }) : new Set<string>();
    const offset = new Map<string, { x: number; y: number }>();
    let keptNodes = 0;
    for (const c of cands) {
      const p = at.get(c.id);
      if (!p || c.id.startsWith('chain:')) continue;
      keptNodes++;
      // Where the label went, relative to its node (screen px): its centre when labels sit below (text centred), its
      // left edge and middle when they sit right. A leader's label may have moved off its first spot to stay inside.
      const q = s.display.get(c.id)!;
      const nx = t.applyX(q.x), ny = t.applyY(q.y);
      offset.set(c.id, below ? { x: p.x + c.width / 2 - nx, y: p.y + c.height / 2 - ny } : { x: p.x - nx, y: p.y + c.height / 2 - ny });
    }
    return { kept, dropped: Math.max(0, inView - keptNodes), size, chainSize, offset };
  }

  private centreKey: unknown[] = [];
  private centreCache?: Map<string, Point>;

  /** Radial layout: each chain's centre (its leader's position), towards which its links bend; undefined otherwise. */
  centres(s: Scene): Map<string, Point> | undefined {
    if (s.layout !== 'radial') return undefined;
    const key = [s.shown, s.display];
    if (this.centreCache && key.every((v, i) => v === this.centreKey[i])) return this.centreCache;
    this.centreKey = key;
    const out = new Map<string, Point>();
    for (const c of s.shown.data.chains) {
      const p = s.display.get(c.leader);
      if (p) out.set(c.id, p);
    }
    return (this.centreCache = out);
  }

  /** Label priority per node: computed once per graph and emphasis, not per frame. */
  private priorities(s: Scene): Map<string, number> {
    const key = [s.shown, s.emphasis, s.selected, s.active];
    if (key.every((v, i) => v === this.prioKey[i])) return this.prio;
    this.prioKey = key;
    const hood = s.emphasis ? new Set([s.emphasis, ...(s.shown.adj.get(s.emphasis) ?? [])]) : undefined;
    const out = new Map<string, number>();
    for (const n of s.shown.data.nodes) {
      let value = 0;
      for (const v of Object.values(n.attrs)) if (Number.isFinite(v) && v > value) value = v;
      out.set(
        n.id,
        labelPriority({ type: n.type, degree: (s.shown.adj.get(n.id) ?? []).length, value, emphasis: s.emphasis === n.id, selected: s.selected === n.id || s.active === n.id, neighbour: !!hood && hood.has(n.id) }),
      );
    }
    this.prio = out;
    return out;
  }

  /** Chain names above each chain's nodes (graph coordinates). */
  chainLabels(s: Scene): ChainLabel[] {
    const key = [s.shown, s.display, s.chainName];
    if (key.every((v, i) => v === this.chainKey[i])) return this.chainCache;
    this.chainKey = key;
    const box = new Map<string, { x0: number; x1: number; y0: number }>();
    for (const n of s.shown.data.nodes) {
      const p = s.display.get(n.id);
      if (!p) continue;
      const b = box.get(n.home) ?? box.set(n.home, { x0: Infinity, x1: -Infinity, y0: Infinity }).get(n.home)!;
      b.x0 = Math.min(b.x0, p.x);
      b.x1 = Math.max(b.x1, p.x);
      b.y0 = Math.min(b.y0, p.y - s.shown.radius(n));
    }
    this.chainCache = [];
    for (const c of s.shown.data.chains) {
      const b = box.get(c.id);
      if (b) this.chainCache.push({ id: c.id, x: (b.x0 + b.x1) / 2, y: b.y0 - 18, y0: b.y0, text: s.chainName(c) });
    }
    return this.chainCache;
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

  private palette(): Record<string, string> {
    if (this.colors) return this.colors;
    const c: Record<string, string> = {};
    for (const t of NODE_TYPES) c[t] = this.token('--_node-' + t, '#0072b2');
    c.link = this.token('--_link-color', '#52606d');
    c.label = this.token('--_label-color', '#1f2933');
    c.halo = this.token('--_halo', '#ffffff');
    c.focus = this.token('--_color-focus', '#1d4ed8');
    c.match = this.token('--_color-warning', '#8a5a00');
    return (this.colors = c);
  }

  /**
   * Paints the picture on the canvas (sized to the stage × `dpr`). `gesture`: a pan moves the label placement of its
   * first frame with the picture; a zoom places only the labels shown when it started. When `incomplete` is true
   * afterwards the picture is still being drawn (a large graph, one slice per frame): the caller draws again on the
   * next frame.
   */
  drawCanvas(canvas: HTMLCanvasElement, s: Scene, dpr: number, gesture: Gesture = 'none'): Placement | undefined {
    const { width, height, zt: t } = s;
    if (canvas.width !== Math.round(width * dpr) || canvas.height !== Math.round(height * dpr)) {
      canvas.width = Math.round(width * dpr);
      canvas.height = Math.round(height * dpr);
    }
    const ctx = canvas.getContext('2d');
    if (!ctx) return undefined;
    this.incomplete = false;
    // Nothing laid out yet (the first layout is still being computed): an empty stage, no bitmap made for it. Cleared
    // once: every progress update asks for a frame, and clearing an empty canvas again repaints it for nothing.
    if (s.display.size === 0) {
      if (this.blank !== canvas) {
        ctx.setTransform(1, 0, 0, 1, 0, 0);
        ctx.clearRect(0, 0, canvas.width, canvas.height);
        this.blank = canvas;
      }
      return undefined;
    }
    const col = this.palette();
    const hood = s.emphasis ? new Set([s.emphasis, ...(s.shown.adj.get(s.emphasis) ?? [])]) : undefined;
    // Links, nodes and rings are drawn into a bitmap with a margin of 30% of the stage around the view, then copied
    // to the stage; labels are drawn live on top. During a pan or zoom the bitmap of the last picture is moved and
    // scaled (one drawImage per frame whatever the number of nodes). A new bitmap (at rest after a change, or when a
    // gesture leaves the old one) is drawn at once for small graphs; for large ones in slices of a few ms per frame
    // into a second bitmap while the old one stays on screen (labels last: placed once the new bitmap is complete),
    // so no frame blocks for a whole picture. Where no bitmap can be made, direct.
    const layer = this.gestureLayer(s, dpr, gesture);
    // A first picture being drawn in slices is not shown before it is complete: copying the growing bitmap to the
    // stage every frame made the next slice's drawing copy the whole bitmap first (copy on write) and repainted the
    // stage for an unfinished picture.
    if (layer && this.incomplete && !this.layer && layer === this.job?.layer) {
      if (this.blank !== canvas) {
        ctx.setTransform(1, 0, 0, 1, 0, 0);
        ctx.clearRect(0, 0, canvas.width, canvas.height);
        this.blank = canvas;
      }
      return undefined;
    }
    this.blank = undefined;
    if (layer) {
      const sc = t.k / layer.k;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.drawImage(layer.canvas, t.x - sc * (layer.x + layer.mx), t.y - sc * (layer.y + layer.my), (sc * layer.canvas.width) / dpr, (sc * layer.canvas.height) / dpr);
    } else this.paintStatic(ctx, s, { k: t.k, x: t.x, y: t.y }, width, height, dpr, col, hood);
    if (!this.incomplete) return this.paintLabels(ctx, s, dpr, gesture, col, hood);
    // Still drawing: the labels of the last placement move with the old picture (a pan at the same zoom) or only the
    // labels shown before compete (a zoom, or after a change); none before a first placement.
    if (!this.placed) return undefined;
    const same = placeKeyOf(s).every((v, i) => v === this.placeKey[i]);
    return this.paintLabels(ctx, s, dpr, same ? 'pan' : 'zoom', col, hood);
  }

  /** True after drawCanvas when the picture is not complete yet (a bitmap is being drawn in slices): draw again next frame. */
  incomplete = false;
  /** The canvas this painter left cleared (nothing drawn on it since), so it is not cleared again. */
  private blank?: HTMLCanvasElement;
  /**
   * Large pictures are drawn in slices when the caller draws again while `incomplete` is true (its draw loop opts
   * in); otherwise every picture is drawn within one frame.
   */
  slices = false;
  /** Milliseconds of bitmap drawing per frame for large pictures (tests set 0: one slice per frame). @internal */
  sliceMs = SLICE_MS;

  private layer?: Layer;
  /** Measured milliseconds per bitmap item (link or node) of the slices so far; 0 before any slice. */
  private itemMs = 0;
  /** A bitmap being drawn in slices (large graphs), shown once complete. */
  private job?: {
    layer: Layer;
    scene: Scene;
    dpr: number;
    groups: StaticGroup[];
    group: number;
    item: number;
    chunk: number;
    started: boolean;
    done: boolean;
    pumping: boolean;
    /** Started at rest (not during a gesture): its labels are placed in slices after the bitmap. */
    rest: boolean;
    placing?: Generator<void, Placement, void>;
  };
  /** The canvas of a replaced bitmap, reused for the next one (no new backing store per picture). */
  private spare?: HTMLCanvasElement;

  /**
   * The bitmap of links, nodes and rings (see drawCanvas): drawn anew at rest when the picture or the view changed,
   * during a gesture only when it no longer covers the view.
   */
  private gestureLayer(s: Scene, dpr: number, gesture: Gesture): Layer | undefined {
    const { width, height, zt: t } = s;
    const key = [s.shown, s.display, s.emphasis, s.selected, s.active, s.search, width, height, dpr, this.colors];
    const same = (k: unknown[]) => key.every((v, i) => v === k[i]);
    const L = this.layer;
    const stale = this.stale;
    this.stale = false;
    // The same positions object moved in place: a drag.
    const dragged = stale && !!L && L.key[1] === s.display;
    if (L && !stale && same(L.key)) {
      if (gesture === 'none') {
        if (L.k === t.k && L.x === t.x && L.y === t.y) return (this.job = undefined), L;
      } else {
        const sc = t.k / L.k;
        // The view in the layer's CSS px.
        const lx0 = (-t.x / t.k) * L.k + L.x + L.mx, lx1 = ((width - t.x) / t.k) * L.k + L.x + L.mx;
        const ly0 = (-t.y / t.k) * L.k + L.y + L.my, ly1 = ((height - t.y) / t.k) * L.k + L.y + L.my;
        const lw = L.canvas.width / dpr, lh = L.canvas.height / dpr;
        if (sc <= 2.5 && lx0 >= 0 && ly0 >= 0 && lx1 <= lw && ly1 <= lh) return L;
        // Zooming out past the margin: the bitmap still serves while it covers most of the view (the edges stay
        // empty until the gesture ends) — drawing it anew mid-zoom would cost a whole picture in one frame.
        const cover = (Math.max(0, Math.min(lx1, lw) - Math.max(lx0, 0)) * Math.max(0, Math.min(ly1, lh) - Math.max(ly0, 0))) / ((lx1 - lx0) * (ly1 - ly0));
        if (gesture === 'zoom' && sc <= 2.5 && cover >= 0.6) return L;
      }
    }
    const mx = Math.round(width * 0.3), my = Math.round(height * 0.3);
    const w = Math.round((width + 2 * mx) * dpr), h = Math.round((height + 2 * my) * dpr);
    if (!(w > 0 && h > 0) || w * h > 24e6 || typeof document === 'undefined') return (this.job = undefined);
    const hood = s.emphasis ? new Set([s.emphasis, ...(s.shown.adj.get(s.emphasis) ?? [])]) : undefined;
    const view = { k: t.k, x: t.x + mx, y: t.y + my };
    // A running job goes on while it draws the same picture (at rest: for the same view; in a gesture: any view it
    // was started for, moved and scaled like the old bitmap once complete).
    let job = this.job;
    if (!job || !same(job.layer.key) || (gesture === 'none' && (job.layer.k !== t.k || job.layer.x !== t.x || job.layer.y !== t.y))) {
      const groups = this.staticGroups(s, view, width + 2 * mx, height + 2 * my, hood);
      const items = groups.reduce((a, g) => a + g.items.length, 0);
      // A zoom that leaves the old bitmap needs a new one: drawn at once only when it is cheap, so no gesture frame
      // rasters a whole picture (else the old bitmap stays, scaled, until the new one is complete).
      const syncItems = this.itemMs > 0 ? Math.max(SYNC_MIN_ITEMS, Math.min(SYNC_ITEMS, SYNC_MS / this.itemMs)) : SYNC_ITEMS;
      const sync = items <= syncItems || !this.slices || dragged;
      // Drawn at once: into the bitmap on screen (nobody sees it half done); in slices: into another canvas.
      const canvas = sync && L && L.canvas.width === w && L.canvas.height === h ? L.canvas : this.canvasFor(w, h, L?.canvas);
      if (sync) {
        // Small: the whole bitmap in this frame.
        const ctx = canvas.getContext('2d') as CanvasRenderingContext2D | null;
        if (!ctx) return (this.job = undefined);
        this.startStatic(ctx, view, dpr);
        for (const g of groups) this.paintGroup(ctx, s, g, 0, g.items.length, view, this.palette());
        this.paintRings(ctx, s, view, this.palette());
        this.job = undefined;
        return this.swap({ canvas, key, k: t.k, x: t.x, y: t.y, mx, my });
      }
      const chunk = this.itemMs > 0 ? Math.max(50, Math.round(this.sliceMs / 3 / this.itemMs)) : FIRST_CHUNK;
      job = this.job = { layer: { canvas, key, k: t.k, x: t.x, y: t.y, mx, my }, scene: s, dpr, groups, group: 0, item: 0, chunk, started: false, done: false, pumping: false, rest: gesture === 'none' };
    }
    if (job.done) {
      this.job = undefined;
      return this.swap(job.layer);
    }
    this.pump(job);
    this.incomplete = true;
    // The old bitmap stays on screen meanwhile (a new view or emphasis of the same graph); a new layout shows the
    // new bitmap as it grows.
    return L && L.key[1] === s.display ? L : job.layer;
  }

  /**
   * Draws the job's slices in tasks of their own (yielding between them, not waiting for frames), so a large picture
   * takes about its drawing time while frames stay free; the frame after the last slice shows it with its labels.
   */
  private pump(job: NonNullable<ChainPainter['job']>): void {
    if (job.pumping) return;
    job.pumping = true;
    const step = () => {
      if (this.job !== job) return;
      if (this.runJob(job.scene, job, job.dpr)) job.done = true;
      else yieldThen(step);
    };
    yieldThen(step);
  }

  /** A canvas of w×h device px for a new bitmap: the spare one, else a new one (never the bitmap on screen). */
  private canvasFor(w: number, h: number, onScreen?: HTMLCanvasElement): HTMLCanvasElement {
    const jobCanvas = this.job?.layer.canvas;
    for (const c of [jobCanvas, this.spare])
      if (c && c !== onScreen && c.width === w && c.height === h) {
        if (c === this.spare) this.spare = undefined;
        return c;
      }
    const c = document.createElement('canvas');
    c.width = w;
    c.height = h;
    // Read back once per slice (see flush): a bitmap kept in memory, rastered where it is drawn.
    c.getContext('2d', { willReadFrequently: true });
    return c;
  }

  private swap(next: Layer): Layer {
    const old = this.layer;
    if (old && old.canvas !== next.canvas) this.spare = old.canvas;
    return (this.layer = next);
  }

  /**
   * Draws slices of the job's groups until about SLICE_MS went by (each slice rastered at once, so the time is
   * real); the slice size adapts to the measured cost. True when the bitmap is complete.
   */
  private runJob(s: Scene, job: NonNullable<ChainPainter['job']>, dpr: number): boolean {
    const ctx = job.layer.canvas.getContext('2d') as CanvasRenderingContext2D | null;
    if (!ctx) return true;
    const view = { k: job.layer.k, x: job.layer.x + job.layer.mx, y: job.layer.y + job.layer.my };
    const col = this.palette();
    const t0 = performance.now();
    if (!job.started) {
      this.startStatic(ctx, view, dpr);
      job.started = true;
    }
    while (job.group < job.groups.length) {
      const g = job.groups[job.group];
      const s0 = performance.now();
      const end = Math.min(g.items.length, job.item + job.chunk);
      this.paintGroup(ctx, s, g, job.item, end, view, col);
      this.flush(job.layer.canvas);
      const took = performance.now() - s0;
      // What one item costs (drawing and raster), for the next pictures' slice size and the sync/slices choice.
      const per = took / Math.max(1, end - job.item);
      this.itemMs = this.itemMs > 0 ? 0.7 * this.itemMs + 0.3 * per : per;
      // Aim a slice at a third of the frame budget.
      job.chunk = Math.max(50, Math.min(20000, Math.round((job.chunk * (this.sliceMs / 3)) / Math.max(0.5, took))));
      job.item = end;
      if (job.item >= g.items.length) {
        job.group++;
        job.item = 0;
      }
      if (performance.now() - t0 >= this.sliceMs) break;
    }
    if (job.group < job.groups.length) return false;
    if (!job.placing) {
      this.paintRings(ctx, s, view, col);
      // At rest, the picture's labels are placed in slices too (thousands of candidates would block for a whole
      // placement): the frame that shows the bitmap finds them placed. A gesture's picture places its own per frame.
      if (!job.rest) return true;
      job.placing = this.placementSteps(s);
    }
    do {
      const r = job.placing.next();
      if (r.done) {
        this.placed = r.value;
        this.placeKey = [...placeKeyOf(s), s.zt.x, s.zt.y];
        return true;
      }
    } while (performance.now() - t0 < this.sliceMs);
    return false;
  }

  /**
   * Makes the canvas raster what was drawn so far (reads one pixel back): a slice's cost is paid in its slice. A
   * read of the bitmap itself, not a copy of it into another canvas: such a copy snapshots the whole bitmap, which
   * the next slice's drawing then copies again (3× the raster cost per slice on a CPU canvas).
   */
  private flush(canvas: HTMLCanvasElement): void {
    (canvas.getContext('2d') as CanvasRenderingContext2D | null)?.getImageData(0, 0, 1, 1);
  }

  private ctlKey: unknown[] = [];
  private ctlCache = new Map<ChainLink, Point>();

  /** Control points of the curved (radial) links, per graph and positions. */
  private controls(s: Scene): Map<ChainLink, Point> {
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
  private paintStatic(ctx: CanvasRenderingContext2D, s: Scene, t: View, width: number, height: number, dpr: number, col: Record<string, string>, hood: Set<string> | undefined): void {
    this.startStatic(ctx, t, dpr);
    for (const g of this.staticGroups(s, t, width, height, hood)) this.paintGroup(ctx, s, g, 0, g.items.length, t, col);
    this.paintRings(ctx, s, t, col);
  }

  private startStatic(ctx: CanvasRenderingContext2D, t: View, dpr: number): void {
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
    ctx.setTransform(dpr * t.k, 0, 0, dpr * t.k, dpr * t.x, dpr * t.y);
  }

  /**
   * What the static picture draws, in order: links batched by kind and emphasis (a link with both ends off one side
   * of the view skipped), then nodes by type and emphasis (those in view).
   */
  private staticGroups(s: Scene, t: View, width: number, height: number, hood: Set<string> | undefined): StaticGroup[] {
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
  private paintGroup(ctx: CanvasRenderingContext2D, s: Scene, g: StaticGroup, from: number, to: number, t: View, col: Record<string, string>): void {
    const pos = s.display;
    ctx.beginPath();
    if (g.links) {
      const ctl = this.controls(s);
      for (let i = from; i < to; i++) {
        const l = g.items[i];
        const a = pos.get(l.source)!, b = pos.get(l.target)!;
        const c = ctl.get(l);
        ctx.moveTo(a.x, a.y);
        if (c) ctx.quadraticCurveTo(c.x, c.y, b.x, b.y);
        else ctx.lineTo(b.x, b.y);
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
  private paintRings(ctx: CanvasRenderingContext2D, s: Scene, t: View, col: Record<string, string>): void {
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

  /** The labels, at a fixed screen size (≥ the legibility floor), placed by priority in stage pixels. */
  private paintLabels(ctx: CanvasRenderingContext2D, s: Scene, dpr: number, gesture: Gesture, col: Record<string, string>, hood: Set<string> | undefined): Placement {
    const { width, height, shown, zt: t } = s;
    const pos = s.display;
    const placed = this.place(s, gesture);
    const fs = placed.size;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.font = `${fs}px ${s.fontFamily || 'sans-serif'}`;
    ctx.lineWidth = 3;
    ctx.lineJoin = 'round';
    ctx.strokeStyle = col.halo;
    ctx.fillStyle = col.label;
    ctx.textBaseline = 'middle';
    ctx.textAlign = s.labelSide === 'right' ? 'left' : 'center';
    for (const id of placed.kept) {
      const n = shown.byId.get(id);
      const p = n ? pos.get(id) : undefined;
      if (!n || !p) continue;
      const sx = t.applyX(p.x), sy = t.applyY(p.y);
      const r = shown.radius(n) * t.k;
      const o = placed.offset.get(id);
      const x = o ? sx + o.x : s.labelSide === 'right' ? sx + r + 4 : sx;
      const y = o ? sy + o.y : s.labelSide === 'right' ? sy : sy + r + 2 + (fs * LINE) / 2;
      if (x < -400 || x > width + 400 || y < -fs || y > height + fs) continue;
      ctx.globalAlpha = hood && !hood.has(id) ? 0.15 : 1;
      const text = s.label(n);
      ctx.strokeText(text, x, y);
      ctx.fillText(text, x, y);
    }
    ctx.globalAlpha = 1;
    return placed;
  }

  /** The SVG picture (SVG renderer): links with arrowheads, node symbols, rings and the placed labels. */
  svg(s: Scene): { template: TemplateResult; placed: Placement } {
    const { shown, display: pos, zt } = s;
    const emph = s.emphasis;
    const hood = emph ? new Set([emph, ...(shown.adj.get(emph) ?? [])]) : undefined;
    const placed = this.place(s);
    const k = zt.k;
    const fs = placed.size;
    const chains = showChainLabels(s) ? this.chainLabels(s) : [];
    const centres = this.centres(s);
    const template = html`<svg part="plot" aria-hidden="true" width="100%" height="100%" style=${cspStyle({ '--_label-px': `${fs}px`, '--_chain-label-px': `${placed.chainSize}px` })}>
      <defs>
        <marker id="arrow" viewBox="0 -4 8 8" refX="8" refY="0" markerWidth="7" markerHeight="7" orient="auto"><path class="arrow" d="M0,-4L8,0L0,4Z"></path></marker>
      </defs>
      <g class="viewport" transform=${zt.toString()}>
        ${chains.map((c) =>
          placed.kept.has('chain:' + c.id)
            ? svg`<g transform="translate(${round1(c.x)},${round1(c.y0)}) scale(${1 / k})"><text class="chain-label" y=${round1(-placed.chainSize * (LINE - BASELINE) - 2)}>${c.text}</text></g>`
            : nothing,
        )}
        <g class="links">
          ${shown.data.links.map((l) => {
            const a = pos.get(l.source), b = pos.get(l.target);
            if (!a || !b) return nothing;
            const hot = hood && (l.source === emph || l.target === emph);
            return svg`<path class="link" data-kind=${l.kind} data-source=${l.source} data-target=${l.target} ?data-dim=${!!hood && !hot} ?data-hot=${!!hot} d=${linkPath(shown, s.labelSide, l, a, b, centres && linkCentre(shown, centres, l))}></path>`;
          })}
        </g>
        <g class="nodes">
          ${shown.data.nodes.map((n) => {
            const p = pos.get(n.id);
            if (!p) return nothing;
            const r = shown.radius(n);
            const text = s.label(n);
            const ringed = s.selected === n.id || s.active === n.id;
            const o = placed.offset.get(n.id);
            return svg`<g class="node" data-id=${n.id} data-type=${n.type} ?data-dim=${!!hood && !hood.has(n.id)} ?data-match=${s.matches.has(n.id)} ?data-selected=${s.selected === n.id} ?data-active=${s.active === n.id} transform="translate(${round1(p.x)},${round1(p.y)})">
              ${ringed ? svg`<circle class="ring" r=${r + 4}></circle>` : nothing}
              ${s.matches.has(n.id) ? svg`<circle class="match" r=${r + 7}></circle>` : nothing}
              <path d=${symbol(SHAPES[n.type], Math.PI * r * r)() ?? ''}></path>
              ${!placed.kept.has(n.id)
                ? nothing
                : svg`<g class="label" transform="scale(${1 / k})">${s.labelSide === 'right'
                    ? svg`<text x=${round1(o ? o.x : r * k + 4)} y=${round1(o ? o.y : 0)} dy="0.35em">${text}</text>`
                    : svg`<text x=${round1(o ? o.x : 0)} y=${round1(o ? o.y + fs * (BASELINE - LINE / 2) : r * k + 2 + fs * BASELINE)} text-anchor="middle">${text}</text>`}</g>`}
            </g>`;
          })}
        </g>
      </g>
    </svg>`;
    return { template, placed };
  }
}


/** What a label placement depends on besides the pan offset. */
function placeKeyOf(s: Scene): unknown[] {
  return [s.shown, s.display, s.zt.k, s.width, s.height, s.emphasis, s.selected, s.active, s.labelSide, s.size, s.chainSize, s.measure];
}

function showChainLabels(s: Scene): boolean {
  return s.layout === 'tiers' || s.shown.data.chains.length > 1;
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

/** The centre a radial link bends towards: its chain's, when both ends are in the same chain. */
export function linkCentre(shown: Shown, centres: ReadonlyMap<string, Point>, l: ChainLink): Point | undefined {
  const a = shown.byId.get(l.source), b = shown.byId.get(l.target);
  return a && b && a.home === b.home ? centres.get(a.home) : undefined;
}

/**
 * SVG path of a link: S-curves between tier columns, a bow within a column, straight lines in force; in radial,
 * curves towards the chain's centre (`centre`) for links inside a chain, straight between chains.
 */
export function linkPath(shown: Shown, side: LabelSide, l: ChainLink, a: Point, b: Point, centre?: Point): string {
  const rt = shown.radius(shown.byId.get(l.target)!) + 2;
  if (side === 'right' && Math.abs(b.x - a.x) > 1) {
    const mx = (a.x + b.x) / 2;
    const dx = b.x > a.x ? -rt : rt;
    return `M${round1(a.x)},${round1(a.y)}C${round1(mx)},${round1(a.y)} ${round1(mx)},${round1(b.y)} ${round1(b.x + dx)},${round1(b.y)}`;
  }
  if (side === 'right') {
    // Same column: bow to the left so the link does not run through the nodes between.
    const bow = Math.min(90, 12 + Math.abs(b.y - a.y) / 4);
    const ey = b.y + (b.y > a.y ? -rt : rt);
    return `M${round1(a.x)},${round1(a.y)}C${round1(a.x - bow)},${round1(a.y)} ${round1(b.x - bow)},${round1(b.y)} ${round1(b.x)},${round1(ey)}`;
  }
  if (centre) return radialLinkGeometry(a, b, centre, rt).d;
  const d = Math.hypot(b.x - a.x, b.y - a.y) || 1;
  const ex = b.x - ((b.x - a.x) / d) * rt, ey = b.y - ((b.y - a.y) / d) * rt;
  return `M${round1(a.x)},${round1(a.y)}L${round1(ex)},${round1(ey)}`;
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

/** A path context that draws d3 symbols (made at the origin) at (ox, oy), so many symbols share one path. */
function offsetContext(ctx: CanvasRenderingContext2D): CanvasPath_D3Shape & { ox: number; oy: number } {
  const o = {
    ox: 0,
    oy: 0,
    moveTo: (x: number, y: number) => ctx.moveTo(x + o.ox, y + o.oy),
    lineTo: (x: number, y: number) => ctx.lineTo(x + o.ox, y + o.oy),
    arc: (x: number, y: number, r: number, a0: number, a1: number, ccw?: boolean) => ctx.arc(x + o.ox, y + o.oy, r, a0, a1, ccw),
    arcTo: (x1: number, y1: number, x2: number, y2: number, r: number) => ctx.arcTo(x1 + o.ox, y1 + o.oy, x2 + o.ox, y2 + o.oy, r),
    bezierCurveTo: (a: number, b: number, c: number, d: number, x: number, y: number) => ctx.bezierCurveTo(a + o.ox, b + o.oy, c + o.ox, d + o.oy, x + o.ox, y + o.oy),
    quadraticCurveTo: (a: number, b: number, x: number, y: number) => ctx.quadraticCurveTo(a + o.ox, b + o.oy, x + o.ox, y + o.oy),
    ellipse: (x: number, y: number, rx: number, ry: number, rot: number, a0: number, a1: number, ccw?: boolean) => ctx.ellipse(x + o.ox, y + o.oy, rx, ry, rot, a0, a1, ccw),
    rect: (x: number, y: number, w: number, h: number) => ctx.rect(x + o.ox, y + o.oy, w, h),
    closePath: () => ctx.closePath(),
  };
  return o;
}

export function round1(v: number): number {
  return Math.round(v * 10) / 10;
}
