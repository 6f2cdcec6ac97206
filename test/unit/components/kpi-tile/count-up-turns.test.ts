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
});
