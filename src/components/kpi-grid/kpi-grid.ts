import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { cspStyle } from '../../core/render/csp-style.js';
import { CivicDataElement } from '../../data/civic-data-element.js';
import { baseHostStyles } from '../../core/theme/tokens.js';
import { renderEmpty, renderIllustrative, stateStyles } from '../../core/render/states.js';
import type { Validated } from '../../data/validate.js';
import type { ParseContext } from '../../data/data-controller.js';
import type { CivicErrorDetail } from '../../core/events/error-event.js';
import type { CivicKpiTile } from '../kpi-tile/kpi-tile.js';
import type { DeltaColors, DeltaFormat, Motion } from '../common/types.js';
import { orDefault } from '../common/attr-default.js';
import { groupItems, groupLabel, mapGridFields, parseColumns, parseKpiGridPayload, payloadTitle, type KpiGridPayload, type KpiSection } from './kpi-grid.model.js';
import { kpiGridTerms } from './kpi-grid.i18n.js';
import { kpiGridStyles } from './kpi-grid.styles.js';
import { TileBoxes, shapeKey } from './kpi-grid.boxes.js';
import { exportButtonStyles, renderExportButton } from '../../core/export/export-button.js';
import { exportPng, type PngOptions } from '../../core/export/lazy.js';

let gridSeq = 0;

/**
 * @summary A grid of KPI tiles from one JSON: `{ title, source, groups, items }` (the `kpis.json` shape),
 * grouped and ordered as the data says, with a fixed or auto-fit column count and region filtering.
 * @tag civic-kpi-grid
 * @status experimental
 * @since 0.1.0
 * @slot - Optional `<script type="application/json">` holding the payload.
 * @csspart base - The wrapper.
 * @csspart header - Title line with the illustrative badge.
 * @csspart title - The data's `title` (or the `heading` attribute), a heading.
 * @csspart group - One group: its heading and tiles.
 * @csspart group-title - A group's heading.
 * @csspart grid - The CSS grid holding the tiles.
 * @csspart tile - Each `<civic-kpi-tile>` (style its own parts with `civic-kpi-tile::part(…)` tokens).
 * @csspart source - Source line.
 * @csspart illustrative - 示例数据 badge, shown when any item is illustrative.
 * @csspart status - Loading, empty, error and stale states.
 * @csspart export-button - The 导出图片 / "Export PNG" button (only with the `export` attribute).
 * @cssproperty [--civic-kpi-grid-gap=var(--civic-space-m)] - Gap between tiles and groups.
 * @cssproperty [--civic-kpi-grid-min-column-width=176px] - Narrowest column in auto-fit mode.
 * @cssproperty [--civic-kpi-grid-title-font-size=var(--civic-font-size-l)] - Title size.
 * @cssproperty [--civic-kpi-grid-background=var(--civic-color-surface)] - Background behind the title, group headings and source line, the theme's surface by default so they are readable on any page in any theme; `transparent` lets the page show through (then the page must contrast with the theme's text).
 * @event {CivicLoadEvent} civic-load - Data arrived and passed validation (`detail.count` = number of items). Tiles' own load events do not leave the grid.
 * @event {CivicErrorEvent} civic-error - Loading or validation failed; `detail.issues` has paths like `items[3].value`. Once, `partial: true`, `kind: 'network'`, when its tiles' details code cannot load (offline).
 * @event {CivicExportEvent} civic-export - The export button is about to download the PNG; cancelable; `detail: { format: 'png', blob, filename }`.
 * @event {CivicDrawnEvent} civic-drawn - A picture is complete (every tile drawn): once after data, resize, theme or language change; `detail.reasons` says which. Tiles' own drawn events do not leave the grid.
 */
export class CivicKpiGrid extends CivicDataElement<KpiGridPayload> {
  // ── styles ──
  static override styles = [baseHostStyles, stateStyles, kpiGridStyles, exportButtonStyles];
  /**
   * The reactive properties, in one table rather than as property decorators (issue 16: esbuild's decorator helper
   * and calls cost every page that loads the grid); each field below keeps its type and its documentation.
   */
  static override properties: PropertyDeclarations = {
    columns: {}, heading: {}, headingLevel: { attribute: 'heading-level', converter: orDefault(2, true) },
    deltaColors: { attribute: 'delta-colors', reflect: true, converter: orDefault('red-up') }, deltaFormat: { attribute: 'delta-format' },
    motion: { reflect: true, converter: orDefault('auto') }, duration: { converter: orDefault(800, true) }, live: { converter: orDefault('off') }, export: { type: Boolean, reflect: true }, fileName: { attribute: 'file-name' },
    valueField: { attribute: 'value-field' }, labelField: { attribute: 'label-field' }, unitField: { attribute: 'unit-field' },
    idField: { attribute: 'id-field' }, regionField: { attribute: 'region-field' },
  };

  // ── public API ──
  /** Number of columns (1–24); empty or `auto` fits as many columns of at least `--civic-kpi-grid-min-column-width` as the width allows (every group keeps the same column width). */
  columns?: string | number;
  /** Heading above the grid; defaults to the data's `title` / `titleEn`. */
  heading?: string;
  /** ARIA level of the title (group headings get one more). */
  headingLevel = 2;
  /** Colour convention passed to every tile: `red-up` (default) or `green-up`. */
  deltaColors: DeltaColors = 'red-up';
  /** Delta text passed to every tile: `percent`, `absolute` or `both`. */
  deltaFormat?: DeltaFormat;
  /** Passed to every tile: `auto` follows prefers-reduced-motion; `reduce` never animates. */
  motion: Motion = 'auto';
  /** Count-up duration of the tiles in milliseconds. */
  duration = 800;
  /** Screen-reader announcements of changed tile values: `polite` or `off` (default, so a wall of changing tiles stays quiet; each tile still reads its value). */
  live: 'polite' | 'off' = 'off';
  /**
   * Shows the export button (part `export-button`) that downloads the whole grid as one PNG. Off by default,
   * like the tiles': the grid usually sits between paragraphs of a report page, where a stray button reads as
   * part of the figures; pages that offer downloads set `export`.
   */
  export = false;
  /** Base name of the exported file (sanitised; `.png` is added); default: the tag, `civic-kpi-grid`. */
  fileName?: string;
  /** Field mapping: each item's value, as a column name (`gdp`) or a path into a list (`data.list[].gdp`). */
  valueField?: string;
  /** Field mapping: each item's label (`orgName`, `data.list[].orgName`). */
  labelField?: string;
  /** Field mapping: each item's unit. */
  unitField?: string;
  /** Field mapping: each item's id (for `highlight(id)`). */
  idField?: string;
  /** Field mapping: each item's division code (for `region` and linked views). */
  regionField?: string;

  // ── internal state ──
  private sections: KpiSection[] = [];
  /** The KPI id `highlight(id)` asked for: kept, so tiles drawn later (data not yet there, a region change) show it. */
  private hl: string | null = null;
  private readonly uid = `kg${++gridSeq}`;

  // ── controllers ──
  /** Fixed tile boxes once the tiles are drawn: a tile's changing text re-lays out that tile only (kpi-grid.boxes.ts). */
  private readonly boxes = new TileBoxes(this, {
    grids: () => Array.from(this.renderRoot.querySelectorAll<HTMLElement>('[part~="grid"]')),
    settled: () => this.drawnSettle(),
  });

  // ── data ──
  protected override parse(raw: unknown, ctx?: ParseContext): Validated<KpiGridPayload> {
    const m = mapGridFields(raw, { value: this.valueField, label: this.labelField, unit: this.unitField, id: this.idField, region: this.regionField }, ctx?.envelope);
    if (m.value === undefined) return { value: undefined, issues: m.issues };
    const r = parseKpiGridPayload(m.value);
    return { value: r.value, issues: [...m.issues, ...r.issues] };
  }

  /** @internal */
  protected override parseDeps(): readonly unknown[] {
    return [this.valueField, this.labelField, this.unitField, this.idField, this.regionField];
  }

  /** Every item invalid (dashes only): nothing valid to draw. @internal */
  protected override nothingValid(v: KpiGridPayload): boolean {
    return v.items.every((i) => i.invalid);
  }

  protected override count(v: KpiGridPayload): number {
    return v.items.length;
  }

  protected override isEmpty(v: KpiGridPayload): boolean {
    return v.items.length === 0;
  }

  /** Attributes that change the picture: a civic-drawn ('other'), and whenDrawn() waits for the tiles to show it. @internal */
  protected override drawnWatch(): ReturnType<CivicDataElement<KpiGridPayload>['drawnWatch']> {
    const w = super.drawnWatch();
    w.other = [this.columns, this.heading, this.headingLevel, this.deltaColors, this.deltaFormat, this.region];
    return w;
  }

  // ── lifecycle ──
  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const p = this.feed.value;
    this.sections = p ? groupItems(p, this.region) : [];
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // What decides the tiles' heights besides their data's shape: a change gives up the fixed boxes until re-measured.
    const around = [this.t.lang, this.themeCtl.theme, this.themeCtl.density, this.screen.scale, this.columns, this.region, this.deltaFormat, this.motion];
    this.boxes.sync(JSON.stringify(around) + shapeKey(this.sections));
  }

  /**
   * The grid's picture is complete when every tile's is (child elements, updated after the grid, figures fitted);
   * `civic-load` waits for the same picture. @internal
   */
  protected override drawnSettle(): Promise<unknown> {
    return Promise.all(Array.from(this.renderRoot.querySelectorAll<CivicKpiTile>('civic-kpi-tile')).map((t) => t.whenDrawn()));
  }

  // ── public methods ──
  /**
   * Resolves when the grid's current picture (every tile) is on screen: at once when it is, else with the next
   * `civic-drawn`. Never before a first picture; waits while a redraw is due (data, size, theme, language).
   */
  whenDrawn(): Promise<void> {
    return this.drawnCtl.whenDrawn();
  }

  /** Outlines the tile whose KPI id is `id`; `null` clears. */
  override highlight(id: string | null): void {
    this.hl = id;
    this.requestUpdate();
  }

  /**
   * The grid as one PNG image at its current size: title, 示例数据 marker, group headings, every tile (drawn
   * as `<civic-kpi-tile>`'s `toPNG()` draws it, final values) and the source line, in the theme's colours.
   * The export button is not drawn. Rejects when nothing has loaded, the grid is not in the page or not laid out.
   * @param options `pixelRatio` (default: the screen's, at least 2) and `background` (CSS colour; default the
   * surface colour).
   */
  async toPNG(options: PngOptions = {}): Promise<Blob> {
    // Never in the page, Lit never draws it: say so rather than wait for ever (a page rendering an image off screen).
    if (!this.isConnected) throw new Error('not in the page: append the element before toPNG()');
    const painter = import('./kpi-grid.export.js');
    await this.updateComplete;
    const tiles = Array.from(this.renderRoot.querySelectorAll<CivicKpiTile>('civic-kpi-tile'));
    await Promise.all(tiles.map((t) => Promise.all([t.updateComplete, t.loadExport?.()])));
    if (!this.feed.value) throw new Error('nothing to export (no data yet)');
    const { gridToPng } = await painter;
    return gridToPng(this, tiles, { pixelRatio: this.pixelRatio, background: this.themeCtl.token('--_color-surface', '#ffffff') }, options);
  }

  // ── render ──
  override render() {
    return html`<div part="base" @civic-load=${this.swallow} @civic-error=${this.swallow} @civic-drawn=${this.swallow}>
      ${this.feed.render({ complete: (p) => this.renderGrid(p), noBanner: false })}
    </div>`;
  }

  private renderGrid(p: KpiGridPayload) {
    const lang = this.t.lang;
    const t = this.t.pick(kpiGridTerms);
    const title = this.heading ?? payloadTitle(p, lang);
    const anyIllustrative = p.illustrative === true || p.items.some((i) => i.illustrative || i.historyIllustrative);
    const level = Math.min(6, Math.max(1, Math.round(this.headingLevel) || 2));
    const cols = parseColumns(this.columns);
    return html`
      ${title || anyIllustrative || this.export
        ? html`<div part="header">
            ${title ? html`<div part="title" role="heading" aria-level=${level} id="${this.uid}-title">${title}</div>` : nothing}
            ${anyIllustrative ? renderIllustrative(this.t.core, p.note) : nothing}
            ${this.export ? renderExportButton(t.exportPng, this.onExport) : nothing}
          </div>`
        : nothing}
      ${this.sections.length === 0 ? renderEmpty({ ...this.t.core, empty: t.noneInRegion }) : nothing}
      ${this.sections.map((s, i) => {
        const gid = `${this.uid}-g${i}`;
        const label = s.group ? groupLabel(s.group, lang) : this.sections.length > 1 ? t.untitled : undefined;
        return html`<section part="group" aria-labelledby=${label ? gid : nothing}>
          ${label ? html`<div part="group-title" role="heading" aria-level=${Math.min(6, level + 1)} id=${gid}>${label}</div>` : nothing}
          <div part="grid" class=${cols ? 'fixed' : ''} style=${cspStyle(cols ? { '--_columns': String(cols) } : {})}>
            ${repeat(
              s.items,
              (it, j) => it.id ?? `${i}-${j}`,
              (it) => html`<div class="cell"><civic-kpi-tile
                part="tile"
                .data=${it}
                delta-colors=${this.deltaColors}
                delta-format=${this.deltaFormat ?? nothing}
                motion=${this.motion}
                .duration=${this.duration}
                .live=${this.live}
                .partsReported=${true}
                .highlighted=${this.hl !== null && it.id === this.hl}
              ></civic-kpi-tile></div>`,
            )}
          </div>
        </section>`;
      })}
      ${p.source ? html`<p part="source">${t.sourceLabel(p.source)}</p>` : nothing}
    `;
  }

  // ── private helpers ──
  private onExport = (): void => {
    void exportPng(this, this.fileName, (m) => this.warn(m));
  };

  /**
   * Tiles' own load/error events stay inside: the grid reports for the whole payload. A tile's missing part (its
   * details code could not load: partial, not validation) is reported once by the grid, in its own banner (the tiles
   * show none: `partsReported`) — beside rows rejected by validation too (then listed in that banner), but not over a
   * failed load, nor twice.
   */
  private swallow = (e: Event): void => {
    if (e.target === this) return;
    e.stopPropagation();
    const d = (e as CustomEvent<CivicErrorDetail>).detail;
    const standing = this.feed.error;
    if (e.type === 'civic-error' && d.partial && d.kind !== 'validation' && (!standing || (standing.kind === 'validation' && standing.partial && !standing.issueCounts[d.issues[0]?.code ?? '']))) {
      this.feed.partFailed(this.feed.source, d.message, d.issues, d.url);
    }
  };
}
