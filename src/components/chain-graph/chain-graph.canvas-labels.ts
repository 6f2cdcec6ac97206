/**
 * The labels of the canvas picture of <civic-chain-graph> (chain-graph.painter-canvas.ts): callout lines first (thin,
 * in the callout colour at low contrast, see chain-graph.callout.ts), then the placed labels with their halo, at a
 * fixed screen size. Drawn in stage pixels (× `dpr`) on the picture or on the label bitmap of a pan.
 */
import { LINE, type Placement, type Scene } from './chain-graph.painter.js';
import { calloutLine, CALLOUT_OPACITY } from './chain-graph.callout.js';

export function drawCanvasLabels(ctx: CanvasRenderingContext2D, s: Scene, dpr: number, placed: Placement, col: Record<string, string>, hood: Set<string> | undefined): void {
  const { width, height, shown, zt: t } = s;
  const pos = s.display;
  const fs = placed.size;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  if (placed.callouts?.size) {
    ctx.lineWidth = 1;
    ctx.strokeStyle = col.callout ?? col.label;
    for (const [id, b] of placed.callouts) {
      const p = pos.get(id);
      const l = p && calloutLine(b);
      if (!l) continue;
      const sx = t.applyX(p.x), sy = t.applyY(p.y);
      ctx.globalAlpha = (hood && !hood.has(id) ? 0.15 : 1) * CALLOUT_OPACITY;
      ctx.beginPath();
      ctx.moveTo(sx + l.x1, sy + l.y1);
      ctx.lineTo(sx + l.x2, sy + l.y2);
      ctx.stroke();
    }
  }
  ctx.font = `${fs}px ${s.fontFamily || 'sans-serif'}`;
  ctx.lineWidth = 3;
  ctx.lineJoin = 'round';
  ctx.strokeStyle = col.halo;
  ctx.fillStyle = col.label;
  ctx.textBaseline = 'middle';
  ctx.textAlign = s.labelSide === 'right' ? 'left' : 'center';
  for (const id of placed.kept) {
    const n = shown.byId.get(id);
    const p = n ? pos.get(id) : undefined;
    if (!n || !p) continue;
    const sx = t.applyX(p.x), sy = t.applyY(p.y);
    const r = shown.radius(n) * t.k;
    const o = placed.offset.get(id);
    const x = o ? sx + o.x : s.labelSide === 'right' ? sx + r + 4 : sx;
    const y = o ? sy + o.y : s.labelSide === 'right' ? sy : sy + r + 2 + (fs * LINE) / 2;
    if (x < -400 || x > width + 400 || y < -fs || y > height + fs) continue;
    ctx.globalAlpha = hood && !hood.has(id) ? 0.15 : 1;
    const text = s.label(n);
    ctx.strokeText(text, x, y);
    ctx.fillText(text, x, y);
  }
  ctx.globalAlpha = 1;
}
