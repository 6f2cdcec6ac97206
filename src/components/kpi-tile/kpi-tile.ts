import { html, noChange, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { CivicDataElement } from '../../data/civic-data-element.js';
import type { ParseContext } from '../../data/data-controller.js';
import type { DrawnReason } from '../../core/events/drawn-event.js';
import { baseHostStyles } from '../../core/theme/tokens.js';
import { renderIllustrative, stateStyles } from '../../core/render/states.js';
import { issue, type Validated } from '../../data/validate.js';
import { parseTilePayload } from './kpi-tile.fields.js';
import { kpiTileTerms } from './kpi-tile.i18n.js';
import { kpiTileStyles } from './kpi-tile.styles.js';
import { renderDetails, renderValueLine, tileDetails, type LineState } from './kpi-tile.view.js';
import { afterFits, scheduleFit, type Fittable } from './fit-scheduler.js';
import { TileFit } from './kpi-tile.fit.js';
import { prefersReducedMotion } from '../common/motion.js';
import { lazyModule } from '../../core/lazy-module.js';
import { TileFigure, scheduleTileUpdate } from './kpi-tile.figure.js';
import { TileModeler } from './kpi-tile.modeler.js';
import type { ParsedKpi } from './kpi-tile.parse.js';
import { attributeItem, attributeValues } from './kpi-tile.attributes.js';
import type { Better, DeltaColors, DeltaFormat, Motion, Qualifier } from './kpi-tile.types.js';
import { exportButtonStyles, exportWith, renderExportButton } from '../../core/export/export-button.js';
import type { PngOptions } from '../../core/export/lazy.js';

/** The tile's PNG export (kpi-tile.export.ts, with the shared painters), loaded with the first export (issue 16). */
const tileExport = lazyModule(() => import('./kpi-tile.export.js'));

/**
 * @summary One key figure — value, unit, label — with optional delta (同比/环比), target progress, status,
 * sparkline and count-up animation. Long values shrink to fit, from a 160 px tile to a 4K wall.
 *
 * Data: one item (`{ label, value, unit, qualifier, previous, target, deltaLabel, history, … }`), a number, or a
 * list of items (or a whole `{ items }` payload): then `item-id` picks one by id and the inherited `region`
 * attribute picks the item of that division (exact code, else the first inside it; a dash when none is).
 * Attributes fill in what the data lacks. The number itself is aria-hidden while it animates; a polite live
 * region carries the final value (`label：value，delta，status`).
 * @tag civic-kpi-tile
 * @status experimental
 * @since 0.1.0
 * @slot - Optional `<script type="application/json">` holding the KPI (an item object, a number, or a list to pick from by `region`).
 * @csspart base - The tile box.
 * @csspart label - The KPI's name.
 * @csspart value - The big figure line (qualifier, number, suffix, unit).
 * @csspart number - Digits of the figure (animated on change).
 * @csspart suffix - Scale word from the formatter: 万, 亿, K, M, B.
 * @csspart qualifier - 超 / 余 / + / over … as the source states the figure.
 * @csspart unit - Unit after the figure: 所, 人, 亿元 (元 after 亿), people.
 * @csspart delta - Change against the previous value or the target: arrow, signed figure, 同比/环比 label. Also `delta-up`, `delta-down` or `delta-flat`.
 * @csspart threshold - Status from thresholds or the target, with an icon and a word.
 * @csspart progress - Progress-to-target bar (role progressbar).
 * @csspart sparkline - Trend line (SVG).
 * @csspart caption - Caption text.
 * @csspart source - Source line.
 * @csspart period - Reporting period (2022年1—9月 / Jan–Sep 2022).
 * @csspart illustrative - 示例数据 / "Illustrative data" badge.
 * @csspart status - Data states: loading, empty, error, stale banner, and the per-tile "invalid value" note.
 * @csspart export-button - The 导出图片 / "Export PNG" button (only with the `export` attribute).
 * @cssproperty [--civic-kpi-tile-value-font-size=var(--civic-font-size-xxl)] - Size of the figure before fit-to-width shrinks it.
 * @cssproperty [--civic-kpi-tile-unit-font-size=0.42em] - Size of unit and qualifier relative to the figure.
 * @cssproperty [--civic-kpi-tile-value-color=var(--civic-color-text)] - Colour of the figure.
 * @cssproperty [--civic-kpi-tile-label-color=var(--civic-color-text-muted)] - Colour of the label.
 * @cssproperty [--civic-kpi-tile-background=var(--civic-color-surface-raised)] - Tile background.
 * @cssproperty [--civic-kpi-tile-border-color=var(--civic-color-border)] - Tile border.
 * @cssproperty [--civic-kpi-tile-padding=var(--civic-space-m)] - Inner padding.
 * @cssproperty [--civic-kpi-tile-rise-color] - Colour of rises (red with `delta-colors="red-up"`, green with `green-up`).
 * @cssproperty [--civic-kpi-tile-fall-color] - Colour of falls.
 * @cssproperty [--civic-kpi-tile-progress-color=var(--civic-color-accent)] - Progress bar fill.
 * @cssproperty [--civic-kpi-tile-progress-height=6px] - Progress bar height.
 * @cssproperty [--civic-kpi-tile-sparkline-color=var(--civic-color-accent)] - Sparkline stroke.
 * @cssproperty [--civic-kpi-tile-sparkline-height=32px] - Sparkline height.
 * @event {CivicLoadEvent} civic-load - Data arrived and passed validation (not fired for attribute-only tiles).
 * @event {CivicErrorEvent} civic-error - Loading or validation failed; `detail.issues` says why (e.g. `value: expected a number, got "abc"`). Also when the code of the status, progress, sparkline and period cannot load (offline): `kind: 'network'`, `partial: true` (the figure is drawn).
 * @event {CivicExportEvent} civic-export - The export button is about to download the PNG; cancelable; `detail: { format: 'png', blob, filename }`.
 * @event {CivicDrawnEvent} civic-drawn - A picture is complete (figure fitted to the width): once after data, resize, theme or language change; `detail.reasons` says which.
 */
export class CivicKpiTile extends CivicDataElement<ParsedKpi[]> implements Fittable {
  // ── styles ──
  static override styles = [baseHostStyles, stateStyles, kpiTileStyles, exportButtonStyles];
  /**
   * The reactive properties, in one table rather than as property decorators (issue 16: the compiled decorator calls
   * cost ~0.6 KB gz on a page with one KPI tile); each field below keeps its type and its documentation.
   */
  static override properties: PropertyDeclarations = {
    label: {}, value: {}, unit: {}, qualifier: {}, precision: { type: Number }, previous: {}, target: {},
    deltaLabel: { attribute: 'delta-label' }, deltaColors: { attribute: 'delta-colors', reflect: true }, deltaFormat: { attribute: 'delta-format' },
    caption: {}, source: {}, period: {}, sparkline: {}, thresholds: {}, better: {}, illustrative: { type: Boolean },
    motion: { reflect: true }, duration: { type: Number }, live: {},
    valueField: { attribute: 'value-field' }, labelField: { attribute: 'label-field' }, unitField: { attribute: 'unit-field' }, itemId: { attribute: 'item-id' },
    export: { type: Boolean, reflect: true }, fileName: { attribute: 'file-name' }, highlighted: { type: Boolean, reflect: true },
  };

  // ── public API ──
  /** Name of the KPI (data's `label` wins when the data has one). */
  label?: string;
  /** The figure, when given by attribute (data's `value` wins). Numeric strings are accepted; anything else shows a dash and an error. */
  value?: string | number;
  /** Fixed unit: 所, 人, 个, 名, 亿元, 万元, %, … (formatted by the shared formatter; unknown units are appended as written). */
  unit?: string;
  /** How the source states an approximate figure: `over` (超17万), `odd` (4万余), `plus` (1,300+), `about`, `under`. */
  qualifier?: Qualifier;
  /** Maximum fraction digits of the figure (wins over the data's `precision`). */
  precision?: number;
  /** Value of the comparison period; the delta is computed against it. */
  previous?: string | number;
  /** Target value: progress bar, status, and the delta when there is no `previous`. */
  target?: string | number;
  /** Label of the delta: `同比`, `环比` (translated to YoY / MoM in English) or any short text. */
  deltaLabel?: string;
  /** Colour convention: `red-up` (default; rises red as on Chinese boards) or `green-up`. Arrows and words always show the direction too. */
  deltaColors: DeltaColors = 'red-up';
  /** What the delta shows: `percent` (default; percentage points for `%` units), `absolute` or `both`. */
  deltaFormat?: DeltaFormat;
  /** Caption under the figure. */
  caption?: string;
  /** Where the figure comes from, shown as "来源：…". */
  source?: string;
  /** Reporting period, e.g. `2022-01/2022-09` (shown as 2022年1—9月 / Jan–Sep 2022). */
  period?: string;
  /** Values for the sparkline, comma- or space-separated, oldest first (data's `history` wins). */
  sparkline?: string;
  /** Status thresholds "warn,alert" in value units, e.g. "90,80" (below 90 warns, below 80 alerts; reversed with `better="lower"`). */
  thresholds?: string;
  /** Which way is good for thresholds and target status: `higher` (default) or `lower`. */
  better?: Better;
  /** Marks the figure as invented: shows the 示例数据 / "Illustrative data" badge. */
  illustrative = false;
  /** `auto` follows prefers-reduced-motion; `reduce` always shows new values at once (no count-up). */
  motion: Motion = 'auto';
  /** Count-up duration in milliseconds; 0 turns the animation off. */
  duration = 800;
  /** Screen-reader announcement of changed values: `polite` (default) or `off` (e.g. for walls of many tiles). */
  live: 'polite' | 'off' = 'polite';
  /** Path of the value in the payload, e.g. `data.total` or `data.list[].gdp` (then one item per list entry). */
  valueField?: string;
  /** Path of the label in the payload. */
  labelField?: string;
  /** Path of the unit in the payload. */
  unitField?: string;
  /** With list data (e.g. a whole `kpis.json`), the id of the item to show. */
  itemId?: string;
  /**
   * Shows the export button (part `export-button`), which downloads the tile as a PNG. Off by default: a tile
   * is small, and a government page with a row of figures rarely wants a button on each number; a page that
   * wants one picture of many tiles exports their `<civic-kpi-grid>` (or calls `toPNG()`).
   */
  export = false;
  /** Base name of the exported file (sanitised; `.png` is added); default: the tag, `civic-kpi-tile`. */
  fileName?: string;
  /** Set by `highlight(id)` when the id is this tile's KPI id; styles an outline. */
  highlighted = false;

  // ── internal state ──
  /**
   * The item shown and its view (waits for the details chunk when the item needs it). If that chunk cannot load,
   * part of the picture is missing while the data is drawn: a partial problem, not a failed load.
   */
  private readonly m = new TileModeler(this, (message, url) =>
    this.feed.partFailed(this.feed.value === undefined ? 'attribute' : this.feed.source, message, [issue('$', 'network', message)], url),
  );
  /** Set by `<civic-kpi-grid>`, which reports its tiles' missing parts once, in its own banner. @internal */
  partsReported?: boolean;
  private warned?: string;
  private shownTarget?: number | null;
  private readonly fit = new TileFit();
  private readonly line: LineState = { shape: '', second: false };
  /** The sentence the live region holds (label, value, delta, status), as last rendered. */
  private said!: string;
  /** The figure painted between renders: the final one, or a count-up's frames. */
  private readonly roll = new TileFigure(() => this.m.view?.value);

  // ── data ──
  protected override parse(raw: unknown, ctx?: ParseContext): Validated<ParsedKpi[]> {
    return parseTilePayload(raw, this, ctx?.envelope);
  }

  protected override parseDeps(): readonly unknown[] {
    return [this.valueField, this.labelField, this.unitField, this.itemId, ...attributeValues(this)];
  }

  protected override count(v: ParsedKpi[]): number {
    return v.length;
  }

  protected override isEmpty(v: ParsedKpi[]): boolean {
    return v.length === 0;
  }

  /** Every item invalid (a dash only): nothing valid to draw. @internal */
  protected override nothingValid(v: ParsedKpi[]): boolean {
    return v.every((i) => i.invalid);
  }

  /** Attribute-only tiles draw without the data controller: their attributes are data too. @internal */
  protected override drawnWatch(): Partial<Record<DrawnReason, unknown>> {
    const w = super.drawnWatch();
    return { ...w, data: [...(w.data as unknown[]), ...attributeValues(this)] };
  }

  /** No picture while the chunk that draws the item's details loads. @internal */
  protected override drawnReady(): boolean {
    return super.drawnReady() && !this.m.waiting;
  }

  /** The picture is complete once the figure is fitted to the width (a batched write in the next frame). @internal */
  protected override drawnSettle(): Promise<unknown> {
    return afterFits();
  }

  // ── lifecycle ──
  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    let items = this.feed.value;
    // A removed attribute is null: with neither `value` nor `label` the tile is as one created without them.
    if (items === undefined && this.feed.status === 'idle' && (this.value != null || this.label != null)) items = this.parseAttributesOnly();
    this.m.build(items, this.feed.value, { itemId: this.itemId, region: this.region, label: this.label, lang: this.t.lang, terms: this.t.pick(kpiTileTerms), deltaFormat: this.deltaFormat });
  }

  /**
   * An item with a status, progress, sparkline or period is drawn once the details chunk has loaded (or failed to):
   * `updateComplete` waits for that drawing too, so code that awaits it finds the whole tile, as before the split.
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    while (this.m.waiting) {
      await tileDetails.load().catch(() => undefined);
      done = await super.getUpdateComplete();
    }
    return done;
  }

  /** Updates run in the next frame, on walls in time slices shared by all tiles (kpi-tile.figure.ts). @internal */
  protected override scheduleUpdate(): void | Promise<unknown> {
    return new Promise<void>((resolve, reject) =>
      scheduleTileUpdate(() => {
        // An error reaches updateComplete, as with Lit's own scheduling, and never stops the other tiles.
        try {
          super.scheduleUpdate();
          resolve();
        } catch (e) {
          reject(e);
        }
      }),
    );
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A web font that arrives after the first fit changes the text width: fit again then.
    const fonts = document.fonts;
    if (fonts && fonts.status !== 'loaded')
      void fonts.ready.then(() => {
        this.fit.reset();
        scheduleFit(this);
      });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.roll.stop(true);
  }

  /** The big screen's scale changed: the unit's floor in CSS px changed with it. @internal */
  protected override screenChanged(): void {
    super.screenChanged();
    scheduleFit(this);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.m.waiting) return;
    const r = this.renderRoot as ShadowRoot;
    this.roll.bind(r, this.said, this.live);
    const target = this.m.view && !this.m.view.invalid && this.m.item && typeof this.m.item.value === 'number' ? this.m.item.value : null;
    if (target !== this.shownTarget) {
      const from = this.roll.current ?? this.shownTarget;
      this.roll.stop(false);
      this.shownTarget = target;
      if (typeof from === 'number' && target !== null && from !== target && this.duration > 0 && !(this.motion === 'reduce' || prefersReducedMotion())) this.roll.start(from, target, this.m.item!, this.t.lang, this.duration);
    }
    if (!this.roll.running) this.roll.paint(this.m.view?.value);
    scheduleFit(this);
  }

  // ── public methods ──
  /**
   * Resolves when the tile's current picture is on screen (figure fitted): at once when it is, else with the next
   * `civic-drawn`. Never before a first picture; waits while a redraw is due (data, size, theme, language).
   */
  whenDrawn(): Promise<void> {
    return this.drawnCtl.whenDrawn();
  }

  /**
   * Loads the data again (`src`, inline or `data`); also tries again to load the details code after it failed (its
   * banner goes meanwhile; the next update loads it, or reports it again).
   */
  override reload(): Promise<void> {
    this.m.retry();
    const e = this.feed.error;
    if (e?.partial && e.kind === 'network') this.feed.error = undefined;
    this.requestUpdate();
    return super.reload();
  }

  /** Outlines the tile when `id` is its KPI id (as `<civic-screen>`'s tour does); `null` clears. */
  override highlight(id: string | null): void {
    this.highlighted = id !== null && id === this.m.item?.id;
  }

  /**
   * The tile as a PNG image, drawn on a canvas from the tile's model (label, final value — not a count-up
   * frame —, unit, delta, status, progress, sparkline, caption, source, 示例数据 marker) at the tile's current
   * size, with its theme colours and fonts. The export button is not drawn. Rejects when there is nothing to
   * draw (no data yet, or the tile is not laid out).
   * @param options `pixelRatio` (default: the screen's, at least 2) and `background` (CSS colour behind the
   * rounded corners; default the page surface colour).
   */
  async toPNG(options: PngOptions = {}): Promise<Blob> {
    const m = await tileExport.load();
    if (this.isConnected) await this.updateComplete; // never in the page: tileToPng says so
    return m.tileToPng(this, this.m.view, this.t.pick(kpiTileTerms), { pixelRatio: this.pixelRatio, background: this.themeCtl.token('--_color-surface', '#ffffff') }, options);
  }

  /**
   * Draws the tile into `ctx`, in the tile's own CSS px with its top-left corner at the origin
   * (`<civic-kpi-grid>` translates to each tile's place). Needs `loadExport()` first (the painter loads on first
   * use; without it nothing is drawn). @internal
   */
  drawExport(ctx: CanvasRenderingContext2D): void {
    if (this.m.view && tileExport.loaded) tileExport.loaded.drawTile(ctx, this, this.m.view, this.t.pick(kpiTileTerms));
  }

  /** Loads the tile's export painter and the shared painters (kpi-grid awaits it before drawing its tiles). @internal */
  async loadExport(): Promise<void> {
    await tileExport.load();
  }

  // ── render ──
  override render() {
    if (this.m.waiting) return noChange;
    const v = this.m.view;
    if (!v) return html`<div part="base">${this.feed.render({ complete: () => nothing })}</div>`;
    if (v.status || v.progress || v.spark || v.period) tileDetails.loaded?.adoptDetailStyles(this.renderRoot);
    const t = this.t.pick(kpiTileTerms);
    const core = this.t.core;
    const p = v.value;
    const en = this.t.lang === 'en';
    // Invalid values are noted in place (part status): a partial banner only for a missing part, unless a grid shows it.
    const e = this.feed.error;
    // The accessible text: written by updated() (kpi-tile.figure.ts), on a wall after the update slices.
    this.said = this.m.outside ? `${v.label}${en ? ': ' : '：'}${t.outsideRegion}` : v.announce;
    const banner = e && (!e.partial || (e.kind !== 'validation' && !this.partsReported)) ? this.feed.renderStatus() : nothing;
    // No whitespace between the parts (issue 16: the tile's first load): the base and the head are flex boxes.
    return html`<div part="base">${banner}<div class="head"><span part="label" aria-hidden="true">${v.label}</span>${v.period ? html`<span part="period" aria-hidden="true">${v.period}</span>` : nothing}${
      v.illustrative ? renderIllustrative(core) : nothing
    }${this.export ? renderExportButton(t.exportPng, this.onExport) : nothing}</div><div class="value-box"><div part="value" aria-hidden="true" title=${p.text}>${renderValueLine(p, en, this.line)}</div></div><span class="measure" aria-hidden="true"><span class="n"></span><span class="u"></span></span><span class="visually-hidden" aria-live=${this.live} aria-atomic="true"></span>${renderDetails(v, t, core, this.m.outside)}</div>`;
  }

  // ── private helpers ──
  /** The export button's action; never throws or rejects (a failure, the export code's load included, is a warning). */
  private onExport = (): void => exportWith(tileExport, this, this.fileName, (m) => this.warn(m));

  private parseAttributesOnly(): ParsedKpi[] | undefined {
    // Attributes are the tile's data: it has its picture without any other source (CivicDataElement.drawnReady).
    this.feed.started = true;
    const { items, invalid } = attributeItem(this);
    if (invalid && invalid !== this.warned) this.warn(`invalid attribute: ${invalid}`);
    this.warned = invalid;
    return items;
  }

  /** The host's width was first seen or changed (DrawnController): fit the figure to it. @internal */
  drawnSized(): void {
    scheduleFit(this);
  }

  /**
   * @internal Computes the font size that fits the final value (fit-scheduler, kpi-tile.fit.ts): measured on a canvas
   * with the width from the ResizeObserver (the DrawnController's, shared by every element), so it never forces a layout.
   */
  measureFit(): (() => void) | undefined {
    if (!this.isConnected || !this.m.view) return undefined;
    return this.fit.measure(this.renderRoot as ShadowRoot, {
      value: this.m.view.value,
      width: () => this.drawnCtl.width ?? this.clientWidth,
      unitMin: this.legibleTextPx(0),
      env: `${this.getAttribute('data-density')}|${this.getAttribute('data-theme')}|${this.t.lang}`,
      en: this.t.lang === 'en',
    });
  }
}
