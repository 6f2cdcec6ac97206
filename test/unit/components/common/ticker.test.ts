// The shared animation frame loop (common/ticker.ts): one rAF for every animation, each frame's ticks bounded by a
// script budget (the rest tick first in the next frame). Fake frames and a fake clock: each tick advances the clock
// by its cost.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Ticker = typeof import('../../../../src/components/common/ticker.js');
let s: Ticker;
let now = 0;
let frames: Array<(t: number) => void> = [];
const g = globalThis as unknown as { requestAnimationFrame?: (cb: (t: number) => void) => number };

beforeEach(async () => {
  vi.resetModules();
  now = 0;
  frames = [];
  g.requestAnimationFrame = (cb) => frames.push(cb);
  s = await import('../../../../src/components/common/ticker.js');
  s.tickClock.now = () => now;
});

afterEach(() => {
  delete g.requestAnimationFrame;
});

/** Runs the frame now asked for; returns whether another was asked for. */
function runFrame(): boolean {
  const f = frames.splice(0);
  expect(f.length).toBeLessThanOrEqual(1); // one loop, one callback a frame
  for (const cb of f) cb(now);
  return frames.length > 0;
}

/** An animation of `steps` ticks, each costing `ms`; `log` records its id at each tick. */
function anim(id: number, steps: number, ms: number, log: number[]) {
  let left = steps;
  return {
    tick: () => {
      now += ms;
      log.push(id);
      return --left > 0;
    },
  };
}

describe('ticker: one loop, a script budget a frame', () => {
  it('ticks every animation each frame while cheap, and stops the loop when all are done', () => {
    const log: number[] = [];
    for (let i = 0; i < 5; i++) s.startTicking(anim(i, 3, 0.1, log));
    expect(frames).toHaveLength(1);
    expect(runFrame()).toBe(true);
    expect(log).toEqual([0, 1, 2, 3, 4]);
    runFrame();
    expect(runFrame()).toBe(false);
    expect(log).toHaveLength(15);
  });

  it('a frame stops ticking at 4 ms of script; the ones left tick first in the next frame', () => {
    const log: number[] = [];
    for (let i = 0; i < 10; i++) s.startTicking(anim(i, 100, 1, log));
    runFrame();
    expect(log).toEqual([0, 1, 2, 3]); // 4 ms after four ticks of 1 ms
    log.length = 0;
    runFrame();
    expect(log).toEqual([4, 5, 6, 7]);
    log.length = 0;
    runFrame();
    expect(log).toEqual([8, 9, 0, 1]); // round the ring: every animation gets its turn
  });

  it('a tick that throws stops that animation only; a stopped one never ticks again', () => {
    const log: number[] = [];
    s.startTicking({ tick: () => { throw new Error('x'); } });
    const b = anim(1, 100, 0, log);
    const c = anim(2, 100, 0, log);
    s.startTicking(b);
    s.startTicking(c);
    runFrame();
    s.stopTicking(b);
    runFrame();
    expect(log).toEqual([1, 2, 2]);
  });
});
