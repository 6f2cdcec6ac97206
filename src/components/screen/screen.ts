import type { PropertyDeclarations, PropertyValues } from 'lit';
import { ContextProvider } from '@lit/context';
import { CivicElement } from '../../core/civic-element.js';
import { baseHostStyles } from '../../core/theme/tokens.js';
import { screenContext, type ScreenInfo } from '../../core/context/screen-context.js';
import { ResizeController } from '../../core/controllers/resize-controller.js';
import { styles } from './screen.styles.js';
import { lazyModule } from '../../core/lazy-module.js';
import { screenTerms } from './screen.i18n.js';
import { viewWords } from '../../core/i18n/translation.js';
import type { Point, RectLike, ScaleMode } from './screen.types.js';
import { ScreenIdle } from './screen.idle.js';
import { ScreenRegion, type ActiveRegion } from './screen.region.js';
import { ScreenTimers } from './screen.timers.js';
import { ScreenTour, visibleClientRect } from './screen.tour.js';
import { renderScreen } from './screen.template.js';
import {
  DEFAULT_TIME_ZONE,
  clientToLocal,
  computeLayout,
  formatClock,
  isValidTimeZone,
  msToNextSecond,
  normaliseDesign,
  rectToDesign,
  type ScreenLayout,
} from './screen.model.js';

/** The snapshot's drawing (screen.snapshot.ts, with the SVG painter), loaded with the first snapshot (issue 16). */
const snapshotModule = lazyModule(() => import('./screen.snapshot.js'));

const INTERACTION_EVENTS = ['pointermove', 'pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * @summary Big-screen container: lays a dashboard out at a design size (1920×1080 by default) and scales it to
 * any display, with a title bar (clock, data time, active region, full screen), an idle cursor and an auto-tour.
 * @tag civic-screen
 * @status experimental
 * @since 0.1.0
 *
 * @slot - The dashboard. Children are laid out by the content area's CSS grid: set
 *   `--civic-screen-columns`, `--civic-screen-rows` and `--civic-screen-areas` on the screen and `grid-area` on each child
 *   (or nest your own layout in one child). Children with `linked` follow the region chosen on the map.
 * @slot heading - Replaces the text of the `heading` attribute (e.g. a logo plus the title).
 * @slot header-end - Extra controls at the end of the title bar (before the full-screen button).
 *
 * @csspart base - The viewport that fills the host (letterbox bars are its background).
 * @csspart stage - The design-size box that is scaled with `transform: scale()`.
 * @csspart header - Title bar (it wraps onto more rows and grows when the title does not fit beside the rest: the title is never cut).
 * @csspart heading - The title (role heading, level `heading-level`).
 * @csspart clock - The live clock (aria-hidden; a minute-level text is read instead).
 * @csspart data-time - The 数据时间 label.
 * @csspart region - The active-region chip.
 * @csspart region-clear - The chip's clear button.
 * @csspart fullscreen - The full-screen toggle (absent when the Fullscreen API is unavailable).
 * @csspart export - The PNG export button (only with `export-button`).
 * @csspart content - The grid that holds the slotted dashboard.
 * @csspart tour-ring - The frame drawn around the element the tour is on.
 *
 * @cssproperty [--civic-screen-letterbox-color=#02070f] - Colour of the bars around the stage.
 * @cssproperty [--civic-screen-background=var(--civic-color-surface)] - Stage background.
 * @cssproperty [--civic-screen-header-height=88px] - Title bar height in design pixels (its minimum: a title that does not fit beside the clock and buttons wraps and the bar grows).
 * @cssproperty [--civic-screen-header-background=var(--civic-color-surface-raised)] - Title bar background.
 * @cssproperty [--civic-screen-columns=1fr] - `grid-template-columns` of the content area.
 * @cssproperty [--civic-screen-rows=1fr] - `grid-template-rows` of the content area.
 * @cssproperty [--civic-screen-areas=none] - `grid-template-areas` of the content area.
 * @cssproperty [--civic-screen-gap=16px] - Gap between dashboard cells.
 * @cssproperty [--civic-screen-padding=16px] - Padding of the content area.
 * @cssproperty [--civic-screen-tour-ring-color=var(--civic-color-focus)] - Colour of the tour frame.
 *
 * @event {CivicTourEvent} civic-tour - The auto-tour moved to the next item; detail `{ step, target, id, targetIndex }`.
 * @event {CivicRegionChangeEvent} civic-region-change - The active-region chip changed; detail `{ region, label, source }`.
 * @event {CivicDrawnEvent} civic-drawn - A picture is complete (stage scaled, every civic element inside drawn): once after resize, theme or language change; `detail.reasons` says which. The elements inside fire their own.
 */
export class CivicScreen extends CivicElement {
  // ── styles ──
  static override styles = [baseHostStyles, styles];

  /**
   * The reactive properties, in one table rather than as property decorators (issue 16: esbuild's decorator helper
   * and calls cost every page that loads the screen); each field below keeps its type and its documentation. Internal
   * state is `attribute: false` (what `@state()` sets; the manifest analyzer would list `state: true` as attributes).
   */
  static override properties: PropertyDeclarations = {
    designWidth: { type: Number, attribute: 'design-width' }, designHeight: { type: Number, attribute: 'design-height' },
    scaleMode: { attribute: 'scale-mode', reflect: true }, heading: {}, headingLevel: { type: Number, attribute: 'heading-level' },
    timeZone: { attribute: 'time-zone' }, dataTime: { attribute: 'data-time' }, tour: { type: Number },
    tourResume: { type: Number, attribute: 'tour-resume' }, idleCursor: { type: Number, attribute: 'idle-cursor' },
    noClock: { type: Boolean, attribute: 'no-clock' }, exportButton: { type: Boolean, attribute: 'export-button' },
    fileName: { attribute: 'file-name' },
    now: { attribute: false }, activeRegion: { attribute: false }, idle: { attribute: false }, ring: { attribute: false }, fullscreen: { attribute: false },
  };

  // ── public API ──
  /** Width of the design in CSS pixels (the layout the page is written for). */
  designWidth = 1920;
  /** Height of the design in CSS pixels. */
  designHeight = 1080;
  /** `fit` (letterbox, uniform scale), `fill` (stretch both axes) or `width` (scale to width, scroll vertically). */
  scaleMode: ScaleMode = 'fit';
  /** Title shown in the title bar (named `heading`, not `title`, to avoid the browser's tooltip). */
  heading = '';
  /** Outline level of the title (1–6); 1 on a wall page, lower when the screen sits inside an article. */
  headingLevel = 1;
  /** IANA time zone of the clock; invalid zones fall back to Asia/Shanghai with one warning. */
  timeZone = DEFAULT_TIME_ZONE;
  /** Text shown after 数据时间 / "Data as of" (e.g. `2022年1—9月`); hidden when empty. */
  dataTime = '';
  /** Auto-tour: seconds per step; 0 turns it off. */
  tour = 0;
  /** Seconds the tour waits after the last pointer or key interaction before it continues. */
  tourResume = 10;
  /** Seconds without pointer movement before the cursor hides; 0 never hides it. */
  idleCursor = 3;
  /** Hides the clock. */
  noClock = false;
  /** Shows a 导出图片 / "Export PNG" button in the title bar that downloads `snapshot()` as `<file-name>.png`. */
  exportButton = false;
  /** File name (without extension) for the export button's download. */
  fileName = 'civic-screen';

  // ── internal state ──
  private now = new Date();
  private activeRegion?: ActiveRegion;
  private idle = false;
  private ring?: RectLike;
  private fullscreen = false;
  private currentLayout: ScreenLayout = computeLayout({ width: 1920, height: 1080 }, { width: 0, height: 0 }, 'fit');
  private warnedZone = '';
  private readonly timers = new ScreenTimers();
  private get stageEl(): HTMLElement | null {
    return this.renderRoot?.querySelector<HTMLElement>('[part~="stage"]') ?? null;
  }
  private get baseEl(): HTMLElement | null {
    return this.renderRoot?.querySelector<HTMLElement>('[part~="base"]') ?? null;
  }

  // ── controllers ──
  private readonly provider = new ContextProvider(this, {
    context: screenContext,
    initialValue: { scale: 1, inScreen: true } satisfies ScreenInfo,
  });
  private readonly box = new ResizeController(this);
  private readonly tourCtl = new ScreenTour(this, this.timers, {
    rectOf: (el) => this.designRectOf(el),
    ring: (r) => (this.ring = r),
    warn: (m, e) => this.warn(m, e),
  });
  private readonly idleCtl = new ScreenIdle(this, this.timers, () => this.idle, (idle) => (this.idle = idle));
  private readonly regionCtl = new ScreenRegion(this, () => this.activeRegion, (region) => (this.activeRegion = region));

  // ── lifecycle ──
  override connectedCallback(): void {
    // Defaults that descendants inherit (they resolve theme/density from their ancestors).
    if (!this.hasAttribute('theme')) this.setAttribute('theme', 'dark');
    if (!this.hasAttribute('density')) this.setAttribute('density', 'screen');
    super.connectedCallback();
    this.addEventListener('civic-select', this.regionCtl.onSelect as EventListener);
    for (const type of INTERACTION_EVENTS) this.addEventListener(type, this.onInteraction, { passive: true });
    if (typeof document !== 'undefined') document.addEventListener('fullscreenchange', this.onFullscreenChange);
    this.now = new Date();
    this.scheduleClock();
    this.idleCtl.arm();
    this.tourCtl.restart();
  }

  /** `theme` or `density` removed while on the page: the wall's defaults again (dark, screen), as on connect. */
  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (value === null && this.isConnected && (name === 'theme' || name === 'density')) {
      this.setAttribute(name, name === 'theme' ? 'dark' : 'screen');
      return;
    }
    super.attributeChangedCallback(name, old, value);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('civic-select', this.regionCtl.onSelect as EventListener);
    for (const type of INTERACTION_EVENTS) this.removeEventListener(type, this.onInteraction);
    if (typeof document !== 'undefined') document.removeEventListener('fullscreenchange', this.onFullscreenChange);
    this.tourCtl.stop();
    this.timers.clear();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const design = normaliseDesign(this.designWidth, this.designHeight);
    const size = this.box.size ?? { width: 0, height: 0 };
    const next = computeLayout(design, size, this.scaleMode);
    const prev = this.currentLayout;
    this.currentLayout = next;
    if (next.scale !== prev.scale || !this.provider.value.inScreen) this.provider.setValue({ scale: next.scale, inScreen: true });
    if (changed.has('timeZone') && this.timeZone && !isValidTimeZone(this.timeZone) && this.warnedZone !== this.timeZone) {
      this.warnedZone = this.timeZone;
      this.warn(`unknown time-zone "${this.timeZone}"; showing ${DEFAULT_TIME_ZONE}`);
    }
    // connectedCallback arms the timers; changes (also those made before the first render) re-arm them here.
    // Both are idempotent; state set in willUpdate costs no extra render.
    if (changed.has('tour')) this.tourCtl.restart();
    if (changed.has('idleCursor')) this.idleCtl.arm();
  }

  protected override firstUpdated(): void {
    // In `width` mode a vertical scrollbar narrows the viewport: observe the base's content box.
    if (this.baseEl) this.box.observe(this.baseEl);
    // A screen in a box without a height shows nothing in fit/fill: say so once.
    if (typeof requestAnimationFrame !== 'undefined')
      requestAnimationFrame(() => {
        if (this.isConnected && this.scaleMode !== 'width' && this.clientWidth > 0 && this.clientHeight < 1)
          this.warn('has no height: give it one (e.g. height: 100vh) or use scale-mode="width"');
      });
  }

  // ── render ──
  override render() {
    const canFullscreen = typeof document !== 'undefined' && document.fullscreenEnabled === true && typeof this.requestFullscreen === 'function';
    return renderScreen({
      t: this.t.pick(screenTerms),
      exportLabel: viewWords(this.t.lang).exportPng,
      heading: this.heading,
      headingLevel: this.headingLevelValue,
      design: normaliseDesign(this.designWidth, this.designHeight),
      layout: this.currentLayout,
      clock: this.noClock ? undefined : formatClock(this.now, this.t.lang, this.timeZone),
      dataTime: this.dataTime,
      region: this.activeRegion,
      ring: this.ring,
      idle: this.idle,
      exportButton: this.exportButton,
      fullscreen: canFullscreen ? this.fullscreen : undefined,
      clearRegion: this.clearRegion,
      download: this.download,
      toggleFullscreen: this.toggleFullscreen,
    });
  }

  // ── public methods ──
  /**
   * Resolves when the screen's current picture is on screen (stage scaled, every civic element inside drawn): at once
   * when it is, else with the next `civic-drawn`. Waits while a redraw is due (size, theme, language).
   */
  whenDrawn(): Promise<void> {
    return this.drawnCtl.whenDrawn();
  }

  /** The stage scales to the host's box: width and height changes both redraw. @internal */
  protected override drawnResize(): 'box' {
    return 'box';
  }

  /** The screen's picture includes the elements on its stage (a failing one, e.g. a map without geometry, does not hold it up). @internal */
  protected override drawnSettle(): Promise<unknown> {
    const inner = [...this.querySelectorAll<Element & { whenDrawn?: () => Promise<void> }>('*')].filter((e) => e.localName.startsWith('civic-') && typeof e.whenDrawn === 'function');
    return Promise.allSettled(inner.map((e) => e.whenDrawn!()));
  }

  /** Current scale, offsets and scaled size of the stage (read-only; updated on resize). */
  get layout(): Readonly<ScreenLayout> {
    return this.currentLayout;
  }

  /** The region shown in the chip (division code), or undefined. */
  get activeRegionCode(): string | undefined {
    return this.activeRegion?.code;
  }

  /** A client (viewport) position, e.g. from a PointerEvent, in design pixels of the stage. */
  toDesign(clientX: number, clientY: number): Point {
    const stage = this.stageEl;
    if (!stage) return { x: clientX, y: clientY };
    return clientToLocal(stage, clientX, clientY);
  }

  /** Clears the active region: resets `region` on every descendant with `linked` and the selecting element's selection. */
  clearRegion(): void {
    const prev = this.regionCtl.clear();
    // The clear button disappears with the chip: keep keyboard focus inside the screen.
    if (prev) void this.updateComplete.then(() => (this.renderRoot.querySelector('[part~="heading"]') as HTMLElement | null)?.focus());
  }

  /** Advances the tour by one step now (whether or not `tour` is running). Returns the id highlighted. */
  tourStep(): string | null | undefined {
    return this.tourCtl.step();
  }

  /**
   * A PNG of the whole wall at design size, best effort, painted in document order over the stage background and
   * the title texts: every descendant element with its own `toPNG()` from that (decoded with `createImageBitmap`, at
   * its design-size box), a civic element's synchronous `snapshot()` canvas at its `part="canvas"`; otherwise every
   * visible `<canvas>` (also inside open shadow roots) and every outermost `<svg>` (painted from its computed styles
   * by the shared CSP-safe painter, patterns and tspans included) at its place. No `blob:`/`data:` image is loaded,
   * so it works under `default-src 'self'`. Not drawn: HTML text and boxes of elements without `toPNG()` (e.g. table
   * twins, tooltips), WebGL canvases created without `preserveDrawingBuffer` (they may come out blank), and SVG
   * `<image>`/`<foreignObject>`. Elements that fail are skipped with one warning.
   */
  async snapshot(): Promise<Blob> {
    const { paintSnapshot } = await snapshotModule.load();
    const stageRect = this.stageEl?.getBoundingClientRect();
    const l = this.currentLayout;
    return paintSnapshot(this, {
      design: normaliseDesign(this.designWidth, this.designHeight),
      root: this.renderRoot,
      toDesign: (r) => (stageRect ? rectToDesign(r, stageRect, l.scaleX, l.scaleY) : undefined),
      stageBackground: this.themeCtl.token('--_stage-bg', '#0a1a2f'),
      headerBackground: this.themeCtl.token('--_header-bg', '#102a4c'),
      heading: this.headingText(),
      warn: (m) => this.warn(m),
    });
  }

  private get headingLevelValue(): number {
    const n = Math.round(Number(this.headingLevel));
    return n >= 1 && n <= 6 ? n : 1;
  }

  /** Number of pending timers (clock, tour, idle cursor); 0 after disconnect. @internal */
  get pendingTimers(): number {
    return this.timers.size;
  }

  // ── private helpers ──
  private scheduleClock(): void {
    if (!this.isConnected) return;
    this.timers.later(
      'clock',
      () => {
        this.now = new Date();
        this.scheduleClock();
      },
      msToNextSecond(Date.now()),
    );
  }

  /** True while the tour waits after an interaction. @internal */
  get tourPaused(): boolean {
    return this.tourCtl.paused;
  }

  private onInteraction = (e: Event): void => {
    if (this.idleCtl.interact(e)) this.tourCtl.pause();
  };

  /** The ring: what shows of `el` (cut by scrolling or clipping panels around it), in design pixels. */
  private designRectOf(el: Element): RectLike | undefined {
    const stage = this.stageEl;
    const seen = visibleClientRect(el, this);
    if (!stage || !seen) return undefined;
    const l = this.currentLayout;
    const r = rectToDesign(seen, stage.getBoundingClientRect(), l.scaleX, l.scaleY);
    const round = (n: number) => Math.round(n * 100) / 100;
    return { left: round(r.left), top: round(r.top), width: round(r.width), height: round(r.height) };
  }

  private download = async (): Promise<void> => {
    try {
      const blob = await this.snapshot();
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `${this.fileName || 'civic-screen'}.png`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      this.warn('snapshot failed', e);
    }
  };

  private onFullscreenChange = (): void => {
    this.fullscreen = document.fullscreenElement === this;
  };

  private toggleFullscreen = (): void => {
    const done = document.fullscreenElement === this ? document.exitFullscreen() : this.requestFullscreen();
    done.catch((e: unknown) => this.warn('full screen was refused', e));
  };

  private headingText(): string {
    const slot = this.renderRoot.querySelector('slot[name="heading"]') as HTMLSlotElement | null;
    const assigned = slot?.assignedNodes({ flatten: true }) ?? [];
    const text = assigned.map((n) => n.textContent ?? '').join('').trim();
    return text || this.heading;
  }
}
