/**
 * maplibre-gl renderer for vector tiles (`tiles` attribute): an MVT {z}/{x}/{y} template, a TileJSON, or a PMTiles
 * archive (`pmtiles://`, read with the `pmtiles` package, which registers a maplibre protocol once per page).
 *
 * - One fill + one outline layer per source layer: the grid layer and the parent layers (communities, streets). The
 *   tile set decides at which zooms each layer exists, so low zooms show parents, never a grid thinned into holes.
 * - Metric rows are joined by code (`promoteId`) through feature-state, set lazily for features in loaded tiles:
 *   the element never holds the geometry. With colour states (`TilesOptions.colourStates`) the fill colour is a state
 *   too and a metric or classification switch sets states; otherwise it is one paint-property change (a reload).
 *   The states themselves are tile-states.ts.
 * - Hover and selection are feature-state too (`hov`, `sel`) on the outline layers.
 * Loaded only through dynamic `import()`, like the GeoJSON maplibre renderer. The source is tiles-source.ts, the
 * layers tiles-layers.ts, what is read back from the map tiles-query.ts.
 */
import type { Map as MlMap, LayerSpecification } from 'maplibre-gl';
import { basemapStyle, MaplibreSurface, preloadMaplibre } from './maplibre-surface.js';
import type { TileSourceRef, TileValues } from '../tiles.js';
import { FC_FILL, SRC, TileStates, TRANSPARENT, type FillColour, type TileLayerRef } from './tile-states.js';
import { fillId, layerOfCode, lineColor, lineId, tileLayers, type TilesColors } from './tiles-layers.js';
import { anyDrawn, centreTile, countRanks, pickAt, unitBounds, type TilePick } from './tiles-query.js';
import { ensurePmtiles, tilesSource } from './tiles-source.js';

export type { FillColour, TileLayerRef } from './tile-states.js';
export type { TilesColors } from './tiles-layers.js';
export type { TilePick } from './tiles-query.js';

export interface TilesOptions {
  pixelRatio: number;
  preserveDrawingBuffer?: boolean;
  basemap?: string;
  restoreTimeout?: number;
  promoteId: string;
  credentials?: RequestCredentials;
  /** Template sources only (TileJSON and PMTiles carry their own). */
  minzoom?: number;
  maxzoom?: number;
  bounds?: [number, number, number, number];
  /**
   * Colour states: each unit's fill colour is a feature-state (set with its values, per loaded tile), and every fill
   * layer keeps one expression from the start. maplibre reloads (re-parses) every tile of a source when a data-driven
   * paint property changes: the first colouring of the tiles, arriving while they loaded, parsed them twice on the way
   * to the first view, and each later classification (a level classified once the camera is still, a new metric)
   * re-parsed every loaded tile again. With colour states those are feature-state passes over the loaded units of one
   * level. A legend toggle or emphasis (a fill without `colour`) switches to the fill expressions for good (one
   * reload): fading all loaded units one by one on every hover would cost more. For elements with metrics.
   */
  colourStates?: boolean;
  onFail?: (reason: string) => void;
  onMove?: () => void;
  /** After every idle: which level has the most rendered units now (the legend follows it). */
  onIdle?: (rank: number) => void;
  /** A source or tile failed to load (network, HTTP, bad archive). */
  onSourceError?: (message: string) => void;
}

/** maplibre and its CSS, loading (the tiles controller calls it when a tiles-mode element is connected). */
export function preloadTilesRenderer(): Promise<unknown> {
  return preloadMaplibre();
}

export class TilesRenderer extends MaplibreSurface {
  readonly kind = 'webgl' as const;
  private fills = new Map<number, unknown[]>();
  /** The units' metric (and colour) feature-states. */
  private readonly states: TileStates;
  private colors?: TilesColors;
  private sel?: { code: string; layer: string };
  private hov?: { code: string; layer: string };
  private layers: TileLayerRef[] = [];

  constructor(private readonly o: TilesOptions) {
    super(o.pixelRatio);
    this.states = new TileStates(
      {
        map: () => this.map,
        layers: () => this.layers,
        filled: (rank) => this.fills.has(rank),
        promoteId: o.promoteId,
        dirty: () => (this.clean = false),
        destroyed: () => this.destroyed,
      },
      !!o.colourStates,
    );
  }

  async mount(container: HTMLElement, ref: TileSourceRef, layers: TileLayerRef[], colors: TilesColors): Promise<void> {
    this.layers = layers;
    this.colors = colors;
    const { ml, host } = await this.prepare(container);
    if (ref.kind === 'pmtiles') await ensurePmtiles(ml);
    if (this.destroyed) throw new Error('destroyed');
    const { source, bounds } = await tilesSource(ref, this.o, () => this.destroyed);
    if (bounds && !this.o.bounds) this.o.bounds = bounds;
    const style = basemapStyle(this.o.basemap, colors.background, { [SRC]: source });
    // Coarse levels first, so a tile set that carries two levels at one zoom still shows the finer one on top.
    for (const l of [...layers].sort((a, b) => a.rank - b.rank)) style.layers.push(...this.layerSpecs(l));
    // Without bounds (TileJSON / PMTiles), the view fits the tile set's own bounds once its header is read (below).
    this.colorsKey = JSON.stringify(colors);
    const map = this.createMap(ml, host, { style, preserveDrawingBuffer: this.o.preserveDrawingBuffer, bounds: this.o.bounds, padding: 16 });
    map.on('move', () => this.o.onMove?.());
    map.on('sourcedata', (e) => {
      if (e.sourceId !== SRC) return;
      if (e.sourceDataType === 'metadata' && !this.o.bounds) {
        // TileJSON / PMTiles header known: start at the tile set's bounds.
        const sb = (map.getSource(SRC) as unknown as { bounds?: [number, number, number, number] } | undefined)?.bounds;
        if (sb && sb[2] > sb[0] && sb[3] > sb[1] && !(sb[0] <= -180 && sb[2] >= 180)) map.fitBounds([[sb[0], sb[1]], [sb[2], sb[3]]], { padding: 16, duration: 0, animate: false });
      }
      // A tile just loaded: its features' states now, before the frame that draws it (a frame later, that frame
      // drew it without them and could already be the idle one: one more frame to the first picture).
      const tile = (e as { tile?: unknown }).tile;
      if (tile) this.states.tileLoaded(tile);
    });
    // Whether the last frame is the current picture: 'render' starts a frame, 'idle' ends the last one; moves, loads
    // and the element's own changes (below) make it stale until the next idle.
    map.on('render', () => (this.clean = false));
    map.on('idle', () => {
      this.clean = true;
      this.o.onIdle?.(this.idleRank());
    });
    for (const ev of ['movestart', 'move', 'dataloading'] as const) map.on(ev, () => (this.clean = false));
    this.watchContext(map, this.o.restoreTimeout ?? 3000, () => this.o.onFail?.('context-lost'), () => {
      this.states.reset();
    });
    await this.whenLoaded(map);
    map.on('error', (e) => {
      // Tile and archive failures are reported by the element (civic-error), never thrown into the page.
      this.o.onSourceError?.(e.error?.message ?? 'tile source failed');
    });
    if (!this.states.colourMode) for (const [rank, expr] of this.fills) this.paintFill(rank, expr);
    this.states.schedule();
  }

  private layerSpecs(l: TileLayerRef): LayerSpecification[] {
    return tileLayers(l, this.colors!, (this.states.colourMode ? FC_FILL : this.fills.get(l.rank)) ?? TRANSPARENT);
  }

  /** The fill colour expression for one level (from `fillExpression`); applied at once when the map is ready. */
  setFill(rank: number, expr: unknown[], colour?: FillColour): void {
    const first = !this.fills.has(rank);
    this.fills.set(rank, expr);
    // Colour states: the level's loaded units get their new colour as a state (no paint change, no reload).
    if (this.states.colourMode && colour) return this.states.colour(rank, colour);
    if (this.states.colourMode) return this.leaveColourMode();
    if (this.map?.loaded() || this.map?.getLayer(fillId(rank))) this.paintFill(rank, expr);
    // The level's features get their metric states only now: a pass over its loaded features.
    if (first) this.states.schedule();
  }

  /** From colour states to the fill expressions (a legend toggle or emphasis): one reload of the source. */
  private leaveColourMode(): void {
    this.states.leaveColourMode();
    for (const l of this.layers) this.paintFill(l.rank, this.fills.get(l.rank) ?? ['to-color', TRANSPARENT]);
  }

  private paintFill(rank: number, expr: unknown[]): void {
    try {
      if (this.map?.getLayer(fillId(rank))) {
        this.clean = false;
        this.map.setPaintProperty(fillId(rank), 'fill-color', expr as never);
      }
    } catch {
      /* style still loading: mount() paints the stored expression */
    }
  }

  /** The colours the style holds (the element calls `setColors` on every update of its own). */
  private colorsKey?: string;

  setColors(colors: TilesColors): void {
    this.colors = colors;
    const map = this.map;
    const key = JSON.stringify(colors);
    // Unchanged: nothing to set (maplibre repaints after every setPaintProperty, even of the same value).
    if (!map || key === this.colorsKey) return;
    this.clean = false;
    try {
      map.setPaintProperty('civic-background', 'background-color', colors.background);
      for (const l of this.layers) map.setPaintProperty(lineId(l.rank), 'line-color', lineColor(l, colors) as never);
      this.colorsKey = key;
    } catch {
      /* style reloading */
    }
  }

  /** New metric values: every loaded feature's state is replaced (lazily, per loaded tile). */
  setValues(values: TileValues | undefined, metricKeys: string[]): void {
    this.clean = false;
    this.states.setValues(values, metricKeys);
    this.restoreHighlight();
  }

  /** The last frame drawn is the current picture (an 'idle' since the last frame, move, load or own change). */
  private clean = false;

  /** Outlines the selected and hovered units (feature-state on the outline layers). */
  setHighlight(selected: string | null, hovered: string | null): void {
    const map = this.map;
    if (!map) return;
    const swap = (old: { code: string; layer: string } | undefined, code: string | null, key: 'sel' | 'hov') => {
      if (old && old.code === code) return old;
      if (old || code) this.clean = false;
      if (old) map.setFeatureState({ source: SRC, sourceLayer: old.layer, id: old.code }, { [key]: false });
      if (!code) return undefined;
      const layer = layerOfCode(this.layers, code);
      if (!layer) return undefined;
      map.setFeatureState({ source: SRC, sourceLayer: layer, id: code }, { [key]: true });
      return { code, layer };
    };
    this.sel = swap(this.sel, selected, 'sel');
    this.hov = swap(this.hov, hovered, 'hov');
  }

  private restoreHighlight(): void {
    const s = this.sel?.code ?? null, h = this.hov?.code ?? null;
    this.sel = this.hov = undefined;
    this.setHighlight(s, h);
  }

  /** The unit drawn at container pixel (x, y): the finest level there. */
  pick(x: number, y: number): TilePick | undefined {
    const map = this.map;
    return map ? pickAt(map, this.layers, this.o.promoteId, x, y) : undefined;
  }

  private rankAt?: { zoom: number; rank: number };
  /** Units the last count saw (sampled), for `drawnAny()`. */
  private lastDrawn = 0;
  /**
   * `dominantRank()` after an idle, counted again only when the zoom changed (or nothing was drawn yet): the tile
   * set's bands tie the level to the zoom, and counting after each pan frame cost as much as the frame.
   */
  private idleRank(): number {
    const zoom = this.map?.getZoom() ?? 0;
    if (this.rankAt && this.rankAt.zoom === zoom) return this.rankAt.rank;
    const { rank, drawn } = this.countRanks();
    this.rankAt = drawn > 0 ? { zoom, rank } : undefined;
    return rank;
  }

  /** The level with the most units drawn now (bands in the tile set make it one level per zoom). */
  dominantRank(): number {
    return this.countRanks().rank;
  }

  /** The level with the most units drawn now, sampled (tiles-query.ts); remembers how many units it saw. */
  private countRanks(): { rank: number; drawn: number } {
    const map = this.map;
    if (!map) return { rank: 2, drawn: 0 };
    const r = countRanks(map, this.layers, this.o.promoteId);
    this.lastDrawn = r.drawn;
    return r;
  }

  /** Whether any unit is drawn now: the last idle's sample, else every drawn feature (a sparse set between samples). */
  drawnAny(): boolean {
    const map = this.map;
    if (!map) return false;
    if (this.lastDrawn > 0) return true;
    return anyDrawn(map, this.layers);
  }

  /** The {z}/{x}/{y} tile under the view's centre (clamped to the source's zooms), for diagnosing an empty picture. */
  centreTile(): { z: number; x: number; y: number } | undefined {
    return this.map ? centreTile(this.map) : undefined;
  }

  /** Fits the view to a unit found in the loaded tiles; false when none of its tiles is loaded. */
  zoomTo(code: string, rank?: number, duration = 300): boolean {
    const map = this.map;
    const layer = layerOfCode(this.layers, code, rank);
    if (!map || !layer) return false;
    const b = unitBounds(map, layer, this.o.promoteId, code);
    if (!b) return false;
    map.fitBounds([[b[0], b[1]], [b[2], b[3]]], { padding: 24, duration, animate: duration > 0 });
    return true;
  }

  panBy(dx: number, dy: number): void {
    this.map?.panBy([dx, dy], { duration: 0 });
  }

  zoomBy(d: number): void {
    const map = this.map;
    if (map) map.zoomTo(map.getZoom() + d, { duration: 0 });
  }

  get zoom(): number {
    return this.map?.getZoom() ?? 0;
  }

  /** Resolves when the picture is complete: tiles loaded, their metric states set, and drawn. */
  async idle(): Promise<void> {
    const map = this.map;
    if (!map) return;
    for (let i = 0; i < 10; i++) {
      // A pending states pass runs now (not a frame later, after a picture without them).
      this.states.flush();
      // The last frame is the current picture already: no frame to wait for (forcing one cost a whole repaint on
      // the way to the first view). Else the next idle; a map idle since its last frame repaints once.
      if (!this.isClean(map)) await this.nextIdle(map);
      if (this.destroyed) return;
      // Tiles read one by one got their states when they loaded; otherwise look for features still without them.
      if (this.states.tileIndex !== false && this.states.values && !this.states.pending) return;
      if (this.states.applyAll() === 0) return;
    }
  }

  /** Idle since the last frame, with no frame pending (maplibre's own request, when it is there to read) and no change of ours. */
  private isClean(map: MlMap): boolean {
    const pending = (map as unknown as { _frameRequest?: unknown })._frameRequest;
    return this.clean && !pending && map.loaded() && !map.isMoving() && map.areTilesLoaded();
  }

  override destroy(): void {
    this.states.destroy();
    super.destroy();
  }
}
