/**
 * Light one-script file only (`civic-widgets.light.js`, see scripts/build.mjs): maplibre-gl is not inside it but in
 * a sibling classic script, `civic-widgets.maplibre.js`, in the same directory, loaded with a `<script src>` the
 * first time a map needs WebGL — so a page with KPI tiles or charts only never downloads it. A same-origin script
 * element is what CSP `script-src 'self'` allows (no eval, no blob: script); the page's nonce, if the light script
 * had one, is passed on.
 *
 * The sibling defines `window.__civicWidgetsMaplibre = { maplibregl, workerSource }` (src/iife-maplibre.ts); the
 * worker then runs from a Blob as in the all-in-one file (CSP `worker-src blob:`).
 *
 * The build rewrites every `import('maplibre-gl')` of the library into `importMaplibreSibling()` for this file only.
 */
type Maplibre = typeof import('maplibre-gl');
interface SiblingGlobal {
  maplibregl: Maplibre;
  workerSource: string;
}

/** File name of the sibling script, next to the light one-script file. */
export const SIBLING_FILE = 'civic-widgets.maplibre.js';

// Where the light script itself was loaded from: read once, while it runs (document.currentScript is null later).
const me = typeof document !== 'undefined' ? (document.currentScript as HTMLScriptElement | null) : null;
const base = me?.src ?? '';
const nonce = me?.nonce ?? '';

const sibling = (): SiblingGlobal | undefined => (globalThis as { __civicWidgetsMaplibre?: SiblingGlobal }).__civicWidgetsMaplibre;

/** The worker source carried by the sibling, once loaded; '' before (it will be inline). */
export function siblingWorkerSource(): string {
  return sibling()?.workerSource ?? '';
}

let pending: Promise<Maplibre> | undefined;

/** Loads the sibling script once and resolves to maplibre-gl's namespace (a failed load is retried on the next call). */
export function importMaplibreSibling(): Promise<Maplibre> {
  const have = sibling();
  if (have) return Promise.resolve(have.maplibregl);
  if (!pending) {
    pending = new Promise<Maplibre>((resolve, reject) => {
      if (!base) {
        reject(new Error(`cannot find ${SIBLING_FILE}: load civic-widgets.light.js with <script src>`));
        return;
      }
      const s = document.createElement('script');
      s.src = new URL(SIBLING_FILE, base).href;
      s.async = true;
      if (nonce) s.nonce = nonce;
      s.addEventListener('load', () => {
        const g = sibling();
        if (g) resolve(g.maplibregl);
        else reject(new Error(`${s.src} loaded but defined no maplibre-gl`));
      });
      s.addEventListener('error', () => {
        s.remove();
        reject(new Error(`could not load ${s.src}`));
      });
      document.head.append(s);
    });
    pending.catch(() => {
      pending = undefined;
    });
  }
  return pending;
}
