/**
 * The one set of views of <civic-grid-map> (toolbar, search, legend, table twin, tooltip), the same in memory and
 * tiles mode. Templates only: texts come from the GridViewModel, state and actions from the element's controllers.
 * Data strings are interpolated as text, never HTML.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { cspStyle } from '../../core/render/csp-style.js';
import { confineTooltip } from '../../core/render/tooltip-confine.js';
import { renderIllustrative, renderLoading } from '../../core/render/states.js';
import type { LocalizeController } from '../../core/controllers/localize-controller.js';
import { gridMapTerms } from './grid-map.i18n.js';
import { viewWords } from '../../core/i18n/translation.js';
import { VIEW_LEVELS, type UnitInfo } from './grid-map.types.js';
import type { Emphasis } from './scene.js';
import type { Issue } from '../../data/validate.js';
import type { GridViewModel, TooltipModel } from './view-model.js';
import type { NavigationController } from './navigation.js';
import { renderExportButton } from '../../core/export/export-button.js';

export type Terms = (typeof gridMapTerms)['zh-CN'];

export function terms(t: LocalizeController): Terms {
  return t.pick(gridMapTerms);
}

export interface BreadcrumbInput {
  path: readonly UnitInfo[];
  rank: number;
  onAll(): void;
  onCrumb(u: UnitInfo): void;
  onLevel(rank: number): void;
  /** Tiles mode: zoom buttons. */
  zoom?: (d: number) => void;
}

/** Breadcrumb path, level buttons and (tiles mode) zoom buttons. */
export function renderBreadcrumb(t: LocalizeController, o: BreadcrumbInput): TemplateResult {
  const tt = terms(t);
  return html`<nav part="breadcrumb" aria-label=${tt.breadcrumb}>
    <ol>
      <li><button type="button" aria-current=${o.path.length ? nothing : 'location'} @click=${o.onAll}>${tt.all}</button></li>
      ${o.path.map(
        (u, i) => html`<li><button type="button" aria-current=${i === o.path.length - 1 ? 'location' : nothing} @click=${() => o.onCrumb(u)}>${u.name}</button></li>`,
      )}
      <li>
        ${VIEW_LEVELS.map(
          (l, i) => html`<button type="button" part="level-button" aria-pressed=${o.rank === i ? 'true' : 'false'} @click=${() => o.onLevel(i)}>${tt[`level_${l}` as 'level_grid']}</button>`,
        )}
      </li>
      ${o.zoom
        ? html`<li><button type="button" aria-label=${tt.zoomIn} @click=${() => o.zoom!(1)}>+</button></li>
            <li><button type="button" aria-label=${tt.zoomOut} @click=${() => o.zoom!(-1)}>−</button></li>`
        : nothing}
    </ol>
  </nav>`;
}

export interface SearchState {
  text: string;
  results: readonly UnitInfo[];
  index: number;
  onInput(text: string): void;
  onKey(e: KeyboardEvent): void;
  onFocus?(): void;
  onPick(u: UnitInfo): void;
}

export function renderSearch(t: LocalizeController, s: SearchState): TemplateResult {
  const tt = terms(t);
  const open = s.text.trim() !== '';
  return html`<div part="search" role="search">
    <input
      type="search"
      aria-label=${tt.searchLabel}
      placeholder=${tt.search}
      .value=${s.text}
      role="combobox"
      aria-expanded=${open ? 'true' : 'false'}
      aria-controls="results"
      aria-autocomplete="list"
      @focus=${() => s.onFocus?.()}
      @input=${(e: Event) => s.onInput((e.target as HTMLInputElement).value)}
      @keydown=${(e: KeyboardEvent) => s.onKey(e)}
    />
    ${open
      ? html`<ul id="results" role="listbox">
          ${s.results.length
            ? s.results.map(
                (u, i) => html`<li role="option" aria-selected=${i === s.index ? 'true' : 'false'} @click=${() => s.onPick(u)}>${u.name} <span class="count">${u.code}</span></li>`,
              )
            : html`<li role="option" aria-disabled="true">${tt.noMatch}</li>`}
        </ul>`
      : nothing}
  </div>`;
}

export function renderLegend(t: LocalizeController, vm: GridViewModel, o: { emphasise(c: Emphasis): void; toggle(i: number): void }): TemplateResult {
  const tt = terms(t);
  const unit = vm.unitText();
  return html`<div part="legend" role="group" aria-label=${tt.legend}>
    <span class="legend-title">${vm.metricLabel() ?? tt.legend}${unit ? ` (${unit})` : ''}</span>
    <ul>
      ${vm.legendItems().map(
        (e) => html`<li>
          <button
            type="button"
            part="legend-item"
            data-class=${e.index}
            aria-pressed=${e.shown ? 'true' : 'false'}
            title=${tt.hideClass}
            @mouseenter=${() => o.emphasise(e.index)}
            @mouseleave=${() => o.emphasise(null)}
            @focus=${() => o.emphasise(e.index)}
            @blur=${() => o.emphasise(null)}
            @click=${() => o.toggle(e.index)}
          >
            <span class="swatch" style=${cspStyle({ background: e.color })}></span>
            <span class="label">${e.label}</span>
            <span class="count">${tt.count(e.count)}</span>
          </button>
        </li>`,
      )}
      <li>
        <button type="button" part="legend-item" data-class="no-data" aria-pressed="true" @mouseenter=${() => o.emphasise('none')} @mouseleave=${() => o.emphasise(null)} @focus=${() => o.emphasise('none')} @blur=${() => o.emphasise(null)}>
          <span class="swatch no-data"></span><span class="label">${tt.noData}</span><span class="count">${tt.count(vm.noDataCount)}</span>
        </button>
      </li>
    </ul>
  </div>`;
}

export function renderTable(
  t: LocalizeController,
  vm: GridViewModel,
  o: { page: number; pageSize: number; selected: string; onPage(p: number): void; onChoose?(code: string): void },
): TemplateResult {
  const tt = terms(t);
  const p = vm.table(o.page, o.pageSize);
  return html`<div part="table">
    <table>
      <caption class="visually-hidden">${viewWords(t.lang).table}</caption>
      <thead>
        <tr><th scope="col">${tt.name}</th><th scope="col">${tt.code}</th><th scope="col">${vm.metricLabel() ?? tt.value}</th><th scope="col">${tt.klass}</th></tr>
      </thead>
      <tbody>
        ${p.rows.map(
          (r) => html`<tr aria-selected=${r.code === o.selected ? 'true' : 'false'}>
            <td>${o.onChoose ? html`<button type="button" class="toggle" @click=${() => o.onChoose!(r.code)}>${r.name}</button>` : r.name}</td>
            <td>${r.code}</td>
            <td class="num">${r.value}</td>
            <td>${r.klass}</td>
          </tr>`,
        )}
      </tbody>
    </table>
    <div class="pager">
      <button type="button" class="toggle" ?disabled=${p.page === 0} @click=${() => o.onPage(p.page - 1)}>${tt.prev}</button>
      <span>${tt.page(p.page + 1, p.pages)} · ${tt.nUnits(p.total)}</span>
      <button type="button" class="toggle" ?disabled=${p.page >= p.pages - 1} @click=${() => o.onPage(p.page + 1)}>${tt.next}</button>
    </div>
  </div>`;
}

/**
 * The tooltip at stage pixel (x, y): below-right of the point, flipped above / to the left and kept inside the stage,
 * reshaped to show whole on a stage shorter than it (confineTooltip measures it once rendered).
 */
export function renderTooltip(t: LocalizeController, m: TooltipModel, x: number, y: number): TemplateResult {
  const tt = terms(t);
  return html`<div part="tooltip" role="tooltip" ${confineTooltip(x, y)}>
    <div class="t-name">${m.name}</div>
    <div class="t-muted">${tt.code}: ${m.code}</div>
    ${m.parent ? html`<div class="t-muted">${tt.parent}: ${m.parent}</div>` : nothing}
    ${m.value !== undefined ? html`<div>${m.value}</div>` : nothing}
    ${m.klass ? html`<div>${tt.klass}: ${m.klass}</div>` : nothing}
    ${m.extra.map((x) => html`<div class="t-muted">${x}</div>`)}
    ${m.illustrative ? html`<div>${renderIllustrative(t.core)}</div>` : m.source ? html`<div class="t-muted">${viewWords(t.lang).source}: ${m.source}</div>` : nothing}
  </div>`;
}

/** What the element's picture frame needs: its parts are rendered by the other views here. */
export interface MapViewInput {
  tiles: boolean;
  vm?: GridViewModel;
  /** The tooltip's view model (tiles mode: of the hovered unit's level). */
  tipVm?: GridViewModel;
  nav: NavigationController;
  /** The map's accessible summary (level, units, metric). */
  summary: string;
  crumbs: TemplateResult;
  /** The metrics' status banner (loading / error / stale), above the stage. */
  status: unknown;
  /** Banners over the stage (geometry, join, tiles failures). */
  banners: unknown;
  illustrative: boolean;
  showLegend: boolean;
  tableOpen: boolean;
  toggleTable(): void;
  onExport?: () => void;
  tooltipFields: readonly string[];
  legend: { emphasise(c: Emphasis): void; toggle(i: number): void };
  table: { page: number; pageSize: number; selected: string; onPage(p: number): void; onChoose(code: string): void };
}

/** The element's whole picture frame: toolbar, status, stage (canvas, tooltip, badge, banners), legend, table. */
export function renderMap(t: LocalizeController, o: MapViewInput): TemplateResult {
  const tt = terms(t);
  const nav = o.nav, tip = nav.tip;
  return html`<div part="base" class="base">
    <div part="toolbar" class="toolbar">
      ${o.crumbs}
      ${renderSearch(t, { text: nav.searchText, results: nav.results, index: nav.resultIndex, onInput: nav.onSearchInput, onKey: nav.onSearchKey, onFocus: nav.onSearchFocus, onPick: (u) => nav.goTo(u, 'pointer') })}
      <button type="button" class="toggle" part="table-toggle" aria-expanded=${o.tableOpen ? 'true' : 'false'} @click=${o.toggleTable}>
        ${o.tableOpen ? viewWords(t.lang).hideTable : viewWords(t.lang).showTable}
      </button>
      ${o.onExport ? renderExportButton(tt.exportPng, o.onExport) : nothing}
    </div>
    ${o.status}
    <div part="stage" class="stage">
      <div
        part="canvas"
        tabindex="0"
        role="application"
        aria-roledescription=${tt.map}
        aria-label=${o.summary}
        aria-describedby="help"
        @pointermove=${nav.onPointerMove}
        @pointerleave=${nav.onPointerLeave}
        @pointerdown=${nav.onPointerDown}
        @click=${nav.onClick}
        @keydown=${nav.onKeyDown}
        @blur=${nav.onBlur}
      ></div>
      ${tip && o.tipVm ? renderTooltip(t, o.tipVm.tooltip(tip.code, o.tooltipFields), tip.x, tip.y) : nothing}
      ${o.illustrative ? html`<span class="badge">${renderIllustrative(t.core)}</span>` : nothing} ${o.banners}
    </div>
    <span id="help" class="live">${o.tiles ? tt.tilesHelp : tt.keyboardHelp}</span>
    <span class="live" role="status" aria-live="polite">${nav.announce}</span>
    ${o.vm && o.showLegend ? renderLegend(t, o.vm, o.legend) : nothing}
    ${o.tableOpen && o.vm ? renderTable(t, o.vm, o.table) : nothing}
    <div class="attribution"><slot name="attribution"></slot> <slot name="review-number"></slot></div>
  </div>`;
}

/** Tiles mode's banner over the stage: the tile set failed. */
export function renderTilesBanner(tt: Terms, failed: boolean): unknown {
  return failed ? html`<div part="status" data-kind="error" role="alert" class="state-overlay">${tt.tilesFailed}</div>` : nothing;
}

/** Memory mode's banners over the stage: partly invalid geometry, else join errors; the geometry source's status. */
export function renderMemoryBanners(tt: Terms, o: { geometryBanner?: { issueCount: number }; joinIssues: readonly Issue[]; geometryStatus: unknown }): unknown {
  const joinErrors = o.joinIssues.filter((i) => i.severity === 'error');
  const warn = (text: string) => html`<div part="status" data-kind="warning" role="alert" class="state-overlay">${text}</div>`;
  return html`${o.geometryBanner ? warn(tt.geometryIssues(o.geometryBanner.issueCount)) : joinErrors.length ? warn(tt.joinIssues(joinErrors.length)) : nothing}
    ${o.geometryStatus}`;
}

/** Memory mode before a geometry is drawn: the geometry's error (with its retry button) or loading, else the metrics' status. */
export function renderWithoutMap(t: LocalizeController, geometry: { status: string; error?: unknown; renderStatus(): unknown }, feed: { error?: unknown; renderStatus(): unknown }): TemplateResult {
  // No geometry at all (no geometry-src, no geometry property, no tiles): say what is missing, not a blank box — unless
  // the metrics failed, whose error (an alert) says more.
  if (geometry.status === 'idle' && !feed.error) return html`<div part="base" class="base"><div part="status" data-kind="empty" role="status" class="state-block">${terms(t).noGeometry}</div></div>`;
  const inner = geometry.status === 'error' && geometry.error ? geometry.renderStatus() : geometry.status === 'loading' ? renderLoading(t.core) : feed.renderStatus();
  return html`<div part="base" class="base">${inner}</div>`;
}
