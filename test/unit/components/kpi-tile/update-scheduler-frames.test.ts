// The update scheduler in a page with animation frames (issue 16): tile updates run a slice per frame,
// inside the frame, with their text fits measured in that same frame; a frame that never comes does not stall them.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Scheduler = typeof import('../../../../src/components/kpi-tile/update-scheduler.js');
let scheduleSliced: Scheduler['scheduleSliced'];
let scheduleFit: typeof import('../../../../src/components/kpi-tile/fit-scheduler.js')['scheduleFit'];

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

/** The scheduler's clock, faked: an update advances it by its cost (no real time is spent or asserted). */
let now = 0;
const busy = (ms: number) => void (now += ms);

beforeEach(async () => {
  vi.resetModules(); // a fresh scheduler (its learnt state lives in its module)
  now = 0;
  frames = [];
  cancelled = 0;
  g.requestAnimationFrame = (cb) => frames.push(cb);
  g.cancelAnimationFrame = () => void cancelled++;
  const s = await import('../../../../src/components/kpi-tile/update-scheduler.js');
  s.sliceClock.now = () => now;
  scheduleSliced = s.scheduleSliced;
  const fits = await import('../../../../src/components/kpi-tile/fit-scheduler.js');
  scheduleFit = fits.scheduleFit;
  s.fits.flush = fits.flushFits; // as kpi-tile.figure.ts gives it

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
        busy(0.25);
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
    // 32 × 0.25 ms: before any frame was measured a slice takes 8 (2 ms of script: its budget too).
    expect(perFrame).toEqual([8, 8, 8, 8]);
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
