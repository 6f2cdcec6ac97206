/**
 * The public attributes and properties of <civic-grid-map>, documented once (the custom-elements manifest lists them
 * on the element through this base), and what they say without acting: the mode (`tilesMode`), the metrics data
 * hooks of the data element (parse, counts, the off-thread loader), the metric shown and the classification spec.
 * The element (grid-map.ts) wires them to its controllers.
 */
import { property } from 'lit/decorators.js';
import { orDefault } from '../common/attr-default.js';
import { CivicDataElement } from '../../data/civic-data-element.js';
import type { OffThreadLoader, ParseContext } from '../../data/data-controller.js';
import type { Validated } from '../../data/validate.js';
import { parseLabelList, parseNumberList, type ClassifySpec } from './classify.js';
import { parseMetrics } from './grid-map.model.js';
import { isColumnData } from './column-view.js';
import { loadMetricsOffThread, metricsOffThread } from './metrics-loader.js';
import type { Classification, Crs, GridMetric, GridMetricsData, RendererChoice } from './grid-map.types.js';

/**
 * Every attribute below converts with orDefault (common/attr-default.ts): removed, it gives the README's default back
 * (a number stays a number), or undefined when the README gives none — never null (Lit's own converters give null:
 * `classes` and the field names came back null; grid-map-attrs-removed).
 *
 * @internal
 */
export abstract class GridMapProps extends CivicDataElement<GridMetricsData> {
  /** Geometry as a GeoJSON FeatureCollection or TopoJSON Topology; wins over `geometry-src`. */
  @property({ attribute: false }) geometry?: unknown;
  /** URL of the GeoJSON / TopoJSON geometry. */
  @property({ attribute: 'geometry-src', converter: orDefault() }) geometrySrc?: string;
  /** Optional point layer: GeoJSON Point features `{ id, name, nameEn?, kind: park|project|service-station }`. */
  @property({ attribute: false }) points?: unknown;
  /** URL of the point layer. */
  @property({ attribute: 'points-src', converter: orDefault() }) pointsSrc?: string;
  /** TopoJSON object to read (default: the first). */
  @property({ attribute: 'topo-object', converter: orDefault() }) topoObject?: string;
  /**
   * Feature property holding the unit code; `id` reads the GeoJSON / TopoJSON feature id (us-atlas keeps county codes
   * there; numeric ids become string codes as given), a dotted path (`meta.code`) a nested property.
   */
  @property({ attribute: 'code-field', converter: orDefault('code') }) codeField = 'code';
  /** Feature property holding the display name. */
  @property({ attribute: 'name-field', converter: orDefault('name') }) nameField = 'name';
  /** Feature property holding the level (street|town|community|village|grid). */
  @property({ attribute: 'level-field', converter: orDefault('level') }) levelField = 'level';
  /** Feature property holding the parent's code. */
  @property({ attribute: 'parent-field', converter: orDefault('parent') }) parentField = 'parent';
  /** Feature property that metric rows' `code` is matched against. */
  @property({ attribute: 'join-by', converter: orDefault('code') }) joinBy = 'code';
  /** Key of the metric shown (default: the first metric). */
  @property({ reflect: true, converter: orDefault() }) metric?: string;
  /** sequential | quantize | quantile | natural | thresholds | categorical. */
  @property({ reflect: true, converter: orDefault('quantile') }) classification: Classification = 'quantile';
  /** Number of classes for quantize / quantile / natural (2–12). */
  @property({ converter: orDefault(5, true) }) classes = 5;
  /** Colour scheme from d3-scale-chromatic (viridis, cividis, blues, ylgnbu, tableau10 …); default viridis (colour-blind safe). */
  @property({ converter: orDefault('viridis') }) scheme = 'viridis';
  /** Break values for `thresholds`, ascending, e.g. "5,9" (class i is [break i-1, break i)). */
  @property({ converter: orDefault() }) thresholds?: string;
  /** Class labels, comma- or |-separated, e.g. "促进户,文明清洁户,示范文明清洁户". */
  @property({ attribute: 'class-labels', converter: orDefault() }) classLabels?: string;
  /** Explicit class colours, comma-separated CSS colours (override `scheme`). */
  @property({ attribute: 'class-colors', converter: orDefault() }) classColors?: string;
  /** auto (canvas for small data without basemap, WebGL otherwise) | webgl | canvas | svg. */
  @property({ reflect: true, converter: orDefault('auto') }) renderer: RendererChoice = 'auto';
  /** Level shown: street | community | grid (town/village accepted). Default grid. */
  @property({ reflect: true, converter: orDefault() }) level?: string;
  /** Code of the unit zoomed into (attribute `focus`); empty = the whole area. */
  @property({ reflect: true, attribute: 'focus', converter: orDefault('') }) focusCode = '';
  /** Code of the selected unit. */
  @property({ reflect: true, converter: orDefault('') }) selected = '';
  /** CRS of the geometry: wgs84 | cgcs2000 (treated as wgs84) | gcj02 | bd09. */
  @property({ converter: orDefault('wgs84') }) crs: Crs = 'wgs84';
  /** CRS of the basemap; geometry is converted to it when they differ. */
  @property({ attribute: 'basemap-crs', converter: orDefault('wgs84') }) basemapCrs: Crs = 'wgs84';
  /** Basemap: a style URL or a raster tile template ({z}/{x}/{y}); none by default (no network). */
  @property({ converter: orDefault() }) basemap?: string;
  /** Show the data-table twin. */
  @property({ type: Boolean, reflect: true, attribute: 'table' }) tableOpen = false;
  /** Rows per table page. */
  @property({ attribute: 'page-size', converter: orDefault(20, true) }) pageSize = 20;
  /** Extra feature properties listed in the tooltip, comma-separated. */
  @property({ attribute: 'tooltip-fields', converter: orDefault() }) tooltipFields?: string;
  /** `auto` uses the canvas renderer up to this many units (without basemap). */
  @property({ attribute: 'canvas-limit', converter: orDefault(5000, true) }) canvasLimit = 5000;
  /** Milliseconds to wait for a lost WebGL context to be restored before falling back to canvas. */
  @property({ attribute: 'restore-timeout', converter: orDefault(3000, true) }) restoreTimeout = 3000;
  /** With more live WebGL maps than this on the page, new maps draw with canvas (browsers drop old contexts beyond ~16). */
  @property({ attribute: 'max-webgl-maps', converter: orDefault(8, true) }) maxWebglMaps = 8;
  /**
   * Vector tiles instead of `geometry`: an MVT URL template (`/tiles/{z}/{x}/{y}.pbf`), a TileJSON URL, or a PMTiles
   * archive (`pmtiles:///data/grids.pmtiles`). For city-wide to national grids; always drawn with WebGL. Layers
   * follow the zoom (the tile set puts parents at low zooms); metric rows are joined by `promote-id`.
   */
  @property({ converter: orDefault() }) tiles?: string;
  /**
   * Tiles: URL of the tile set's unit index (codes, names, levels, parents, boxes, neighbours; written by
   * scripts/make-grid-tiles.mjs as `tiles-index.json`), loaded on the first search, arrow key or `focus`. Default:
   * `tiles-index.json` beside the tiles (`…/tiles/{z}/{x}/{y}.pbf`, `…/tiles.json`, `…/grids.pmtiles` → `…/tiles-index.json`).
   */
  @property({ attribute: 'tiles-index', converter: orDefault() }) tilesIndex?: string;
  /** Tiles: the source layer holding the grids. */
  @property({ attribute: 'source-layer', converter: orDefault('grids') }) sourceLayer = 'grids';
  /** Tiles: the parent source layers, nearest first (communities/villages, then streets/towns). */
  @property({ attribute: 'parent-layers', converter: orDefault('communities,streets') }) parentLayers = 'communities,streets';
  /** Tiles: the feature property used as feature id and joined to the metric rows' `code`. */
  @property({ attribute: 'promote-id', converter: orDefault('code') }) promoteId = 'code';
  /** Tiles from a {z}/{x}/{y} template: lowest zoom the server has (TileJSON and PMTiles say it themselves). */
  @property({ attribute: 'tiles-min-zoom', converter: orDefault(0, true) }) tilesMinZoom = 0;
  /** Tiles from a {z}/{x}/{y} template: highest zoom the server has; the map overzooms beyond it. */
  @property({ attribute: 'tiles-max-zoom', converter: orDefault(14, true) }) tilesMaxZoom = 14;
  /** Tiles from a {z}/{x}/{y} template: the area to show first, "west,south,east,north". */
  @property({ converter: orDefault() }) bounds?: string;
  /** Shows the export button (part `export-button`, 导出图片) in the toolbar: downloads `toPNG()` after a cancelable `civic-export`. */
  @property({ type: Boolean, reflect: true }) export = false;
  /** Download name for the export button (without `.png`); default the tag name. */
  @property({ attribute: 'file-name', converter: orDefault() }) fileName?: string;
  /** Keep the WebGL drawing buffer (pixel reads); export does not need it. */
  @property({ type: Boolean, attribute: 'preserve-drawing-buffer' }) preserveDrawingBuffer = false;

  /** True when the map draws vector tiles (`tiles` set and no `geometry` / `geometry-src`). */
  get tilesMode(): boolean {
    return !!this.tiles && (this.geometry === undefined || this.geometry === null) && !this.geometrySrc;
  }

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

  /** The metric shown: `metric`, else the first one. @internal */
  protected currentMetric(): GridMetric | undefined {
    const ms = this.feed.value?.metrics ?? [];
    return ms.find((m) => m.key === this.metric) ?? ms[0];
  }

  /** The classification the attributes ask for. @internal */
  protected spec(): ClassifySpec {
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
