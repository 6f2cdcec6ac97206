/**
 * d3-geo canvas renderer: small data without a basemap, and the fallback when WebGL2 is missing or lost.
 * Planar Web Mercator through `geoTransform` (RFC 7946 winding is irrelevant there), so grids land on the same
 * pixels as in maplibre.
 */
import { fitBox, inverseMercator, mercator, placeLabels, type Fit, type GridRenderer, type RendererOptions, type Scene, type SceneChange, type SceneLabel, type ScenePoint } from './renderer.js';

export class CanvasRenderer implements GridRenderer {
  readonly kind = 'canvas' as const;
  private canvas?: HTMLCanvasElement;
  private ctx?: CanvasRenderingContext2D;
  private container?: HTMLElement;
  private scene?: Scene;
  private fit: Fit = { k: 1, tx: 0, ty: 0 };
  /** Pan/zoom on top of the fitted view: screen = base * s + (ox, oy). Reset when the view changes. */
  private user = { s: 1, ox: 0, oy: 0 };
  private drag?: { x: number; y: number; ox: number; oy: number };
  private frameReq = 0;
  private pixelRatio: number;
  private width = 0;
  private height = 0;
  private hatch?: CanvasPattern | null;
  private hatchKey?: unknown;
  private frame = 0;

  constructor(private readonly o: RendererOptions) {
    this.pixelRatio = o.pixelRatio;
  }

  async mount(container: HTMLElement): Promise<void> {
    this.container = container;
    const c = document.createElement('canvas');
    c.className = 'surface';
    c.setAttribute('aria-hidden', 'true');
    const ctx = c.getContext('2d');
    if (!ctx) throw new Error('no 2d context');
    container.appendChild(c);
    this.canvas = c;
    this.ctx = ctx;
    container.addEventListener('wheel', this.onWheel, { passive: false });
    container.addEventListener('pointerdown', this.onDown);
    container.addEventListener('pointermove', this.onMove);
    container.addEventListener('pointerup', this.onUp);
    this.measure();
  }

  private measure(): void {
    if (!this.container || !this.canvas) return;
    this.width = Math.max(1, this.container.clientWidth);
    this.height = Math.max(1, this.container.clientHeight);
    const pr = this.pixelRatio;
    const w = Math.round(this.width * pr), h = Math.round(this.height * pr);
    // Setting a canvas's size clears it even when unchanged.
    if (this.canvas.width !== w) this.canvas.width = w;
    if (this.canvas.height !== h) this.canvas.height = h;
    this.canvas.style.width = `${this.width}px`;
    this.canvas.style.height = `${this.height}px`;
  }

  update(scene: Scene, change: SceneChange): void {
    this.scene = scene;
    if (change.view || change.geometry) {
      this.fit = fitBox(scene.bbox, this.width, this.height, scene.padding);
      this.user = { s: 1, ox: 0, oy: 0 };
    }
    this.schedule();
  }

  private schedule(): void {
    // Draw synchronously: the first picture is ready when update() returns (fast first paint, easy pixel tests).
    this.draw();
  }

  resize(pixelRatio: number): void {
    const before = [this.pixelRatio, this.width, this.height];
    this.pixelRatio = pixelRatio;
    this.measure();
    // The ResizeObserver's first call reports the size mount() measured: nothing to redraw (a redraw with a new fit
    // would also drop every cached path — 50,000 grids projected twice for the first picture).
    if (before[0] === pixelRatio && before[1] === this.width && before[2] === this.height && this.scene) return;
    if (this.scene) this.fit = fitBox(this.scene.bbox, this.width, this.height, this.scene.padding);
    this.draw();
  }

  unproject(x: number, y: number): [number, number] | undefined {
    const bx = (x - this.user.ox) / this.user.s, by = (y - this.user.oy) / this.user.s;
    return inverseMercator((bx - this.fit.tx) / this.fit.k, (by - this.fit.ty) / this.fit.k);
  }

  project(p: [number, number]): [number, number] {
    const [mx, my] = mercator(p[0], p[1]);
    return [(mx * this.fit.k + this.fit.tx) * this.user.s + this.user.ox, (my * this.fit.k + this.fit.ty) * this.user.s + this.user.oy];
  }

  // Wheel zoom and drag pan (the WebGL renderer gets these from maplibre).
  private onWheel = (e: WheelEvent): void => {
    if (!this.container) return;
    e.preventDefault();
    const r = this.container.getBoundingClientRect();
    const sx = this.container.offsetWidth ? r.width / this.container.offsetWidth : 1;
    const x = (e.clientX - r.left) / sx, y = (e.clientY - r.top) / sx;
    const f = Math.exp(-e.deltaY * 0.002);
    const s = Math.max(1, Math.min(64, this.user.s * f));
    const g = s / this.user.s;
    this.user = { s, ox: x - (x - this.user.ox) * g, oy: y - (y - this.user.oy) * g };
    if (s === 1) this.user = { s: 1, ox: 0, oy: 0 };
    this.requestDraw();
  };

  private onDown = (e: PointerEvent): void => {
    if (this.user.s === 1 || e.button !== 0) return;
    this.drag = { x: e.clientX, y: e.clientY, ox: this.user.ox, oy: this.user.oy };
  };

  private onMove = (e: PointerEvent): void => {
    if (!this.drag || !(e.buttons & 1)) {
      this.drag = undefined;
      return;
    }
    const r = this.container!.getBoundingClientRect();
    const sx = this.container!.offsetWidth ? r.width / this.container!.offsetWidth : 1;
    this.user = { s: this.user.s, ox: this.drag.ox + (e.clientX - this.drag.x) / sx, oy: this.drag.oy + (e.clientY - this.drag.y) / sx };
    this.requestDraw();
  };

  private onUp = (): void => {
    this.drag = undefined;
  };

  private requestDraw(): void {
    if (this.frameReq) return;
    this.frameReq = requestAnimationFrame(() => {
      this.frameReq = 0;
      this.draw();
      this.o.onMove?.();
    });
  }

  idle(): Promise<void> {
    return Promise.resolve();
  }

  snapshot(): HTMLCanvasElement | undefined {
    if (!this.canvas) return undefined;
    const c = document.createElement('canvas');
    c.width = this.canvas.width;
    c.height = this.canvas.height;
    c.getContext('2d')?.drawImage(this.canvas, 0, 0);
    return c;
  }

  destroy(): void {
    this.canvas?.remove();
    this.canvas = undefined;
    this.paths.clear();
    cancelAnimationFrame(this.frameReq);
    this.frameReq = 0;
    this.container?.removeEventListener('wheel', this.onWheel);
    this.container?.removeEventListener('pointerdown', this.onDown);
    this.container?.removeEventListener('pointermove', this.onMove);
    this.container?.removeEventListener('pointerup', this.onUp);
    this.ctx = undefined;
    this.scene = undefined;
    this.frame++;
  }

  private hatchPattern(ctx: CanvasRenderingContext2D, color: string, line: string): CanvasPattern | null {
    const c = document.createElement('canvas');
    const s = Math.round(8 * this.pixelRatio);
    c.width = c.height = s;
    const g = c.getContext('2d');
    if (!g) return null;
    g.fillStyle = color;
    g.fillRect(0, 0, s, s);
    g.strokeStyle = line;
    g.lineWidth = Math.max(1, this.pixelRatio);
    g.beginPath();
    g.moveTo(0, s);
    g.lineTo(s, 0);
    g.moveTo(-s / 2, s / 2);
    g.lineTo(s / 2, -s / 2);
    g.moveTo(s / 2, s * 1.5);
    g.lineTo(s * 1.5, s / 2);
    g.stroke();
    return ctx.createPattern(c, 'repeat');
  }

  /** Projected paths, cached per geometry and fit: a recolour only refills them. */
  private paths = new Map<number, Path2D>();
  private pathKey?: unknown;
  private pathFit?: Fit;
  private shownOutline?: { key: unknown; path: Path2D };
  private parentOutline?: { key: unknown; path: Path2D };

  private pathOf(i: number, scene: Scene): Path2D {
    if (this.pathKey !== scene.geo || this.pathFit !== this.fit) {
      this.paths.clear();
      this.pathKey = scene.geo;
      this.pathFit = this.fit;
      this.shownOutline = this.parentOutline = undefined;
    }
    let p = this.paths.get(i);
    if (!p) {
      p = projectedPath(scene.geo.features[i].geometry, this.fit);
      this.paths.set(i, p);
    }
    return p;
  }

  private combined(list: number[], scene: Scene, slot: 'shownOutline' | 'parentOutline'): Path2D {
    const key = list;
    const cached = this[slot];
    if (cached && cached.key === key && this.pathFit === this.fit && this.pathKey === scene.geo) return cached.path;
    const path = new Path2D();
    for (const i of list) path.addPath(this.pathOf(i, scene));
    this[slot] = { key, path };
    return path;
  }

  private draw(): void {
    const ctx = this.ctx, scene = this.scene;
    if (!ctx || !scene || !this.canvas) return;
    const pr = this.pixelRatio;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    ctx.fillStyle = scene.colors.background;
    ctx.fillRect(0, 0, this.canvas.width, this.canvas.height);
    const u = this.user;
    ctx.setTransform(pr * u.s, 0, 0, pr * u.s, pr * u.ox, pr * u.oy);
    if (!this.hatch || this.hatchKey !== scene.colors) {
      this.hatch = this.hatchPattern(ctx, scene.colors.noData, scene.colors.outline);
      this.hatchKey = scene.colors;
    }
    ctx.lineJoin = 'round';
    // fills: one fill() per unit on its cached path. Measured in this Chromium: paths with thousands of subpaths
    // grow quadratically (one Path2D of 50,000 hexagons took ~100× the time of 50,000 small ones), so fills are
    // not grouped by colour; the outlines below use addPath into one cached path (linear) and one stroke().
    for (const i of scene.shown) {
      const fill = scene.fill.get(i);
      ctx.globalAlpha = scene.emphasis && !scene.emphasis.has(i) ? 0.25 : 1;
      ctx.fillStyle = fill ?? this.hatch ?? scene.colors.noData;
      ctx.fill(this.pathOf(i, scene), 'evenodd');
    }
    ctx.globalAlpha = 1;
    // unit outlines
    ctx.strokeStyle = scene.colors.outline;
    ctx.lineWidth = 0.75 / u.s;
    ctx.stroke(this.combined(scene.shown, scene, 'shownOutline'));
    // parent outlines
    if (scene.outlines.length) {
      ctx.strokeStyle = scene.colors.parentOutline;
      ctx.lineWidth = 1.5 / u.s;
      ctx.stroke(this.combined(scene.outlines, scene, 'parentOutline'));
    }
    // hover and selection
    for (const [i, w] of [[scene.hovered, 2], [scene.selected, 3]] as const) {
      if (i < 0 || !scene.geo.features[i]) continue;
      const p = this.pathOf(i, scene);
      ctx.strokeStyle = scene.colors.halo;
      ctx.lineWidth = (w + 2) / u.s;
      ctx.stroke(p);
      ctx.strokeStyle = scene.colors.selected;
      ctx.lineWidth = w / u.s;
      ctx.stroke(p);
    }
    ctx.setTransform(pr, 0, 0, pr, 0, 0);
    drawPoints(ctx, scene.points, (p) => this.project(p), scene);
    drawLabels(ctx, scene.labels, (p) => this.project(p), this.width, this.height, scene, scene.points);
  }
}

/**
 * A unit's outline in CSS pixels, added to `p` (a new Path2D by default): Web Mercator then the fit, each ring as
 * moveTo, lineTo… closePath without its closing position — the path d3-geo's geoPath through a geoTransform drew,
 * without the stream's per-point closures.
 */
export function projectedPath(g: { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] }, fit: Fit, p = new Path2D()): Path2D {
  const { k, tx, ty } = fit;
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const D = Math.PI / 180;
  for (const poly of polys)
    for (const ring of poly) {
      let n = ring.length;
      if (n > 1 && ring[0][0] === ring[n - 1][0] && ring[0][1] === ring[n - 1][1]) n--;
      if (n < 1) continue;
      for (let j = 0; j < n; j++) {
        const lat = ring[j][1];
        const s = Math.sin((lat < -85.05 ? -85.05 : lat > 85.05 ? 85.05 : lat) * D);
        const x = ((ring[j][0] + 180) / 360) * k + tx;
        const y = (0.5 - (0.25 * Math.log((1 + s) / (1 - s))) / Math.PI) * k + ty;
        if (j === 0) p.moveTo(x, y);
        else p.lineTo(x, y);
      }
      p.closePath();
    }
  return p;
}

/** Point markers (names are placed with the labels, so they never collide). */
export function drawPoints(ctx: CanvasRenderingContext2D, points: ScenePoint[], project: (p: [number, number]) => [number, number] | undefined, scene: Pick<Scene, 'colors' | 'font'>): void {
  for (const pt of points) {
    const p = project(pt.at);
    if (!p) continue;
    ctx.beginPath();
    ctx.arc(p[0], p[1], 5, 0, Math.PI * 2);
    ctx.fillStyle = pt.color;
    ctx.fill();
    ctx.lineWidth = 2;
    ctx.strokeStyle = scene.colors.halo;
    ctx.stroke();
  }
}

/**
 * Area labels (centred on their interior point) and point names (right of the marker) with a halo, culled so none
 * overlaps another or leaves the view; area labels win. Shared by the canvas renderer and the WebGL overlay.
 */
export function drawLabels(
  ctx: CanvasRenderingContext2D,
  labels: SceneLabel[],
  project: (p: [number, number]) => [number, number] | undefined,
  width: number,
  height: number,
  scene: Pick<Scene, 'colors' | 'font'>,
  points: ScenePoint[] = [],
): void {
  if (!labels.length && !points.length) return;
  ctx.textBaseline = 'middle';
  const items = [
    ...labels.map((l) => ({ text: l.text, at: l.at, font: `${l.weight} ${l.size}px ${scene.font}`, size: l.size, dx: 0, centred: true })),
    ...points.map((p) => ({ text: p.name, at: p.at, font: `11px ${scene.font}`, size: 11, dx: 8, centred: false })),
  ];
  const boxes = items.map((it) => {
    ctx.font = it.font;
    const p = project(it.at) ?? [-1e6, -1e6];
    const w = ctx.measureText(it.text).width + 4;
    return { x: it.centred ? p[0] : p[0] + it.dx + w / 2, y: p[1], w, h: it.size + 4, ax: p[0] + it.dx };
  });
  for (const i of placeLabels(boxes, width, height)) {
    const it = items[i], b = boxes[i];
    ctx.font = it.font;
    ctx.textAlign = it.centred ? 'center' : 'left';
    const x = it.centred ? b.x : b.ax;
    ctx.lineWidth = 3;
    ctx.strokeStyle = scene.colors.halo;
    ctx.strokeText(it.text, x, b.y);
    ctx.fillStyle = scene.colors.text;
    ctx.fillText(it.text, x, b.y);
  }
}
