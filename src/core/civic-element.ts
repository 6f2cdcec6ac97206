import { LitElement, type PropertyDeclarations, type PropertyValues } from 'lit';
import { LocalizeController } from './controllers/localize-controller.js';
import { ThemeController, type ThemeName, type Density } from './controllers/theme-controller.js';
import { mediaRules } from './theme/media-rules.js';
import { ScreenConsumer, NO_SCREEN, type ScreenInfo } from './context/screen-context.js';
import { DrawnController } from './controllers/drawn-controller.js';
import type { DrawnReason } from './events/drawn-event.js';
// Imported last: in a bundle the host styles' CSS then comes right before the modules that follow this one, nearer an
// element's own stylesheet, inside gzip's 32 KB window (issue 16: -61 B gz on a KPI tile's first load).
import { baseHostStyles } from './theme/tokens.js';

/**
 * The thin base of every civic element: Lit, plus the three concerns every element has — language,
 * theme and the enclosing big screen — each in its own controller. Data loading lives in
 * `CivicDataElement` (src/data/civic-data-element.ts), because `<civic-screen>` has none.
 *
 * @internal
 */
export abstract class CivicElement extends LitElement {
  // ── styles ──
  static override styles = [baseHostStyles];
  /**
   * The reactive properties, in one table rather than as property decorators (issue 16: the compiled decorator calls
   * cost ~0.6 KB gz on a page with one KPI tile); each field below keeps its type and its documentation.
   */
  static override properties: PropertyDeclarations = {
    theme: { reflect: true },
    density: { reflect: true },
  };

  // ── public API ──
  /** Colour theme: `light` (government page), `dark` (big screen) or `auto` (follows the OS). Inherited from the nearest ancestor with `theme`; default light. */
  theme?: ThemeName;

  /** Density: `screen` (big-screen type scale), `elder` (适老化: larger text and targets) or `default`. Inherited like `theme`. */
  density?: Density;

  // ── controllers ──
  /** @internal */
  protected readonly t = new LocalizeController(this, () => this.drawnCtl.hold('lang'));
  /** @internal */
  protected readonly themeCtl = new ThemeController(this, {
    onChange: () => {
      this.minTextCache = undefined;
      this.themeChanged();
    },
  });
  private minTextCache?: number;
  /** The picture signal behind `whenDrawn()` and `civic-drawn` (see its file for how elements feed it). @internal */
  protected readonly drawnCtl = new DrawnController(this, {
    watch: () => this.drawnWatch(),
    ready: () => this.drawnReady(),
    settle: () => this.drawnSettle(),
    resize: () => this.drawnResize(),
  });
  /** @internal */
  protected screen: ScreenInfo = NO_SCREEN;
  /** Registered with its host (a field no code reads: protected, not private, for the unused-member check). @internal */
  protected readonly screenConsumer = new ScreenConsumer(this, (value) => {
    this.screen = value ?? NO_SCREEN;
    this.screenChanged();
    this.requestUpdate();
  });

  // ── lifecycle ──
  override connectedCallback(): void {
    // The first picture waits for code loaded on first use that it needs (issue 16): the strings of an English page,
    // the host styles' media rules while a media they serve is active. Lit's first update starts when its
    // `enableUpdating` runs (in super.connectedCallback), so that call waits; later updates are not delayed.
    const a = this.t.ready();
    const b = mediaRules(this);
    const wait = a && b ? Promise.all([a, b]) : a ?? b;
    if (wait && !this.hasUpdated) {
      const go = this.enableUpdating;
      this.enableUpdating = (r) => void wait.then(() => go.call(this, r));
    }
    super.connectedCallback();
  }

  protected override willUpdate(changed: PropertyValues): void {
    // Controllers' hostUpdate runs after willUpdate; resolve language and theme first so models derived in a
    // subclass's willUpdate see the current ones.
    this.t.check();
    super.willUpdate(changed);
  }

  // ── public methods ──
  /**
   * Highlights one item (grid code, node id, KPI id, period…) as `<civic-screen>`'s auto-tour does;
   * `null` clears it. Elements override this; the base ignores it.
   */
  highlight(_id: string | null): void {
    /* overridden */
  }

  /** Ids the big-screen auto-tour passes to `highlight()`, in order; empty = the element is only framed. */
  tourTargets(): string[] {
    return [];
  }

  // ── protected helpers ──
  /** The element's tag, for log prefixes. @internal */
  protected get tag(): string {
    return this.localName;
  }

  /** One console.warn prefixed with the tag (never console.error: tests treat that as a defect). @internal */
  protected warn(message: string, ...rest: unknown[]): void {
    // eslint-disable-next-line no-console
    console.warn(`[${this.tag}] ${message}`, ...rest);
  }

  /** Called when the resolved theme or density changes; canvas/WebGL elements re-read tokens. @internal */
  protected themeChanged(): void {
    /* overridden */
  }

  /**
   * Values whose change needs a new picture (`civic-drawn`), by reason. Subclasses add theirs to `super`'s: the object
   * is new at each call, so they may set their reason on it rather than copy it. @internal
   */
  protected drawnWatch(): Partial<Record<DrawnReason, unknown>> {
    return { theme: [this.themeCtl.theme, this.themeCtl.density, this.screen.scale], lang: this.t.lang };
  }

  /** False while there is nothing to show as a picture (the first `civic-drawn` waits). @internal */
  protected drawnReady(): boolean {
    return true;
  }

  /** Drawing that finishes after Lit's update (next frame, worker, child elements): the picture waits for it. @internal */
  protected drawnSettle(): Promise<unknown> | void {
    return undefined;
  }

  /** Which size changes redraw: `width` (default), `box` or `none`. @internal */
  protected drawnResize(): 'width' | 'box' | 'none' {
    return 'width';
  }

  /** Called when the enclosing screen's scale changes. @internal */
  protected screenChanged(): void {
    /* overridden */
  }

  /**
   * The legibility floor: the smallest text this element may show, in SCREEN px — the `--civic-min-text-size` token
   * (default 12 px on a page, 14 px under `<civic-screen>` / `density="screen"`, 18 px in elder density). @internal
   */
  protected get minTextPx(): number {
    if (this.minTextCache === undefined) {
      const v = parseFloat(this.themeCtl.token('--_min-text'));
      this.minTextCache = Number.isFinite(v) && v > 0 ? v : this.themeCtl.density === 'elder' ? 18 : this.themeCtl.density === 'screen' ? 14 : 12;
    }
    return this.minTextCache;
  }

  /**
   * A text size in the element's CSS px for text drawn at `designPx`, raised so that on screen (× the big screen's
   * scale) it reaches the legibility floor. Text that cannot fit at that size is dropped by priority, never shrunk. @internal
   */
  protected legibleTextPx(designPx: number): number {
    const k = this.screen.scale > 0 && Number.isFinite(this.screen.scale) ? this.screen.scale : 1;
    return Math.max(designPx, this.minTextPx / k);
  }

  /**
   * Pixel ratio for canvas/WebGL backing stores: device ratio times the big-screen scale times the CSS `zoom` the page
   * applies to the element (`body { zoom: 1.25 }` draws 1.25× larger on screen; the backing store follows, so
   * canvases stay sharp). @internal
   */
  protected get pixelRatio(): number {
    // Both are positive numbers where they exist (currentCSSZoom: Chrome 128+; devicePixelRatio: not in Node).
    return Math.min(4, (globalThis.devicePixelRatio || 1) * Math.max(1, this.screen.scale) * (this.currentCSSZoom || 1));
  }
}
