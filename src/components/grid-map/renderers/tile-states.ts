/**
 * The feature-states of the tiles renderer (tiles-renderer.ts): each loaded unit's metric values and, with colour
 * states, its fill colour, set once per code and level — per tile as it loads (read from the tile's decoded layers),
 * or in one pass over every loaded feature (new values, a new level colour, a restored context). Only for levels whose
 * fill reads them (`filled`): a level not classified yet gets none.
 */
import type { Map as MlMap } from 'maplibre-gl';
import type { TileValues } from '../tiles.js';

/** The renderer's one vector source. */
export const SRC = 'civic-tiles';
export const TRANSPARENT = 'rgba(0,0,0,0)';
/** Feature-state key of a unit's fill colour (colour states). */
export const FC = 'civicFill';
/** The fill of every level while the colours are feature-states: one data-driven expression that never changes. */
export const FC_FILL = ['to-color', ['coalesce', ['feature-state', FC], TRANSPARENT]];

export interface TileLayerRef {
  sourceLayer: string;
  /** 0 street/town, 1 community/village, 2 grid. */
  rank: number;
}

/** A level's colour as a function of its metric's value (`fillColour`), for colour states. */
export interface FillColour {
  key?: string;
  of(v: number | undefined): string;
}

export interface TileStatesHost {
  map(): MlMap | undefined;
  layers(): TileLayerRef[];
  /** The level has a fill (classified): its units need states. */
  filled(rank: number): boolean;
  promoteId: string;
  /** A state changed: the last frame is not the current picture. */
  dirty(): void;
  destroyed(): boolean;
}

type DecodedLayer = { length: number; feature(i: number): { id?: unknown; properties: Record<string, unknown> } };

export class TileStates {
  values?: TileValues;
  private metricKeys: string[] = [];
  /** Codes whose feature-state carries the current values, per source layer. */
  private applied = new Map<string, Set<string>>();
  /** Colour states on (`TilesOptions.colourStates`) until a fill comes without its colour function. */
  colourMode: boolean;
  /** Per level: the metric and the colour of a value, while colour states are on. */
  private colourOf = new Map<number, FillColour>();
  private scheduled = 0;
  /** Tiles' decoded features are readable (maplibre's tile feature index, not public API): undefined until a tile says. */
  tileIndex?: boolean;

  constructor(private readonly h: TileStatesHost, colourStates: boolean) {
    this.colourMode = colourStates;
  }

  /** New metric values: every loaded feature's state is replaced (lazily, per loaded tile). */
  setValues(values: TileValues | undefined, metricKeys: string[]): void {
    this.values = values;
    this.metricKeys = metricKeys;
    const map = this.h.map();
    if (map) for (const l of this.h.layers()) if (this.applied.get(l.sourceLayer)?.size) map.removeFeatureState({ source: SRC, sourceLayer: l.sourceLayer });
    this.applied.clear();
    this.schedule();
  }

  /** Colour states: a level's new colours, set on its loaded units (no paint change, no reload). */
  colour(rank: number, colour: FillColour): void {
    this.colourOf.set(rank, colour);
    const l = this.h.layers().find((x) => x.rank === rank);
    if (l) this.applied.delete(l.sourceLayer);
    this.schedule();
  }

  /** Colour states off for good (the renderer paints the fill expressions). */
  leaveColourMode(): void {
    this.colourMode = false;
    this.colourOf.clear();
    this.schedule();
  }

  /** Every state again (a restored WebGL context). */
  reset(): void {
    this.applied.clear();
    this.schedule();
  }

  /** A level's units need states: only once its fill reads them. */
  private statesFor(l: TileLayerRef): boolean {
    return this.h.filled(l.rank);
  }

  /**
   * Sets the metric states of every loaded feature on the next frame (new values, a restored context, tiles whose
   * features cannot be read one by one); `flush()` runs a pending pass at once.
   */
  schedule(): void {
    this.h.dirty();
    if (this.scheduled || !this.h.map()) return;
    this.scheduled = requestAnimationFrame(() => this.flush());
  }

  get pending(): boolean {
    return this.scheduled !== 0;
  }

  /** The pending pass of `schedule()`, now. */
  flush(): void {
    if (!this.scheduled) return;
    cancelAnimationFrame(this.scheduled);
    this.scheduled = 0;
    this.applyAll();
  }

  /** A tile just loaded: its features' states now (else, when its features cannot be read, a pass next frame). */
  tileLoaded(tile: unknown): void {
    if (!this.applyTile(tile)) this.schedule();
  }

  /**
   * The states of the features of just this tile, read from its decoded layers (maplibre's tile feature index: not
   * public API, so false when it is not there and the caller reads every loaded feature instead). One pass per new
   * tile: reading all loaded features after every tile cost a pan at grid zoom a frame per tile.
   */
  private applyTile(t: unknown): boolean {
    const map = this.h.map(), tv = this.values;
    if (!map || this.h.destroyed()) return true;
    const tile = t as { latestFeatureIndex?: { loadVTLayers?: () => Record<string, DecodedLayer> } | null; buckets?: object };
    const index = tile.latestFeatureIndex;
    // An empty tile (404 in a sparse set) has neither feature index nor buckets: nothing to set.
    if (!index && tile.buckets && !Object.keys(tile.buckets).length) return true;
    if (!index || typeof index.loadVTLayers !== 'function') return (this.tileIndex = false);
    this.tileIndex = true;
    const layers = this.h.layers();
    // No values, or no level coloured yet: nothing to set, and the tile is not decoded here.
    if (!tv || !layers.some((l) => this.statesFor(l))) return true;
    let decoded;
    try {
      decoded = index.loadVTLayers();
    } catch {
      return (this.tileIndex = false);
    }
    for (const l of layers) {
      const vt = decoded[l.sourceLayer];
      if (!vt || !this.statesFor(l)) continue;
      const done = this.done(l);
      for (let i = 0; i < vt.length; i++) {
        const props = vt.feature(i).properties;
        const id = props[this.h.promoteId];
        if (id === undefined || id === null) continue;
        this.set(map, l, String(id), done, tv, props);
      }
    }
    return true;
  }

  private done(l: TileLayerRef): Set<string> {
    let done = this.applied.get(l.sourceLayer);
    if (!done) this.applied.set(l.sourceLayer, (done = new Set()));
    return done;
  }

  /**
   * One feature's metric state, once per code and layer (`done`), and with colour states its fill colour (from its
   * value, else the tile's own property). True when it set one.
   */
  private set(map: MlMap, l: TileLayerRef, code: string, done: Set<string>, tv: TileValues, props?: Record<string, unknown>): boolean {
    if (done.has(code)) return false;
    done.add(code);
    const colour = this.colourMode ? this.colourOf.get(l.rank) : undefined;
    const i = tv.slot.get(code);
    const state: Record<string, number | string> = {};
    let any = false;
    if (i !== undefined)
      for (const k of this.metricKeys) {
        const v = tv.columns.get(k)?.[i];
        if (v !== undefined && v === v) (state[k] = v), (any = true);
      }
    if (colour) {
      let v = colour.key === undefined ? undefined : state[colour.key];
      if (v === undefined && colour.key !== undefined) v = props?.[colour.key] as number | undefined;
      state[FC] = colour.of(typeof v === 'number' ? v : undefined);
      any = true;
    }
    if (any) {
      this.h.dirty();
      map.setFeatureState({ source: SRC, sourceLayer: l.sourceLayer, id: code }, state);
    }
    return any;
  }

  /** Sets the states of features in loaded tiles that do not have them yet. Returns how many it set. */
  applyAll(): number {
    const map = this.h.map(), tv = this.values;
    if (!map || !tv || this.h.destroyed()) return 0;
    let n = 0;
    for (const l of this.h.layers()) {
      if (!this.statesFor(l)) continue;
      const done = this.done(l);
      let feats: { id?: string | number | null; properties?: Record<string, unknown> }[];
      try {
        feats = map.querySourceFeatures(SRC, { sourceLayer: l.sourceLayer });
      } catch {
        continue;
      }
      for (const f of feats) {
        const code = f.id === undefined || f.id === null ? undefined : String(f.id);
        if (code !== undefined && this.set(map, l, code, done, tv, f.properties)) n++;
      }
    }
    return n;
  }

  destroy(): void {
    if (this.scheduled) cancelAnimationFrame(this.scheduled);
    this.scheduled = 0;
    this.applied.clear();
  }
}
