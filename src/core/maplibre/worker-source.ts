/**
 * Where maplibre's worker comes from. This default lets maplibre find `maplibre-gl-worker.mjs` next to
 * its own module (Vite dev, and apps that call `setMaplibreWorkerUrl`). scripts/build.mjs swaps this
 * module: the self-hosted bundle returns the worker file shipped beside its chunks, the single-file IIFE
 * returns the worker's source to run from a Blob.
 */
export function inlineWorkerSource(): string | undefined {
  return undefined;
}

/** URL of a worker file shipped with a bundle build, or undefined. */
export function bundledWorkerUrl(): string | undefined {
  return undefined;
}
