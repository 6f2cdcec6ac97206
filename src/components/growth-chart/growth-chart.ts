import { cspStyle } from '../../core/render/csp-style.js';
import { html, svg, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state, query } from 'lit/decorators.js';
import { CivicDataElement } from '../../data/civic-data-element.js';
import type { ParseContext } from '../../data/data-controller.js';
import type { Validated } from '../../data/validate.js';
import { hostStyles } from '../../core/theme/tokens.js';
import { stateStyles, renderIllustrative } from '../../core/render/states.js';
import { ResizeController } from '../../core/controllers/resize-controller.js';
import { CivicSelectEvent, type SelectTrigger } from '../../core/events/select-event.js';
import { CivicHoverEvent } from '../../core/events/hover-event.js';
import { growthChartTerms } from './growth-chart.i18n.js';
import { isLongFormat, parseGrowthData, selectSeries, type LongFields } from './growth-chart.read.js';
import { issue } from '../../core/issues/issue.js';
import type { Bar, GrowthModel, LinePoint } from './model/types.js';
import { builderOf, loadKind } from './growth-chart.kinds.js';
import { renderGrowthSvg, DEFAULT_PALETTE, type SvgPalette } from './growth-chart.svg.js';
import { CivicSeriesToggleEvent } from './growth-chart.events.js';
import { styles } from './growth-chart.styles.js';
import type { PngOptions } from '../../core/export/png.js';
import type { GrowthData, GrowthKind, GrowthMeasure, GrowthSort } from './growth-chart.types.js';
import { lazyModule } from '../../core/lazy-module.js';
import { COLORS } from './growth-chart.dom.js';
import { buildMarks, drawFrame, forget } from './growth-chart.plot.js';

/**
 * The d3 joins for animated redraws (d3-selection, d3-transition; issue 16: not in the first load), loaded by the first
 * one (its picture completes once they have drawn: drawnSettle); a failed load is tried again by the next one.
 */
const marksChunk = lazyModule(() => import('./growth-chart.marks.js'));
const loadMarks = marksChunk.load;

/** Illustrative bars are filled with a hatch of their series colour (one pattern per colour, no extra nodes per bar). */
const HATCH_IDS = Array.from({ length: COLORS }, (_, i) => `hatch-s${i}`);

/**
 * The export menu and table twin, the long-format reader and the compare and trend builders (growth-chart.more.ts),
 * loaded by the first picture (see extrasShown), by a first long-format payload or by a first compare or trend chart;
 * a failed load is tried again by the next one.
 */
const moreChunk = lazyModule(() => import('./growth-chart.more.js'));
const loadMore = moreChunk.load;

let uid = 0;
let reducedMotion: MediaQueryList | undefined;

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
  @query('[part~="plot-area"]') private plotArea?: HTMLElement;
  private model?: GrowthModel;
  private fontSize = 12;
  private pendingHighlight?: string;
  private modelInputs?: unknown[];
  private drawnModel?: GrowthModel;
  @state() private tableOpen = false;
  /**
   * The toolbar menu and the data table twin are rendered one task after the first picture, not with it: the first
   * picture (plot, legend, notes) is what a reader waits for, and these parts are not in it (the table is a closed
   * disclosure until opened, the menu a closed one). Assistive tech gets them a task later; `whenSettled()` says when.
   * Their code and styles (growth-chart.extras.ts, in growth-chart.more.ts) load then too; if they cannot load, the chart has neither.
   */
  @state() private extrasShown = false;
  private extrasTimer?: ReturnType<typeof setTimeout>;
  private settledWaiters: (() => void)[] = [];
  private drawn = false;
  /** The marks were last written by the animated d3 joins (syncMarks' record of written values is stale). */
  private transitioned = false;
  /** A redraw waiting for growth-chart.marks.ts to load (the picture completes when it has drawn). */
  private marksPending?: Promise<void>;
  private marksSeq = 0;
  /** The model builder of `kind` is loading (compare and trend load with their first chart: growth-chart.kinds.ts). */
  private kindPending?: Promise<void>;
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
    return this.marksPending ?? super.drawnSettle();
  }

  /** @internal The first animated redraw's marks (drawn once the d3 joins have loaded) belong to its update. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    // A chart whose kind's builder was loading: its picture is drawn by the update that follows the load.
    while (this.kindPending || this.longPending) {
      await (this.kindPending ?? this.longPending);
      done = await super.getUpdateComplete();
    }
    if (this.marksPending) await this.marksPending;
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
      const build = builderOf(this.kind);
      if (!build) {
        // The picture on screen (if any) stays until the kind's builder has loaded; the update after the load draws.
        this.loadBuilder();
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
    this.kindPending ??= loadKind(kind).then(
      () => {
        this.kindPending = undefined;
        this.requestUpdate();
      },
      (e: unknown) => {
        // Tried again by the next update (a picture of this kind is not complete until then).
        this.kindPending = undefined;
        this.warn(`the ${kind} chart could not load: ${e instanceof Error ? e.message : String(e)}`);
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
    if (this.model && this.marksEl) {
      if (this.drawnModel !== this.model || !this.marksEl.firstChild) {
        drawFrame(this.marksEl, this.model);
        this.drawMarks(this.model, this.drawn && this.motionAllowed());
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
        loadMore().then(
          (x) => x.adoptExtrasStyles(this.renderRoot),
          (e: unknown) => this.warn(`the export menu and data table could not load: ${e instanceof Error ? e.message : String(e)}`),
        ).then(() => (this.extrasShown = true));
      }, 0);
    }
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
        ${this.renderBadges()}
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
        @keydown=${this.onKey}
        @pointermove=${this.onPointer}
        @pointerleave=${this.onLeave}
        @click=${this.onClick}
        @focus=${this.onFocus}
        @blur=${this.onBlur}
      >
        ${this.feed.render({ complete: () => this.renderPlot(), noBanner: true })}
        ${this.renderTooltip()}
        <span id="${this.uidPrefix}-hint" class="visually-hidden">${this.kind === 'compare' ? T.keyboardHintCompare : T.keyboardHint}</span>
      </div>
      ${this.model && !this.model.empty ? this.renderFooter() : nothing}
      <slot hidden></slot>
    </figure>`;
  }

  private renderBadges(): unknown {
    const m = this.model;
    if (!m) return nothing;
    return html`${m.rank ? html`<span part="rank">${m.rank}</span>` : nothing}
    ${m.illustrative ? renderIllustrative(this.t.core) : nothing}`;
  }

  /**
   * The plot's <svg> with its patterns, the marks group and the crosshair; grid, axes, zero and reference lines, x
   * labels and annotations are drawn around the marks group by drawFrame (growth-chart.plot.ts) in updated().
   */
  private renderPlot(): unknown {
    const m = this.model;
    if (!m) return nothing;
    if (m.empty) return html`<div part="status" data-kind="empty" role="status" class="state-block">${this.t.core.empty}</div>`;
    const x0 = m.plot.x;
    const x1 = m.plot.x + m.plot.width;
    const base = m.plot.y + m.plot.height;
    const fs = m.fontSize;
    const act = this.active >= 0 ? m.categories[this.active] : undefined;
    // Hatch patterns only for the colours of illustrative bars (fewer nodes to build, style and lay out).
    const hatched = m.illustrative ? [...new Set(m.bars.filter((b) => b.illustrative).map((b) => b.colorIndex % COLORS))].sort((p, q) => p - q) : [];
    return html`<svg
      part="plot"
      width=${m.width}
      height=${m.height}
      viewBox="0 0 ${m.width} ${m.height}"
      aria-hidden="true"
      class=${m.kind === 'value-growth' ? 'vg' : m.kind}
    >
      <defs>
        ${hatched.map(
          (i) => svg`<pattern id=${HATCH_IDS[i]} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" class="hatch-bg s${i}"></rect>
            <line x1="0" y1="0" x2="0" y2="6" class="hatch-line"></line>
          </pattern>`,
        )}
      </defs>
      <g class="marks"></g>
      ${act ? svg`<line class="crosshair" x1=${act.x} x2=${act.x} y1=${m.plot.y} y2=${base}></line>` : nothing}
    </svg>`;
  }

  private renderTooltip(): unknown {
    const m = this.model;
    const c = m && this.active >= 0 ? m.categories[this.active] : undefined;
    // Positioned through the CSSOM (cspStyle), never a style attribute: pages under style-src 'self' refuse those.
    let style: Record<string, string | undefined> = { left: undefined, right: undefined };
    if (m && c) style = c.x > m.width / 2 ? { right: `${Math.max(0, m.width - c.x + 8)}px`, left: undefined } : { left: `${c.x + 8}px`, right: undefined };
    // One template whether shown or not: the live region must stay the same node to be announced.
    return html`<div part="tooltip" role="status" aria-live="polite" ?hidden=${!c} style=${cspStyle(style)}>
      ${c
        ? html`<div class="title">${c.tooltip.title}</div>
            ${c.tooltip.rows.map((r) => html`<div class="row"><span class="swatch c${r.colorIndex % COLORS}" aria-hidden="true"></span><span>${r.text}</span></div>`)}
            ${c.notes.map((n) => html`<div class="row">${n}</div>`)}`
        : nothing}
    </div>`;
  }

  private renderFooter(): TemplateResult {
    const m = this.model!;
    const T = this.t.pick(growthChartTerms);
    return html`<ul part="legend">
        ${m.legend.map(
          (l) => html`<li>
            <button type="button" aria-pressed=${l.hidden ? 'false' : 'true'} data-series=${l.id} title=${T.legendToggle(l.name)} @click=${() => this.toggleSeries(l.id)}>
              ${l.mark !== 'line' ? html`<span class="swatch c${l.colorIndex % COLORS}" aria-hidden="true"></span>` : nothing}
              ${l.mark !== 'bar' ? html`<span class="swatch line ${m.kind === 'value-growth' ? 'vg' : ''} c${l.colorIndex % COLORS}" aria-hidden="true"></span>` : nothing}
              <span>${l.name}</span>
            </button>
          </li>`,
        )}
        ${m.illustrative ? html`<li class="axis-note"><span class="hatch-swatch" aria-hidden="true"></span> ${this.t.core.illustrativeNote}</li>` : nothing}
      </ul>
      <ul part="notes">
        ${m.axisNote ? html`<li>${m.axisNote}${m.nominal ? ` · ${T.nominal}` : ''}</li>` : nothing}
        ${m.notes.map((n) => html`<li>${n}</li>`)}
      </ul>
      ${this.extrasShown && moreChunk.loaded ? moreChunk.loaded.renderTable(m, this.t.core.showTable, this.showTable, this.showTable || this.tableOpen, this.onTableToggle) : nothing}`;
  }

  // ── public methods ──
  /** The chart as shown (visible series, current size and language) as a standalone SVG document. */
  toSVG(): string {
    if (!this.model) return '';
    return renderGrowthSvg(this.model, { palette: this.palette() });
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
      if (this.transitioned) await loadMarks(); // to stop what an animated redraw still runs
      await loadMore(); // the keyed update of the marks (growth-chart.sync.ts)
      this.drawMarks(m, false);
    }
    return chartToPng(this, { pixelRatio: this.pixelRatio, background: this.themeCtl.token('--_color-surface', '#ffffff') }, options);
  }

  /** The shown points as CSV (long format: series, name, period, period_label, value, unit, growth, growth_basis, illustrative). */
  toCSV(): string {
    return this.model?.csv ?? '';
  }

  /**
   * Resolves when the chart is complete: its picture drawn (`whenDrawn()`) and the parts built in the task after the
   * first picture — the export menu (part `toolbar`) and the data table twin (parts `table-details`, `table`) — are in
   * the shadow DOM. Wait on this (not on `whenDrawn()`) before reading the table or the menu.
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

  private motionAllowed(): boolean {
    if (typeof matchMedia === 'undefined' || (typeof document !== 'undefined' && document.hidden)) return false;
    reducedMotion ??= matchMedia('(prefers-reduced-motion: reduce)');
    return !reducedMotion.matches;
  }

  private duration(): number {
    const v = getComputedStyle(this).getPropertyValue('--_transition').trim();
    const n = parseFloat(v);
    if (!Number.isFinite(n)) return 300;
    return v.endsWith('ms') ? n : v.endsWith('s') ? n * 1000 : n;
  }

  /**
   * Bars, lines and dots inside `<g class="marks">`, which Lit leaves empty. Without animation (first picture, reduced
   * motion, export) `buildMarks` (growth-chart.plot.ts) builds them and `syncMarks` (growth-chart.sync.ts, in the chunk
   * loaded right after the first picture) updates them, keyed, writing only changed values; animated redraws use the keyed d3 joins of growth-chart.marks.ts (loaded on the first animated redraw),
   * with d3-transition from the previous geometry.
   */
  private drawMarks(m: GrowthModel, animate: boolean): void {
    const seq = ++this.marksSeq;
    this.marksPending = undefined;
    const target = this.marksEl!;
    if (!animate) {
      // Without animation no d3: syncMarks writes what changed. After an animated redraw d3's joins bring the nodes to
      // this model (stopping what still runs) and syncMarks' record of the values it wrote is dropped.
      const joins = marksChunk.loaded;
      if (this.transitioned && joins) {
        joins.joinMarks(target, m, 0);
        forget(target);
      }
      this.transitioned = false;
      if (!target.firstChild) buildMarks(target, m);
      else if (moreChunk.loaded) moreChunk.loaded.syncMarks(target, m);
      else {
        // A redraw before growth-chart.more.ts has loaded (it loads right after the first picture): the picture
        // completes when it has drawn (drawnSettle, updateComplete).
        this.marksPending = loadMore().then((mod) => {
          if (seq !== this.marksSeq) return; // a newer draw came meanwhile
          this.marksPending = undefined;
          if (this.marksEl === target && target.isConnected) mod.syncMarks(target, m);
        });
      }
      return;
    }
    this.transitioned = true;
    const joins = marksChunk.loaded;
    if (joins) {
      joins.joinMarks(target, m, animate ? this.duration() : 0);
      return;
    }
    // The first redraw loads the d3 joins (growth-chart.marks.ts); the picture completes when they have drawn.
    this.marksPending = loadMarks().then((mod) => {
      if (seq !== this.marksSeq) return; // a newer draw came meanwhile (it drew, or waits on its own load)
      this.marksPending = undefined;
      if (this.marksEl === target && target.isConnected) mod.joinMarks(target, m, animate ? this.duration() : 0);
    });
  }

  private setActive(i: number): void {
    if (i === this.active) return;
    this.active = i;
    const key = i >= 0 ? this.model?.categories[i]?.key ?? null : null;
    this.dispatchEvent(new CivicHoverEvent({ id: key }));
  }

  private indexAt(clientX: number): number {
    const m = this.model;
    const area = this.plotArea;
    if (!m || !area || !m.categories.length) return -1;
    const x = clientX - area.getBoundingClientRect().left;
    if (x < m.plot.x - 4 || x > m.plot.x + m.plot.width + 4) return -1;
    let best = 0;
    for (let i = 1; i < m.categories.length; i++) if (Math.abs(m.categories[i].x - x) < Math.abs(m.categories[best].x - x)) best = i;
    return best;
  }

  // The rows are rendered only while the table is open (closed <details> content is hidden from everyone anyway).
  private onTableToggle = (e: Event): void => {
    this.tableOpen = (e.target as HTMLDetailsElement).open;
  };

  private onPointer = (e: PointerEvent): void => {
    this.setActive(this.indexAt(e.clientX));
  };

  private onLeave = (): void => {
    if (this.shadowRoot?.activeElement !== this.plotArea) this.setActive(-1);
  };

  private onFocus = (): void => {
    const m = this.model;
    if (m && this.active < 0 && m.categories.length) this.setActive(m.selectedIndex >= 0 ? m.selectedIndex : m.latestIndex >= 0 ? m.latestIndex : 0);
  };

  private onBlur = (): void => {
    this.setActive(-1);
  };

  private onClick = (e: MouseEvent): void => {
    const i = this.indexAt(e.clientX);
    if (i >= 0) this.choose(i, 'pointer');
  };

  private onKey = (e: KeyboardEvent): void => {
    const m = this.model;
    if (!m || !m.categories.length) return;
    const n = m.categories.length;
    const cur = this.active < 0 ? (m.latestIndex >= 0 ? m.latestIndex : 0) : this.active;
    let next = cur;
    switch (e.key) {
      case 'ArrowRight':
      case 'ArrowDown':
        next = Math.min(n - 1, this.active < 0 ? cur : cur + 1);
        break;
      case 'ArrowLeft':
      case 'ArrowUp':
        next = Math.max(0, this.active < 0 ? cur : cur - 1);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = n - 1;
        break;
      case 'Enter':
      case ' ':
        e.preventDefault();
        if (this.active >= 0) this.choose(this.active, 'keyboard');
        return;
      case 'Escape':
        this.setActive(-1);
        return;
      default:
        return;
    }
    e.preventDefault();
    this.setActive(next);
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

  private palette(): SvgPalette {
    const cs = getComputedStyle(this);
    const v = (name: string, fb: string) => cs.getPropertyValue(name).trim() || fb;
    const series = Array.from({ length: COLORS }, (_, i) => v(`--_s${i}`, DEFAULT_PALETTE.series[i % DEFAULT_PALETTE.series.length]));
    return {
      series,
      line: v('--_line', DEFAULT_PALETTE.line),
      text: v('--_color-text', DEFAULT_PALETTE.text),
      muted: v('--_color-text-muted', DEFAULT_PALETTE.muted),
      grid: v('--_grid', DEFAULT_PALETTE.grid),
      axis: v('--_axis', DEFAULT_PALETTE.axis),
      negative: v('--_negative', DEFAULT_PALETTE.negative),
      reference: v('--_reference', DEFAULT_PALETTE.reference),
      background: v('--_color-surface', DEFAULT_PALETTE.background),
      illustrative: v('--_color-illustrative', DEFAULT_PALETTE.illustrative),
      fontFamily: cs.fontFamily || DEFAULT_PALETTE.fontFamily,
    };
  }

  private download(format: 'png' | 'svg' | 'csv'): Promise<void> {
    const make = (): Promise<Blob> | Blob =>
      format === 'png' ? this.toPNG() : format === 'svg' ? new Blob([this.toSVG()], { type: 'image/svg+xml;charset=utf-8' }) : new Blob(['\ufeff' + this.toCSV()], { type: 'text/csv;charset=utf-8' });
    return moreChunk.loaded!.download(this, format, `${this.localName}-${this.kind}.${format}`, make, (m) => this.warn(m));
  }
}
