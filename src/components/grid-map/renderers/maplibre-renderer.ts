/**
 * maplibre-gl (WebGL2) renderer for large grids and basemaps. Loaded only through dynamic `import()`.
 *
 * - No basemap and no network by default: the style is a background plus one GeoJSON source.
 * - Geometry is uploaded once (`setData` only when the geometry changes). Each feature carries one small integer
 *   `k` in its properties, written when the source is built (-1 parent outline, 0 not drawn, 1 no data, 2+ a slot
 *   of the current palette); the layers colour it with one `match` over the palette's few slots and constant
 *   outline paint, so the first picture costs what a hand-written maplibre map costs (the worker evaluates it when
 *   tiling). A later metric, classification, view or emphasis change sets feature-state (`k`, `dim`) only on the
 *   features whose value changed, and a scheme or theme change only swaps the palette in the paint (no re-upload).
 * - Labels are drawn on a 2D overlay canvas (no glyph server, works offline, CJK from system fonts).
 * - A lost context that maplibre restores is kept; one not restored within `restoreTimeout` ms → `onFail`.
 */
import type { StyleSpecification, GeoJSONSource, LayerSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { drawLabels, drawPoints } from './canvas-renderer.js';
import { MaplibreSurface } from './maplibre-surface.js';
import type { GridRenderer, RendererOptions, Scene, SceneChange } from './renderer.js';

export interface MaplibreOptions extends RendererOptions {
  /** A style URL, or a raster tile URL template ({z}/{x}/{y}); empty = no basemap. */
  basemap?: string;
  restoreTimeout?: number;
}

const SRC = 'civic-grids';
const TRANSPARENT = 'rgba(0,0,0,0)';

/** A feature's class: feature-state `k` when set (after a change), else the `k` written into its properties. */
const K = ['to-number', ['coalesce', ['feature-state', 'k'], ['get', 'k']], 0];
const K_OUTLINE = -1, K_NONE = 0, K_NODATA = 1, K_PALETTE = 2;

/**
 * Per feature index its class `k`, and the palette (slot `K_PALETTE + i` = colour i). With `prev` (what is drawn
 * now), colours keep their slots, and a new colour takes the slot its first grid has when that slot's colour is gone
 * (a scheme change keeps every `k`): a changed palette makes maplibre re-tile in its worker, a changed `k` costs a
 * feature-state update on the main thread, so a metric switch with the same colours changes no palette.
 */
function classes(scene: Scene, prev?: { palette: readonly string[]; k: Int32Array }): { k: Int32Array; palette: string[] } {
  const k = new Int32Array(scene.geo.features.length);
  const palette = prev ? prev.palette.slice() : [];
  const slot = new Map<string, number>();
  const taken = new Set<number>();
  if (prev) {
    const wanted = new Set<string>();
    for (const i of scene.shown) {
      const fill = scene.fill.get(i);
      if (fill) wanted.add(fill);
    }
    palette.forEach((c, s) => {
      if (wanted.has(c) && !slot.has(c)) (slot.set(c, s), taken.add(s));
    });
  }
  for (const i of scene.outlines) k[i] = K_OUTLINE;
  for (const i of scene.shown) {
    const fill = scene.fill.get(i);
    if (!fill) {
      k[i] = K_NODATA;
      continue;
    }
    let s = slot.get(fill);
    if (s === undefined) {
      const cur = prev && i < prev.k.length ? prev.k[i] - K_PALETTE : -1;
      if (cur >= 0 && cur < palette.length && !taken.has(cur)) s = cur;
      else {
        s = 0;
        while (taken.has(s)) s++;
      }
      palette[s] = fill;
      slot.set(fill, s);
      taken.add(s);
    }
    k[i] = K_PALETTE + s;
  }
  return { k, palette };
}

interface Paint {
  palette: string[];
  colors: Pick<Scene['colors'], 'noData' | 'outline' | 'parentOutline'>;
}

function fillColor(p: Paint): unknown {
  const e: unknown[] = ['match', K, K_NODATA, p.colors.noData];
  p.palette.forEach((c, i) => e.push(K_PALETTE + i, c));
  e.push(TRANSPARENT);
  return e;
}

export { supportsWebGL2 } from './maplibre-surface.js';

function basemapStyle(basemap: string | undefined, background: string): StyleSpecification {
  const style: StyleSpecification = { version: 8, sources: {}, layers: [{ id: 'civic-background', type: 'background', paint: { 'background-color': background } }] };
  if (basemap && /\{z\}/.test(basemap)) {
    style.sources.basemap = { type: 'raster', tiles: [basemap], tileSize: 256 };
    style.layers.push({ id: 'civic-basemap', type: 'raster', source: 'basemap' });
  }
  return style;
}

/** The grid layers: colours from each feature's class `k` through the palette; fading from feature-state `dim`. */
function gridLayers(p: Paint): LayerSpecification[] {
  return [
    {
      id: 'civic-fill',
      type: 'fill',
      source: SRC,
      paint: {
        'fill-color': fillColor(p) as never,
        'fill-opacity': ['case', ['==', ['coalesce', ['feature-state', 'dim'], 0], 1], 0.25, 1],
        'fill-antialias': false,
      },
    },
    {
      id: 'civic-nodata',
      type: 'fill',
      source: SRC,
      // Hidden (so never laid out) until some shown unit lacks a value.
      layout: { visibility: 'none' },
      paint: { 'fill-pattern': 'civic-hatch', 'fill-opacity': ['case', ['==', K, K_NODATA], 1, 0] as never },
    },
    {
      id: 'civic-line',
      type: 'line',
      source: SRC,
      paint: {
        'line-color': p.colors.outline,
        'line-width': ['case', ['>=', K, K_NODATA], 0.75, 0] as never,
      },
    },
    // Community / street outlines above every grid line (grids share their edges).
    {
      id: 'civic-parent-line',
      type: 'line',
      source: SRC,
      filter: ['<', ['get', 'rank'], 2],
      paint: {
        'line-color': p.colors.parentOutline,
        'line-width': ['case', ['==', K, K_OUTLINE], 1.5, 0] as never,
      },
    },
  ];
}

/** The GeoJSON handed to the worker: numeric ids (feature-state), code, rank and class `k`; coarse units first. */
function toFeatureCollection(scene: Scene, k: Int32Array): FeatureCollection {
  const features = scene.geo.features.map((f) => ({ type: 'Feature' as const, id: f.index, properties: { code: f.code, rank: f.rank, k: k[f.index] }, geometry: f.geometry }));
  features.sort((a, b) => a.properties.rank - b.properties.rank);
  return { type: 'FeatureCollection', features };
}

export class MaplibreRenderer extends MaplibreSurface implements GridRenderer {
  readonly kind = 'webgl' as const;
  private overlay?: HTMLCanvasElement;
  private scene?: Scene;
  private uploaded?: unknown;
  /** Each feature's class as written into the uploaded properties, and as currently drawn (properties + state). */
  private kProps: Int32Array = new Int32Array(0);
  private kNow: Int32Array = new Int32Array(0);
  private dimNow = new Uint8Array(0);
  private applied = false;
  private paintKey = '';
  private palette: string[] = [];
  private loaded = false;
  private hatchOn = false;
  private pending?: { scene: Scene; change: SceneChange };

  constructor(private readonly o: MaplibreOptions) {
    super(o.pixelRatio);
  }

  async mount(container: HTMLElement): Promise<void> {
    const { ml, host } = await this.prepare(container);
    // When the scene is already known (the usual case), the data and layers go into the initial style and the map
    // starts at the right bounds: the worker tiles the grids once, at the zoom that is shown.
    const first = this.pending?.scene;
    let styleArg: string | StyleSpecification;
    if (this.o.basemap && !/\{z\}/.test(this.o.basemap)) styleArg = this.o.basemap;
    else {
      const st = basemapStyle(this.o.basemap, first ? first.colors.background : TRANSPARENT);
      if (first) {
        const { k, palette } = classes(first);
        st.sources[SRC] = { type: 'geojson', data: toFeatureCollection(first, k) };
        const paint = { palette, colors: first.colors };
        st.layers.push(...gridLayers(paint));
        this.paintKey = paintKey(paint);
        this.palette = palette;
        this.uploaded = first.geo;
        this.uploadedK(k);
      }
      styleArg = st;
    }
    const map = this.createMap(ml, host, {
      style: styleArg,
      preserveDrawingBuffer: this.o.preserveDrawingBuffer,
      bounds: first?.bbox,
      padding: first ? Math.min(first.padding, Math.max(0, Math.min(container.clientWidth, container.clientHeight) / 2 - 2)) : 0,
    });
    const overlay = document.createElement('canvas');
    overlay.className = 'overlay';
    overlay.setAttribute('aria-hidden', 'true');
    container.appendChild(overlay);
    this.overlay = overlay;
    map.on('render', () => this.drawOverlay());
    map.on('move', () => this.o.onMove?.());
    this.watchContext(map, this.o.restoreTimeout ?? 3000, () => this.o.onFail?.('context-lost'), () => {
      // The style snapshot comes back (asynchronously); feature-state may not: push everything again once loaded.
      const reapply = () => {
        if (!this.map || this.destroyed || !this.scene) return;
        try {
          this.forgetStates();
          this.applyStates(this.scene);
          this.map.triggerRepaint();
        } catch {
          // The restored style is still loading: try again when it reports progress.
          this.map.once('styledata', reapply);
        }
      };
      reapply();
    });
    await this.whenLoaded(map);
    map.on('error', () => {
      /* tile or style errors are not the page's problem; the element reports its own data issues */
    });
    this.addLayers();
    const hatch = makeHatch();
    if (hatch && !map.hasImage('civic-hatch')) map.addImage('civic-hatch', hatch, { pixelRatio: 2 });
    this.loaded = true;
    if (this.pending) {
      const p = this.pending;
      this.pending = undefined;
      this.update(p.scene, { geometry: true, fill: true, view: true, highlight: true, ...p.change });
    }
  }

  private addLayers(): void {
    const map = this.map!;
    if (!map.getSource(SRC)) map.addSource(SRC, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    if (!map.getLayer('civic-fill')) {
      const paint: Paint = { palette: [], colors: { noData: TRANSPARENT, outline: TRANSPARENT, parentOutline: TRANSPARENT } };
      this.paintKey = paintKey(paint);
      for (const l of gridLayers(paint)) map.addLayer(l);
    }
  }

  private setPaint(paint: Paint): void {
    const map = this.map!;
    this.palette = paint.palette;
    const key = paintKey(paint);
    if (key === this.paintKey) return;
    this.paintKey = key;
    map.setPaintProperty('civic-fill', 'fill-color', fillColor(paint) as never);
    map.setPaintProperty('civic-line', 'line-color', paint.colors.outline);
    map.setPaintProperty('civic-parent-line', 'line-color', paint.colors.parentOutline);
  }

  /** The classes just written into the source's properties: nothing is drawn from feature-state. */
  private uploadedK(k: Int32Array): void {
    this.kProps = k;
    this.kNow = k.slice();
    this.dimNow = new Uint8Array(k.length);
  }

  /** Drops every feature-state (after a new upload or a restored context): the properties speak again. */
  private forgetStates(): void {
    this.map?.removeFeatureState({ source: SRC });
    this.kNow = this.kProps.slice();
    this.dimNow = new Uint8Array(this.kProps.length);
  }

  update(scene: Scene, change: SceneChange): void {
    this.scene = scene;
    if (!this.loaded || !this.map) {
      const prev = this.pending?.change ?? {};
      this.pending = { scene, change: { ...prev, ...change } };
      return;
    }
    const map = this.map;
    if (this.uploaded !== scene.geo) {
      // Geometry goes to the worker once per geometry object.
      this.uploaded = scene.geo;
      const { k, palette } = classes(scene);
      this.setPaint({ palette, colors: scene.colors });
      map.removeFeatureState({ source: SRC });
      (map.getSource(SRC) as GeoJSONSource).setData(toFeatureCollection(scene, k));
      this.uploadedK(k);
      map.setPaintProperty('civic-background', 'background-color', scene.colors.background);
    } else if (change.fill || change.highlight) {
      map.setPaintProperty('civic-background', 'background-color', scene.colors.background);
    }
    try {
      if (change.fill || change.geometry || change.view || !this.applied) this.applyStates(scene);
      else this.applyHighlight(scene);
    } catch {
      // Style reloading (e.g. a restored context): the restore handler applies the states again.
    }
    if (change.view || change.geometry) this.fitTo(scene, change.geometry ? 0 : 300);
    map.triggerRepaint();
  }

  private fitTo(scene: Scene, duration: number): void {
    const b = scene.bbox;
    const el = this.container;
    const pad = Math.min(scene.padding, Math.max(0, Math.min(el?.clientWidth ?? 0, el?.clientHeight ?? 0) / 2 - 2));
    this.map?.fitBounds([[b[0], b[1]], [b[2], b[3]]], { padding: pad, duration, animate: duration > 0 });
  }

  /** Hover / selection only: drawn on the 2D overlay, no feature-state touched. */
  private applyHighlight(_scene: Scene): void {
    this.drawOverlay();
  }

  /**
   * Sets the palette when it changed (scheme, theme) and feature-state only on features whose class or fading
   * differs from what is drawn (metric, classification, view, legend emphasis).
   */
  private applyStates(scene: Scene): void {
    const map = this.map;
    if (!map) return;
    const { k, palette } = classes(scene, { palette: this.palette, k: this.kNow });
    this.setPaint({ palette, colors: scene.colors });
    if (k.length !== this.kNow.length) {
      // Not the uploaded geometry (cannot happen through update()): start from the properties' length.
      this.kNow = new Int32Array(k.length);
      this.dimNow = new Uint8Array(k.length);
    }
    const now = this.kNow, dimNow = this.dimNow, em = scene.emphasis;
    let anyNoData = false;
    for (let i = 0; i < k.length; i++) {
      const ki = k[i];
      if (ki === K_NODATA) anyNoData = true;
      const dim = em && ki >= K_NODATA && !em.has(i) ? 1 : 0;
      if (now[i] !== ki || dimNow[i] !== dim) {
        map.setFeatureState({ source: SRC, id: i }, { k: ki, dim });
        now[i] = ki;
        dimNow[i] = dim;
      }
    }
    this.applied = true;
    if (anyNoData !== this.hatchOn) {
      this.hatchOn = anyNoData;
      map.setLayoutProperty('civic-nodata', 'visibility', anyNoData ? 'visible' : 'none');
    }
  }

  private drawOverlay(): void {
    const o = this.overlay, map = this.map, scene = this.scene, el = this.container;
    if (!o || !map || !scene || !el) return;
    const w = el.clientWidth, h = el.clientHeight, pr = this.pixelRatio;
    if (o.width !== Math.round(w * pr) || o.height !== Math.round(h * pr)) {
      o.width = Math.round(w * pr);
      o.height = Math.round(h * pr);
      o.style.width = `${w}px`;
      o.style.height = `${h}px`;
    }
    const ctx = o.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, o.width, o.height);
    ctx.setTransform(pr, 0, 0, pr, 0, 0);
    // Hover and selection outlines: one or two units, projected here instead of a WebGL line layer over every unit.
    const project = (p: [number, number]) => this.project(p);
    for (const [i, lw] of [[scene.hovered, 2], [scene.selected, 3]] as const) {
      const f = i >= 0 ? scene.geo.features[i] : undefined;
      if (!f) continue;
      ctx.beginPath();
      const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const poly of polys)
        for (const ring of poly)
          ring.forEach((pos, k) => {
            const q = project(pos as [number, number]);
            if (!q) return;
            if (k === 0) ctx.moveTo(q[0], q[1]);
            else ctx.lineTo(q[0], q[1]);
          });
      ctx.lineJoin = 'round';
      ctx.strokeStyle = scene.colors.halo;
      ctx.lineWidth = lw + 2;
      ctx.stroke();
      ctx.strokeStyle = scene.colors.selected;
      ctx.lineWidth = lw;
      ctx.stroke();
    }
    drawPoints(ctx, scene.points, project, scene);
    drawLabels(ctx, scene.labels, project, w, h, scene, scene.points);
  }

  protected override overlayCanvas(): HTMLCanvasElement | undefined {
    return this.overlay;
  }

  override resize(pixelRatio: number): void {
    super.resize(pixelRatio);
    if (this.map && this.scene) this.fitTo(this.scene, 0);
  }

  idle(): Promise<void> {
    const map = this.map;
    if (!map) return Promise.resolve();
    return new Promise((resolve) => {
      if (map.loaded() && !map.isMoving() && map.areTilesLoaded() && !(map as unknown as { _styleDirty?: boolean })._styleDirty) {
        map.once('idle', () => resolve());
        map.triggerRepaint();
      } else map.once('idle', () => resolve());
    });
  }

  override destroy(): void {
    super.destroy();
    this.overlay?.remove();
    this.scene = undefined;
  }
}

function paintKey(p: Paint): string {
  return JSON.stringify([p.palette, p.colors.noData, p.colors.outline, p.colors.parentOutline]);
}

/** An 8×8 (@2x → 16 px) diagonal hatch for no-data grids, made without network or sprites. */
function makeHatch(): { width: number; height: number; data: Uint8Array } | undefined {
  const s = 16;
  const data = new Uint8Array(s * s * 4);
  for (let y = 0; y < s; y++)
    for (let x = 0; x < s; x++) {
      const on = (x + y) % 8 < 2;
      const o = (y * s + x) * 4;
      data[o] = data[o + 1] = data[o + 2] = 255;
      data[o + 3] = on ? 200 : 0;
    }
  return { width: s, height: s, data };
}
