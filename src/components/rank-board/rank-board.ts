import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { cspStyle } from '../../core/render/csp-style.js';
import { CivicDataElement } from '../../data/civic-data-element.js';
import { hostStyles } from '../../core/theme/tokens.js';
import { renderEmpty, renderIllustrative, stateStyles } from '../../core/render/states.js';
import { CivicSelectEvent } from '../../core/events/select-event.js';
import { formatAmount, NO_VALUE } from '../../core/format/number.js';
import { mapFields } from '../../data/adapters/index.js';
import type { Validated } from '../../data/validate.js';
import type { Motion } from '../kpi-tile/kpi-tile.types.js';
import { prefersReducedMotion } from '../kpi-tile/ticker.js';
import { flipOffsets, keyScrollTop, nextScrollTop, parseRankPayload, rankBoardRows, rowName, scrollAt } from './rank-board.model.js';
import type { RankOrder, RankPayload, RankedRow } from './rank-board.types.js';
import { rankBoardTerms } from './rank-board.i18n.js';
import { rankBoardStyles } from './rank-board.styles.js';

let boardSeq = 0;

/**
 * @summary A ranking list for pages and big screens: rank number, name, value and an inline bar, sorted; it
 * scrolls itself row by row when longer than its box (pausing on hover and focus), scrolls by keyboard, and
 * re-sorts with a glide when values change.
 * @tag civic-rank-board
 * @status experimental
 * @since 0.1.0
 * @slot - Optional `<script type="application/json">` holding the payload.
 * @csspart base - The wrapper.
 * @csspart header - Title line with the illustrative badge.
 * @csspart title - The data's `title` (or `heading`), a heading.
 * @csspart viewport - The scrolling box (one tab stop; arrows, PageUp/PageDown, Home/End scroll it).
 * @csspart list - The ordered list.
 * @csspart row - One row; the row chosen by `highlight(id)` also has part `row-highlighted`.
 * @csspart rank - Rank number; ranks 1–3 also have part `rank-top`.
 * @csspart name - Row name.
 * @csspart value - Formatted value.
 * @csspart bar - Bar track.
 * @csspart bar-fill - Bar, scaled to value / largest value.
 * @csspart source - Source line.
 * @csspart illustrative - 示例数据 badge.
 * @csspart status - Loading, empty, error and stale states.
 * @cssproperty [--civic-rank-board-row-height=40px] - Height of a row (the box is `rows-visible` rows high).
 * @cssproperty [--civic-rank-board-bar-color=var(--civic-color-accent)] - Bar colour.
 * @cssproperty [--civic-rank-board-bar-track-color=var(--civic-color-no-data)] - Bar track colour.
 * @cssproperty [--civic-rank-board-top-color=var(--civic-color-accent)] - Badge colour of ranks 1–3.
 * @cssproperty [--civic-rank-board-background=transparent] - Background.
 * @cssproperty [--civic-rank-board-title-font-size=var(--civic-font-size-l)] - Title size.
 * @event {CivicLoadEvent} civic-load - Data arrived and passed validation (`detail.count` = rows).
 * @event {CivicErrorEvent} civic-error - Loading or validation failed; `detail.issues` has paths like `rows[3].value`.
 * @event {CivicSelectEvent} civic-select - A row was clicked: `detail` = `{ id, item: row, region, trigger: 'pointer' }`.
 */
export class CivicRankBoard extends CivicDataElement<RankPayload> {
  // ── styles ──
  static override styles = [hostStyles, stateStyles, rankBoardStyles];

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

  // ── internal state ──
  private rows: RankedRow[] = [];
  private readonly uid = `rb${++boardSeq}`;
  private hovering = false;
  private focused = false;
  private timer?: ReturnType<typeof setInterval>;
  private scrollRaf = 0;
  private flipFrom?: Map<string, number>;
  private highlighted: string | null = null;

  // ── data ──
  protected override parse(raw: unknown): Validated<RankPayload> {
    const m = mapFields(raw, { name: this.nameField, value: this.valueField, id: this.idField, region: this.regionField });
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

  // ── lifecycle ──
  override connectedCallback(): void {
    super.connectedCallback();
    this.restartTimer();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopTimer();
    cancelAnimationFrame(this.scrollRaf);
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
    const before = this.flipFrom;
    this.flipFrom = undefined;
    if (before && before.size) this.glide(before);
  }

  // ── public methods ──
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
      cancelAnimationFrame(this.scrollRaf);
      vp.scrollTop = to;
      return;
    }
    this.smoothScroll(vp, to, Math.min(600, this.interval * 500));
  }

  /** Marks the row with this id (part `row-highlighted`) and scrolls it into view, as `<civic-screen>`'s tour does; `null` clears. */
  override highlight(id: string | null): void {
    this.highlighted = id;
    this.requestUpdate();
    void this.updateComplete.then(() => {
      if (id === null) return;
      const vp = this.viewport;
      const row = this.renderRoot.querySelector<HTMLElement>(`[part~="row"][data-id="${CSS.escape(id)}"]`);
      if (vp && row) {
        cancelAnimationFrame(this.scrollRaf);
        vp.scrollTop = Math.min(row.offsetTop, vp.scrollHeight - vp.clientHeight);
      }
    });
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
    return html`
      ${title || illustrative
        ? html`<div part="header">
            ${title ? html`<div part="title" role="heading" aria-level=${level} id="${this.uid}-title">${title}</div>` : nothing}
            ${illustrative ? renderIllustrative(this.t.core, p.note) : nothing}
          </div>`
        : nothing}
      ${this.rows.length === 0
        ? renderEmpty({ ...this.t.core, empty: t.noneInRegion })
        : html`<div
            part="viewport"
            role="region"
            tabindex="0"
            aria-label=${lang === 'en' ? `${title ?? t.ranking} (${t.scrollHint})` : `${title ?? t.ranking}（${t.scrollHint}）`}
            style=${cspStyle({ '--_rows': String(rows) })}
            @keydown=${this.onKey}
            @pointerenter=${() => (this.hovering = true)}
            @pointerleave=${() => (this.hovering = false)}
            @focusin=${() => (this.focused = true)}
            @focusout=${() => (this.focused = false)}
          >
            <ol part="list" role="list">
              ${repeat(
                this.rows,
                (r) => r.id,
                (r) => {
                  const name = rowName(r, lang) ?? t.unnamed;
                  const value = r.value === null ? NO_VALUE : formatAmount(r.value, unit, { lang, precision: this.precision, compact: this.compact ? 'auto' : false });
                  const top = r.rank !== undefined && r.rank <= 3;
                  return html`<li part=${r.id === this.highlighted ? 'row row-highlighted' : 'row'} data-id=${r.id} @click=${() => this.select(r)}>
                    <span part=${top ? 'rank rank-top' : 'rank'}
                      ><span aria-hidden="true">${r.rank ?? NO_VALUE}</span><span class="visually-hidden">${r.rank !== undefined ? t.rank(r.rank) : t.unranked}</span></span
                    >
                    <span part="name" title=${name}>${name}</span>
                    <span part="value">${value}</span>
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
    const row = this.renderRoot.querySelector<HTMLElement>('[part~="row"]');
    return row ? row.getBoundingClientRect().height : 0;
  }

  private reducedMotion(): boolean {
    return this.motion === 'reduce' || prefersReducedMotion();
  }

  private restartTimer(): void {
    this.stopTimer();
    if (!this.isConnected || !(this.interval > 0)) return;
    this.timer = setInterval(() => {
      if (typeof document !== 'undefined' && document.hidden) return;
      this.step();
    }, this.interval * 1000);
  }

  private stopTimer(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  private smoothScroll(vp: HTMLElement, to: number, ms: number): void {
    cancelAnimationFrame(this.scrollRaf);
    const from = vp.scrollTop;
    const start = performance.now();
    const frame = (now: number) => {
      if (this.paused) return;
      const k = ms > 0 ? (now - start) / ms : 1;
      vp.scrollTop = scrollAt(from, to, k);
      if (k < 1) this.scrollRaf = requestAnimationFrame(frame);
    };
    this.scrollRaf = requestAnimationFrame(frame);
  }

  private onKey = (e: KeyboardEvent): void => {
    const vp = this.viewport;
    if (!vp) return;
    const to = keyScrollTop(e.key, vp.scrollTop, { rowHeight: this.rowHeight(), viewport: vp.clientHeight, content: vp.scrollHeight });
    if (to === undefined) return;
    e.preventDefault();
    cancelAnimationFrame(this.scrollRaf);
    vp.scrollTop = to;
  };

  private select(r: RankedRow): void {
    this.dispatchEvent(new CivicSelectEvent({ id: r.id, item: { ...r }, region: r.region ?? null, trigger: 'pointer' }));
  }

  private rowTops(): Map<string, number> {
    const m = new Map<string, number>();
    this.renderRoot.querySelectorAll<HTMLElement>('[part~="row"]').forEach((el) => m.set(el.dataset.id ?? '', el.offsetTop));
    return m;
  }

  /** FLIP: rows that moved start at their old place and glide to the new one. */
  private glide(before: Map<string, number>): void {
    const after = this.rowTops();
    const offsets = flipOffsets(before, after);
    if (!offsets.size) return;
    this.renderRoot.querySelectorAll<HTMLElement>('[part~="row"]').forEach((el) => {
      const dy = offsets.get(el.dataset.id ?? '');
      if (dy === undefined || typeof el.animate !== 'function') return;
      el.animate([{ top: `${dy}px` }, { top: '0px' }], { duration: 600, easing: 'cubic-bezier(0.2, 0, 0, 1)' });
    });
  }
}
