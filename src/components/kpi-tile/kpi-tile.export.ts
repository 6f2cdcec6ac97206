import {
  boxIn,
  canvasToPngBlob,
  createExportCanvas,
  drawBadge,
  drawBoxOf,
  drawTextPart,
  layoutSize,
  resolvePixelRatio,
  roundRectPath,
  textStyleOf,
  type PngOptions,
} from '../../core/export/png.js';
import { drawSvgElement } from '../../core/export/draw-svg.js';
import type { TileView } from './kpi-tile.model.js';
import type { KpiTileTerms } from './kpi-tile.i18n.js';

// The painters are imported here directly, not through core/export/lazy.ts: a module of the tile's first load
// reached from this chunk too would be split into a chunk of its own in users' bundles (issue 16). The export
// button's action (makes the PNG, fires the cancelable civic-export made by the tile, downloads; never rejects):
export { exportPng } from '../../core/export/png.js';

/**
 * The tile's `toPNG()`: `tile` drawn from its model `v` at its current size. Rejects when there is nothing to draw
 * (no data yet, or the tile is not laid out). `defaults`: the screen's pixel ratio and the theme's surface colour.
 */
export async function tileToPng(
  tile: HTMLElement,
  v: TileView | undefined,
  t: KpiTileTerms,
  defaults: { pixelRatio: number; background: string },
  options: PngOptions,
): Promise<Blob> {
  if (!tile.isConnected) throw new Error('not in the page: append the element before toPNG()');
  const { width, height } = layoutSize(tile);
  if (!v) throw new Error('nothing to export (no data yet)');
  if (!(width >= 1 && height >= 1)) throw new Error('nothing to export (the tile is not laid out)');
  const ratio = resolvePixelRatio(options.pixelRatio, defaults.pixelRatio, width, height);
  const { canvas, ctx } = createExportCanvas(width, height, ratio, options.background ?? defaults.background);
  drawTile(ctx, tile, v, t);
  return canvasToPngBlob(canvas);
}

/**
 * The KPI tile drawn on a canvas for `toPNG()` and `<civic-kpi-grid>`'s export: loaded with the first export
 * (`toPNG()`, the export button, `CivicKpiTile.loadExport()`), so a page that never exports does not carry it (issue 16).
 *
 * Draws `tile` into `ctx` in the tile's own CSS px, top-left corner at the origin, from its model `v` (the final
 * value, never a count-up frame) and its shadow DOM's boxes, fonts and colours.
 */
export function drawTile(ctx: CanvasRenderingContext2D, tile: HTMLElement, v: TileView, t: KpiTileTerms): void {
  const root = tile.shadowRoot;
  if (!root) return;
  const scale = layoutSize(tile).scale;
  const q = (part: string) => root.querySelector<HTMLElement>(`[part~="${part}"]`);
  const base = q('base');
  const bb = boxIn(base, tile, scale);
  if (base && bb) drawBoxOf(ctx, base, bb);
  drawTextPart(ctx, q('label'), tile, { text: v.label, scale });
  if (v.period) drawTextPart(ctx, q('period'), tile, { text: v.period, wrap: false, scale });
  root.querySelectorAll('[part~="illustrative"]').forEach((el) => drawBadge(ctx, el, tile, scale));
  drawValue(ctx, tile, root, v, scale);
  root.querySelectorAll('[part~="status"].tile-note').forEach((el) => drawTextPart(ctx, el, tile, { scale }));
  const delta = q('delta');
  if (delta && v.delta) {
    const icon = delta.querySelector('svg');
    const ib = boxIn(icon, tile, scale);
    if (icon && ib) drawSvgElement(ctx, icon, ib);
    const label = delta.querySelector('.delta-label');
    drawTextPart(ctx, label, tile, { text: v.delta.label, wrap: false, scale });
    drawTextPart(ctx, label?.nextElementSibling, tile, { text: v.delta.direction === 'flat' ? t.flat : v.delta.text, wrap: false, scale });
  }
  const status = q('threshold');
  if (status && v.status) {
    const icon = status.querySelector('svg');
    const ib = boxIn(icon, tile, scale);
    if (icon && ib) drawSvgElement(ctx, icon, ib);
    drawTextPart(ctx, status.querySelector('span'), tile, { text: v.status.text, wrap: false, scale });
  }
  const progress = q('progress');
  const pb = boxIn(progress, tile, scale);
  if (progress && pb && v.progress) {
    drawBoxOf(ctx, progress, pb);
    const fill = progress.querySelector('.fill');
    ctx.save();
    roundRectPath(ctx, pb, pb.height / 2);
    ctx.clip();
    ctx.fillStyle = fill ? getComputedStyle(fill).backgroundColor : textStyleOf(progress).color;
    ctx.fillRect(pb.x, pb.y, pb.width * v.progress.ratio, pb.height);
    ctx.restore();
  }
  const spark = root.querySelector<SVGSVGElement>('svg[part~="sparkline"]');
  const sb = boxIn(spark, tile, scale);
  if (spark && sb && v.spark) drawSvgElement(ctx, spark, sb);
  if (v.caption) drawTextPart(ctx, q('caption'), tile, { text: v.caption, scale });
  if (v.source) drawTextPart(ctx, q('source'), tile, { text: t.sourceLabel(v.source), scale });
}

/** The figure line: each span of part `value` in order, with its own font, on one baseline, final value. */
function drawValue(ctx: CanvasRenderingContext2D, tile: HTMLElement, root: ShadowRoot, v: TileView, scale: number): void {
  const valueEl = root.querySelector<HTMLElement>('[part~="value"]');
  const vb = boxIn(valueEl, tile, scale);
  if (!valueEl || !vb) return;
  const numEl = valueEl.querySelector<HTMLElement>('[part~="number"]');
  const nb = boxIn(numEl, tile, scale);
  const ns = numEl ? textStyleOf(numEl) : textStyleOf(valueEl);
  ctx.save();
  ctx.beginPath();
  ctx.rect(vb.x, vb.y, vb.width, vb.height);
  ctx.clip();
  ctx.font = ns.font;
  const m = ctx.measureText('0');
  const ascent = m.fontBoundingBoxAscent ?? ns.size * 0.9;
  const descent = m.fontBoundingBoxDescent ?? ns.size * 0.25;
  // An inline box is as tall as its font's ascent + descent: the baseline sits one ascent below its top.
  const baseline = nb ? nb.y + ascent * (nb.height / Math.max(1, ascent + descent)) : vb.y + (vb.height + ascent - descent) / 2;
  ctx.textBaseline = 'alphabetic';
  let x = vb.x + (parseFloat(getComputedStyle(valueEl).paddingLeft) || 0);
  for (const span of Array.from(valueEl.children) as HTMLElement[]) {
    // The number sits in its width-reserving `.roll` box: draw the final figure, never a count-up frame.
    const part = span.classList.contains('roll') ? 'number' : (span.getAttribute('part') ?? '');
    const text = part === 'number' ? v.value.number : part === 'suffix' ? v.value.suffix : (span.textContent ?? '');
    if (!text) continue;
    const st = textStyleOf(span);
    x += parseFloat(getComputedStyle(span).marginLeft) || 0;
    ctx.font = st.font;
    ctx.fillStyle = st.color;
    ctx.fillText(text, x, baseline);
    x += ctx.measureText(text).width;
  }
  ctx.restore();
}
