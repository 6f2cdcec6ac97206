// @vitest-environment jsdom
// The accessible sentences of a wall's tiles (issue 16, kpi-tile.say.ts): written in the frames after the update
// slices (none while tile updates are queued, then 25 a frame after one calm frame); on a machine whose slices never
// end, a few a frame once they waited a second. Frames are run by hand with chosen timestamps (no time is measured).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type G = { requestAnimationFrame?: (cb: (t: number) => void) => number; cancelAnimationFrame?: (id: number) => void };
const g = globalThis as unknown as G;
let frames: Array<(t: number) => void> = [];
let say: typeof import('../../../../src/components/kpi-tile/kpi-tile.say.js');
let sched: typeof import('../../../../src/components/kpi-tile/update-scheduler.js');

function runFrame(t: number): void {
  const cbs = frames;
  frames = [];
  for (const cb of cbs) cb(t);
}

/** `n` connected spans holding an old sentence, each given a new one to say later. */
function spans(n: number): HTMLElement[] {
  return Array.from({ length: n }, (_, i) => {
    const el = document.createElement('span');
    el.textContent = `old ${i}`;
    document.body.append(el);
    expect(say.sayLater(el, `new ${i}`, 'off')).toBe(true);
    return el;
  });
}
const written = (els: HTMLElement[]) => els.filter((el, i) => el.textContent === `new ${i}`).length;

beforeEach(async () => {
  vi.resetModules();
  frames = [];
  g.requestAnimationFrame = (cb) => frames.push(cb);
  g.cancelAnimationFrame = () => undefined;
  say = await import('../../../../src/components/kpi-tile/kpi-tile.say.js');
  sched = await import('../../../../src/components/kpi-tile/update-scheduler.js');
});

afterEach(() => {
  document.body.innerHTML = '';
});

describe('sayLater: a wall tile\'s sentence after the update slices', () => {
  it('writes now (returns false) for a live region, a first sentence, or when frames do not run', () => {
    const el = document.createElement('span');
    expect(say.sayLater(el, 'a', 'off'), 'first sentence').toBe(false);
    el.textContent = 'a';
    expect(say.sayLater(el, 'b', 'polite'), 'live region').toBe(false);
    expect(say.sayLater(el, 'b', 'off')).toBe(true);
    // A sentence written now forgets the one waiting (it would overwrite the newer one).
    expect(say.sayLater(el, 'c', 'polite')).toBe(false);
    expect(say.sentencesDue()).toBe(0);
  });

  it('waits for a calm frame, then writes 25 a frame, the latest sentence of each span, in place', () => {
    const els = spans(30);
    const node = els[0]!.firstChild;
    say.sayLater(els[0]!, 'new 0', 'off'); // again: still one entry
    runFrame(16);
    expect(written(els), 'the first frame (a slice may run in it)').toBe(0);
    runFrame(32);
    expect(written(els)).toBe(25);
    runFrame(48);
    expect(written(els)).toBe(30);
    expect(els[0]!.firstChild, 'the text node is changed in place').toBe(node);
    expect(frames, 'no frame asked for once all are written').toHaveLength(0);
  });

  it('writes none while tile updates are queued, then a few a frame once they waited a second', () => {
    sched.scheduleSliced(() => undefined); // a slice waits for its frame (never run here): updates are queued
    expect(sched.slicesPending()).toBe(true);
    const els = spans(30);
    const sayFrame = () => {
      // Only the sentences' frame callback: the scheduler's slice never runs.
      const cb = frames.find((f) => f.name === 'frame');
      frames = frames.filter((f) => f !== cb);
      return cb!;
    };
    for (const t of [16, 500, 1000]) sayFrame()(t);
    expect(written(els), 'within a second of waiting').toBe(0);
    sayFrame()(1100);
    expect(written(els)).toBe(4);
    sayFrame()(1116);
    expect(written(els)).toBe(8);
  });
});
