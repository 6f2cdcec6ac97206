/**
 * `<civic-rank-board>`'s motion: the auto-scroll timer and its steps (the browser's smooth scroll), the row height
 * (measured once, again after the viewport's size changes) and the FLIP glide of re-sorted rows.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { prefersReducedMotion } from '../common/motion.js';
import type { Motion } from '../common/types.js';
import { flipOffsets, nextScrollTop } from './rank-board.model.js';

export interface ScrollHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** Seconds between auto-scroll steps; 0 turns auto-scroll off. */
  readonly interval: number;
  readonly motion: Motion;
  /** Auto-scroll paused (hover, focus). */
  readonly paused: boolean;
}

export class RankScroller implements ReactiveController {
  private timer?: ReturnType<typeof setInterval>;
  /** A smooth scroll (the browser's, on the compositor) is under way. */
  private gliding = false;
  /** Row height, measured once and again after the viewport's size changes (no layout read per update or step). */
  private rowH = 0;
  private sizeWatch?: ResizeObserver;
  private watched?: HTMLElement;

  constructor(private readonly host: ScrollHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.restart();
  }

  hostDisconnected(): void {
    this.stopTimer();
    this.gliding = false;
    this.sizeWatch?.disconnect();
    this.watched = undefined;
    this.rowH = 0;
  }

  get viewport(): HTMLElement | null {
    // renderRoot exists only once the board has been in the page: step() may be called before that.
    return (this.host.renderRoot as ParentNode | undefined)?.querySelector<HTMLElement>('[part~="viewport"]') ?? null;
  }

  reducedMotion(): boolean {
    return this.host.motion === 'reduce' || prefersReducedMotion();
  }

  /** One auto-scroll step (a row, or a page with reduced motion; back to the top after the end). */
  step(): void {
    const vp = this.viewport;
    if (!vp || this.host.paused) return;
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

  rowHeight(): number {
    if (this.rowH > 0) return this.rowH;
    const row = this.host.renderRoot.querySelector<HTMLElement>('[part~="row"]');
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
  rowTop(el: HTMLElement, rowHeight = this.rowHeight()): number {
    return Number(el.dataset.index ?? 0) * rowHeight;
  }

  /** Scrolls the row with this id to the top of the box (as far as the list scrolls). */
  scrollRowIntoView(id: string): void {
    const vp = this.viewport;
    const row = this.host.renderRoot.querySelector<HTMLElement>(`[part~="row"][data-id="${CSS.escape(id)}"]`);
    if (vp && row) {
      this.stopGlide();
      vp.scrollTop = Math.min(this.rowTop(row), vp.scrollHeight - vp.clientHeight);
    }
  }

  restart(): void {
    this.stopTimer();
    if (!this.host.isConnected || !(this.host.interval > 0)) return;
    this.timer = setInterval(() => {
      if (typeof document !== 'undefined' && document.hidden) return;
      // Right after the next frame's paint, when layout is clean: step() reads the scroll position and sizes, and
      // read between frames they could force a layout of everything the page changed since (a whole KPI wall).
      if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(() => this.host.isConnected && this.step(), 0));
      else this.step();
    }, this.host.interval * 1000);
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
  stopGlide(): void {
    if (!this.gliding) return;
    this.gliding = false;
    const vp = this.viewport;
    if (vp) vp.scrollTo({ top: vp.scrollTop, behavior: 'instant' });
  }

  /** Each row's place by id (before an update, for the glide). */
  rowTops(): Map<string, number> {
    const m = new Map<string, number>();
    const h = this.rowHeight();
    this.host.renderRoot.querySelectorAll<HTMLElement>('[part~="row"]').forEach((el) => m.set(el.dataset.id ?? '', this.rowTop(el, h)));
    return m;
  }

  /**
   * FLIP: rows that moved start at their old place and glide to the new one by transform (no layout per frame, no
   * layout shift). These 600 ms animations are composited, which costs a wall beside the board some overlap testing
   * while they run; the two alternatives are worse: `top` records layout shifts, and a registered custom property
   * (CSS.registerProperty is document-wide) shows its initial value on every element of the host page.
   */
  glide(before: Map<string, number>): void {
    const after = this.rowTops();
    const offsets = flipOffsets(before, after);
    if (!offsets.size) return;
    this.host.renderRoot.querySelectorAll<HTMLElement>('[part~="row"]').forEach((el) => {
      const dy = offsets.get(el.dataset.id ?? '');
      if (dy === undefined || typeof el.animate !== 'function') return;
      const to = after.get(el.dataset.id ?? '') ?? 0;
      el.animate([{ transform: `translateY(${to + dy}px)` }, { transform: `translateY(${to}px)` }], { duration: 600, easing: 'cubic-bezier(0.2, 0, 0, 1)' });
    });
  }
}
