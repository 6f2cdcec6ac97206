/**
 * Frame-aligned, time-sliced updates for walls of tiles. When a grid replaces 200 tiles' data at once, their Lit
 * updates run in slices, one per animation frame: each frame re-renders, fits, lays out and paints only the tiles of
 * its slice, so neither the updates nor the frame after them become a long task (> 50 ms), and input and the
 * count-up's frames get in between. Each tile updates whole, in one slice: its picture is never half old, half new.
 * Slices run in the frame (before its style, layout and paint) rather than in tasks between frames: tasks would pile
 * up every tile's DOM changes for the next frame's layout, which then lays out the whole wall at once. The text fits
 * of a slice are measured in the same frame (fit-scheduler.ts), so a re-created value line is first painted at its
 * fitted size.
 *
 * How many tiles a slice takes is learnt, not fixed (issue 16, bench/kpi): after each frame with a slice, a task
 * posted from the slice reads the clock once the frame's rendering is done, so the frame's whole wall-clock cost is
 * known — the slice's script plus the style, layout, paint and layerizing it caused, and whatever else the frame ran
 * (count-up steps, other elements) — and the next slice takes as many tiles as fit FRAME_BUDGET_MS at that cost per
 * tile. A frame also has a cost of its own whatever its slice holds (layerizing and painting a page of 200 tiles),
 * so a fixed small count per frame (6) made a wall take 30+ frames and more CPU in all; a quiet machine updates
 * 200 tiles in a few frames, a loaded one in more, smaller ones. A slice also stops when its script alone reaches
 * SCRIPT_BUDGET_MS: the rendering a tile's update causes costs 4–5 times its script, and the cost learnt per tile may
 * be stale (cheap updates before a costly batch) or inflated by waits for a core; the script is read live.
 * Where frames do not come (a hidden document, a throttled frame, no requestAnimationFrame) the slices run in
 * tasks; a slice never waits more than FALLBACK_MS after the previous frame ended for its frame, and after such a
 * task the next slice waits for a frame again (at most SLOW_FALLBACK_MS). A single tile waits for the next frame.
 * A slice run in a task is rendered by the next frame: that frame's own slice counts the task's script against its
 * script budget (and its tiles against the slice size), so it often runs none, and no frame lays out and paints more
 * than one slice of tiles. On a loaded machine frames
 * often come later than FALLBACK_MS, and a frame rendering a task's slice plus its own — twice the budget — was most
 * of the wall's tasks over 50 ms (issue 16, bench/kpi: 57 + 57 tiles, 127 ms of CPU).
 */
/** The fits of a frame's slice (fit-scheduler.ts's flushFits, given by kpi-tile.figure.ts: this chunk imports nothing of the first load). */
export const fits = { flush: (): void => undefined };

/**
 * Wall-clock time a frame holding a slice may take in all (its script, style, layout, paint, layerize and whatever
 * else the frame runs: count-up steps, other elements). The cost a tile is learnt from the least a frame took (its
 * CPU time, nearly), so this is what a slice's frame costs in CPU on a quiet machine; it is a third of the 50 ms of a
 * long task so that a frame stays under it when the main thread gets only half a core (a loaded machine: a frame of
 * 25 ms of CPU then takes 50 ms of wall clock). Session 17: 16 rather than 24 (bench/kpi: by wall clock one round in
 * four had two 54 ms tasks of ~27 ms CPU at 24 / 3 ms).
 */
const FRAME_BUDGET_MS = 16;
/**
 * A slice stops when its script alone took this long, each update counted at most GAP_MS: on a loaded machine the
 * thread now and then waits tens of milliseconds for a core in the middle of an update, and that wait is not the
 * update's cost (counted in full, it cut a loaded machine's slices to a few tiles, and its walls trickled in over
 * seconds). The budget holds the frame, not just the script: a tile's style, layout and paint cost 4–5 times its
 * update's script (traced on the bench wall: 0.22 ms of script, ~0.9 ms of rendering a tile, plus ~11 ms a frame),
 * and the frame's cost learnt on the wall clock (FRAME_BUDGET_MS) is often stale or inflated by waits for a core,
 * while this is read live, one short update at a time. At 20 ms, slices sized from a stale cost (cheap updates taught
 * 0.3 ms a tile) let frames of 60–110 tiles through: 70–150 ms of CPU (issue 16, bench/kpi at load 15). 3 rather
 * than 4 (session 15): at 4 ms a slice's frame was ~20–31 ms of CPU on a quiet machine (trace: ~5 ms of the frame's
 * own, ~1.25 ms a tile), and a frame of 25 ms of CPU becomes a long task as soon as the thread waits for one of two
 * cores about as long as it runs; at 3 ms it is ~4 tiles (~5 ms) smaller, for ~a third more frames per wall update.
 * 2 rather than 3 (session 17, with FRAME_BUDGET_MS 16): ~8 tiles, a frame of ~15 ms of CPU (~5 ms of its own,
 * ~1.25 ms a tile), under 50 ms of wall clock on half a core.
 * GAP_MS is 1 so that one stalled update still leaves room for others in its slice.
 */
const SCRIPT_BUDGET_MS = 2;
const GAP_MS = 1;
/**
 * Updates per slice however long they take: on a machine so loaded that the clock runs out within one tile, a
 * wall still gets through its updates.
 */
const MIN_PER_SLICE = 3;
/** Updates per slice at most, and before any frame was measured. */
const MAX_PER_SLICE = 200;
const FIRST_PER_SLICE = 8;
/** A slice takes at most this many times the last one's count: the cost learnt may be stale (a quiet spell after load). */
const GROWTH = 2;
/** A slice whose frame has not come this long after the last frame ended runs in a task (at 60 Hz frames win). */
const FALLBACK_MS = 20;
/**
 * After a slice ran in a task, the next one waits for a frame (up to this long): the tasks' DOM changes all land in
 * the next frame's style, layout and paint, so without this a machine whose frames come 100–500 ms apart piled a
 * dozen slices (100+ tiles) into one frame — a long task of its own (issue 16, bench/kpi under load).
 */
const SLOW_FALLBACK_MS = 250;

/** The clock (tests give a fake one). @internal */
export const sliceClock = { now: (): number => performance.now() };

let sinceFrame = false;
const queue: Array<() => void> = [];
let pending = false;
let raf = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
let channel: MessageChannel | undefined;
/** Tiles the next slice takes. */
let size = FIRST_PER_SLICE;
/** Tiles updated in tasks since the last frame: the next frame renders them, and its slice takes the rest of `size`. */
let unrendered = 0;
/** Their script (ms, each update counted at most GAP_MS). */
let unrenderedScript = 0;
/**
 * Wall-clock cost a tile's update added to its frame (ms: its script, style, layout and paint), in the last few
 * frames; the lowest is believed — on a loaded machine a frame now and then waits 10–100+ ms for a core, which says
 * how busy the machine is, not what the tiles cost (the least a frame took is nearest to the work it did).
 */
const perTileSeen: number[] = [];
const SEEN = 5;
/** The last frame's slice, until the task after that frame reads the clock (`carried`: tiles updated in tasks before it). */
let probe: { start: number; ran: number; planned: number; full: boolean; carried: number } | undefined;
let probeTimer: ReturnType<typeof setTimeout> | undefined;

function framesRun(): boolean {
  return typeof requestAnimationFrame === 'function' && !(typeof document !== 'undefined' && document.visibilityState === 'hidden');
}

function post(afterFrame: boolean): void {
  if (framesRun()) {
    raf = requestAnimationFrame(onFrame);
    // After a frame's slice the fallback counts from the end of that frame (onFrameDone): a frame that is long to
    // render is not a frame that does not come.
    if (!afterFrame) timer = setTimeout(onFallback, sinceFrame ? SLOW_FALLBACK_MS : FALLBACK_MS);
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

/** Reads the clock once the frame now running is rendered (a task posted from the frame runs after its rendering). */
function measureFrame(p: NonNullable<typeof probe>): void {
  probe = p;
  probeTimer ??= setTimeout(onFrameDone, 0);
}

function onFrameDone(): void {
  probeTimer = undefined;
  const p = probe;
  probe = undefined;
  // A frame that also rendered tiles updated in a task teaches nothing (their script ran before it).
  if (p && !p.carried) learn(sliceClock.now() - p.start, p.ran, p.planned, p.full);
  if (raf && timer === undefined) timer = setTimeout(onFallback, FALLBACK_MS);
}

/** The lowest of the last few values seen (0 when none). */
function low(xs: readonly number[]): number {
  return xs.length ? Math.min(...xs) : 0;
}

function see(xs: number[], x: number): void {
  xs.push(x);
  if (xs.length > SEEN) xs.shift();
}

/**
 * A frame with `ran` tile updates took `ms` in all: a tile's share is `ms / ran` (the frame's own cost — the rank board
 * beside, the ticker — spread over its tiles: the estimate errs on the safe side, and the frame stays in the budget).
 * Count-ups paint no step while updates are queued (kpi-tile.ts), so a frame of a batch costs little on its own.
 * A slice cut short by the end of the queue teaches nothing (a few tiles: mostly the frame's own cost). The next
 * slice takes the tiles that fit FRAME_BUDGET_MS, at most twice the last slice.
 */
function learn(ms: number, ran: number, planned: number, full: boolean): void {
  if (!(ms >= 0) || !full || ran < MIN_PER_SLICE) return;
  see(perTileSeen, ms / ran);
  size = Math.max(MIN_PER_SLICE, Math.min(MAX_PER_SLICE, Math.floor(planned * GROWTH), Math.floor(FRAME_BUDGET_MS / Math.max(low(perTileSeen), 1e-3))));
}

function drain(inFrame: boolean): void {
  const start = sliceClock.now();
  // A frame renders the tiles updated in tasks since the last frame too: its slice takes what is left of a slice's
  // worth. A task's slice likewise takes what is left by the tasks before it since the last frame, at least
  // MIN_PER_SLICE (frames that never come — a throttled frame — still see updates, slowly).
  const frames = framesRun();
  const owed = frames ? unrendered : 0;
  const owedScript = frames ? unrenderedScript : 0;
  if (inFrame) unrendered = unrenderedScript = 0;
  const planned = inFrame ? Math.max(0, size - owed) : Math.max(MIN_PER_SLICE, size - owed);
  let ran = 0;
  let full = false;
  let script = 0;
  let last = start;
  try {
    // The script budget counts the script of the tasks' slices this frame renders too: a frame that renders a whole
    // slice's worth runs no update of its own (others at least MIN_PER_SLICE, so a wall always gets through).
    const least = inFrame && owed ? 0 : MIN_PER_SLICE;
    while (queue.length && ran < planned) {
      if (ran >= least && owedScript + script >= SCRIPT_BUDGET_MS) {
        full = true; // stopped by its script: as telling as a full slice
        break;
      }
      const run = queue.shift()!;
      ran++;
      if (!inFrame) unrendered++;
      run();
      const t = sliceClock.now();
      const dt = Math.min(t - last, GAP_MS);
      script += dt;
      if (!inFrame) unrenderedScript += dt;
      last = t;
    }
    if (ran >= planned) full = true;
  } finally {
    // Fits of this slice now, in this frame (their own rAF would come a frame late, after a paint at the old size).
    // Even if a callback threw, the rest of the queue still runs.
    try {
      if (inFrame) fits.flush();
    } finally {
      if (inFrame) measureFrame({ start, ran, planned, full, carried: owed });
      if (queue.length) post(inFrame);
      else {
        pending = false;
        sinceFrame = false; // idle: the next batch starts afresh
        // The next frame renders what the tasks updated; a batch queued after it owes that frame nothing.
        if (unrendered && framesRun())
          requestAnimationFrame(() => {
            if (!pending) unrendered = unrenderedScript = 0;
          });
      }
    }
  }
}

/**
 * Whether tile updates are waiting for their slice. Count-ups paint no step meanwhile (kpi-tile.ts): on a machine
 * short of CPU their steps took the frames a wall's updates needed, and its new figures trickled in over seconds.
 */
export function slicesPending(): boolean {
  return queue.length > 0;
}

/** Runs `run` in the next slice. */
export function scheduleSliced(run: () => void): void {
  queue.push(run);
  if (pending) return;
  pending = true;
  post(false);
}

/** What the scheduler has learnt: tiles the next slice takes and a tile's cost (tests, bench). @internal */
export function sliceState(): { size: number; perTile: number } {
  return { size, perTile: low(perTileSeen) };
}
