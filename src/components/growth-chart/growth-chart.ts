import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { CivicDataElement } from '../../data/civic-data-element.js';
import type { ParseContext } from '../../data/data-controller.js';
import type { Validated } from '../../data/validate.js';
import { hostStyles } from '../../core/theme/tokens.js';
import { stateStyles } from '../../core/render/states.js';
import { ChartBox, mayGrowWithContent } from './growth-chart.box.js';
import { growthChartTerms, type GrowthChartTerms } from './growth-chart.i18n.js';
import { PayloadReader } from './growth-chart.payload.js';
import { issue } from '../../core/issues/issue.js';
import type { GrowthModel } from './model/types.js';
import { GrowthModeler } from './growth-chart.modeler.js';
import { growthKind } from './growth-chart.kinds.js';
import { LaterParts } from './growth-chart.later.js';
import { CivicSeriesToggleEvent } from './growth-chart.events.js';
import { styles } from './growth-chart.styles.js';
import type { PngOptions } from '../../core/export/png.js';
import type { GrowthData, GrowthKind, GrowthMeasure, GrowthSort } from './growth-chart.types.js';
import { PlotPicture } from './growth-chart.picture.js';
import { renderBadges, renderFooter, renderPlot, viewWords } from './growth-chart.view.js';
import { ActivePeriod } from './growth-chart.active.js';

let uid = 0;

/**
 * @summary Values with year-on-year growth in the Chinese statistical convention: value bars with a growth line on a
 * second axis, growth of several indicators side by side, or lines over time.
 * @tag civic-growth-chart
 * @status experimental
 * @since 0.1.0
 *
 * @slot - Optional `<script type="application/json">` holding the series.
 * @slot caption - Title shown above the plot.
 *
 * @csspart base - Figure wrapper.
 * @csspart header - Caption, badges and toolbar row.
 * @csspart rank - Rank badge (主城都市区第3位).
 * @csspart illustrative - The 示例数据 / Illustrative data marker.
 * @csspart toolbar - Export menu (PNG, SVG, CSV).
 * @csspart plot-area - The focusable plot box (one tab stop; arrows move between periods or indicators).
 * @csspart plot - The SVG.
 * @csspart tooltip - Tooltip text for the period (or indicator) under the pointer or keyboard focus.
 * @csspart legend - Series legend; each entry is a toggle button.
 * @csspart notes - Axis basis note and footnotes.
 * @csspart table - The data table twin with the exact numbers.
 * @csspart table-details - The disclosure (显示数据表 / Show data table) holding the table; a wall may hide it (the plot keeps its summary as its accessible name).
 * @csspart status - Loading, empty, error and stale states (shared with every element).
 *
 * @cssproperty [--civic-growth-chart-height=256px] - Plot height.
 * @cssproperty [--civic-growth-chart-line-color=var(--civic-color-text)] - Growth line of the first series in `value-growth`.
 * @cssproperty [--civic-growth-chart-negative-color=var(--civic-color-positive)] - Bars below zero in `compare`.
 * @cssproperty [--civic-growth-chart-reference-color=var(--civic-color-focus)] - Reference line.
 * @cssproperty [--civic-growth-chart-grid-color=var(--civic-color-no-data)] - Grid lines.
 * @cssproperty [--civic-growth-chart-axis-color=var(--civic-color-border)] - Zero line.
 * @cssproperty [--civic-growth-chart-label-font-size=var(--civic-font-size-xs)] - Axis labels.
 *
 * @event {CivicLoadEvent} civic-load - Data arrived and passed validation.
 * @event {CivicErrorEvent} civic-error - Loading or validation failed; `detail.issues` lists every problem with its path.
 * @event {CivicSelectEvent} civic-select - A period (or, in `compare`, an indicator) was chosen by click or Enter; `detail.id` is the period key or series id.
 * @event {CivicHoverEvent} civic-hover - The period under the pointer or keyboard focus changed; `detail.id` null when it left.
 * @event {CivicSeriesToggleEvent} civic-series-toggle - A legend entry was switched; `detail: { id, visible, hidden }`.
 * @event {CivicExportEvent} civic-export - The toolbar is about to download a file; cancelable; `detail: { format, blob, filename }`.
 * @event {CivicDrawnEvent} civic-drawn - A picture is complete (bars and lines drawn): once after data, resize, theme or language change; `detail.reasons` says which.
 */
export class CivicGrowthChart extends CivicDataElement<GrowthData> {
  // ── styles ──
  static override styles = [hostStyles, stateStyles, styles];
  /**
   * The reactive properties, in one table rather than as property decorators (issue 16: esbuild's decorator helper
   * and calls cost every page that loads the chart); each field below keeps its type and its documentation. Internal
   * state is `attribute: false` (what `@state()` sets; the manifest analyzer would list `state: true` as attributes).
   */
  static override properties: PropertyDeclarations = {
    kind: { reflect: true, converter: { fromAttribute: growthKind } }, series: {}, selected: { reflect: true }, reference: { type: Number },
    referenceLabel: { attribute: 'reference-label' }, sort: {}, measure: {}, basis: {},
    showTable: { type: Boolean, attribute: 'show-table' }, seriesField: { attribute: 'series-field' },
    periodField: { attribute: 'period-field' }, valueField: { attribute: 'value-field' },
    growthField: { attribute: 'growth-field' }, regionField: { attribute: 'region-field' },
    hiddenIds: { attribute: false }, tableOpen: { attribute: false },
  };

  // ── public API ──
  /** Chart kind: `value-growth` (value bars + growth line on a right axis), `compare` (growth of each indicator), `trend` (lines over periods). */
  kind: GrowthKind = 'value-growth';

  /** Series ids to show, in order, separated by spaces or commas (`gdp industry`); empty shows all. */
  series?: string;

  /** Selected period key (`2022-01/2022-09`); in `compare`, the period compared (default: the latest). */
  selected?: string;

  /** Reference line in percent for `compare` (a target or the city average). */
  reference?: number;

  /** Label of the reference line (default 参考线 / Reference). */
  referenceLabel?: string;

  /** Order of indicators in `compare`: `none` (as given), `desc`, `asc`. */
  sort: GrowthSort = 'none';

  /** What `trend` plots: `growth` (default) or `value`. */
  measure: GrowthMeasure = 'growth';

  /** `published` values as given, or `single`: single-period values derived from cumulative ones (Q3 = 1—9月 − 1—6月). */
  basis: 'published' | 'single' = 'published';

  /** Open the data table twin (part `table`) with the exact numbers; otherwise it is one click or Enter away (显示数据表). */
  showTable = false;

  /**
   * Long-format data (one row per series × period, e.g. `province, code, period, value, growth` from a CSV): the
   * column (or path such as `data.list[].province`) naming each row's series. Setting it (or `period-field`) pivots
   * the rows into series; rows with `series` and `period` columns are pivoted without it.
   */
  seriesField?: string;

  /** Long-format data: the column or path of each row's period (default `period`). */
  periodField?: string;

  /** Long-format data: the column or path of each row's value (default `value`). */
  valueField?: string;

  /** Long-format data: the column or path of each row's year-on-year growth in % (default `growth`). */
  growthField?: string;

  /** Long-format data: the column or path of each series' division code, for `region` and linked views (default `region`). */
  regionField?: string;

  // ── internal state ──
  private hiddenIds: string[] = [];
  private areaEl?: HTMLElement;
  /** The plot box: in the template from the first render on, so searched for once, not at each read. */
  private get plotArea(): HTMLElement | undefined {
    return (this.areaEl ??= this.renderRoot?.querySelector<HTMLElement>('[part~="plot-area"]') ?? undefined);
  }
  /** The model for the current inputs (growth-chart.modeler.ts). */
  private readonly modeler = new GrowthModeler(this, (message) => this.feed.fail('network', this.feed.source, message, [issue('$', 'network', message)]));
  private get model(): GrowthModel | undefined {
    return this.modeler.model;
  }
  private tableOpen = false;
  /** The toolbar menu, the data table twin and the tooltip: rendered one task after the first picture (growth-chart.later.ts). */
  private readonly later = new LaterParts(this, (m) => this.warn(m));
  /** The plot's size, font size and drawing (growth-chart.picture.ts). */
  private readonly picture = new PlotPicture(this);
  /** The highlighted period: tooltip, crosshair, civic-hover and civic-select (growth-chart.active.ts). */
  private readonly active = new ActivePeriod(this, () => this.region ?? this.feed.value?.region ?? null);
  /** Reads payloads, long-format ones once their reader has loaded (growth-chart.payload.ts). */
  private readonly reader = new PayloadReader(() => ({ series: this.seriesField, period: this.periodField, value: this.valueField, growth: this.growthField, region: this.regionField }));
  private readonly uidPrefix = `gc${++uid}`;

  // ── controllers ──
  private readonly box = new ChartBox(this, {
    onResize: () => void (this.plotArea && this.picture.readFontSize(this.plotArea)), // density or type scale may change with the size
    deferShown: () => !this.model && this.feed.value !== undefined && mayGrowWithContent(this), // the first picture adds the legend
  });

  // ── data ──
  /** @internal */
  protected override parse(raw: unknown, ctx: ParseContext): Validated<GrowthData> {
    return this.reader.parse(raw, ctx);
  }

  /** @internal A long-format payload (the first one) waits for its reader to load. */
  protected override parseLater(raw: unknown, ctx: ParseContext): Promise<Validated<GrowthData>> | undefined {
    return this.reader.parseLater(raw, ctx);
  }

  /** @internal */
  protected override parseDeps(): readonly unknown[] {
    return [this.seriesField, this.periodField, this.valueField, this.growthField, this.regionField];
  }

  /** @internal */
  protected override count(v: GrowthData): number {
    return v.series.length;
  }

  /** @internal */
  protected override isEmpty(v: GrowthData): boolean {
    return v.series.every((s) => s.points.length === 0);
  }

  /** @internal The picture: the plot's marks drawn (an unmeasured plot is none), or the state when nothing is to draw (error, empty, no series, a source removed: CivicDataElement's drawnReady is false for one never given). */
  protected override drawnReady(): boolean {
    const nothingToDraw = this.dataStatus === 'error' || this.dataStatus === 'idle' || this.model?.empty === true || (this.feed.value !== undefined && this.isEmpty(this.feed.value));
    return super.drawnReady() && !this.modeler.pending && (!this.plotArea || this.picture.drawn || nothingToDraw);
  }

  /** @internal A first redraw waits for the d3 joins to load and draw. */
  protected override drawnSettle(): Promise<unknown> | void {
    return this.picture.painter.pending ?? super.drawnSettle();
  }

  /** @internal The first animated redraw's marks (drawn once the d3 joins have loaded) belong to its update. */
  protected override getUpdateComplete(): Promise<boolean> {
    // Nothing loading and no update due: Lit's own promise as it is (no async hops; whenDrawn() and the drawn
    // controller read `updateComplete` after each picture).
    if (!this.isUpdatePending && !this.modeler.pending && !this.reader.pending && !this.picture.painter.pending) return super.getUpdateComplete();
    return this.loadsComplete();
  }

  private async loadsComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    // A chart whose kind's builder was loading: its picture is drawn by the update that follows the load.
    while (this.modeler.pending || this.reader.pending) {
      await (this.modeler.pending ?? this.reader.pending);
      done = await super.getUpdateComplete();
    }
    if (this.picture.painter.pending) await this.picture.painter.pending;
    return done;
  }

  /** @internal Nothing to draw: no point of any series has a value or a rate (every one a gap). */
  protected override nothingValid(v: GrowthData): boolean {
    return v.series.every((s) => s.points.every((p) => p.value === null && p.growth === null));
  }

  // ── lifecycle ──
  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('kind')) this.kind = growthKind(this.kind); // a property too (React 19, Vue): growth-chart.kinds.ts
    super.willUpdate(changed); // CivicElement's willUpdate resolves the language first (the model uses it)
    this.buildModel(this.feed.value ? this.box.size ?? (this.box.unsized ? undefined : this.picture.measure(this.plotArea)) : undefined);
  }

  /** The model for the current inputs and plot size (growth-chart.modeler.ts); none without data or size. */
  private buildModel(size: { width: number; height: number } | undefined): void {
    const built = this.modeler.build(this.feed.value, size, this, this.t.lang, this.picture.fontSize, this.hiddenIds);
    if (built && this.model) this.active.modelChanged(this.model);
  }

  /**
   * One update to the first picture: when data is there but the plot box did not exist before this render (the
   * element's first render), the box is measured right after it is committed and the plot rendered in the same update.
   */
  protected override update(changed: PropertyValues): void {
    super.update(changed);
    if (!this.model && this.feed.value && !this.box.size && !this.box.unsized) {
      const size = this.picture.measure(this.plotArea);
      if (size) {
        this.buildModel(size);
        if (this.model) super.update(changed);
      }
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.modeler.model = undefined;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const area = this.plotArea;
    if (area) this.box.observe(area);
    const newModel = this.picture.update(this.model);
    this.reader.updated(this.feed.parsing);
    this.later.updated(this.model, newModel);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.later.disconnected();
  }

  protected override themeChanged(): void {
    if (this.plotArea) this.picture.readFontSize(this.plotArea);
    this.requestUpdate();
  }

  // ── render ──
  override render(): unknown {
    const T = this.t.pick(growthChartTerms);
    return html`<figure part="base">
      <div part="header">
        <slot name="caption"></slot>
        ${renderBadges(this.model, this.t.core)}
        <span class="spacer"></span>
        ${this.model && !this.model.empty && this.later.module ? this.later.module.renderToolbar(T.exportMenu, viewWords(this.t.lang), (f) => void this.download(f)) : nothing}
      </div>
      ${this.feed.value !== undefined ? this.feed.renderStatus() : nothing}
      <div
        part="plot-area"
        tabindex=${this.model && !this.model.empty ? '0' : '-1'}
        role="group"
        aria-roledescription=${T.chart}
        aria-label=${this.plotLabel(T)}
        aria-describedby="${this.uidPrefix}-hint"
        @keydown=${this.active.listeners.key}
        @pointermove=${this.active.listeners.pointer}
        @pointerleave=${this.active.listeners.leave}
        @click=${this.active.listeners.click}
        @focus=${this.active.listeners.focus}
        @blur=${this.active.listeners.blur}
      >
        ${this.feed.value !== undefined && !this.isEmpty(this.feed.value) ? renderPlot(this.model, this.active.index, this.t.core.empty) : this.feed.render({ complete: () => renderPlot(this.model, this.active.index, this.t.core.empty), noBanner: true })}
        ${this.later.module?.renderTooltip(this.model, this.active.index) ?? nothing}
        <span id="${this.uidPrefix}-hint" class="visually-hidden">${this.kind === 'compare' ? T.keyboardHintCompare : T.keyboardHint}</span>
      </div>
      ${this.model && !this.model.empty ? this.renderFooter(this.model, T) : nothing}
      <slot hidden></slot>
    </figure>`;
  }

  /**
   * The plot's accessible name, the model's one-sentence summary: not needed to draw, so the first picture of data
   * goes without it and the update one task later names the plot (later ones name it at once).
   */
  private plotLabel(T: GrowthChartTerms): string | typeof nothing {
    const m = this.model;
    return !m ? T.noData : m.empty || this.later.named ? m.summary : nothing;
  }

  private renderFooter(m: GrowthModel, T: GrowthChartTerms): unknown {
    const table = this.later.module?.renderTable(m, viewWords(this.t.lang).showTable, this.showTable, this.showTable || this.tableOpen, this.onTableToggle) ?? nothing;
    return renderFooter(m, T, this.t.core, (id) => this.toggleSeries(id), table);
  }

  // ── public methods ──
  /**
   * The chart as shown (visible series, current size and language) as a standalone SVG document; '' before the first
   * picture. The SVG writer loads with the export menu, in the task after the first picture: await `whenSettled()`
   * first. Called before the writer is there (or after its load failed), it returns '', warns once and starts the
   * writer's load, so a later call has it.
   */
  toSVG(): string {
    return this.model ? this.later.svg(this, this.model) : '';
  }

  /**
   * The chart as shown, as an image/png at its layout size (also inside a scaled `<civic-screen>`) × the pixel ratio
   * (default: the element's, at least 2): caption, rank and 示例数据 badges, the plot (hatched illustrative bars,
   * multi-line period labels), the legend, the notes, any status banner and an open data table, in the current
   * theme. Painted from the live DOM on a canvas — no `blob:`/`data:` image, so it works under a strict CSP (`default-src
   * 'self'`). Not drawn: the toolbar, the tooltip and keyboard hints. Rejects before the first picture and off the page.
   */
  async toPNG(options: PngOptions = {}): Promise<Blob> {
    if (!this.isConnected) throw new Error('civic-growth-chart: not in the page: append the element before toPNG()');
    const { chartToPng } = await import('./growth-chart.export.js'); // the drawing and the painters load with the first export
    await this.updateComplete;
    if (this.model && !this.model.empty && !this.later.shown) await this.whenSettled(); // an open table is painted too
    const m = this.model;
    if (!m || m.empty) throw new Error('civic-growth-chart: nothing to export (no data yet)');
    await this.picture.still(m); // running transitions: export the final geometry, not a frame of the animation
    return chartToPng(this, { pixelRatio: this.pixelRatio, background: this.themeCtl.token('--_color-surface', '#ffffff') }, options);
  }

  /** The shown points as CSV (long format: series, name, period, period_label, value, unit, growth, growth_basis, illustrative). */
  toCSV(): string {
    return this.model?.csv ?? '';
  }

  /**
   * Resolves when the chart is complete: its picture drawn (`whenDrawn()`) and the parts built in the task after the
   * first picture — the export menu (part `toolbar`), the data table twin (parts `table-details`, `table`) and the
   * tooltip (part `tooltip`) — are in the shadow DOM. Wait on this (not on `whenDrawn()`) before reading them.
   */
  async whenSettled(): Promise<void> {
    await this.whenDrawn();
    await this.later.whenShown();
    await this.updateComplete;
  }

  /** Shows or hides a series (as the legend does); `visible` forces a state. */
  toggleSeries(id: string, visible?: boolean): void {
    const hidden = new Set(this.hiddenIds);
    const show = visible ?? hidden.has(id);
    if (show) hidden.delete(id);
    else hidden.add(id);
    this.hiddenIds = [...hidden];
    this.dispatchEvent(new CivicSeriesToggleEvent({ id, visible: show, hidden: this.hiddenIds }));
  }

  /**
   * Resolves when the chart's current picture is on screen: at once when it is, else with the next `civic-drawn`.
   * Never before a first picture; waits while a redraw is due (data, size, theme, language).
   */
  whenDrawn(): Promise<void> {
    return this.drawnCtl.whenDrawn();
  }

  /** Moves the tooltip and crosshair to a period key (or series id in `compare`); null clears it. */
  override highlight(id: string | null): void {
    this.active.highlight(id);
  }

  /** The current chart model (geometry, summary, table). @internal */
  get chartModel(): GrowthModel | undefined {
    return this.model;
  }

  // ── private helpers ──
  // The rows are rendered only while the table is open (closed <details> content is hidden from everyone anyway).
  private onTableToggle = (e: Event): void => {
    this.tableOpen = (e.target as HTMLDetailsElement).open;
  };

  private download(format: 'png' | 'svg' | 'csv'): Promise<void> {
    const make = () => (format === 'png' ? this.toPNG() : format === 'svg' ? this.toSVG() : this.toCSV());
    return this.later.module!.download(this, format, `${this.localName}-${this.kind}.${format}`, make, (m) => this.warn(m));
  }
}
