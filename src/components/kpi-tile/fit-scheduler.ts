/**
 * Batches fit-to-width work of many tiles into one animation frame: all measurements first, then all writes,
 * so 200 tiles updating together cause one layout, not 200.
 */
export interface Fittable {
  /** Reads layout; returns the write to apply, or undefined. */
  measureFit(): (() => void) | undefined;
}

const queue = new Set<Fittable>();
let scheduled = false;

function flush(): void {
  scheduled = false;
  const items = [...queue];
  queue.clear();
  const writes: Array<() => void> = [];
  for (const it of items) {
    const w = it.measureFit();
    if (w) writes.push(w);
  }
  for (const w of writes) w();
}

export function scheduleFit(item: Fittable): void {
  queue.add(item);
  if (scheduled) return;
  scheduled = true;
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(flush);
  else setTimeout(flush, 16);
}

/** Runs pending fits now (tests and callers that need the final layout synchronously). */
export function flushFits(): void {
  if (queue.size) flush();
}
