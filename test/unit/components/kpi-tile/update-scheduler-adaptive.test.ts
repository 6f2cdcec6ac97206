// The update scheduler learns how many tile updates fit a frame (issue 16, bench/kpi): after each frame with a slice
// it reads the clock once the frame is rendered, and sizes the next slice to the frame budget at the cost a tile
// added. Fake time throughout: each update advances a fake clock by its script cost, each frame by its rendering
// cost (the frame's own plus each updated tile's), and the task after the frame (the scheduler's probe) runs then.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Scheduler = typeof import('../../../../src/components/kpi-tile/update-scheduler.js');
type G = { requestAnimationFrame?: (cb: (t: number) => void) => number; cancelAnimationFrame?: (id: number) => void };
const g = globalThis as unknown as G;
let frames = new Map<number, (t: number) => void>();
let nextId = 1;
let now = 0;
let s: Scheduler;

/** One rendered frame: its callbacks, then its rendering (`base` + `perTile` × updates in it), then the task after it. */
function frame(ran: unknown[], render: { base: number; perTile: number }): number {
  const cbs = [...frames.values()];
  frames = new Map();
  const before = ran.length;
  for (const cb of cbs) cb(now);
  const n = ran.length - before;
  now += render.base + render.perTile * n;
  vi.advanceTimersByTime(0); // the task posted from the frame runs after its rendering
  return n;
}

/** Queues `n` updates, each costing `script` ms of the fake clock; returns the log of those run. */
function queue(n: number, script: number, ran: number[] = []): number[] {
  for (let i = 0; i < n; i++)
    s.scheduleSliced(() => {
      now += script;
      ran.push(i);
    });
  return ran;
}

/** Frames until the queue is empty: the updates per frame. */
function drainAll(ran: number[], total: number, render: { base: number; perTile: number }): number[] {
  const per: number[] = [];
  for (let f = 0; f < 500 && ran.length < total; f++) per.push(frame(ran, render));
  return per;
}

beforeEach(async () => {
  vi.resetModules(); // the scheduler's learnt state lives in its module: a fresh one per test
  frames = new Map();
  now = 1000;
  g.requestAnimationFrame = (cb) => {
    frames.set(nextId, cb);
    return nextId++;
  };
  g.cancelAnimationFrame = (id) => void frames.delete(id);
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  s = await import('../../../../src/components/kpi-tile/update-scheduler.js');
  s.sliceClock.now = () => now;
});

afterEach(() => {
  vi.useRealTimers();
  delete g.requestAnimationFrame;
  delete g.cancelAnimationFrame;
});

describe('scheduleSliced: slices sized to the frame budget', () => {
  it('draws every queued update once, in order, each in a frame', () => {
    const ran = queue(200, 0.5);
    const per = drainAll(ran, 200, { base: 2, perTile: 0.5 });
    expect(ran).toEqual(Array.from({ length: 200 }, (_, i) => i));
    expect(per.reduce((a, b) => a + b, 0)).toBe(200);
  });

  it('cheap updates fill few frames: slices grow (at most doubling) to what the budget holds', () => {
    // 0.0625 ms script + 0.1 ms rendering a tile: the whole wall fits a frame's budget once learnt.
    const ran = queue(200, 0.0625);
    const per = drainAll(ran, 200, { base: 1, perTile: 0.1 });
    expect(per[0]).toBe(8); // before anything was measured
    for (let i = 1; i < per.length - 1; i++) expect(per[i]).toBeLessThanOrEqual(2 * per[i - 1]!);
    expect(per.length).toBeLessThanOrEqual(8); // 8, 16, 32, 32, 32 … (2 ms of script a slice) — not 34 frames of 6
    // The next batch starts at the size learnt: slices of 32 (the script budget) from its first frame.
    const again = queue(200, 0.0625);
    const per2 = drainAll(again, 200, { base: 1, perTile: 0.1 });
    expect(per2.length).toBeLessThanOrEqual(7);
  });

  it('costly updates: each learnt frame stays within the budget (16 ms) and the slices shrink to fit it', () => {
    // 0.25 ms script + 1 ms of style, layout and paint a tile (as traced on the bench wall), 3 ms of the frame's own.
    const ran = queue(300, 0.25);
    const frameMs: number[] = [];
    const per: number[] = [];
    for (let f = 0; f < 200 && ran.length < 300; f++) {
      const t0 = now;
      per.push(frame(ran, { base: 3, perTile: 1 }));
      frameMs.push(now - t0);
    }
    expect(ran).toHaveLength(300);
    // After the first few frames (learning), every frame with a slice fits the budget and is well used.
    for (const ms of frameMs.slice(3, -1)) {
      expect(ms).toBeLessThanOrEqual(16 + 3);
      expect(ms).toBeGreaterThan(9);
    }
    expect(Math.max(...per)).toBeLessThanOrEqual(16);
  });

  it('the frame\'s own cost (other elements) counts against the budget: slices take what fits the rest', () => {
    // Frames cost 12 ms without tiles; a tile 0.25 ms script + 0.75 ms rendering.
    const frameMs: number[] = [];
    for (let b = 0; b < 4; b++) {
      const ran = queue(100, 0.25);
      for (let f = 0; f < 100 && ran.length < 100; f++) {
        const t0 = now;
        frame(ran, { base: 12, perTile: 0.75 });
        frameMs.push(now - t0);
      }
    }
    expect(Math.max(...frameMs)).toBeLessThanOrEqual(20); // the first slice, before anything was learnt: 8 tiles
    expect(s.sliceState().size).toBeGreaterThanOrEqual(4); // 12 + 1 ms × 4 = 16 ms
  });

  it('frames that waited long for a core do not shrink the slices (the least of the last frames is believed)', () => {
    const ran = queue(400, 0.1875);
    const per: number[] = [];
    for (let f = 0; f < 200 && ran.length < 400; f++) per.push(frame(ran, { base: 1, perTile: f >= 4 && f <= 6 ? 60 : 0.25 }));
    expect(ran).toHaveLength(400);
    // Sizes after the spike: not down to the minimum of 3 (11 a slice: the script budget).
    expect(Math.min(...per.slice(5, -1))).toBeGreaterThan(8);
  });

  it('a slice stops when its script reaches the script budget (2 ms), after at least 3 updates', () => {
    const ran = queue(12, 0.5);
    expect(frame(ran, { base: 0, perTile: 0 })).toBe(4); // 2 ms of script after 4: the rest waits
    expect(ran).toEqual([0, 1, 2, 3]);
    const per = drainAll(ran, 12, { base: 0, perTile: 0 });
    expect(per).toEqual([4, 4]);
    // Updates of 4 ms (counted 1: two fill the budget): 3 a slice all the same (the least a slice runs).
    const slow = queue(6, 4);
    expect(drainAll(slow, 6, { base: 0, perTile: 0 })).toEqual([3, 3]);
  });

  it('a wait for a core in the middle of an update is not counted as its cost (at most 1 ms an update)', () => {
    // 0.2 ms updates, one of which the machine stalls for 100 ms (counted 1 ms): the slice takes 6 (1 + 5 × 0.2 ms
    // reach the 2 ms budget), not the 3 it would if the stall were counted.
    const ran: number[] = [];
    for (let i = 0; i < 20; i++)
      s.scheduleSliced(() => {
        now += i === 1 ? 100 : 0.2;
        ran.push(i);
      });
    expect(frame(ran, { base: 0, perTile: 0 })).toBe(6);
  });

  it('says whether updates are waiting (count-ups paint no step meanwhile)', () => {
    expect(s.slicesPending()).toBe(false);
    const ran = queue(20, 1);
    expect(s.slicesPending()).toBe(true);
    frame(ran, { base: 0, perTile: 0 }); // 8 of 20
    expect(s.slicesPending()).toBe(true);
    drainAll(ran, 20, { base: 0, perTile: 0 });
    expect(s.slicesPending()).toBe(false);
  });
});
