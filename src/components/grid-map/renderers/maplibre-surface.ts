/**
 * What both maplibre renderers (GeoJSON: maplibre-renderer.ts; vector tiles: tiles-renderer.ts) share: loading
 * maplibre and its CSS into the element's shadow root, the map options (no attribution, no rotation, no maplibre
 * keyboard handling: the element owns the keyboard), WebGL context loss with a restore deadline, the 'load' wait,
 * pixel copies for export, projection, resize and teardown; the base style (background, raster basemap) and the wait
 * for the next idle. Loaded only through the renderers' dynamic import().
 */
import type { Map as MlMap, MapOptions, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import { loadMaplibre } from '../../../core/maplibre/load.js';
import { webglMaps } from './renderer.js';

/** True when this browser can create a WebGL2 context (the context is released again at once). */
export function supportsWebGL2(): boolean {
  try {
    const c = document.createElement('canvas');
    const gl = c.getContext('webgl2');
    if (!gl) return false;
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return true;
  } catch {
    return false;
  }
}

let sharedSheet: CSSStyleSheet | undefined;
/** Surfaces using the shared sheet, per shadow root (the last one to go removes it). */
const sheetUsers = new WeakMap<ShadowRoot, number>();
/**
 * maplibre's CSS as one constructed sheet for every map's shadow root, parsed once, when the CSS chunk arrives — while
 * maplibre's own module still loads, not in the task that creates the map (~30 ms of a first view's critical path).
 */
function maplibreSheet(css: typeof import('../maplibre-css.generated.js')): CSSStyleSheet | undefined {
  if (!sharedSheet && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css.maplibreCssText);
    sharedSheet = sheet;
  }
  return sharedSheet;
}

/** maplibre and its CSS text (both loaded once; a second call gives the same promise's modules). */
export function preloadMaplibre(): Promise<[typeof import('maplibre-gl'), typeof import('../maplibre-css.generated.js')]> {
  return Promise.all([
    loadMaplibre(),
    import('../maplibre-css.generated.js').then((css) => {
      maplibreSheet(css);
      return css;
    }),
  ]);
}

/**
 * A style with the background and, for a raster tile template ({z}/{x}/{y}), the basemap layer above it; `sources`
 * first (a style URL basemap is passed to maplibre as it is, not through here).
 */
export function basemapStyle(basemap: string | undefined, background: string, sources: Record<string, SourceSpecification> = {}): StyleSpecification {
  const style: StyleSpecification = { version: 8, sources: { ...sources }, layers: [{ id: 'civic-background', type: 'background', paint: { 'background-color': background } }] };
  if (basemap && /\{z\}/.test(basemap)) {
    style.sources.basemap = { type: 'raster', tiles: [basemap], tileSize: 256 };
    style.layers.push({ id: 'civic-basemap', type: 'raster', source: 'basemap' });
  }
  return style;
}

export abstract class MaplibreSurface {
  protected map?: MlMap;
  protected container?: HTMLElement;
  protected destroyed = false;
  private sheet?: CSSStyleSheet;
  private root?: ShadowRoot;
  private lostTimer?: ReturnType<typeof setTimeout>;

  constructor(protected pixelRatio: number) {}

  /** Loads maplibre (and its CSS into the container's shadow root) and adds the map's host div. */
  protected async prepare(container: HTMLElement): Promise<{ ml: typeof import('maplibre-gl'); host: HTMLDivElement }> {
    this.container = container;
    // No throw-away context here (on software WebGL one costs as much as the map's own): a browser without WebGL 2 at
    // all stops now, one whose context creation fails stops at the map's constructor (createMap: 'no-webgl2').
    if (typeof WebGL2RenderingContext === 'undefined') throw new Error('no-webgl2');
    const [ml, css] = await preloadMaplibre();
    if (this.destroyed) throw new Error('destroyed');
    const root = container.getRootNode();
    const sheet = root instanceof ShadowRoot && 'adoptedStyleSheets' in root ? maplibreSheet(css) : undefined;
    if (sheet && root instanceof ShadowRoot) {
      // Counted per root: a surface mounting before the one it replaces is destroyed keeps the sheet.
      sheetUsers.set(root, (sheetUsers.get(root) ?? 0) + 1);
      if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      this.sheet = sheet;
      this.root = root;
    }
    const host = document.createElement('div');
    host.className = 'surface';
    container.appendChild(host);
    return { ml, host };
  }

  /** Creates the map with the shared options; `bounds` (w, s, e, n) is the first view when given. */
  protected createMap(
    ml: typeof import('maplibre-gl'),
    host: HTMLDivElement,
    o: { style: MapOptions['style']; preserveDrawingBuffer?: boolean; bounds?: [number, number, number, number]; padding: number },
  ): MlMap {
    const b = o.bounds;
    // Unwrapped antimeridian sets (east past 180°): maplibre shows world copies and reports wrapped longitudes.
    this.lngMid = b && b[2] > 180 ? (b[0] + b[2]) / 2 : undefined;
    let map: MlMap;
    try {
      map = new ml.Map({
        container: host,
        style: o.style,
        attributionControl: false,
        pixelRatio: this.pixelRatio,
        canvasContextAttributes: { preserveDrawingBuffer: !!o.preserveDrawingBuffer, antialias: false },
        fadeDuration: 0,
        // One world, except for a set unwrapped across the antimeridian (longitudes past 180°, see antimeridian.ts):
        // a single world would clamp its view at 180° and cut it in two.
        renderWorldCopies: this.lngMid !== undefined,
        dragRotate: false,
        pitchWithRotate: false,
        touchPitch: false,
        keyboard: false,
        doubleClickZoom: false,
        boxZoom: false,
        ...(b ? { bounds: [[b[0], b[1]], [b[2], b[3]]] as [[number, number], [number, number]], fitBoundsOptions: { padding: o.padding } } : { center: [0, 0] as [number, number], zoom: 1 }),
      });
    } catch (e) {
      host.remove();
      throw (e as Error)?.name === 'GPUInitializationError' ? new Error('no-webgl2') : e;
    }
    this.map = map;
    webglMaps.live++;
    return map;
  }

  /** A lost context not restored within `timeout` ms calls `onFail`; a restored one calls `onRestored`. */
  protected watchContext(map: MlMap, timeout: number, onFail: () => void, onRestored: () => void): void {
    map.on('webglcontextlost', () => {
      clearTimeout(this.lostTimer);
      this.lostTimer = setTimeout(onFail, timeout);
    });
    map.on('webglcontextrestored', () => {
      clearTimeout(this.lostTimer);
      this.lostTimer = undefined;
      onRestored();
    });
  }

  /** Resolves at the map's 'load', rejects at an error before it. */
  protected async whenLoaded(map: MlMap): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      const fail = (e: unknown) => reject((e as { error?: Error }).error ?? new Error('maplibre failed'));
      map.once('error', fail);
      map.once('load', () => {
        map.off('error', fail);
        resolve();
      });
    });
    if (this.destroyed) throw new Error('destroyed');
  }

  /**
   * Resolves at the map's next 'idle'. A map that is `settled` (and loaded, still, with its tiles loaded) would not
   * render again by itself: it repaints once, so that an idle comes.
   */
  protected nextIdle(map: MlMap, settled = true): Promise<void> {
    return new Promise((resolve) => {
      if (map.loaded() && !map.isMoving() && map.areTilesLoaded() && settled) {
        map.once('idle', () => resolve());
        map.triggerRepaint();
      } else map.once('idle', () => resolve());
    });
  }

  /** A 2D canvas drawn over the map (labels, outlines) to include in snapshots; none by default. */
  protected overlayCanvas(): HTMLCanvasElement | undefined {
    return undefined;
  }

  /** The map (and its overlay) composited into one new canvas: for export and pixel tests. */
  snapshot(): HTMLCanvasElement | undefined {
    const gl = this.map?.getCanvas(), o = this.overlayCanvas();
    if (!gl) return undefined;
    const c = document.createElement('canvas');
    c.width = gl.width;
    c.height = gl.height;
    const ctx = c.getContext('2d');
    if (!ctx) return undefined;
    ctx.drawImage(gl, 0, 0);
    if (o && o.width) ctx.drawImage(o, 0, 0, c.width, c.height);
    return c;
  }

  /**
   * A fresh picture without `preserveDrawingBuffer`: repaint and copy inside maplibre's 'render' event, while the
   * frame is still in the drawing buffer (it is cleared once the page composites).
   */
  capture(): Promise<HTMLCanvasElement | undefined> {
    const map = this.map;
    if (!map) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      map.once('render', () => resolve(this.snapshot()));
      map.triggerRepaint();
    });
  }

  /** Middle longitude of an unwrapped antimeridian set (e.g. 189.5 for 172…207), else undefined. */
  private lngMid?: number;

  unproject(x: number, y: number): [number, number] | undefined {
    if (!this.map) return undefined;
    const ll = this.map.unproject([x, y]);
    // Back into the geometry's unwrapped range (−170 → 190) so picking compares like with like.
    const m = this.lngMid;
    return [m === undefined ? ll.lng : ll.lng + 360 * Math.round((m - ll.lng) / 360), ll.lat];
  }

  project(p: [number, number]): [number, number] | undefined {
    if (!this.map) return undefined;
    // With world copies, the copy of this longitude nearest the view's centre (190 → −170 on the same screen).
    const c = this.lngMid === undefined ? undefined : this.map.getCenter().lng;
    const pt = this.map.project(c === undefined ? p : [p[0] + 360 * Math.round((c - p[0]) / 360), p[1]]);
    return [pt.x, pt.y];
  }

  resize(pixelRatio: number): void {
    if (!this.map) return;
    if (pixelRatio !== this.pixelRatio) {
      this.pixelRatio = pixelRatio;
      this.map.setPixelRatio(pixelRatio);
    }
    this.map.resize();
  }

  /** The map's WebGL canvas (tests read pixels from it; export). */
  get canvas(): HTMLCanvasElement | undefined {
    return this.map?.getCanvas();
  }

  /** The maplibre Map, for advanced use (read-only access; do not remove layers). */
  get mapInstance(): MlMap | undefined {
    return this.map;
  }

  /** Removes the map, its host div and the adopted CSS. */
  destroy(): void {
    this.destroyed = true;
    clearTimeout(this.lostTimer);
    if (this.map) webglMaps.live--;
    this.map?.remove();
    this.map = undefined;
    this.container?.querySelector('.surface')?.remove();
    if (this.root && this.sheet) {
      const users = (sheetUsers.get(this.root) ?? 1) - 1;
      sheetUsers.set(this.root, users);
      const sheet = this.sheet;
      if (users <= 0) this.root.adoptedStyleSheets = this.root.adoptedStyleSheets.filter((s) => s !== sheet);
    }
    this.sheet = undefined;
    this.root = undefined;
  }
}
