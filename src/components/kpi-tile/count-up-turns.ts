/**
 * Turns for count-up steps on a wall of tiles: each step re-lays out and repaints a figure, and 200 tiles stepping
 * in the same frame make that frame long. With more than `perFrame` count-ups running, each takes its turn every
 * `ceil(running / perFrame)` frames (phases dealt round-robin), so a frame paints about `perFrame` steps. A single
 * tile, or a few, step every frame. The final figure is never held back (callers paint it outside their turn).
 */
export interface CountUpTurns {
  /** A count-up starts: returns its phase. */
  begin(key: object): number;
  /** A count-up ended or was replaced. */
  end(key: object): void;
  /** Whether the count-up with this phase paints a step in the frame with timestamp `now` (one rAF timestamp per frame). */
  turn(now: number, phase: number): boolean;
  /** Count-ups running. */
  readonly running: number;
}

export function createCountUpTurns(perFrame: number): CountUpTurns {
  const live = new Set<object>();
  let seq = 0;
  let frameTime = Number.NaN;
  let frame = 0;
  return {
    begin(key) {
      live.add(key);
      return seq++;
    },
    end(key) {
      live.delete(key);
    },
    turn(now, phase) {
      if (now !== frameTime) {
        frameTime = now;
        frame++;
      }
      const every = Math.ceil(live.size / perFrame);
      return every <= 1 || (frame + phase) % every === 0;
    },
    get running() {
      return live.size;
    },
  };
}
