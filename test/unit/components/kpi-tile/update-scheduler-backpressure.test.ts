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
        busy(3); // 3 ms each (counted 1): a slice stops at its 2 ms script budget, after its least 3
      });
    vi.advanceTimersByTime(20); // no frame within 20 ms: the first slice runs in a task
    const first = ran.length;
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(12);
    vi.advanceTimersByTime(100); // still no frame: the next slice waits for one
    expect(ran).toHaveLength(first);
    runFrame(); // the frame comes: it renders the task's slice (its script filled the budget): no slice of its own
    expect(ran).toHaveLength(first);
    vi.advanceTimersByTime(20); // after a frame, a slow frame may again be overtaken after 20 ms
    expect(ran).toHaveLength(2 * first);
  });

  it('a frame after a slice that ran in a task renders at most one slice of tiles: its own slice takes the rest', () => {
    const ran: number[] = [];
    for (let i = 0; i < 40; i++)
      scheduleSliced(() => {
        ran.push(i);
        busy(0.25); // cheap: the task's slice takes its full 8 (the size before anything was measured; 2 ms)
      });
    vi.advanceTimersByTime(20); // no frame within 20 ms: 8 updates in a task
    expect(ran).toHaveLength(8);
    runFrame(); // this frame lays out and paints those 8: no slice of its own
    expect(ran).toHaveLength(8);
    runFrame(); // the next frame has nothing left to render: a whole slice again
    expect(ran).toHaveLength(16);
  });

  it('a batch queued after the tasks\' updates were rendered owes that frame nothing', () => {
    const ran: number[] = [];
    const add = (n: number) => {
      for (let i = 0; i < n; i++)
        scheduleSliced(() => {
          ran.push(i);
          busy(0.25);
        });
    };
    add(5);
    vi.advanceTimersByTime(20); // all 5 in a task; the scheduler is idle again
    expect(ran).toHaveLength(5);
    runFrame(); // the frame that renders them
    add(20);
    runFrame(); // a new batch: a whole slice of 8
    expect(ran).toHaveLength(13);
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
