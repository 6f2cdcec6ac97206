/**
 * The canvas picture of <civic-chain-graph> (graphs above `canvas-threshold`, or `renderer="canvas"`): the SVG
 * painter (chain-graph.painter.ts) plus a bitmap of links, nodes and rings drawn at rest (in slices for large graphs)
 * and moved and scaled during a gesture, with the labels drawn live on top. Loaded on first use by the draw
 * controller (chain-graph.draw.ts), not part of the element's first load.
 */
import { drawCanvasLabels } from './chain-graph.canvas-labels.js';
import { placeKeyOf, type Gesture, type Placement, type Scene } from './chain-graph.painter.js';
import { ChainStaticPainter, viewRect } from './chain-graph.painter-static.js';
import { yieldThen } from './chain-graph.tasks.js';
import { RasterCost, type Rect, type StaticGroup } from './chain-graph.canvas-cost.js';

/**
 * A bitmap of up to this many work units (chain-graph.canvas-cost.ts: a node is one, a link one plus its length in
 * dash periods) is drawn in one frame before anything was measured; larger ones in slices. Once slices have measured
 * what a unit costs here, a bitmap estimated at up to SYNC_MS is drawn at once.
 */
const SYNC_UNITS = 1500;
const SYNC_MS = 10;
/** Milliseconds of bitmap drawing per task while a large picture is drawn in slices; a slice aims at a third. */
const SLICE_MS = 12;
/** Work units of a slice whose group kind has not been measured yet, and the fewest units of any slice. */
const FIRST_UNITS = 150;
const MIN_UNITS = 50;

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

export class ChainCanvasPainter extends ChainStaticPainter {
  override moved(): void {
    super.moved();
    // Positions moved in place (a drag) or a new layout arrived: the bitmap is drawn anew — at once for a drag (the
    // dragged node follows the pointer), in slices for a new layout of a large graph.
    this.stale = true;
    this.job = undefined;
  }
  private stale = false;

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
      const x = (t.x - sc * (layer.x + layer.mx)) * dpr, y = (t.y - sc * (layer.y + layer.my)) * dpr;
      // In motion the bitmap is copied at whole device pixels without smoothing (a scaled copy with smoothing cost
      // about twice as much to raster, without a GPU); at rest exactly where it belongs.
      if (gesture !== 'none') {
        ctx.imageSmoothingEnabled = false;
        ctx.drawImage(layer.canvas, Math.round(x), Math.round(y), Math.round(sc * layer.canvas.width), Math.round(sc * layer.canvas.height));
        ctx.imageSmoothingEnabled = true;
      } else ctx.drawImage(layer.canvas, x, y, sc * layer.canvas.width, sc * layer.canvas.height);
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
  /** Measured milliseconds per work unit of the slices so far, per group kind. */
  private readonly cost = new RasterCost();
  /** A bitmap being drawn in slices (large graphs), shown once complete. */
  private job?: {
    layer: Layer;
    scene: Scene;
    dpr: number;
    groups: StaticGroup[];
    group: number;
    item: number;
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
      // A zoom that leaves the old bitmap needs a new one: drawn at once only when it is cheap, so no gesture frame
      // rasters a whole picture (else the old bitmap stays, scaled, until the new one is complete).
      const sync = !this.slices || dragged || this.cheap(s, groups, t.k * dpr, viewRect(view, width + 2 * mx, height + 2 * my));
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
      job = this.job = { layer: { canvas, key, k: t.k, x: t.x, y: t.y, mx, my }, scene: s, dpr, groups, group: 0, item: 0, started: false, done: false, pumping: false, rest: gesture === 'none' };
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
  private pump(job: NonNullable<ChainCanvasPainter['job']>): void {
    if (job.pumping) return;
    job.pumping = true;
    const step = () => {
      if (this.job !== job) return;
      if (this.runJob(job.scene, job, job.dpr)) job.done = true;
      else yieldThen(step);
    };
    yieldThen(step);
  }

  /** True when the groups' bitmap is estimated to take at most SYNC_MS (SYNC_UNITS before anything was measured). */
  private cheap(s: Scene, groups: StaticGroup[], scale: number, r: Rect): boolean {
    const ctl = this.controls(s);
    let ms = 0, units = 0;
    for (const g of groups) {
      const u = this.cost.groupUnits(g, s.display, ctl, scale, r);
      const per = this.cost.msPerUnit(g);
      units += u;
      if (per === undefined) {
        if (units > SYNC_UNITS) return false;
      } else if ((ms += u * per) > SYNC_MS) return false;
    }
    return true;
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
  private runJob(s: Scene, job: NonNullable<ChainCanvasPainter['job']>, dpr: number): boolean {
    const ctx = job.layer.canvas.getContext('2d') as CanvasRenderingContext2D | null;
    if (!ctx) return true;
    const view = { k: job.layer.k, x: job.layer.x + job.layer.mx, y: job.layer.y + job.layer.my };
    const col = this.palette();
    const t0 = performance.now();
    if (!job.started) {
      this.startStatic(ctx, view, dpr);
      job.started = true;
    }
    const ctl = this.controls(s);
    const scale = job.layer.k * dpr;
    const r = viewRect(view, job.layer.canvas.width / dpr, job.layer.canvas.height / dpr);
    while (job.group < job.groups.length) {
      const g = job.groups[job.group];
      const s0 = performance.now();
      // As many items as the learnt cost of their kind puts at a third of the slice budget (a kind not measured yet:
      // FIRST_UNITS units), at least MIN_UNITS units and one item.
      const per = this.cost.msPerUnit(g);
      const budget = Math.max(MIN_UNITS, per === undefined ? FIRST_UNITS : this.sliceMs / 3 / per);
      let end = job.item, units = 0;
      do units += this.cost.units(g, end++, s.display, ctl, scale, r);
      while (end < g.items.length && units < budget);
      this.paintGroup(ctx, s, g, job.item, end, view, col);
      this.flush(job.layer.canvas);
      // What a unit of this kind costs (drawing and raster), for the next slices and the sync/slices choice.
      this.cost.learn(g, units, performance.now() - s0);
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

  /**
   * The labels, at a fixed screen size (≥ the legibility floor), placed by priority in stage pixels. During a pan
   * (same zoom, same placement) they move with the picture: drawn once into a bitmap of the stage's size on the pan's
   * first frame, then that bitmap is copied, moved, each frame (600 labels with halos cost far more to raster than one
   * copy). At rest and while zooming they are drawn directly, and the pan's bitmap is let go.
   */
  private paintLabels(ctx: CanvasRenderingContext2D, s: Scene, dpr: number, gesture: Gesture, col: Record<string, string>, hood: Set<string> | undefined): Placement {
    const placed = this.place(s, gesture);
    if (gesture !== 'pan') {
      // Not panning any more: the stage-sized bitmap (8 MB at 1920×1080, 33 MB on a 4K wall at pixel ratio 2) goes.
      if (this.labelLayer) [this.labelLayer.canvas.width, this.labelLayer.canvas.height] = [0, 0];
      this.labelLayer = undefined;
      drawCanvasLabels(ctx, s, dpr, placed, col, hood);
      return placed;
    }
    const { zt: t } = s;
    // The placement stands for the graph, positions, zoom, emphasis and label sizes (see placeKeyOf).
    const key = [placed, t.k, s.width, s.height, dpr, col, s.fontFamily];
    let c = this.labelLayer;
    if (!c || !key.every((v, i) => v === c!.key[i])) {
      const canvas = c?.canvas ?? document.createElement('canvas');
      const w = Math.round(s.width * dpr), h = Math.round(s.height * dpr);
      if (canvas.width !== w || canvas.height !== h) [canvas.width, canvas.height] = [w, h];
      const lc = canvas.getContext('2d');
      lc?.setTransform(1, 0, 0, 1, 0, 0);
      lc?.clearRect(0, 0, w, h);
      if (!lc) {
        drawCanvasLabels(ctx, s, dpr, placed, col, hood);
        return placed;
      }
      drawCanvasLabels(lc, s, dpr, placed, col, hood);
      c = this.labelLayer = { canvas, key, x: t.x, y: t.y };
    }
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(c.canvas, Math.round((t.x - c.x) * dpr), Math.round((t.y - c.y) * dpr));
    ctx.imageSmoothingEnabled = true;
    return placed;
  }
  /** The labels of a pan, drawn once (see paintLabels): the placement, zoom, size and colours they were drawn for, and the pan offset then. */
  private labelLayer?: { canvas: HTMLCanvasElement; key: unknown[]; x: number; y: number };
}
