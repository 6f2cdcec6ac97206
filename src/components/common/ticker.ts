/**
 * One requestAnimationFrame loop for every animating tile (a wall of 200 count-ups costs one callback a frame,
 * not 200), stopped while nothing animates.
 */
export interface Ticking {
  /** Called once a frame; return false when done. */
  tick(now: number): boolean;
}

const active = new Set<Ticking>();
let raf = 0;

function frame(now: number): void {
  raf = 0;
  for (const t of [...active]) {
    let more = false;
    try {
      more = t.tick(now);
    } catch {
      // A failing animation stops; the others and the loop go on (the tile still shows its final value on its next update).
      more = false;
    }
    if (!more) active.delete(t);
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
