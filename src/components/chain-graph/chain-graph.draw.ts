/**
 * Drawing for <civic-chain-graph>: one redraw per animation frame (SVG: a Lit update that renders the painter's
 * template; canvas: the painter's canvas frame), the gesture state the painter caches by (pan keeps the label
 * placement, zoom places only the labels already shown), and the "names not shown" count. Knows nothing of the
 * element class (no import of chain-graph.ts); the element gives it the scene of each picture.
 */
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ChainPainter, type Scene } from './chain-graph.painter.js';

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
  /** Non-zero while a redraw is queued (an animation frame id). */
  queued = 0;
  readonly painter: ChainPainter;
  private readonly host: ReactiveControllerHost;
  private readonly d: DrawDeps;
  /** Zoom of the gesture's first frame: a pan (same zoom) moves the placed labels with the picture. */
  private gestureK?: number;

  constructor(host: ReactiveControllerHost, deps: DrawDeps) {
    this.host = host;
    this.d = deps;
    this.painter = new ChainPainter((name, fallback) => deps.token(name, fallback));
    // This loop draws again while the painter's picture is incomplete (large pictures in slices, see drawCanvas).
    this.painter.slices = true;
    host.addController(this);
  }

  hostDisconnected(): void {
    cancelAnimationFrame(this.queued);
    this.queued = 0;
  }

  /** Schedules one redraw on the next frame (SVG: a Lit update; canvas: a canvas frame). Never draws synchronously. */
  request(): void {
    if (this.queued) return;
    this.queued = requestAnimationFrame(() => {
      this.queued = 0;
      if (this.d.canvas()) this.drawCanvas();
      else this.host.requestUpdate();
    });
  }

  /** A queued canvas frame now (an export wants the next frame's picture). */
  flush(): void {
    if (!this.queued) return;
    cancelAnimationFrame(this.queued);
    this.queued = 0;
    if (this.d.canvas()) this.drawCanvas();
  }

  /** A pan/zoom gesture started or ended (the settled picture is drawn after it). */
  gesture(on: boolean, k: number): void {
    this.gestureK = on ? k : undefined;
    if (!on) this.request();
  }

  /** Positions moved in place (glide frame, drag): the painter's position caches are dropped, one redraw. */
  moved(): void {
    this.painter.moved();
    this.request();
  }

  themeChanged(): void {
    this.painter.themeChanged();
    this.request();
  }

  /** The SVG picture (SVG renderer), from the element's render. */
  svg(): TemplateResult {
    const scene = this.d.scene();
    if (!scene) return html``;
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
    const placed = this.painter.drawCanvas(canvas, scene, this.d.pixelRatio(), gesture);
    // A large picture is drawn in slices, one per frame (the painter says when it is not complete yet).
    if (this.painter.incomplete) this.request();
    // The note about names not shown follows at rest (a Lit update per gesture frame would cost more than the frame).
    if (placed && !this.d.gesturing() && placed.dropped !== this.dropped) {
      this.dropped = placed.dropped;
      this.d.dropped(placed.dropped);
    }
  }
}
