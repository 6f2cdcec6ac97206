/**
 * The PNG of <civic-grid-map>: the drawn picture (a canvas, or the SVG renderer's <svg> painted) in its stage box,
 * the breadcrumb's text, the legend (swatches with the no-data hatch, ranges, counts) and the illustrative badge, at
 * the element's layout size in the current theme.
 * Loaded with the first `toPNG()` (export-png.ts). It imports the painters directly, not through
 * core/export/lazy.ts (a first-load module): a lazy chunk importing that makes users' bundlers split it into a chunk
 * of its own (issue 16).
 */
import { drawSvgElement } from '../../core/export/draw-svg.js';
import { boxIn, canvasToPngBlob, createExportCanvas, drawBadge, drawBoxOf, drawHatch, drawTextNodes, layoutSize, resolvePixelRatio, type PngOptions } from '../../core/export/png.js';

export type Host = HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

export async function mapPng(
  host: Host,
  pic: HTMLCanvasElement | SVGSVGElement,
  o: PngOptions & { hostRatio: number; token: (name: string, fallback: string) => string },
): Promise<Blob> {
  const { width, height, scale } = layoutSize(host);
  if (!(width >= 1 && height >= 1)) throw new Error('nothing to export (the map is not laid out)');
  const ratio = resolvePixelRatio(o.pixelRatio, o.hostRatio, width, height);
  const { canvas, ctx } = createExportCanvas(width, height, ratio, o.background ?? o.token('--_color-surface', '#ffffff'));
  const q = (sel: string) => host.renderRoot.querySelector<HTMLElement>(sel);
  const stage = boxIn(q('[part~="canvas"]'), host, scale);
  if (stage) {
    if (pic instanceof HTMLCanvasElement) ctx.drawImage(pic, stage.x, stage.y, stage.width, stage.height);
    else drawSvgElement(ctx, pic, stage);
  }
  const crumb = q('[part~="breadcrumb"]');
  if (crumb) drawTextNodes(ctx, crumb, host, scale);
  const legend = q('[part~="legend"]');
  if (legend) {
    legend.querySelectorAll<HTMLElement>('.swatch').forEach((sw) => {
      const b = boxIn(sw, host, scale);
      if (!b) return;
      drawBoxOf(ctx, sw, b);
      // the hatch is a CSS gradient: draw it so no-data is not a colour alone in the file either
      if (sw.classList.contains('no-data')) drawHatch(ctx, b, o.token('--_color-text-muted', '#52606d'));
    });
    drawTextNodes(ctx, legend, host, scale);
  }
  drawBadge(ctx, q('[part~="illustrative"]'), host, scale);
  return canvasToPngBlob(canvas);
}
