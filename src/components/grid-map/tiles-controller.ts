/**
 * Where tiles mode of <civic-grid-map> gets its units and values, as a Lit reactive controller: it owns the tiles
 * renderer (mount, per-level fill from the metric columns, highlight, camera), the tile set's unit index (loaded
 * lazily: first search, arrow key or `focus`) and answers the element's navigation (`NavMode`) and view model
 * (`units()`, `levelStyle()`). Legend, table, tooltip, search and keys are the element's one set of views and its
 * NavigationController — the same as in memory mode. No import of the element: it reads the props it needs.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { CivicErrorEvent } from '../../core/events/error-event.js';
import { loadMaplibre, maplibreUsable } from '../../core/maplibre/load.js';
import { fetchJson } from '../../data/fetch-json.js';
import { classify, legendModel, parseLabelList, parseNumberList, type Classifier, type ClassifySpec, type LegendModel } from './classify.js';
import { CivicRendererChangeEvent } from './grid-map.events.js';
import type { GridMetric, GridMetricsData, UnitInfo } from './grid-map.types.js';
import { fillColour, fillExpression, levelValues, parseTilesRef, tileValues, valueOf, type TileValues } from './tiles.js';
import { defaultIndexUrl, parseTilesIndex, type TilesIndex } from './tiles-index.js';
import { webglMaps } from './renderers/renderer.js';
import { tileUnits, type UnitsSource } from './view-model.js';
import { columnUnits, isColumnData, isColumnValues, rankFinite, rankSlots, topColumnCodes } from './metric-columns.js';
import type { NavMode, Trigger } from './navigation.js';
import type { FillColour, TilePick, TilesRenderer, TilesColors } from './renderers/tiles-renderer.js';
import { prefetchFor, type MetricsSourceProps } from './metrics-loader.js';
import { StillQueue } from './still-queue.js';

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
}

/** Levels with at most this many units are classified before the first idle (`styleSmallLevels`). */
const EAGER_UNITS = 50000;
/** The levels not on screen are classified once the camera has not moved for this long (ms). */
const STILL_MS = 1000;

interface LevelStyle {
  classifier: Classifier;
  legend: LegendModel;
}

export class TilesController implements ReactiveController {
  r?: TilesRenderer;
  private mounting?: Promise<void>;
  private mountedKey?: string;
  private tv?: TileValues;
  private tvData?: GridMetricsData;
  private styles = new Map<number, LevelStyle>();
  private styleKey?: string;
  private fillKey?: string;
  /** Level with the most units on screen (from the renderer after each idle). */
  rank = 2;
  /**
   * False until the renderer's first idle says which level is on screen: until then no level is classified (a
   * national grid level holds 10⁶ values; the first view usually shows streets), and the legend waits.
   */
  private rankKnown = false;
  /** The first picture is complete: the other levels may be classified now (not before: it would delay it). */
  private pictured = false;
  /** Names, parents and properties of units seen under the pointer (before or without an index). */
  private picked = new Map<string, Record<string, unknown>>();
  /** True when the tiles cannot be drawn (no WebGL, dead source): the overlay says so. */
  failed = false;
  private noData = '#e4e7eb';
  /** Levels besides the one on screen still to classify (after the next picture). */
  private restPending = false;
  /** Classifies the levels not on screen once the camera has been still for STILL_MS (`styleRest`). */
  private readonly rest = new StillQueue(STILL_MS);

  /**
   * Classifies the levels not on screen, one per idle period (a grid level of 10⁶ values is the long one), once the
   * camera has been still for STILL_MS: a pan or zoom right after the first picture keeps its frames (the grid level's
   * classification is one task of 0.1–0.3 s). A level that comes on screen first is classified at that idle anyway.
   */
  private styleRest(): void {
    if (!this.restPending || !this.pictured) return;
    this.restPending = false;
    const todo = this.layers().map((l) => l.rank);
    this.rest.start(() => {
      let rank = todo.shift();
      while (rank !== undefined && this.styles.has(rank)) rank = todo.shift();
      if (rank !== undefined) this.styleLevel(rank);
      return todo.length > 0;
    });
  }

  private checkedEmpty = false;
  private reported = 0;
  /** The tile set's unit index, once loaded. */
  index?: TilesIndex;
  private indexUrl?: string;
  private indexAbort?: AbortController;
  /** Code of the `focus` the camera was last fitted to. */
  private focused?: string;
  /** Emphasised legend class (legend hover / focus). */
  emphasis: number | 'none' | null = null;

  constructor(private readonly host: Host, private readonly x: TilesAccess) {
    host.addController(this);
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
    this.rest.cancel();
    this.indexAbort?.abort();
    this.indexAbort = undefined;
    this.indexUrl = undefined;
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
      this.styleKey = undefined;
      this.r?.setValues(this.tv, data?.metrics.map((m) => m.key) ?? []);
    }
    const m = this.x.metric();
    const key = JSON.stringify([m?.key, this.x.spec(), noData]) + (this.tv ? '' : '-');
    const fillKey = JSON.stringify([[...this.x.hidden()], this.emphasis]);
    if (key !== this.styleKey) {
      this.styleKey = key;
      this.fillKey = fillKey;
      this.noData = noData;
      this.styles.clear();
      this.rest.cancel();
      // The level on screen first; the others (a national grid level can hold 10⁶ values) once the picture is up
      // (the renderer's next idle), so classifying them never delays the first view.
      if (this.rankKnown) this.styleLevel(this.rank);
      else this.styleSmallLevels();
      this.restPending = true;
      if (this.r?.mapInstance && !this.mounting) this.styleRest();
    } else if (fillKey !== this.fillKey) {
      // Legend toggles and emphasis change the colours, not the classes.
      this.fillKey = fillKey;
      for (const [rank, st] of this.styles) this.r?.setFill(rank, this.fillOf(st));
    } else if (this.rankKnown) this.styleLevel(this.rank);
    const ref = parseTilesRef(h.tiles, document.baseURI);
    const mkey = `${ref?.kind}|${ref?.url}|${h.sourceLayer}|${h.parentLayers}|${h.promoteId}|${h.basemap}`;
    if (ref && mkey !== this.mountedKey && !this.mounting) {
      this.r?.destroy();
      this.r = undefined;
      this.mountedKey = mkey;
      this.focused = undefined;
      this.mounting = this.mount(ref, colors).finally(() => (this.mounting = undefined));
    } else if (this.r && !this.mounting) {
      this.r.setColors(colors);
      this.highlight();
    }
    if (h.focusCode && h.focusCode !== this.focused) this.loadIndex();
    this.applyFocus();
  }

  /** Classifies one level (once per metric / classification) and gives the renderer its fill expression. */
  levelStyle(rank = this.rank): LevelStyle {
    if (!this.rankKnown && rank === this.rank) return { classifier: classify([], this.x.spec()), legend: legendModel(classify([], this.x.spec()), []) };
    return this.styleLevel(rank);
  }

  private styleLevel(rank: number): LevelStyle {
    let st = this.styles.get(rank);
    if (st) return st;
    const tv = this.tv;
    if (isColumnValues(tv)) {
      const { values, missing } = rankFinite(tv, this.x.metric(), rank);
      const classifier = classify(values, this.x.spec());
      st = { classifier, legend: legendModel(classifier, values, missing) };
    } else {
      const values = tv ? levelValues(tv, this.x.metric(), rank) : [];
      const classifier = classify(values, this.x.spec());
      st = { classifier, legend: legendModel(classifier, values) };
    }
    this.styles.set(rank, st);
    this.r?.setFill(rank, this.fillOf(st), this.colourOf(st));
    return st;
  }

  /**
   * Before the first idle says which level is on screen: the levels small enough to classify in a few ms (streets,
   * communities), so the first picture is coloured already; without this the first idle drew them uncoloured and
   * colouring them cost one more frame. The big level (a national grid level: 10⁶ values) waits as before.
   */
  private styleSmallLevels(): void {
    const tv = this.tv;
    if (!tv || !this.x.metric()) return;
    const size = (r: number) => (isColumnValues(tv) ? rankSlots(tv.packed, r).length : tv.codes[r].length);
    for (const l of this.layers()) if (size(l.rank) <= EAGER_UNITS) this.styleLevel(l.rank);
  }

  /** The level's fill as a colour per value (the renderer's colour states; the same colours as `fillOf`). */
  private colourOf(st: LevelStyle): FillColour {
    const m = this.x.metric();
    return { key: m?.key, of: m ? fillColour(st.classifier, this.noData, this.x.hidden(), this.emphasis) : () => this.noData };
  }

  /** The level's fill: classes toggled off transparent; with legend emphasis, the other classes faded. */
  private fillOf(st: LevelStyle): unknown[] {
    const m = this.x.metric();
    return m ? fillExpression(st.classifier, m.key, this.noData, this.x.hidden(), this.emphasis) : ['to-color', this.noData];
  }

  /** Outlines the selected unit and the emphasised one (hover, keyboard cursor, outside highlight); not mid-mount. */
  highlight(): void {
    if (this.r && !this.mounting) this.r.setHighlight(this.host.selected || null, this.x.emphasised() ?? null);
  }

  /** Legend hover / focus: emphasise one class (or the no-data units) on the tiles. */
  emphasise(c: number | 'none' | null): void {
    if (c === this.emphasis) return;
    this.emphasis = c;
    this.fillKey = JSON.stringify([[...this.x.hidden()], c]);
    for (const [rank, st] of this.styles) this.r?.setFill(rank, this.fillOf(st));
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
    this.rankKnown = false;
    this.pictured = false;
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
        if (rank !== this.rank || !this.rankKnown) {
          this.rankKnown = true;
          this.rank = rank;
          this.styleLevel(rank);
          h.requestUpdate();
        }
        this.styleRest();
      },
      onMove: () => {
        this.rest.moved();
        this.x.moved();
      },
      onSourceError: (message) => this.sourceError(message),
      onFail: (why) => this.fail(`WebGL context lost and not restored (${why})`),
    });
    this.r = r;
    for (const [rank, st] of this.styles) r.setFill(rank, this.fillOf(st), this.colourOf(st));
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
    this.applyFocus();
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
        if (!this.pictured) {
          this.pictured = true;
          this.styleRest();
        }
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

  // ── the unit index ──
  /** Starts loading the tile set's unit index (once per URL); later calls do nothing. */
  loadIndex(): void {
    const h = this.host;
    const url = h.tilesIndex || defaultIndexUrl(h.tiles, document.baseURI);
    if (!url || url === this.indexUrl) return;
    this.indexUrl = url;
    this.indexAbort?.abort();
    const ctrl = new AbortController();
    this.indexAbort = ctrl;
    const explicit = !!h.tilesIndex;
    fetchJson(url, { signal: ctrl.signal, credentials: h.credentials, timeout: h.timeout && h.timeout > 0 ? h.timeout : undefined })
      .then((raw) => {
        if (ctrl.signal.aborted) return;
        const r = parseTilesIndex(raw);
        if (!r.value) throw Object.assign(new Error(r.issues[0]?.message ?? 'not a tiles index'), { kind: 'validation' });
        this.index = r.value;
        if (r.issues.length) this.x.warn(`tiles index: ${r.issues.length} unit(s) skipped, e.g. ${r.issues[0].message}`);
        this.x.indexLoaded();
        this.applyFocus();
        h.requestUpdate();
      })
      .catch((e: unknown) => {
        if (ctrl.signal.aborted) return;
        const message = `tiles index ${url}: ${e instanceof Error ? e.message : String(e)}; search, focus and neighbour keys need it`;
        // Named by `tiles-index`: an error like any source's. Guessed beside the tiles: only a warning.
        if (explicit) {
          const kind = (e as { kind?: string }).kind;
          this.report(kind === 'http' || kind === 'validation' ? kind : 'network', message, (e as { status?: number }).status, url);
        } else this.x.warn(message);
      });
  }

  /** `focus` by code: the camera fits the unit's box from the index. */
  private applyFocus(): void {
    const code = this.host.focusCode;
    const map = this.r?.mapInstance;
    if (!code || code === this.focused || !map || !this.index) return;
    const u = this.index.byCode.get(code);
    if (!u) {
      this.focused = code;
      this.x.warn(`focus ${code}: no such unit in the tiles index`);
      return;
    }
    this.focused = code;
    this.fit(u, 0);
  }

  private fit(u: UnitInfo, duration: number): void {
    const b = u.bbox;
    this.r?.mapInstance?.fitBounds([[b[0], b[1]], [b[2], b[3]]], { padding: 24, duration, animate: duration > 0 });
  }

  /** Breadcrumb "all": the whole tile set (the index's top-level units, else the tile set's bounds). */
  fitAll(): void {
    const idx = this.index;
    const map = this.r?.mapInstance;
    if (!map) return;
    const top = idx?.children.get('')?.map((i) => idx.features[i].bbox) ?? [];
    const b = top.length ? top.reduce((a, x) => [Math.min(a[0], x[0]), Math.min(a[1], x[1]), Math.max(a[2], x[2]), Math.max(a[3], x[3])]) : parseNumberList(this.host.bounds);
    if (b && b.length === 4) map.fitBounds([[b[0], b[1]], [b[2], b[3]]], { padding: 24, duration: 0 });
    else map.zoomTo(map.getMinZoom(), { duration: 0 });
  }

  /**
   * Level buttons: the tile set's layers follow the zoom, so show a level by fitting a unit one level up (the street
   * or community nearest the centre, from the index); without the index, zoom two steps towards it.
   */
  zoomToLevel(rank: number): void {
    const map = this.r?.mapInstance;
    if (!map || rank === this.rank) return;
    if (rank === 0) return this.fitAll();
    const idx = this.index;
    if (!idx) return this.r?.zoomBy(rank > this.rank ? 2 : -2);
    const c = map.getCenter();
    let best: UnitInfo | undefined, d = Infinity;
    for (const u of idx.features) {
      if (u.rank !== rank - 1) continue;
      const dd = (u.labelPoint[0] - c.lng) ** 2 + (u.labelPoint[1] - c.lat) ** 2;
      if (dd < d) (d = dd), (best = u);
    }
    if (best) this.fit(best, 0);
  }

  // ── the view model's units ──
  units(rank = this.rank): UnitsSource {
    const idx = this.index;
    const known = {
      name: (code: string) => idx?.byCode.get(code)?.name ?? (this.picked.get(code)?.name as string | undefined),
      parent: (code: string) => idx?.byCode.get(code)?.parent ?? (this.picked.get(code)?.parent as string | undefined),
      properties: (code: string) => this.picked.get(code),
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
    if (isColumnValues(tv)) return topColumnCodes(tv, m.key, this.rank, n);
    const top: [string, number][] = [];
    for (const code of tv.codes[this.rank]) {
      const v = valueOf(tv, m.key, code);
      if (v === undefined) continue;
      if (top.length < n || v > top[top.length - 1][1]) {
        top.push([code, v]);
        top.sort((a, b) => b[1] - a[1]);
        if (top.length > n) top.pop();
      }
    }
    return top.map((t) => t[0]);
  }

  // ── navigation (NavMode) ──
  private pickedRank = new Map<string, number>();
  private remember(p: TilePick): string {
    this.picked.set(p.code, { ...p.properties, code: p.code });
    this.pickedRank.set(p.code, p.rank);
    return p.code;
  }

  readonly nav: NavMode = {
    units: () => this.index,
    loadUnits: () => this.loadIndex(),
    pickAt: (x, y) => {
      const p = this.r?.pick(x, y);
      return p ? this.remember(p) : undefined;
    },
    anchor: (code) => {
      const r = this.r;
      const u = this.index?.byCode.get(code);
      const at = u?.labelPoint;
      if (!r || !at) return this.centre();
      let p = r.project(at);
      const el = this.x.surface();
      if (p && el && (p[0] < 0 || p[1] < 0 || p[0] > el.clientWidth || p[1] > el.clientHeight)) {
        r.mapInstance?.panTo(at, { duration: 0 });
        p = r.project(at);
      }
      return p;
    },
    candidates: (from) => (from && this.index ? this.index.features[from.index].neighbours : []),
    start: () => {
      // The unit of the level on screen nearest the view's centre.
      const map = this.r?.mapInstance;
      const idx = this.index;
      if (!map || !idx) return -1;
      const c = map.getCenter();
      let best = -1, d = Infinity;
      for (const u of idx.features) {
        if (u.rank !== this.rank) continue;
        const dd = (u.labelPoint[0] - c.lng) ** 2 + (u.labelPoint[1] - c.lat) ** 2;
        if (dd < d) (d = dd), (best = u.index);
      }
      return best;
    },
    drill: (code, _trigger: Trigger) => {
      // Streets and communities: zoom to them, and the tile set's finer layer takes over.
      const u = this.index?.byCode.get(code);
      const rank = u?.rank ?? this.pickedRank.get(code) ?? 2;
      if (rank >= 2) return false;
      if (u) this.fit(u, 300);
      else this.r?.zoomTo(code, rank);
      return true;
    },
    reveal: (u) => this.fit(u, 0),
    up: () => {
      this.r?.zoomBy(-2);
      return !!this.r;
    },
    itemOf: (code) => this.itemOf(code),
    key: (e) => this.key(e),
  };

  private centre(): [number, number] | undefined {
    const el = this.x.surface();
    return el ? [el.clientWidth / 2, el.clientHeight / 2] : undefined;
  }

  itemOf(code: string): Record<string, unknown> {
    const values: Record<string, number> = {};
    for (const k of this.tv?.columns.keys() ?? []) {
      const v = valueOf(this.tv!, k, code);
      if (v !== undefined) values[k] = v;
    }
    const u = this.index?.byCode.get(code);
    const known = u ? { code, name: u.name, parent: u.parent } : {};
    return { ...known, ...this.picked.get(code), code, values };
  }

  /** Keys of tiles mode: +/- zoom; without the index, arrows pan; Enter without a cursor picks the centre's unit. */
  private key(e: KeyboardEvent): boolean | string {
    const r = this.r;
    if (!r) return false;
    const step = 80;
    const pans: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    if (pans[e.key]) r.panBy(...pans[e.key]);
    else if (e.key === '+' || e.key === '=') r.zoomBy(1);
    else if (e.key === '-' || e.key === '_') r.zoomBy(-1);
    else if (e.key === 'Enter' || e.key === ' ') {
      const c = this.centre();
      const p = c ? r.pick(c[0], c[1]) : undefined;
      return p ? this.remember(p) : false;
    } else return false;
    return true;
  }
}
