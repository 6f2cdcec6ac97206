import { boxIn, canvasToPngBlob, createExportCanvas, drawBadge, drawTextPart, layoutSize, resolvePixelRatio, type PngOptions } from '../../core/export/png.js';
import type { CivicKpiTile } from '../kpi-tile/kpi-tile.js';

/**
 * `<civic-kpi-grid>`'s PNG drawing, loaded with the first `toPNG()` (issue 16: a wall that never exports does not
 * carry it). Draws the grid's title, 示例数据 marker, group headings, status lines, every tile (each tile draws itself:
 * `drawExport`, after its own `loadExport()`) and the source line, in the grid's CSS px times `ratio`.
 */
export async function gridToPng(
  grid: HTMLElement & { renderRoot: HTMLElement | DocumentFragment },
  tiles: CivicKpiTile[],
  own: { pixelRatio: number; background: string },
  options: PngOptions,
): Promise<Blob> {
  const { width, height, scale } = layoutSize(grid);
  if (!(width >= 1 && height >= 1)) throw new Error('nothing to export (the grid is not laid out)');
  const ratio = resolvePixelRatio(options.pixelRatio, own.pixelRatio, width, height);
  const { canvas, ctx } = createExportCanvas(width, height, ratio, options.background ?? own.background);
  const root = grid.renderRoot;
  drawTextPart(ctx, root.querySelector('[part~="title"]'), grid, { scale });
  root.querySelectorAll('[part~="header"] > [part~="illustrative"]').forEach((el) => drawBadge(ctx, el, grid, scale));
  root.querySelectorAll('[part~="group-title"]').forEach((el) => drawTextPart(ctx, el, grid, { scale }));
  root.querySelectorAll('[part~="base"] > [part~="status"]').forEach((el) => drawTextPart(ctx, el, grid, { scale }));
  for (const tile of tiles) {
    const b = boxIn(tile, grid, scale);
    if (!b || typeof tile.drawExport !== 'function') continue;
    ctx.save();
    ctx.translate(b.x, b.y);
    tile.drawExport(ctx);
    ctx.restore();
  }
  drawTextPart(ctx, root.querySelector('[part~="source"]'), grid, { scale });
  return canvasToPngBlob(canvas);
}
