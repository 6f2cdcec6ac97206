// The stillness rule of tiles mode (still-queue.ts): the levels not on screen are classified one per idle period, and
// only once the camera has been still for STILL_MS — a pan or zoom keeps pushing the work back. Fake timers (and a
// fake performance clock): nothing here waits for real time.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StillQueue } from '../../../../src/components/grid-map/still-queue.js';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
});
afterEach(() => {
  vi.useRealTimers();
});

/** The next idle period (a setTimeout 0 in Node, which has no requestIdleCallback): the next timer, at most. */
const idle = () => vi.advanceTimersToNextTimer();

/** A queue of `n` steps; `done` lists the steps run so far. */
function steps(n: number) {
  const done: number[] = [];
  let i = 0;
  return { done, step: () => (done.push(i++), i < n) };
}

describe('StillQueue (tiles mode: levels not on screen classified after the camera is still)', () => {
  it('runs nothing while the camera keeps moving, and the first step once it has been still for stillMs', () => {
    const q = new StillQueue(1000);
    const { done, step } = steps(3);
    q.moved();
    q.start(step);
    // A pan: a move every 50 ms for 3 s.
    for (let t = 0; t < 3000; t += 50) {
      vi.advanceTimersByTime(50);
      q.moved();
      expect(done).toEqual([]);
    }
    vi.advanceTimersByTime(999);
    expect(done).toEqual([]);
    vi.advanceTimersByTime(1); // still for 1 s: the timer, then the idle period
    idle();
    expect(done).toEqual([0]);
  });

  it('runs one step per idle period while the camera stays still, until the step says it is done', () => {
    const q = new StillQueue(1000);
    const { done, step } = steps(3);
    q.start(step); // never moved: still already
    idle();
    expect(done).toEqual([0]);
    idle();
    expect(done).toEqual([0, 1]);
    vi.runAllTimers();
    expect(done).toEqual([0, 1, 2]);
  });

  it('a move between two steps waits for stillness again before the next one', () => {
    const q = new StillQueue(1000);
    const { done, step } = steps(3);
    q.start(step);
    idle();
    expect(done).toEqual([0]);
    q.moved(); // the user pans after the first level was classified
    vi.advanceTimersByTime(999);
    expect(done).toEqual([0]);
    vi.advanceTimersByTime(1);
    idle();
    expect(done).toEqual([0, 1]);
  });

  it('a move after the idle period was asked for still pushes the step back', () => {
    const q = new StillQueue(1000);
    const { done, step } = steps(2);
    q.start(step); // the idle period is asked for at once (still)
    q.moved();
    idle();
    expect(done).toEqual([]);
    vi.advanceTimersByTime(1000);
    idle();
    expect(done).toEqual([0]);
  });

  it('cancel() and a new start() drop the work queued before', () => {
    const q = new StillQueue(1000);
    const a = steps(3);
    q.start(a.step);
    q.cancel();
    vi.runAllTimers();
    expect(a.done).toEqual([]);
    const b = steps(2);
    const c = steps(1);
    q.start(b.step);
    q.start(c.step);
    vi.runAllTimers();
    expect(b.done).toEqual([]);
    expect(c.done).toEqual([0]);
  });
});
