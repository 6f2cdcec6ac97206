/**
 * Turns for count-up steps on a wall of tiles: each step re-lays out and repaints a figure, and 200 tiles stepping
 * in the same frame make that frame long. With more than the frame's allowance of count-ups running, each takes its
 * turn every `ceil(running / allowance)` frames (phases dealt round-robin), so a frame paints about `allowance`
 * steps. A single tile, or a few, step every frame. The final figure is never held back (callers paint it outside
 * their turn).
 *
 * The allowance is `perFrame` while frames come on time (at most `onTimeMs` apart), and shrinks in proportion when
 * they come late (a machine short of CPU: frames 50 ms apart allow 2/5 of the steps), down to `leastPerFrame`: a
 * loaded machine's frames are the ones that become long tasks on the wall clock, and the steps skipped there are
 * digits nobody could read at that frame rate (issue 16). Gaps over `idleMs` (the first frame after a pause) say
 * nothing about the load and keep the allowance.
 */
export interface CountUpTurns {
  /** A count-up starts: returns its phase. */
  begin(key: object): number;
  /** A count-up ended or was replaced. */
  end(key: object): void;
  /**
   * A frame is running (its rAF timestamp): every running count-up calls this each frame, its turn or not (idempotent
   * within a frame), so the frame rate is known even while no step is painted.
   */
  frame(now: number): void;
  /** Whether the count-up with this phase paints a step in the frame with timestamp `now` (one rAF timestamp per frame). */
  turn(now: number, phase: number): boolean;
  /** Count-ups running. */
  readonly running: number;
  /** Steps a frame may paint now. */
  readonly allowance: number;
}

export interface CountUpTurnsOptions {
  onTimeMs?: number;
  leastPerFrame?: number;
  idleMs?: number;
}

export function createCountUpTurns(perFrame: number, { onTimeMs = 25, leastPerFrame = 10, idleMs = 250 }: CountUpTurnsOptions = {}): CountUpTurns {
  const live = new Set<object>();
  let seq = 0;
  let frameTime = Number.NaN;
  let frame = 0;
  let allowance = perFrame;
  const onFrame = (now: number): void => {
    if (now === frameTime) return;
    const gap = now - frameTime;
    if (gap > 0 && gap <= idleMs) allowance = gap <= onTimeMs ? perFrame : Math.max(Math.min(leastPerFrame, perFrame), Math.round((perFrame * onTimeMs) / gap));
    frameTime = now;
    frame++;
  };
  return {
    begin(key) {
      live.add(key);
      return seq++;
    },
    end(key) {
      live.delete(key);
    },
    frame: onFrame,
    turn(now, phase) {
      onFrame(now);
      const every = Math.ceil(live.size / allowance);
      return every <= 1 || (frame + phase) % every === 0;
    },
    get running() {
      return live.size;
    },
    get allowance() {
      return allowance;
    },
  };
}
