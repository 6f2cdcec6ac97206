/**
 * One requestAnimationFrame loop for every animating tile (a wall of 200 count-ups costs one callback a frame,
 * not 200), stopped while nothing animates.
 *
 * A frame's ticks stop once they took BUDGET_MS of script: the rest tick first in the next frame (a tick is a
 * count-up step; one skipped is a digit nobody saw, and the step after it reads the clock). Each tick's writes cause
 * style, layout and paint in the same frame, several times its script, so the budget bounds the whole frame: on a
 * machine whose main thread gets half a core, no frame of count-ups nears a 50 ms task (issue 16).
 */
export interface Ticking {
  /** Called once a frame; return false when done. */
  tick(now: number): boolean;
}

/** Script time a frame's ticks may take (ms). */
const BUDGET_MS = 4;

/** The clock (tests give a fake one). @internal */
export const tickClock = { now: (): number => performance.now() };

/** In the order they tick: those that ticked go to the end, so a frame cut short starts the next with the rest. */
const active = new Set<Ticking>();
let raf = 0;

function frame(now: number): void {
  raf = 0;
  const start = tickClock.now();
  for (const t of [...active]) {
    if (!active.has(t)) continue; // stopped by an earlier tick of this frame
    if (tickClock.now() - start >= BUDGET_MS) break;
    let more = false;
    try {
      more = t.tick(now);
    } catch {
      // A failing animation stops; the others and the loop go on (the tile still shows its final value on its next update).
      more = false;
    }
    // To the end of the order (unless the tick stopped itself).
    if (active.delete(t) && more) active.add(t);
  }
  if (active.size) raf = requestAnimationFrame(frame);
}

export function startTicking(t: Ticking): void {
  active.add(t);
  if (!raf) raf = requestAnimationFrame(frame);
}

export function stopTicking(t: Ticking): void {
  active.delete(t);
}
