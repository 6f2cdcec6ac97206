import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state, query } from 'lit/decorators.js';
import type { CivicDataElement } from '../../data/civic-data-element.js';
import { GridMapProps } from './grid-map.props.js';
import type { OffThreadLoader, ParseContext } from '../../data/data-controller.js';
import { isColumnData } from './metric-columns.js';
import { loadMetricsOffThread, metricsOffThread } from './metrics-loader.js';
import type { Issue, Validated } from '../../data/validate.js';
import { hostStyles } from '../../core/theme/tokens.js';
import { stateStyles, renderLoading } from '../../core/render/states.js';
import { CivicSelectEvent } from '../../core/events/select-event.js';
import { NO_VALUE } from '../../core/format/number.js';
import { styles } from './grid-map.styles.js';
import { CivicViewChangeEvent, type CivicViewChangeDetail } from './grid-map.events.js';
import { parseLabelList, parseNumberList, type ClassifySpec } from './classify.js';
import { ancestry, parseMetrics, rankOf, viewLevel } from './grid-map.model.js';
import { VIEW_LEVELS, type ActiveRenderer, type GridGeometry, type GridMetric, type GridMetricsData, type UnitInfo } from './grid-map.types.js';
import { exportPng, loadPainters, type PngOptions } from '../../core/export/lazy.js';
import { mapPng } from './export-png.js';
import { exportButtonStyles } from '../../core/export/export-button.js';
import { GeometrySource } from './geometry-source.js';
import { SurfaceController } from './surface.js';
import { TilesController } from './tiles-controller.js';
import { MemoryMode } from './memory-mode.js';
import { NavigationController, type NavMode } from './navigation.js';
import { GridViewModel } from './view-model.js';
import { renderBreadcrumb, renderMap, terms } from './views.js';
import type { Emphasis } from './scene.js';

/**
 * @summary Governance grid choropleth: colours grids (网格) by a metric, with legend, tooltip, drill-down from
 * street to community to grid, search, keyboard navigation and a data-table twin. Offline by default.
 * @tag civic-grid-map
 * @status experimental
 * @since 0.1.0
 * @slot - Optional <script type="application/json"> holding the metrics `{ metrics, rows }`.
 * @slot attribution - Basemap attribution text.
 * @slot review-number - The map-review number (审图号) required for published maps of China.
 * @csspart base - Outer wrapper.
 * @csspart toolbar - Row with breadcrumb, level buttons, search and the table toggle.
 * @csspart breadcrumb - Drill-down path ("全部 › 胜利路街道 › 萱花路社区").
 * @csspart level-button - The street / community / grid level buttons (aria-pressed on the current one).
 * @csspart search - Search box and its results.
 * @csspart stage - Framed area holding the map.
 * @csspart canvas - The map surface (one tab stop; arrows, Enter, Escape).
 * @csspart tooltip - Hover / keyboard tooltip (text only).
 * @csspart legend - Classes with ranges and counts, plus the no-data entry; hover highlights, click toggles.
 * @csspart legend-item - One legend button (data-class is the class index or "no-data").
 * @csspart table-toggle - The button that shows or hides the table.
 * @csspart export-button - Export PNG button (with the `export` attribute).
 * @csspart table - The data-table twin (paged).
 * @csspart status - Loading / error / partial-data banner.
 * @csspart illustrative - The 示例数据 / Illustrative data badge.
 * @cssproperty [--civic-grid-map-height=448px] - Height of the map.
 * @cssproperty [--civic-grid-map-background=var(--civic-color-surface)] - Map background.
 * @cssproperty [--civic-grid-map-outline-color=var(--civic-color-surface)] - Grid outlines.
 * @cssproperty [--civic-grid-map-parent-outline-color=var(--civic-color-text)] - Community / street outlines.
 * @cssproperty [--civic-grid-map-selected-color=var(--civic-color-focus)] - Selected and hovered outline.
 * @cssproperty [--civic-grid-map-no-data-color=var(--civic-color-no-data)] - Fill under the no-data hatch.
 * @cssproperty [--civic-grid-map-label-color=var(--civic-color-text)] - Label text.
 * @cssproperty [--civic-grid-map-label-halo=var(--civic-color-surface)] - Label halo.
 * @cssproperty [--civic-grid-map-label-size=12px] - Label size.
 * @cssproperty [--civic-scheme-category-1] - Point colour for parks (2: projects, 3: service stations, 4: other).
 * @event {CivicLoadEvent} civic-load - Metrics arrived, passed validation and are drawn with their geometry (with `geometry-src`, after the geometry arrived and the picture is complete).
 * @event {CivicErrorEvent} civic-error - Geometry or metrics failed or were partly invalid; detail.issues / issueCounts say why.
 * @event {CivicSelectEvent} civic-select - A unit was chosen by click or Enter; detail.item holds its properties and values.
 * @event {CivicHoverEvent} civic-hover - The unit under the pointer or keyboard cursor changed.
 * @event {CivicViewChangeEvent} civic-view-change - Drilled down or went up; detail `{ level, focus, trigger }`.
 * @event {CivicExportEvent} civic-export - The export button is about to download; cancelable; `detail: { format: 'png', blob, filename }`.
 * @event {CivicRendererChangeEvent} civic-renderer-change - The active renderer was chosen or fell back; detail `{ renderer, reason }`.
 */
export class CivicGridMap extends GridMapProps {
  // ── styles ──
  static override styles = [hostStyles, stateStyles, exportButtonStyles, styles];

  // ── internal state ──
  @state() private emphasisClass: Emphasis = null;
  @state() private hiddenClasses = new Set<number>();
  @state() private page = 0;
  @query('[part~="canvas"]') private surface?: HTMLElement;
  /** Problems found joining metrics to geometry (codes without grid, grids without value). */
  joinIssues: Issue[] = [];
  /** Geometry and points: two more data sources beside the metrics (same fetch / error / stale path). */
  private source = new GeometrySource(this, { t: () => this.t, warn: (m) => this.warn(m), onRaw: (raw) => this.surfaceCtl.prefetch(featureCount(raw)) });
  /** In-memory mode: join, view, styling, and its answers to navigation and the view model. */
  private mem = new MemoryMode({ renderer: () => this.surfaceCtl.r, setView: (rank, focus, trigger) => this.setView(rank, focus, trigger) });
  /** Tiles mode: renderer, per-level classes, unit index, and the same answers. */
  private tilesCtl = new TilesController(this, {
    data: () => this.feed.value,
    metric: () => this.currentMetric(),
    spec: () => this.spec(),
    hidden: () => this.hiddenClasses,
    warn: (m) => this.warn(m),
    pixelRatio: () => this.pixelRatio,
    surface: () => this.surface,
    moved: () => this.nav.moved(),
    indexLoaded: () => this.nav.unitsArrived(),
    emphasised: () => this.nav.emphasised,
  });
  /** Renderer choice, fallback and recovery, resize, scene pushes and the picture promise (memory mode). */
  private surfaceCtl: SurfaceController = new SurfaceController(this, {
    container: () => this.surface,
    model: () => this.sceneModel(),
    pixelRatio: () => this.pixelRatio,
    warn: (m) => this.warn(m),
    onMove: () => this.nav.moved(),
    failure: () => (!this.geo && this.source.geometry.status === 'error' ? this.source.geometry.error?.message ?? 'the geometry failed' : undefined),
    tiles: () => (this.tilesMode ? this.tilesCtl : undefined),
  });
  /** Pointer, keyboard, search and the tooltip, the same in both modes. */
  private nav = new NavigationController(
    this,
    {
      select: (code) => ((this.ownChange = true), (this.selected = code)),
      selected: () => this.selected,
      surface: () => this.surface,
      announceSelected: (name) => terms(this.t).selected(name),
      highlightChanged: () => this.highlightChanged(),
      valueText: (code) => this.viewModel()?.tooltip(code).value ?? '',
    },
    () => this.mode(),
  );
  private ownChange = false;

  /** True when the map draws vector tiles (`tiles` set and no `geometry` / `geometry-src`). */
  get tilesMode(): boolean {
    return !!this.tiles && (this.geometry === undefined || this.geometry === null) && !this.geometrySrc;
  }

  /** Problems found in the geometry (errors and warnings), after the last load. */
  get geometryIssues(): Issue[] {
    return this.source.issues;
  }

  private get geo(): GridGeometry | undefined {
    return this.source.geo;
  }

  private mode(): NavMode | undefined {
    return this.tilesMode ? this.tilesCtl.nav : this.geo ? this.mem.nav : undefined;
  }

  // ── lifecycle ──
  protected override parse(raw: unknown, _ctx: ParseContext): Validated<GridMetricsData> {
    return parseMetrics(raw);
  }

  protected override count(v: GridMetricsData): number {
    return isColumnData(v) ? v.rowCount : v.rows.length;
  }

  /** No row with a valid value: nothing to colour the map with (with reported problems, an error). @internal */
  protected override nothingValid(v: GridMetricsData): boolean {
    return isColumnData(v) ? v.withValues === 0 : v.rows.every((r) => Object.keys(r.values).length === 0);
  }

  /** @internal Tiles mode: `src` metrics are fetched and parsed in a worker into columns (not with `cache`). */
  protected override offThreadLoader(): OffThreadLoader<GridMetricsData> | undefined {
    return this.tilesMode && !this.cache && metricsOffThread.enabled ? loadMetricsOffThread : undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.source.geometry.sync();
    this.source.points.sync();
    this.source.reportNew(this.geometrySrc, this.pointsSrc, (g) => void this.whenDrawn().then(() => this.source.dissolveLater(g)));
    if (['metric', 'classification', 'thresholds', 'level', 'focusCode'].some((k) => changed.has(k))) {
      if (!changed.has('hiddenClasses')) this.hiddenClasses = new Set();
      if (changed.has('level') || changed.has('focusCode')) this.page = 0;
    }
    const geo = this.geo;
    if (!geo || this.tilesMode) return;
    const issues = this.mem.derive({
      geo,
      data: this.feed.value,
      joinBy: this.joinBy,
      rank: rankOf(viewLevel(this.level) ?? 'grid'),
      focus: this.focusCode,
      metricKey: this.currentMetric()?.key,
      spec: this.spec(),
      hidden: this.hiddenClasses,
    });
    if (issues) {
      this.joinIssues = issues;
      if (issues.length) this.source.report(issues, 'property', 'join');
    } else if (!this.feed.value) this.joinIssues = [];
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.announceApiChanges(changed);
    if (this.tilesMode) {
      const c = this.surfaceCtl.sceneColors();
      this.tilesCtl.sync({ background: c.background, outline: c.outline, parentOutline: c.parentOutline, selected: c.selected, halo: c.halo }, c.noData);
    } else this.surfaceCtl.sync(changed);
  }

  protected override themeChanged(): void {
    // Also before the first update: a theme inherited from a container defined later (e.g. <civic-screen>)
    // arrives while the element is still starting; the renderer must not keep the earlier colours.
    if (this.isConnected) this.surfaceCtl.themeChanged();
  }

  protected override screenChanged(): void {
    this.surfaceCtl.resize();
  }

  // ── public methods ──
  /** Emphasises one unit (tour / linked views) with outline and tooltip; `null` clears. */
  override highlight(code: string | null): void {
    const known = code && (this.tilesMode || this.geo?.byCode.has(code));
    this.nav.highlighted = known ? code : undefined;
    if (known && !this.tilesMode) this.nav.showTipAt(code);
    else this.nav.tip = undefined;
    this.highlightChanged();
    this.requestUpdate();
  }

  /**
   * Units the <civic-screen> tour visits: the eight shown units with the highest value of the current metric
   * (in tiles mode, of the level on screen), highest first.
   */
  override tourTargets(): string[] {
    if (this.tilesMode) return this.tilesCtl.topCodes(8);
    const u = this.mem.units(this.currentMetric()?.key);
    if (!u || !this.currentMetric()) return [];
    return u.codes
      .filter((c) => u.value(c) !== undefined)
      .sort((a, b) => (u.value(b) as number) - (u.value(a) as number))
      .slice(0, 8);
  }

  /** The renderer drawing now (`canvas`, `webgl`), or undefined before the first picture. */
  get activeRenderer(): ActiveRenderer | undefined {
    return this.tilesMode ? (this.tilesCtl.r ? 'webgl' : undefined) : this.surfaceCtl.active;
  }

  /**
   * Resolves when the current picture is completely drawn (maplibre: `idle`; tiles: the tiles loaded and drawn). Never
   * before a picture exists: while the geometry loads or the renderer mounts it waits. Rejects when nothing can be
   * drawn (the geometry failed and no earlier geometry is kept; tiles without WebGL).
   */
  whenDrawn(): Promise<void> {
    return this.surfaceCtl.picture(true);
  }

  /** @internal `civic-load` (and `civic-drawn`) wait for the picture of the metrics with their geometry. */
  protected override dataDrawn(): Promise<void> {
    return this.surfaceCtl.picture(false);
  }

  /** @internal No picture while the geometry loads (memory mode). */
  protected override drawnReady(): boolean {
    return super.drawnReady() && (this.tilesMode || !!this.geo || this.source.geometry.status === 'error');
  }

  /** @internal A new geometry, view or colouring is a new picture. */
  protected override drawnWatch(): ReturnType<CivicDataElement<GridMetricsData>['drawnWatch']> {
    return { ...super.drawnWatch(), data: [this.feed.value, this.feed.status, this.feed.error, this.feed.stale, this.geo, this.mem.view, this.mem.styling, this.tiles] };
  }

  /** The drawing surface (the 2D canvas, or maplibre's WebGL canvas) — for pixel tests and export. */
  get drawingCanvas(): HTMLCanvasElement | undefined {
    if (this.tilesMode) return this.tilesCtl.r?.canvas;
    const r = this.surfaceCtl.r as { canvas?: HTMLCanvasElement } | undefined;
    if (!r) return undefined;
    return r.canvas ?? this.surface?.querySelector('canvas.surface') ?? undefined;
  }

  /**
   * The picture as a new canvas (map plus labels, points and outlines), for PNG export and pixel tests. For WebGL,
   * set `preserve-drawing-buffer` or call it right after `whenDrawn()`. Undefined for the SVG renderer.
   */
  snapshot(): HTMLCanvasElement | undefined {
    return this.tilesMode ? this.tilesCtl.r?.snapshot() : this.surfaceCtl.r?.snapshot?.();
  }

  /**
   * The maplibre Map while the WebGL renderer draws (GeoJSON or tiles), else undefined. For benchmarks and advanced
   * use (camera moves, reading state); removing the element's layers or sources breaks it.
   */
  get mapInstance(): import('maplibre-gl').Map | undefined {
    if (this.tilesMode) return this.tilesCtl.r?.mapInstance;
    return (this.surfaceCtl.r as { mapInstance?: import('maplibre-gl').Map } | undefined)?.mapInstance;
  }

  /**
   * The map as an image/png, at its layout size (also inside a scaled <civic-screen>): the picture with labels and
   * outlines, the breadcrumb, the legend (swatches, ranges, counts) and the 示例数据 badge, in the current theme.
   * WebGL needs no `preserve-drawing-buffer`: the frame is repainted and copied. Before the first picture it waits
   * for it (`whenDrawn()`); rejects when nothing can be drawn (failed geometry) or for the SVG renderer's DOM (use
   * `renderer="canvas"` or WebGL to export).
   */
  async toPNG(options: PngOptions = {}): Promise<Blob> {
    await loadPainters();
    await this.whenDrawn();
    const r = (this.tilesMode ? this.tilesCtl.r : this.surfaceCtl.r) as { capture?(): Promise<HTMLCanvasElement | undefined>; snapshot?(): HTMLCanvasElement | undefined } | undefined;
    const pic = r?.capture ? await r.capture() : r?.snapshot?.();
    if (!pic) throw new Error('nothing to export (no picture yet, or the SVG renderer)');
    return mapPng(this, pic, { ...options, pixelRatio: options.pixelRatio, hostRatio: this.pixelRatio, token: (n, d) => this.themeCtl.token(n, d) });
  }

  /** Container pixel position ([x, y], CSS px relative to part `canvas`) of a lon/lat, for tests and overlays. */
  pixelOf(lonLat: [number, number]): [number, number] | undefined {
    return this.tilesMode ? this.tilesCtl.r?.project(lonLat) : this.surfaceCtl.r?.project(lonLat);
  }

  /** The legend's classes with counts as shown (for linked views and tests). */
  get legend(): { label: string; color: string; count: number }[] {
    return (this.viewModel()?.legendItems() ?? []).map((e) => ({ label: e.label, color: e.color, count: e.count }));
  }

  // ── render ──
  override render(): TemplateResult {
    const tiles = this.tilesMode;
    const t = this.t, tt = terms(t);
    if (!tiles && !this.geo) {
      const g = this.source.geometry;
      if (g.status === 'error' && g.error) return html`<div part="base" class="base">${g.renderStatus()}</div>`; // with its retry button
      if (g.status === 'loading') return html`<div part="base" class="base">${renderLoading(t.core)}</div>`;
      return html`<div part="base" class="base">${this.feed.renderStatus()}</div>`;
    }
    const vm = this.viewModel();
    const metric = this.currentMetric();
    const rank = tiles ? this.tilesCtl.rank : this.mem.view?.rank ?? 2;
    const levelName = tt[`level_${VIEW_LEVELS[rank]}` as 'level_grid'];
    const metricName = vm?.metricLabel() ?? NO_VALUE;
    const summary = tiles ? tt.tilesSummary(levelName, this.tilesCtl.knownCount, metricName) : tt.mapSummary(levelName, this.mem.view?.shown.length ?? 0, metricName);
    const illustrative = (!tiles && !!this.geo?.illustrative) || !!metric?.illustrative || !!this.feed.value?.illustrative;
    const tip = this.nav.tip;
    return renderMap(t, {
      tiles,
      vm,
      tipVm: tip && tiles ? this.viewModel(this.tilesCtl.index?.byCode.get(tip.code)?.rank) : vm,
      nav: this.nav,
      summary,
      crumbs: this.renderCrumbs(rank),
      status: this.feed.renderStatus(),
      banners: this.renderBanners(),
      illustrative,
      showLegend: tiles || !!this.mem.styling,
      tableOpen: this.tableOpen,
      toggleTable: () => (this.tableOpen = !this.tableOpen),
      onExport: this.export ? () => void exportPng(this, this.fileName, (m) => this.warn(m)) : undefined,
      tooltipFields: parseLabelList(this.tooltipFields) ?? [],
      stageWidth: this.surface?.clientWidth ?? 0,
      legend: { emphasise: (c) => this.emphasise(c), toggle: (i) => this.toggleClass(i) },
      table: { page: this.page, pageSize: this.pageSize, selected: this.selected, onPage: (p) => (this.page = p), onChoose: (code) => this.chooseFromTable(code) },
    });
  }

  private renderCrumbs(rank: number): TemplateResult {
    const units = this.mode()?.units();
    if (this.tilesMode) {
      const idx = this.tilesCtl.index;
      const at = this.selected || this.focusCode;
      const path = idx && at ? ancestry(idx, at).filter((u) => u.rank < 2 || u.code !== at) : [];
      return renderBreadcrumb(this.t, { path, rank, onAll: () => this.tilesCtl.fitAll(), onCrumb: (u) => this.tilesCtl.nav.reveal(u), onLevel: (i) => this.tilesCtl.zoomToLevel(i), zoom: (d) => this.tilesCtl.r?.zoomBy(d) });
    }
    const path = this.mem.view?.focus && units ? ancestry(units, this.mem.view.focus) : [];
    return renderBreadcrumb(this.t, {
      path,
      rank,
      onAll: () => this.setView(rank, '', 'breadcrumb'),
      onCrumb: (u: UnitInfo) => this.setView(u.rank + 1, u.code, 'breadcrumb'),
      onLevel: (i) => this.setView(i, this.mem.focusAtMost(this.focusCode, i), 'pointer'),
    });
  }

  private renderBanners(): unknown {
    const tt = terms(this.t);
    if (this.tilesMode) return this.tilesCtl.failed ? html`<div part="status" data-kind="error" role="alert" class="state-overlay">${tt.tilesFailed}</div>` : nothing;
    const geoErr = this.source.banner;
    const joinErrors = this.joinIssues.filter((i) => i.severity === 'error');
    return html`${geoErr ? html`<div part="status" data-kind="warning" role="alert" class="state-overlay">${tt.geometryIssues(geoErr.issueCount)}</div>` : nothing}
      ${!geoErr && joinErrors.length ? html`<div part="status" data-kind="warning" role="alert" class="state-overlay">${tt.joinIssues(joinErrors.length)}</div>` : nothing}
      ${this.source.geometry.renderStatus()}`;
  }

  // ── private helpers ──
  /** One view model for legend, table and tooltip; in tiles mode of the level on screen (or `rank`). */
  private viewModel(rank?: number): GridViewModel | undefined {
    const t = this.t, tt = terms(t);
    const metric = this.currentMetric();
    const base = { lang: t.lang, terms: tt, metric, hidden: this.hiddenClasses };
    if (this.tilesMode) {
      const st = this.tilesCtl.levelStyle(rank);
      return new GridViewModel({ ...base, classifier: st.classifier, legend: st.legend, units: this.tilesCtl.units(rank) });
    }
    const units = this.mem.units(metric?.key);
    const s = this.mem.styling;
    return units ? new GridViewModel({ ...base, classifier: s?.classifier, legend: s?.legend, units }) : undefined;
  }

  private sceneModel() {
    const geo = this.mem.geo, view = this.mem.view, styling = this.mem.styling;
    if (!geo || !view || !styling || this.tilesMode || geo !== this.geo) return undefined;
    const e = this.nav.emphasised;
    return { geo, view, styling, emphasis: this.emphasisClass, selected: this.selected, hovered: e ? geo.byCode.get(e)?.index ?? -1 : -1, points: this.source.pointList, lang: this.t.lang };
  }

  private highlightChanged(): void {
    if (this.tilesMode) this.tilesCtl.highlight();
    else void this.updateComplete.then(() => this.surfaceCtl.push());
  }

  private chooseFromTable(code: string): void {
    const u = this.mode()?.units()?.byCode.get(code);
    if (this.tilesMode && u) this.nav.goTo(u, 'pointer');
    else this.nav.choose(code, 'pointer');
  }

  private setView(rank: number, focus: string, trigger: CivicViewChangeDetail['trigger']): void {
    const level = VIEW_LEVELS[Math.max(0, Math.min(2, rank))];
    if (level === (viewLevel(this.level) ?? 'grid') && focus === this.focusCode) return;
    this.ownChange = true;
    this.level = level;
    this.focusCode = focus;
    this.nav.tip = undefined;
    this.dispatchEvent(new CivicViewChangeEvent({ level, focus, trigger }));
  }

  private emphasise(c: Emphasis): void {
    this.emphasisClass = c;
    if (this.tilesMode) this.tilesCtl.emphasise(c);
    else void this.updateComplete.then(() => this.surfaceCtl.push());
  }

  private toggleClass(i: number): void {
    const next = new Set(this.hiddenClasses);
    if (next.has(i)) next.delete(i);
    else next.add(i);
    this.hiddenClasses = next;
  }

  /**
   * `selected`, `level` and `focus` set from outside (attribute or property, after the first render) fire the same
   * events as a click, with trigger `api`, so linked views and listeners follow either way. Changes the element made
   * itself already fired theirs.
   */
  private announceApiChanges(changed: PropertyValues): void {
    const own = this.ownChange;
    this.ownChange = false;
    const m = this.mode();
    if (own || !this.hasUpdated || !m) return;
    if (changed.has('selected') && changed.get('selected') !== undefined) {
      const known = !!this.selected && (this.tilesMode || !!this.geo?.byCode.has(this.selected));
      this.dispatchEvent(new CivicSelectEvent({ id: this.selected || null, item: known ? m.itemOf(this.selected) : undefined, region: this.selected || null, trigger: 'api' }));
    }
    if ((changed.has('level') && changed.get('level') !== undefined) || (changed.has('focusCode') && changed.get('focusCode') !== undefined))
      this.dispatchEvent(new CivicViewChangeEvent({ level: viewLevel(this.level) ?? 'grid', focus: this.focusCode, trigger: 'api' }));
  }

  private currentMetric(): GridMetric | undefined {
    const ms = this.feed.value?.metrics ?? [];
    return ms.find((m) => m.key === this.metric) ?? ms[0];
  }

  private spec(): ClassifySpec {
    return {
      kind: this.classification,
      classes: this.classes,
      scheme: this.scheme,
      breaks: parseNumberList(this.thresholds),
      labels: parseLabelList(this.classLabels),
      colors: parseLabelList(this.classColors)?.filter(Boolean),
    };
  }
}

/** Features in a raw GeoJSON FeatureCollection (0 for anything else), to start loading maplibre early. */
function featureCount(raw: unknown): number {
  const f = raw && typeof raw === 'object' ? (raw as { features?: unknown }).features : undefined;
  return Array.isArray(f) ? f.length : 0;
}
