// The update scheduler on a machine whose frames come slowly (issue 16): a slice whose frame has not come runs in a
// task, but the next slice then waits for a frame, so one frame never lays out and paints the tiles of many slices.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Scheduler = typeof import('../../../../src/components/kpi-tile/update-scheduler.js');
let scheduleSliced: Scheduler['scheduleSliced'];

type G = { requestAnimationFrame?: (cb: (t: number) => void) => number; cancelAnimationFrame?: (id: number) => void };
const g = globalThis as unknown as G;
let frames = new Map<number, (t: number) => void>();
let nextId = 1;

/** Runs the frame callbacks requested (and not cancelled) so far: one frame. */
function runFrame(): void {
  const cbs = [...frames.values()];
  frames = new Map();
  for (const cb of cbs) cb(performance.now());
}

/** The scheduler's clock, faked: an update advances it by its cost (no real time is spent or asserted). */
let now = 0;
const busy = (ms: number) => void (now += ms);

beforeEach(async () => {
  vi.resetModules(); // a fresh scheduler (its learnt state lives in its module)
  now = 0;
  frames = new Map();
  g.requestAnimationFrame = (cb) => {
    frames.set(nextId, cb);
    return nextId++;
  };
  g.cancelAnimationFrame = (id) => void frames.delete(id);
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  const s = await import('../../../../src/components/kpi-tile/update-scheduler.js');
  s.sliceClock.now = () => now;
  scheduleSliced = s.scheduleSliced;
});

afterEach(() => {
  for (let i = 0; i < 100 && frames.size; i++) runFrame(); // leave the scheduler idle (its state is per module)
  vi.useRealTimers();
  delete g.requestAnimationFrame;
  delete g.cancelAnimationFrame;
});

describe('scheduleSliced when frames come slowly', () => {
  it('after a slice ran in a task, the next slice waits for the frame, not for another 20 ms timer', () => {
    const ran: number[] = [];
    for (let i = 0; i < 24; i++)
      scheduleSliced(() => {
        ran.push(i);
        busy(3); // 3 ms each: a slice stops at its 20 ms script budget
      });
    vi.advanceTimersByTime(20); // no frame within 20 ms: the first slice runs in a task
    const first = ran.length;
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(12);
    vi.advanceTimersByTime(100); // still no frame: the next slice waits for one
    expect(ran).toHaveLength(first);
    runFrame(); // the frame comes: its slice runs in it
    expect(ran).toHaveLength(2 * first);
    vi.advanceTimersByTime(20); // after a frame, a slow frame may again be overtaken after 20 ms
    expect(ran).toHaveLength(3 * first);
  });

  it('a frame that never comes still does not stall the updates (a slower task)', () => {
    const ran: number[] = [];
    for (let i = 0; i < 8; i++)
      scheduleSliced(() => {
        ran.push(i);
        busy(3);
      });
    vi.advanceTimersByTime(20);
    const first = ran.length;
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(8);
    vi.advanceTimersByTime(250);
    expect(ran.length).toBeGreaterThan(first);
  });
});
