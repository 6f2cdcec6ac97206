/**
 * `toPNG()` of <civic-grid-map>. The drawing (export-png.draw.ts, with the core painters) loads with the first call
 * (issue 16): this module is part of the map's first load and only waits for the picture.
 */
import type { PngOptions } from '../../core/export/png.js';
import { lazyModule } from '../../core/lazy-module.js';
import type { Drawing } from './shell-mode.js';
import type { Host } from './export-png.draw.js';

const mapDrawing = lazyModule(() => import('./export-png.draw.js'));

/**
 * The element's `toPNG()`: waits for the picture (`drawn`), copies it (WebGL: a repaint copied; canvas: a snapshot)
 * (SVG renderer: its <svg>) and lays it out with the breadcrumb, legend and badge (`mapPng`). Rejects without a picture.
 */
export async function mapToPng(
  host: Host,
  o: { drawn(): Promise<void>; drawing(): Drawing | undefined; hostRatio: number; token: (name: string, fallback: string) => string },
  options: PngOptions,
): Promise<Blob> {
  const { mapPng } = await mapDrawing.load();
  await o.drawn();
  const r = o.drawing();
  // The SVG renderer has no canvas: its live <svg> is painted onto the export canvas (core draw-svg.ts).
  const pic = (r?.capture ? await r.capture() : r?.snapshot?.()) ?? host.renderRoot.querySelector<SVGSVGElement>('[part~="canvas"] svg.surface');
  if (!pic) throw new Error('nothing to export (no picture yet)');
  return mapPng(host, pic, { ...options, pixelRatio: options.pixelRatio, hostRatio: o.hostRatio, token: o.token });
}
