/**
 * Creates the grid map's metrics worker: a module worker beside the code (ESM builds and bundlers resolve the URL).
 * The IIFE builds swap this module (scripts/build.mjs) for one that inlines the worker as a blob, like the chain
 * graph's layout worker, so a one-file script needs nothing beside it (its CSP allows `worker-src blob:`).
 */
export function createMetricsWorker(): Worker {
  return new Worker(new URL('./metrics-worker.ts', import.meta.url), { type: 'module' });
}
