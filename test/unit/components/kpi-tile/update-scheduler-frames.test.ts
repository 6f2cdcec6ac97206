// The update scheduler in a page with animation frames (issue 16): tile updates run a budget's worth per frame,
// inside the frame, with their text fits measured in that same frame; a frame that never comes does not stall them.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { scheduleSliced } from '../../../../src/components/kpi-tile/update-scheduler.js';
import { scheduleFit } from '../../../../src/components/kpi-tile/fit-scheduler.js';

type G = { requestAnimationFrame?: (cb: (t: number) => void) => number; cancelAnimationFrame?: (id: number) => void; document?: unknown };
const g = globalThis as unknown as G;
let frames: Array<(t: number) => void> = [];
let cancelled = 0;
let inFrame = false;

/** Runs the frame callbacks requested so far (one frame), as the browser would. */
function runFrame(): void {
  const cbs = frames;
  frames = [];
  inFrame = true;
  try {
    for (const cb of cbs) cb(performance.now());
  } finally {
    inFrame = false;
  }
}

const busy = (ms: number) => {
  const t = performance.now();
  while (performance.now() - t < ms);
};

beforeEach(() => {
  frames = [];
  cancelled = 0;
  g.requestAnimationFrame = (cb) => frames.push(cb);
  g.cancelAnimationFrame = () => void cancelled++;
});

afterEach(() => {
  vi.useRealTimers();
  delete g.requestAnimationFrame;
  delete g.cancelAnimationFrame;
  delete g.document;
});

describe('scheduleSliced with animation frames', () => {
  it('runs a budget of updates per frame, inside the frame, in order, and fits them in the same frame', () => {
    const ran: number[] = [];
    const ranInFrame: boolean[] = [];
    const measured: number[] = [];
    const perFrame: number[] = [];
    const n = 32;
    for (let i = 0; i < n; i++)
      scheduleSliced(() => {
        ran.push(i);
        ranInFrame.push(inFrame);
        busy(2);
        // A tile's updated() asks for a fit; it must be measured before this frame ends.
        scheduleFit({ measureFit: () => void measured.push(i) });
      });
    expect(ran).toEqual([]);
    for (let f = 0; f < 50 && ran.length < n; f++) {
      const before = ran.length;
      runFrame();
      perFrame.push(ran.length - before);
      // Every update of this frame has had its fit measured in this frame.
      expect(measured).toEqual(ran);
    }
    expect(ran).toEqual(Array.from({ length: n }, (_, i) => i));
    expect(ranInFrame.every(Boolean)).toBe(true);
    // 32 × 2 ms, a 6 ms budget per frame after at least 3 updates: several frames, none running them all.
    expect(perFrame.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...perFrame)).toBeLessThan(n);
    expect(Math.min(...perFrame.slice(0, -1))).toBe(3); // the last frame runs what is left
  });

  it('runs in a task when the frame does not come (throttled or hidden page)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const ran: string[] = [];
    scheduleSliced(() => ran.push('a'));
    expect(frames).toHaveLength(1);
    vi.advanceTimersByTime(19);
    expect(ran).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(ran).toEqual(['a']);
    expect(cancelled).toBe(1);
  });

  it('does not wait for frames in a hidden document', async () => {
    g.document = { visibilityState: 'hidden' };
    const ran: string[] = [];
    await new Promise<void>((resolve) =>
      scheduleSliced(() => {
        ran.push('a');
        resolve();
      }),
    );
    expect(ran).toEqual(['a']);
    expect(frames).toHaveLength(0);
  });
});
