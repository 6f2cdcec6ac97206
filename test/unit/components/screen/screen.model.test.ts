import { describe, expect, it } from 'vitest';
import {
  clientToLocal,
  computeLayout,
  designToClient,
  formatClock,
  isTourPaused,
  isValidTimeZone,
  msToNextSecond,
  nextIndex,
  nextTourStep,
  normaliseDesign,
  normaliseScaleMode,
  parseTourIds,
  rectToDesign,
  resolveTimeZone,
  secondsToMs,
  stageTransform,
  tourResumeIn,
  TOUR_START,
  type TourState,
} from '../../../../src/components/screen/screen.model.js';

const HD = { width: 1920, height: 1080 };

describe('computeLayout: fit', () => {
  it('is 1 at the design size', () => {
    const l = computeLayout(HD, HD, 'fit');
    expect(l).toMatchObject({ scaleX: 1, scaleY: 1, scale: 1, offsetX: 0, offsetY: 0, scaledWidth: 1920, scaledHeight: 1080 });
  });
  it('letterboxes a taller viewport (bars top and bottom)', () => {
    const l = computeLayout(HD, { width: 960, height: 1000 }, 'fit');
    expect(l.scale).toBe(0.5);
    expect(l.scaleX).toBe(l.scaleY);
    expect(l.offsetX).toBe(0);
    expect(l.offsetY).toBe((1000 - 540) / 2);
    expect(l.scaledHeight).toBe(540);
  });
  it('pillarboxes a wider viewport (bars left and right)', () => {
    const l = computeLayout(HD, { width: 3000, height: 1080 }, 'fit');
    expect(l.scale).toBe(1);
    expect(l.offsetX).toBe(540);
    expect(l.offsetY).toBe(0);
  });
  it('scales 1920×1080 up to a 4K wall by 2', () => {
    expect(computeLayout(HD, { width: 3840, height: 2160 }, 'fit').scale).toBe(2);
  });
  it('handles a 4K design on a 1080p display and a 5760×1080 triple-wide design', () => {
    expect(computeLayout({ width: 3840, height: 2160 }, HD, 'fit').scale).toBe(0.5);
    const tri = computeLayout({ width: 5760, height: 1080 }, HD, 'fit');
    expect(tri.scale).toBeCloseTo(1 / 3, 10);
    expect(tri.offsetX).toBe(0);
    expect(tri.offsetY).toBeCloseTo((1080 - 360) / 2, 10);
    const wall = computeLayout({ width: 5760, height: 1080 }, { width: 5760, height: 1080 }, 'fit');
    expect(wall.scale).toBe(1);
  });
});

describe('computeLayout: fill and width', () => {
  it('fill stretches each axis separately and reports the larger scale', () => {
    const l = computeLayout(HD, { width: 960, height: 1080 }, 'fill');
    expect(l.scaleX).toBe(0.5);
    expect(l.scaleY).toBe(1);
    expect(l.scale).toBe(1);
    expect([l.offsetX, l.offsetY]).toEqual([0, 0]);
    expect([l.scaledWidth, l.scaledHeight]).toEqual([960, 1080]);
  });
  it('width scales to the width and lets the height overflow (scroll)', () => {
    const l = computeLayout(HD, { width: 960, height: 300 }, 'width');
    expect(l.scale).toBe(0.5);
    expect(l.scaleY).toBe(0.5);
    expect(l.scaledHeight).toBe(540);
    expect([l.offsetX, l.offsetY]).toEqual([0, 0]);
  });
  it('width on a 5760×1080 design shown on a 1920 display', () => {
    const l = computeLayout({ width: 5760, height: 1080 }, { width: 1920, height: 1080 }, 'width');
    expect(l.scale).toBeCloseTo(1 / 3, 10);
    expect(l.scaledHeight).toBeCloseTo(360, 10);
  });
});

describe('computeLayout: bad input', () => {
  it('gives scale 1 for a zero or NaN viewport', () => {
    for (const v of [{ width: 0, height: 100 }, { width: 100, height: Number.NaN }, { width: -5, height: 10 }]) {
      const l = computeLayout(HD, v, 'fit');
      expect(l.scale).toBe(1);
      expect(l.offsetX).toBe(0);
    }
  });
  it('falls back to 1920×1080 and fit for invalid design and mode', () => {
    expect(normaliseDesign(0, Number.NaN)).toEqual(HD);
    expect(normaliseDesign(3840, 2160)).toEqual({ width: 3840, height: 2160 });
    expect(normaliseScaleMode('stretch')).toBe('fit');
    expect(normaliseScaleMode('width')).toBe('width');
    expect(computeLayout({ width: -1, height: 0 }, { width: 960, height: 540 }, 'bogus' as never).scale).toBe(0.5);
  });
  it('writes a stable transform string', () => {
    expect(stageTransform(computeLayout(HD, { width: 960, height: 1000 }, 'fit'))).toBe('translate(0px, 230px) scale(0.5, 0.5)');
    expect(stageTransform(computeLayout(HD, { width: 1000, height: 1000 }, 'fill'))).toBe('translate(0px, 0px) scale(0.520833, 0.925926)');
  });
});

describe('coordinates', () => {
  const rect = (left: number, top: number, width: number, height: number) => ({ getBoundingClientRect: () => ({ left, top, width, height }) });
  it('clientToLocal undoes a uniform scale', () => {
    const el = { ...rect(100, 50, 480, 270), offsetWidth: 960, offsetHeight: 540 };
    expect(clientToLocal(el, 100, 50)).toEqual({ x: 0, y: 0 });
    expect(clientToLocal(el, 340, 185)).toEqual({ x: 480, y: 270 });
    expect(clientToLocal(el, 580, 320)).toEqual({ x: 960, y: 540 });
  });
  it('clientToLocal undoes separate x/y scales (fill)', () => {
    const el = { ...rect(0, 0, 500, 1000), offsetWidth: 1000, offsetHeight: 500 };
    expect(clientToLocal(el, 250, 250)).toEqual({ x: 500, y: 125 });
  });
  it('clientToLocal uses clientWidth for SVG-like targets and the rect when there is no layout size', () => {
    const svg = { ...rect(10, 10, 200, 100), clientWidth: 400, clientHeight: 200 };
    expect(clientToLocal(svg, 110, 60)).toEqual({ x: 200, y: 100 });
    expect(clientToLocal(rect(10, 10, 200, 100), 110, 60)).toEqual({ x: 100, y: 50 });
    expect(clientToLocal({ ...rect(10, 10, 0, 0), offsetWidth: 0, offsetHeight: 0 }, 15, 20)).toEqual({ x: 5, y: 10 });
  });
  it('designToClient is the inverse for the stage', () => {
    const stage = { left: 30, top: 20, width: 960, height: 540 };
    const p = designToClient(stage, { scaleX: 0.5, scaleY: 0.5 }, { x: 1000, y: 600 });
    expect(p).toEqual({ x: 530, y: 320 });
    expect(clientToLocal({ getBoundingClientRect: () => stage, offsetWidth: 1920, offsetHeight: 1080 }, p.x, p.y)).toEqual({ x: 1000, y: 600 });
  });
  it('rectToDesign maps a descendant rect into the stage', () => {
    expect(rectToDesign({ left: 130, top: 70, width: 100, height: 50 }, { left: 30, top: 20, width: 960, height: 540 }, 0.5, 0.5)).toEqual({
      left: 200,
      top: 100,
      width: 200,
      height: 100,
    });
  });
});

describe('tour schedule', () => {
  it('nextIndex cycles and handles empty lists', () => {
    expect(nextIndex(3, -1)).toBe(0);
    expect(nextIndex(3, 0)).toBe(1);
    expect(nextIndex(3, 2)).toBe(0);
    expect(nextIndex(0, 0)).toBe(-1);
    expect(nextIndex(3, Number.NaN)).toBe(0);
  });
  it('goes round-robin over elements and within each over its ids', () => {
    const counts = [2, 3, 0];
    let s: TourState = TOUR_START;
    const seen: string[] = [];
    for (let i = 0; i < 9; i++) {
      const step = nextTourStep(counts, s)!;
      seen.push(`${step.element}:${step.index}`);
      s = step.state;
    }
    expect(seen).toEqual(['0:0', '1:0', '2:-1', '0:1', '1:1', '2:-1', '0:0', '1:2', '2:-1']);
  });
  it('survives lists that shrink or elements that disappear', () => {
    const s1 = nextTourStep([5, 5], { element: 0, cursors: [4, 4] })!;
    expect(s1.element).toBe(1);
    expect(s1.index).toBe(4);
    const s2 = nextTourStep([2], s1.state)!; // element 1 gone, element 0 now has 2 ids
    expect(s2.element).toBe(0);
    expect(s2.index).toBe(0); // 4 % 2
    expect(nextTourStep([], TOUR_START)).toBeUndefined();
  });
  it('parses tour-ids lists', () => {
    expect(parseTourIds(' a, b  c\nd，e ')).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(parseTourIds('')).toEqual([]);
    expect(parseTourIds(null)).toEqual([]);
  });
  it('pauses for the resume delay after an interaction', () => {
    expect(isTourPaused(1000, undefined, 10000)).toBe(false);
    expect(isTourPaused(5000, 1000, 10000)).toBe(true);
    expect(isTourPaused(11000, 1000, 10000)).toBe(false);
    expect(tourResumeIn(5000, 1000, 10000)).toBe(6000);
    expect(tourResumeIn(12000, 1000, 10000)).toBe(0);
  });
  it('converts seconds attributes', () => {
    expect(secondsToMs(8)).toBe(8000);
    expect(secondsToMs(0)).toBe(0);
    expect(secondsToMs(-2)).toBe(0);
    expect(secondsToMs('abc')).toBe(0);
    expect(secondsToMs(0.2)).toBe(1000);
  });
});

describe('clock', () => {
  // 2022-10-31T16:00:05Z is 2022-11-01 00:00:05 in Shanghai (a Tuesday) and 2022-10-31 12:00:05 in New York.
  const d = new Date(Date.UTC(2022, 9, 31, 16, 0, 5));
  it('formats in Asia/Shanghai by default, midnight as 00', () => {
    const c = formatClock(d, 'zh-CN');
    expect(c.date).toBe('2022-11-01');
    expect(c.time).toBe('00:00:05');
    expect(c.weekday).toBe('星期二');
    expect(c.spoken).toContain('2022年11月1日');
    expect(c.spoken).toContain('00:00');
    expect(c.spoken).not.toContain(':05');
  });
  it('formats in another zone and in English', () => {
    const c = formatClock(d, 'en', 'America/New_York');
    expect(c.date).toBe('2022-10-31');
    expect(c.time).toBe('12:00:05');
    expect(c.weekday).toBe('Monday');
    expect(c.spoken).toContain('October 31, 2022');
  });
  it('falls back to Asia/Shanghai for an unknown zone', () => {
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(resolveTimeZone('Mars/Olympus')).toBe('Asia/Shanghai');
    expect(formatClock(d, 'zh-CN', 'Mars/Olympus').time).toBe('00:00:05');
  });
  it('ticks on the next whole second', () => {
    expect(msToNextSecond(1_000_250)).toBe(750);
    expect(msToNextSecond(1_000_000)).toBe(1000);
  });
});
