/**
 * The named one-shot timers of `<civic-screen>` (clock, tour, tour-resume, idle): setting a name again replaces its
 * timer, a timer forgets its name when it fires, and `clear()` (disconnect) stops them all.
 */
export class ScreenTimers {
  private readonly map = new Map<string, ReturnType<typeof setTimeout>>();

  /** Number of pending timers. */
  get size(): number {
    return this.map.size;
  }

  has(key: string): boolean {
    return this.map.has(key);
  }

  later(key: string, fn: () => void, ms: number): void {
    const old = this.map.get(key);
    if (old !== undefined) clearTimeout(old);
    const handle = setTimeout(() => {
      this.map.delete(key);
      fn();
    }, ms);
    this.map.set(key, handle);
  }

  cancel(key: string): void {
    const old = this.map.get(key);
    if (old !== undefined) clearTimeout(old);
    this.map.delete(key);
  }

  clear(): void {
    for (const t of this.map.values()) clearTimeout(t);
    this.map.clear();
  }
}
