/**
 * Zoom, pan and drag for <civic-chain-graph>: d3-zoom and d3-drag on the stage, the stage size from the core
 * ResizeController (no ResizeObserver of its own), fit-to-view, centring and hit-testing. Knows nothing of the
 * element class (no import of chain-graph.ts).
 */
import type { ReactiveControllerHost } from 'lit';
import { select } from 'd3-selection';
import { zoom as d3zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';
import { drag as d3drag } from 'd3-drag';
import { ResizeController, type Size } from '../../core/controllers/resize-controller.js';
import type { LayoutResult } from './chain-graph.layout.js';
import type { Point } from './chain-graph.types.js';

export interface ViewCallbacks {
  /** The transform changed (gesture, fit, centre): repaint. */
  changed(): void;
  /** A gesture started (true) or ended (false): the painter may cache its layers meanwhile. */
  gesture(active: boolean): void;
  /** The stage got a new size (≥ 1 px change). */
  resized(size: Size): void;
  /** Node under a stage point (stage CSS px), for drag subjects. */
  hit(x: number, y: number, target: EventTarget | null | undefined): string | null;
  /** Graph position of a node on screen now. */
  position(id: string): Point | undefined;
  /** A node is being dragged to graph point `p`. */
  drag(id: string, p: Point): void;
  /** A drag that moved ended (pins the node). */
  dragEnd(id: string): void;
}

export class ChainViewController {
  /** The current zoom transform (graph → stage CSS px). */
  zt: ZoomTransform = zoomIdentity;
  /** Set once the user zoomed or panned; a new layout then keeps the view. */
  userZoomed = false;
  /** The stage's size in CSS px (0×0 until the first report). */
  stageSize: Size = { width: 0, height: 0 };
  /** True while a zoom/pan gesture runs. */
  gesturing = false;
  stageEl?: HTMLElement;
  private zoomBehavior?: ZoomBehavior<HTMLElement, unknown>;
  private readonly resize: ResizeController;
  private readonly cb: ViewCallbacks;
  private dragMoved = false;

  constructor(host: ReactiveControllerHost & HTMLElement, callbacks: ViewCallbacks) {
    this.cb = callbacks;
    this.resize = new ResizeController(host, {
      onResize: (size) => {
        // Until the stage exists the controller watches the host, whose box includes the toolbar: not the stage's size.
        if (!this.stageEl) return;
        this.stageSize = { width: size.width, height: size.height };
        this.cb.resized(this.stageSize);
      },
    });
  }

  /** Binds the gestures to the stage element (after each render; a new stage element rebinds). */
  attach(stage: HTMLElement | undefined): void {
    if (stage === this.stageEl) return;
    this.detach();
    this.stageEl = stage;
    if (!stage) return;
    this.resize.observe(stage);
    this.bind(stage);
  }

  detach(): void {
    if (this.stageEl) select(this.stageEl).on('.zoom', null).on('.drag', null);
    this.stageEl = undefined;
    this.zoomBehavior = undefined;
  }

  /** Fits a layout's bounds into the stage (zoom between 0.05 and 2). */
  fit(result: LayoutResult | undefined): void {
    const { width, height } = this.stageSize;
    if (!result || width < 1 || height < 1) return;
    const b = result.bounds;
    const pad = 28;
    const gw = Math.max(1, b.x1 - b.x0), gh = Math.max(1, b.y1 - b.y0 + 24);
    const k = Math.min(2, Math.max(0.05, Math.min((width - 2 * pad) / gw, (height - 2 * pad) / gh)));
    this.setTransform(zoomIdentity.translate(width / 2 - k * (b.x0 + gw / 2), height / 2 - k * (b.y0 - 24 + gh / 2)).scale(k));
  }

  /** Centres a graph point, keeping the zoom. */
  centreOn(p: Point | undefined): void {
    const { width, height } = this.stageSize;
    if (!p || width < 1) return;
    const k = this.zt.k;
    this.setTransform(zoomIdentity.translate(width / 2 - k * p.x, height / 2 - k * p.y).scale(k));
  }

  setTransform(t: ZoomTransform): void {
    this.zt = t;
    // Tell d3-zoom the new transform (its zoom event has no sourceEvent, so it does not count as the user's).
    if (this.stageEl && this.zoomBehavior) select(this.stageEl).call(this.zoomBehavior.transform, t);
    this.cb.changed();
  }

  /** A client point (mouse event) in stage CSS px, undoing a `<civic-screen>`'s CSS scale. */
  stagePoint(e: MouseEvent): [number, number] {
    const el = this.stageEl;
    if (!el) return [0, 0];
    const r = el.getBoundingClientRect();
    const sx = el.offsetWidth ? r.width / el.offsetWidth : 1;
    const sy = el.offsetHeight ? r.height / el.offsetHeight : 1;
    return [(e.clientX - r.left) / (sx || 1), (e.clientY - r.top) / (sy || 1)];
  }

  /** d3-drag (pins a node) then d3-zoom (pans and zooms); drag takes the gesture when it starts on a node. */
  private bind(stage: HTMLElement): void {
    const dragBehavior = d3drag<HTMLElement, unknown, { id: string; x: number; y: number } | undefined>()
      .container(() => stage)
      .subject((event: { sourceEvent: PointerEvent; x: number; y: number }) => {
        const id = this.cb.hit(event.x, event.y, event.sourceEvent?.target);
        const p = id ? this.cb.position(id) : undefined;
        if (!id || !p) return undefined;
        const [x, y] = this.zt.apply([p.x, p.y]);
        return { id, x, y };
      })
      .on('start', () => {
        this.dragMoved = false;
      })
      .on('drag', (event: { subject: { id: string }; x: number; y: number }) => {
        const [gx, gy] = this.zt.invert([event.x, event.y]);
        this.dragMoved = true;
        this.cb.drag(event.subject.id, { x: gx, y: gy });
      })
      .on('end', (event: { subject: { id: string } }) => {
        if (this.dragMoved) this.cb.dragEnd(event.subject.id);
      });
    this.zoomBehavior = d3zoom<HTMLElement, unknown>()
      .scaleExtent([0.05, 8])
      .on('start', (event: { sourceEvent: Event | null }) => {
        if (!event.sourceEvent) return;
        this.gesturing = true;
        this.cb.gesture(true);
      })
      .on('zoom', (event: { transform: ZoomTransform; sourceEvent: Event | null }) => {
        this.zt = event.transform;
        if (event.sourceEvent) this.userZoomed = true;
        this.cb.changed();
      })
      .on('end', () => {
        if (!this.gesturing) return;
        this.gesturing = false;
        this.cb.gesture(false);
      });
    select<HTMLElement, unknown>(stage).call(dragBehavior).call(this.zoomBehavior).on('dblclick.zoom', null);
  }
}
