import { boxIn, canvasToPngBlob, createExportCanvas, drawBadge, drawBoxOf, drawHatch, drawTextNodes, drawTextPart, layoutSize, resolvePixelRatio, type PngOptions } from '../../core/export/png.js';
import { drawSvgElement } from '../../core/export/draw-svg.js';

/**
 * `<civic-growth-chart>`'s PNG drawing, loaded with the first `toPNG()` (issue 16: a page that never exports does not
 * carry it nor the painters): the slotted caption, the rank and 示例数据 badges, the plot's SVG, status banners, the
 * legend with its swatches, the notes and an open data table, from the live DOM, in the chart's CSS px × the ratio.
 */
export async function chartToPng(host: HTMLElement & { renderRoot: HTMLElement | DocumentFragment }, own: { pixelRatio: number; background: string }, options: PngOptions): Promise<Blob> {
  const { width, height, scale } = layoutSize(host);
  if (!(width >= 1 && height >= 1)) throw new Error('civic-growth-chart: nothing to export (not laid out)');
  const ratio = resolvePixelRatio(options.pixelRatio, own.pixelRatio, width, height);
  const { canvas, ctx } = createExportCanvas(width, height, ratio, options.background ?? own.background);
  const root = host.renderRoot;
  const q = <T extends Element = HTMLElement>(sel: string) => root.querySelector<T>(sel);
  // Header: the slotted caption (light DOM), the rank and illustrative badges.
  const caption = q<HTMLSlotElement>('slot[name="caption"]');
  for (const node of caption?.assignedElements({ flatten: true }) ?? []) drawTextNodes(ctx, node, host, scale);
  drawBadge(ctx, q('[part~="rank"]'), host, scale);
  drawBadge(ctx, q('[part~="illustrative"]'), host, scale);
  const plot = q<SVGSVGElement>('svg[part~="plot"]');
  const pb = boxIn(plot, host, scale);
  if (plot && pb) drawSvgElement(ctx, plot, pb);
  root.querySelectorAll('[part~="plot-area"] > [part~="status"], [part~="base"] > [part~="status"]').forEach((el) => drawTextPart(ctx, el, host, { scale }));
  const legend = q('[part~="legend"]');
  if (legend) {
    legend.querySelectorAll<HTMLElement>('.swatch, .hatch-swatch').forEach((sw) => {
      const b = boxIn(sw, host, scale);
      if (!b) return;
      ctx.save();
      ctx.globalAlpha = parseFloat(getComputedStyle(sw).opacity) || 1;
      drawBoxOf(ctx, sw, b);
      if (sw.classList.contains('hatch-swatch')) drawHatch(ctx, b, getComputedStyle(sw).borderTopColor, { lineWidth: 2, gap: 5 });
      ctx.restore();
    });
    drawTextNodes(ctx, legend, host, scale);
  }
  const notes = q('[part~="notes"]');
  if (notes) drawTextNodes(ctx, notes, host, scale);
  const table = q('[part~="table"]');
  if (table && q<HTMLDetailsElement>('details.table-wrap')?.open) drawTextNodes(ctx, table, host, scale);
  return canvasToPngBlob(canvas);
}
