import { describe, expect, it, vi } from 'vitest';
import { scheduleSliced } from '../../../../src/components/kpi-tile/update-scheduler.js';
import { flushFits, scheduleFit } from '../../../../src/components/kpi-tile/fit-scheduler.js';

/** Polls a condition (the slices run in later tasks) with a generous deadline: no fixed sleep. */
const until = (check: () => void) => vi.waitFor(check, { timeout: 20_000, interval: 2 });

describe('scheduleSliced', () => {
  it('runs callbacks in order, in a later task', async () => {
    const order: number[] = [];
    for (let i = 0; i < 5; i++) scheduleSliced(() => order.push(i));
    expect(order).toEqual([]);
    await until(() => expect(order).toHaveLength(5));
    expect(order).toEqual([0, 1, 2, 3, 4]);
  });

  it('splits long work into several tasks', async () => {
    // A marker object lives until the end of the current task (cleared by a microtask): distinct markers = tasks.
    let marker: object | undefined;
    const tasks = new Set<object>();
    const busy = (ms: number) => {
      const t = performance.now();
      while (performance.now() - t < ms);
    };
    // A slice runs at least 3 updates (throughput on a loaded machine), then stops at its time budget.
    await new Promise<void>((resolve) => {
      for (let i = 0; i < 24; i++)
        scheduleSliced(() => {
          if (!marker) {
            const m = {};
            marker = m;
            queueMicrotask(() => (marker = undefined));
          }
          tasks.add(marker);
          busy(2);
          if (i === 23) resolve();
        });
    });
    expect(tasks.size).toBeGreaterThanOrEqual(3);
  });

  it('keeps going after a callback throws', async () => {
    const ran: string[] = [];
    const onErr = vi.fn();
    process.once('uncaughtException', onErr);
    scheduleSliced(() => {
      throw new Error('boom');
    });
    scheduleSliced(() => ran.push('after'));
    await until(() => expect(ran).toHaveLength(1)); // the throw is reported in the slice before this one
    process.removeListener('uncaughtException', onErr);
    expect(ran).toEqual(['after']);
  });
});

describe('scheduleFit', () => {
  it('batches: every measurement before any write, each item once', () => {
    const log: string[] = [];
    const item = (n: string) => ({
      measureFit: () => {
        log.push(`read ${n}`);
        return () => log.push(`write ${n}`);
      },
    });
    const a = item('a');
    const b = item('b');
    scheduleFit(a);
    scheduleFit(b);
    scheduleFit(a);
    flushFits();
    expect(log).toEqual(['read a', 'read b', 'write a', 'write b']);
  });
});

import { startTicking, stopTicking } from '../../../../src/components/common/ticker.js';
describe('ticker', () => {
  it('drives every animation from one rAF loop until each says it is done, surviving a throwing one', async () => {
    const callbacks: Array<(t: number) => void> = [];
    const g = globalThis as unknown as { requestAnimationFrame?: (cb: (t: number) => void) => number };
    const old = g.requestAnimationFrame;
    g.requestAnimationFrame = (cb) => callbacks.push(cb);
    try {
      let a = 0;
      let b = 0;
      startTicking({ tick: () => ++a < 3 });
      startTicking({ tick: () => ++b < 2 });
      startTicking({
        tick: () => {
          throw new Error('x');
        },
      });
      const stopped = { tick: () => true };
      startTicking(stopped);
      stopTicking(stopped);
      expect(callbacks).toHaveLength(1);
      for (let f = 0; callbacks.length && f < 10; f++) callbacks.shift()!(f * 16);
      expect([a, b]).toEqual([3, 2]);
      expect(callbacks).toHaveLength(0);
    } finally {
      g.requestAnimationFrame = old;
    }
  });
});
