/**
 * Printing a WebGL grid map (A2 s18 audit). Without `preserve-drawing-buffer` the browser prints maplibre's canvas
 * blank: its frame is presented and the drawing buffer cleared long before a print. So on `beforeprint` (and on
 * `matchMedia('print')` turning on, for a print media emulated without the event) each WebGL map renders one frame
 * synchronously and, in the same task, copies it with its label overlay into a 2D canvas (which keeps its pixels),
 * shown only under `@media print`; `afterprint` removes it.
 * The part `canvas` is hidden while printing: Chromium prints it (with the WebGL canvas inside) over a later sibling,
 * whatever its z-index, so a copy beside a visible part printed blank too (real PDFs: notes/s18/m1).
 * Loaded by grid-map.ts once a map draws with WebGL, before any print: the print events wait for nothing.
 */
import type { Drawing } from './shell-mode.js';

type Host = HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

/** The WebGL maps in the page and how to reach their picture (grid-map.ts adds and deletes them). */
export const maps = new Map<Host, () => Drawing | undefined>();

const CSS = `.print-copy{position:absolute;inset:0;width:100%;height:100%;pointer-events:none}
@media not print{canvas.print-copy{display:none}}
@media print{[part~='canvas']{visibility:hidden}}`;

/** Renders one frame of the map now and puts its copy beside part `canvas`; nothing for a 2D or SVG renderer. */
export function printCopy(host: Host, d: Drawing | undefined): void {
  const part = host.renderRoot.querySelector('[part~="canvas"]');
  const stage = part?.parentElement;
  const map = d?.mapInstance;
  if (!map || !stage || stage.querySelector('.print-copy')) return;
  map.redraw();
  const pic = d.snapshot?.();
  if (!pic) return;
  const style = document.createElement('style');
  style.className = 'print-copy';
  style.textContent = CSS;
  pic.className = 'print-copy';
  pic.setAttribute('aria-hidden', 'true');
  stage.append(style, pic);
}

const remove = (host: Host) => host.renderRoot.querySelectorAll('.print-copy').forEach((e) => e.remove());

/** Removes the print copies (after the print, or the print dialog cancelled). */
export function printDone(): void {
  maps.forEach((_, host) => remove(host));
}

/** A map left the page: no copy of it any more. */
export function forget(host: Host): void {
  remove(host);
  maps.delete(host);
}

const start = () => maps.forEach((drawing, host) => host.isConnected && printCopy(host, drawing()));
addEventListener('beforeprint', start);
addEventListener('afterprint', printDone);
globalThis.matchMedia?.('print').addEventListener('change', (e) => (e.matches ? start() : printDone()));
