/**
 * Where tiles mode of <civic-grid-map> gets its units and values, as a Lit reactive controller: it owns the tiles
 * renderer (mount, highlight, camera) and answers the element's view model (`units()`, `levelStyle()`); the per-level
 * classes and fills are tiles-styles.ts; the unit index, `focus` and navigation's answers (`NavMode`) are tiles-navigation.ts. Legend, table, tooltip, search and keys are the element's one set of views and its
 * NavigationController — the same as in memory mode. No import of the element: it reads the props it needs.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { CivicErrorEvent } from '../../core/events/error-event.js';
import { loadMaplibre, maplibreUsable } from '../../core/maplibre/load.js';
import { parseLabelList, parseNumberList, type ClassifySpec } from './classify.js';
import { CivicRendererChangeEvent } from './grid-map.events.js';
import type { GridMetric, GridMetricsData } from './grid-map.types.js';
import { parseTilesRef, tileValues, topTileCodes, type TileValues } from './tiles.js';
import type { TilesIndex } from './tiles-index.js';
import { webglMaps } from './renderers/renderer.js';
import { tileUnits, type UnitsSource } from './view-model.js';
import { columnUnits, isColumnData, isColumnValues, rankSlots, topColumnCodes } from './column-view.js';
import type { NavMode } from './navigation.js';
import type { TilesRenderer, TilesColors } from './renderers/tiles-renderer.js';
import { prefetchFor, type MetricsSourceProps } from './metrics-loader.js';
import { TilesNavigation } from './tiles-navigation.js';
import { TilesStyles, type LevelStyle } from './tiles-styles.js';

/** The element's properties tiles mode reads. */
export interface TilesHostProps {
  tiles?: string;
  tilesIndex?: string;
  sourceLayer: string;
  parentLayers: string;
  promoteId: string;
  basemap?: string;
  credentials?: RequestCredentials;
  timeout?: number;
  tilesMinZoom: number;
  tilesMaxZoom: number;
  bounds?: string;
  maxWebglMaps: number;
  restoreTimeout: number;
  preserveDrawingBuffer: boolean;
  selected: string;
  focusCode: string;
}

type Host = ReactiveControllerHost & HTMLElement & TilesHostProps & MetricsSourceProps;

export interface TilesAccess {
  data(): GridMetricsData | undefined;
  metric(): GridMetric | undefined;
  spec(): ClassifySpec;
  hidden(): ReadonlySet<number>;
  warn(message: string): void;
  pixelRatio(): number;
  surface(): HTMLElement | undefined;
  /** The camera moved: overlays follow. */
  moved(): void;
  /** The unit index arrived (search results again). */
  indexLoaded(): void;
  /** Highlighted unit besides the selection (hover, keyboard cursor, outside highlight). */
  emphasised(): string | undefined;
  /** Drilled into a unit or went up (Enter, click, Escape): `level`, `focus` and `civic-view-change`. */
  setView(rank: number, focus: string, trigger: 'pointer' | 'keyboard'): void;
}

export class TilesController implements ReactiveController {
  r?: TilesRenderer;
  private mounting?: Promise<void>;
  private mountedKey?: string;
  private tv?: TileValues;
  private tvData?: GridMetricsData;
  /** Per-level classes and fills, the level on screen, legend emphasis (tiles-styles.ts). */
  private readonly styles: TilesStyles;
  /** True when the tiles cannot be drawn (no WebGL, dead source): the overlay says so. */
  failed = false;

  private checkedEmpty = false;
  private reported = 0;
  /** The unit index, `focus`, camera moves of the breadcrumb and level buttons, and navigation's answers. */
  private readonly navi: TilesNavigation;

  constructor(private readonly host: Host, private readonly x: TilesAccess) {
    host.addController(this);
    this.styles = new TilesStyles({
      r: () => this.r,
      values: () => this.tv,
      metric: () => x.metric(),
      spec: () => x.spec(),
      hidden: () => x.hidden(),
      layers: () => this.layers(),
    });
    this.navi = new TilesNavigation(host, {
      r: () => this.r,
      rank: () => this.rank,
      values: () => this.tv,
      report: (kind, message, status, url) => this.report(kind, message, status, url),
      warn: (m) => x.warn(m),
      surface: () => x.surface(),
      indexLoaded: () => x.indexLoaded(),
      setView: (rank, focus, trigger) => x.setView(rank, focus, trigger),
    });
    this.nav = this.navi.nav;
  }

  /** Navigation's answers in tiles mode (tiles-navigation.ts). */
  readonly nav: NavMode;

  /** Level with the most units on screen (from the renderer after each idle). */
  get rank(): number {
    return this.styles.rank;
  }

  /** The tile set's unit index, once loaded. */
  get index(): TilesIndex | undefined {
    return this.navi.index;
  }

  /** Starts loading the tile set's unit index (once per URL). */
  loadIndex(): void {
    this.navi.loadIndex();
  }

  /** Breadcrumb "all": the whole tile set. */
  fitAll(): void {
    this.navi.fitAll();
  }

  /** Level buttons: show a level by moving the camera. */
  zoomToLevel(rank: number): void {
    this.navi.zoomToLevel(rank);
  }

  itemOf(code: string): Record<string, unknown> {
    return this.navi.itemOf(code);
  }

  /** The metrics job started at connect (`preload`), cancelled when the element leaves first. */
  private cancelEarly?: () => void;

  /**
   * At connect, before the first render: starts the metrics job in the worker (when the metrics load off the main
   * thread; the data controller takes the job over) and loads the tiles renderer and maplibre (download, compile).
   */
  preload(metricsOffThread: boolean): void {
    if (metricsOffThread) this.cancelEarly = prefetchFor(this.host);
    if (!maplibreUsable()) return;
    // maplibre itself at once, beside the renderer's chunk (not after it: one module round trip and evaluation later,
    // 0.5 s on a loaded machine — the raw maplibre page starts this import first thing).
    loadMaplibre().catch(() => undefined);
    void import('./renderers/tiles-renderer.js').then((m) => m.preloadTilesRenderer()).catch(() => undefined);
  }

  hostDisconnected(): void {
    this.cancelEarly?.();
    this.cancelEarly = undefined;
    this.styles.rest.cancel();
    this.navi.stop();
    this.r?.destroy();
    this.r = undefined;
    this.mounting = undefined;
    this.mountedKey = undefined;
  }

  private layers(): { sourceLayer: string; rank: number }[] {
    const h = this.host;
    const parents = (parseLabelList(h.parentLayers) ?? []).filter(Boolean);
    // parent-layers lists the nearest parent first: communities, then streets.
    return [{ sourceLayer: h.sourceLayer || 'grids', rank: 2 }, ...parents.slice(0, 2).map((l, i) => ({ sourceLayer: l, rank: 1 - i }))];
  }

  /** Called from the element's updated(): mounts the renderer once, then pushes values, colours and highlight. */
  sync(colors: TilesColors, noData: string): void {
    const h = this.host;
    const data = this.x.data();
    if (data !== this.tvData) {
      this.tvData = data;
      // Metrics from the worker arrive as columns; from `data` or an inline script, rows joined here.
      this.tv = isColumnData(data) ? data.columns : data ? tileValues(data) : undefined;
      this.styles.invalidate();
      this.r?.setValues(this.tv, data?.metrics.map((m) => m.key) ?? []);
    }
    this.styles.sync(noData, () => !!this.r?.mapInstance && !this.mounting);
    const ref = parseTilesRef(h.tiles, document.baseURI);
    const mkey = `${ref?.kind}|${ref?.url}|${h.sourceLayer}|${h.parentLayers}|${h.promoteId}|${h.basemap}`;
    if (ref && mkey !== this.mountedKey && !this.mounting) {
      this.r?.destroy();
      this.r = undefined;
      this.mountedKey = mkey;
      this.navi.focused = undefined;
      this.mounting = this.mount(ref, colors).finally(() => (this.mounting = undefined));
    } else if (this.r && !this.mounting) {
      this.r.setColors(colors);
      this.highlight();
    }
    if (h.focusCode && h.focusCode !== this.navi.focused) this.loadIndex();
    this.navi.applyFocus();
  }

  /** Classifies one level (once per metric / classification) and gives the renderer its fill expression. */
  levelStyle(rank = this.rank): LevelStyle {
    return this.styles.levelStyle(rank);
  }

  /** Outlines the selected unit and the emphasised one (hover, keyboard cursor, outside highlight); not mid-mount. */
  highlight(): void {
    if (this.r && !this.mounting) this.r.setHighlight(this.host.selected || null, this.x.emphasised() ?? null);
  }

  /** Legend hover / focus: emphasise one class (or the no-data units) on the tiles. */
  emphasise(c: number | 'none' | null): void {
    this.styles.emphasise(c);
  }

  private async mount(ref: NonNullable<ReturnType<typeof parseTilesRef>>, colors: TilesColors): Promise<void> {
    const h = this.host;
    const surface = this.x.surface();
    if (!surface) return;
    if (!maplibreUsable() || webglMaps.live >= h.maxWebglMaps) {
      this.fail(!maplibreUsable() ? 'maplibre-gl cannot run in this browser without a known worker URL' : `${webglMaps.live} WebGL maps already on the page`);
      return;
    }
    const { TilesRenderer } = await import('./renderers/tiles-renderer.js');
    this.checkedEmpty = false;
    this.styles.mounting();
    this.failed = false;
    const bounds = parseNumberList(h.bounds);
    const r = new TilesRenderer({
      pixelRatio: this.x.pixelRatio(),
      preserveDrawingBuffer: h.preserveDrawingBuffer,
      basemap: h.basemap,
      restoreTimeout: h.restoreTimeout,
      // Colour states for metrics from `src`, `data` or a slot (tiles with their values as properties keep expressions).
      colourStates: !!(h.src || h.data !== undefined || this.x.data()),
      promoteId: h.promoteId || 'code',
      credentials: h.credentials,
      minzoom: h.tilesMinZoom,
      maxzoom: h.tilesMaxZoom,
      bounds: bounds && bounds.length === 4 ? (bounds as [number, number, number, number]) : undefined,
      onIdle: (rank) => {
        if (!this.checkedEmpty) {
          this.checkedEmpty = true;
          if (!r.drawnAny()) void this.diagnoseEmpty(ref, r);
        }
        this.styles.idle(rank, () => h.requestUpdate());
      },
      onMove: () => {
        this.styles.rest.moved();
        this.x.moved();
      },
      onSourceError: (message) => this.sourceError(message),
      onFail: (why) => this.fail(`WebGL context lost and not restored (${why})`),
    });
    this.r = r;
    this.styles.apply(r);
    r.setValues(this.tv, this.tvData?.metrics.map((x) => x.key) ?? []);
    try {
      await r.mount(surface, ref, this.layers(), colors);
    } catch (e) {
      r.destroy();
      if (this.r === r) this.r = undefined;
      if (h.isConnected && (e as Error)?.message !== 'destroyed') this.fail(e instanceof Error ? e.message : String(e));
      return;
    }
    if (this.r !== r) return;
    r.setHighlight(h.selected || null, null);
    h.setAttribute('data-renderer', 'webgl');
    h.dispatchEvent(new CivicRendererChangeEvent({ renderer: 'webgl', reason: 'tiles' }));
    this.navi.applyFocus();
    h.requestUpdate();
  }

  /**
   * Nothing drawn at the first view. maplibre treats a 404 tile as empty (sparse tile sets omit tiles), so a wrong
   * URL would be a silent blank map: fetch the centre tile once to tell a dead URL from a wrong layer name.
   */
  private async diagnoseEmpty(ref: NonNullable<ReturnType<typeof parseTilesRef>>, r: TilesRenderer): Promise<void> {
    const h = this.host;
    const t = r.centreTile();
    const layers = this.layers().map((l) => l.sourceLayer).join(', ');
    if (ref.kind === 'template' && t) {
      const url = ref.url.replace('{z}', String(t.z)).replace('{x}', String(t.x)).replace('{y}', String(t.y));
      let status = 0;
      try {
        status = (await fetch(url, { credentials: h.credentials === 'include' ? 'include' : 'same-origin' })).status;
      } catch {
        status = -1;
      }
      if (this.r !== r) return;
      if (status < 200 || status >= 300) {
        this.failed = true;
        this.report(status > 0 ? 'http' : 'network', `tiles: nothing drawn; the centre tile ${url} answered ${status > 0 ? `HTTP ${status}` : 'with a network error'}`, status > 0 ? status : undefined);
        h.requestUpdate();
        return;
      }
    }
    this.report('validation', `tiles: no unit drawn at the first view; are the source layers (${layers}) in the tile set?`);
  }

  /** Vector tiles need WebGL: without it there is no picture to fall back to, so say so (visible + event). */
  private fail(message: string): void {
    this.failed = true;
    this.report('network', `tiles: ${message}`);
    this.host.requestUpdate();
  }

  private sourceError(message: string): void {
    // One report per burst of failing tiles (a dead server fails every tile).
    if (Date.now() - this.reported < 5000) return;
    this.reported = Date.now();
    this.failed = true;
    this.report('network', `tiles: ${message}`);
    this.host.requestUpdate();
  }

  private report(kind: 'network' | 'http' | 'validation', message: string, status?: number, url = this.host.tiles): void {
    this.host.dispatchEvent(
      new CivicErrorEvent({ kind, source: 'attribute', url, status, message, issues: [{ path: 'tiles', code: kind, message, severity: 'error' }], issueCount: 1, issueCounts: { [kind]: 1 }, partial: !!this.r, keptPrevious: !!this.r }),
    );
    this.x.warn(message);
  }

  /**
   * Resolves on a picture: the renderer mounted and its tiles loaded and drawn (maplibre `idle` with metric states
   * applied) — never before the renderer exists. Rejects when the tiles cannot be drawn (no WebGL, failed mount).
   */
  async whenDrawn(): Promise<void> {
    for (;;) {
      await this.host.updateComplete;
      while (this.mounting) await this.mounting;
      const r = this.r;
      if (r?.mapInstance) {
        await r.idle();
        if (this.r !== r) continue;
        this.styles.picture();
        return;
      }
      if (this.failed && !this.mounting) throw new Error('civic-grid-map: nothing drawn (the tiles cannot be drawn)');
      await new Promise<void>((resolve) => {
        const check = () => (this.r?.mapInstance || this.failed || !this.host.isConnected ? resolve() : requestAnimationFrame(check));
        requestAnimationFrame(check);
      });
      if (!this.host.isConnected) throw new Error('civic-grid-map: nothing drawn (disconnected)');
    }
  }

  // ── the view model's units ──
  units(rank = this.rank): UnitsSource {
    const idx = this.index;
    const picked = this.navi.picked;
    const known = {
      name: (code: string) => idx?.byCode.get(code)?.name ?? (picked.get(code)?.name as string | undefined),
      parent: (code: string) => idx?.byCode.get(code)?.parent ?? (picked.get(code)?.parent as string | undefined),
      properties: (code: string) => picked.get(code),
    };
    return isColumnValues(this.tv) ? columnUnits(this.tv, rank, this.x.metric()?.key, known) : tileUnits(this.tv, rank, this.x.metric()?.key, known);
  }

  /** Units known at the level on screen (metric rows and their parents). */
  get knownCount(): number {
    return isColumnValues(this.tv) ? rankSlots(this.tv.packed, this.rank).length : this.tv?.codes[this.rank].length ?? 0;
  }

  /** The `n` codes of the level on screen with the highest values of the current metric (one pass, no full sort). */
  topCodes(n: number): string[] {
    const m = this.x.metric();
    const tv = this.tv;
    if (!m || !tv) return [];
    return isColumnValues(tv) ? topColumnCodes(tv, m.key, this.rank, n) : topTileCodes(tv, m.key, this.rank, n);
  }
}
