/**
 * The one interface every renderer (canvas, svg, maplibre/WebGL) implements. The element computes everything
 * (view, colours, labels, hit testing); a renderer only draws and converts between pixels and lon/lat.
 */
import type { ActiveRenderer, GridGeometry } from '../grid-map.types.js';

export interface SceneColors {
  background: string;
  outline: string;
  parentOutline: string;
  noData: string;
  selected: string;
  text: string;
  halo: string;
}

export interface SceneLabel {
  text: string;
  /** [lon, lat] */
  at: [number, number];
  /** CSS pixels. */
  size: number;
  weight: number;
}

export interface ScenePoint {
  at: [number, number];
  name: string;
  color: string;
}

export interface Scene {
  geo: GridGeometry;
  /** Feature indices drawn filled. */
  shown: number[];
  /** Feature indices drawn as context outlines. */
  outlines: number[];
  /** Fill per shown index; null = no-data style (grey + hatch). */
  fill: Map<number, string | null>;
  /** Shown indices not emphasised (legend hover) are drawn faded when this is set. */
  emphasis: Set<number> | null;
  selected: number;
  hovered: number;
  labels: SceneLabel[];
  /** Optional point layer (parks, projects, service stations). */
  points: ScenePoint[];
  colors: SceneColors;
  /** Bounding box [w, s, e, n] to fit. */
  bbox: [number, number, number, number];
  /** Padding in CSS pixels around the fitted box. */
  padding: number;
  font: string;
}

/** What changed since the last call (a renderer may redo less). */
export interface SceneChange {
  geometry?: boolean;
  fill?: boolean;
  view?: boolean;
  highlight?: boolean;
}

export interface RendererOptions {
  pixelRatio: number;
  /** maplibre only: keep the drawing buffer so pixels can be read (tests, PNG export). */
  preserveDrawingBuffer?: boolean;
  /** Called when a renderer can no longer draw (WebGL context lost and not restored); the element falls back. */
  onFail?: (reason: string) => void;
  /** Called after the view moved (pan/zoom), so overlays can follow. */
  onMove?: () => void;
}

export interface GridRenderer {
  readonly kind: ActiveRenderer;
  /** Creates the drawing surface inside `container`. Rejects when it cannot (the element then falls back). */
  mount(container: HTMLElement): Promise<void>;
  update(scene: Scene, change: SceneChange): void;
  /** Container CSS pixels (unscaled) → [lon, lat]. */
  unproject(x: number, y: number): [number, number] | undefined;
  /** [lon, lat] → container CSS pixels. */
  project(p: [number, number]): [number, number] | undefined;
  resize(pixelRatio: number): void;
  /** The whole picture (surface + overlays) as a new canvas, for export and pixel tests; undefined for SVG. */
  snapshot?(): HTMLCanvasElement | undefined;
  /** Like snapshot(), but repaints first where the drawing buffer is not kept (WebGL). */
  capture?(): Promise<HTMLCanvasElement | undefined>;
  /** Resolves when the current picture is fully drawn. */
  idle(): Promise<void>;
  destroy(): void;
}

/** Live maplibre maps on this page (each holds a WebGL context; browsers cap them at ~16). */
export const webglMaps = { live: 0 };

// ── Web Mercator helpers (the same projection maplibre uses, so every renderer puts a grid on the same pixels) ──

/** lon/lat → Web Mercator unit square ([0,1] both, y down). */
export function mercator(lon: number, lat: number): [number, number] {
  const s = Math.sin((Math.max(-85.05, Math.min(85.05, lat)) * Math.PI) / 180);
  return [(lon + 180) / 360, 0.5 - (0.25 * Math.log((1 + s) / (1 - s))) / Math.PI];
}

export function inverseMercator(x: number, y: number): [number, number] {
  const lon = x * 360 - 180;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;
  return [lon, lat];
}

export interface Fit {
  k: number;
  tx: number;
  ty: number;
}

/** Scale and offset that fit a lon/lat box into width × height with padding (mercator units → CSS px). */
export function fitBox(bbox: [number, number, number, number], width: number, height: number, padding: number): Fit {
  const [x0, y1] = mercator(bbox[0], bbox[1]);
  const [x1, y0] = mercator(bbox[2], bbox[3]);
  const w = Math.max(1e-12, x1 - x0), h = Math.max(1e-12, y1 - y0);
  const aw = Math.max(1, width - 2 * padding), ah = Math.max(1, height - 2 * padding);
  const k = Math.min(aw / w, ah / h);
  return { k, tx: (width - w * k) / 2 - x0 * k, ty: (height - h * k) / 2 - y0 * k };
}

/** Greedy label placement: drops labels whose box overlaps one already placed. Pure; returns kept indices. */
export function placeLabels(boxes: { x: number; y: number; w: number; h: number }[], width: number, height: number): number[] {
  const kept: number[] = [];
  const placed: { x: number; y: number; w: number; h: number }[] = [];
  boxes.forEach((b, i) => {
    const x0 = b.x - b.w / 2, y0 = b.y - b.h / 2;
    if (x0 < 0 || y0 < 0 || x0 + b.w > width || y0 + b.h > height) return;
    for (const p of placed) if (x0 < p.x + p.w && x0 + b.w > p.x && y0 < p.y + p.h && y0 + b.h > p.y) return;
    placed.push({ x: x0, y: y0, w: b.w, h: b.h });
    kept.push(i);
  });
  return kept;
}
