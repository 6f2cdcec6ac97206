/**
 * Time-sliced updates for walls of tiles: when a grid replaces 200 tiles' data at once, their Lit updates run
 * in slices of a few milliseconds, each in its own task, so the page never sees a long task (> 50 ms) and
 * input and animation frames get in between. A single tile pays one task hop.
 */
const BUDGET_MS = 8;
const queue: Array<() => void> = [];
let pending = false;
let channel: MessageChannel | undefined;

function post(): void {
  if (typeof MessageChannel === 'function') {
    if (!channel) {
      channel = new MessageChannel();
      channel.port1.onmessage = drain;
    }
    channel.port2.postMessage(0);
  } else setTimeout(drain, 0);
}

function drain(): void {
  const start = performance.now();
  try {
    while (queue.length) {
      const run = queue.shift()!;
      run();
      if (performance.now() - start >= BUDGET_MS) break;
    }
  } finally {
    // Even if a callback threw, the rest of the queue still runs.
    if (queue.length) post();
    else pending = false;
  }
}

/** Runs `run` in the next slice. */
export function scheduleSliced(run: () => void): void {
  queue.push(run);
  if (pending) return;
  pending = true;
  post();
}
