// The update scheduler caps the tiles updated per frame (issue 16, bench/kpi): cheap updates must not fill a frame
// with the style, layout and paint of dozens of tiles because their script fits the time budget.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scheduleSliced } from '../../../../src/components/kpi-tile/update-scheduler.js';

type G = { requestAnimationFrame?: (cb: (t: number) => void) => number; cancelAnimationFrame?: (id: number) => void };
const g = globalThis as unknown as G;
let frames: Array<(t: number) => void> = [];

function runFrame(): void {
  const cbs = frames;
  frames = [];
  for (const cb of cbs) cb(performance.now());
}

beforeEach(() => {
  frames = [];
  g.requestAnimationFrame = (cb) => frames.push(cb);
  g.cancelAnimationFrame = () => undefined;
});
afterEach(() => {
  delete g.requestAnimationFrame;
  delete g.cancelAnimationFrame;
});

describe('scheduleSliced: updates per frame', () => {
  it('runs at most 6 cheap updates per frame, all of them in order over the frames', () => {
    const ran: number[] = [];
    const perFrame: number[] = [];
    for (let i = 0; i < 40; i++) scheduleSliced(() => void ran.push(i));
    for (let f = 0; f < 20 && ran.length < 40; f++) {
      const before = ran.length;
      runFrame();
      perFrame.push(ran.length - before);
    }
    expect(ran).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(perFrame.slice(0, -1).every((n) => n === 6)).toBe(true);
    expect(perFrame.at(-1)).toBe(4);
  });
});
