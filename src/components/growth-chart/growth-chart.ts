import { html, nothing, type PropertyValues } from 'lit';
import { property, state, query } from 'lit/decorators.js';
import { CivicDataElement } from '../../data/civic-data-element.js';
import type { ParseContext } from '../../data/data-controller.js';
import type { Validated } from '../../data/validate.js';
import { hostStyles } from '../../core/theme/tokens.js';
import { stateStyles } from '../../core/render/states.js';
import { ResizeController } from '../../core/controllers/resize-controller.js';
import { CivicSelectEvent, type SelectTrigger } from '../../core/events/select-event.js';
import { CivicHoverEvent } from '../../core/events/hover-event.js';
import { growthChartTerms, type GrowthChartTerms } from './growth-chart.i18n.js';
import { isLongFormat, parseGrowthData, selectSeries, type LongFields } from './growth-chart.read.js';
import { issue } from '../../core/issues/issue.js';
import type { GrowthModel } from './model/types.js';
import { builderOf, loadKind, singleDeriver } from './growth-chart.kinds.js';
import { CivicSeriesToggleEvent } from './growth-chart.events.js';
import { styles } from './growth-chart.styles.js';
import type { PngOptions } from '../../core/export/png.js';
import type { GrowthData, GrowthKind, GrowthMeasure, GrowthSort } from './growth-chart.types.js';
import { COLORS } from './growth-chart.dom.js';
import { drawFrame } from './growth-chart.plot.js';
import { moreChunk } from './growth-chart.chunks.js';
import { MarksPainter, motionAllowed, transitionMs } from './growth-chart.paint.js';
import { renderBadges, renderFooter, renderPlot } from './growth-chart.view.js';
import { plotListeners } from './growth-chart.keys.js';

const loadMore = moreChunk.load;

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

  // ── public API ──
  /** Chart kind: `value-growth` (value bars + growth line on a right axis), `compare` (growth of each indicator), `trend` (lines over periods). */
  @property({ reflect: true }) kind: GrowthKind = 'value-growth';

  /** Series ids to show, in order, separated by spaces or commas (`gdp industry`); empty shows all. */
  @property() series?: string;

  /** Selected period key (`2022-01/2022-09`); in `compare`, the period compared (default: the latest). */
  @property({ reflect: true }) selected?: string;

  /** Reference line in percent for `compare` (a target or the city average). */
  @property({ type: Number }) reference?: number;

  /** Label of the reference line (default 参考线 / Reference). */
  @property({ attribute: 'reference-label' }) referenceLabel?: string;

  /** Order of indicators in `compare`: `none` (as given), `desc`, `asc`. */
  @property() sort: GrowthSort = 'none';

  /** What `trend` plots: `growth` (default) or `value`. */
  @property() measure: GrowthMeasure = 'growth';

  /** `published` values as given, or `single`: single-period values derived from cumulative ones (Q3 = 1—9月 − 1—6月). */
  @property() basis: 'published' | 'single' = 'published';

  /** Open the data table twin (part `table`) with the exact numbers; otherwise it is one click or Enter away (显示数据表). */
  @property({ type: Boolean, attribute: 'show-table' }) showTable = false;

  /**
   * Long-format data (one row per series × period, e.g. `province, code, period, value, growth` from a CSV): the
   * column (or path such as `data.list[].province`) naming each row's series. Setting it (or `period-field`) pivots
   * the rows into series; rows with `series` and `period` columns are pivoted without it.
   */
  @property({ attribute: 'series-field' }) seriesField?: string;

  /** Long-format data: the column or path of each row's period (default `period`). */
  @property({ attribute: 'period-field' }) periodField?: string;

  /** Long-format data: the column or path of each row's value (default `value`). */
  @property({ attribute: 'value-field' }) valueField?: string;

  /** Long-format data: the column or path of each row's year-on-year growth in % (default `growth`). */
  @property({ attribute: 'growth-field' }) growthField?: string;

  /** Long-format data: the column or path of each series' division code, for `region` and linked views (default `region`). */
  @property({ attribute: 'region-field' }) regionField?: string;

  // ── internal state ──
  @state() private hiddenIds: string[] = [];
  @state() private active = -1;
  @query('g.marks') private marksEl?: SVGGElement;
  private areaEl?: HTMLElement;
  /** The plot box: in the template from the first render on, so searched for once, not at each read. */
  private get plotArea(): HTMLElement | undefined {
    return (this.areaEl ??= this.renderRoot?.querySelector<HTMLElement>('[part~="plot-area"]') ?? undefined);
  }
  private model?: GrowthModel;
  private fontSize = 12;
  private pendingHighlight?: string;
  private modelInputs?: unknown[];
  private drawnModel?: GrowthModel;
  @state() private tableOpen = false;
  /**
   * The toolbar menu, the data table twin and the tooltip are rendered one task after the first picture, not with it:
   * the first picture (plot, legend, notes) is what a reader waits for, and these parts are not in it (the table is a
   * closed disclosure until opened, the menu a closed one, the tooltip hidden until a period is pointed at or focused). Assistive tech gets them a task later; `whenSettled()` says when.
   * Their code and styles (growth-chart.extras.ts, in growth-chart.more.ts) load then too; if they cannot load, the chart has none of them.
   */
  @state() private extrasShown = false;
  private extrasTimer?: ReturnType<typeof setTimeout>;
  private settledWaiters: (() => void)[] = [];
  /** toSVG() was called before its writer loaded (warned once). */
  private svgEarlyWarned = false;
  /** The extras' load under way (loadExtras). */
  private extrasLoad?: Promise<void>;
  private drawn = false;
  private readonly painter = new MarksPainter();
  private readonly nav = plotListeners({
    model: () => this.model,
    active: () => this.active,
    area: () => this.plotArea,
    focused: () => this.shadowRoot?.activeElement === this.plotArea,
    setActive: (i) => this.setActive(i),
    choose: (i, trigger) => this.choose(i, trigger),
  });
  /** The model builder of `kind` is loading (compare and trend load with their first chart: growth-chart.kinds.ts). */
  private kindPending?: Promise<void>;
  /** The inputs for which the kind's builder last failed to load (not tried again for the same ones). */
  private kindFailed?: { data: unknown; kind: GrowthKind; basis: string | undefined };
  /** A long-format payload waits for its reader (parseLater); `updateComplete` waits for the update that draws it. */
  private longPending?: Promise<void>;
  private longDone?: () => void;
  private readonly uidPrefix = `gc${++uid}`;

  // ── controllers ──
  private readonly box = new ResizeController(this, {
    onResize: () => {
      if (this.plotArea) this.readFontSize(this.plotArea); // density or type scale may have changed with the size
    },
  });

  // ── data ──
  /** @internal */
  protected override parse(raw: unknown, ctx: ParseContext): Validated<GrowthData> {
    const fields = this.longFields();
    if (!isLongFormat(raw, fields)) return parseGrowthData(raw);
    // parseLater loads the long-format reader before a long-format payload comes here.
    const more = moreChunk.loaded;
    return more ? more.parseGrowthLong(raw, fields, ctx.envelope) : { value: undefined, issues: [issue('$', 'internal', 'the long-format reader is not loaded')] };
  }

  /** @internal A long-format payload (the first one) waits for its reader to load, then is read like parse() does. */
  protected override parseLater(raw: unknown, ctx: ParseContext): Promise<Validated<GrowthData>> | undefined {
    const fields = this.longFields();
    if (moreChunk.loaded || !isLongFormat(raw, fields)) return undefined;
    const read = loadMore().then(
      (m) => m.parseGrowthLong(raw, fields, ctx.envelope),
      (e: unknown): Validated<GrowthData> => {
        const message = `the long-format reader could not load: ${e instanceof Error ? e.message : String(e)}`;
        return { value: undefined, issues: [issue('$', 'network', message)] };
      },
    );
    this.longPending ??= new Promise<void>((res) => (this.longDone = res));
    return read;
  }

  private longFields(): LongFields {
    return { series: this.seriesField, period: this.periodField, value: this.valueField, growth: this.growthField, region: this.regionField };
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

  /** @internal With a plot on screen the picture is complete once its marks are drawn (a plot not measured yet is none). */
  protected override drawnReady(): boolean {
    return super.drawnReady() && !this.kindPending && (!this.plotArea || this.drawn);
  }

  /** @internal A first redraw waits for the d3 joins to load and draw. */
  protected override drawnSettle(): Promise<unknown> | void {
    return this.painter.pending ?? super.drawnSettle();
  }

  /** @internal The first animated redraw's marks (drawn once the d3 joins have loaded) belong to its update. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    // A chart whose kind's builder was loading: its picture is drawn by the update that follows the load.
    while (this.kindPending || this.longPending) {
      await (this.kindPending ?? this.longPending);
      done = await super.getUpdateComplete();
    }
    if (this.painter.pending) await this.painter.pending;
    return done;
  }

  /** @internal Nothing to draw: no point of any series has a value or a rate (every one a gap). */
  protected override nothingValid(v: GrowthData): boolean {
    return v.series.every((s) => s.points.every((p) => p.value === null && p.growth === null));
  }

  // ── lifecycle ──
  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.t.hostUpdate(); // Lit runs controllers' hostUpdate after willUpdate: resolve the language before the model uses it
    this.buildModel(this.feed.value ? this.box.size ?? this.measurePlot() : undefined);
  }

  /** The model for the current inputs and plot size; none without data or size. Rebuilt only when an input changed. */
  private buildModel(size: { width: number; height: number } | undefined): void {
    const data = this.feed.value;
    if (!data || !size) {
      this.model = undefined;
      this.modelInputs = undefined;
      return;
    }
    // Rebuild only when an input changed (data and size changes arrive as bare requestUpdate(); focus moves do not count).
    const inputs = [data, size.width, size.height, this.t.lang, this.fontSize, this.kind, this.series, this.region, this.hiddenIds, this.selected, this.reference, this.referenceLabel, this.sort, this.measure, this.basis];
    if (!this.model || !this.modelInputs || inputs.some((v, i) => !Object.is(v, this.modelInputs![i]))) {
      const build = builderOf(this.kind, this.basis);
      if (!build) {
        // The picture on screen (if any) stays until the kind's builder has loaded; the update after the load draws.
        // After a failed load (offline) the error stands until the data, kind or basis change or reload() is called:
        // trying again on every update would loop, since the error itself requests one.
        const f = this.kindFailed;
        if (!f || f.data !== data || f.kind !== this.kind || f.basis !== this.basis) this.loadBuilder();
        return;
      }
      this.modelInputs = inputs;
      const shown = selectSeries(data.series, this.seriesIds(), this.region || undefined);
      this.model = build(shown, {
        kind: this.kind,
        width: size.width,
        height: size.height,
        lang: this.t.lang,
        hidden: this.hiddenIds,
        selected: this.selected ?? null,
        reference: typeof this.reference === 'number' && Number.isFinite(this.reference) ? this.reference : null,
        referenceLabel: this.referenceLabel,
        sort: this.sort,
        measure: this.measure,
        basis: this.basis,
        derive: singleDeriver(),
        fontSize: this.fontSize,
      });
      if (this.active >= this.model.categories.length) this.active = -1;
      if (this.pendingHighlight !== undefined) {
        const key = this.pendingHighlight;
        this.pendingHighlight = undefined;
        this.active = this.model.categories.findIndex((c) => c.key === key);
      }
    }
  }

  private loadBuilder(): void {
    const kind = this.kind;
    this.kindPending ??= loadKind(kind, this.basis).then(
      () => {
        this.kindPending = undefined;
        this.requestUpdate();
      },
      (e: unknown) => {
        // Like a failed fetch: a visible, translated error and civic-error (the last picture, if any, stays), since
        // no picture of this kind can be drawn. Tried again by the next data, kind or basis change, or reload().
        this.kindPending = undefined;
        this.kindFailed = { data: this.feed.value, kind, basis: this.basis };
        const message = `the ${kind}${this.basis === 'single' ? ' (basis="single")' : ''} chart code could not load: ${e instanceof Error ? e.message : String(e)}`;
        this.feed.fail('network', this.feed.source, message, [issue('$', 'network', message)]);
      },
    );
  }

  /**
   * One update to the first picture: when data is there but the plot box did not exist before this render (the
   * element's first render), the box is measured right after it is committed and the plot rendered in the same update.
   */
  protected override update(changed: PropertyValues): void {
    super.update(changed);
    if (!this.model && this.feed.value && !this.box.size) {
      const size = this.measurePlot();
      if (size) {
        this.buildModel(size);
        if (this.model) super.update(changed);
      }
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.model = undefined;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const area = this.plotArea;
    if (area) this.box.observe(area);
    const marks = this.marksEl; // one search of the shadow tree per update
    const newModel = this.model !== this.drawnModel;
    if (this.model && marks) {
      if (this.drawnModel !== this.model || !marks.firstChild) {
        drawFrame(marks, this.model);
        this.drawMarks(marks, this.model, this.drawn && motionAllowed());
      }
      this.drawnModel = this.model;
      this.drawn = true;
    } else {
      this.drawn = false;
      this.drawnModel = undefined;
    }
    if (this.model && !this.model.empty && !this.extrasShown && this.extrasTimer === undefined) {
      // After the first picture, in a task of its own (see extrasShown).
      this.extrasTimer = setTimeout(() => {
        this.extrasTimer = undefined;
        void this.loadExtras().then(() => (this.extrasShown = true));
      }, 0);
    } else if (this.extrasShown && !moreChunk.loaded && this.model && newModel) void this.loadExtras(); // a failed load, again with a new picture
    if (this.longPending && !this.feed.parsing) {
      // The long-format payload was read (or replaced, or failed): this update shows the outcome.
      this.longPending = undefined;
      this.longDone!();
    }
    if (this.extrasShown && this.settledWaiters.length) {
      const waiters = this.settledWaiters;
      this.settledWaiters = [];
      for (const w of waiters) w();
    }
  }

  /** Loads the extras' chunk and adopts their styles before they render (a failed load is tried again by the next call). */
  private loadExtras(): Promise<void> {
    return (this.extrasLoad ??= loadMore()
      .then(
        (x) => {
          x.adoptExtrasStyles(this.renderRoot);
          this.requestUpdate();
        },
        (e: unknown) => this.warn(`the export menu, data table and tooltip could not load: ${e instanceof Error ? e.message : String(e)}`),
      )
      .finally(() => (this.extrasLoad = undefined)));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.extrasTimer !== undefined) clearTimeout(this.extrasTimer);
    this.extrasTimer = undefined;
  }

  protected override themeChanged(): void {
    if (this.plotArea) this.readFontSize(this.plotArea);
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
        ${this.model && !this.model.empty && this.extrasShown && moreChunk.loaded ? moreChunk.loaded.renderToolbar(this.t.pick(growthChartTerms).exportMenu, this.t.core, (f) => void this.download(f)) : nothing}
      </div>
      ${this.feed.value !== undefined ? this.feed.renderStatus() : nothing}
      <div
        part="plot-area"
        tabindex=${this.model && !this.model.empty ? '0' : '-1'}
        role="group"
        aria-roledescription=${T.chart}
        aria-label=${this.model?.summary ?? T.noData}
        aria-describedby="${this.uidPrefix}-hint"
        @keydown=${this.nav.key}
        @pointermove=${this.nav.pointer}
        @pointerleave=${this.nav.leave}
        @click=${this.nav.click}
        @focus=${this.nav.focus}
        @blur=${this.nav.blur}
      >
        ${this.feed.render({ complete: () => renderPlot(this.model, this.active, this.t.core.empty), noBanner: true })}
        ${this.extrasShown && moreChunk.loaded ? moreChunk.loaded.renderTooltip(this.model, this.active) : nothing}
        <span id="${this.uidPrefix}-hint" class="visually-hidden">${this.kind === 'compare' ? T.keyboardHintCompare : T.keyboardHint}</span>
      </div>
      ${this.model && !this.model.empty ? this.renderFooter(this.model, T) : nothing}
      <slot hidden></slot>
    </figure>`;
  }

  private renderFooter(m: GrowthModel, T: GrowthChartTerms): unknown {
    const table = this.extrasShown && moreChunk.loaded ? moreChunk.loaded.renderTable(m, this.t.core.showTable, this.showTable, this.showTable || this.tableOpen, this.onTableToggle) : nothing;
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
    const more = moreChunk.loaded;
    if (!this.model) return '';
    if (!more) {
      if (!this.svgEarlyWarned) {
        this.svgEarlyWarned = true;
        this.warn("toSVG() is '' until whenSettled(): the SVG writer loads after the first picture");
      }
      void this.loadExtras(); // a failed load is tried again here
      return '';
    }
    return more.renderGrowthSvg(this.model, { palette: more.paletteOf(this, COLORS) });
  }

  /**
   * The chart as shown, as an image/png at its layout size (also inside a scaled `<civic-screen>`) × the pixel ratio
   * (default: the element's, at least 2): caption, rank and 示例数据 badges, the plot (hatched illustrative bars,
   * multi-line period labels), the legend, the notes, any status banner and an open data table, in the current
   * theme. Painted from the live DOM on a canvas — no `blob:`/`data:` image, so it works under a strict CSP
   * (`default-src 'self'`). Not drawn: the toolbar, the tooltip and keyboard hints. Rejects before the first picture.
   */
  async toPNG(options: PngOptions = {}): Promise<Blob> {
    const { chartToPng } = await import('./growth-chart.export.js'); // the drawing and the painters load with the first export
    await this.updateComplete;
    if (this.model && !this.model.empty && !this.extrasShown) await this.whenSettled(); // an open table is painted too
    const m = this.model;
    if (!m || m.empty) throw new Error('civic-growth-chart: nothing to export (no data yet)');
    // Running transitions: export the final geometry, not a frame of the animation.
    if (this.marksEl) {
      await this.painter.readyForStill();
      const marks = this.marksEl;
      if (marks) this.drawMarks(marks, m, false);
    }
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
    if (!this.extrasShown) await new Promise<void>((res) => this.settledWaiters.push(res));
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
    if (!this.model && id !== null) {
      this.pendingHighlight = id; // applied when the chart is first drawn
      return;
    }
    this.pendingHighlight = undefined;
    const i = id === null ? -1 : this.model?.categories.findIndex((c) => c.key === id) ?? -1;
    this.setActive(i);
  }

  /** The current chart model (geometry, summary, table). @internal */
  get chartModel(): GrowthModel | undefined {
    return this.model;
  }

  // ── private helpers ──
  /**
   * Synchronous size (and label font size) of the plot box, used until the ResizeController reports: the first
   * picture is drawn in the same task as the data arrives. Undefined while the box is hidden or not rendered yet.
   */
  private measurePlot(): { width: number; height: number } | undefined {
    const area = this.plotArea;
    if (!area) return undefined;
    const r = area.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) return undefined;
    this.readFontSize(area);
    return { width: r.width, height: r.height };
  }

  private readFontSize(area: HTMLElement): void {
    const fs = parseFloat(getComputedStyle(area).fontSize);
    if (Number.isFinite(fs) && fs > 0) this.fontSize = fs;
  }

  private seriesIds(): string[] | undefined {
    const ids = (this.series ?? '').split(/[\s,]+/).filter(Boolean);
    return ids.length ? ids : undefined;
  }

  /** Draws the marks of `m` (growth-chart.paint.ts); a late draw after a chunk load is dropped if the plot was replaced. */
  private drawMarks(marks: SVGGElement, m: GrowthModel, animate: boolean): void {
    this.painter.draw(marks, m, animate, () => transitionMs(this), (target) => this.marksEl === target && target.isConnected);
  }

  private setActive(i: number): void {
    if (i === this.active) return;
    this.active = i;
    const key = i >= 0 ? this.model?.categories[i]?.key ?? null : null;
    this.dispatchEvent(new CivicHoverEvent({ id: key }));
  }

  // The rows are rendered only while the table is open (closed <details> content is hidden from everyone anyway).
  private onTableToggle = (e: Event): void => {
    this.tableOpen = (e.target as HTMLDetailsElement).open;
  };

  private choose(i: number, trigger: SelectTrigger): void {
    const m = this.model;
    const c = m?.categories[i];
    if (!m || !c) return;
    this.setActive(i);
    if (m.kind !== 'compare') this.selected = c.key;
    this.dispatchEvent(
      new CivicSelectEvent({
        id: c.key,
        item: { label: c.label, rows: c.tooltip.rows.map((r) => r.text) },
        region: this.region ?? this.feed.value?.region ?? null,
        trigger,
      }),
    );
  }

  private download(format: 'png' | 'svg' | 'csv'): Promise<void> {
    const make = (): Promise<Blob> | Blob =>
      format === 'png' ? this.toPNG() : format === 'svg' ? new Blob([this.toSVG()], { type: 'image/svg+xml;charset=utf-8' }) : new Blob(['\ufeff' + this.toCSV()], { type: 'text/csv;charset=utf-8' });
    return moreChunk.loaded!.download(this, format, `${this.localName}-${this.kind}.${format}`, make, (m) => this.warn(m));
  }
}
