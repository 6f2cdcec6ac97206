// Count-up turns (issue 16): with many tiles counting up, about `perFrame` of them paint a step in any one frame,
// each gets its turn regularly; a few tiles step every frame.
import { describe, expect, it } from 'vitest';
import { createCountUpTurns } from '../../../../src/components/kpi-tile/count-up-turns.js';

describe('count-up turns', () => {
  it('a few count-ups step every frame', () => {
    const turns = createCountUpTurns(40);
    const phases = Array.from({ length: 10 }, () => turns.begin({}));
    for (let f = 1; f <= 5; f++) expect(phases.every((p) => turns.turn(f * 16, p))).toBe(true);
  });

  it('200 count-ups: about 40 steps per frame, every one of them every 5 frames', () => {
    const turns = createCountUpTurns(40);
    const keys = Array.from({ length: 200 }, () => ({}));
    const phases = keys.map((k) => turns.begin(k));
    const stepped = new Map<number, number[]>();
    for (let f = 1; f <= 20; f++) {
      let n = 0;
      phases.forEach((p, i) => {
        if (turns.turn(f * 16.7, p)) {
          n++;
          stepped.set(i, [...(stepped.get(i) ?? []), f]);
        }
      });
      expect(n).toBe(40);
    }
    // Every count-up stepped, every 5th frame.
    expect(stepped.size).toBe(200);
    for (const frames of stepped.values()) expect(frames.slice(1).map((f, j) => f - frames[j]!)).toEqual([5, 5, 5]);
    // As they end, the others step more often.
    keys.slice(40).forEach((k) => turns.end(k));
    expect(turns.running).toBe(40);
    expect(phases.slice(0, 40).every((p) => turns.turn(999, p))).toBe(true);
  });

  it('frames that come late allow fewer steps (a loaded machine skips steps, not frames), back to perFrame on time', () => {
    const turns = createCountUpTurns(40);
    const phases = Array.from({ length: 200 }, () => turns.begin({}));
    const steps = (now: number) => phases.filter((p) => turns.turn(now, p)).length;
    let t = 1000;
    steps(t);
    // 50 ms apart: 40 × 25 / 50 = 20 steps a frame, each count-up every 10 frames.
    for (let f = 0; f < 10; f++) expect(steps((t += 50))).toBe(20);
    expect(turns.allowance).toBe(20);
    // 200 ms apart: never under 10 a frame.
    expect(steps((t += 200))).toBe(10);
    // On time again (60 Hz): 40.
    expect(steps((t += 16.7))).toBe(40);
    // A gap after a pause (over 250 ms) says nothing about the load: the allowance stays.
    steps((t += 50));
    expect(turns.allowance).toBe(20);
    steps((t += 2000));
    expect(turns.allowance).toBe(20);
  });

  it('the frame rate is followed while no step is painted (frame() each frame, turn() only when due)', () => {
    const turns = createCountUpTurns(40);
    Array.from({ length: 200 }, () => turns.begin({}));
    for (let f = 0; f <= 10; f++) turns.frame(f * 16.7);
    // The next turn comes 16.7 ms after the last frame seen, not 183 ms after the last turn.
    turns.turn(11 * 16.7, 0);
    expect(turns.allowance).toBe(40);
    for (let f = 12; f <= 14; f++) turns.frame(f * 16.7 + (f - 11) * 40);
    expect(turns.allowance).toBeLessThan(40);
  });
});
