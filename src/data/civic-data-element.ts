import type { PropertyDeclarations, PropertyValues } from 'lit';
import { CivicElement } from '../core/civic-element.js';
import { DataController, type OffThreadLoader, type ParseContext } from './data-controller.js';
import type { Validated } from './validate.js';
import type { BodyFormat } from './fetch-json.js';
import type { AdapterName } from './adapters/index.js';
import { LinkedRegionController } from '../core/controllers/linked-region-controller.js';
import type { DrawnReason } from '../core/events/drawn-event.js';

/**
 * Base for every data-fed element: the standard data attributes and one DataController.
 * A subclass implements `parse()` (pure validation of its data shape) and reads `this.feed.value`.
 *
 * Where this lives and why (issue 16, "core stands alone"): elements COMPOSE the DataController (`this.feed`, as
 * STYLE.md intends: one concern per controller), and this class is only the one place that composition and the
 * standard data attributes are written, in the data layer: it depends on core, core never depends on it
 * (test/unit/scripts/layering.test.ts). It is not moved to core as a mixin because a core mixin could not create a
 * DataController without core importing src/data again, and mixin stacks are what STYLE.md §1.2 rules out; nor is
 * the composition copied into each element, because the ~15 data attributes have exactly the same semantics on all
 * six data elements and their JSDoc documents them once for the custom-elements manifest. `<civic-screen>` has no
 * data and extends CivicElement directly.
 *
 * @internal
 */
export abstract class CivicDataElement<T> extends CivicElement {
  /**
   * The standard data attributes, in one table rather than as property decorators (issue 16: the compiled decorator
   * calls cost ~0.6 KB gz on a page with one KPI tile); each field below keeps its type and its documentation.
   */
  static override properties: PropertyDeclarations = {
    data: { attribute: false }, src: {}, pollInterval: { type: Number, attribute: 'poll-interval' }, credentials: {},
    timeout: { type: Number }, format: {}, adapter: {}, region: { reflect: true },
    linked: { type: Boolean, reflect: true }, linkedTo: { attribute: 'linked-to' }, cache: {}, transport: {},
    heartbeat: { type: Number }, reconnectDelay: { type: Number, attribute: 'reconnect-delay' },
    reconnectMax: { type: Number, attribute: 'reconnect-max' }, patchKey: { attribute: 'patch-key' },
  };

  // ── public API ──
  /** The data as a JavaScript value; wins over inline JSON and `src`. */
  data?: unknown;

  /** URL of the JSON (or CSV) data; used only when neither `data` nor an inline `<script type="application/json">` child is present. */
  src?: string;

  /** Re-fetch `src` every N seconds; 0 (default) turns polling off. Polling pauses while the page is hidden and backs off after failures. */
  pollInterval = 0;

  /** Fetch credentials mode for `src`: `omit`, `same-origin` (default) or `include` (cookies on cross-origin APIs). */
  credentials?: RequestCredentials;

  /** Per-attempt request timeout in milliseconds (default 15000, or the value given to `configure()`). */
  timeout?: number;

  /** How to read `src`: `auto` (by content type), `json` or `csv`. */
  format?: BodyFormat;

  /** Which generic adapters run first: `auto` (detect the `{code,msg,data}` envelope, ECharts datasets and CSV), `none`, `envelope`, `echarts`, `csv`. */
  adapter?: AdapterName;

  /**
   * Division-code prefix to narrow the data to (e.g. `500118002` keeps rows whose `region` starts with it).
   * Elements whose rows carry no region ignore it.
   */
  region?: string;

  /** Inside `<civic-screen>`: follow the grid map's selection (sets `region`). */
  linked = false;

  /** On any page: follow the `civic-select` of the element with this id (sets `region`). */
  linkedTo?: string;

  /**
   * Keep the last good `src` payload in IndexedDB so a reloaded page (a rebooted data wall) shows it at once,
   * marked stale until the network answers. Boolean, or a name to tell several elements on one URL apart.
   */
  cache?: string | boolean;

  /**
   * How `src` is read: `auto` (default: `sse+…` URLs as Server-Sent Events, `ws:`/`wss:` as WebSocket, anything else
   * fetched), `fetch`, `sse` or `ws`. Push sources send replace / patch / ping messages (README, "Live data").
   */
  transport?: 'auto' | 'fetch' | 'sse' | 'ws';

  /** Push sources: seconds without a message or ping before the data is marked stale and the connection replaced (0 = off, default). */
  heartbeat?: number;

  /** Push sources: first reconnect delay in ms (default 1000), doubled per failed attempt, with jitter. */
  reconnectDelay?: number;

  /** Push sources: longest reconnect delay in ms (default 30000). */
  reconnectMax?: number;

  /** Push sources: the row field patches merge by (default: `id`, else `code`, else `region`, whichever the rows carry). */
  patchKey?: string;

  // ── controllers ──
  /** @internal */
  protected readonly linkCtl = new LinkedRegionController(this);

  /** @internal */
  protected readonly feed: DataController<T> = new DataController<T>(this, {
    parse: (raw, ctx) => this.parse(raw, ctx),
    count: (v) => this.count(v),
    isEmpty: (v) => this.isEmpty(v),
    nothingValid: (v) => this.nothingValid(v),
    deps: () => this.parseDeps(),
    terms: () => ({ t: this.t.core, lang: this.t.lang }),
    warn: (m) => this.warn(m),
    // `civic-load` follows the `civic-drawn` of the same picture (README, Events). An element with a wait of its own
    // (grid map, chain graph: dataDrawn overridden) completes its DrawnController's picture from that same wait
    // (drawnSettle), and the two callbacks on it could run in either order: civic-load waits for the picture too.
    drawn: () => (this.dataDrawn === CivicDataElement.prototype.dataDrawn ? this.dataDrawn() : this.dataDrawn().then(() => this.drawnCtl.whenDrawn())),
    offThread: () => this.offThreadLoader(),
    parseLater: (raw, ctx) => this.parseLater(raw, ctx),
  });

  // ── to implement ──
  /** Pure validation of the element's data shape. @internal */
  protected abstract parse(raw: unknown, ctx: ParseContext): Validated<T>;

  /** Values the parse depends on (field-mapping attributes…); a change re-parses the last payload. @internal */
  protected parseDeps(): readonly unknown[] {
    return [];
  }

  /**
   * The parse of a large payload spread over several tasks (time slices), or undefined to parse at once with
   * `parse()` (the default). It must give the same outcome as `parse()`. @internal
   */
  protected parseLater(_raw: unknown, _ctx: ParseContext): Promise<Validated<T>> | undefined {
    return undefined;
  }

  /** A loader that fetches and parses `src` off the main thread (a worker), when the element has one. @internal */
  protected offThreadLoader(): OffThreadLoader<T> | undefined {
    return undefined;
  }

  /** @internal */
  protected count(_value: T): number | undefined {
    return undefined;
  }

  /** @internal */
  protected isEmpty(_value: T): boolean {
    return false;
  }

  /** Nothing valid to draw (with parse errors this is a failure, not a partial success). Default: `isEmpty`. @internal */
  protected nothingValid(value: T): boolean {
    return this.isEmpty(value);
  }

  /**
   * Resolves when the data just accepted is on screen; `civic-load` waits for it (DataControllerOptions.drawn). By
   * default the next picture of the element's DrawnController (the one `civic-drawn` and `whenDrawn()` report), so
   * "loaded" and "drawn" mean the same picture. Elements with a wait of their own from before the DrawnController
   * (grid map, chain graph) still override this; their wait then also decides when the picture is complete
   * (`drawnSettle` below). @internal
   */
  protected dataDrawn(): Promise<void> {
    return this.drawnCtl.whenDrawn();
  }

  /** A change of the data, or of its error / stale state, needs a new picture. @internal */
  protected override drawnWatch(): Partial<Record<DrawnReason, unknown>> {
    // CivicElement's is a new object at each call: added to, not copied (one object less per update).
    const w = super.drawnWatch();
    const f = this.feed;
    w.data = [f.value, f.status, f.error, f.stale, f.parsing];
    return w;
  }

  /**
   * No picture before the first data: neither while none has been given (no `data`, inline script or `src` yet: the
   * empty state shown meanwhile is a placeholder, and a page that assigns `data` later gets that data's picture from a
   * `whenDrawn()` asked before), nor while it loads (the loading state is not one); an element whose source was given
   * and then removed has its empty state as picture. Nor while the full status banner is still loading (a plain one
   * stands in; the picture completes with the full one, or the plain one if it fails), nor while a newer payload is
   * parsed in slices (the picture on screen shows the older one). Elements that draw without data (a KPI tile set by
   * attributes, a grid map's geometry) say so in their override. @internal
   */
  protected override drawnReady(): boolean {
    const f = this.feed;
    return f.status !== 'loading' && (f.status !== 'idle' || !!f.started) && !f.viewPending && !f.parsing;
  }

  /** Elements that still override `dataDrawn()` with their own wait: that wait completes the picture too. @internal */
  protected override drawnSettle(): Promise<unknown> | void {
    if (this.dataDrawn !== CivicDataElement.prototype.dataDrawn) return this.dataDrawn();
  }

  // ── lifecycle ──
  override connectedCallback(): void {
    super.connectedCallback();
    // React 19 and Vue set `data` as an attribute when the element is not defined yet (the library loaded after
    // the app mounted): the object is lost as "[object Object]". Say so once, clearly.
    const attr = this.getAttribute('data');
    if (attr !== null && this.data === undefined && !this.warnedDataAttribute) {
      this.warnedDataAttribute = true;
      // Its words load when needed (a chunk that cannot load still gives the short form).
      const tag = this.localName;
      import('./data-attribute-warning.js').then(
        (m) => this.warn(m.dataAttributeWarning(attr, tag)),
        () => this.warn(`got data="${attr.slice(0, 40)}" as an attribute: the object was lost`),
      );
    }
  }

  private warnedDataAttribute?: boolean;

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.feed.sync();
    if (changed.has('pollInterval')) this.feed.pollChanged();
  }

  // ── public methods ──
  /** Loads the data again now (also what the error state's Retry button does). */
  reload(): Promise<void> {
    return this.feed.reload();
  }

  /** Where the data is: `idle`, `loading`, `complete` or `error` (nothing good loaded yet). */
  get dataStatus(): string {
    return this.feed.status;
  }

  /** True when a refresh failed and the element shows older data with a stale marker. */
  get stale(): boolean {
    return this.feed.stale;
  }

  /** When the data on screen was last confirmed by a successful load. */
  get lastUpdated(): Date | undefined {
    return this.feed.lastUpdated;
  }
}
