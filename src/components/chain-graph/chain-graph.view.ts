/**
 * Zoom, pan and drag for <civic-chain-graph>, without d3-zoom/d3-drag (issue 16: they brought d3-selection,
 * d3-transition, d3-interpolate and d3-color into the entry): mouse drag pans (or drags a node when it starts on one),
 * the wheel zooms about the pointer, two touch pointers pinch, `+`/`-` zoom and Shift+arrows pan from the keyboard.
 * The stage size comes from the core ResizeController (no ResizeObserver of its own); fit-to-view and centring live
 * here too; the element class is not imported. Mouse input is read from mouse events (synthetic `MouseEvent`s in
 * tests and benches drive it like a real mouse), touch and pen from pointer events (`touch-action: none` on the stage).
 * The transform itself (and the fitted view) is chain-graph.transform.ts.
 */
import type { ReactiveControllerHost } from 'lit';
import { ResizeController, type Size } from '../../core/controllers/resize-controller.js';
import type { LayoutResult } from './chain-graph.layout.js';
import { fitTransform, IDENTITY, MAX_ZOOM, MIN_ZOOM, ViewTransform } from './chain-graph.transform.js';
import type { Point } from './chain-graph.types.js';

/** Wheel: one CSS pixel of scroll changes the zoom by 2^(1/500); a line counts 25 px, a page 500 px. */
const WHEEL_PX_PER_DOUBLING = 500;
/** A wheel gesture ends when no wheel event came for this long (the painter then draws the settled picture). */
const WHEEL_END_MS = 150;
/** Movement below this many CSS px between press and release is a click, not a pan or drag. */
const CLICK_SLOP = 2;
/** Keyboard: one `+`/`-` press zooms by √2; one Shift+arrow pans by this many CSS px. */
const KEY_ZOOM = Math.SQRT2;
const KEY_PAN = 48;

export interface ViewCallbacks {
  /** The transform changed (gesture, fit, centre, key): repaint. */
  changed(): void;
  /** A pan/zoom gesture started (true) or ended (false): the painter may cache its layers meanwhile. */
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

/** One press being followed: a pan (no node) or a node drag; `moved` once it left the click slop. */
interface Press {
  id?: string;
  /** Node drag: the node's stage position minus the pointer's at the press (the node keeps its offset). */
  dx: number;
  dy: number;
  x0: number;
  y0: number;
  t0: ViewTransform;
  moved: boolean;
}

export class ChainViewController {
  /** The current zoom transform (graph → stage CSS px). */
  zt: ViewTransform = IDENTITY;
  /** The zoom's lower limit: MIN_ZOOM, or the fitted view's zoom when the drawing needs less (see fit). */
  minZoom = MIN_ZOOM;
  /** Set once the user zoomed or panned; a new layout then keeps the view. */
  userZoomed = false;
  /** The stage's size in CSS px (0×0 until the first report). */
  stageSize: Size = { width: 0, height: 0 };
  /** True while a zoom/pan gesture runs (not for a node drag). */
  gesturing = false;
  stageEl?: HTMLElement;
  private readonly resize: ResizeController;
  private readonly cb: ViewCallbacks;
  private press?: Press;
  /** Touch/pen pointers down on the stage (stage CSS px). */
  private readonly touches = new Map<number, [number, number]>();
  private pinch?: { d0: number; t0: ViewTransform; g: [number, number] };
  private wheelTimer?: ReturnType<typeof setTimeout>;
  private suppressClick = false;

  private readonly host: ReactiveControllerHost & HTMLElement;
  private displayCheck = 0;
  private notDisplayed = false;

  constructor(host: ReactiveControllerHost & HTMLElement, callbacks: ViewCallbacks) {
    this.host = host;
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

  /**
   * True when the stage's size is known, or the element is not displayed at all (no size report ever comes then).
   * Whether it is displayed is looked at in the next frame, not here: reading `offsetWidth` right after a render
   * would force the style and layout of the whole new shadow tree into the task that rendered it. When that frame
   * finds it not displayed, the host updates again (and this answers true).
   */
  sizeKnown(): boolean {
    if (this.stageSize.width > 0) return true;
    if (this.notDisplayed && this.host.offsetWidth === 0) return true;
    this.displayCheck ||= requestAnimationFrame(() => {
      this.displayCheck = 0;
      this.notDisplayed = this.host.isConnected && this.stageSize.width === 0 && this.host.offsetWidth === 0;
      if (this.notDisplayed) this.host.requestUpdate();
    });
    return false;
  }

  /** Binds the gestures to the stage element (after each render; a new stage element rebinds). */
  attach(stage: HTMLElement | undefined): void {
    if (stage === this.stageEl) return;
    this.detach();
    this.stageEl = stage;
    if (!stage) return;
    this.resize.observe(stage);
    stage.addEventListener('mousedown', this.onMouseDown);
    stage.addEventListener('wheel', this.onWheel, { passive: false });
    stage.addEventListener('pointerdown', this.onPointerDown);
    stage.addEventListener('pointermove', this.onPointerMove);
    stage.addEventListener('pointerup', this.onPointerUp);
    stage.addEventListener('pointercancel', this.onPointerUp);
    stage.addEventListener('click', this.onClickCapture, true);
  }

  detach(): void {
    const stage = this.stageEl;
    if (stage) {
      stage.removeEventListener('mousedown', this.onMouseDown);
      stage.removeEventListener('wheel', this.onWheel);
      stage.removeEventListener('pointerdown', this.onPointerDown);
      stage.removeEventListener('pointermove', this.onPointerMove);
      stage.removeEventListener('pointerup', this.onPointerUp);
      stage.removeEventListener('pointercancel', this.onPointerUp);
      stage.removeEventListener('click', this.onClickCapture, true);
    }
    this.endMouse();
    this.touches.clear();
    this.pinch = undefined;
    this.press = undefined;
    this.endGesture();
    this.stageEl = undefined;
  }

  /** Fits a layout's bounds into the stage (zoom ≤ 2; below MIN_ZOOM when the drawing needs it, and then so may the user). */
  fit(result: LayoutResult | undefined): void {
    const { width, height } = this.stageSize;
    if (!result || width < 1 || height < 1) return;
    const t = fitTransform(result.bounds, width, height);
    this.minZoom = Math.min(MIN_ZOOM, t.k); // a 5,000-node radial drawing is tens of thousands of units wide
    this.setTransform(t);
  }

  /** Centres a graph point, keeping the zoom. */
  centreOn(p: Point | undefined): void {
    const { width, height } = this.stageSize;
    if (!p || width < 1) return;
    const k = this.zt.k;
    this.setTransform(new ViewTransform(k, width / 2 - k * p.x, height / 2 - k * p.y));
  }

  setTransform(t: ViewTransform): void {
    this.zt = t;
    this.cb.changed();
  }

  /** A client point (mouse event) in stage CSS px (from the stage's padding box), undoing a `<civic-screen>`'s CSS scale. */
  stagePoint(e: { clientX: number; clientY: number }): [number, number] {
    const el = this.stageEl;
    if (!el) return [0, 0];
    const r = el.getBoundingClientRect();
    const sx = el.offsetWidth ? r.width / el.offsetWidth : 1;
    const sy = el.offsetHeight ? r.height / el.offsetHeight : 1;
    // Inside the border: the picture starts at the padding box.
    return [(e.clientX - r.left) / (sx || 1) - el.clientLeft, (e.clientY - r.top) / (sy || 1) - el.clientTop];
  }

  /**
   * Keyboard zoom and pan on the focused stage: `+`/`=` zoom in, `-` zoom out (about the stage's centre), Shift+arrow
   * keys pan. True when the key was used (the element then leaves it alone).
   */
  key(e: KeyboardEvent): boolean {
    const { width, height } = this.stageSize;
    if (width < 1 || e.ctrlKey || e.metaKey || e.altKey) return false;
    const pan: Record<string, [number, number]> = { ArrowRight: [-KEY_PAN, 0], ArrowLeft: [KEY_PAN, 0], ArrowUp: [0, KEY_PAN], ArrowDown: [0, -KEY_PAN] };
    let next: ViewTransform | undefined;
    if (e.key === '+' || e.key === '=') next = this.zt.zoomTo(this.zt.k * KEY_ZOOM, [width / 2, height / 2], this.minZoom);
    else if (e.key === '-' || e.key === '_') next = this.zt.zoomTo(this.zt.k / KEY_ZOOM, [width / 2, height / 2], this.minZoom);
    else if (e.shiftKey && e.key in pan) next = new ViewTransform(this.zt.k, this.zt.x + pan[e.key][0], this.zt.y + pan[e.key][1]);
    if (!next) return false;
    e.preventDefault();
    this.userZoomed = true;
    this.setTransform(next);
    return true;
  }

  // ── gestures ──
  private startGesture(): void {
    if (this.gesturing) return;
    this.gesturing = true;
    this.cb.gesture(true);
  }

  private endGesture(): void {
    clearTimeout(this.wheelTimer);
    this.wheelTimer = undefined;
    if (!this.gesturing) return;
    this.gesturing = false;
    this.cb.gesture(false);
  }

  private userTransform(t: ViewTransform): void {
    this.userZoomed = true;
    this.setTransform(t);
  }

  /** A press at stage point (x, y): a node drag when it starts on a node, else a pan. */
  private begin(x: number, y: number, target: EventTarget | null | undefined): void {
    const id = this.cb.hit(x, y, target) ?? undefined;
    const p = id ? this.cb.position(id) : undefined;
    const [nx, ny] = p ? this.zt.apply([p.x, p.y]) : [x, y];
    this.press = { id: p ? id : undefined, dx: nx - x, dy: ny - y, x0: x, y0: y, t0: this.zt, moved: false };
  }

  private follow(x: number, y: number): void {
    const pr = this.press;
    if (!pr) return;
    if (!pr.moved) {
      if (Math.hypot(x - pr.x0, y - pr.y0) < CLICK_SLOP) return;
      pr.moved = true;
      if (!pr.id) this.startGesture();
    }
    if (pr.id) {
      const [gx, gy] = this.zt.invert([x + pr.dx, y + pr.dy]);
      this.cb.drag(pr.id, { x: gx, y: gy });
    } else this.userTransform(new ViewTransform(pr.t0.k, pr.t0.x + x - pr.x0, pr.t0.y + y - pr.y0));
  }

  private finish(): void {
    const pr = this.press;
    this.press = undefined;
    if (!pr) return;
    // A press that moved is not a click: the click that follows its release selects nothing.
    if (pr.moved) this.suppressClick = true;
    if (pr.id && pr.moved) this.cb.dragEnd(pr.id);
    if (!pr.id) this.endGesture();
    setTimeout(() => (this.suppressClick = false));
  }

  private onClickCapture = (e: MouseEvent): void => {
    if (!this.suppressClick) return;
    this.suppressClick = false;
    e.stopImmediatePropagation();
    e.preventDefault();
  };

  // Mouse: the press on the stage, its moves and release anywhere in the window.
  private onMouseDown = (e: MouseEvent): void => {
    if (e.button !== 0 || e.ctrlKey || this.touches.size) return;
    const [x, y] = this.stagePoint(e);
    this.begin(x, y, e.composedPath()[0]);
    const view = e.view ?? window;
    view.addEventListener('mousemove', this.onMouseMove, true);
    view.addEventListener('mouseup', this.onMouseUp, true);
    view.addEventListener('selectstart', this.noSelect, true);
    this.mouseView = view;
  };
  private mouseView?: Window;

  private onMouseMove = (e: MouseEvent): void => {
    const [x, y] = this.stagePoint(e);
    this.follow(x, y);
    if (this.press?.moved) e.preventDefault();
  };

  private onMouseUp = (e: MouseEvent): void => {
    const [x, y] = this.stagePoint(e);
    this.follow(x, y);
    this.endMouse();
    this.finish();
  };

  private noSelect = (e: Event): void => e.preventDefault();

  private endMouse(): void {
    const view = this.mouseView;
    if (!view) return;
    view.removeEventListener('mousemove', this.onMouseMove, true);
    view.removeEventListener('mouseup', this.onMouseUp, true);
    view.removeEventListener('selectstart', this.noSelect, true);
    this.mouseView = undefined;
  }

  // Wheel: zoom about the pointer; the gesture ends WHEEL_END_MS after the last wheel event.
  private onWheel = (e: WheelEvent): void => {
    e.preventDefault();
    const px = e.deltaY * (e.deltaMode === 1 ? 25 : e.deltaMode === 2 ? WHEEL_PX_PER_DOUBLING : 1) * (e.ctrlKey ? 10 : 1);
    const next = this.zt.zoomTo(this.zt.k * Math.pow(2, -px / WHEEL_PX_PER_DOUBLING), this.stagePoint(e), this.minZoom);
    this.startGesture();
    clearTimeout(this.wheelTimer);
    this.wheelTimer = setTimeout(() => this.endGesture(), WHEEL_END_MS);
    if (next.k !== this.zt.k || next.x !== this.zt.x || next.y !== this.zt.y) this.userTransform(next);
  };

  // Touch and pen: one pointer pans or drags like the mouse; two pinch (zoom about their midpoint, pan with it).
  private onPointerDown = (e: PointerEvent): void => {
    if (e.pointerType === 'mouse' || this.touches.size >= 2) return;
    e.preventDefault();
    try {
      this.stageEl?.setPointerCapture(e.pointerId);
    } catch {
      // not an active pointer (a synthetic event): moves still arrive on the stage
    }
    const p = this.stagePoint(e);
    this.touches.set(e.pointerId, p);
    if (this.touches.size === 1) this.begin(p[0], p[1], e.composedPath()[0]);
    else {
      // A second finger: the press becomes a pinch (a node drag in progress ends where it is).
      const pr = this.press;
      this.press = undefined;
      if (pr?.id && pr.moved) this.cb.dragEnd(pr.id);
      const [a, b] = [...this.touches.values()];
      this.pinch = { d0: Math.hypot(b[0] - a[0], b[1] - a[1]) || 1, t0: this.zt, g: this.zt.invert(mid(a, b)) };
      this.startGesture();
    }
  };

  private onPointerMove = (e: PointerEvent): void => {
    if (!this.touches.has(e.pointerId)) return;
    const p = this.stagePoint(e);
    this.touches.set(e.pointerId, p);
    const pz = this.pinch;
    if (!pz) return this.follow(p[0], p[1]);
    const [a, b] = [...this.touches.values()];
    const k = Math.min(MAX_ZOOM, Math.max(this.minZoom, (pz.t0.k * Math.hypot(b[0] - a[0], b[1] - a[1])) / pz.d0));
    const [mx, my] = mid(a, b);
    this.userTransform(new ViewTransform(k, mx - pz.g[0] * k, my - pz.g[1] * k));
  };

  private onPointerUp = (e: PointerEvent): void => {
    if (!this.touches.delete(e.pointerId)) return;
    if (this.pinch) {
      // Pinch over: the remaining finger does nothing until it is lifted.
      if (this.touches.size === 0) {
        this.pinch = undefined;
        this.endGesture();
      }
      return;
    }
    const p = this.stagePoint(e);
    this.follow(p[0], p[1]);
    this.finish();
  };
}

function mid(a: readonly [number, number], b: readonly [number, number]): [number, number] {
  return [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
}
