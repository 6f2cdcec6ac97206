/**
 * Fixed tile boxes for walls of tiles (issue 16, KPI wall): once every tile of the grid is drawn, each section's
 * row heights are read once from the laid-out grid (the resolved `grid-template-rows`, in CSS px) and written back
 * as its explicit rows, and the tiles become size-contained (`[data-boxed] > .cell > civic-kpi-tile { contain:
 * strict }` in kpi-grid.styles.ts). The boxes are exactly the ones the natural layout gave, so nothing a presenter
 * sees moves; but a tile whose text changes (a count-up step, a new delta) is now a relayout boundary: its own box
 * is laid out again, never the whole grid of 200 tiles. A tile is a boundary only inside its cell (the grid item):
 * Chromium lays a grid item out with its grid, and until the cell was added every frame's layout started at the
 * document (bench/kpi/trace.mjs --layouts).
 *
 * The boxes are given up (the grid lays out naturally again) and measured anew when what decides the tiles'
 * heights may have changed: the items' shape (labels, units, which parts a tile shows — not the changing numbers),
 * language, theme, density, screen scale, columns, region, the grid's width (in the frame after the
 * ResizeObserver reports it: that one frame still shows the old boxes) or a web font arriving. The measure is one style read per section in a frame,
 * after the tiles' own updates (reads first, then writes).
 */
import type { ReactiveController, ReactiveElement } from 'lit';

export interface TileBoxesOptions {
  /** The section grids (`[part~="grid"]`) now in the shadow DOM. */
  grids: () => HTMLElement[];
  /** Resolves when every tile shows its current data (the grid's tiles drawn). */
  settled: () => Promise<unknown>;
}

const TRACKS = /^\d+(\.\d+)?px( \d+(\.\d+)?px)*$/;

export class TileBoxes implements ReactiveController {
  private key: string | undefined;
  private boxed = false;
  private seq = 0;
  private raf = 0;
  private width = -1;
  private ro?: ResizeObserver;
  private resizeFrame = 0;
  private readonly onFonts = (): void => this.remeasure();

  constructor(
    private readonly host: ReactiveElement,
    private readonly o: TileBoxesOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (typeof ResizeObserver !== 'undefined') {
      this.ro ??= new ResizeObserver((entries) => {
        const w = entries[entries.length - 1]?.contentRect.width ?? 0;
        // Given up in the next frame, not here: a layout change inside this callback would leave the other
        // observers of the host undelivered (a "ResizeObserver loop" error). That frame still shows the old boxes.
        if (this.width >= 0 && Math.abs(w - this.width) >= 0.5) this.resizeFrame ||= requestAnimationFrame(() => {
          this.resizeFrame = 0;
          this.remeasure();
        });
        this.width = w;
      });
      this.ro.observe(this.host);
    }
    if (typeof document !== 'undefined') document.fonts?.addEventListener?.('loadingdone', this.onFonts);
  }

  hostDisconnected(): void {
    this.ro?.disconnect();
    this.width = -1;
    if (this.resizeFrame) cancelAnimationFrame(this.resizeFrame);
    this.resizeFrame = 0;
    if (typeof document !== 'undefined') document.fonts?.removeEventListener?.('loadingdone', this.onFonts);
    this.release();
    this.key = undefined;
  }

  /** After each grid update: `key` sums up everything but the changing numbers that decides the tiles' heights. */
  sync(key: string): void {
    if (key !== this.key) {
      this.key = key;
      this.remeasure();
    } else if (!this.boxed && !this.raf) this.schedule();
  }

  /** True while the tiles sit in fixed boxes. @internal (tests) */
  get isBoxed(): boolean {
    return this.boxed;
  }

  /** Back to the natural layout now, and boxes again once the tiles are drawn. */
  private remeasure(): void {
    this.release();
    this.schedule();
  }

  private release(): void {
    this.seq++;
    if (this.raf) cancelAnimationFrame(this.raf);
    this.raf = 0;
    if (!this.boxed) return;
    this.boxed = false;
    for (const g of this.o.grids()) {
      g.removeAttribute('data-boxed');
      g.style.removeProperty('grid-template-rows');
    }
  }

  private schedule(): void {
    if (typeof requestAnimationFrame !== 'function') return;
    const seq = this.seq;
    void this.o.settled().then(
      () => {
        if (seq !== this.seq || !this.host.isConnected) return;
        if (this.raf) cancelAnimationFrame(this.raf);
        this.raf = requestAnimationFrame(() => {
          this.raf = 0;
          if (seq === this.seq && !this.host.isUpdatePending) this.freeze();
        });
      },
      () => undefined,
    );
  }

  private freeze(): void {
    const grids = this.o.grids();
    // Reads first (one layout), then writes.
    const rows = grids.map((g) => (g.isConnected && g.childElementCount > 0 ? getComputedStyle(g).gridTemplateRows : ''));
    if (!grids.length || rows.some((r) => !TRACKS.test(r))) return; // not laid out (hidden) or no tile: stay natural
    grids.forEach((g, i) => {
      // The resolved value is rounded to a few decimals; layout works in 1/64 px: back to the exact track sizes.
      const exact = rows[i]
        .split(' ')
        .map((v) => `${Math.round(parseFloat(v) * 64) / 64}px`)
        .join(' ');
      g.style.setProperty('grid-template-rows', exact);
      g.setAttribute('data-boxed', '');
    });
    this.boxed = true;
  }
}

/**
 * What decides a tile's height in the data, without the numbers that change every second: texts, units, which
 * parts are present (a delta, a target, thresholds, a sparkline, an invalid value) and the groups.
 */
export function shapeKey(sections: readonly { group?: { id: string }; items: readonly object[] }[]): string {
  const shape = (_k: string, v: unknown): unknown => (typeof v === 'number' ? 0 : Array.isArray(v) && v.every((x) => typeof x === 'number') ? v.length > 0 : v);
  return JSON.stringify(sections.map((s) => [s.group?.id ?? '', s.items]), shape);
}
