/**
 * The polling schedule behind `poll-interval`, kept apart from fetching so it can be tested with fake timers.
 *
 * - Ticks every `interval()` seconds (0 = off), re-read after each tick so the attribute can change.
 * - Pauses while `document.hidden`; when the page shows again and a tick is overdue, it runs at once.
 * - Skips a tick while `busy()` (never two requests in flight).
 * - After failures it backs off: interval × 2^failures, capped at max(interval, 5 min); a success resets it.
 */
export interface PollingOptions {
  interval: () => number;
  busy: () => boolean;
  tick: () => void;
  /** For tests. */
  now?: () => number;
  doc?: { hidden: boolean; addEventListener: Document['addEventListener']; removeEventListener: Document['removeEventListener'] };
}

export class PollingScheduler {
  private timer?: ReturnType<typeof setTimeout>;
  private failures = 0;
  private running = false;
  private due = 0;
  private readonly o: PollingOptions;

  constructor(o: PollingOptions) {
    this.o = o;
  }

  private get doc(): PollingOptions['doc'] | undefined {
    return this.o.doc ?? (typeof document !== 'undefined' ? document : undefined);
  }

  private now(): number {
    return this.o.now ? this.o.now() : Date.now();
  }

  /** Delay before the next tick, in ms (0 = polling off). */
  delay(): number {
    const s = this.o.interval();
    if (!(s > 0)) return 0;
    const base = s * 1000;
    if (this.failures === 0) return base;
    return Math.min(base * 2 ** this.failures, Math.max(base, 300_000));
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.doc?.addEventListener('visibilitychange', this.onVisibility);
    this.schedule();
  }

  stop(): void {
    this.running = false;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.doc?.removeEventListener('visibilitychange', this.onVisibility);
  }

  // A request fails or succeeds after its tick planned the next one (fire): that tick is planned again from now, so a
  // failure backs off the very next poll and a success after failures (a Retry) brings the interval back at once.
  succeeded(): void {
    const was = this.failures;
    this.failures = 0;
    if (was) this.replan();
  }

  failed(): void {
    this.failures = Math.min(this.failures + 1, 10);
    this.replan();
  }

  private replan(): void {
    if (this.timer !== undefined) this.schedule();
  }

  get failureCount(): number {
    return this.failures;
  }

  /** Re-plans the next tick (call when `poll-interval` changes). */
  schedule(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.running) return;
    const d = this.delay();
    if (d === 0) return; // off until schedule() is called again (the element does when poll-interval changes)
    this.due = this.now() + d;
    this.timer = setTimeout(() => this.fire(), d);
  }

  private fire(): void {
    this.timer = undefined;
    if (!this.running) return;
    if (this.doc?.hidden) return; // resumes on visibilitychange
    if (!this.o.busy()) this.o.tick();
    this.schedule();
  }

  private onVisibility = (): void => {
    if (!this.running || this.doc?.hidden) return;
    if (this.timer === undefined || this.now() >= this.due) {
      if (this.timer !== undefined) clearTimeout(this.timer);
      this.timer = undefined;
      if (this.delay() > 0) this.fire();
      else this.schedule();
    }
  };
}
