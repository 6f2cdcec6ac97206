import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { keyed } from 'lit/directives/keyed.js';
import { cspStyle } from '../../core/render/csp-style.js';
import { CivicDataElement } from '../../data/civic-data-element.js';
import type { ParseContext } from '../../data/data-controller.js';
import { baseHostStyles } from '../../core/theme/tokens.js';
import { renderEmpty, renderIllustrative, stateStyles } from '../../core/render/states.js';
import { holdsSelection } from '../common/region.js';
import { CivicSelectEvent } from '../../core/events/select-event.js';
import { formatAmount, NO_VALUE, UNITS } from '../../core/format/number.js';
import { mapFields } from '../../data/adapters/field-map.js';
import type { Validated } from '../../data/validate.js';
import type { Motion } from '../common/types.js';
import { activeRowAfterKey, parseRankPayload, rankBoardRows, rowName } from './rank-board.model.js';
import { RANK_ORDERS, type RankOrder, type RankPayload, type RankedRow } from './rank-board.types.js';
import { rankBoardTerms } from './rank-board.i18n.js';
import { rankBoardStyles } from './rank-board.styles.js';
import { exportButtonStyles, exportWith, renderExportButton } from '../../core/export/export-button.js';
import type { PngOptions } from '../../core/export/png.js';
import { lazyModule } from '../../core/lazy-module.js';
import { RankScroller } from './rank-board.scroll.js';
import { orDefault } from '../common/attr-default.js';

/** The board's PNG export (rank-board.export.ts, with the shared painters), loaded with the first export (issue 16). */
const boardExport = lazyModule(() => import('./rank-board.export.js'));

let boardSeq = 0;

/**
 * @summary A ranking list for pages and big screens: rank number, name, value and an inline bar, sorted; it
 * scrolls itself row by row when longer than its box (pausing on hover and focus), scrolls by keyboard, and
 * re-sorts with a glide when values change. Keyboard: one tab stop; Up/Down (PageUp/PageDown, Home/End) move the
 * active row, Enter or Space chooses it (`civic-select`); auto-scroll pauses while the list has focus.
 * @tag civic-rank-board
 * @status experimental
 * @since 0.1.0
 * @slot - Optional `<script type="application/json">` holding the payload.
 * @csspart base - The wrapper.
 * @csspart header - Title line with the illustrative badge.
 * @csspart title - The data's `title` (or `heading`), a heading.
 * @csspart viewport - The scrolling box, a listbox (one tab stop; Up/Down, PageUp/PageDown, Home/End move the active row, Enter/Space choose it).
 * @csspart list - The ordered list.
 * @csspart row - One row (an option); the row chosen by `highlight(id)` also has part `row-highlighted`, the keyboard's active row `row-active`,
 *   and a row holding a finer linked selection (a grid chosen on the map, on a board of communities) `row-linked`.
 * @csspart rank - Rank number; ranks 1–3 also have part `rank-top`.
 * @csspart name - Row name.
 * @csspart value - Formatted value.
 * @csspart bar - Bar track.
 * @csspart bar-fill - Bar, scaled to value / largest value.
 * @csspart source - Source line.
 * @csspart illustrative - 示例数据 badge.
 * @csspart status - Loading, empty, error and stale states.
 * @csspart export-button - The 导出图片 / "Export PNG" button (only with the `export` attribute).
 * @cssproperty [--civic-rank-board-row-height=40px] - Height of a row (the box is `rows-visible` rows high).
 * @cssproperty [--civic-rank-board-bar-color=var(--civic-color-accent)] - Bar colour.
 * @cssproperty [--civic-rank-board-bar-track-color=var(--civic-color-no-data)] - Bar track colour.
 * @cssproperty [--civic-rank-board-top-color=var(--civic-color-accent)] - Badge colour of ranks 1–3.
 * @cssproperty [--civic-rank-board-background=var(--civic-color-surface)] - Background, the theme's surface by default so the board is readable on any page in any theme; `transparent` lets the page show through (then the page must contrast with the theme's text).
 * @cssproperty [--civic-rank-board-title-font-size=var(--civic-font-size-l)] - Title size.
 * @event {CivicLoadEvent} civic-load - Data arrived and passed validation (`detail.count` = rows).
 * @event {CivicErrorEvent} civic-error - Loading or validation failed; `detail.issues` has paths like `rows[3].value`.
 * @event {CivicSelectEvent} civic-select - A row was clicked or chosen with Enter/Space: `detail` = `{ id, item: row, region, trigger: 'pointer' | 'keyboard' }`.
 * @event {CivicExportEvent} civic-export - The export button is about to download the PNG; cancelable; `detail: { format: 'png', blob, filename }`.
 * @event {CivicDrawnEvent} civic-drawn - A picture is complete: once after data, resize, theme or language change (not per auto-scroll step); `detail.reasons` says which.
 */
export class CivicRankBoard extends CivicDataElement<RankPayload> {
  // ── styles ──
  static override styles = [baseHostStyles, stateStyles, rankBoardStyles, exportButtonStyles];
  /**
   * The reactive properties, in one table rather than as property decorators (issue 16: esbuild's decorator helper
   * and calls cost every page that loads the board); each field below keeps its type and its documentation. Internal
   * state is `attribute: false` (what `@state()` sets; the manifest analyzer would list `state: true` as attributes).
   */
  static override properties: PropertyDeclarations = {
    rowsVisible: { attribute: 'rows-visible', converter: orDefault(5, true) }, interval: { converter: orDefault(3, true) },
    order: { converter: orDefault('desc') }, limit: { converter: orDefault(0, true) }, motion: { reflect: true, converter: orDefault('auto') },
    heading: {}, headingLevel: { attribute: 'heading-level', converter: orDefault(2, true) }, unit: {},
    precision: { type: Number }, compact: { type: Boolean }, nameField: { attribute: 'name-field' },
    valueField: { attribute: 'value-field' }, idField: { attribute: 'id-field' }, regionField: { attribute: 'region-field' },
    export: { type: Boolean, reflect: true }, fileName: { attribute: 'file-name' },
    activeId: { attribute: false }, chosenId: { attribute: false },
  };

  // ── public API ──
  /** How many rows the box shows; longer lists scroll. */
  rowsVisible = 5;
  /** Seconds between auto-scroll steps; 0 turns auto-scroll off. */
  interval = 3;
  /** `desc` (default) ranks the largest value first; `asc` the smallest. Any other value ranks `desc`, with one warning. */
  order: RankOrder = 'desc';
  /** Show only the first N rows (after region filtering); 0 = all. */
  limit = 0;
  /** `auto` follows prefers-reduced-motion; `reduce` pages without animation and re-sorts without gliding. */
  motion: Motion = 'auto';
  /** Heading above the list; defaults to the data's `title` / `titleEn`. */
  heading?: string;
  /** ARIA level of the heading. */
  headingLevel = 2;
  /** Unit of the values (wins over the data's `unit`). */
  unit?: string;
  /** Maximum fraction digits of the values. */
  precision?: number;
  /** Scale values with 万/亿 (K/M/B); off by default so close values stay distinguishable. */
  compact = false;
  /** Path of the row name in the payload, e.g. `data.list[].orgName`. */
  nameField?: string;
  /** Path of the row value, e.g. `data.list[].count`. */
  valueField?: string;
  /** Path of the row id. */
  idField?: string;
  /** Path of the row's division code (for `region`). */
  regionField?: string;
  /**
   * Shows the export button (part `export-button`) that downloads the board as a PNG.
   * Off by default (unlike `<civic-growth-chart>`'s always-present menu): the board's main home is a big-screen
   * wall or a sidebar, where it scrolls by itself and nobody clicks; a button there is noise in a tight header.
   * A report page that wants the download sets `export`; a wall exports through `<civic-screen>`'s snapshot.
   */
  export = false;
  /** Base name of the exported file (sanitised; `.png` is added); default: the tag, `civic-rank-board`. */
  fileName?: string;

  // ── internal state ──
  private rows: RankedRow[] = [];
  private readonly uid = `rb${++boardSeq}`;
  private hovering = false;
  private focused = false;
  private flipFrom?: Map<string, number>;
  private highlighted: string | null = null;
  /** The invalid `order` last warned about (one warning per value). */
  private warnedOrder?: string;
  /** The keyboard's active row (aria-activedescendant). */
  private activeId: string | null = null;
  /** The row last chosen by click or Enter/Space (aria-selected). */
  private chosenId: string | null = null;

  // ── controllers ──
  /** Auto-scroll, row height and the re-sort glide (rank-board.scroll.ts). */
  private readonly scroller = new RankScroller(this);

  // ── data ──
  protected override parse(raw: unknown, ctx?: ParseContext): Validated<RankPayload> {
    const m = mapFields(raw, { name: this.nameField, value: this.valueField, id: this.idField, region: this.regionField }, ctx?.envelope);
    if (m.value === undefined) return { value: undefined, issues: m.issues };
    const r = parseRankPayload(m.value);
    return { value: r.value, issues: [...m.issues, ...r.issues] };
  }

  protected override parseDeps(): readonly unknown[] {
    return [this.nameField, this.valueField, this.idField, this.regionField];
  }

  protected override count(v: RankPayload): number {
    return v.rows.length;
  }

  protected override isEmpty(v: RankPayload): boolean {
    return v.rows.length === 0;
  }

  /** No row with a value: nothing to rank (with reported problems, an error). @internal */
  protected override nothingValid(v: RankPayload): boolean {
    return v.rows.every((r) => r.value === null);
  }

  /** Attributes that change the picture: a civic-drawn ('other'). @internal */
  protected override drawnWatch(): ReturnType<CivicDataElement<RankPayload>['drawnWatch']> {
    const w = super.drawnWatch();
    w.other = [this.order, this.limit, this.rowsVisible, this.unit, this.precision, this.compact, this.heading, this.headingLevel, this.region];
    return w;
  }

  // ── lifecycle ──
  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const p = this.feed.value;
    const order = RANK_ORDERS.includes(this.order) ? this.order : 'desc';
    // No attribute (removed: null) or an empty one is the default, not a mistake to warn about.
    if (order !== this.order && this.order && this.warnedOrder !== this.order) this.warn(`unknown order "${(this.warnedOrder = this.order)}"; ranking desc (the default)`);
    let rows = p ? rankBoardRows(p.rows, { order, region: this.region }) : [];
    if (this.limit > 0) rows = rows.slice(0, this.limit);
    if (this.hasUpdated && !this.scroller.reducedMotion()) this.flipFrom = this.scroller.rowTops();
    this.rows = rows;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (changed.has('interval')) this.scroller.restart();
    // A finer selection (a grid) marks the row holding it (its community): bring that row into view.
    if (changed.has('region') && this.region) {
      const held = this.rows.find((r) => holdsSelection(r.region, this.region));
      if (held) this.scroller.scrollRowIntoView(held.id);
    }
    const before = this.flipFrom;
    this.flipFrom = undefined;
    if (before && before.size) this.scroller.glide(before);
  }

  // ── public methods ──
  /**
   * Resolves when the board's current picture is on screen: at once when it is, else with the next `civic-drawn`.
   * Never before a first picture; waits while a redraw is due (data, size, theme, language).
   */
  whenDrawn(): Promise<void> {
    return this.drawnCtl.whenDrawn();
  }

  /** True while auto-scroll is paused by hover or focus. */
  get paused(): boolean {
    return this.hovering || this.focused;
  }

  /** Advances the auto-scroll by one step now (what the timer does every `interval` seconds). */
  step(): void {
    this.scroller.step();
  }

  /** Marks the row with this id (part `row-highlighted`) and scrolls it into view, as `<civic-screen>`'s tour does; `null` clears. */
  override highlight(id: string | null): void {
    this.highlighted = id;
    this.requestUpdate();
    void this.updateComplete.then(() => {
      if (id !== null) this.scroller.scrollRowIntoView(id);
    });
  }

  /**
   * The board as a PNG image at its current size: title, 示例数据 marker, the rows in view (rank badge, name,
   * value, bar at its final length), source line; drawn on a canvas from the rows with the theme's colours and
   * fonts. The export button is not drawn. Rejects when nothing has loaded, the board is not in the page or not laid out.
   * @param options `pixelRatio` (default: the screen's, at least 2) and `background` (CSS colour; default the
   * board's `--civic-rank-board-background`, else the surface colour).
   */
  async toPNG(options: PngOptions = {}): Promise<Blob> {
    // Never in the page, Lit never draws it: say so rather than wait for ever (a page rendering an image off screen).
    if (!this.isConnected) throw new Error('not in the page: append the element before toPNG()');
    const { boardToPng } = await boardExport.load();
    await this.updateComplete;
    const p = this.feed.value;
    if (!p) throw new Error('nothing to export (no data yet)');
    const t = this.t.pick(rankBoardTerms);
    const unit = this.unit ?? p.unit;
    const token = (name: string, fallback: string) => this.themeCtl.token(name, fallback);
    return boardToPng(
      this,
      {
        rows: this.rows,
        rank: (r) => String(r.rank ?? NO_VALUE),
        name: (r) => rowName(r, this.t.lang) ?? t.unnamed,
        value: (r) => this.valueText(r, unit),
        pixelRatio: this.pixelRatio,
        background: token('--_bg', 'transparent'),
        surface: token('--_color-surface', '#ffffff'),
        bar: token('--_bar', '#b8121b'),
        source: !!p.source,
      },
      options,
    );
  }

  // ── render ──
  override render() {
    return html`<div part="base">${this.feed.render({ complete: (p) => this.renderBoard(p) })}</div>`;
  }

  private renderBoard(p: RankPayload) {
    const lang = this.t.lang;
    const t = this.t.pick(rankBoardTerms);
    const title = this.heading ?? (lang === 'en' ? p.titleEn || p.title : p.title || p.titleEn);
    const illustrative = p.illustrative === true || p.rows.some((r) => r.illustrative);
    const unit = this.unit ?? p.unit;
    const level = Math.min(6, Math.max(1, Math.round(this.headingLevel) || 2));
    const rows = Math.max(1, Math.round(this.rowsVisible) || 5);
    const activeIndex = this.activeId === null ? -1 : this.rows.findIndex((r) => r.id === this.activeId);
    return html`
      ${title || illustrative || this.export
        ? html`<div part="header">
            ${title ? html`<div part="title" role="heading" aria-level=${level} id="${this.uid}-title">${title}</div>` : nothing}
            ${illustrative ? renderIllustrative(this.t.core, p.note) : nothing}
            ${this.export ? renderExportButton(t.exportPng, this.onExport) : nothing}
          </div>`
        : nothing}
      ${this.rows.length === 0
        ? renderEmpty({ ...this.t.core, empty: t.noneInRegion })
        : html`<div
            part="viewport"
            role="listbox"
            tabindex="0"
            aria-label=${lang === 'en' ? `${title ?? t.ranking} (${t.scrollHint})` : `${title ?? t.ranking}（${t.scrollHint}）`}
            aria-activedescendant=${activeIndex >= 0 ? `${this.uid}-row-${activeIndex}` : nothing}
            style=${cspStyle({ '--_rows': String(rows) })}
            @keydown=${this.onKey}
            @pointerenter=${this.onPointerEnter}
            @pointerleave=${() => (this.hovering = false)}
            @focusin=${this.onFocusIn}
            @focusout=${() => (this.focused = false)}
          >
            <ol part="list" role="presentation" style=${cspStyle({ '--_n': String(this.rows.length) })}>
              ${repeat(
                this.rows,
                (r) => r.id,
                (r, i) => {
                  const name = rowName(r, lang) ?? t.unnamed;
                  const value = this.valueText(r, unit);
                  const top = r.rank !== undefined && r.rank <= 3;
                  const parts = ['row'];
                  if (r.id === this.highlighted) parts.push('row-highlighted');
                  if (holdsSelection(r.region, this.region)) parts.push('row-linked');
                  if (i === activeIndex) parts.push('row-active');
                  return html`<li
                    part=${parts.join(' ')}
                    role="option"
                    id="${this.uid}-row-${i}"
                    aria-selected=${r.id === this.chosenId ? 'true' : 'false'}
                    data-id=${r.id}
                    data-index=${i}
                    style=${cspStyle({ '--_i': String(i) })}
                    @click=${() => this.select(r, 'pointer')}
                  >
                    <span part=${top ? 'rank rank-top' : 'rank'}
                      >${keyed(r.rank, html`<span aria-hidden="true">${r.rank ?? NO_VALUE}</span>`)}<span class="visually-hidden">${r.rank !== undefined ? t.rank(r.rank) : t.unranked}</span></span
                    >
                    <span part="name" title=${name}>${name}</span>
                    ${/* A new value is new text in a new node (it fades in), not the old text moving: no layout shift. */ ''}
                    ${keyed(value, html`<span part="value" title=${value}>${value}</span>`)}
                    <span part="bar" aria-hidden="true"><span part="bar-fill" style=${cspStyle({ width: `${(r.share * 100).toFixed(2)}%` })}></span></span>
                  </li>`;
                },
              )}
            </ol>
          </div>`}
      ${p.source ? html`<p part="source">${t.sourceLabel(p.source)}</p>` : nothing}
    `;
  }

  // ── private helpers ──
  private get viewport(): HTMLElement | null {
    return this.scroller.viewport;
  }

  private onPointerEnter = (): void => {
    this.hovering = true;
    this.scroller.stopGlide();
  };

  /** Focus enters the list: the active row is the first visible one unless one is already active. */
  private onFocusIn = (): void => {
    this.focused = true;
    this.scroller.stopGlide();
    if (this.activeId !== null && this.rows.some((r) => r.id === this.activeId)) return;
    const vp = this.viewport;
    const rowEls = Array.from(this.renderRoot.querySelectorAll<HTMLElement>('[part~="row"]'));
    const h = this.scroller.rowHeight();
    const first = vp ? rowEls.find((el) => this.scroller.rowTop(el, h) + h / 2 >= vp.scrollTop) : undefined;
    this.activeId = first?.dataset.id ?? this.rows[0]?.id ?? null;
  };

  private onKey = (e: KeyboardEvent): void => {
    const vp = this.viewport;
    if (!vp || this.rows.length === 0) return;
    if (e.key === 'Enter' || e.key === ' ' || e.key === 'Spacebar') {
      const row = this.rows.find((r) => r.id === this.activeId);
      if (!row) return;
      e.preventDefault();
      this.select(row, 'keyboard');
      return;
    }
    const current = Math.max(0, this.rows.findIndex((r) => r.id === this.activeId));
    const page = Math.max(1, Math.round(this.rowsVisible) || 5);
    const next = activeRowAfterKey(e.key, this.activeId === null ? -1 : current, this.rows.length, page);
    if (next === undefined) return;
    e.preventDefault();
    this.scroller.stopGlide();
    this.activeId = this.rows[next].id;
    const rowEl = this.renderRoot.querySelectorAll<HTMLElement>('[part~="row"]')[next];
    if (!rowEl) return;
    // The active row goes to the top of the box (as far as the list scrolls): the arrows keep scrolling the
    // list row by row, as a reader of a ticker expects, and the active row is always in view.
    vp.scrollTop = Math.max(0, Math.min(this.scroller.rowTop(rowEl), vp.scrollHeight - vp.clientHeight));
  };

  private onExport = (): void => exportWith(boardExport, this, this.fileName, (m) => this.warn(m));

  private valueText(r: RankedRow, unit: string | undefined): string {
    // A value published in a scaled unit (亿元, 万人) is read at scale in every element (320.5亿元 / 32.05B yuan, the
    // shared compact rule); `compact` decides only for plain units, whose exact figures keep close ranks apart.
    const scaled = !!unit && (UNITS[unit]?.scale ?? 1) > 1;
    // precision="-1", "abc" or "500" (out of Intl's 0–20) falls back to the default digits instead of throwing.
    const p = this.precision;
    const precision = typeof p === 'number' && Number.isFinite(p) && p >= 0 ? Math.min(20, Math.floor(p)) : undefined;
    return r.value === null ? NO_VALUE : formatAmount(r.value, unit, { lang: this.t.lang, precision, compact: this.compact || scaled ? 'auto' : false });
  }

  private select(r: RankedRow, trigger: 'pointer' | 'keyboard'): void {
    this.activeId = r.id;
    this.chosenId = r.id;
    this.dispatchEvent(new CivicSelectEvent({ id: r.id, item: { ...r }, region: r.region ?? null, trigger }));
  }
}
