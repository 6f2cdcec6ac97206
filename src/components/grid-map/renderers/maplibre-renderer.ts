/**
 * maplibre-gl (WebGL2) renderer for large grids and basemaps. Loaded only through dynamic `import()`.
 *
 * - No basemap and no network by default: the style is a background plus one GeoJSON source.
 * - Geometry is uploaded once (`setData` only when the geometry changes); colours, visibility, hover and selection
 *   are feature-state, so a metric or classification switch never rebuilds layers or re-uploads geometry.
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

interface State {
  c: string;
  nd: number;
  dim: number;
  lc: string;
  lw: number;
  /** 1 when the unit is drawn as a parent outline. */
  po: number;
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

/** The grid layers: every paint value comes from feature-state, so restyling never touches the layers. */
function gridLayers(): LayerSpecification[] {
  return [
    {
      id: 'civic-fill',
      type: 'fill',
      source: SRC,
      paint: {
        'fill-color': ['to-color', ['coalesce', ['feature-state', 'c'], TRANSPARENT]],
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
      paint: { 'fill-pattern': 'civic-hatch', 'fill-opacity': ['coalesce', ['feature-state', 'nd'], 0] },
    },
    {
      id: 'civic-line',
      type: 'line',
      source: SRC,
      paint: {
        'line-color': ['to-color', ['coalesce', ['feature-state', 'lc'], TRANSPARENT]],
        'line-width': ['coalesce', ['feature-state', 'lw'], 0],
      },
    },
    // Community / street outlines above every grid line (grids share their edges).
    {
      id: 'civic-parent-line',
      type: 'line',
      source: SRC,
      filter: ['<', ['get', 'rank'], 2],
      paint: {
        'line-color': ['to-color', ['coalesce', ['feature-state', 'pc'], TRANSPARENT]],
        'line-width': ['coalesce', ['feature-state', 'pw'], 0],
      },
    },
  ];
}

/** The GeoJSON handed to the worker: numeric ids (feature-state), code and rank only; coarse units drawn first. */
function toFeatureCollection(scene: Scene): FeatureCollection {
  const features = scene.geo.features.map((f) => ({ type: 'Feature' as const, id: f.index, properties: { code: f.code, rank: f.rank }, geometry: f.geometry }));
  features.sort((a, b) => a.properties.rank - b.properties.rank);
  return { type: 'FeatureCollection', features };
}

export class MaplibreRenderer extends MaplibreSurface implements GridRenderer {
  readonly kind = 'webgl' as const;
  private overlay?: HTMLCanvasElement;
  private scene?: Scene;
  private uploaded?: unknown;
  private states = new Map<number, State>();
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
        st.sources[SRC] = { type: 'geojson', data: toFeatureCollection(first) };
        st.layers.push(...gridLayers());
        this.uploaded = first.geo;
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
      this.states.clear();
      const reapply = () => {
        if (!this.map || this.destroyed || !this.scene) return;
        try {
          this.applyStates(this.scene);
          this.map.triggerRepaint();
        } catch {
          // The restored style is still loading: try again when it reports progress.
          this.states.clear();
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
    if (!map.getLayer('civic-fill')) for (const l of gridLayers()) map.addLayer(l);
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
      this.states.clear();
      const fc = toFeatureCollection(scene);
      (map.getSource(SRC) as GeoJSONSource).setData(fc);
      map.setPaintProperty('civic-background', 'background-color', scene.colors.background);
    } else if (change.fill || change.highlight) {
      map.setPaintProperty('civic-background', 'background-color', scene.colors.background);
    }
    try {
      if (change.fill || change.geometry || change.view || !this.states.size) this.applyStates(scene);
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

  /** Diffs the wanted per-feature state against the last one sent: only changed features are touched. */
  private applyStates(scene: Scene): void {
    const map = this.map;
    if (!map) return;
    const want = new Map<number, State>();
    const base: State = { c: TRANSPARENT, nd: 0, dim: 0, lc: TRANSPARENT, lw: 0, po: 0 };
    for (const i of scene.outlines) want.set(i, { ...base, po: 1 });
    for (const i of scene.shown) {
      const fill = scene.fill.get(i);
      want.set(i, {
        c: fill ?? scene.colors.noData,
        nd: fill ? 0 : 1,
        dim: scene.emphasis && !scene.emphasis.has(i) ? 1 : 0,
        lc: scene.colors.outline,
        lw: 0.75,
        po: 0,
      });
    }
    const set = (id: number, s: State) =>
      map.setFeatureState(
        { source: SRC, id },
        { ...s, pc: s.po ? scene.colors.parentOutline : TRANSPARENT, pw: s.po ? 1.5 : 0 },
      );
    for (const [id, s] of want) {
      const old = this.states.get(id);
      if (!old || old.c !== s.c || old.nd !== s.nd || old.dim !== s.dim || old.lc !== s.lc || old.lw !== s.lw || old.po !== s.po) set(id, s);
    }
    for (const [id] of this.states) if (!want.has(id)) set(id, base);
    this.states = want;
    let anyNoData = false;
    for (const i of scene.shown) if (!scene.fill.get(i)) (anyNoData = true);
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
    this.states.clear();
  }
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
