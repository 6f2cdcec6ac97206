import { keyed } from 'lit/directives/keyed.js';
import { html, nothing, svg, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { cspStyle } from '../../core/render/csp-style.js';
import { CivicDataElement } from '../../data/civic-data-element.js';
import type { ParseContext } from '../../data/data-controller.js';
import type { DrawnReason } from '../../core/events/drawn-event.js';
import { baseHostStyles } from '../../core/theme/tokens.js';
import { renderIllustrative, stateStyles } from '../../core/render/states.js';
import { ResizeController } from '../../core/controllers/resize-controller.js';
import { NO_VALUE, type AmountParts } from '../../core/format/number.js';
import { mapFields } from '../../data/adapters/field-map.js';
import { isRecord, type Issue, type Validated } from '../../data/validate.js';
import { kpiTileTerms } from './kpi-tile.i18n.js';
import { kpiTileStyles } from './kpi-tile.styles.js';
import { deltaIcon, statusIcon } from './kpi-tile.icons.js';
import { afterFits, scheduleFit, type Fittable } from './fit-scheduler.js';
import { scheduleSliced, slicesPending } from './update-scheduler.js';
import { prefersReducedMotion } from '../common/motion.js';
import { lazyModule } from '../../core/lazy-module.js';
import type { CountUp } from './kpi-tile.count-up.js';
import {
  buildTileView,
  fitFontSize,
  formatValueParts,
  parseKpiItem,
  countUpFrame,
  parseSeriesAttr,
  parseThresholdsAttr,
  pickRegionItem,
  type ParsedKpi,
  type TileView,
} from './kpi-tile.model.js';
import type { Better, DeltaColors, DeltaFormat, Motion, Qualifier } from './kpi-tile.types.js';
import { exportButtonStyles, renderExportButton } from '../../core/export/export-button.js';
import type { PngOptions } from '../../core/export/lazy.js';
import { CivicExportEvent } from '../../core/events/export-event.js';

/** The tile's PNG export (kpi-tile.export.ts, with the shared painters), loaded with the first export (issue 16). */
const tileExport = lazyModule(() => import('./kpi-tile.export.js'));

/** Smallest font size (px) fit-to-width shrinks a value to. */
const MIN_VALUE_PX = 10;
/** The count-up (kpi-tile.count-up.ts), loaded with the first value change that animates (issue 16). */
const countUpModule = lazyModule(() => import('./kpi-tile.count-up.js'));

/** Sets an element's text by changing its one text node in place (cheaper than replacing it 30 times a second). */
function setText(el: HTMLElement, text: string): void {
  const node = el.firstChild;
  if (node && node.nodeType === 3 && !node.nextSibling) {
    if ((node as Text).data !== text) (node as Text).data = text;
  } else if (el.textContent !== text) el.textContent = text;
}

/**
 * The shape of a figure: its text with every digit the same, plus the language (the spaces around the unit). Two
 * figures of one shape take the same width in tabular figures, so one can replace the other in place.
 */
function valueShape(p: AmountParts, en: boolean): string {
  return `${en}|${p.prefix}|${p.number.replace(/\d/g, '0')}|${p.suffix}|${p.postfix}|${p.text === NO_VALUE ? '' : p.unit}`;
}

let measureCtx: CanvasRenderingContext2D | null | undefined;
/** Width of `text` in CSS px in the given CSS font, measured on a shared canvas (no layout). */
function textWidth(text: string, font: string): number {
  if (!text) return 0;
  if (measureCtx === undefined) measureCtx = document.createElement('canvas').getContext('2d');
  if (!measureCtx) return 0;
  measureCtx.font = font;
  return measureCtx.measureText(text).width;
}

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
 * @event {CivicErrorEvent} civic-error - Loading or validation failed; `detail.issues` says why (e.g. `value: expected a number, got "abc"`).
 * @event {CivicExportEvent} civic-export - The export button is about to download the PNG; cancelable; `detail: { format: 'png', blob, filename }`.
 * @event {CivicDrawnEvent} civic-drawn - A picture is complete (figure fitted to the width): once after data, resize, theme or language change; `detail.reasons` says which.
 */
export class CivicKpiTile extends CivicDataElement<ParsedKpi[]> implements Fittable {
  // ── styles ──
  static override styles = [baseHostStyles, stateStyles, kpiTileStyles, exportButtonStyles];

  // ── public API ──
  /** Name of the KPI (data's `label` wins when the data has one). */
  @property() label?: string;
  /** The figure, when given by attribute (data's `value` wins). Numeric strings are accepted; anything else shows a dash and an error. */
  @property() value?: string | number;
  /** Fixed unit: 所, 人, 个, 名, 亿元, 万元, %, … (formatted by the shared formatter; unknown units are appended as written). */
  @property() unit?: string;
  /** How the source states an approximate figure: `over` (超17万), `odd` (4万余), `plus` (1,300+), `about`, `under`. */
  @property() qualifier?: Qualifier;
  /** Maximum fraction digits of the figure (wins over the data's `precision`). */
  @property({ type: Number }) precision?: number;
  /** Value of the comparison period; the delta is computed against it. */
  @property() previous?: string | number;
  /** Target value: progress bar, status, and the delta when there is no `previous`. */
  @property() target?: string | number;
  /** Label of the delta: `同比`, `环比` (translated to YoY / MoM in English) or any short text. */
  @property({ attribute: 'delta-label' }) deltaLabel?: string;
  /** Colour convention: `red-up` (default; rises red as on Chinese boards) or `green-up`. Arrows and words always show the direction too. */
  @property({ attribute: 'delta-colors', reflect: true }) deltaColors: DeltaColors = 'red-up';
  /** What the delta shows: `percent` (default; percentage points for `%` units), `absolute` or `both`. */
  @property({ attribute: 'delta-format' }) deltaFormat?: DeltaFormat;
  /** Caption under the figure. */
  @property() caption?: string;
  /** Where the figure comes from, shown as "来源：…". */
  @property() source?: string;
  /** Reporting period, e.g. `2022-01/2022-09` (shown as 2022年1—9月 / Jan–Sep 2022). */
  @property() period?: string;
  /** Values for the sparkline, comma- or space-separated, oldest first (data's `history` wins). */
  @property() sparkline?: string;
  /** Status thresholds "warn,alert" in value units, e.g. "90,80" (below 90 warns, below 80 alerts; reversed with `better="lower"`). */
  @property() thresholds?: string;
  /** Which way is good for thresholds and target status: `higher` (default) or `lower`. */
  @property() better?: Better;
  /** Marks the figure as invented: shows the 示例数据 / "Illustrative data" badge. */
  @property({ type: Boolean }) illustrative = false;
  /** `auto` follows prefers-reduced-motion; `reduce` always shows new values at once (no count-up). */
  @property({ reflect: true }) motion: Motion = 'auto';
  /** Count-up duration in milliseconds; 0 turns the animation off. */
  @property({ type: Number }) duration = 800;
  /** Screen-reader announcement of changed values: `polite` (default) or `off` (e.g. for walls of many tiles). */
  @property() live: 'polite' | 'off' = 'polite';
  /** Path of the value in the payload, e.g. `data.total` or `data.list[].gdp` (then one item per list entry). */
  @property({ attribute: 'value-field' }) valueField?: string;
  /** Path of the label in the payload. */
  @property({ attribute: 'label-field' }) labelField?: string;
  /** Path of the unit in the payload. */
  @property({ attribute: 'unit-field' }) unitField?: string;
  /** With list data (e.g. a whole `kpis.json`), the id of the item to show. */
  @property({ attribute: 'item-id' }) itemId?: string;
  /**
   * Shows the export button (part `export-button`), which downloads the tile as a PNG. Off by default: a tile
   * is small, and a government page with a row of figures rarely wants a button on each number; a page that
   * wants one picture of many tiles exports their `<civic-kpi-grid>` (or calls `toPNG()`).
   */
  @property({ type: Boolean, reflect: true }) export = false;
  /** Base name of the exported file (sanitised; `.png` is added); default: the tag, `civic-kpi-tile`. */
  @property({ attribute: 'file-name' }) fileName?: string;
  /** Set by `highlight(id)` when the id is this tile's KPI id; styles an outline. */
  @property({ type: Boolean, reflect: true }) highlighted = false;

  // ── internal state ──
  private view?: TileView;
  private item?: ParsedKpi;
  private outside = false;
  private warned = '';
  private shownTarget: number | null | undefined = undefined;
  private fitShape = '';
  /** The fit's style reads (fonts, padding) and what they depend on: a new figure shape re-measures text only. */
  private fitStyle?: { key: string; available: number; numFont: string; unitFont: string; us0: number; baseSize: number };
  /** The running count-up (a stand-in holding the start value while its module loads). */
  private anim?: CountUp;

  // ── controllers ──
  private readonly box = new ResizeController(this, { onResize: () => scheduleFit(this) });

  // ── data ──
  protected override parse(raw: unknown, ctx?: ParseContext): Validated<ParsedKpi[]> {
    const issues: Issue[] = [];
    const mapped = mapFields(raw, { value: this.valueField, label: this.labelField, unit: this.unitField }, ctx?.envelope);
    issues.push(...mapped.issues);
    let v = mapped.value;
    if (v === undefined) return { value: undefined, issues };
    if (isRecord(v) && Array.isArray(v.items) && !('value' in v)) v = v.items;
    const list = Array.isArray(v) ? v : [v];
    const items: ParsedKpi[] = [];
    list.forEach((r, i) => {
      const it = parseKpiItem(this.withAttributes(r), Array.isArray(v) ? `[${i}]` : '', issues);
      if (it) items.push(it);
    });
    if (items.length === 0 && list.length > 0) return { value: undefined, issues };
    return { value: items, issues };
  }

  protected override parseDeps(): readonly unknown[] {
    return [this.valueField, this.labelField, this.unitField, ...this.attributeValues()];
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
    return { ...w, data: [...(w.data as unknown[]), ...this.attributeValues()] };
  }

  /** The picture is complete once the figure is fitted to the width (a batched write in the next frame). @internal */
  protected override drawnSettle(): Promise<unknown> {
    return afterFits();
  }

  // ── lifecycle ──
  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    let items = this.feed.value;
    if (items === undefined && this.feed.status === 'idle' && this.hasAttributeData()) items = this.parseAttributesOnly();
    this.view = undefined;
    this.item = undefined;
    this.outside = false;
    if (!items || items.length === 0) return;
    const lang = this.t.lang;
    const terms = this.t.pick(kpiTileTerms);
    if (this.itemId) {
      const id = this.itemId;
      items = items.filter((i) => i.id === id);
      if (items.length === 0) return;
    }
    const pick = pickRegionItem(items, this.region);
    this.outside = pick.outside;
    this.item = pick.item;
    const shown: ParsedKpi = pick.item ?? { label: this.label ?? items[0]?.label, labelEn: items[0]?.labelEn, unit: items[0]?.unit, value: null };
    this.view = buildTileView(shown, { lang, terms, deltaFormat: this.deltaFormat });
  }

  /** Updates run in time slices shared by all tiles (see update-scheduler.ts). @internal */
  protected override scheduleUpdate(): void | Promise<unknown> {
    return new Promise<void>((resolve, reject) =>
      scheduleSliced(() => {
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
    const fonts = typeof document !== 'undefined' ? document.fonts : undefined;
    if (fonts && fonts.status !== 'loaded')
      void fonts.ready.then(() => {
        this.fitShape = '';
        this.fitStyle = undefined;
        scheduleFit(this);
      });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopAnimation(true);
  }

  /** The big screen's scale changed: the unit's floor in CSS px changed with it. @internal */
  protected override screenChanged(): void {
    super.screenChanged();
    scheduleFit(this);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const r = this.renderRoot as ShadowRoot;
    this.refs = { number: r.querySelector('[part~="number"]'), suffix: r.querySelector('[part~="suffix"]') };
    const target = this.view && !this.view.invalid && this.item && typeof this.item.value === 'number' ? this.item.value : null;
    if (target !== this.shownTarget) {
      const from = this.anim ? this.anim.current : this.shownTarget;
      this.stopAnimation(false);
      this.shownTarget = target;
      if (typeof from === 'number' && target !== null && from !== target && this.duration > 0 && !this.reducedMotion()) this.startAnimation(from, target);
    }
    if (!this.anim) this.paint(this.view?.value);
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

  /** Outlines the tile when `id` is its KPI id (as `<civic-screen>`'s tour does); `null` clears. */
  override highlight(id: string | null): void {
    this.highlighted = id !== null && id === this.item?.id;
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
    await this.updateComplete;
    return m.tileToPng(this, this.view, this.t.pick(kpiTileTerms), { pixelRatio: this.pixelRatio, background: this.themeCtl.token('--_color-surface', '#ffffff') }, options);
  }

  /**
   * Draws the tile into `ctx`, in the tile's own CSS px with its top-left corner at the origin
   * (`<civic-kpi-grid>` translates to each tile's place). Needs `loadExport()` first (the painter loads on first
   * use; without it nothing is drawn). @internal
   */
  drawExport(ctx: CanvasRenderingContext2D): void {
    if (this.view && tileExport.loaded) tileExport.loaded.drawTile(ctx, this, this.view, this.t.pick(kpiTileTerms));
  }

  /** Loads the tile's export painter and the shared painters (kpi-grid awaits it before drawing its tiles). @internal */
  async loadExport(): Promise<void> {
    await tileExport.load();
  }

  // ── render ──
  override render() {
    const v = this.view;
    if (!v) return html`<div part="base">${this.feed.render({ complete: () => nothing })}</div>`;
    const t = this.t.pick(kpiTileTerms);
    const core = this.t.core;
    const p = v.value;
    const en = this.t.lang === 'en';
    const hasValue = p.text !== NO_VALUE;
    const banner = this.feed.error && !this.feed.error.partial ? this.feed.renderStatus() : nothing;
    return html`<div part="base">
        ${banner}
        <div class="head">
          <span part="label" aria-hidden="true">${v.label}</span>
          ${v.period ? html`<span part="period" aria-hidden="true">${v.period}</span>` : nothing}
          ${v.illustrative ? renderIllustrative(core) : nothing}
          ${this.export ? renderExportButton(t.exportPng, this.onExport) : nothing}
        </div>
        ${/* A figure of another shape is new content: the value line's content is re-created, not the old text
           sliding (no layout shift). A figure of the same shape (same characters but digits, same qualifier, suffix
           and unit: tabular figures, same width) is written into the same nodes: nothing moves, and a wall of 200
           tiles updating each second re-creates no nodes (issue 16). */ ''}
        <div class="value-box"><div part="value" aria-hidden="true">${keyed(
          valueShape(p, en),
          html`${p.prefix ? html`<span part="qualifier">${p.prefix}${en ? ' ' : ''}</span>` : nothing}<span class="roll" data-reserve=${p.number}><span class="frame" part="number"></span></span><span part="suffix"></span>${p.postfix ? html`<span part="qualifier">${p.postfix}</span>` : nothing}${hasValue && p.unit
            ? html`<span part="unit">${en ? ' ' : ''}${p.unit}</span>`
            : nothing}`,
        )}</div></div>
        <span class="measure" aria-hidden="true"><span class="n"></span><span class="u"></span></span>
        <span class="visually-hidden" aria-live=${this.live} aria-atomic="true">${this.outside ? `${v.label}${en ? ': ' : '：'}${t.outsideRegion}` : v.announce}</span>
        ${v.invalid ? html`<div part="status" class="tile-note" data-kind="error" aria-hidden="true">${t.invalidValue}</div>` : nothing}
        ${this.outside ? html`<div part="status" class="tile-note" data-kind="empty" aria-hidden="true">${t.outsideRegion}</div>` : nothing}
        ${v.delta || v.status
          ? html`<div class="row">
              ${v.delta
                ? html`<span part="delta delta-${v.delta.direction}" aria-hidden="true"
                    >${deltaIcon(v.delta.direction)}<span class="delta-label">${v.delta.label}</span><span>${v.delta.direction === 'flat' ? t.flat : v.delta.text}</span></span
                  >`
                : nothing}
              ${v.status
                ? html`<span part="threshold" data-level=${v.status.level} aria-hidden="true">${statusIcon(v.status.level)}<span>${v.status.text}</span></span>`
                : nothing}
            </div>`
          : nothing}
        ${v.progress
          ? html`<div
              part="progress"
              role="progressbar"
              aria-valuemin="0"
              aria-valuemax="100"
              aria-valuenow=${Math.round(v.progress.ratio * 100)}
              aria-valuetext=${v.progress.percentText}
              aria-label=${v.progress.a11y}
            >
              <span class="fill" style=${cspStyle({ width: `${(v.progress.ratio * 100).toFixed(2)}%` })}></span>
            </div>`
          : nothing}
        ${v.spark
          ? html`<svg part="sparkline" viewBox="0 0 100 30" preserveAspectRatio="none" role="img" aria-label=${v.spark.illustrative ? `${v.spark.a11y}（${t.trendIllustrative}）` : v.spark.a11y}>
              ${svg`<path d=${v.spark.path}></path>`}
            </svg>`
          : nothing}
        ${v.spark?.illustrative && !v.illustrative ? renderIllustrative(core, t.trendIllustrative) : nothing}
        ${v.caption ? html`<p part="caption">${v.caption}</p>` : nothing}
        ${v.source ? html`<p part="source">${t.sourceLabel(v.source)}</p>` : nothing}
      </div>`;
  }

  // ── private helpers ──
  /** The export button's action; never throws or rejects (a failure, the export code's load included, is a warning). */
  private onExport = (): void => {
    const warn = (m: string) => this.warn(m);
    tileExport.load().then(
      (m) => m.exportPng(this, this.fileName, warn, (d) => new CivicExportEvent(d)),
      (e: unknown) => warn(`PNG export failed: ${e instanceof Error ? e.message : String(e)}`),
    );
  };

  /** Attribute values that feed the item (data wins over them, except `precision`). */
  private attributeValues(): unknown[] {
    return [this.label, this.value, this.unit, this.qualifier, this.precision, this.previous, this.target, this.deltaLabel, this.caption, this.source, this.period, this.sparkline, this.thresholds, this.better, this.illustrative];
  }

  private attributeRecord(): Record<string, unknown> {
    const r: Record<string, unknown> = {};
    const set = (k: string, v: unknown) => {
      if (v !== undefined && v !== null) r[k] = v;
    };
    set('label', this.label);
    set('value', this.value);
    set('unit', this.unit);
    set('qualifier', this.qualifier);
    set('previous', this.previous);
    set('target', this.target);
    set('deltaLabel', this.deltaLabel);
    set('caption', this.caption);
    set('source', this.source);
    set('period', this.period);
    set('history', parseSeriesAttr(this.sparkline));
    set('thresholds', parseThresholdsAttr(this.thresholds));
    set('better', this.better);
    if (this.illustrative) r.illustrative = true;
    return r;
  }

  private withAttributes(raw: unknown): unknown {
    const base = this.attributeRecord();
    let out: unknown = raw;
    if (typeof raw === 'number') out = { ...base, value: raw };
    else if (isRecord(raw)) {
      const o: Record<string, unknown> = { ...base };
      for (const [k, v] of Object.entries(raw)) if (v !== undefined) o[k] = v;
      out = o;
    }
    if (isRecord(out) && this.precision !== undefined && Number.isFinite(this.precision)) out.precision = this.precision;
    return out;
  }

  private hasAttributeData(): boolean {
    return this.value !== undefined || this.label !== undefined;
  }

  private parseAttributesOnly(): ParsedKpi[] | undefined {
    const issues: Issue[] = [];
    const it = parseKpiItem(this.withAttributes({}), '', issues);
    const errors = issues.filter((i) => i.severity === 'error');
    const key = errors.map((i) => `${i.path}: ${i.message}`).join('; ');
    if (key && key !== this.warned) this.warn(`invalid attribute: ${key}`);
    this.warned = key;
    return it ? [it] : undefined;
  }

  private reducedMotion(): boolean {
    return this.motion === 'reduce' || prefersReducedMotion();
  }

  /** The number and suffix spans, looked up once per render (animation frames reuse them). */
  private refs: { number: HTMLElement | null; suffix: HTMLElement | null } = { number: null, suffix: null };

  private paint(p: AmountParts | undefined): void {
    const { number, suffix } = this.refs;
    if (number) setText(number, p ? p.number : '');
    if (suffix) setText(suffix, p ? p.suffix : '');
  }

  /**
   * Rolls the figure from `from` to the item's value. The first frame is painted now (a re-created value line must not
   * stay empty until the first tick); the rest once the count-up module is there. If it fails to load, the final figure
   * is painted (the next change tries again).
   */
  private startAnimation(from: number, to: number): void {
    const item = this.item!;
    const lang = this.t.lang;
    const frame = (value: number) => {
      const final = this.view?.value;
      const parts = formatValueParts(value, item, lang);
      this.paint(final ? countUpFrame(parts, final) : parts);
    };
    frame(from);
    const begin = (m: typeof import('./kpi-tile.count-up.js')) => {
      const anim: CountUp = m.startCountUp(
        {
          duration: this.duration,
          busy: slicesPending,
          paintFrame: frame,
          paintFinal: () => {
            if (this.anim !== anim) return;
            this.anim = undefined;
            this.paint(this.view?.value);
          },
        },
        from,
        to,
        item.precision,
      );
      return anim;
    };
    if (countUpModule.loaded) {
      this.anim = begin(countUpModule.loaded);
      return;
    }
    const waiting: CountUp = { current: from, stop: () => undefined };
    this.anim = waiting;
    countUpModule.load().then(
      (m) => {
        if (this.anim === waiting) this.anim = begin(m);
      },
      () => {
        if (this.anim === waiting) this.stopAnimation(true);
      },
    );
  }

  private stopAnimation(paintFinal: boolean): void {
    if (!this.anim) return;
    this.anim.stop();
    this.anim = undefined;
    if (paintFinal) this.paint(this.view?.value);
  }

  /**
   * @internal Computes the font size that fits the final value (fit-scheduler). The empty `.measure` spans only
   * carry the fonts of the figure and of the unit at the unfitted size. Measures text with a canvas
   * (fonts read from computed style) and the width from the ResizeObserver, so it never forces a layout:
   * 200 tiles updating together cost no synchronous reflow.
   */
  measureFit(): (() => void) | undefined {
    if (!this.isConnected || !this.view) return undefined;
    const root = this.renderRoot as ShadowRoot;
    const valueEl = root.querySelector<HTMLElement>('[part~="value"]');
    const base = root.querySelector<HTMLElement>('[part~="base"]');
    const numEl = root.querySelector<HTMLElement>('.measure .n');
    const unitEl = root.querySelector<HTMLElement>('.measure .u');
    if (!valueEl || !base || !numEl || !unitEl) return undefined;
    // The ResizeObserver's width costs no layout; before it has reported (first render) read it once.
    const width = this.box.size?.width ?? this.clientWidth;
    if (!(width > 0)) return undefined;
    // Tabular figures: the width depends on the text's shape, not on which digits it has. Same shape, same
    // width, same theme/density/language → the last fit still holds; skip the style reads.
    const v = this.view.value;
    // The unit and qualifier never go under the legibility floor (in CSS px: the floor ÷ the big screen's scale).
    const unitMin = this.legibleTextPx(0);
    const env = `${width}|${unitMin}|${this.getAttribute('data-density')}|${this.getAttribute('data-theme')}|${this.t.lang}`;
    const shape = `${env}|${v.prefix}|${v.number.replace(/\d/g, '0')}|${v.suffix}|${v.postfix}|${v.unit}|${v.text === NO_VALUE}`;
    if (shape === this.fitShape) return undefined;
    this.fitShape = shape;
    // The fonts and padding depend on the same things as the shape's first part, not on the figure: read once per
    // size, theme, density and language. Reading them is a forced style recalculation of every tile updated in the
    // frame so far (issue 16: about a third of a wall's update script); a figure of a new shape measures text only.
    if (this.fitStyle?.key !== env) {
      const bs = getComputedStyle(base);
      const ns = getComputedStyle(numEl);
      const us = getComputedStyle(unitEl);
      this.fitStyle = {
        key: env,
        available: width - parseFloat(bs.paddingLeft) - parseFloat(bs.paddingRight) - parseFloat(bs.borderLeftWidth) - parseFloat(bs.borderRightWidth),
        numFont: `${ns.fontStyle} ${ns.fontWeight} ${ns.fontSize} ${ns.fontFamily}`,
        unitFont: `${us.fontStyle} ${us.fontWeight} ${us.fontSize} ${us.fontFamily}`,
        us0: parseFloat(us.fontSize),
        baseSize: parseFloat(ns.fontSize),
      };
    }
    const { available, numFont, unitFont, us0, baseSize } = this.fitStyle;
    const p = this.view.value;
    const en = this.t.lang === 'en';
    const hasValue = p.text !== NO_VALUE;
    const unitText = hasValue && p.unit ? (en ? ' ' : '') + p.unit : '';
    // Widths per px of font size: the figure scales with the fit, the unit texts with it down to the floor.
    const unitW = (textWidth(p.prefix + (en && p.prefix ? ' ' : ''), unitFont) + textWidth(p.postfix, unitFont) + (unitText ? textWidth(unitText, unitFont) + 0.15 * us0 : 0)) / (us0 || 1);
    const numW = textWidth(p.number + p.suffix, numFont) / (baseSize || 1);
    const ratio = baseSize > 0 ? us0 / baseSize : 0.42;
    const widthAt = (v: number) => numW * v + unitW * Math.max(ratio * v, unitMin);
    // 4 % slack: canvas text lacks tabular figures and kerning differs slightly from the DOM.
    let fitted = widthAt(baseSize) > 0 ? fitFontSize(widthAt(baseSize) * 1.04, available, baseSize, MIN_VALUE_PX) : baseSize;
    // The floored unit does not shrink with the figure: step down until the whole line fits (or the smallest figure).
    while (fitted > MIN_VALUE_PX && widthAt(fitted) * 1.04 > available) fitted = Math.max(MIN_VALUE_PX, fitted - 0.5);
    const next = fitted < baseSize ? `${fitted}px` : '';
    const min = `${unitMin}px`;
    // On the stable base (inherited by the value line), so a re-created value line keeps its fit.
    if (base.style.getPropertyValue('--_fit') === next && base.style.getPropertyValue('--_unit-min') === min) return undefined;
    return () => {
      if (next) base.style.setProperty('--_fit', next);
      else base.style.removeProperty('--_fit');
      base.style.setProperty('--_unit-min', min);
    };
  }

  /** Keeps the resize controller referenced. @internal */
  protected get observedSize() {
    return this.box.size;
  }
}
