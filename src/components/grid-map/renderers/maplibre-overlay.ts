/**
 * The 2D canvas over the GeoJSON maplibre map (maplibre-renderer.ts): hover and selection outlines of one or two
 * units, points and labels, projected through the map on every frame it renders (no glyph server, no WebGL line
 * layer over every unit).
 */
import { drawLabels, drawPoints } from './canvas-renderer.js';
import type { Scene } from './renderer.js';

/** Sizes `o` to w × h CSS px at pixel ratio `pr` and draws the scene's outlines, points and labels on it. */
export function drawOverlay(o: HTMLCanvasElement, w: number, h: number, pr: number, scene: Scene, project: (p: [number, number]) => [number, number] | undefined): void {
  if (o.width !== Math.round(w * pr) || o.height !== Math.round(h * pr)) {
    o.width = Math.round(w * pr);
    o.height = Math.round(h * pr);
    o.style.width = `${w}px`;
    o.style.height = `${h}px`;
  }
  const ctx = o.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, o.width, o.height);
  ctx.setTransform(pr, 0, 0, pr, 0, 0);
  // Hover and selection outlines: one or two units, projected here instead of a WebGL line layer over every unit.
  for (const [i, lw] of [[scene.hovered, 2], [scene.selected, 3]] as const) {
    const f = i >= 0 ? scene.geo.features[i] : undefined;
    if (!f) continue;
    ctx.beginPath();
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const poly of polys)
      for (const ring of poly)
        ring.forEach((pos, k) => {
          const q = project(pos as [number, number]);
          if (!q) return;
          if (k === 0) ctx.moveTo(q[0], q[1]);
          else ctx.lineTo(q[0], q[1]);
        });
    ctx.lineJoin = 'round';
    ctx.strokeStyle = scene.colors.halo;
    ctx.lineWidth = lw + 2;
    ctx.stroke();
    ctx.strokeStyle = scene.colors.selected;
    ctx.lineWidth = lw;
    ctx.stroke();
  }
  drawPoints(ctx, scene.points, project, scene);
  drawLabels(ctx, scene.labels, project, w, h, scene, scene.points);
}
