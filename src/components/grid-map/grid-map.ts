import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state, query } from 'lit/decorators.js';
import { CivicDataElement } from '../../data/civic-data-element.js';
import type { ParseContext } from '../../data/data-controller.js';
import { capIssues, formatIssue, summariseIssues, type Issue, type Validated } from '../../data/validate.js';
import { hostStyles } from '../../core/theme/tokens.js';
import { stateStyles, renderError, renderLoading, renderIllustrative } from '../../core/render/states.js';
import { cspStyle } from '../../core/render/csp-style.js';
import { CivicSelectEvent } from '../../core/events/select-event.js';
import { CivicHoverEvent } from '../../core/events/hover-event.js';
import { CivicErrorEvent, type CivicErrorDetail, type DataSourceKind } from '../../core/events/error-event.js';
import { formatAmount, formatNumber, NO_VALUE, UNITS } from '../../core/format/number.js';
import { styles } from './grid-map.styles.js';
import { gridMapTerms } from './grid-map.i18n.js';
import { CivicViewChangeEvent, type CivicViewChangeDetail } from './grid-map.events.js';
import { hasMissingParents, pointInPolygon } from './geometry.js';
import { classRangeLabel, legendPrecision, parseLabelList, parseNumberList, type ClassifySpec } from './classify.js';
import {
  ancestry, computeView, joinMetrics, neighbour, pageOf, parseMetrics, pick, rankOf, search, styleView, upView, viewLevel,
  type JoinedMetrics, type Styling, type View,
} from './grid-map.model.js';
import {
  VIEW_LEVELS, type ActiveRenderer, type Classification, type Crs, type GridFeature, type GridGeometry, type GridMetric,
  type GridMetricsData, type RendererChoice, type ViewLevel,
} from './grid-map.types.js';
import { TilesController } from './tiles-controller.js';
import { boxIn, canvasToPngBlob, createExportCanvas, drawBadge, drawBoxOf, drawHatch, drawTextNodes, exportPng, layoutSize, resolvePixelRatio, type PngOptions } from '../../core/export/png.js';
import { exportButtonStyles, renderExportButton } from '../../core/export/export-button.js';
import type { GridRenderer } from './renderers/renderer.js';
import { GeometrySource } from './geometry-source.js';
import { SurfaceController } from './surface.js';
import type { Emphasis } from './scene.js';

type Dir = 'left' | 'right' | 'up' | 'down';
const ARROWS: Record<string, Dir> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };

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
export class CivicGridMap extends CivicDataElement<GridMetricsData> {
  // ── styles ──
  static override styles = [hostStyles, stateStyles, exportButtonStyles, styles];

  // ── public API ──
  /** Geometry as a GeoJSON FeatureCollection or TopoJSON Topology; wins over `geometry-src`. */
  @property({ attribute: false }) geometry?: unknown;
  /** URL of the GeoJSON / TopoJSON geometry. */
  @property({ attribute: 'geometry-src' }) geometrySrc?: string;
  /** Optional point layer: GeoJSON Point features `{ id, name, nameEn?, kind: park|project|service-station }`. */
  @property({ attribute: false }) points?: unknown;
  /** URL of the point layer. */
  @property({ attribute: 'points-src' }) pointsSrc?: string;
  /** TopoJSON object to read (default: the first). */
  @property({ attribute: 'topo-object' }) topoObject?: string;
  /**
   * Feature property holding the unit code; `id` reads the GeoJSON / TopoJSON feature id (us-atlas keeps county codes
   * there; numeric ids become string codes as given), a dotted path (`meta.code`) a nested property.
   */
  @property({ attribute: 'code-field' }) codeField = 'code';
  /** Feature property holding the display name. */
  @property({ attribute: 'name-field' }) nameField = 'name';
  /** Feature property holding the level (street|town|community|village|grid). */
  @property({ attribute: 'level-field' }) levelField = 'level';
  /** Feature property holding the parent's code. */
  @property({ attribute: 'parent-field' }) parentField = 'parent';
  /** Feature property that metric rows' `code` is matched against. */
  @property({ attribute: 'join-by' }) joinBy = 'code';
  /** Key of the metric shown (default: the first metric). */
  @property({ reflect: true }) metric?: string;
  /** sequential | quantize | quantile | natural | thresholds | categorical. */
  @property({ reflect: true }) classification: Classification = 'quantile';
  /** Number of classes for quantize / quantile / natural (2–12). */
  @property({ type: Number }) classes = 5;
  /** Colour scheme from d3-scale-chromatic (viridis, cividis, blues, ylgnbu, tableau10 …); default viridis (colour-blind safe). */
  @property() scheme = 'viridis';
  /** Break values for `thresholds`, ascending, e.g. "5,9" (class i is [break i-1, break i)). */
  @property() thresholds?: string;
  /** Class labels, comma- or |-separated, e.g. "促进户,文明清洁户,示范文明清洁户". */
  @property({ attribute: 'class-labels' }) classLabels?: string;
  /** Explicit class colours, comma-separated CSS colours (override `scheme`). */
  @property({ attribute: 'class-colors' }) classColors?: string;
  /** auto (canvas for small data without basemap, WebGL otherwise) | webgl | canvas | svg. */
  @property({ reflect: true }) renderer: RendererChoice = 'auto';
  /** Level shown: street | community | grid (town/village accepted). Default grid. */
  @property({ reflect: true }) level?: string;
  /** Code of the unit zoomed into (attribute `focus`); empty = the whole area. */
  @property({ reflect: true, attribute: 'focus' }) focusCode = '';
  /** Code of the selected unit. */
  @property({ reflect: true }) selected = '';
  /** CRS of the geometry: wgs84 | cgcs2000 (treated as wgs84) | gcj02 | bd09. */
  @property() crs: Crs = 'wgs84';
  /** CRS of the basemap; geometry is converted to it when they differ. */
  @property({ attribute: 'basemap-crs' }) basemapCrs: Crs = 'wgs84';
  /** Basemap: a style URL or a raster tile template ({z}/{x}/{y}); none by default (no network). */
  @property() basemap?: string;
  /** Show the data-table twin. */
  @property({ type: Boolean, reflect: true, attribute: 'table' }) tableOpen = false;
  /** Rows per table page. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;
  /** Extra feature properties listed in the tooltip, comma-separated. */
  @property({ attribute: 'tooltip-fields' }) tooltipFields?: string;
  /** `auto` uses the canvas renderer up to this many units (without basemap). */
  @property({ type: Number, attribute: 'canvas-limit' }) canvasLimit = 5000;
  /** Milliseconds to wait for a lost WebGL context to be restored before falling back to canvas. */
  @property({ type: Number, attribute: 'restore-timeout' }) restoreTimeout = 3000;
  /** With more live WebGL maps than this on the page, new maps draw with canvas (browsers drop old contexts beyond ~16). */
  @property({ type: Number, attribute: 'max-webgl-maps' }) maxWebglMaps = 8;
  /**
   * Vector tiles instead of `geometry`: an MVT URL template (`/tiles/{z}/{x}/{y}.pbf`), a TileJSON URL, or a PMTiles
   * archive (`pmtiles:///data/grids.pmtiles`). For city-wide to national grids; always drawn with WebGL. Layers
   * follow the zoom (the tile set puts parents at low zooms); metric rows are joined by `promote-id`.
   */
  @property() tiles?: string;
  /** Tiles: the source layer holding the grids. */
  @property({ attribute: 'source-layer' }) sourceLayer = 'grids';
  /** Tiles: the parent source layers, nearest first (communities/villages, then streets/towns). */
  @property({ attribute: 'parent-layers' }) parentLayers = 'communities,streets';
  /** Tiles: the feature property used as feature id and joined to the metric rows' `code`. */
  @property({ attribute: 'promote-id' }) promoteId = 'code';
  /** Tiles from a {z}/{x}/{y} template: lowest zoom the server has (TileJSON and PMTiles say it themselves). */
  @property({ type: Number, attribute: 'tiles-min-zoom' }) tilesMinZoom = 0;
  /** Tiles from a {z}/{x}/{y} template: highest zoom the server has; the map overzooms beyond it. */
  @property({ type: Number, attribute: 'tiles-max-zoom' }) tilesMaxZoom = 14;
  /** Tiles from a {z}/{x}/{y} template: the area to show first, "west,south,east,north". */
  @property() bounds?: string;
  /** Shows the export button (part `export-button`, 导出图片) in the toolbar: downloads `toPNG()` after a cancelable `civic-export`. */
  @property({ type: Boolean, reflect: true }) export = false;
  /** Download name for the export button (without `.png`); default the tag name. */
  @property({ attribute: 'file-name' }) fileName?: string;
  /** Keep the WebGL drawing buffer (pixel reads); export does not need it. */
  @property({ type: Boolean, attribute: 'preserve-drawing-buffer' }) preserveDrawingBuffer = false;

  // ── internal state ──
  @state() private hovered = -1;
  @state() private cursor = -1;
  @state() private tip?: { index: number; x: number; y: number };
  @state() private emphasisClass: Emphasis = null;
  @state() private hiddenClasses = new Set<number>();
  @state() private searchText = '';
  @state() private results: GridFeature[] = [];
  @state() private resultIndex = 0;
  @state() private page = 0;
  @state() private announce = '';
  @query('[part~="canvas"]') private surface?: HTMLElement;
  private tilesCtl = new TilesController(this, {
    t: () => this.t,
    feed: () => this.feed,
    warn: (m) => this.warn(m),
    pixelRatio: () => this.pixelRatio,
  });
  /** Geometry and points: two more data sources beside the metrics (same fetch / error / stale path). */
  private source = new GeometrySource(this, { t: () => this.t, warn: (m) => this.warn(m), onRaw: (raw) => this.surfaceCtl.prefetch(featureCount(raw)) });
  /** Renderer choice, fallback and recovery, resize, scene pushes and the picture promise. */
  private surfaceCtl: SurfaceController = new SurfaceController(this, {
    container: () => this.surface,
    model: () => this.sceneModel(),
    pixelRatio: () => this.pixelRatio,
    warn: (m) => this.warn(m),
    onMove: () => this.onMapMove(),
    failure: () => (!this.geo && this.source.geometry.status === 'error' ? this.source.geometry.error?.message ?? 'the geometry failed' : undefined),
    tiles: () => (this.tilesMode ? this.tilesCtl : undefined),
  });
  private get geo(): GridGeometry | undefined {
    return this.source.geo;
  }
  private get r(): GridRenderer | undefined {
    return this.surfaceCtl.r;
  }

  /** True when the map draws vector tiles (`tiles` set and no `geometry` / `geometry-src`). */
  get tilesMode(): boolean {
    return !!this.tiles && (this.geometry === undefined || this.geometry === null) && !this.geometrySrc;
  }

  /** @internal The tiles controller selected a unit (keeps `selected` in step without a second event). */
  selectFromTiles(code: string): void {
    this.ownChange = true;
    this.selected = code;
  }

  /** Problems found in the geometry (errors and warnings), after the last load. */
  get geometryIssues(): Issue[] {
    return this.source.issues;
  }
  /** Problems found joining metrics to geometry (codes without grid, grids without value). */
  joinIssues: Issue[] = [];

  private joined?: JoinedMetrics;
  private joinedKey?: [unknown, unknown, string];
  private view?: View;
  private styling?: Styling;
  /** The geometry / points whose problems were last reported. */
  private reported: { geo?: unknown; points?: unknown } = {};
  private downAt?: [number, number];
  private highlighted = -1;

  // ── lifecycle ──
  protected override parse(raw: unknown, _ctx: ParseContext): Validated<GridMetricsData> {
    return parseMetrics(raw);
  }

  protected override count(v: GridMetricsData): number {
    return v.rows.length;
  }

  /** No row with a valid value: nothing to colour the map with (with reported problems, an error). @internal */
  protected override nothingValid(v: GridMetricsData): boolean {
    return v.rows.every((r) => Object.keys(r.values).length === 0);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.source.geometry.sync();
    this.source.points.sync();
    this.reportSourceIssues();
    const geo = this.geo;
    if (!geo) return;
    const data = this.feed.value;
    if (data && (!this.joinedKey || this.joinedKey[0] !== geo || this.joinedKey[1] !== data || this.joinedKey[2] !== this.joinBy)) {
      this.joinedKey = [geo, data, this.joinBy];
      this.joined = joinMetrics(geo, data, this.joinBy);
      this.joinIssues = this.joined.issues;
      if (this.joined.issues.length) this.reportIssues(this.joined.issues, 'property', 'join');
    } else if (!data) this.joined = undefined;

    const rank = rankOf(viewLevel(this.level) ?? 'grid');
    const v = computeView(geo, rank, this.focusCode);
    if (!this.view || this.view.rank !== v.rank || this.view.focus !== v.focus || this.view.shown.length !== v.shown.length || this.viewGeo !== geo) (this.view = v), (this.viewGeo = geo);
    if (changed.has('metric') || changed.has('classification') || changed.has('thresholds') || changed.has('level') || changed.has('focusCode')) {
      if (!changed.has('hiddenClasses')) this.hiddenClasses = new Set();
      this.page = changed.has('level') || changed.has('focusCode') ? 0 : this.page;
    }
    const m = this.currentMetric();
    const spec = this.spec();
    const key = [this.view, this.joined, m?.key, JSON.stringify(spec), this.hiddenClasses];
    // Restyle only when something it depends on changed (not on every hover).
    if (!this.styleKey || key.some((k, i) => k !== this.styleKey![i])) {
      this.styleKey = key;
      this.styling = styleView(this.view, m ? this.joined?.values.get(m.key) : undefined, spec, this.hiddenClasses);
    }
  }
  private styleKey?: unknown[];
  private viewGeo?: GridGeometry;

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.announceApiChanges(changed);
    if (this.tilesMode) {
      const c = this.surfaceCtl.sceneColors();
      this.tilesCtl.sync({ background: c.background, outline: c.outline, parentOutline: c.parentOutline, selected: c.selected, halo: c.halo }, c.noData);
      return;
    }
    this.surfaceCtl.sync(changed);
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
    if (this.tilesMode) {
      this.tilesCtl.r?.setHighlight(this.selected || null, code);
      return;
    }
    const f = code ? this.geo?.byCode.get(code) : undefined;
    this.highlighted = f ? f.index : -1;
    if (f) this.showTipAt(f.index);
    else this.tip = undefined;
    this.surfaceCtl.push();
  }

  /**
   * Units the <civic-screen> tour visits: the eight shown units with the highest value of the current metric
   * (in tiles mode, of the level on screen), highest first.
   */
  override tourTargets(): string[] {
    if (this.tilesMode) return this.tilesCtl.topCodes(8);
    const geo = this.geo, view = this.view, m = this.currentMetric();
    const vm = m ? this.joined?.values.get(m.key) : undefined;
    if (!geo || !view || !vm) return [];
    return view.shown
      .filter((i) => vm.has(i))
      .sort((a, b) => (vm.get(b) as number) - (vm.get(a) as number))
      .slice(0, 8)
      .map((i) => geo.features[i].code);
  }

  /** The renderer drawing now (`canvas`, `webgl`), or undefined before the first picture. */
  get activeRenderer(): ActiveRenderer | undefined {
    return this.surfaceCtl.active;
  }

  /**
   * Resolves when the current picture is completely drawn (maplibre: `idle`). Never before a picture exists: while
   * the geometry loads or the renderer mounts it waits. Rejects when nothing can be drawn (the geometry failed and
   * no earlier geometry is kept).
   */
  whenDrawn(): Promise<void> {
    return this.surfaceCtl.picture(true);
  }

  /** @internal `civic-load` waits for the picture of the metrics with their geometry (geometry-src may arrive later). */
  protected override dataDrawn(): Promise<void> {
    return this.surfaceCtl.picture(false);
  }

  /** The drawing surface (the 2D canvas, or maplibre's WebGL canvas) — for pixel tests and export. */
  get drawingCanvas(): HTMLCanvasElement | undefined {
    if (this.tilesMode) return this.tilesCtl.r?.canvas;
    const r = this.r as (GridRenderer & { canvas?: HTMLCanvasElement }) | undefined;
    if (!r) return undefined;
    return r.canvas ?? this.surface?.querySelector('canvas.surface') ?? undefined;
  }

  /**
   * The picture as a new canvas (map plus labels, points and outlines), for PNG export and pixel tests. For WebGL,
   * set `preserve-drawing-buffer` or call it right after `whenDrawn()`. Undefined for the SVG renderer.
   */
  snapshot(): HTMLCanvasElement | undefined {
    if (this.tilesMode) return this.tilesCtl.r?.snapshot();
    return this.r?.snapshot?.();
  }

  /**
   * The maplibre Map while the WebGL renderer draws (GeoJSON or tiles), else undefined. For benchmarks and advanced
   * use (camera moves, reading state); removing the element's layers or sources breaks it.
   */
  get mapInstance(): import('maplibre-gl').Map | undefined {
    if (this.tilesMode) return this.tilesCtl.r?.mapInstance;
    return (this.r as { mapInstance?: import('maplibre-gl').Map } | undefined)?.mapInstance;
  }

  /**
   * The map as an image/png, at its layout size (also inside a scaled <civic-screen>): the picture with labels and
   * outlines, the breadcrumb, the legend (swatches, ranges, counts) and the 示例数据 badge, in the current theme.
   * WebGL needs no `preserve-drawing-buffer`: the frame is repainted and copied. Before the first picture it waits
   * for it (`whenDrawn()`); rejects when nothing can be drawn (failed geometry) or for the SVG renderer's DOM (use
   * `renderer="canvas"` or WebGL to export).
   */
  async toPNG(options: PngOptions = {}): Promise<Blob> {
    await this.whenDrawn();
    const r = (this.tilesMode ? this.tilesCtl.r : this.r) as { capture?(): Promise<HTMLCanvasElement | undefined>; snapshot?(): HTMLCanvasElement | undefined } | undefined;
    const pic = r?.capture ? await r.capture() : r?.snapshot?.();
    if (!pic) throw new Error('nothing to export (no picture yet, or the SVG renderer)');
    const { width, height, scale } = layoutSize(this);
    if (!(width >= 1 && height >= 1)) throw new Error('nothing to export (the map is not laid out)');
    const ratio = resolvePixelRatio(options.pixelRatio, this.pixelRatio, width, height);
    const bg = options.background ?? this.themeCtl.token('--_color-surface', '#ffffff');
    const { canvas, ctx } = createExportCanvas(width, height, ratio, bg);
    const root = this.renderRoot;
    const q = (sel: string) => root.querySelector<HTMLElement>(sel);
    const stage = boxIn(q('[part~="canvas"]'), this, scale);
    if (stage) ctx.drawImage(pic, stage.x, stage.y, stage.width, stage.height);
    const crumb = q('[part~="breadcrumb"]');
    if (crumb) drawTextNodes(ctx, crumb, this, scale);
    const legend = q('[part~="legend"]');
    if (legend) {
      legend.querySelectorAll<HTMLElement>('.swatch').forEach((sw) => {
        const b = boxIn(sw, this, scale);
        if (!b) return;
        drawBoxOf(ctx, sw, b);
        // the hatch is a CSS gradient: draw it so no-data is not a colour alone in the file either
        if (sw.classList.contains('no-data')) drawHatch(ctx, b, this.themeCtl.token('--_color-text-muted', '#52606d'));
      });
      drawTextNodes(ctx, legend, this, scale);
    }
    drawBadge(ctx, q('[part~="illustrative"]'), this, scale);
    return canvasToPngBlob(canvas);
  }

  private onExport = (): void => {
    void exportPng(this, this.fileName, (m) => this.warn(m));
  };

  /** Container pixel position ([x, y], CSS px relative to part `canvas`) of a lon/lat, for tests and overlays. */
  pixelOf(lonLat: [number, number]): [number, number] | undefined {
    if (this.tilesMode) return this.tilesCtl.r?.project(lonLat);
    return this.r?.project(lonLat);
  }

  /** The legend's classes with counts as shown (for linked views and tests). */
  get legend(): { label: string; color: string; count: number }[] {
    if (this.tilesMode) return this.tilesCtl.legend;
    const s = this.styling;
    if (!s) return [];
    return s.legend.entries.map((e) => ({ label: this.classText(e.index), color: e.color, count: e.count }));
  }

  // ── render ──
  override render(): TemplateResult {
    if (this.tilesMode) return this.tilesCtl.render();
    const tt = this.t.pick(gridMapTerms);
    if (!this.geo) {
      const g = this.source.geometry;
      if (g.status === 'error' && g.error) return html`<div part="base" class="base">${renderError(this.t.core, g.error, { lang: this.t.lang })}</div>`;
      if (g.status === 'loading') return html`<div part="base" class="base">${renderLoading(this.t.core)}</div>`;
      return html`<div part="base" class="base">${this.feed.renderStatus()}</div>`;
    }
    const metric = this.currentMetric();
    const illustrative = this.geo.illustrative || !!metric?.illustrative || !!this.feed.value?.illustrative;
    const levelName = tt[`level_${VIEW_LEVELS[this.view?.rank ?? 2]}` as 'level_grid'];
    const summary = tt.mapSummary(levelName, this.view?.shown.length ?? 0, metric ? this.metricLabel(metric) : NO_VALUE);
    return html`<div part="base" class="base">
      <div part="toolbar" class="toolbar">${this.renderBreadcrumb()}${this.renderSearch()}
        <button type="button" class="toggle" part="table-toggle" aria-expanded=${this.tableOpen ? 'true' : 'false'} @click=${() => (this.tableOpen = !this.tableOpen)}>
          ${this.tableOpen ? this.t.core.hideTable : this.t.core.showTable}
        </button>
        ${this.export ? renderExportButton(tt.exportPng, this.onExport) : nothing}
      </div>
      ${this.feed.renderStatus()}
      <div part="stage" class="stage">
        <div
          part="canvas"
          tabindex="0"
          role="application"
          aria-roledescription=${tt.map}
          aria-label=${summary}
          aria-describedby="help"
          @pointermove=${this.onPointerMove}
          @pointerleave=${this.onPointerLeave}
          @pointerdown=${this.onPointerDown}
          @click=${this.onClick}
          @keydown=${this.onKeyDown}
          @blur=${() => (this.cursor = -1)}
        ></div>
        ${this.renderTooltip()}
        ${illustrative ? html`<span class="badge">${renderIllustrative(this.t.core)}</span>` : nothing}
        ${this.renderBanners()}
      </div>
      <span id="help" class="live">${tt.keyboardHelp}</span>
      <span class="live" role="status" aria-live="polite">${this.announce}</span>
      ${this.renderLegend()} ${this.tableOpen ? this.renderTable() : nothing}
      <div class="attribution"><slot name="attribution"></slot> <slot name="review-number"></slot></div>
    </div>`;
  }

  private renderBanners(): unknown {
    const tt = this.t.pick(gridMapTerms);
    const geoErr = this.geoIssueBanner;
    const joinErrors = this.joinIssues.filter((i) => i.severity === 'error');
    return html`${geoErr ? html`<div part="status" data-kind="warning" role="alert" class="state-overlay">${tt.geometryIssues(geoErr.issueCount)}</div>` : nothing}
      ${!geoErr && joinErrors.length ? html`<div part="status" data-kind="warning" role="alert" class="state-overlay">${tt.joinIssues(joinErrors.length)}</div>` : nothing}
      ${this.source.geometry.renderStatus()}`;
  }

  private renderBreadcrumb(): TemplateResult {
    const tt = this.t.pick(gridMapTerms);
    const geo = this.geo!;
    const path = this.view?.focus ? ancestry(geo, this.view.focus) : [];
    const rank = this.view?.rank ?? 2;
    return html`<nav part="breadcrumb" aria-label=${tt.breadcrumb}>
      <ol>
        <li>
          <button type="button" aria-current=${path.length ? nothing : 'location'} @click=${() => this.setView(path.length ? rank : rank, '', 'breadcrumb')}>${tt.all}</button>
        </li>
        ${path.map(
          (f, i) => html`<li>
            <button type="button" aria-current=${i === path.length - 1 ? 'location' : nothing} @click=${() => this.setView(f.rank + 1, f.code, 'breadcrumb')}>${f.name}</button>
          </li>`,
        )}
        <li>
          ${VIEW_LEVELS.map(
            (l, i) => html`<button type="button" part="level-button" aria-pressed=${rank === i ? 'true' : 'false'} @click=${() => this.setView(i, this.focusAtMost(i), 'pointer')}>
              ${tt[`level_${l}` as 'level_grid']}
            </button>`,
          )}
        </li>
      </ol>
    </nav>`;
  }

  private renderSearch(): TemplateResult {
    const tt = this.t.pick(gridMapTerms);
    const open = this.searchText.trim() !== '';
    return html`<div part="search" role="search">
      <input
        type="search"
        aria-label=${tt.searchLabel}
        placeholder=${tt.search}
        .value=${this.searchText}
        role="combobox"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls="results"
        aria-autocomplete="list"
        @input=${(e: Event) => {
          this.searchText = (e.target as HTMLInputElement).value;
          this.results = this.geo ? search(this.geo, this.searchText, 8) : [];
          this.resultIndex = 0;
        }}
        @keydown=${this.onSearchKey}
      />
      ${open
        ? html`<ul id="results" role="listbox">
            ${this.results.length
              ? this.results.map(
                  (f, i) => html`<li role="option" aria-selected=${i === this.resultIndex ? 'true' : 'false'} @click=${() => this.goTo(f, 'pointer')}>
                    ${f.name} <span class="count">${f.code}</span>
                  </li>`,
                )
              : html`<li role="option" aria-disabled="true">${tt.noMatch}</li>`}
          </ul>`
        : nothing}
    </div>`;
  }

  private renderTooltip(): unknown {
    const tip = this.tip;
    const geo = this.geo;
    if (!tip || !geo) return nothing;
    const f = geo.features[tip.index];
    if (!f) return nothing;
    const tt = this.t.pick(gridMapTerms);
    const lines = this.tooltipLines(f);
    const w = this.surface?.clientWidth ?? 0;
    const left = tip.x + 12 > w - 200 ? Math.max(0, tip.x - 212) : tip.x + 12;
    return html`<div part="tooltip" role="tooltip" style=${cspStyle({ left: `${Math.round(left)}px`, top: `${Math.round(tip.y + 12)}px` })}>
      <div class="t-name">${f.name}</div>
      <div class="t-muted">${tt.code}: ${f.code}</div>
      ${lines.parent ? html`<div class="t-muted">${tt.parent}: ${lines.parent}</div>` : nothing}
      ${lines.value !== undefined ? html`<div>${lines.value}</div>` : nothing}
      ${lines.klass ? html`<div>${tt.klass}: ${lines.klass}</div>` : nothing}
      ${lines.extra.map((x) => html`<div class="t-muted">${x}</div>`)}
      ${lines.illustrative ? html`<div>${renderIllustrative(this.t.core)}</div>` : lines.source ? html`<div class="t-muted">${this.t.core.source}: ${lines.source}</div>` : nothing}
    </div>`;
  }

  private renderLegend(): unknown {
    const s = this.styling;
    const metric = this.currentMetric();
    if (!s) return nothing;
    const tt = this.t.pick(gridMapTerms);
    return html`<div part="legend" role="group" aria-label=${tt.legend}>
      <span class="legend-title">${metric ? this.metricLabel(metric) : tt.legend}${this.unitText(metric) ? ` (${this.unitText(metric)})` : ''}</span>
      <ul>
        ${s.legend.entries.map(
          (e) => html`<li>
            <button
              type="button"
              part="legend-item"
              data-class=${e.index}
              aria-pressed=${this.hiddenClasses.has(e.index) ? 'false' : 'true'}
              title=${tt.hideClass}
              @mouseenter=${() => this.emphasise(e.index)}
              @mouseleave=${() => this.emphasise(null)}
              @focus=${() => this.emphasise(e.index)}
              @blur=${() => this.emphasise(null)}
              @click=${() => this.toggleClass(e.index)}
            >
              <span class="swatch" style=${cspStyle({ background: e.color })}></span>
              <span class="label">${this.classText(e.index)}</span>
              <span class="count">${tt.count(e.count)}</span>
            </button>
          </li>`,
        )}
        <li>
          <button type="button" part="legend-item" data-class="no-data" aria-pressed="true" @mouseenter=${() => this.emphasise('none')} @mouseleave=${() => this.emphasise(null)}>
            <span class="swatch no-data"></span><span class="label">${tt.noData}</span><span class="count">${tt.count(s.legend.noData)}</span>
          </button>
        </li>
      </ul>
    </div>`;
  }

  private renderTable(): TemplateResult {
    const tt = this.t.pick(gridMapTerms);
    const geo = this.geo!;
    const metric = this.currentMetric();
    const vm = metric ? this.joined?.values.get(metric.key) : undefined;
    const all = (this.view?.shown ?? []).slice().sort((a, b) => geo.features[a].code.localeCompare(geo.features[b].code));
    const p = pageOf(all, this.page, Math.max(1, this.pageSize));
    return html`<div part="table">
      <table>
        <caption class="visually-hidden">${this.t.core.table}</caption>
        <thead>
          <tr><th scope="col">${tt.name}</th><th scope="col">${tt.code}</th><th scope="col">${metric ? this.metricLabel(metric) : tt.value}</th><th scope="col">${tt.klass}</th></tr>
        </thead>
        <tbody>
          ${p.rows.map((i) => {
            const f = geo.features[i];
            const c = this.styling?.classes.get(i) ?? -1;
            return html`<tr aria-selected=${f.code === this.selected ? 'true' : 'false'}>
              <td><button type="button" class="toggle" @click=${() => this.choose(i, 'pointer')}>${f.name}</button></td>
              <td>${f.code}</td>
              <td class="num">${this.formatValue(vm?.get(i), metric)}</td>
              <td>${c >= 0 ? this.classText(c) : tt.noData}</td>
            </tr>`;
          })}
        </tbody>
      </table>
      <div class="pager">
        <button type="button" class="toggle" ?disabled=${p.page === 0} @click=${() => (this.page = p.page - 1)}>${tt.prev}</button>
        <span>${tt.page(p.page + 1, p.pages)} · ${tt.nUnits(p.total)}</span>
        <button type="button" class="toggle" ?disabled=${p.page >= p.pages - 1} @click=${() => (this.page = p.page + 1)}>${tt.next}</button>
      </div>
    </div>`;
  }

  // ── private helpers: data ──
  /** Geometry / point-layer problems that still left something to draw: reported once per parsed value. */
  private reportSourceIssues(): void {
    const g = this.source.geometry.value;
    if (g && g !== this.reported.geo) {
      this.reported.geo = g;
      this.geoIssueBanner = undefined;
      const issues = this.source.issues;
      if (issues.length) this.reportIssues(issues, this.source.geometry.source, 'geometry', this.geometrySrc);
      if (hasMissingParents(g)) void this.dissolveLater(g);
    }
    const p = this.source.points.value;
    if (p && p !== this.reported.points) {
      this.reported.points = p;
      if (this.source.pointIssues.length) this.reportIssues(this.source.pointIssues, this.source.points.source, 'points', this.pointsSrc);
    }
  }
  /** Partly invalid geometry: the banner's detail while that geometry is shown. */
  private geoIssueBanner?: CivicErrorDetail;

  private async dissolveLater(geo: GridGeometry): Promise<void> {
    await this.whenDrawn();
    await new Promise((r) => setTimeout(r, 0));
    if (this.source.geometry.value !== geo || !this.isConnected) return;
    this.source.dissolve();
  }

  /** civic-error for partly valid geometry or join problems (errors and warnings listed, counts by code). */
  private reportIssues(issues: Issue[], source: DataSourceKind, what: 'geometry' | 'join' | 'points', url?: string): void {
    const errors = issues.filter((i) => i.severity === 'error');
    const s = summariseIssues(issues);
    const detail: CivicErrorDetail = {
      kind: 'validation',
      source,
      url,
      message: `${what}: ${formatIssue(errors[0] ?? issues[0])}`,
      issues: capIssues(issues),
      issueCount: s.total,
      issueCounts: s.byCode,
      partial: true,
      keptPrevious: false,
    };
    if (what === 'geometry' && errors.length) this.geoIssueBanner = detail;
    // Warnings too (rewound rings, grids without a value for a metric in its scope): the picture is complete but
    // the input was not what it should be, so listeners get counts and examples. Only errors raise the banner.
    void this.updateComplete.then(() => this.dispatchEvent(new CivicErrorEvent(detail)));
    if (!errors.length) this.warn(`${what}: ${issues.length} warning(s), e.g. ${formatIssue(issues[0])}`);
    else this.warn(`${what}: ${errors.length} error(s), ${issues.length - errors.length} warning(s); first: ${formatIssue(errors[0] ?? issues[0])}`);
  }

  private currentMetric(): GridMetric | undefined {
    const ms = this.feed.value?.metrics ?? [];
    return ms.find((m) => m.key === this.metric) ?? ms[0];
  }

  private metricLabel(m: GridMetric): string {
    return this.t.lang === 'en' && m.labelEn ? m.labelEn : m.label;
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

  private unitText(m: GridMetric | undefined): string {
    if (!m?.unit) return '';
    return this.t.lang === 'en' ? UNITS[m.unit]?.en || m.unit : m.unit;
  }

  private formatValue(v: number | undefined, m: GridMetric | undefined): string {
    if (v === undefined) return NO_VALUE;
    return m?.unit ? formatAmount(v, m.unit, { lang: this.t.lang }) : formatNumber(v, { lang: this.t.lang });
  }

  private classText(i: number): string {
    const s = this.styling;
    const c = s?.legend.entries[i];
    if (!s || !c) return '';
    const tt = this.t.pick(gridMapTerms);
    const m = this.currentMetric();
    const vm = m ? this.joined?.values.get(m.key) : undefined;
    const integer = !!vm && (this.view?.shown ?? []).every((k) => !vm.has(k) || Number.isInteger(vm.get(k)));
    const range = classRangeLabel(c, integer, (v) => formatNumber(v, { lang: this.t.lang, precision: legendPrecision(v) }), tt);
    return c.label ? `${range} ${c.label}` : range;
  }

  private tooltipLines(f: GridFeature): { parent?: string; value?: string; klass?: string; extra: string[]; illustrative: boolean; source?: string } {
    const geo = this.geo!;
    const m = this.currentMetric();
    const parent = f.parent ? geo.byCode.get(f.parent)?.name ?? f.parent : undefined;
    const v = m ? this.joined?.values.get(m.key)?.get(f.index) : undefined;
    const c = this.styling?.classes.get(f.index);
    const extra = (parseLabelList(this.tooltipFields) ?? [])
      .filter((k) => k && f.properties[k] !== undefined && f.properties[k] !== null)
      .map((k) => `${k}: ${String(f.properties[k])}`);
    const row = this.joined?.rowByIndex.get(f.index);
    const real = !!this.joined?.realRows.has(f.index);
    return {
      parent,
      value: m ? `${this.metricLabel(m)}: ${this.formatValue(v, m)}` : undefined,
      klass: c !== undefined && c >= 0 ? this.classText(c) : m ? this.t.pick(gridMapTerms).noData : undefined,
      extra,
      illustrative: !!m && m.illustrative && !real,
      source: row?.source,
    };
  }

  // ── private helpers: rendering ──
  private sceneModel() {
    const geo = this.geo, view = this.view, styling = this.styling;
    if (!geo || !view || !styling) return undefined;
    return {
      geo,
      view,
      styling,
      emphasis: this.emphasisClass,
      selected: this.selected,
      hovered: this.highlighted >= 0 ? this.highlighted : this.cursor >= 0 ? this.cursor : this.hovered,
      points: this.source.pointList,
      lang: this.t.lang,
    };
  }

  /**
   * `selected`, `level` and `focus` set from outside (attribute or property, after the first render) fire the same
   * events as a click, with trigger `api`, so linked views and listeners follow either way. Changes the element made
   * itself already fired theirs.
   */
  private announceApiChanges(changed: PropertyValues): void {
    const own = this.ownChange;
    this.ownChange = false;
    if (own || !this.hasUpdated || !this.geo) return;
    if (changed.has('selected') && changed.get('selected') !== undefined) {
      const f = this.selected ? this.geo.byCode.get(this.selected) : undefined;
      this.dispatchEvent(new CivicSelectEvent({ id: this.selected || null, item: f ? this.itemOf(f.index) : undefined, region: this.selected || null, trigger: 'api' }));
    }
    if ((changed.has('level') && changed.get('level') !== undefined) || (changed.has('focusCode') && changed.get('focusCode') !== undefined))
      this.dispatchEvent(new CivicViewChangeEvent({ level: viewLevel(this.level) ?? 'grid', focus: this.focusCode, trigger: 'api' }));
  }
  private ownChange = false;

  // ── private helpers: interaction ──
  private local(e: MouseEvent): [number, number] | undefined {
    const el = this.surface;
    if (!el) return undefined;
    const rect = el.getBoundingClientRect();
    // Pointer positions arrive in scaled page pixels inside a CSS-scaled <civic-screen>: undo the scale.
    const sx = el.offsetWidth ? rect.width / el.offsetWidth : 1;
    const sy = el.offsetHeight ? rect.height / el.offsetHeight : 1;
    return [(e.clientX - rect.left) / (sx || 1), (e.clientY - rect.top) / (sy || 1)];
  }

  private pickAt(x: number, y: number): number {
    const geo = this.geo, view = this.view;
    const ll = this.r?.unproject(x, y);
    if (!geo || !view || !ll) return -1;
    return pick(geo, view.shown, ll[0], ll[1], (lx, ly, f) => pointInPolygon(lx, ly, f.geometry));
  }

  private onPointerMove = (e: PointerEvent): void => {
    const p = this.local(e);
    if (!p) return;
    const i = this.pickAt(p[0], p[1]);
    if (i !== this.hovered) {
      this.hovered = i;
      this.dispatchEvent(new CivicHoverEvent({ id: i >= 0 ? this.geo!.features[i].code : null, item: i >= 0 ? this.itemOf(i) : undefined }));
    }
    this.tip = i >= 0 ? { index: i, x: p[0], y: p[1] } : undefined;
  };

  private onPointerLeave = (): void => {
    if (this.hovered >= 0) this.dispatchEvent(new CivicHoverEvent({ id: null }));
    this.hovered = -1;
    this.tip = undefined;
  };

  private onPointerDown = (e: PointerEvent): void => {
    this.downAt = [e.clientX, e.clientY];
  };

  private onClick = (e: MouseEvent): void => {
    if (this.downAt && Math.hypot(e.clientX - this.downAt[0], e.clientY - this.downAt[1]) > 5) return; // a drag, not a click
    const p = this.local(e);
    if (!p) return;
    const i = this.pickAt(p[0], p[1]);
    if (i >= 0) this.choose(i, 'pointer');
  };

  /** Select a unit; units with children (streets, communities) are drilled into. */
  private choose(i: number, trigger: 'pointer' | 'keyboard'): void {
    const geo = this.geo!;
    const f = geo.features[i];
    this.ownChange = true;
    this.selected = f.code;
    this.announce = this.t.pick(gridMapTerms).selected(f.name);
    this.dispatchEvent(new CivicSelectEvent({ id: f.code, item: this.itemOf(i), region: f.code, trigger }));
    if (f.rank < 2 && geo.children.has(f.code)) {
      this.cursor = -1;
      this.setView(f.rank + 1, f.code, trigger);
    }
  }

  private itemOf(i: number): Record<string, unknown> {
    const f = this.geo!.features[i];
    const values: Record<string, number> = {};
    for (const [k, vm] of this.joined?.values ?? []) if (vm.has(i)) values[k] = vm.get(i) as number;
    return { ...f.properties, code: f.code, name: f.name, level: f.level, parent: f.parent, values };
  }

  private setView(rank: number, focus: string, trigger: CivicViewChangeDetail['trigger']): void {
    const level: ViewLevel = VIEW_LEVELS[Math.max(0, Math.min(2, rank))];
    if (level === (viewLevel(this.level) ?? 'grid') && focus === this.focusCode) return;
    this.ownChange = true;
    this.level = level;
    this.focusCode = focus;
    this.tip = undefined;
    this.dispatchEvent(new CivicViewChangeEvent({ level, focus, trigger }));
  }

  /** The deepest part of the current focus that still shows units of rank `rank`. */
  private focusAtMost(rank: number): string {
    if (!this.geo || !this.focusCode) return '';
    const path = ancestry(this.geo, this.focusCode).filter((f) => f.rank < rank);
    return path.length ? path[path.length - 1].code : '';
  }

  private goTo(f: GridFeature, trigger: 'pointer' | 'keyboard'): void {
    const geo = this.geo!;
    this.searchText = '';
    this.results = [];
    const parent = f.parent && geo.byCode.has(f.parent) ? f.parent : '';
    this.setView(f.rank, parent, 'search');
    this.choose(f.index, trigger);
    this.surface?.focus();
  }

  private onSearchKey = (e: KeyboardEvent): void => {
    if (e.key === 'ArrowDown') {
      this.resultIndex = Math.min(this.results.length - 1, this.resultIndex + 1);
      e.preventDefault();
    } else if (e.key === 'ArrowUp') {
      this.resultIndex = Math.max(0, this.resultIndex - 1);
      e.preventDefault();
    } else if (e.key === 'Enter' && this.results[this.resultIndex]) {
      this.goTo(this.results[this.resultIndex], 'keyboard');
      e.preventDefault();
    } else if (e.key === 'Escape') {
      this.searchText = '';
      this.results = [];
    }
  };

  private onKeyDown = (e: KeyboardEvent): void => {
    const geo = this.geo, view = this.view;
    if (!geo || !view) return;
    const dir = ARROWS[e.key];
    if (dir) {
      e.preventDefault();
      let next: number;
      const from = this.cursor >= 0 && view.shown.includes(this.cursor) ? this.cursor : geo.byCode.get(this.selected)?.index ?? -1;
      if (from < 0 || !view.shown.includes(from)) {
        // Start at the north-west unit.
        let best = Infinity;
        next = -1;
        for (const i of view.shown) {
          const [x, y] = geo.features[i].labelPoint;
          if (x - y < best) (best = x - y), (next = i);
        }
      } else next = neighbour(geo, view.shown, from, dir);
      if (next >= 0) {
        this.cursor = next;
        this.showTipAt(next);
        const f = geo.features[next];
        this.announce = `${f.name}; ${this.tooltipLines(f).value ?? ''}`;
        this.dispatchEvent(new CivicHoverEvent({ id: f.code, item: this.itemOf(next) }));
      }
    } else if (e.key === 'Enter' || e.key === ' ') {
      if (this.cursor >= 0) {
        e.preventDefault();
        this.choose(this.cursor, 'keyboard');
      }
    } else if (e.key === 'Escape') {
      const up = upView(geo, view.rank, view.focus);
      if (up) {
        e.preventDefault();
        this.cursor = -1;
        this.setView(up.rank, up.focus, 'keyboard');
      }
    }
  };

  private showTipAt(i: number): void {
    const f = this.geo?.features[i];
    const p = f ? this.r?.project(f.labelPoint) : undefined;
    this.tip = p ? { index: i, x: p[0], y: p[1] } : undefined;
  }

  private onMapMove(): void {
    if (this.tip && (this.cursor >= 0 || this.highlighted >= 0)) this.showTipAt(this.tip.index);
  }

  private emphasise(c: number | 'none' | null): void {
    this.emphasisClass = c;
    this.pushSceneSoon();
  }

  private toggleClass(i: number): void {
    const next = new Set(this.hiddenClasses);
    if (next.has(i)) next.delete(i);
    else next.add(i);
    this.hiddenClasses = next;
  }

  private pushSceneSoon(): void {
    void this.updateComplete.then(() => this.surfaceCtl.push());
  }
}

/** Features in a raw GeoJSON FeatureCollection (0 for anything else), to start loading maplibre early. */
function featureCount(raw: unknown): number {
  const f = raw && typeof raw === 'object' ? (raw as { features?: unknown }).features : undefined;
  return Array.isArray(f) ? f.length : 0;
}
