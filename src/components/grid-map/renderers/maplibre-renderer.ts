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
 * The classes, palette and layers are maplibre-style.ts (pure); the overlay's drawing is maplibre-overlay.ts.
 */
import type { StyleSpecification, GeoJSONSource } from 'maplibre-gl';
import { basemapStyle, MaplibreSurface } from './maplibre-surface.js';
import { drawOverlay } from './maplibre-overlay.js';
import { classes, gridLayers, K_NODATA, makeHatch, paintKey, SRC, toFeatureCollection, TRANSPARENT, fillColor, type Paint } from './maplibre-style.js';
import type { GridRenderer, RendererOptions, Scene, SceneChange } from './renderer.js';

export interface MaplibreOptions extends RendererOptions {
  /** A style URL, or a raster tile URL template ({z}/{x}/{y}); empty = no basemap. */
  basemap?: string;
  restoreTimeout?: number;
}

export { supportsWebGL2 } from './maplibre-surface.js';

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
    drawOverlay(o, el.clientWidth, el.clientHeight, this.pixelRatio, scene, (p) => this.project(p));
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
    return this.nextIdle(map, !(map as unknown as { _styleDirty?: boolean })._styleDirty);
  }

  override destroy(): void {
    super.destroy();
    this.overlay?.remove();
    this.scene = undefined;
  }
}
