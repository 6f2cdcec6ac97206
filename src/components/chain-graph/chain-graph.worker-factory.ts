/**
 * Creates the chain graph's layout worker: a module worker beside the code (ESM builds and bundlers resolve the
 * URL). The IIFE build swaps this module (scripts/build.mjs) for one that inlines the worker as a blob, so the
 * one-file script needs no `assets/` folder beside it (its CSP already allows `worker-src blob:` for maplibre).
 */
export function createLayoutWorker(): Worker {
  return new Worker(new URL('./chain-graph.worker.ts', import.meta.url), { type: 'module' });
}
