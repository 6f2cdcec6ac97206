import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../../src/data/push/backoff.js';

describe('backoffDelay', () => {
  it('doubles per attempt, within [d/2, d]', () => {
    expect([0, 1, 2, 3].map((n) => backoffDelay(n, 100, 10_000, () => 1))).toEqual([100, 200, 400, 800]);
    expect([0, 1, 2, 3].map((n) => backoffDelay(n, 100, 10_000, () => 0))).toEqual([50, 100, 200, 400]);
    expect(backoffDelay(2, 100, 10_000, () => 0.5)).toBe(300);
  });

  it('is capped, and the cap is never below the base', () => {
    expect(backoffDelay(20, 1000, 30_000, () => 1)).toBe(30_000);
    expect(backoffDelay(1000, 1000, 30_000, () => 1)).toBe(30_000);
    expect(backoffDelay(3, 500, 100, () => 1)).toBe(500);
  });

  it('jitters: different random draws give different delays, spread over half the range', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 50; i++) seen.add(backoffDelay(4, 100, 10_000, () => i / 49));
    expect(seen.size).toBeGreaterThan(40);
    expect(Math.min(...seen)).toBe(800);
    expect(Math.max(...seen)).toBe(1600);
  });

  it('treats negative or fractional input sanely', () => {
    expect(backoffDelay(-3, 100, 1000, () => 1)).toBe(100);
    expect(backoffDelay(1.9, 100, 1000, () => 1)).toBe(200);
    expect(backoffDelay(0, -5, 1000, () => 1)).toBe(0);
  });
});
