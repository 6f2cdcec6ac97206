/**
 * Deferred work of tiles mode that must not fall into pan or zoom frames (classifying the levels not on screen: a
 * million-grid level is one main-thread task of 0.1–0.3 s): it runs one step per idle period, and only once the
 * camera has been still for `stillMs`. A move (`moved()`) pushes the next step back until the camera has been still
 * that long again, also when an idle period was already asked for.
 */
export class StillQueue {
  private lastMove = -Infinity;
  private timer?: ReturnType<typeof setTimeout>;
  private idleId?: number;

  constructor(private readonly stillMs: number) {}

  /** The camera moved now. */
  moved(): void {
    this.lastMove = performance.now();
  }

  /**
   * Runs `step` once per idle period after stillness, again while it returns true (more to do). Replaces the work
   * queued before.
   */
  start(step: () => boolean): void {
    this.cancel();
    const later = (): void => {
      this.timer = this.idleId = undefined;
      const wait = this.lastMove + this.stillMs - performance.now();
      if (wait > 0) this.timer = setTimeout(later, wait);
      else if (typeof requestIdleCallback === 'function') this.idleId = requestIdleCallback(run, { timeout: 2000 });
      else this.timer = setTimeout(run, 0);
    };
    const run = (): void => {
      this.timer = this.idleId = undefined;
      // Moved while the idle period was awaited: still again first.
      if (performance.now() - this.lastMove < this.stillMs) return later();
      if (step()) later();
    };
    later();
  }

  /** Drops the queued work. */
  cancel(): void {
    clearTimeout(this.timer);
    if (this.idleId !== undefined && typeof cancelIdleCallback === 'function') cancelIdleCallback(this.idleId);
    this.timer = this.idleId = undefined;
  }
}
