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

let fitted: (() => void)[] = [];

function flush(): void {
  scheduled = false;
  const done = fitted;
  fitted = [];
  const items = [...queue];
  queue.clear();
  const writes: Array<() => void> = [];
  for (const it of items) {
    const w = it.measureFit();
    if (w) writes.push(w);
  }
  for (const w of writes) w();
  for (const d of done) d();
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

/** Resolves once the fits pending now are applied (at once when none is): the tile's picture is complete then. */
export function afterFits(): Promise<void> {
  if (!scheduled) return Promise.resolve();
  return new Promise<void>((resolve) => fitted.push(resolve));
}
