/**
 * `<civic-rank-board>`'s PNG drawing, loaded with the first `toPNG()` or export-button click (issue 16: a wall that
 * never exports does not carry it). It imports the painters directly, not through core/export/lazy.ts: a module of
 * the board's first load reached from this chunk too would be split into a chunk of its own in users' bundles.
 */
import {
  boxIn,
  canvasToPngBlob,
  createExportCanvas,
  drawBadge,
  drawBoxOf,
  drawTextPart,
  isTransparent,
  layoutSize,
  resolvePixelRatio,
  roundRectPath,
  type PngOptions,
} from '../../core/export/png.js';
import type { RankedRow } from './rank-board.types.js';

// The export button's action (makes the PNG, fires the cancelable civic-export made by the board, downloads; never rejects).
export { exportPng } from '../../core/export/png.js';

/** What the drawing needs from the board besides its shadow DOM. */
export interface BoardPicture {
  /** The rows as ranked and shown (by id, matched to the row elements' `data-id`). */
  rows: readonly RankedRow[];
  /** A row's rank, name and value as the board shows them. */
  rank(r: RankedRow): string;
  name(r: RankedRow): string;
  value(r: RankedRow): string;
  /** The screen's pixel ratio. */
  pixelRatio: number;
  /** The board's own background (`--_bg`) and the theme's surface colour (used when the board's is transparent). */
  background: string;
  surface: string;
  /** Bar colour when a row has no bar-fill element. */
  bar: string;
  /** Whether the payload has a source line. */
  source: boolean;
}

/**
 * The board as a PNG at its current size: box, title, 示例数据 marker, status lines, the rows in view (rank badge,
 * name, value, bar at its final length) and the source line. Rejects when the board is not laid out.
 */
export function boardToPng(host: HTMLElement & { renderRoot: HTMLElement | DocumentFragment }, b: BoardPicture, options: PngOptions): Promise<Blob> {
  const { width, height, scale } = layoutSize(host);
  if (!(width >= 1 && height >= 1)) throw new Error('nothing to export (the board is not laid out)');
  const ratio = resolvePixelRatio(options.pixelRatio, b.pixelRatio, width, height);
  const bg = options.background ?? (isTransparent(b.background) ? b.surface : b.background);
  const { canvas, ctx } = createExportCanvas(width, height, ratio, bg);
  const root = host.renderRoot;
  const q = (part: string) => root.querySelector<HTMLElement>(`[part~="${part}"]`);
  const base = q('base');
  const bb = boxIn(base, host, scale);
  if (base && bb) drawBoxOf(ctx, base, bb);
  drawTextPart(ctx, q('title'), host, { wrap: false, scale });
  drawBadge(ctx, q('illustrative'), host, scale);
  root.querySelectorAll('[part~="status"]').forEach((el) => drawTextPart(ctx, el, host, { scale }));
  const vp = q('viewport');
  const vb = boxIn(vp, host, scale);
  if (vp && vb) {
    ctx.save();
    ctx.beginPath();
    ctx.rect(vb.x, vb.y, vb.width, vb.height);
    ctx.clip();
    const byId = new Map(b.rows.map((r) => [r.id, r]));
    for (const rowEl of Array.from(root.querySelectorAll<HTMLElement>('[part~="row"]'))) {
      const rb = boxIn(rowEl, host, scale);
      const r = byId.get(rowEl.dataset.id ?? '');
      if (!rb || !r || rb.y + rb.height < vb.y || rb.y > vb.y + vb.height) continue;
      drawBoxOf(ctx, rowEl, rb);
      const rank = rowEl.querySelector<HTMLElement>('[part~="rank"]');
      const rkb = boxIn(rank, host, scale);
      if (rank && rkb) drawBoxOf(ctx, rank, rkb);
      drawTextPart(ctx, rank, host, { text: b.rank(r), wrap: false, align: 'center', scale });
      drawTextPart(ctx, rowEl.querySelector('[part~="name"]'), host, { text: b.name(r), wrap: false, scale });
      drawTextPart(ctx, rowEl.querySelector('[part~="value"]'), host, { text: b.value(r), wrap: false, align: 'end', scale });
      const bar = rowEl.querySelector<HTMLElement>('[part~="bar"]');
      const barBox = boxIn(bar, host, scale);
      const fill = rowEl.querySelector<HTMLElement>('[part~="bar-fill"]');
      if (bar && barBox) {
        drawBoxOf(ctx, bar, barBox);
        ctx.save();
        roundRectPath(ctx, barBox, barBox.height / 2);
        ctx.clip();
        ctx.fillStyle = fill ? getComputedStyle(fill).backgroundColor : b.bar;
        ctx.fillRect(barBox.x, barBox.y, barBox.width * r.share, barBox.height);
        ctx.restore();
      }
    }
    ctx.restore();
  }
  if (b.source) drawTextPart(ctx, q('source'), host, { scale });
  return canvasToPngBlob(canvas);
}
