import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
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
import { prefersReducedMotion } from '../common/motion.js';
import { activeRowAfterKey, flipOffsets, nextScrollTop, parseRankPayload, rankBoardRows, rowName } from './rank-board.model.js';
import type { RankOrder, RankPayload, RankedRow } from './rank-board.types.js';
import { rankBoardTerms } from './rank-board.i18n.js';
import { rankBoardStyles } from './rank-board.styles.js';
import { exportButtonStyles, renderExportButton } from '../../core/export/export-button.js';
import {
  boxIn,
  canvasToPngBlob,
  createExportCanvas,
  drawBadge,
  drawBoxOf,
  drawTextPart,
  exportPng,
  isTransparent,
  loadPainters,
  layoutSize,
  resolvePixelRatio,
  roundRectPath,
  type PngOptions,
} from '../../core/export/lazy.js';

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

  // ── public API ──
  /** How many rows the box shows; longer lists scroll. */
  @property({ type: Number, attribute: 'rows-visible' }) rowsVisible = 5;
  /** Seconds between auto-scroll steps; 0 turns auto-scroll off. */
  @property({ type: Number }) interval = 3;
  /** `desc` (default) ranks the largest value first; `asc` the smallest. */
  @property() order: RankOrder = 'desc';
  /** Show only the first N rows (after region filtering); 0 = all. */
  @property({ type: Number }) limit = 0;
  /** `auto` follows prefers-reduced-motion; `reduce` pages without animation and re-sorts without gliding. */
  @property({ reflect: true }) motion: Motion = 'auto';
  /** Heading above the list; defaults to the data's `title` / `titleEn`. */
  @property() heading?: string;
  /** ARIA level of the heading. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;
  /** Unit of the values (wins over the data's `unit`). */
  @property() unit?: string;
  /** Maximum fraction digits of the values. */
  @property({ type: Number }) precision?: number;
  /** Scale values with 万/亿 (K/M/B); off by default so close values stay distinguishable. */
  @property({ type: Boolean }) compact = false;
  /** Path of the row name in the payload, e.g. `data.list[].orgName`. */
  @property({ attribute: 'name-field' }) nameField?: string;
  /** Path of the row value, e.g. `data.list[].count`. */
  @property({ attribute: 'value-field' }) valueField?: string;
  /** Path of the row id. */
  @property({ attribute: 'id-field' }) idField?: string;
  /** Path of the row's division code (for `region`). */
  @property({ attribute: 'region-field' }) regionField?: string;
  /**
   * Shows the export button (part `export-button`) that downloads the board as a PNG.
   * Off by default (unlike `<civic-growth-chart>`'s always-present menu): the board's main home is a big-screen
   * wall or a sidebar, where it scrolls by itself and nobody clicks; a button there is noise in a tight header.
   * A report page that wants the download sets `export`; a wall exports through `<civic-screen>`'s snapshot.
   */
  @property({ type: Boolean, reflect: true }) export = false;
  /** Base name of the exported file (sanitised; `.png` is added); default: the tag, `civic-rank-board`. */
  @property({ attribute: 'file-name' }) fileName?: string;

  // ── internal state ──
  private rows: RankedRow[] = [];
  private readonly uid = `rb${++boardSeq}`;
  private hovering = false;
  private focused = false;
  private timer?: ReturnType<typeof setInterval>;
  /** A smooth scroll (the browser's, on the compositor) is under way. */
  private gliding = false;
  /** Row height, measured once and again after the viewport's size changes (no layout read per update or step). */
  private rowH = 0;
  private sizeWatch?: ResizeObserver;
  private watched?: HTMLElement;
  private flipFrom?: Map<string, number>;
  private highlighted: string | null = null;
  /** The keyboard's active row (aria-activedescendant). */
  @state() private activeId: string | null = null;
  /** The row last chosen by click or Enter/Space (aria-selected). */
  @state() private chosenId: string | null = null;

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

  // ── lifecycle ──
  override connectedCallback(): void {
    super.connectedCallback();
    this.restartTimer();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopTimer();
    this.gliding = false;
    this.sizeWatch?.disconnect();
    this.watched = undefined;
    this.rowH = 0;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const p = this.feed.value;
    let rows = p ? rankBoardRows(p.rows, { order: this.order, region: this.region }) : [];
    if (this.limit > 0) rows = rows.slice(0, this.limit);
    if (this.hasUpdated && !this.reducedMotion()) this.flipFrom = this.rowTops();
    this.rows = rows;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (changed.has('interval')) this.restartTimer();
    // A finer selection (a grid) marks the row holding it (its community): bring that row into view.
    if (changed.has('region') && this.region) {
      const held = this.rows.find((r) => holdsSelection(r.region, this.region));
      if (held) this.scrollRowIntoView(held.id);
    }
    const before = this.flipFrom;
    this.flipFrom = undefined;
    if (before && before.size) this.glide(before);
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
    const vp = this.viewport;
    if (!vp || this.paused) return;
    const rowH = this.rowHeight();
    const reduced = this.reducedMotion();
    const to = nextScrollTop(vp.scrollTop, { rowHeight: rowH, viewport: vp.clientHeight, content: vp.scrollHeight, step: reduced ? 'page' : 'row' });
    if (Math.abs(to - vp.scrollTop) < 0.5) return;
    if (reduced || to < vp.scrollTop) {
      this.stopGlide();
      vp.scrollTop = to;
      return;
    }
    this.smoothScroll(vp, to);
  }

  /** Marks the row with this id (part `row-highlighted`) and scrolls it into view, as `<civic-screen>`'s tour does; `null` clears. */
  override highlight(id: string | null): void {
    this.highlighted = id;
    this.requestUpdate();
    void this.updateComplete.then(() => {
      if (id !== null) this.scrollRowIntoView(id);
    });
  }

  private scrollRowIntoView(id: string): void {
    const vp = this.viewport;
    const row = this.renderRoot.querySelector<HTMLElement>(`[part~="row"][data-id="${CSS.escape(id)}"]`);
    if (vp && row) {
      this.stopGlide();
      vp.scrollTop = Math.min(this.rowTop(row), vp.scrollHeight - vp.clientHeight);
    }
  }

  /**
   * The board as a PNG image at its current size: title, 示例数据 marker, the rows in view (rank badge, name,
   * value, bar at its final length), source line; drawn on a canvas from the rows with the theme's colours and
   * fonts. The export button is not drawn. Rejects when nothing has loaded or the board is not laid out.
   * @param options `pixelRatio` (default: the screen's, at least 2) and `background` (CSS colour; default the
   * board's `--civic-rank-board-background`, else the surface colour).
   */
  async toPNG(options: PngOptions = {}): Promise<Blob> {
    await loadPainters();
    await this.updateComplete;
    const p = this.feed.value;
    const { width, height, scale } = layoutSize(this);
    if (!p) throw new Error('nothing to export (no data yet)');
    if (!(width >= 1 && height >= 1)) throw new Error('nothing to export (the board is not laid out)');
    const ratio = resolvePixelRatio(options.pixelRatio, this.pixelRatio, width, height);
    const own = this.themeCtl.token('--_bg', 'transparent');
    const bg = options.background ?? (isTransparent(own) ? this.themeCtl.token('--_color-surface', '#ffffff') : own);
    const { canvas, ctx } = createExportCanvas(width, height, ratio, bg);
    const root = this.renderRoot;
    const q = (part: string) => root.querySelector<HTMLElement>(`[part~="${part}"]`);
    const base = q('base');
    const bb = boxIn(base, this, scale);
    if (base && bb) drawBoxOf(ctx, base, bb);
    drawTextPart(ctx, q('title'), this, { wrap: false, scale });
    drawBadge(ctx, q('illustrative'), this, scale);
    root.querySelectorAll('[part~="status"]').forEach((el) => drawTextPart(ctx, el, this, { scale }));
    const vp = this.viewport;
    const vb = boxIn(vp, this, scale);
    if (vp && vb) {
      ctx.save();
      ctx.beginPath();
      ctx.rect(vb.x, vb.y, vb.width, vb.height);
      ctx.clip();
      const t = this.t.pick(rankBoardTerms);
      const unit = this.unit ?? p.unit;
      const byId = new Map(this.rows.map((r) => [r.id, r]));
      for (const rowEl of Array.from(root.querySelectorAll<HTMLElement>('[part~="row"]'))) {
        const rb = boxIn(rowEl, this, scale);
        const r = byId.get(rowEl.dataset.id ?? '');
        if (!rb || !r || rb.y + rb.height < vb.y || rb.y > vb.y + vb.height) continue;
        drawBoxOf(ctx, rowEl, rb);
        const rank = rowEl.querySelector<HTMLElement>('[part~="rank"]');
        const rkb = boxIn(rank, this, scale);
        if (rank && rkb) drawBoxOf(ctx, rank, rkb);
        drawTextPart(ctx, rank, this, { text: String(r.rank ?? NO_VALUE), wrap: false, align: 'center', scale });
        drawTextPart(ctx, rowEl.querySelector('[part~="name"]'), this, { text: rowName(r, this.t.lang) ?? t.unnamed, wrap: false, scale });
        drawTextPart(ctx, rowEl.querySelector('[part~="value"]'), this, { text: this.valueText(r, unit), wrap: false, align: 'end', scale });
        const bar = rowEl.querySelector<HTMLElement>('[part~="bar"]');
        const barBox = boxIn(bar, this, scale);
        const fill = rowEl.querySelector<HTMLElement>('[part~="bar-fill"]');
        if (bar && barBox) {
          drawBoxOf(ctx, bar, barBox);
          ctx.save();
          roundRectPath(ctx, barBox, barBox.height / 2);
          ctx.clip();
          ctx.fillStyle = fill ? getComputedStyle(fill).backgroundColor : this.themeCtl.token('--_bar', '#b8121b');
          ctx.fillRect(barBox.x, barBox.y, barBox.width * r.share, barBox.height);
          ctx.restore();
        }
      }
      ctx.restore();
    }
    if (p.source) drawTextPart(ctx, q('source'), this, { scale });
    return canvasToPngBlob(canvas);
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
                    ${keyed(value, html`<span part="value">${value}</span>`)}
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
    return this.renderRoot.querySelector<HTMLElement>('[part~="viewport"]');
  }

  private rowHeight(): number {
    if (this.rowH > 0) return this.rowH;
    const row = this.renderRoot.querySelector<HTMLElement>('[part~="row"]');
    const vp = this.viewport;
    if (vp && vp !== this.watched && typeof ResizeObserver === 'function') {
      this.sizeWatch ??= new ResizeObserver(() => (this.rowH = 0)); // a new type scale, theme or rows-visible
      this.sizeWatch.disconnect();
      this.sizeWatch.observe(vp);
      this.watched = vp;
    }
    return (this.rowH = row ? row.offsetHeight : 0);
  }

  /** A row's place in the list: rows are stacked by transform (index × row height), not by flow. */
  private rowTop(el: HTMLElement, rowHeight = this.rowHeight()): number {
    return Number(el.dataset.index ?? 0) * rowHeight;
  }

  private reducedMotion(): boolean {
    return this.motion === 'reduce' || prefersReducedMotion();
  }

  private restartTimer(): void {
    this.stopTimer();
    if (!this.isConnected || !(this.interval > 0)) return;
    this.timer = setInterval(() => {
      if (typeof document !== 'undefined' && document.hidden) return;
      // Right after the next frame's paint, when layout is clean: step() reads the scroll position and sizes, and
      // read between frames they could force a layout of everything the page changed since (a whole KPI wall).
      if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(() => this.isConnected && this.step(), 0));
      else this.step();
    }, this.interval * 1000);
  }

  private stopTimer(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  /**
   * The browser's smooth scroll: it runs on the compositor, with no script and no layout per frame (a script loop
   * writing scrollTop forced a layout of the whole page in every frame, 200 tiles on a wall included).
   */
  private smoothScroll(vp: HTMLElement, to: number): void {
    this.gliding = true;
    vp.scrollTo({ top: to, behavior: 'smooth' });
  }

  /** Stops a smooth scroll where it is (pause, keys, focus, a jump). */
  private stopGlide(): void {
    if (!this.gliding) return;
    this.gliding = false;
    const vp = this.viewport;
    if (vp) vp.scrollTo({ top: vp.scrollTop, behavior: 'instant' });
  }

  private onPointerEnter = (): void => {
    this.hovering = true;
    this.stopGlide();
  };

  /** Focus enters the list: the active row is the first visible one unless one is already active. */
  private onFocusIn = (): void => {
    this.focused = true;
    this.stopGlide();
    if (this.activeId !== null && this.rows.some((r) => r.id === this.activeId)) return;
    const vp = this.viewport;
    const rowEls = Array.from(this.renderRoot.querySelectorAll<HTMLElement>('[part~="row"]'));
    const h = this.rowHeight();
    const first = vp ? rowEls.find((el) => this.rowTop(el, h) + h / 2 >= vp.scrollTop) : undefined;
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
    this.stopGlide();
    this.activeId = this.rows[next].id;
    const rowEl = this.renderRoot.querySelectorAll<HTMLElement>('[part~="row"]')[next];
    if (!rowEl) return;
    // The active row goes to the top of the box (as far as the list scrolls): the arrows keep scrolling the
    // list row by row, as a reader of a ticker expects, and the active row is always in view.
    vp.scrollTop = Math.max(0, Math.min(this.rowTop(rowEl), vp.scrollHeight - vp.clientHeight));
  };

  private onExport = (): void => {
    void exportPng(this, this.fileName, (m) => this.warn(m));
  };

  private valueText(r: RankedRow, unit: string | undefined): string {
    // A value published in a scaled unit (亿元, 万人) is read at scale in every element (320.5亿元 / 32.05B yuan, the
    // shared compact rule); `compact` decides only for plain units, whose exact figures keep close ranks apart.
    const scaled = !!unit && (UNITS[unit]?.scale ?? 1) > 1;
    return r.value === null ? NO_VALUE : formatAmount(r.value, unit, { lang: this.t.lang, precision: this.precision, compact: this.compact || scaled ? 'auto' : false });
  }

  private select(r: RankedRow, trigger: 'pointer' | 'keyboard'): void {
    this.activeId = r.id;
    this.chosenId = r.id;
    this.dispatchEvent(new CivicSelectEvent({ id: r.id, item: { ...r }, region: r.region ?? null, trigger }));
  }

  private rowTops(): Map<string, number> {
    const m = new Map<string, number>();
    const h = this.rowHeight();
    this.renderRoot.querySelectorAll<HTMLElement>('[part~="row"]').forEach((el) => m.set(el.dataset.id ?? '', this.rowTop(el, h)));
    return m;
  }

  /**
   * FLIP: rows that moved start at their old place and glide to the new one by transform (no layout per frame, no
   * layout shift). These 600 ms animations are composited, which costs a wall beside the board some overlap testing
   * while they run; the two alternatives are worse: `top` records layout shifts, and a registered custom property
   * (CSS.registerProperty is document-wide) shows its initial value on every element of the host page.
   */
  private glide(before: Map<string, number>): void {
    const after = this.rowTops();
    const offsets = flipOffsets(before, after);
    if (!offsets.size) return;
    this.renderRoot.querySelectorAll<HTMLElement>('[part~="row"]').forEach((el) => {
      const dy = offsets.get(el.dataset.id ?? '');
      if (dy === undefined || typeof el.animate !== 'function') return;
      const to = after.get(el.dataset.id ?? '') ?? 0;
      el.animate([{ transform: `translateY(${to + dy}px)` }, { transform: `translateY(${to}px)` }], { duration: 600, easing: 'cubic-bezier(0.2, 0, 0, 1)' });
    });
  }
}
