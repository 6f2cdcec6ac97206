/**
 * The export painters (png.ts: canvas text/box/badge drawing; draw-svg.ts: SVG → canvas) load on first use, with a
 * dynamic `import()`: a page that never exports never downloads them (issue 16; the one-script builds inline them).
 *
 * An element's first-load code imports the painter functions from here instead of png.ts / draw-svg.ts. `toPNG()` /
 * `snapshot()` start with `await loadPainters()`; after that the synchronous wrappers below call straight into the
 * loaded modules. An element's own lazy export module (kpi-tile.export.ts, growth-chart.export.ts…) imports png.ts /
 * draw-svg.ts directly instead: a lazy chunk importing this first-load module makes users' bundlers split it (with
 * the export event and the lazy-module loader) into a chunk of its own, which cost the chain graph's first load
 * 0.4 KB gz (issue 16).
 * Calling a synchronous wrapper before the painters are loaded throws (a programming error, not a page state).
 * `exportPng` (the export button's action) loads them itself and, like the painter's version, never rejects.
 */
import type { PngExporter } from './png.js';
import { CivicExportEvent } from '../events/export-event.js';
import { lazyModule } from '../lazy-module.js';

export type { Box, PngOptions, PngExporter } from './png.js';

type Painters = typeof import('./png.js') & typeof import('./draw-svg.js');

const chunk = lazyModule((): Promise<Painters> => Promise.all([import('./png.js'), import('./draw-svg.js')]).then(([png, svg]) => ({ ...png, ...svg })));

/** Loads the painters once (later calls share the promise; a failed load is retried on the next call). */
export const loadPainters = (): Promise<Painters> => chunk.load();

/** Whether the painters are loaded (tests; elements just await loadPainters()). */
export function paintersLoaded(): boolean {
  return chunk.loaded !== undefined;
}

function painters(): Painters {
  const loaded = chunk.loaded;
  if (!loaded) throw new Error('export painters are not loaded yet (await loadPainters() first)');
  return loaded;
}

// A synchronous stand-in for one painter function, with its exact signature.
const sync = <K extends keyof Painters>(name: K): Painters[K] =>
  ((...args: unknown[]) => (painters()[name] as (...a: unknown[]) => unknown)(...args)) as Painters[K];

export const boxIn = /* @__PURE__ */ sync('boxIn');
export const canvasToPngBlob = /* @__PURE__ */ sync('canvasToPngBlob');
export const createExportCanvas = /* @__PURE__ */ sync('createExportCanvas');
export const drawBadge = /* @__PURE__ */ sync('drawBadge');
export const drawBoxOf = /* @__PURE__ */ sync('drawBoxOf');
export const isTransparent = /* @__PURE__ */ sync('isTransparent');
export const drawHatch = /* @__PURE__ */ sync('drawHatch');
export const drawSvgElement = /* @__PURE__ */ sync('drawSvgElement');
export const drawTextBox = /* @__PURE__ */ sync('drawTextBox');
export const drawTextNodes = /* @__PURE__ */ sync('drawTextNodes');
export const drawTextPart = /* @__PURE__ */ sync('drawTextPart');
export const layoutSize = /* @__PURE__ */ sync('layoutSize');
export const resolvePixelRatio = /* @__PURE__ */ sync('resolvePixelRatio');
export const roundRectPath = /* @__PURE__ */ sync('roundRectPath');
export const textStyleOf = /* @__PURE__ */ sync('textStyleOf');

/**
 * The export button's action (see png.ts `exportPng`): loads the painters, makes the PNG, fires the cancelable
 * `civic-export`, downloads. Never throws or rejects: a failure (including the painters failing to load) goes to `warn`.
 */
export async function exportPng(host: PngExporter, fileName: string | undefined, warn: (message: string) => void): Promise<boolean> {
  let p: Painters;
  try {
    p = await loadPainters();
  } catch (e) {
    warn(`PNG export failed: ${e instanceof Error ? e.message : String(e)}`);
    return false;
  }
  return p.exportPng(host, fileName, warn, (detail) => new CivicExportEvent(detail));
}
