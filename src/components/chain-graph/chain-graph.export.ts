/**
 * The PNG picture of <civic-chain-graph> (loaded with the first `toPNG()`/export, `import()`): title, 示例数据 badge,
 * legend (filtered entries dimmed), the stage with the SVG plot (from computed styles) or the canvas copied, and the
 * status banners. The element has already waited for its pending frames.
 */
// The painters directly, not through core/export/lazy.ts (a first-load module): a lazy chunk importing it makes users'
// bundlers split lazy.ts, the export event and the lazy-module loader into a chunk of their own (issue 16).
import { boxIn, canvasToPngBlob, createExportCanvas, drawBadge, drawBoxOf, drawTextNodes, drawTextPart, layoutSize, resolvePixelRatio, type PngOptions } from '../../core/export/png.js';
import { drawSvgElement } from '../../core/export/draw-svg.js';

/** Paints `host`'s shadow root (`root`) as it is shown into a PNG; rejects when the element is not laid out. */
export function chainGraphPng(host: HTMLElement, root: ParentNode, options: PngOptions, screenRatio: number, surface: string): Promise<Blob> {
  const { width, height, scale } = layoutSize(host);
  if (!(width >= 1 && height >= 1)) throw new Error('nothing to export (the graph is not laid out)');
  const ratio = resolvePixelRatio(options.pixelRatio, screenRatio, width, height);
  const { canvas, ctx } = createExportCanvas(width, height, ratio, options.background ?? surface);
  const q = (part: string) => root.querySelector<HTMLElement>(`[part~="${part}"]`);
  drawTextPart(ctx, q('title'), host, { wrap: false, scale });
  drawBadge(ctx, q('toolbar')?.querySelector('[part~="illustrative"]'), host, scale);
  root.querySelectorAll<HTMLElement>('[part~="legend"] .legend-heading, [part~="legend"] button').forEach((el) => {
    ctx.save();
    ctx.globalAlpha = parseFloat(getComputedStyle(el).opacity) || 1;
    const sw = el.querySelector<SVGSVGElement>('svg.swatch');
    const sb = boxIn(sw, host, scale);
    if (sw && sb) drawSvgElement(ctx, sw, sb);
    drawTextNodes(ctx, el, host, scale);
    ctx.restore();
  });
  const stage = q('stage');
  const stb = boxIn(stage, host, scale);
  if (stage && stb) {
    drawBoxOf(ctx, stage, stb);
    ctx.save();
    ctx.beginPath();
    ctx.rect(stb.x, stb.y, stb.width, stb.height);
    ctx.clip();
    const plot = root.querySelector<SVGSVGElement>('svg[part~="plot"]');
    const pb = boxIn(plot, host, scale);
    if (plot && pb) drawSvgElement(ctx, plot, pb);
    const cv = root.querySelector<HTMLCanvasElement>('canvas[part~="canvas"]');
    const cb = boxIn(cv, host, scale);
    if (cv && cb && cv.width > 0 && cv.height > 0) ctx.drawImage(cv, cb.x, cb.y, cb.width, cb.height);
    ctx.restore();
  }
  root.querySelectorAll('[part~="base"] > [part~="status"]').forEach((el) => drawTextPart(ctx, el, host, { scale }));
  return canvasToPngBlob(canvas);
}
