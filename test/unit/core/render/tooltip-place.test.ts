import { describe, expect, it } from 'vitest';
import { nextShape, placeAxis, placeTooltip, tipRoom, TIP_COLUMN_GAP, TIP_GAP, TIP_MARGIN, TIP_MIN_COLUMN, type Size, type TipShape } from '../../../../src/core/render/tooltip-place.js';

const inside = (p: { left: number; top: number }, tip: Size, stage: Size) =>
  p.left >= TIP_MARGIN && p.top >= TIP_MARGIN && p.left + tip.w <= stage.w - TIP_MARGIN && p.top + tip.h <= stage.h - TIP_MARGIN;

describe('placeAxis', () => {
  it('goes after the point when it fits', () => {
    expect(placeAxis(100, 50, 400)).toBe(100 + TIP_GAP);
  });
  it('flips before the point when after would pass the far edge', () => {
    expect(placeAxis(350, 50, 400)).toBe(350 - TIP_GAP - 50);
  });
  it('neither side fits: the side with more room, clamped inside', () => {
    // 170 px stage, 120 px tooltip, point at 60: after has 98 px, before 48: after, clamped to 170 - 4 - 120 = 46.
    expect(placeAxis(60, 120, 170)).toBe(46);
    // point at 120: before has more room; before = -12 → clamped to the margin.
    expect(placeAxis(120, 120, 170)).toBe(TIP_MARGIN);
  });
  it('longer than the room: at the margin', () => {
    expect(placeAxis(20, 184, 170)).toBe(TIP_MARGIN);
    expect(placeAxis(160, 184, 170)).toBe(TIP_MARGIN);
  });
  it('a point outside the stage (panned away) still gives a place inside', () => {
    expect(placeAxis(-50, 40, 300)).toBe(TIP_MARGIN);
    expect(placeAxis(900, 40, 300)).toBe(300 - TIP_MARGIN - 40);
  });
});

describe('placeTooltip', () => {
  it('stays inside the stage for every point of a grid, when the tooltip fits the room', () => {
    const stage = { w: 486, h: 170 };
    for (const tip of [{ w: 288, h: 150 }, { w: 112, h: 106 }, { w: 478, h: 162 }, { w: 10, h: 10 }])
      for (let x = -20; x <= stage.w + 20; x += 7)
        for (let y = -20; y <= stage.h + 20; y += 5) expect(inside(placeTooltip(x, y, tip, stage), tip, stage), JSON.stringify({ x, y, tip })).toBe(true);
  });
  it('does not cover the point when one side has room (below-right first, then above / left)', () => {
    const stage = { w: 600, h: 400 };
    const tip = { w: 200, h: 100 };
    expect(placeTooltip(100, 100, tip, stage)).toEqual({ left: 112, top: 112 });
    expect(placeTooltip(500, 350, tip, stage)).toEqual({ left: 288, top: 238 });
  });
});

describe('nextShape', () => {
  const room = tipRoom({ w: 578, h: 170 });
  it('the room is the stage less its margins', () => {
    expect(room).toEqual({ w: 578 - 2 * TIP_MARGIN, h: 170 - 2 * TIP_MARGIN });
    expect(tipRoom({ w: 3, h: 3 })).toEqual({ w: 0, h: 0 });
  });
  it('nothing to do when the stylesheet shape fits', () => {
    expect(nextShape({ columns: 1 }, { w: 288, h: 150 }, { w: 288, h: 150 }, room)).toBe(null);
  });
  it('too tall: wider first, then columns of the natural width while they fit the room', () => {
    const natural = { w: 288, h: 184 };
    const wide = nextShape({ columns: 1 }, natural, natural, room)!;
    expect(wide).toEqual({ columns: 1, maxWidth: room.w });
    expect(nextShape(wide, { w: 420, h: 150 }, natural, room)).toBe(null); // wrapping less was enough
    const two = nextShape(wide, { w: 288, h: 184 }, natural, room)!;
    expect(two).toEqual({ columns: 2, width: Math.min(room.w, 2 * 288 + TIP_COLUMN_GAP) });
    expect(nextShape(two, { w: two.width!, h: 100 }, natural, room)).toBe(null);
  });
  it('narrow stage: the width limit is the room', () => {
    const r = tipRoom({ w: 200, h: 400 });
    expect(nextShape({ columns: 1 }, { w: 288, h: 90 }, { w: 288, h: 90 }, r)).toEqual({ columns: 1, maxWidth: r.w });
    expect(nextShape({ columns: 1, maxWidth: r.w }, { w: r.w, h: 140 }, { w: 288, h: 90 }, r)).toBe(null);
  });
  it('stops adding columns before a column gets narrower than TIP_MIN_COLUMN, and ends', () => {
    const r = tipRoom({ w: 300, h: 60 });
    const natural = { w: 150, h: 400 };
    let shape: TipShape | null = { columns: 1 };
    let last: TipShape = shape;
    const seen: TipShape[] = [];
    for (let i = 0; i < 20 && (shape = nextShape(shape, { w: 150, h: 400 }, natural, r)); i++) seen.push((last = shape));
    expect(seen.length).toBeLessThan(20);
    expect(last.columns).toBe(2);
    expect((last.width! - TIP_COLUMN_GAP) / 2).toBeGreaterThanOrEqual(TIP_MIN_COLUMN);
  });
});
