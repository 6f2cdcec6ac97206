/**
 * Layout control for <civic-chain-graph>: runs a layout job in the module worker (from the start, for every layout
 * except small tiers/radial graphs), falls back to time slices (force) or the main thread (tiers, radial) when no
 * worker can run, reports progress, and glides the on-screen positions towards each new result.
 *
 * Talks to chain-graph.worker.ts through its `LayoutJob` message and to chain-graph.layout.ts through its exported
 * layout functions; knows nothing of the element (no import of chain-graph.ts).
 */
import { createLayoutWorker } from './chain-graph.worker-factory.js';
import type { ForceOptions, LayoutResult } from './chain-graph.layout.js';
import type { LayoutDone, LayoutJob } from './chain-graph.worker.js';
import type { ChainData, ChainLayout, ChainPositions, Point } from './chain-graph.types.js';
import { yieldThen } from './chain-graph.tasks.js';

/** Force layouts from this many nodes show a progress bar while they compute (smaller ones finish within a few frames). */
export const PROGRESS_FROM = 300;
/**
 * Force layouts of up to this many nodes run on the main thread in slices (each under SLICE_MS): starting a worker,
 * loading its module and copying the graph to it cost more than such a small layout.
 */
export const MAIN_FORCE_UP_TO = 150;
/** One slice of main-thread fallback work stays under this many milliseconds (the main thread never blocks > 50 ms). */
const SLICE_MS = 24;
/** Label widths of up to this many nodes are measured in the task that asked for the layout (a few ms at most). */
const MEASURE_AT_ONCE_UP_TO = 200;
/**
 * Glide between two layouts of up to this many nodes (larger ones jump). Each glide frame is a whole new picture, so
 * only graphs the painter draws within one frame glide (it draws larger ones in slices over several frames).
 */
const GLIDE_UP_TO = 600;
const GLIDE_MS = 450;

/** What a layout needs besides the graph: options for the layout functions and the worker's message fields. */
export interface LayoutRequest {
  kind: ChainLayout;
  data: ChainData;
  opts: ForceOptions;
  seed: number;
  pins: ChainPositions;
  sizeBy?: string;
  lang: string;
  /** Label text → width in px at the design size (measured with the DOM's fonts; the worker has none). */
  widths: () => Record<string, number>;
}

export interface LayoutCallbacks {
  /** Progress 0–1 of a long layout, or null when none is shown. */
  progress(value: number | null): void;
  /** A new result arrived (before the glide starts): fit the view to it. */
  result(result: LayoutResult): void;
  /**
   * The on-screen positions changed (a glide frame, a jump, a drag): repaint. `settled`: a finished layout shown
   * without a glide, so the picture can be drawn now rather than in the next frame.
   */
  moved(settled?: boolean): void;
  /** Still wanted? False once the host is disconnected. */
  live(): boolean;
}

type Layouts = typeof import('./chain-graph.layout.js');
let layouts: Promise<Layouts> | undefined;
/**
 * The main-thread layouts (tiers, radial, sliced force; with d3-force), loaded on first use so the element's first
 * load does not carry them: `preloadLayouts()` starts the load early (the element calls it when it connects).
 */
export function preloadLayouts(): Promise<Layouts> {
  return (layouts ??= import('./chain-graph.layout.js'));
}

// One idle worker kept ready by prewarm() (or handed back by a controller that no longer needs it).
let spare: Worker | undefined;
let workersBroken = false;

function takeWorker(): Worker | undefined {
  if (workersBroken || typeof Worker === 'undefined') return undefined;
  const w = spare;
  spare = undefined;
  if (w) return w;
  try {
    return createLayoutWorker();
  } catch {
    workersBroken = true;
    return undefined;
  }
}

/** Starts one layout worker ahead of time (its module loads while the page fetches data). Idempotent. */
export function prewarmLayoutWorker(): void {
  if (spare || workersBroken || typeof Worker === 'undefined') return;
  try {
    spare = createLayoutWorker();
  } catch {
    workersBroken = true;
  }
}

export class ChainLayoutController {
  /** True while a layout is being computed. */
  pending = false;
  /** The latest finished layout. */
  target?: LayoutResult;
  /** Positions on screen (glide towards `target`). */
  display = new Map<string, Point>();
  /** Non-zero while a glide is running (an animation frame id). */
  anim = 0;
  /** The worker in use (kept between jobs of this element). @internal */
  worker?: Worker;
  /** Set when this element's worker failed: later jobs run on the main thread. @internal */
  workerBroken = false;
  private job = 0;
  private readonly cb: LayoutCallbacks;

  constructor(callbacks: LayoutCallbacks) {
    this.cb = callbacks;
  }

  /**
   * Starts a layout job; an earlier unfinished job is abandoned. `pending` is true until its result is in.
   * Tiers and radial layouts of every size run in the worker: a small chain's tiers layout searches its column orders
   * against the crossings as drawn (chain-graph.tiers-search.ts) and the radial one its ring orders
   * (chain-graph.order.ts), tens of ms for the demo's two chains on a quiet machine: one long task on the main thread,
   * again after every resize that changes the stage's aspect. Without a worker they run there, with the same result.
   */
  run(req: LayoutRequest): void {
    const job = ++this.job;
    const n = req.data.nodes.length;
    const force = req.kind === 'force';
    this.pending = true;
    this.cb.progress(n >= PROGRESS_FROM ? 0 : null);
    if (force && n <= MAIN_FORCE_UP_TO) return this.runSliced(job, req);
    if (this.runInWorker(job, req)) return;
    if (force) return this.runSliced(job, req);
    this.runStatic(job, req);
  }

  /** Tiers or radial on the main thread (where no worker runs), once the layouts module is loaded. */
  private runStatic(job: number, req: LayoutRequest): void {
    void preloadLayouts().then((m) => {
      if (job === this.job && this.cb.live()) this.finish(req.kind === 'radial' ? m.radialLayout(req.data, req.opts) : m.tiersLayout(req.data, req.opts));
    });
  }

  /** Abandons the running job and glide (disconnect); a running worker job is terminated. */
  stop(): void {
    this.job++;
    cancelAnimationFrame(this.anim);
    this.anim = 0;
    if (this.worker) {
      if (this.pending) this.worker.terminate();
      else if (!spare) spare = this.worker;
      else this.worker.terminate();
      this.worker.onmessage = this.worker.onerror = null;
      this.worker = undefined;
    }
  }

  /** Moves one node on screen (a drag) and stops a glide. */
  moveNode(id: string, p: Point): void {
    cancelAnimationFrame(this.anim);
    this.anim = 0;
    this.display.set(id, p);
    this.cb.moved();
  }

  private runInWorker(job: number, req: LayoutRequest): boolean {
    if (this.workerBroken) return false;
    const worker = this.worker ?? takeWorker();
    if (!worker) return false;
    this.worker = worker;
    worker.onmessage = (e: MessageEvent<LayoutDone | { job: number; type: 'progress'; value: number }>) => {
      const m = e.data;
      if (m.job !== this.job || !this.cb.live()) return;
      if (m.type === 'progress') {
        if (req.data.nodes.length >= PROGRESS_FROM) this.cb.progress(m.value ?? 0);
        return;
      }
      const positions = new Map<string, Point>();
      for (let i = 0; i < m.ids.length; i++) positions.set(m.ids[i], { x: m.xs[i], y: m.ys[i] });
      // The worker measured the bounds (pins applied there too).
      this.finish({ positions, labelSide: m.labelSide, bounds: m.bounds });
    };
    worker.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      this.workerBroken = true;
      worker.terminate();
      if (this.worker === worker) this.worker = undefined;
      if (job !== this.job || !this.cb.live()) return;
      if (req.kind === 'force') this.runSliced(job, req);
      else this.runStatic(job, req);
    };
    // Label widths are measured here (the DOM's fonts; the worker has none) in slices of at most SLICE_MS, so
    // thousands of labels never block the main thread; then the job goes to the worker.
    void measureSliced(req, () => job === this.job && this.cb.live()).then((widths) => {
      if (!widths || job !== this.job || this.worker !== worker) return;
      const message: LayoutJob = { job, kind: req.kind, data: req.data, seed: req.seed, pins: req.pins ?? {}, sizeBy: req.sizeBy, lang: req.lang, widths, aspect: req.opts.aspect };
      worker.postMessage(message);
    });
    return true;
  }

  /**
   * Prepares the layout (seed) in one task, then ticks in slices of at most SLICE_MS, yielding between slices;
   * progress at most every 100 ms.
   */
  private runSliced(job: number, req: LayoutRequest): void {
    let run: ReturnType<Layouts['createForceLayout']> | undefined;
    let m: Layouts | undefined;
    const showProgress = req.data.nodes.length >= PROGRESS_FROM;
    let shown = performance.now();
    const slice = () => {
      if (job !== this.job || !this.cb.live()) return;
      if (!m) return void preloadLayouts().then((loaded) => ((m = loaded), slice()));
      if (!run) {
        run = m.createForceLayout(req.data, req.opts);
        return yieldThen(slice);
      }
      const t0 = performance.now();
      let done = false;
      do done = run.step(1);
      while (!done && performance.now() - t0 < SLICE_MS);
      // The settled picture is drawn in a task of its own, not after a slice of steps.
      if (done) return yieldThen(() => job === this.job && this.cb.live() && this.finish(run!.result()));
      if (showProgress && t0 - shown > 100) {
        shown = t0;
        this.cb.progress(1 - run.remaining / run.total);
      }
      yieldThen(slice);
    };
    yieldThen(slice);
  }

  private finish(result: LayoutResult): void {
    this.pending = false;
    this.cb.progress(null);
    const first = this.display.size === 0;
    this.target = result;
    cancelAnimationFrame(this.anim);
    this.anim = 0;
    this.cb.result(result);
    const reduced = typeof matchMedia !== 'undefined' && matchMedia('(prefers-reduced-motion: reduce)').matches;
    if (first || reduced || result.positions.size > GLIDE_UP_TO) {
      this.display = new Map(result.positions);
      this.cb.moved(true);
      return;
    }
    const from = new Map(this.display);
    const to = result.positions;
    const t0 = performance.now();
    const frame = () => {
      const e = Math.min(1, (performance.now() - t0) / GLIDE_MS);
      const k = e < 0.5 ? 4 * e * e * e : 1 - Math.pow(-2 * e + 2, 3) / 2;
      const next = new Map<string, Point>();
      for (const [id, p] of to) {
        const a = from.get(id) ?? p;
        next.set(id, { x: a.x + (p.x - a.x) * k, y: a.y + (p.y - a.y) * k });
      }
      this.display = next;
      this.anim = e < 1 ? requestAnimationFrame(frame) : 0;
      this.cb.moved();
    };
    this.anim = requestAnimationFrame(frame);
  }
}

/**
 * Label text → width at the design size for every node, measured in slices of at most SLICE_MS (yielding between
 * them); undefined when `wanted()` turned false meanwhile. Small graphs in one go (no yield).
 */
export async function measureSliced(req: LayoutRequest, wanted: () => boolean): Promise<Record<string, number> | undefined> {
  const measure = req.opts.measureText;
  const label = req.opts.label;
  if (!measure || !label) return req.widths();
  const widths: Record<string, number> = {};
  const nodes = req.data.nodes;
  let i = 0;
  // Larger graphs start in a task of their own: the one that set the data has parsed and rendered it already.
  let yieldFirst = nodes.length > MEASURE_AT_ONCE_UP_TO;
  while (i < nodes.length) {
    if (yieldFirst) {
      await new Promise<void>((r) => yieldThen(r));
      if (!wanted()) return undefined;
    }
    yieldFirst = true;
    const t0 = performance.now();
    for (; i < nodes.length && (i % 16 !== 0 || performance.now() - t0 < SLICE_MS); i++) {
      const t = label(nodes[i]);
      if (!(t in widths)) widths[t] = measure(t);
    }
  }
  return widths;
}
