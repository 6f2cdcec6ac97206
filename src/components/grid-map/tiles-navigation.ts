/**
 * Tiles mode's unit index and navigation, for the tiles controller (tiles-controller.ts): the tile set's unit index
 * (loaded lazily: first search, arrow key or `focus`), `focus` by code, the breadcrumb and level buttons' camera
 * moves, and the element's NavigationController's questions (`NavMode`: pick, anchor, neighbours, drill, keys).
 */
import type { ReactiveControllerHost } from 'lit';
import { fetchJson } from '../../data/fetch-json.js';
import { parseNumberList } from './classify.js';
import type { UnitInfo } from './grid-map.types.js';
import { valueOf, type TileValues } from './tiles.js';
import { defaultIndexUrl, parseTilesIndex, type TilesIndex } from './tiles-index.js';
import type { NavMode, Trigger } from './navigation.js';
import { upView } from './unit-view.js';
import type { TilePick, TilesRenderer } from './renderers/tiles-renderer.js';

/** The element's properties the unit index and navigation read. */
interface NavHost extends ReactiveControllerHost, HTMLElement {
  tiles?: string;
  tilesIndex?: string;
  credentials?: RequestCredentials;
  timeout?: number;
  bounds?: string;
  focusCode: string;
}

/** What navigation needs from the tiles controller. */
export interface TilesNavAccess {
  r(): TilesRenderer | undefined;
  /** Level on screen. */
  rank(): number;
  values(): TileValues | undefined;
  report(kind: 'network' | 'http' | 'validation', message: string, status?: number, url?: string): void;
  warn(message: string): void;
  surface(): HTMLElement | undefined;
  /** The unit index arrived (search results again). */
  indexLoaded(): void;
  /** The view (level, focus) changed by the element: sets `level` and `focus`, fires `civic-view-change`. */
  setView(rank: number, focus: string, trigger: Trigger): void;
}

export class TilesNavigation {
  /** The tile set's unit index, once loaded. */
  index?: TilesIndex;
  private indexUrl?: string;
  private indexAbort?: AbortController;
  /** Code of the `focus` the camera was last fitted to. */
  focused?: string;
  /** Names, parents and properties of units seen under the pointer (before or without an index). */
  readonly picked = new Map<string, Record<string, unknown>>();

  constructor(private readonly host: NavHost, private readonly c: TilesNavAccess) {}

  /** The element left: the index request stops; the next connect loads it again. */
  stop(): void {
    this.indexAbort?.abort();
    this.indexAbort = undefined;
    this.indexUrl = undefined;
  }

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
        if (r.issues.length) this.c.warn(`tiles index: ${r.issues.length} unit(s) skipped, e.g. ${r.issues[0].message}`);
        this.c.indexLoaded();
        this.applyFocus();
        h.requestUpdate();
      })
      .catch((e: unknown) => {
        if (ctrl.signal.aborted) return;
        const message = `tiles index ${url}: ${e instanceof Error ? e.message : String(e)}; search, focus and neighbour keys need it`;
        // Named by `tiles-index`: an error like any source's. Guessed beside the tiles: only a warning.
        if (explicit) {
          const kind = (e as { kind?: string }).kind;
          this.c.report(kind === 'http' || kind === 'validation' ? kind : 'network', message, (e as { status?: number }).status, url);
        } else this.c.warn(message);
      });
  }

  /** `focus` by code: the camera fits the unit's box from the index. */
  applyFocus(): void {
    const code = this.host.focusCode;
    const map = this.c.r()?.mapInstance;
    if (!code || code === this.focused || !map || !this.index) return;
    const u = this.index.byCode.get(code);
    if (!u) {
      this.focused = code;
      this.c.warn(`focus ${code}: no such unit in the tiles index`);
      return;
    }
    this.focused = code;
    this.fit(u, 0);
  }

  private fit(u: UnitInfo, duration: number): void {
    const b = u.bbox;
    this.c.r()?.mapInstance?.fitBounds([[b[0], b[1]], [b[2], b[3]]], { padding: 24, duration, animate: duration > 0 });
  }

  /** Breadcrumb "all": the whole tile set (the index's top-level units, else the tile set's bounds). */
  fitAll(): void {
    const idx = this.index;
    const map = this.c.r()?.mapInstance;
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
    const map = this.c.r()?.mapInstance;
    if (!map || rank === this.c.rank()) return;
    if (rank === 0) return this.fitAll();
    const idx = this.index;
    if (!idx) return this.c.r()?.zoomBy(rank > this.c.rank() ? 2 : -2);
    const c = map.getCenter();
    let best: UnitInfo | undefined, d = Infinity;
    for (const u of idx.features) {
      if (u.rank !== rank - 1) continue;
      const dd = (u.labelPoint[0] - c.lng) ** 2 + (u.labelPoint[1] - c.lat) ** 2;
      if (dd < d) (d = dd), (best = u);
    }
    if (best) this.fit(best, 0);
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
      const p = this.c.r()?.pick(x, y);
      return p ? this.remember(p) : undefined;
    },
    anchor: (code) => {
      const r = this.c.r();
      const u = this.index?.byCode.get(code);
      const at = u?.labelPoint;
      if (!r || !at) return this.centre();
      let p = r.project(at);
      const el = this.c.surface();
      if (p && el && (p[0] < 0 || p[1] < 0 || p[0] > el.clientWidth || p[1] > el.clientHeight)) {
        r.mapInstance?.panTo(at, { duration: 0 });
        p = r.project(at);
      }
      return p;
    },
    candidates: (from) => (from && this.index ? this.index.features[from.index].neighbours : []),
    start: () => {
      // The unit of the level on screen nearest the view's centre.
      const map = this.c.r()?.mapInstance;
      const idx = this.index;
      if (!map || !idx) return -1;
      const c = map.getCenter();
      let best = -1, d = Infinity;
      for (const u of idx.features) {
        if (u.rank !== this.c.rank()) continue;
        const dd = (u.labelPoint[0] - c.lng) ** 2 + (u.labelPoint[1] - c.lat) ** 2;
        if (dd < d) (d = dd), (best = u.index);
      }
      return best;
    },
    drill: (code, trigger) => {
      // Streets and communities: zoom to them, and the tile set's finer layer takes over. The view is then the unit's
      // children, as in memory mode: `focus` and `level` follow (the camera is moved here, not again by `focus`).
      const u = this.index?.byCode.get(code);
      const rank = u?.rank ?? this.pickedRank.get(code) ?? 2;
      if (rank >= 2) return false;
      if (u) this.fit(u, 300);
      else this.c.r()?.zoomTo(code, rank);
      this.focused = code;
      this.c.setView(rank + 1, code, trigger);
      return true;
    },
    reveal: (u) => this.fit(u, 0),
    up: () => {
      const r = this.c.r();
      if (!r) return false;
      // As in memory mode (upView): from a focus, its level inside its parent; without one, a level coarser. The camera
      // fits the parent (or the whole set), else zooms out as before; `focus` follows without moving it again.
      const idx = this.index, to = upView(idx, this.c.rank(), this.host.focusCode);
      const p = to?.focus ? idx?.byCode.get(to.focus) : undefined;
      if (p) this.fit(p, 300);
      else if (to && this.host.focusCode && idx?.byCode.has(this.host.focusCode)) this.fitAll();
      else r.zoomBy(-2);
      if (to) {
        this.focused = to.focus;
        this.c.setView(to.rank, to.focus, 'keyboard');
      }
      return true;
    },
    itemOf: (code) => this.itemOf(code),
    key: (e) => this.key(e),
  };

  private centre(): [number, number] | undefined {
    const el = this.c.surface();
    return el ? [el.clientWidth / 2, el.clientHeight / 2] : undefined;
  }

  itemOf(code: string): Record<string, unknown> {
    const values: Record<string, number> = {};
    for (const k of this.c.values()?.columns.keys() ?? []) {
      const v = valueOf(this.c.values()!, k, code);
      if (v !== undefined) values[k] = v;
    }
    const u = this.index?.byCode.get(code);
    const known = u ? { code, name: u.name, parent: u.parent } : {};
    return { ...known, ...this.picked.get(code), code, values };
  }

  /** Keys of tiles mode: +/- zoom; without the index, arrows pan; Enter without a cursor picks the centre's unit. */
  private key(e: KeyboardEvent): boolean | string {
    const r = this.c.r();
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
