import type { PropertyValues, TemplateResult } from 'lit';
import { query } from 'lit/decorators.js';
import type { CivicDataElement } from '../../data/civic-data-element.js';
import type { Issue } from '../../data/validate.js';
import { hostStyles } from '../../core/theme/tokens.js';
import { stateStyles } from '../../core/render/states.js';
import { NO_VALUE } from '../../core/format/number.js';
import { exportPng, type PngOptions } from '../../core/export/lazy.js';
import { exportButtonStyles } from '../../core/export/export-button.js';
import { lazyModule } from '../../core/lazy-module.js';
import { GridMapProps } from './grid-map.props.js';
import { styles } from './grid-map.styles.js';
import { parseLabelList } from './classify.js';
import { rankOf, viewLevel } from './unit-view.js';
import { VIEW_LEVELS, type ActiveRenderer, type GridGeometry, type GridMetricsData } from './grid-map.types.js';
import { mapToPng } from './export-png.js';
import { GeometrySource } from './geometry-source.js';
import { SurfaceController } from './surface.js';
import { TilesController } from './tiles-controller.js';
import { MemoryMode } from './memory-mode.js';
import { NavigationController } from './navigation.js';
import { GridViewModel, ViewState } from './view-model.js';
import { ViewChanges } from './view-changes.js';
import { memoryShell, tilesShell, type Drawing, type ShellMode } from './shell-mode.js';
import { renderBreadcrumb, renderMap, renderMemoryBanners, renderTilesBanner, renderWithoutMap, terms } from './views.js';

/** A WebGL map prints through a 2D copy made at `beforeprint` (grid-map.print.ts). */
const printing = lazyModule(() => import('./grid-map.print.js'));

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
  /** Hidden legend classes, the emphasised class, the table page. */
  private viewState = new ViewState(this);
  @query('[part~="canvas"]') private surface?: HTMLElement;
  /** Geometry and points: two more data sources beside the metrics (same fetch / error / stale path). */
  private source = new GeometrySource(this, { t: () => this.t, warn: (m) => this.warn(m), onRaw: (raw) => this.surfaceCtl.prefetch(raw) });
  /** In-memory mode: join, view, styling, and its answers to navigation and the view model. */
  private mem = new MemoryMode({
    renderer: () => this.surfaceCtl.r,
    setView: (rank, focus, trigger) => this.views.setView(rank, focus, trigger),
    reportJoin: (issues) => this.source.report(issues, 'property', 'join'),
  });
  /** The element's own changes of selected / level / focus vs the page's (those fire trigger `api`). */
  private views = new ViewChanges(this, {
    itemOf: (code) => (this.tilesMode || this.geo?.byCode.has(code) ? this.mode()?.nav.itemOf(code) : undefined),
    ready: () => !!this.mode(),
    onViewChange: () => (this.nav.tip = undefined),
  });
  /** Tiles mode: renderer, per-level classes, unit index, and the same answers. */
  private tilesCtl = new TilesController(this, {
    data: () => this.feed.value,
    metric: () => this.currentMetric(),
    spec: () => this.spec(),
    hidden: () => this.viewState.hidden,
    warn: (m) => this.warn(m),
    pixelRatio: () => this.pixelRatio,
    surface: () => this.surface,
    moved: () => this.nav.moved(),
    indexLoaded: () => this.nav.unitsArrived(),
    emphasised: () => this.nav.emphasised,
    setView: (rank, focus, trigger) => this.views.setView(rank, focus, trigger),
  });
  /** Renderer choice, fallback and recovery, resize, scene pushes and the picture promise (memory mode). */
  private surfaceCtl: SurfaceController = new SurfaceController(this, {
    container: () => this.surface,
    model: () => this.tilesMode ? undefined : this.mem.sceneModel(this.geo, { emphasis: this.viewState.emphasis, selected: this.selected, emphasised: this.nav.emphasised, points: this.source.pointList, lang: this.t.lang }),
    pixelRatio: () => this.pixelRatio,
    warn: (m) => this.warn(m),
    onMove: () => this.nav.moved(),
    failure: () => (!this.geo && this.source.geometry.status === 'error' ? this.source.geometry.error?.message ?? 'the geometry failed' : undefined),
    unconfigured: () => !this.tilesMode && this.source.geometry.status === 'idle',
    tiles: () => (this.tilesMode ? this.tilesCtl : undefined),
  });
  /** Pointer, keyboard, search and the tooltip, the same in both modes. */
  private nav = new NavigationController(
    this,
    {
      select: (code) => this.views.select(code),
      selected: () => this.selected,
      surface: () => this.surface,
      announceSelected: (name) => terms(this.t).selected(name),
      highlightChanged: () => this.mode()?.highlight(),
      valueText: (code) => this.viewModel()?.tooltip(code).value ?? '',
    },
    () => this.mode()?.nav,
  );
  /** The two modes behind one set of questions (shell-mode.ts). */
  private modes = {
    memory: memoryShell(this.mem, this.surfaceCtl, { setView: (r, f, t) => this.views.setView(r, f, t), redraw: () => void this.updateComplete.then(() => this.surfaceCtl.push()) }),
    tiles: tilesShell(this.tilesCtl, this.surfaceCtl),
  };

  /** Problems found in the geometry (errors and warnings), after the last load. */
  get geometryIssues(): Issue[] {
    return this.source.issues;
  }

  /** Problems found joining metrics to geometry (codes without grid, grids without value). */
  get joinIssues(): Issue[] {
    return this.mem.joinIssues;
  }

  private get geo(): GridGeometry | undefined {
    return this.source.geo;
  }

  /** The mode drawing (tiles, or memory once a geometry is there). */
  private mode(): ShellMode | undefined {
    return this.tilesMode ? this.modes.tiles : this.geo ? this.modes.memory : undefined;
  }

  // ── lifecycle ──
  override connectedCallback(): void {
    super.connectedCallback();
    // Tiles mode starts its slow parts now, not after the first render: the metrics job and the map's modules.
    if (this.tilesMode) this.tilesCtl.preload(!!this.offThreadLoader());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    printing.loaded?.forget(this);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.nav.speak(this.t.lang);
    this.source.geometry.sync();
    this.source.points.sync();
    this.source.reportNew(this.geometrySrc, this.pointsSrc, (g) => void this.whenDrawn().then(() => this.source.dissolveLater(g)));
    this.viewState.propertiesChanged(changed);
    const geo = this.geo;
    if (!geo || this.tilesMode) return;
    this.mem.derive({
      geo,
      data: this.feed.value,
      joinBy: this.joinBy,
      rank: rankOf(viewLevel(this.level) ?? 'grid'),
      focus: this.focusCode,
      metricKey: this.currentMetric()?.key,
      spec: this.spec(),
      hidden: this.viewState.hidden,
    });
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.views.announce(changed, !this.hasUpdated);
    // Memory mode syncs its surface also before a geometry exists (a renderer change resets it).
    (this.tilesMode ? this.modes.tiles : this.modes.memory).sync(changed);
    // Drawn with WebGL: the print chunk loads now, as print events wait for nothing.
    if (this.activeRenderer === 'webgl') void printing.load().then((p) => this.isConnected && p.maps.set(this, () => this.drawing()), () => {});
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
    const known = !!code && (this.tilesMode || !!this.geo?.byCode.has(code));
    this.nav.highlightFromOutside(known ? code : undefined, !this.tilesMode);
  }

  /**
   * Units the <civic-screen> tour visits: the eight shown units with the highest value of the current metric
   * (in tiles mode, of the level on screen), highest first.
   */
  override tourTargets(): string[] {
    return this.mode()?.topCodes(this.currentMetric()?.key, 8) ?? [];
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
  async whenDrawn(): Promise<void> {
    await this.surfaceCtl.picture(true);
    // A language whose strings still load (English, on first use) is due: the picture is the one drawn in it.
    if (this.drawnCtl.due.has('lang')) {
      await this.drawnCtl.whenDrawn();
      await this.surfaceCtl.picture(true);
    }
  }

  /** @internal `civic-load` (and `civic-drawn`) wait for the picture of the metrics with their geometry. */
  protected override dataDrawn(): Promise<void> {
    return this.surfaceCtl.picture(false);
  }

  /**
   * @internal No picture while the geometry loads (memory mode). The map is drawn without metrics (its geometry or
   * tiles, whose features may carry the values; without any geometry, its notice): metrics not given yet do not hold
   * up the picture.
   */
  protected override drawnReady(): boolean {
    return (super.drawnReady() || this.feed.status === 'idle') && (this.tilesMode || !!this.geo || this.source.geometry.status === 'error' || this.source.geometry.status === 'idle');
  }

  /** @internal A new geometry, view or colouring is a new picture. */
  protected override drawnWatch(): ReturnType<CivicDataElement<GridMetricsData>['drawnWatch']> {
    return { ...super.drawnWatch(), data: [this.feed.value, this.feed.status, this.feed.error, this.feed.stale, this.geo, this.mem.view, this.mem.styling, this.tiles] };
  }

  /** The drawing surface (the 2D canvas, or maplibre's WebGL canvas) — for pixel tests and export. */
  get drawingCanvas(): HTMLCanvasElement | undefined {
    const d = this.drawing();
    return d && (d.canvas ?? this.surface?.querySelector<HTMLCanvasElement>('canvas.surface') ?? undefined);
  }

  /**
   * The picture as a new canvas (map plus labels, points and outlines), for PNG export and pixel tests. For WebGL,
   * set `preserve-drawing-buffer` or call it right after `whenDrawn()`. Undefined for the SVG renderer.
   */
  snapshot(): HTMLCanvasElement | undefined {
    return this.drawing()?.snapshot?.();
  }

  /**
   * The maplibre Map while the WebGL renderer draws (GeoJSON or tiles), else undefined. For benchmarks and advanced
   * use (camera moves, reading state); removing the element's layers or sources breaks it.
   */
  get mapInstance(): import('maplibre-gl').Map | undefined {
    return this.drawing()?.mapInstance;
  }

  /**
   * The map as an image/png, at its layout size (also inside a scaled <civic-screen>): the picture with labels and
   * outlines, the breadcrumb, the legend (swatches, ranges, counts) and the 示例数据 badge, in the current theme.
   * WebGL needs no `preserve-drawing-buffer`: the frame is repainted and copied. Before the first picture it waits
   * for it (`whenDrawn()`); rejects when nothing can be drawn (failed geometry). The SVG renderer's picture is its
   * <svg> painted on the export canvas.
   */
  toPNG(options: PngOptions = {}): Promise<Blob> {
    if (!this.isConnected) return Promise.reject(new Error('not in the page: append the element before toPNG()')); // never in the page, never drawn
    return mapToPng(this, { drawn: () => this.whenDrawn(), drawing: () => this.drawing(), hostRatio: this.pixelRatio, token: (n, d) => this.themeCtl.token(n, d) }, options);
  }

  /** Container pixel position ([x, y], CSS px relative to part `canvas`) of a lon/lat, for tests and overlays. */
  pixelOf(lonLat: [number, number]): [number, number] | undefined {
    return this.drawing()?.project(lonLat);
  }

  /** The legend's classes with counts as shown (for linked views and tests). */
  get legend(): { label: string; color: string; count: number }[] {
    return (this.viewModel()?.legendItems() ?? []).map((e) => ({ label: e.label, color: e.color, count: e.count }));
  }

  // ── render ──
  override render(): TemplateResult {
    const m = this.mode();
    const t = this.t, tt = terms(t);
    if (!m) return renderWithoutMap(t, this.source.geometry, this.feed);
    const vm = this.viewModel();
    const rank = m.rank();
    const levelName = tt[`level_${VIEW_LEVELS[rank]}` as 'level_grid'];
    const metricName = vm?.metricLabel() ?? NO_VALUE;
    const tip = this.nav.tip;
    return renderMap(t, {
      tiles: m.tiles,
      vm,
      tipVm: tip && m.tiles ? this.viewModel(m.rankOf(tip.code)) : vm,
      nav: this.nav,
      summary: (m.tiles ? tt.tilesSummary : tt.mapSummary)(levelName, m.unitCount(), metricName),
      crumbs: renderBreadcrumb(t, { ...m.crumbs({ selected: this.selected, focus: this.focusCode }), rank }),
      status: this.feed.renderStatus(),
      banners: m.tiles ? renderTilesBanner(tt, this.tilesCtl.failed) : renderMemoryBanners(tt, { geometryBanner: this.source.banner, joinIssues: this.mem.joinIssues, geometryStatus: this.source.geometry.renderStatus() }),
      illustrative: (!m.tiles && !!this.geo?.illustrative) || !!this.currentMetric()?.illustrative || !!this.feed.value?.illustrative,
      showLegend: m.showLegend(),
      tableOpen: this.tableOpen,
      toggleTable: () => (this.tableOpen = !this.tableOpen),
      onExport: this.export ? () => void exportPng(this, this.fileName, (msg) => this.warn(msg)) : undefined,
      tooltipFields: parseLabelList(this.tooltipFields) ?? [],
      legend: { emphasise: (c) => (this.viewState.emphasise(c), m.emphasise(c)), toggle: (i) => this.viewState.toggle(i) },
      table: { page: this.viewState.page, pageSize: this.pageSize, selected: this.selected, onPage: (p) => this.viewState.setPage(p), onChoose: (code) => this.chooseFromTable(code) },
    });
  }

  // ── private helpers ──
  private drawing(): Drawing | undefined {
    return this.mode()?.drawing();
  }

  /** One view model for legend, table and tooltip; in tiles mode of the level on screen (or `rank`). */
  private viewModel(rank?: number): GridViewModel | undefined {
    const t = this.t, metric = this.currentMetric();
    const input = this.mode()?.viewInput(metric?.key, rank);
    return input && new GridViewModel({ lang: t.lang, terms: terms(t), metric, hidden: this.viewState.hidden, ...input });
  }

  private chooseFromTable(code: string): void {
    const u = this.mode()?.nav.units()?.byCode.get(code);
    if (this.tilesMode && u) this.nav.goTo(u, 'pointer');
    else this.nav.choose(code, 'pointer');
  }
}
