/**
 * Drawing for <civic-chain-graph>: one redraw per animation frame (SVG: a Lit update that renders the painter's
 * template; canvas: the painter's canvas frame), the gesture state the painter caches by (pan keeps the label
 * placement, zoom places only the labels already shown), and the "names not shown" count. Knows nothing of the
 * element class (no import of chain-graph.ts); the element gives it the scene of each picture.
 *
 * The painters are not part of the element's first load: the SVG painter (chain-graph.painter.ts) loads when the
 * element connects, while its data and layouts load (a picture needs a layout first); the canvas painter
 * (chain-graph.painter-canvas.ts) with the first canvas picture. A redraw asked for before its painter is there is
 * queued (`queued` -1) until it is, so `whenDrawn()` waits for it.
 */
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { ChainPainter } from './chain-graph.painter.js';
import type { ChainCanvasPainter } from './chain-graph.painter-canvas.js';
import type { Scene } from './chain-graph.scene.js';

export interface DrawDeps {
  /** Everything the painter needs for the picture now, or undefined before data. */
  scene(): Scene | undefined;
  /** True when the canvas renderer is in use. */
  canvas(): boolean;
  /** The canvas element (canvas renderer). */
  canvasEl(): HTMLCanvasElement | null;
  pixelRatio(): number;
  /** True while a pan/zoom gesture runs. */
  gesturing(): boolean;
  token(name: string, fallback: string): string;
  /** The number of labels not drawn changed on the canvas (the element shows `dropped` in a note: a new render). */
  dropped(n: number): void;
}

export class ChainDrawController implements ReactiveController {
  /** Labels of nodes in view not drawn at this zoom (said visibly; they stay reachable by hover, keyboard, table). */
  dropped = 0;
  /** Non-zero while a redraw is queued (an animation frame id, or -1 while a painter loads). */
  queued = 0;
  /**
   * The SVG painter once loaded; the canvas painter (a subclass, loaded on first use) once a canvas picture was asked
   * for. Undefined until the first has loaded.
   */
  painter?: ChainPainter;
  private svgLoad?: Promise<ChainPainter>;
  /** True when the canvas painter could not be loaded (offline): the element draws SVG instead. */
  canvasFailed = false;
  private canvasLoad?: Promise<ChainCanvasPainter>;
  private readonly host: ReactiveControllerHost & { readonly isUpdatePending: boolean };
  private readonly d: DrawDeps;
  /** Zoom of the gesture's first frame: a pan (same zoom) moves the placed labels with the picture. */
  private gestureK?: number;

  constructor(host: ReactiveControllerHost & { readonly isUpdatePending: boolean }, deps: DrawDeps) {
    this.host = host;
    this.d = deps;
    host.addController(this);
  }

  hostConnected(): void {
    void this.svgPainter().catch(() => undefined);
  }

  /** The SVG painter, loaded once (the element starts the load when it connects). */
  svgPainter(): Promise<ChainPainter> {
    return (this.svgLoad ??= import('./chain-graph.painter.js').then((m) => (this.painter ??= new m.ChainPainter((name, fallback) => this.d.token(name, fallback)))));
  }

  /** Queues a redraw for when `load` resolves (also when it fails: nothing to wait for then). */
  private after(load: Promise<unknown>): void {
    this.queued = -1;
    void load.then(
      () => ((this.queued = 0), this.request()),
      () => (this.queued = 0),
    );
  }

  /**
   * The canvas painter, loaded on first use (graphs above the canvas threshold are rarer than SVG ones, and take
   * longer to lay out than the load). The element asks for it as soon as it knows a canvas will be drawn.
   */
  canvasPainter(): Promise<ChainCanvasPainter> {
    return (this.canvasLoad ??= import('./chain-graph.painter-canvas.js').then(
      (m) => {
        const p = new m.ChainCanvasPainter((name, fallback) => this.d.token(name, fallback));
        // This loop draws again while the painter's picture is incomplete (large pictures in slices, see drawCanvas).
        p.slices = true;
        this.painter = p;
        return p;
      },
      (e: unknown) => {
        this.canvasFailed = true;
        this.host.requestUpdate();
        throw e;
      },
    ));
  }

  /** The canvas painter when it is loaded. */
  private get canvas(): ChainCanvasPainter | undefined {
    return this.painter && 'drawCanvas' in this.painter ? (this.painter as ChainCanvasPainter) : undefined;
  }

  hostDisconnected(): void {
    if (this.queued > 0) cancelAnimationFrame(this.queued);
    this.queued = 0;
  }

  /** Schedules one redraw on the next frame (SVG: a Lit update; canvas: a canvas frame). Never draws synchronously. */
  request(): void {
    if (this.queued) return;
    // Queued until the painter is loaded (whenDrawn waits for it), then a frame as usual.
    if (this.d.canvas() && !this.canvas) return this.after(this.canvasPainter());
    if (!this.painter) return this.after(this.svgPainter());
    this.queued = requestAnimationFrame(() => {
      this.queued = 0;
      if (this.d.canvas()) this.drawCanvas();
      else this.host.requestUpdate();
    });
  }

  /**
   * Resolves once the picture is complete: `busy()` false (a layout or glide running), no update pending and no
   * redraw queued (a frame to come, a painter loading, a large picture still drawn in slices); looks again each frame.
   */
  async settled(busy: () => boolean): Promise<void> {
    for (;;) {
      await this.host.updateComplete;
      if (!busy() && !this.queued && !this.host.isUpdatePending) return;
      await new Promise<void>((r) => requestAnimationFrame(() => r()));
    }
  }

  /** A queued canvas frame now (an export wants the next frame's picture). */
  flush(): void {
    if (!this.queued || this.queued === -1) return;
    cancelAnimationFrame(this.queued);
    this.queued = 0;
    if (this.d.canvas()) this.drawCanvas();
  }

  /** A pan/zoom gesture started or ended (the settled picture is drawn after it). */
  gesture(on: boolean, k: number): void {
    this.gestureK = on ? k : undefined;
    if (!on) this.request();
  }

  /**
   * Positions moved in place (glide frame, drag): the painter's position caches are dropped, one redraw. `settled`
   * (a finished layout shown without a glide): the SVG picture is rendered in this task rather than after waiting
   * for the next frame (the frame then paints it); a canvas still draws in its frame (a large one in slices).
   */
  moved(settled = false): void {
    this.painter?.moved();
    if (settled && !this.d.canvas() && this.painter) {
      cancelAnimationFrame(this.queued);
      this.queued = 0;
      this.host.requestUpdate();
    } else this.request();
  }

  themeChanged(): void {
    this.painter?.themeChanged();
    this.request();
  }

  /** The SVG picture (SVG renderer), from the element's render. */
  svg(): TemplateResult {
    const scene = this.d.scene();
    if (!scene) return html``;
    if (!this.painter) {
      // The painter is still loading (it started when the element connected): drawn when it is there.
      if (!this.queued) this.after(this.svgPainter());
      return html``;
    }
    const { template, placed } = this.painter.svg(scene);
    // The element renders the note about names not shown after the picture, in the same template: it reads this
    // (no second update for it).
    this.dropped = placed.dropped;
    return template;
  }

  /** One canvas frame (canvas renderer only). */
  drawCanvas(): void {
    const canvas = this.d.canvasEl();
    const scene = this.d.scene();
    if (!canvas || !scene) return;
    const gesture = this.gestureK === undefined ? 'none' : this.gestureK === scene.zt.k ? 'pan' : 'zoom';
    const painter = this.canvas;
    if (!painter) return this.request();
    const placed = painter.drawCanvas(canvas, scene, this.d.pixelRatio(), gesture);
    // A large picture is drawn in slices, one per frame (the painter says when it is not complete yet).
    if (painter.incomplete) this.request();
    // The note about names not shown follows at rest (a Lit update per gesture frame would cost more than the frame).
    if (placed && !this.d.gesturing() && placed.dropped !== this.dropped) {
      this.dropped = placed.dropped;
      this.d.dropped(placed.dropped);
    }
  }
}
