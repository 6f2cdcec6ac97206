import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PollingScheduler, type PollingOptions } from '../../../src/data/polling.js';

/** A document stand-in: `hidden` plus visibilitychange listeners. */
class FakeDoc {
  hidden = false;
  listeners = new Set<() => void>();
  addEventListener = vi.fn((type: string, fn: () => void) => {
    if (type === 'visibilitychange') this.listeners.add(fn);
  });
  removeEventListener = vi.fn((type: string, fn: () => void) => {
    if (type === 'visibilitychange') this.listeners.delete(fn);
  });
  setHidden(h: boolean): void {
    this.hidden = h;
    for (const l of [...this.listeners]) l();
  }
}

let doc: FakeDoc;
let intervalS: number;
let busy: boolean;
let tick: ReturnType<typeof vi.fn<() => void>>;

function make(extra: Partial<PollingOptions> = {}): PollingScheduler {
  return new PollingScheduler({
    interval: () => intervalS,
    busy: () => busy,
    tick,
    now: () => Date.now(),
    doc: doc as unknown as PollingOptions['doc'],
    ...extra,
  });
}

beforeEach(() => {
  vi.useFakeTimers();
  doc = new FakeDoc();
  intervalS = 10;
  busy = false;
  tick = vi.fn<() => void>();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('PollingScheduler', () => {
  it('ticks at the interval', () => {
    const p = make();
    p.start();
    vi.advanceTimersByTime(9_999);
    expect(tick).toHaveBeenCalledTimes(0);
    vi.advanceTimersByTime(1);
    expect(tick).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(10_000);
    expect(tick).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(30_000);
    expect(tick).toHaveBeenCalledTimes(5);
    p.stop();
  });
  it('start() twice does not double the ticks or the listeners', () => {
    const p = make();
    p.start();
    p.start();
    expect(doc.addEventListener).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(10_000);
    expect(tick).toHaveBeenCalledTimes(1);
    p.stop();
  });
  it('delay() in ms', () => {
    const p = make();
    expect(p.delay()).toBe(10_000);
    intervalS = 0.5;
    expect(p.delay()).toBe(500);
    intervalS = 0;
    expect(p.delay()).toBe(0);
    intervalS = -5;
    expect(p.delay()).toBe(0);
    intervalS = NaN;
    expect(p.delay()).toBe(0);
  });
  it('interval 0 → no ticks', () => {
    intervalS = 0;
    const p = make();
    p.start();
    vi.advanceTimersByTime(3_600_000);
    expect(tick).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
    p.stop();
  });
  it('schedule() after an interval change re-plans from now', () => {
    intervalS = 0;
    const p = make();
    p.start();
    vi.advanceTimersByTime(5_000);
    intervalS = 2;
    p.schedule();
    vi.advanceTimersByTime(1_999);
    expect(tick).toHaveBeenCalledTimes(0);
    vi.advanceTimersByTime(1);
    expect(tick).toHaveBeenCalledTimes(1);
    intervalS = 60;
    p.schedule();
    vi.advanceTimersByTime(59_999);
    expect(tick).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(tick).toHaveBeenCalledTimes(2);
    expect(vi.getTimerCount()).toBe(1);
    p.stop();
  });
  it('the interval is re-read when the next tick is planned', () => {
    const p = make();
    p.start();
    intervalS = 3; // the first tick was planned with 10 s; the one after it uses 3 s
    vi.advanceTimersByTime(10_000);
    expect(tick).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(2_999);
    expect(tick).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(tick).toHaveBeenCalledTimes(2);
    intervalS = 0;
    vi.advanceTimersByTime(3_000);
    expect(tick).toHaveBeenCalledTimes(3);
    vi.advanceTimersByTime(600_000);
    expect(tick).toHaveBeenCalledTimes(3);
    expect(vi.getTimerCount()).toBe(0);
    p.stop();
  });
  it('schedule() before start() does nothing', () => {
    const p = make();
    p.schedule();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(60_000);
    expect(tick).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });
  it('stop() clears timers and the visibility listener', () => {
    const p = make();
    p.start();
    expect(doc.listeners.size).toBe(1);
    expect(vi.getTimerCount()).toBe(1);
    p.stop();
    expect(vi.getTimerCount()).toBe(0);
    expect(doc.listeners.size).toBe(0);
    vi.advanceTimersByTime(60_000);
    expect(tick).not.toHaveBeenCalled();
    doc.setHidden(false);
    expect(tick).not.toHaveBeenCalled();
  });
  it('can be restarted after stop()', () => {
    const p = make();
    p.start();
    p.stop();
    p.start();
    vi.advanceTimersByTime(10_000);
    expect(tick).toHaveBeenCalledTimes(1);
    p.stop();
  });

  describe('hidden page', () => {
    it('pauses while hidden and runs at once when shown if overdue', () => {
      const p = make();
      p.start();
      doc.setHidden(true);
      vi.advanceTimersByTime(60_000);
      expect(tick).toHaveBeenCalledTimes(0);
      doc.setHidden(false);
      expect(tick).toHaveBeenCalledTimes(1);
      // The next tick is one interval after the catch-up.
      vi.advanceTimersByTime(9_999);
      expect(tick).toHaveBeenCalledTimes(1);
      vi.advanceTimersByTime(1);
      expect(tick).toHaveBeenCalledTimes(2);
      p.stop();
    });
    it('shown again before the tick is due: waits for the planned tick', () => {
      const p = make();
      p.start();
      vi.advanceTimersByTime(3_000);
      doc.setHidden(true);
      vi.advanceTimersByTime(2_000);
      doc.setHidden(false);
      expect(tick).toHaveBeenCalledTimes(0);
      vi.advanceTimersByTime(4_999);
      expect(tick).toHaveBeenCalledTimes(0);
      vi.advanceTimersByTime(1);
      expect(tick).toHaveBeenCalledTimes(1);
      p.stop();
    });
    it('a hidden page leaves no timer running', () => {
      const p = make();
      p.start();
      doc.setHidden(true);
      vi.advanceTimersByTime(10_000);
      expect(vi.getTimerCount()).toBe(0);
      p.stop();
    });
    it('a visibilitychange to hidden does not tick', () => {
      const p = make();
      p.start();
      vi.advanceTimersByTime(20_000);
      expect(tick).toHaveBeenCalledTimes(2);
      doc.setHidden(true);
      expect(tick).toHaveBeenCalledTimes(2);
      p.stop();
    });
    it('shown with polling turned off meanwhile: no tick', () => {
      const p = make();
      p.start();
      doc.setHidden(true);
      vi.advanceTimersByTime(10_000);
      intervalS = 0;
      doc.setHidden(false);
      expect(tick).not.toHaveBeenCalled();
      p.stop();
    });
    it('uses the injected now() for "overdue"', () => {
      let t = 0;
      const p = make({ now: () => t });
      p.start();
      vi.advanceTimersByTime(5_000);
      doc.setHidden(true);
      doc.setHidden(false);
      expect(tick).toHaveBeenCalledTimes(0);
      t = 10_000; // the clock says overdue even though the timer has not fired
      doc.setHidden(true);
      doc.setHidden(false);
      expect(tick).toHaveBeenCalledTimes(1);
      expect(vi.getTimerCount()).toBe(1);
      p.stop();
    });
  });

  describe('busy', () => {
    it('skips ticks while busy (no overlap) and keeps the schedule', () => {
      const p = make();
      p.start();
      busy = true;
      vi.advanceTimersByTime(30_000);
      expect(tick).toHaveBeenCalledTimes(0);
      busy = false;
      vi.advanceTimersByTime(10_000);
      expect(tick).toHaveBeenCalledTimes(1);
      p.stop();
    });
    it('a catch-up on show is skipped while busy', () => {
      const p = make();
      p.start();
      doc.setHidden(true);
      vi.advanceTimersByTime(20_000);
      busy = true;
      doc.setHidden(false);
      expect(tick).toHaveBeenCalledTimes(0);
      busy = false;
      vi.advanceTimersByTime(10_000);
      expect(tick).toHaveBeenCalledTimes(1);
      p.stop();
    });
  });

  describe('backoff', () => {
    it('doubles after each failure and caps at 5 min', () => {
      const p = make();
      expect(p.delay()).toBe(10_000);
      p.failed();
      expect(p.delay()).toBe(20_000);
      p.failed();
      expect(p.delay()).toBe(40_000);
      p.failed();
      expect(p.delay()).toBe(80_000);
      p.failed();
      expect(p.delay()).toBe(160_000);
      p.failed();
      expect(p.delay()).toBe(300_000);
      p.failed();
      expect(p.delay()).toBe(300_000);
      expect(p.failureCount).toBe(6);
    });
    it('the cap is the interval itself when it is longer than 5 min', () => {
      intervalS = 600;
      const p = make();
      p.failed();
      expect(p.delay()).toBe(600_000);
      intervalS = 200;
      expect(p.delay()).toBe(300_000);
      intervalS = 100;
      expect(p.delay()).toBe(200_000);
    });
    it('failures are counted up to 10', () => {
      const p = make();
      for (let i = 0; i < 15; i++) p.failed();
      expect(p.failureCount).toBe(10);
    });
    it('resets after a success', () => {
      const p = make();
      p.failed();
      p.failed();
      p.succeeded();
      expect(p.failureCount).toBe(0);
      expect(p.delay()).toBe(10_000);
    });
    it('the next tick is planned with the backoff delay', () => {
      const p = make();
      tick.mockImplementation(() => p.failed());
      p.start();
      vi.advanceTimersByTime(10_000);
      expect(tick).toHaveBeenCalledTimes(1);
      vi.advanceTimersByTime(19_999);
      expect(tick).toHaveBeenCalledTimes(1);
      vi.advanceTimersByTime(1);
      expect(tick).toHaveBeenCalledTimes(2);
      vi.advanceTimersByTime(40_000);
      expect(tick).toHaveBeenCalledTimes(3);
      tick.mockImplementation(() => p.succeeded());
      vi.advanceTimersByTime(80_000);
      expect(tick).toHaveBeenCalledTimes(4);
      vi.advanceTimersByTime(10_000);
      expect(tick).toHaveBeenCalledTimes(5);
      p.stop();
    });
  });

  // A real poll fails later than its tick (the request runs first): the tick already planned is re-planned from the
  // failure with the backoff delay, and a success after failures (a Retry) brings the interval back at once.
  it('a failure that comes after its tick backs off the next tick; a later success restores the interval', () => {
    const p = make();
    p.start();
    vi.advanceTimersByTime(10_000);
    expect(tick).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(2_000);
    p.failed();
    vi.advanceTimersByTime(19_999);
    expect(tick, 'not at the plain interval').toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(tick).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(3_000);
    p.failed();
    vi.advanceTimersByTime(20_000);
    expect(tick, 'x4 after two failures').toHaveBeenCalledTimes(2);
    p.succeeded();
    vi.advanceTimersByTime(10_000);
    expect(tick, 'the interval back after a success').toHaveBeenCalledTimes(3);
    p.stop();
  });

  it('works without a document (Node): falls back to globalThis.document when absent', () => {
    const p = new PollingScheduler({ interval: () => 1, busy: () => false, tick });
    p.start();
    vi.advanceTimersByTime(1_000);
    expect(tick).toHaveBeenCalledTimes(1);
    p.stop();
  });
  it('catches up on show when the timer already fired while hidden, even if the clock says not yet due', () => {
    const p = make({ now: () => 0 });
    p.start();
    doc.setHidden(true);
    vi.advanceTimersByTime(10_000);
    expect(tick).not.toHaveBeenCalled();
    doc.setHidden(false);
    expect(tick).toHaveBeenCalledTimes(1);
    p.stop();
  });
  it('uses the global document when none is injected', () => {
    vi.stubGlobal('document', doc);
    try {
      const p = new PollingScheduler({ interval: () => 1, busy: () => false, tick });
      p.start();
      expect(doc.listeners.size).toBe(1);
      doc.setHidden(true);
      vi.advanceTimersByTime(5_000);
      expect(tick).not.toHaveBeenCalled();
      p.stop();
      expect(doc.listeners.size).toBe(0);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
