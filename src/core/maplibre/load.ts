import { installPolyfills, needsPolyfills, POLYFILL_SOURCE } from './polyfills.js';
import { bundledWorkerUrl, inlineWorkerSource } from './worker-source.js';

type Maplibre = typeof import('maplibre-gl');

let pending: Promise<Maplibre> | undefined;
let explicitWorkerUrl: string | undefined;

/**
 * Tells the library where maplibre's worker file is, for apps whose bundler does not copy
 * `maplibre-gl/dist/maplibre-gl-worker.mjs` (e.g. Vite: `import u from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url'`).
 */
export function setMaplibreWorkerUrl(url: string): void {
  explicitWorkerUrl = url;
}

function blobUrl(code: string): string {
  return URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
}

/**
 * Loads maplibre-gl once, on demand (dynamic import: pages without a WebGL map never download it),
 * with the Chrome 90–92 polyfills on the main thread and in the worker.
 */
export function loadMaplibre(): Promise<Maplibre> {
  if (!pending) {
    pending = (async () => {
      installPolyfills();
      const m = await import('maplibre-gl');
      const inline = inlineWorkerSource();
      if (inline !== undefined) {
        // Single-file build: worker from a Blob (CSP needs worker-src blob:).
        m.setWorkerUrl(blobUrl((needsPolyfills() ? POLYFILL_SOURCE + '\n' : '') + inline));
      } else {
        const url = explicitWorkerUrl ?? bundledWorkerUrl();
        if (url) {
          const abs = new URL(url, document.baseURI).href;
          // Old engine: prepend the polyfills through a tiny module wrapper (CSP then needs worker-src blob:).
          m.setWorkerUrl(needsPolyfills() ? blobUrl(`${POLYFILL_SOURCE}\nimport ${JSON.stringify(abs)};`) : abs);
        }
      }
      return m;
    })();
    pending.catch(() => {
      pending = undefined;
    });
  }
  return pending;
}

/**
 * Whether the WebGL renderer can run here. On Chrome 90–92 the worker needs the polyfills, which the
 * library can only inject when it knows the worker (IIFE, self-hosted bundle, or setMaplibreWorkerUrl);
 * otherwise the grid map draws with its canvas renderer instead (same colours and interaction).
 */
export function maplibreUsable(): boolean {
  return !needsPolyfills() || inlineWorkerSource() !== undefined || !!explicitWorkerUrl || !!bundledWorkerUrl();
}
