/**
 * Frame-aligned, time-sliced updates for walls of tiles. When a grid replaces 200 tiles' data at once, their Lit
 * updates run a few milliseconds' worth per animation frame: each frame re-renders, fits, lays out and paints
 * only the tiles of its slice, so neither the updates nor the frame after them become a long task (> 50 ms), and
 * input and the count-up's frames get in between. Each tile updates whole, in one slice: its picture is never
 * half old, half new. Slices run in the frame (before its style, layout and paint) rather than in tasks between
 * frames: tasks would pile up every tile's DOM changes for the next frame's layout, which then lays out the whole
 * wall at once. The text fits of a slice are measured in the same frame (fit-scheduler.ts), so a re-created value
 * line is first painted at its fitted size.
 * Where frames do not come (a hidden document, a throttled frame, no requestAnimationFrame) the slices run in
 * tasks; a slice never waits more than FALLBACK_MS for its frame, and after such a task the next slice waits for a
 * frame again (at most SLOW_FALLBACK_MS). A single tile waits for the next frame.
 */
import { flushFits } from './fit-scheduler.js';

/** Script time per slice: the frame's own style, layout and paint of those tiles come on top. */
const BUDGET_MS = 6;
/**
 * Updates per slice however long they take: on a machine so loaded that the clock runs out within one tile, a
 * wall still gets through its updates (a tile's update costs well under a millisecond of CPU on a quiet machine;
 * under load 3–5 ms, so 8 per slice made a frame with their layout and paint a long task: issue 16, bench/kpi).
 */
const MIN_PER_SLICE = 3;
/**
 * Updates per slice at most, however cheap their script: each updated tile also costs its style, layout and paint in
 * the frame (about as much as its script), which the script budget does not see. Once updates wrote their text in
 * place (no value line re-created), a 6 ms slice took 20+ tiles and their layout made the frame a long task (issue
 * 16, bench/kpi). At 60 frames a second 6 a slice still updates 360 tiles a second.
 */
const MAX_PER_SLICE = 6;
/** A slice whose frame has not come by then runs in a task (at 60 Hz frames win; on a machine whose frames come slowly, the wall still updates at this pace). */
const FALLBACK_MS = 20;
/**
 * After a slice ran in a task, the next one waits for a frame (up to this long): the tasks' DOM changes all land in
 * the next frame's style, layout and paint, so without this a machine whose frames come 100–500 ms apart piled a
 * dozen slices (100+ tiles) into one frame — a long task of its own (issue 16, bench/kpi under load).
 */
const SLOW_FALLBACK_MS = 250;
let sinceFrame = false;
const queue: Array<() => void> = [];
let pending = false;
let raf = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
let channel: MessageChannel | undefined;

function framesRun(): boolean {
  return typeof requestAnimationFrame === 'function' && !(typeof document !== 'undefined' && document.visibilityState === 'hidden');
}

function post(): void {
  if (framesRun()) {
    raf = requestAnimationFrame(onFrame);
    timer = setTimeout(onFallback, sinceFrame ? SLOW_FALLBACK_MS : FALLBACK_MS);
  } else if (typeof MessageChannel === 'function') {
    if (!channel) {
      channel = new MessageChannel();
      channel.port1.onmessage = () => drain(false);
    }
    channel.port2.postMessage(0);
  } else setTimeout(() => drain(false), 0);
}

function onFrame(): void {
  raf = 0;
  sinceFrame = false;
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  drain(true);
}

function onFallback(): void {
  timer = undefined;
  sinceFrame = true;
  if (raf) cancelAnimationFrame(raf);
  raf = 0;
  drain(false);
}

function drain(inFrame: boolean): void {
  const start = performance.now();
  let ran = 0;
  try {
    while (queue.length) {
      const run = queue.shift()!;
      ran++;
      run();
      if (ran >= MAX_PER_SLICE || (ran >= MIN_PER_SLICE && performance.now() - start >= BUDGET_MS)) break;
    }
  } finally {
    // Fits of this slice now, in this frame (their own rAF would come a frame late, after a paint at the old size).
    // Even if a callback threw, the rest of the queue still runs.
    try {
      if (inFrame) flushFits();
    } finally {
      if (queue.length) post();
      else {
        pending = false;
        sinceFrame = false; // idle: the next batch starts afresh
      }
    }
  }
}

/** Runs `run` in the next slice. */
export function scheduleSliced(run: () => void): void {
  queue.push(run);
  if (pending) return;
  pending = true;
  post();
}
