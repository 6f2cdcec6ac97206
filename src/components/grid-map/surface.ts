/**
 * The drawing surface of <civic-grid-map>'s in-memory mode as a Lit reactive controller: which renderer draws
 * (canvas, svg, maplibre/WebGL), mounting it, falling back to canvas when WebGL cannot draw and trying again when the
 * user sets `renderer` or `basemap`, resizing, the theme's colours for the scene, pushing scenes, and the promise
 * behind `whenDrawn()` / `civic-load` (never before a picture exists).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { maplibreUsable } from '../../core/maplibre/load.js';
import type { ActiveRenderer, RendererChoice } from './grid-map.types.js';
import { CivicRendererChangeEvent } from './grid-map.events.js';
import { chooseAutoRenderer, probeWebgl } from './capability.js';
import { CanvasRenderer } from './renderers/canvas-renderer.js';
import { webglMaps, type GridRenderer, type SceneColors } from './renderers/renderer.js';
import { buildScene, diffScene, sceneKeys, type SceneInput, type SceneKeys } from './scene.js';

/** The element's properties the surface reads. */
export interface SurfaceHostProps {
  renderer: RendererChoice;
  basemap?: string;
  canvasLimit: number;
  maxWebglMaps: number;
  restoreTimeout: number;
  preserveDrawingBuffer: boolean;
}

type Host = ReactiveControllerHost & HTMLElement & SurfaceHostProps;

/** The scene's model part (the surface adds the theme's colours, font and label size). */
export type SceneModel = Omit<SceneInput, 'colors' | 'font' | 'labelSize' | 'kindColors'>;

export interface SurfaceOptions {
  /** The element `part="canvas"` the renderer draws into (once rendered). */
  container: () => HTMLElement | undefined;
  /** The scene's model, or undefined while there is nothing to draw (no geometry yet). */
  model: () => SceneModel | undefined;
  pixelRatio: () => number;
  warn: (message: string) => void;
  /** The view moved (pan / zoom): overlays follow. */
  onMove: () => void;
  /** Why nothing can be drawn (the geometry failed and none is kept), or undefined. */
  failure: () => string | undefined;
  /** No geometry was given at all: the element shows what is missing, and that is its picture for whenDrawn() (civic-load waits for a map). */
  unconfigured?: () => boolean;
  /** Vector-tile mode draws elsewhere: its own picture promise. */
  tiles: () => { whenDrawn(): Promise<void> } | undefined;
}

export class SurfaceController implements ReactiveController {
  r?: GridRenderer;
  /** The renderer drawing now, or undefined before the first picture. */
  active?: ActiveRenderer;
  colors?: SceneColors;
  private colorsStale = false;
  private font = 'sans-serif';
  private labelSize = 12;
  private kindColors: string[] = [];
  private mounting = false;
  private mountPromise?: Promise<void>;
  /** Why the last WebGL attempt fell back to canvas; cleared when the user sets `renderer` or `basemap` again. */
  private forcedCanvas?: string;
  private keys: SceneKeys = {};
  private ro?: ResizeObserver;
  private waiters: (() => void)[] = [];

  constructor(private readonly host: Host, private readonly o: SurfaceOptions) {
    host.addController(this);
  }

  hostUpdated(): void {
    if (this.waiters.length) for (const w of this.waiters.splice(0)) w();
  }

  hostDisconnected(): void {
    this.ro?.disconnect();
    this.ro = undefined;
    this.r?.destroy();
    this.r = undefined;
    this.active = undefined;
    this.mounting = false;
    this.keys = {};
  }

  /** From the element's updated(): a new renderer when `renderer` / `basemap` changed, a mount when none, else a push. */
  sync(changed: Map<PropertyKey, unknown>): void {
    const again = (k: string) => changed.has(k) && changed.get(k) !== undefined;
    if (again('renderer') || again('basemap')) {
      // The user chose again: an earlier fallback no longer stands (WebGL is tried again if asked for).
      this.forcedCanvas = undefined;
      this.reset();
    }
    if (!this.o.model()) return;
    if (!this.r && !this.mounting)
      this.mountPromise = this.mount().catch((e: unknown) => {
        this.mounting = false;
        this.o.warn(`could not create a drawing surface: ${e instanceof Error ? e.message : String(e)}`);
      });
    else this.push();
  }

  /** Start loading maplibre early when a raw geometry (before validation) will draw with WebGL. */
  prefetch(raw: unknown): void {
    const f = raw && typeof raw === 'object' ? (raw as { features?: unknown }).features : undefined;
    if (this.choose(Array.isArray(f) ? f.length : 0) === 'webgl')
      void Promise.all([import('maplibre-gl'), import('./renderers/maplibre-renderer.js')]).catch(() => undefined);
  }

  choose(featureCount: number): ActiveRenderer {
    const h = this.host;
    if (this.forcedCanvas) return 'canvas';
    if (h.renderer === 'canvas' || h.renderer === 'svg' || h.renderer === 'webgl') return h.renderer;
    return this.auto(featureCount).renderer;
  }

  /** `auto` from measured capability (capability.ts); WebGL is probed only when the count alone would pick it. */
  private auto(featureCount: number) {
    const h = this.host;
    const probe = !h.basemap && featureCount > h.canvasLimit;
    return chooseAutoRenderer({ featureCount, basemap: !!h.basemap, canvasLimit: h.canvasLimit, capability: probe ? probeWebgl() : undefined });
  }

  private async mount(): Promise<void> {
    const container = this.o.container();
    const model = this.o.model();
    if (!container || !model) return;
    const h = this.host;
    this.mounting = true;
    const want = this.choose(model.geo.features.length);
    let r: GridRenderer | undefined;
    let reason = this.forcedCanvas ?? (h.renderer === 'auto' ? (this.auto(model.geo.features.length).reason === 'software-webgl' ? 'software-webgl' : 'initial') : 'attribute');
    if (want === 'webgl' && !maplibreUsable()) {
      // Chrome 90–92 with a bundler and no setMaplibreWorkerUrl(): the worker cannot get its polyfills.
      reason = 'no-webgl2';
      this.o.warn('maplibre-gl cannot run in this browser without a known worker URL (call setMaplibreWorkerUrl); drawing with canvas');
    } else if (want === 'webgl' && webglMaps.live >= h.maxWebglMaps) {
      reason = 'too-many-contexts';
      this.o.warn(`${webglMaps.live} WebGL maps already on the page; drawing with canvas`);
    } else if (want === 'webgl') {
      try {
        const { MaplibreRenderer } = await import('./renderers/maplibre-renderer.js');
        r = new MaplibreRenderer({
          pixelRatio: this.o.pixelRatio(),
          preserveDrawingBuffer: h.preserveDrawingBuffer,
          basemap: h.basemap,
          restoreTimeout: h.restoreTimeout,
          onFail: (why) => this.fallBack(why),
          onMove: () => this.o.onMove(),
        });
        if (!h.isConnected) throw new Error('destroyed');
        // Push the scene before mount so the first frame already has it.
        this.r = r;
        this.keys = {};
        this.push(true);
        await r.mount(container);
      } catch (e) {
        r?.destroy();
        r = undefined;
        this.r = undefined;
        if (!h.isConnected) {
          this.mounting = false;
          return;
        }
        const msg = e instanceof Error ? e.message : String(e);
        reason = msg === 'no-webgl2' ? 'no-webgl2' : 'webgl-failed';
        this.forcedCanvas = reason;
        this.o.warn(`WebGL renderer unavailable (${msg}); drawing with canvas`);
      }
    }
    if (!r) {
      const options = { pixelRatio: this.o.pixelRatio() };
      // The SVG renderer (and d3-geo's path generator behind it) loads only when `renderer="svg"` asks for it.
      r = want === 'svg' ? new (await import('./renderers/svg-renderer.js')).SvgRenderer(options) : new CanvasRenderer(options);
      await r.mount(container);
      this.r = r;
      this.keys = {};
    }
    this.mounting = false;
    if (!h.isConnected) {
      r.destroy();
      this.r = undefined;
      return;
    }
    this.active = r.kind;
    h.setAttribute('data-renderer', r.kind);
    if (!this.ro && typeof ResizeObserver !== 'undefined') {
      this.ro = new ResizeObserver(() => this.resize());
      this.ro.observe(container);
    }
    this.push(true);
    h.dispatchEvent(new CivicRendererChangeEvent({ renderer: r.kind, reason }));
    h.requestUpdate();
  }

  private fallBack(reason: string): void {
    if (!this.host.isConnected) return;
    this.o.warn(`WebGL context lost and not restored; drawing with canvas`);
    this.forcedCanvas = reason;
    this.reset();
  }

  private reset(): void {
    this.r?.destroy();
    this.r = undefined;
    this.active = undefined;
    this.mounting = false;
    this.keys = {};
    this.host.requestUpdate();
  }

  resize(): void {
    this.r?.resize(this.o.pixelRatio());
  }

  /** The theme changed: colours again, full redraw. */
  themeChanged(): void {
    this.resolveColors();
    this.keys.styling = undefined;
    this.push(true);
  }

  /** Gives the renderer the current scene (only the parts that changed, unless forced). */
  push(force = false): void {
    const r = this.r;
    const m = this.o.model();
    if (!r || !m) return;
    if (!this.colors || this.colorsStale) {
      const wasStale = this.colorsStale;
      this.resolveColors();
      if (wasStale && !this.colorsStale) force = true;
    }
    const next = sceneKeys(m);
    const change = diffScene(this.keys, next, force);
    this.keys = next;
    r.update(buildScene({ ...m, colors: this.colors!, font: this.font, labelSize: this.labelSize, kindColors: this.kindColors }), change);
  }

  /** Scene colours from the theme tokens (also for the tiles renderer). */
  sceneColors(): SceneColors {
    if (!this.colors || this.colorsStale) this.resolveColors();
    return this.colors!;
  }

  private resolveColors(): void {
    const cs = getComputedStyle(this.host);
    const v = (n: string, d: string) => cs.getPropertyValue(n).trim() || d;
    // Tokens are empty while the element is detached or its styles are not applied yet: draw with the
    // fallbacks, but resolve again on the next push instead of keeping them.
    this.colorsStale = cs.getPropertyValue('--_map-background').trim() === '';
    this.colors = {
      background: v('--_map-background', '#ffffff'),
      outline: v('--_outline-color', '#ffffff'),
      parentOutline: v('--_parent-outline-color', '#1f2933'),
      noData: v('--_no-data-color', '#e4e7eb'),
      selected: v('--_selected-color', '#1d4ed8'),
      text: v('--_label-color', '#1f2933'),
      halo: v('--_label-halo', '#ffffff'),
    };
    this.font = v('--_font-family', 'sans-serif');
    this.kindColors = [1, 2, 3, 4].map((i) => v(`--_category-${i}`, ['#0072b2', '#d55e00', '#009e73', '#cc79a7'][i - 1]));
    this.labelSize = this.resolvePx('--_label-size', 12);
  }

  /**
   * A length token resolved to px. `--_label-size` is `calc(12px * var(--_type-scale))`, which getPropertyValue
   * returns unresolved; a probe's computed font-size resolves it (set through the CSSOM: CSP-safe).
   */
  private resolvePx(token: string, fallback: number): number {
    const root = this.host.shadowRoot ?? this.host;
    const probe = document.createElement('span');
    probe.style.position = 'absolute';
    probe.style.fontSize = `var(${token})`;
    root.appendChild(probe);
    const px = parseFloat(getComputedStyle(probe).fontSize);
    probe.remove();
    return Number.isFinite(px) && px > 0 ? px : fallback;
  }

  /**
   * Resolves when the current picture is completely drawn; waits while the geometry loads or a renderer mounts (or
   * is replaced by a fallback). With `rejectWhenFailed`, rejects when nothing can be drawn.
   */
  async picture(rejectWhenFailed: boolean): Promise<void> {
    for (;;) {
      const tiles = this.o.tiles();
      if (tiles) return tiles.whenDrawn();
      await this.host.updateComplete;
      let last: Promise<void> | undefined;
      while (this.mountPromise && this.mountPromise !== last) {
        last = this.mountPromise;
        await last;
        await this.host.updateComplete;
      }
      if (this.o.tiles()) continue;
      if (this.r && this.o.model() && !this.mounting) return this.r.idle();
      if (rejectWhenFailed && this.o.unconfigured?.()) return; // whenDrawn(); civic-load still waits for a map
      const failure = rejectWhenFailed ? this.o.failure() : undefined;
      if (failure) throw new Error(`civic-grid-map: nothing drawn (${failure})`);
      // No picture yet: geometry loading or not given, renderer not mounted. Look again after the next update.
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  /** Resolves after the next update of the host (a tiles-mode wait uses it too). */
  nextUpdate(): Promise<void> {
    return new Promise<void>((resolve) => this.waiters.push(resolve));
  }
}
